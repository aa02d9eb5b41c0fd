"""The Rich console that tables and panels are printed on."""

from __future__ import annotations

import io
import sys
from typing import IO

from rich.console import Console, RenderableType


def make_console(stream: IO[str] | None = None, *, width: int | None = None) -> Console:
    """A console for ``stream`` (default stdout): colour only on a terminal, NO_COLOR honoured."""
    return Console(
        file=stream or sys.stdout,
        width=width,
        highlight=False,
        soft_wrap=False,
        emoji=False,
    )


def plain_text(renderable: RenderableType, *, width: int = 100) -> str:
    """``renderable`` as plain text ``width`` columns wide, without colour (for a file)."""
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, highlight=False, emoji=False).print(
        renderable
    )
    return out.getvalue()
