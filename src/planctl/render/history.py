"""``history``: status entries as a table or as Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich import box
from rich.table import Table

from planctl.progress import NOT_FOLLOWED_UP
from planctl.render.markdown import markdown_cell
from planctl.render.words import status_text

# --- status changes and history ---------------------------------------------------------------


def changes_table(records: Sequence[dict[str, Any]], *, title: str) -> Table:
    """Status entries as a table: date, row, status before and after, round, role, note."""
    table = Table(title=title, box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Datum", no_wrap=True)
    table.add_column("Id", no_wrap=True)
    table.add_column("Från", no_wrap=True)
    table.add_column("Till", no_wrap=True)
    table.add_column("Uppföljning", no_wrap=True)
    table.add_column("Av", ratio=1, overflow="fold")
    table.add_column("Notering", ratio=2, overflow="fold")
    for record in records:
        table.add_row(
            record["date"],
            record["id"],
            status_text(record["previous"]),
            status_text(record["status"]),
            record["round"] or "",
            record["by"] or "",
            record["note"] or "",
        )
    if not records:
        table.caption = "(ingen historik)"
    return table


def history_markdown(records: Sequence[dict[str, Any]], *, title: str) -> str:
    """Status entries as a Markdown table under a heading (for a pull request or a report)."""
    lines = [f"## {markdown_cell(title)}", ""]
    if not records:
        return "\n".join([*lines, "_Ingen historik._", ""])
    lines.append("| Datum | Id | Från | Till | Uppföljning | Av | Notering |")
    lines.append("|---|---|---|---|---|---|---|")
    for r in records:
        previous = r["previous"] or NOT_FOLLOWED_UP
        cells = (r["date"], r["id"], previous, r["status"], r["round"], r["by"], r["note"])
        lines.append("| " + " | ".join(markdown_cell(c or "") for c in cells) + " |")
    return "\n".join(lines) + "\n"
