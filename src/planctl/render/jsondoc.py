"""JSON output: sorted keys, two-space indent, å/ä/ö as themselves, never Rich markup."""

from __future__ import annotations

import json
from typing import Any


def to_json(data: Any) -> str:
    """Stable, readable JSON: sorted keys, two-space indent, å/ä/ö as themselves."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
