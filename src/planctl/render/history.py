"""``history``: status entries as a table or as Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

from planctl.progress import NOT_FOLLOWED_UP
from planctl.render.markdown import markdown_cell
from planctl.render.words import status_text

# --- status changes and history ---------------------------------------------------------------


H_CORRECTION = "Rättelse"


def correction_label(record: dict[str, Any]) -> str:
    """Where an entry stands: ``rättar post N``, or ``rättad av post M`` (no longer counts)."""
    if record.get("corrects") is not None:
        return f"post {record['number']}, rättar post {record['corrects']}"
    if record.get("corrected_by") is not None:
        return f"post {record['number']}, rättad av post {record['corrected_by']}"
    return ""


def _has_corrections(records: Sequence[dict[str, Any]]) -> bool:
    return any(correction_label(r) for r in records)


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
    corrections = _has_corrections(records)
    if corrections:
        table.add_column(H_CORRECTION, ratio=1, overflow="fold")
    for record in records:
        cells: list[str | Text] = [
            record["date"],
            record["id"],
            status_text(record["previous"]),
            status_text(record["status"]),
            record["round"] or "",
            record["by"] or "",
            record["note"] or "",
        ]
        if corrections:
            cells.append(correction_label(record))
        table.add_row(*cells)
    if not records:
        table.caption = "(ingen historik)"
    return table


def history_markdown(records: Sequence[dict[str, Any]], *, title: str) -> str:
    """Status entries as a Markdown table under a heading (for a pull request or a report)."""
    lines = [f"## {markdown_cell(title)}", ""]
    if not records:
        return "\n".join([*lines, "_Ingen historik._", ""])
    corrections = _has_corrections(records)
    extra = f" {H_CORRECTION} |" if corrections else ""
    lines.append("| Datum | Id | Från | Till | Uppföljning | Av | Notering |" + extra)
    lines.append("|---|---|---|---|---|---|---|" + ("---|" if corrections else ""))
    for r in records:
        previous = r["previous"] or NOT_FOLLOWED_UP
        cells = [r["date"], r["id"], previous, r["status"], r["round"], r["by"], r["note"]]
        if corrections:
            cells.append(correction_label(r))
        lines.append("| " + " | ".join(markdown_cell(c or "") for c in cells) + " |")
    return "\n".join(lines) + "\n"
