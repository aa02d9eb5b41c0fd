"""The Rich console that tables and panels are printed on."""

from __future__ import annotations

import errno
import sys
from typing import IO

from rich.console import Console


class _Console(Console):
    """Rich's console, but a closed pipe is left to the CLI's boundary (exit 141, not 1)."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError(errno.EPIPE, "utdata stängdes")


def make_console(stream: IO[str] | None = None, *, width: int | None = None) -> Console:
    """A console for ``stream`` (default stdout): colour only on a terminal, NO_COLOR honoured.

    Text from the files is given to it as :class:`rich.text.Text` (see
    :mod:`planctl.render.escape`), never as markup.
    """
    return _Console(
        file=stream or sys.stdout,
        width=width,
        highlight=False,
        soft_wrap=False,
        emoji=False,
    )
