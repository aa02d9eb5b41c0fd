"""The Rich console that tables and panels are printed on."""

from __future__ import annotations

import sys
from typing import IO

from rich.console import Console


def make_console(stream: IO[str] | None = None, *, width: int | None = None) -> Console:
    """A console for ``stream`` (default stdout): colour only on a terminal, NO_COLOR honoured."""
    return Console(
        file=stream or sys.stdout,
        width=width,
        highlight=False,
        soft_wrap=False,
        emoji=False,
    )
