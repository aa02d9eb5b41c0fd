"""The only package that knows output formats: Rich tables for people, JSON for programs.

Renderers take the plain records of :mod:`planctl.report` (or problems) and return either a Rich
renderable or a string. JSON is plain UTF-8 with sorted keys, never Rich markup. The follow-up
report has one module per format (``report_table``, ``report_markdown``, ``report_csv``,
``report_xlsx``, ``report_json``, ``report_html``), sharing their Swedish words through
``report_text``; :func:`render_report` picks one.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from planctl.errors import Problem, Severity, UsageError

if TYPE_CHECKING:
    from planctl.report import Report

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


# --- the follow-up report: one module per format, chosen here ----------------------------------

REPORT_FORMATS = ("table", "markdown", "csv", "xlsx", "json", "html")
REPORT_SUFFIXES = {
    ".txt": "table",
    ".md": "markdown",
    ".markdown": "markdown",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
}


def report_format_for(path: Path) -> str:
    """The report format a file name asks for by its extension (``rapport.xlsx`` → xlsx)."""
    fmt = REPORT_SUFFIXES.get(path.suffix.casefold())
    if fmt is None:
        known = ", ".join(REPORT_SUFFIXES)
        raise UsageError(
            f"kan inte avgöra formatet av filnamnet '{path.name}'; "
            f"använd en av ändelserna {known} eller ange --format"
        )
    return fmt


def report_view(report: Report) -> RenderableType:
    """The report for a console (the ``table`` format)."""
    from planctl.render.report_table import report_view as view

    return view(report)


def render_report(report: Report, fmt: str, *, width: int = 100) -> bytes:
    """The report as the bytes of a document in ``fmt`` (one of :data:`REPORT_FORMATS`).

    Text formats are UTF-8; ``table`` is the console view laid out ``width`` columns wide,
    without colour. Each format lives in its own module, imported only when asked for.
    """
    if fmt == "table":
        out = io.StringIO()
        Console(file=out, width=width, color_system=None, highlight=False, emoji=False).print(
            report_view(report)
        )
        return out.getvalue().encode("utf-8")
    if fmt == "markdown":
        from planctl.render.report_markdown import render_markdown

        return render_markdown(report).encode("utf-8")
    if fmt == "csv":
        from planctl.render.report_csv import render_csv

        return render_csv(report).encode("utf-8")
    if fmt == "xlsx":
        from planctl.render.report_xlsx import render_xlsx

        return render_xlsx(report)
    if fmt == "json":
        from planctl.render.report_json import report_record

        return to_json(report_record(report)).encode("utf-8")
    if fmt == "html":
        from planctl.render.report_html import render_html

        return render_html(report).encode("utf-8")
    raise UsageError(f"okänt format '{fmt}'; giltiga: {', '.join(REPORT_FORMATS)}")
