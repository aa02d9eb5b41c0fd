"""``history``: status entries as a table or as Markdown."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.table import Table
from rich.text import Text

from planctl.progress import NOT_FOLLOWED_UP
from planctl.render.markdown import markdown_cell, table_lines
from planctl.render.words import NOTE_LABEL, status_text
from planctl.views.history import HistoryView

# --- status changes and history ---------------------------------------------------------------


H_CORRECTION = "Rättelse"
COLUMNS: tuple[tuple[str, int | None], ...] = (
    ("Datum", None),
    ("Id", None),
    ("Från", None),
    ("Till", None),
    ("Uppföljning", None),
    ("Av", 1),
    (NOTE_LABEL, 2),
)
"""The history's headings, each with its share of a terminal's free width (``None``: as wide as
its longest cell, never wrapped); Rättelse follows when an entry corrects another."""


def correction_label(view: HistoryView) -> str:
    """Where an entry stands: ``rättar post N``, or ``rättad av post M`` (no longer counts)."""
    if view.entry.corrects is not None:
        return f"post {view.number}, rättar post {view.entry.corrects}"
    if view.corrected_by is not None:
        return f"post {view.number}, rättad av post {view.corrected_by}"
    return ""


def _has_corrections(views: Sequence[HistoryView]) -> bool:
    return any(correction_label(v) for v in views)


def changes_table(views: Sequence[HistoryView], *, title: str) -> Table:
    """Status entries as a table: date, row, status before and after, round, role, note."""
    table = Table(title=title, box=box.SIMPLE_HEAD, expand=True)
    for heading, ratio in COLUMNS:
        if ratio is None:
            table.add_column(heading, no_wrap=True)
        else:
            table.add_column(heading, ratio=ratio, overflow="fold")
    corrections = _has_corrections(views)
    if corrections:
        table.add_column(H_CORRECTION, ratio=1, overflow="fold")
    for view in views:
        entry = view.entry
        cells: list[str | Text] = [
            entry.date.isoformat(),
            view.row_id,
            status_text(view.previous),
            status_text(entry.status),
            entry.round or "",
            entry.by or "",
            entry.note or "",
        ]
        if corrections:
            cells.append(correction_label(view))
        table.add_row(*cells)
    if not views:
        table.caption = "(ingen historik)"
    return table


def history_markdown(views: Sequence[HistoryView], *, title: str) -> str:
    """Status entries as a Markdown table under a heading (for a pull request or a report)."""
    lines = [f"## {markdown_cell(title)}", ""]
    if not views:
        return "\n".join([*lines, "_Ingen historik._", ""])
    corrections = _has_corrections(views)
    headings = [heading for heading, _ in COLUMNS]
    if corrections:
        headings.append(H_CORRECTION)
    rows = []
    for view in views:
        entry = view.entry
        cells = [
            entry.date.isoformat(),
            view.row_id,
            view.previous or NOT_FOLLOWED_UP,
            entry.status,
            entry.round,
            entry.by,
            entry.note,
        ]
        if corrections:
            cells.append(correction_label(view))
        rows.append([markdown_cell(c or "") for c in cells])
    lines += table_lines(headings, rows)
    return "\n".join(lines) + "\n"
