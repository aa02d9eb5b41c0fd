"""Markdown tables and cells: every character Markdown or HTML would act on is escaped."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from planctl.render.escape import visible

# --- generic tables: Markdown and CSV ------------------------------------------------------------

Cells = Sequence[Sequence[str]]


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_MENTION = re.compile(r"@(?=\w)")
ZERO_WIDTH_JOINER = "\u200d"


def markdown_cell(text: str, *, breaks: str = "<br>") -> str:
    """``text`` safe anywhere in Markdown (a table cell, a list item, a heading), shown as written.

    Every character Markdown or HTML would act on is escaped (table separators, HTML, code-span
    backticks, emphasis), so a note can neither format nor inject anything into a pull request,
    job summary or wiki; line breaks become ``breaks``; ``@name`` gets a zero-width joiner after
    the ``@``, so ``@everyone`` or ``@org/team`` in a plan notifies nobody. Every Markdown output
    sends every text it did not write itself through here.
    """
    escaped = _MENTION.sub("@" + ZERO_WIDTH_JOINER, _MARKDOWN_SPECIAL.sub(r"\\\1", visible(text)))
    return breaks.join(part.strip() for part in escaped.splitlines()) or escaped


def _table_cell(text: str) -> str:
    # Analysis tables keep each cell on one line of text.
    return markdown_cell(" ".join(text.split()), breaks=" ") or " "


LEFT, RIGHT = "---", "--:"
"""Alignment rules of :func:`table_lines`' columns."""


def table_lines(
    headings: Sequence[str], rows: Iterable[Sequence[str]], *, rules: Sequence[str] | None = None
) -> list[str]:
    """The lines of a GitHub-flavoured Markdown table whose cells are Markdown already.

    The one table builder every Markdown output uses: ``| a | b |`` lines, the rule line
    ``|---|--:|`` from ``rules`` (one per column, :data:`LEFT` by default). The caller escapes
    what it did not write itself (:func:`markdown_cell`) and may add emphasis around it.
    """
    rule = rules if rules is not None else [LEFT] * len(headings)
    lines = ["| " + " | ".join(headings) + " |", "|" + "|".join(rule) + "|"]
    lines += ["| " + " | ".join(cells) + " |" for cells in rows]
    return lines


def markdown_table(
    headers: Sequence[str],
    rows: Cells,
    *,
    right: Iterable[int] = (),
    total: Sequence[str] | None = None,
) -> str:
    """A table of plain-text cells (each escaped, on one line); columns in ``right`` right-aligned.

    ``total`` is a last row whose label (first cell) is bold.
    """
    aligned = set(right)
    rules = [" ---: " if i in aligned else " --- " for i in range(len(headers))]
    cells = [[_table_cell(c) for c in row] for row in rows]
    if total is not None:
        label, *rest = total
        cells.append([f"**{_table_cell(label)}**", *(_table_cell(c) for c in rest)])
    lines = table_lines([_table_cell(h) for h in headers], cells, rules=rules)
    return "\n".join(lines) + "\n"
