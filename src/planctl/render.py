"""The only module that knows output formats: Rich tables for people, JSON for programs.

Renderers take the plain records of :mod:`planctl.report` (or problems) and return either a Rich
renderable or a string. JSON is plain UTF-8 with sorted keys, never Rich markup.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import IO, Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from planctl.errors import Problem, Severity

STATUS_STYLE = {"Klart": "green", "Påbörjat": "yellow", "Ej påbörjat": "red"}
UNIT_LABEL = {
    "procent": "%",
    "antal": "st",
    "antal_per_år": "per år",
    "timmar_per_vecka": "timmar per vecka",
    "kronor": "kr",
}


def make_console(stream: IO[str] | None = None, *, width: int | None = None) -> Console:
    """A console for ``stream`` (default stdout): colour only on a terminal, NO_COLOR honoured."""
    return Console(
        file=stream or sys.stdout,
        width=width,
        highlight=False,
        soft_wrap=False,
        emoji=False,
    )


def to_json(data: Any) -> str:
    """Stable, readable JSON: sorted keys, two-space indent, å/ä/ö as themselves."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def status_text(status: str) -> Text:
    """A status, coloured on a terminal."""
    return Text(status, style=STATUS_STYLE.get(status, ""))


def target_text(target: dict[str, Any]) -> str:
    """A target in words, e.g. ``minst 90 % – andel ärenden …``."""
    value = target["value"]
    shown = f"{value:g}" if isinstance(value, float) else str(value)
    unit = UNIT_LABEL.get(target["unit"], target["unit"])
    return f"{target['direction']} {shown} {unit} – {target['measured']}"


FUNDING_MARK = "*"
FUNDING_NOTE = "* kräver särskilda resurser"


def rows_table(records: Sequence[dict[str, Any]], *, title: str) -> Table:
    """Plan rows as a table grouped by area: id, proposal, responsible, start, status.

    A row that needs extra funding has a star after its id, explained in the caption.
    """
    table = Table(title=title, box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Id", no_wrap=True)
    table.add_column("Förslag", ratio=5)
    table.add_column("Ansvar", ratio=2, overflow="fold")
    table.add_column("Start", ratio=2, overflow="fold")
    table.add_column("Status", no_wrap=True, min_width=11)
    area = None
    for record in records:
        if record["area_name"] != area:
            area = record["area_name"]
            table.add_row("", Text(area, style="bold"), "", "", "")
        mark = FUNDING_MARK if record["needs_funding"] else ""
        table.add_row(
            record["id"] + mark,
            record["proposal"],
            record["responsible"],
            record["start"],
            status_text(record["status"]),
        )
    if any(r["needs_funding"] for r in records):
        table.caption = FUNDING_NOTE
    return table


def measures_table(records: Sequence[dict[str, Any]], *, title: str) -> Table:
    """Catalogue measures as a table: number, area, text."""
    table = Table(title=title, box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Nr", justify="right", no_wrap=True)
    table.add_column("Område", ratio=1, min_width=12)
    table.add_column("Insats", ratio=4, min_width=20)
    for record in records:
        text = record["text"]
        if record["targets"]:
            text += "".join(f"\nMål: {target_text(t)}" for t in record["targets"])
        table.add_row(str(record["id"]), record["area_name"], text)
    return table


def _fields(pairs: Sequence[tuple[str, RenderableType | str]]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for label, value in pairs:
        grid.add_row(label, value)
    return grid


def history_table(history: Sequence[dict[str, Any]]) -> Table:
    """A row's status history, oldest first."""
    table = Table(box=box.SIMPLE_HEAD)
    for heading in ("Datum", "Status", "Uppföljning", "Av", "Notering"):
        table.add_column(heading)
    for entry in history:
        table.add_row(
            entry["date"],
            status_text(entry["status"]),
            entry["round"] or "",
            entry["by"] or "",
            entry["note"] or "",
        )
    return table


def row_view(record: dict[str, Any]) -> RenderableType:
    """One plan row in full."""
    start = record["start"]
    if record["start_term"]:
        start += f" ({record['start_term']})"
    pairs: list[tuple[str, RenderableType | str]] = [
        ("Område", record["area_name"]),
        ("Förslag", record["proposal"]),
    ]
    if record["details"]:
        pairs.append(("Detaljer", record["details"]))
    pairs += [
        ("Ansvar", record["responsible"]),
        ("Start", start),
        ("Finansiering", "kräver särskilda resurser" if record["needs_funding"] else "inom ram"),
        ("Status", status_text(record["status"])),
    ]
    parts: list[RenderableType] = [_fields(pairs)]
    linked = record["linked_measures"]
    parts.append(Text("\nKopplade insatser i katalogen", style="bold"))
    if linked:
        for measure in linked:
            text = measure["text"] or "(finns inte i katalogen)"
            parts.append(Text(f"  {measure['id']}. {text}"))
    else:
        parts.append(Text("  (inga)"))
    parts.append(Text("\nStatushistorik", style="bold"))
    if record["history"]:
        parts.append(history_table(record["history"]))
    else:
        parts.append(Text("  (ingen historik än – status Ej påbörjat)"))
    return Panel(Group(*parts), title=escape(f"{record['id']} · {record['plan']}"), expand=False)


def measure_view(record: dict[str, Any]) -> RenderableType:
    """One catalogue measure in full, with the rows that carry it out."""
    pairs: list[tuple[str, RenderableType | str]] = [
        ("Område", record["area_name"]),
        ("Text", record["text"]),
    ]
    for target in record["targets"]:
        pairs.append(("Mål", target_text(target)))
    parts: list[RenderableType] = [
        _fields(pairs),
        Text("\nPlanrader som genomför insatsen", style="bold"),
    ]
    if record["plan_rows"]:
        table = Table(box=box.SIMPLE_HEAD)
        for heading in ("Plan", "Id", "Förslag", "Status"):
            table.add_column(heading)
        for row in record["plan_rows"]:
            table.add_row(row["plan"], row["id"], row["proposal"], status_text(row["status"]))
        parts.append(table)
    else:
        parts.append(Text("  (ingen)"))
    return Panel(Group(*parts), title=f"Insats {record['id']}", expand=False)


def problems_text(problems: Sequence[Problem]) -> str:
    """Every problem on its own line, ``file:line:column: fel [rule] message``."""
    return "".join(p.format() + "\n" for p in problems)


def problems_summary(problems: Sequence[Problem], files: int) -> str:
    """One line: how many errors and warnings in how many files."""
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    warnings = len(problems) - errors
    noun = "fil" if files == 1 else "filer"
    if not problems:
        return f"OK: {files} {noun} kontrollerade, inga problem"
    return f"{errors} fel och {warnings} varningar i {files} {noun}"


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


def _md_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return (
        text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "\n").replace("\n", "<br>")
    )


def history_markdown(records: Sequence[dict[str, Any]], *, title: str) -> str:
    """Status entries as a Markdown table under a heading (for a pull request or a report)."""
    lines = [f"## {_md_cell(title)}", ""]
    if not records:
        return "\n".join([*lines, "_Ingen historik._", ""])
    lines.append("| Datum | Id | Från | Till | Uppföljning | Av | Notering |")
    lines.append("|---|---|---|---|---|---|---|")
    for r in records:
        cells = (r["date"], r["id"], r["previous"], r["status"], r["round"], r["by"], r["note"])
        lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def change_line(row_id: str, previous: str, status: str, date: str, round_id: str | None) -> str:
    """One recorded change in words: ``LB-1: Ej påbörjat → Påbörjat (2018-05-31, 2018-05)``."""
    when = date if round_id is None else f"{date}, uppföljning {round_id}"
    same = " (ny notering)" if previous == status else ""
    return f"{row_id}: {previous} → {status}{same} ({when})"


def outcome_text(
    file: str, lines: Sequence[str], notices: Sequence[str], *, written: bool, dry_run: bool
) -> str:
    """What a writing command tells the user on stderr after it is done."""
    out = [f"planctl: {notice}" for notice in notices]
    count = len(lines)
    noun = "post" if count == 1 else "poster"
    if not lines:
        out.append(f"Inga ändringar; {file} är oförändrad.")
    elif dry_run:
        out.append(f"Torrkörning – inget skrevs. {count} {noun} skulle läggas till i {file}:")
    elif written:
        added = "tillagd" if count == 1 else "tillagda"
        out.append(f"{count} {noun} {added} i {file}:")
    out += [f"  {line}" for line in lines]
    return "".join(line + "\n" for line in out)
