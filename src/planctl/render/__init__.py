"""The only package that knows output formats: Rich tables for people; Markdown, CSV, JSON…

Renderers take the plain records of :mod:`planctl.report`, the value types of the core (coverage,
summary) or problems, and return either a Rich renderable or a string. JSON is plain UTF-8 with
sorted keys, never Rich markup. CSV is made for Swedish Excel: ``;`` between cells, a UTF-8 byte
order mark, and cells that a spreadsheet would take for a formula defused. The follow-up report has
one module per format (``report_table``, ``report_markdown``, ``report_csv``, ``report_xlsx``,
``report_json``, ``report_html``), sharing their Swedish words through ``report_text``;
:func:`render_report` picks one.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from planctl.coverage import Coverage, RowCoverage, RowsCoverage
from planctl.errors import Problem, Severity, UsageError
from planctl.models import Measurement, Target
from planctl.report import coverage_record, row_coverage_record, summary_record
from planctl.summary import MeasureUptake, Summary

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


LIST_WIDE = 120  # as the report: from 120 columns Ansvar and Start get their own


def rows_table(records: Sequence[dict[str, Any]], *, title: str) -> RenderableType:
    """Plan rows as a table grouped by area: id, proposal, responsible, start, status.

    A row that needs extra funding has a star after its id, explained in the caption. From
    :data:`LIST_WIDE` columns on, Ansvar and Start have columns wide enough for their longest
    word; narrower, they go on a line under the proposal so that no word is cut at 80 columns.
    """
    return _RowsView(records, title)


class _RowsView:
    def __init__(self, records: Sequence[dict[str, Any]], title: str) -> None:
        self.records = records
        self.title = title

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield _rows_table(self.records, title=self.title, wide=options.max_width >= LIST_WIDE)


def _longest_word(texts: Iterable[str]) -> int:
    return max([6] + [len(word) for text in texts for word in text.split()])


def _rows_table(records: Sequence[dict[str, Any]], *, title: str, wide: bool) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Id", no_wrap=True)
    table.add_column("Förslag", ratio=5)
    if wide:
        # As wide as the longest word (and the heading): no word is cut, and the proposal keeps
        # the rest of the width.
        for heading, key in (("Ansvar", "responsible"), ("Start", "start")):
            table.add_column(heading, width=_longest_word(r[key] for r in records))
    table.add_column("Status", no_wrap=True, min_width=11)
    area = None
    for record in records:
        if record["area_name"] != area:
            area = record["area_name"]
            table.add_row("", Text(area, style="bold"), *[""] * (len(table.columns) - 2))
        mark = FUNDING_MARK if record["needs_funding"] else ""
        proposal = Text(record["proposal"])
        where: list[RenderableType] = [record["responsible"], record["start"]]
        if not wide:
            proposal.append(f"\n{record['responsible']} · {record['start']}", style="dim")
            where = []
        table.add_row(record["id"] + mark, proposal, *where, status_text(record["status"]))
    if not records:
        table.caption = "Inga rader matchar urvalet."
    elif any(r["needs_funding"] for r in records):
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
    if record["indicators"]:
        parts += indicator_parts(record["indicators"], record["measurements"])
    return Panel(Group(*parts), title=escape(f"{record['id']} · {record['plan']}"), expand=False)


TREND_WORDS = {"up": "↑", "down": "↓", "same": "→"}


def _quantity(value: float, unit: str) -> str:
    from planctl.models import Unit
    from planctl.render.report_text import quantity_label

    return quantity_label(value, Unit(unit))


def indicator_parts(
    indicators: Sequence[dict[str, Any]], measurements: Sequence[dict[str, Any]]
) -> list[RenderableType]:
    """A row's targets with their latest value, met or not and trend; then every measurement."""
    parts: list[RenderableType] = [Text("\nMål och mätvärden", style="bold")]
    units: dict[int | None, str] = {}
    for item in indicators:
        target = item["target"]
        units.setdefault(item["measure"], target["unit"])
        source = "radens eget mål" if item["measure"] is None else f"insats {item['measure']}"
        line = Text(f"  Mål: {target_text(target)} ({source})\n    ")
        latest = item["latest"]
        if latest is None:
            line.append("inget mätvärde än", style="italic")
        else:
            when = latest["date"] + (f", {latest['round']}" if latest["round"] else "")
            line.append(f"Senaste: {_quantity(latest['value'], target['unit'])} ({when}) · ")
            met = "uppfyllt" if item["met"] else "ej uppfyllt"
            line.append(met, style="green" if item["met"] else "red")
            previous = item["previous"]
            if previous is not None:
                arrow = TREND_WORDS[item["trend"]]
                better = {True: ", bättre", False: ", sämre", None: ""}[item["improving"]]
                line.append(
                    f" · {arrow} från {_quantity(previous['value'], target['unit'])} "
                    f"({previous['round'] or previous['date']}){better}"
                )
        parts.append(line)
    if measurements:
        table = Table(box=box.SIMPLE_HEAD)
        for heading in ("Datum", "Värde", "Insats", "Uppföljning", "Av", "Notering"):
            table.add_column(heading)
        for entry in measurements:
            unit = units.get(entry["measure"])
            value = _quantity(entry["value"], unit) if unit else str(entry["value"])
            table.add_row(
                entry["date"],
                value,
                str(entry["measure"] or ""),
                entry["round"] or "",
                entry["by"] or "",
                entry["note"] or "",
            )
        parts.append(table)
    return parts


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
        checked = "kontrollerad" if files == 1 else "kontrollerade"
        return f"OK: {files} {noun} {checked}, inga problem"
    return f"{errors} fel och {warnings} varningar i {files} {noun}"


# --- generic tables: Markdown and CSV ------------------------------------------------------------

Cells = Sequence[Sequence[str]]


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def markdown_cell(text: str, *, breaks: str = "<br>") -> str:
    """``text`` safe inside a Markdown table cell, shown exactly as written.

    Every character Markdown or HTML would act on is escaped (so a note can neither format nor
    inject anything into a pull request or wiki); line breaks become ``breaks``.
    """
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
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


CSV_BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(text: str) -> str:
    # A leading apostrophe makes Excel and LibreOffice show the text instead of running it.
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_text(headers: Sequence[str], rows: Cells) -> str:
    """CSV for Swedish Excel: BOM, ``;`` as delimiter, LF line ends, formulas defused."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow([_csv_cell(h) for h in headers])
    writer.writerows([_csv_cell(c) for c in row] for row in rows)
    return CSV_BOM + buffer.getvalue()


def number_ranges(numbers: Sequence[int]) -> str:
    """``1, 8, 11–13`` for ``[1, 8, 11, 12, 13]``; ``–`` for none."""
    if not numbers:
        return "–"
    parts: list[str] = []
    start = previous = numbers[0]
    for number in [*numbers[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        parts.append(str(start) if start == previous else f"{start}–{previous}")
        if number is not None:
            start = previous = number
    return ", ".join(parts)


def percent(share: float) -> str:
    """A share as a whole percentage, ``48 %``."""
    return f"{round(share * 100)} %"


def decimal_percent(share: float) -> str:
    """A share as a percentage with one decimal and a decimal comma, for spreadsheets."""
    return f"{share * 100:.1f}".replace(".", ",")


BAR_WIDTH = 20


def bar(share: float, width: int = BAR_WIDTH) -> str:
    """A text bar, ``█████░░░░░`` for a half."""
    filled = round(share * width)
    return "█" * filled + "░" * (width - filled)


# --- coverage -------------------------------------------------------------------------------------


def coverage_title(coverage: Coverage) -> str:
    """What a coverage table shows."""
    return f"{coverage.organisation}: täckning av katalogen {coverage.catalogue_id}"


def coverage_view(coverage: Coverage) -> Table:
    """Per catalogue area: measures carried out, share with a bar, measures left out."""
    table = Table(title=coverage_title(coverage), box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Område", ratio=2, min_width=18)
    table.add_column("Genomförs", justify="right", no_wrap=True)
    table.add_column("Andel", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True, width=BAR_WIDTH)
    table.add_column("Ej genomförda insatser", ratio=3)
    for area in coverage.areas:
        table.add_row(
            area.area_name,
            f"{len(area.covered)} av {area.total}",
            percent(area.share),
            Text(bar(area.share), style="green"),
            number_ranges(area.uncovered),
        )
    if len(coverage.areas) > 1:
        table.add_section()
        table.add_row(
            Text("Totalt", style="bold"),
            f"{coverage.covered} av {coverage.total}",
            percent(coverage.share),
            Text(bar(coverage.share), style="green"),
            "",
        )
    return table


def _coverage_lines(coverage: Coverage) -> list[list[str]]:
    lines = [
        [
            a.area_name,
            f"{len(a.covered)} av {a.total}",
            percent(a.share),
            number_ranges(a.uncovered),
        ]
        for a in coverage.areas
    ]
    return lines


def coverage_markdown(coverage: Coverage) -> str:
    """The coverage table in Markdown, under a heading."""
    headers = ["Område", "Genomförs", "Andel", "Ej genomförda insatser"]
    total = None
    if len(coverage.areas) > 1:
        total = ["Totalt", f"{coverage.covered} av {coverage.total}", percent(coverage.share), ""]
    table = markdown_table(headers, _coverage_lines(coverage), right=(1, 2), total=total)
    return f"## {coverage_title(coverage)}\n\n{table}"


def coverage_csv(coverage: Coverage) -> str:
    """One line per catalogue area, numbers as numbers (no total line: spreadsheets sum)."""
    headers = ["Område", "Insatser", "Genomförs", "Andel (%)", "Ej genomförda insatser"]
    rows = [
        [
            a.area_name,
            str(a.total),
            str(len(a.covered)),
            decimal_percent(a.share),
            ", ".join(str(n) for n in a.uncovered),
        ]
        for a in coverage.areas
    ]
    return csv_text(headers, rows)


def _linked_text(row: RowCoverage) -> str:
    return ", ".join(f"{m.measure_id} ({m.area_name or 'okänd'})" for m in row.measures) or "–"


def rows_coverage_title(coverage: RowsCoverage) -> str:
    """What a by-row coverage table shows."""
    return f"{coverage.organisation}: planens rader och katalogens insatser de genomför"


def row_coverage_view(coverage: RowsCoverage) -> Table:
    """Each plan row with the catalogue measures it carries out."""
    table = Table(title=rows_coverage_title(coverage), box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Id", no_wrap=True)
    table.add_column("Förslag", ratio=3)
    table.add_column("Insatser", ratio=2)
    area = None
    for row in coverage.rows:
        if row.area_name != area:
            area = row.area_name
            table.add_row("", Text(area, style="bold"), "")
        table.add_row(row.row_id, row.proposal, _linked_text(row))
    return table


def row_coverage_markdown(coverage: RowsCoverage) -> str:
    """Each plan row with its measures, in Markdown."""
    cells = [[r.row_id, r.area_name, r.proposal, _linked_text(r)] for r in coverage.rows]
    table = markdown_table(["Id", "Område", "Förslag", "Insatser"], cells)
    return f"## {rows_coverage_title(coverage)}\n\n{table}"


def row_coverage_csv(coverage: RowsCoverage) -> str:
    """Each plan row with its measure numbers, one line per row."""
    cells = [
        [r.row_id, r.area_name, r.proposal, ", ".join(str(m.measure_id) for m in r.measures)]
        for r in coverage.rows
    ]
    return csv_text(["Id", "Område", "Förslag", "Insatser"], cells)


# --- summary over many plans ----------------------------------------------------------------------

SUMMARY_HEADERS = (
    "Plan",
    "Organisation",
    "Rader",
    "Klart",
    "Påbörjat",
    "Ej påbörjat",
    "Försenade",
    "Andel klart",
    "Senaste uppföljning",
)
UPTAKE_HEADERS = ("Nr", "Område", "Insats", "Planer")


def summary_title(summary: Summary) -> str:
    """What a summary shows."""
    noun = "plan" if len(summary.plans) == 1 else "planer"
    return f"Sammanställning av {len(summary.plans)} {noun} ({summary.today.isoformat()})"


def _plan_lines(summary: Summary) -> list[list[str]]:
    lines = []
    for plan in summary.plans:
        latest = "–"
        if plan.latest is not None:
            latest = plan.latest.date.isoformat()
            if plan.latest.round:
                latest += f" ({plan.latest.round})"
        lines.append(
            [
                plan.plan_id,
                plan.organisation,
                str(plan.rows),
                str(plan.done),
                str(plan.started),
                str(plan.not_started),
                str(plan.delayed),
                percent(plan.share_done),
                latest,
            ]
        )
    return lines


def _uptake_lines(uptakes: Sequence[MeasureUptake]) -> list[list[str]]:
    return [[str(u.measure_id), u.area_name, u.text, str(u.plans)] for u in uptakes]


UPTAKE_SECTIONS = (
    ("Mest genomförda insatser", "most"),
    ("Minst genomförda insatser", "least"),
)
DELAYED_NOTE = "Försenade: ej påbörjade rader vars starttermin har passerat."


def _unused_line(summary: Summary) -> str:
    return (
        f"Insatser som ingen plan genomför ({len(summary.unused)}): {number_ranges(summary.unused)}"
    )


def summary_view(summary: Summary) -> Group:
    """Plans as a table, then the measures most and least taken up."""
    plans = Table(
        title=summary_title(summary),
        box=box.SIMPLE_HEAD,
        expand=True,
        pad_edge=False,
        collapse_padding=True,
    )
    plans.add_column("Plan", ratio=1, overflow="fold")
    # Two-line headings leave the organisation room at 80-100 columns.
    for heading in ("Rader", "Klart", "Påbörjat", "Ej\npåbörjat", "Försenade", "Andel\nklart"):
        plans.add_column(heading, justify="right", no_wrap=True)
    plans.add_column("Senaste\nuppföljning", no_wrap=True)
    for plan_id, organisation, *rest, latest in _plan_lines(summary):
        plans.add_row(
            Text(organisation) + Text(f"\n{plan_id}", style="dim"),
            *rest,
            latest.replace(" (", "\n("),  # date above round keeps the column narrow
        )
    plans.caption = DELAYED_NOTE
    parts: list[RenderableType] = [plans]
    for heading, attribute in UPTAKE_SECTIONS:
        table = Table(title=heading, box=box.SIMPLE_HEAD, expand=True)
        table.add_column("Nr", justify="right", no_wrap=True)
        table.add_column("Område", ratio=1)
        table.add_column("Insats", ratio=3)
        table.add_column("Planer", justify="right", no_wrap=True)
        for line in _uptake_lines(getattr(summary, attribute)):
            table.add_row(*line)
        parts.append(table)
    parts.append(Text(_unused_line(summary)))
    return Group(*parts)


def summary_markdown(summary: Summary) -> str:
    """The summary in Markdown: plans, most and least taken up measures, unused measures."""
    out = [
        f"## {summary_title(summary)}\n",
        markdown_table(SUMMARY_HEADERS, _plan_lines(summary), right=range(2, 8)),
        f"{DELAYED_NOTE}\n",
    ]
    for heading, attribute in UPTAKE_SECTIONS:
        out.append(f"### {heading}\n")
        out.append(
            markdown_table(UPTAKE_HEADERS, _uptake_lines(getattr(summary, attribute)), right=(0, 3))
        )
    out.append(f"{_unused_line(summary)}\n")
    return "\n".join(out)


def summary_csv(summary: Summary) -> str:
    """One line per plan, numbers as numbers; the measure uptake is in JSON and Markdown."""
    headers = [*SUMMARY_HEADERS[:7], "Andel klart (%)", "Senaste uppföljning", "Omgång"]
    rows = [
        [
            p.plan_id,
            p.organisation,
            str(p.rows),
            str(p.done),
            str(p.started),
            str(p.not_started),
            str(p.delayed),
            decimal_percent(p.share_done),
            p.latest.date.isoformat() if p.latest else "",
            (p.latest.round or "") if p.latest else "",
        ]
        for p in summary.plans
    ]
    return csv_text(headers, rows)


# --- choosing a format ----------------------------------------------------------------------------

Analysis = Coverage | RowsCoverage | Summary
_Renderers = tuple[
    Callable[[Any], Any],
    Callable[[Any], RenderableType],
    Callable[[Any], str],
    Callable[[Any], str],
]
_RENDERERS: dict[type, _Renderers] = {
    Coverage: (coverage_record, coverage_view, coverage_markdown, coverage_csv),
    RowsCoverage: (row_coverage_record, row_coverage_view, row_coverage_markdown, row_coverage_csv),
    Summary: (summary_record, summary_view, summary_markdown, summary_csv),
}


def render_analysis(analysis: Analysis, fmt: str) -> RenderableType | str:
    """``analysis`` as ``fmt`` (table, markdown, json or csv): a Rich renderable for a table."""
    record, view, markdown, as_csv = _RENDERERS[type(analysis)]
    if fmt == "json":
        return to_json(record(analysis))
    if fmt == "markdown":
        return markdown(analysis)
    if fmt == "csv":
        return as_csv(analysis)
    return view(analysis)


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
        cells = (r["date"], r["id"], r["previous"], r["status"], r["round"], r["by"], r["note"])
        lines.append("| " + " | ".join(markdown_cell(c or "") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def change_line(row_id: str, previous: str, status: str, date: str, round_id: str | None) -> str:
    """One recorded change in words: ``LB-1: Ej påbörjat → Påbörjat (2018-05-31, 2018-05)``."""
    when = date if round_id is None else f"{date}, uppföljning {round_id}"
    same = " (ny notering)" if previous == status else ""
    return f"{row_id}: {previous} → {status}{same} ({when})"


def measurement_line(row_id: str, entry: Measurement, target: Target) -> str:
    """One recorded value in words: ``LB-4: 1500 kr – mål minst 1500 kr: uppfyllt (…)``."""
    from planctl.indicators import is_met
    from planctl.render import report_text as words

    met = "uppfyllt" if is_met(target, entry.value) else "ej uppfyllt"
    where = "" if entry.measure is None else f" (insats {entry.measure})"
    when = str(entry.date) if entry.round is None else f"{entry.date}, uppföljning {entry.round}"
    return (
        f"{row_id}{where}: {words.quantity_label(entry.value, target.unit)} – "
        f"mål {words.target_label(target)}: {met} ({when})"
    )


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
