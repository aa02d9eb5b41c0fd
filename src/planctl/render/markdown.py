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


def markdown_table(
    headers: Sequence[str],
    rows: Cells,
    *,
    right: Iterable[int] = (),
    total: Sequence[str] | None = None,
) -> str:
    """A GitHub-flavoured Markdown table; columns numbered in ``right`` are right-aligned.

    Every cell is text (escaped); ``total`` is a last row whose label (first cell) is bold.
    """
    aligned = set(right)
    rules = ["---:" if i in aligned else "---" for i in range(len(headers))]
    lines = [
        "| " + " | ".join(_table_cell(h) for h in headers) + " |",
        "| " + " | ".join(rules) + " |",
    ]
    lines += ["| " + " | ".join(_table_cell(c) for c in row) + " |" for row in rows]
    if total is not None:
        label, *rest = total
        cells = [f"**{_table_cell(label)}**", *(_table_cell(c) for c in rest)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
