"""JSON output: sorted keys, two-space indent, å/ä/ö as themselves, never Rich markup."""

from __future__ import annotations

from typing import Any

from planctl.render.escape import json_text


def to_json(data: Any) -> str:
    """Stable, readable, strict JSON: sorted keys, two-space indent, å/ä/ö as themselves.

    NaN and infinities are refused (they are not JSON; the models never hold them), and control
    characters are escaped (:func:`planctl.render.escape.json_text`).
    """
    return json_text(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
