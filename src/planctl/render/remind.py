"""``remind``: the rows each role reports on at the coming round, as a table, Markdown or CSV."""

from __future__ import annotations

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from planctl.progress import status_label
from planctl.remind import Reminder, ReminderRow
from planctl.render.csvdoc import csv_text
from planctl.render.markdown import markdown_cell, markdown_table
from planctl.render.words import NOTE_LABEL, status_text

COLUMNS: tuple[tuple[str, bool], ...] = (
    ("Rad", False),
    ("Förslag", True),
    ("Period", False),
    ("Status", False),
    ("Sedan", False),
    (NOTE_LABEL, True),
    ("Försenad", False),
)
"""The reminder's headings, each with whether it takes a share of a terminal's free width and
wraps (the proposal and the note) or keeps to one line."""
HEADERS = tuple(heading for heading, _ in COLUMNS)


def _cells(row: ReminderRow) -> list[str]:
    return [
        row.row_id,
        row.proposal,
        f"{row.start} – {row.end}" if row.end else row.start,
        status_label(row.status),
        row.status_date.isoformat() if row.status_date else "",
        row.note or "",
        row.late.value if row.late else "",
    ]


def _heading(reminder: Reminder) -> str:
    return (
        f"{reminder.organisation}: inför {reminder.round.name} ({reminder.round.date}) – "
        "rader att rapportera om"
    )


def reminder_view(reminder: Reminder) -> Group:
    """One Rich table per responsible role."""
    parts: list[Table | Text] = [Text(_heading(reminder), style="bold")]
    for owner in reminder.owners:
        table = Table(title=owner.responsible, box=box.SIMPLE_HEAD, expand=True)
        for header, wide in COLUMNS:
            table.add_column(header, ratio=2 if wide else None, overflow="fold", no_wrap=not wide)
        for row in owner.rows:
            cells = _cells(row)
            shown = status_text(
                row.status.name if row.status else None,
                row.status.meaning.value if row.status else None,
            )
            table.add_row(*cells[:3], shown, *cells[4:])
        parts.append(table)
    if not reminder.owners:
        parts.append(Text("Alla rader är klara; inget att rapportera."))
    return Group(*parts)


def reminder_markdown(reminder: Reminder) -> str:
    """A heading per responsible role and its rows, ready to paste into a message or an issue."""
    lines = [f"## {markdown_cell(_heading(reminder))}", ""]
    for owner in reminder.owners:
        lines += [f"### {markdown_cell(owner.responsible)}", ""]
        lines.append(markdown_table(HEADERS, [_cells(r) for r in owner.rows]))
    if not reminder.owners:
        lines += ["_Alla rader är klara; inget att rapportera._", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def reminder_csv(reminder: Reminder) -> str:
    """One line per row with its responsible role first (Swedish Excel CSV)."""
    rows = [[o.responsible, *_cells(r)] for o in reminder.owners for r in o.rows]
    return csv_text(["Ansvar", *HEADERS], rows)
