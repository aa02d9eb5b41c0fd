"""The Rich console that tables and panels are printed on: the terminal's output gate.

Three rules hold for everything printed on it, whoever built the table:

- **No markup.** Strings are never parsed as Rich markup, so a note ``Se bilaga [/] i
  protokollet`` cannot end in a ``MarkupError`` and ``Gäller [alf] och [ifo]`` keeps its words.
  Styling is given with :class:`rich.text.Text` and ``style=`` only.
- **No control characters.** Every piece of text is passed through
  :func:`planctl.render.escape.visible` just before it is written, so an escape sequence in a
  file that bypassed validation is shown as U+FFFD and never reaches the terminal as a command.
- **No cut words.** Every table is fitted (:mod:`planctl.render.fit`): cells wrap at spaces, and
  a table whose words cannot fit the width is shown as stacked rows instead.
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Iterable
from typing import IO

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.table import Table

from planctl.render.escape import visible
from planctl.render.fit import Fitted


class _Console(Console):
    """Rich's console with the output gate; a closed pipe is left to the CLI (exit 141)."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError(errno.EPIPE, "utdata stängdes")

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        # Every table, however deeply nested, is fitted: no word is cut or broken inside.
        if isinstance(renderable, Table):
            renderable = Fitted(renderable)
        return super().render(renderable, options)

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        # Control segments are Rich's own cursor commands; only text is made visible.
        return super()._render_buffer(
            segment if segment.control else Segment(visible(segment.text), segment.style)
            for segment in buffer
        )


def make_console(
    stream: IO[str] | None = None, *, width: int | None = None, plain: bool = False
) -> Console:
    """A console for ``stream`` (default stdout): colour only on a terminal, NO_COLOR honoured.

    ``plain`` turns colour off whatever the stream (a report written to a file). Markup is off
    and control characters are made visible (see the module doc).
    """
    return _Console(
        file=stream or sys.stdout,
        width=width,
        color_system=None if plain else "auto",
        markup=False,
        highlight=False,
        soft_wrap=False,
        emoji=False,
    )
