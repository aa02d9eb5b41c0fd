"""The follow-up report for the terminal: Rich tables, readable at 80 columns and wider.

Every text from the YAML goes into a :class:`~rich.text.Text`, never through Rich markup, so a
note with ``[brackets]`` prints as written. Colour comes only from the console (none when piped
or with ``NO_COLOR``).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from planctl.models import Assessment, Status
from planctl.render import report_text as words
from planctl.report import Counts, IndicatorRow, Report, ReportRow, Section

WIDE = 120
BAR = 10
STATUS_STYLE = {Status.DONE: "green", Status.STARTED: "yellow", Status.NOT_STARTED: "red"}


def report_view(report: Report) -> RenderableType:
    """The whole report: heading, summary with progress bars, then one table per area."""
    parts: list[RenderableType] = [_heading(report), Text("")]
    parts += _assessments(report.assessments)
    parts.append(_summary(report))
    if not report.sections:
        parts += [Text(""), Text(words.empty_text(report), style="italic")]
    for section in report.sections:
        parts += [Text(""), _section(report, section)]
    if report.indicators:
        parts += [Text(""), _indicators(report)]
    if words.needs_funding_note(report):
        parts += [Text(""), Text(words.FUNDING_NOTE, style="dim")]
    return Group(*parts)


def _heading(report: Report) -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for label, value in words.header_fields(report):
        grid.add_row(label, Text(value))
    return Group(Text(words.title(report), style="bold underline"), grid)


def _assessments(assessments: Sequence[Assessment]) -> list[RenderableType]:
    if not assessments:
        return []
    lines: list[RenderableType] = [Text(words.ASSESSMENT, style="bold")]
    lines += [Text(line) for line in words.assessment_lines(assessments)]
    return [*lines, Text("")]


def _bar(counts: Counts) -> Text:
    done, started, rest = words.bar_cells(counts, BAR)
    bar = Text()
    bar.append("█" * done, style="green")
    bar.append("▒" * started, style="yellow")
    bar.append("░" * rest, style="dim")
    return bar


def _summary(report: Report) -> Table:
    table = Table(
        title="Sammanfattning",
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        expand=True,
        pad_edge=False,
        collapse_padding=True,  # the box draws a space between columns already
    )
    # Wide enough for "personalförsörjning", the longest word of the Borås areas.
    table.add_column(words.H_AREA, ratio=1, min_width=19)
    for heading in words.H_COUNTS:
        # Short headings that wrap to two lines keep the summary within 80 columns.
        table.add_column(heading.replace(" ", "\n"), justify="right", no_wrap=True)
    table.add_column("Andel\nklart", justify="right", no_wrap=True)
    table.add_column("", width=BAR, no_wrap=True)
    for line in words.summary_lines(report):
        style = "bold" if line.whole_plan else ""
        cells: list[RenderableType] = [Text(line.label, style=style)]
        cells += [Text(c, style=style) for c in words.count_cells(line.counts, line.previous)]
        cells.append(Text(words.percent_label(line.counts.share_done), style=style))
        cells.append(_bar(line.counts))
        if line.whole_plan:
            table.add_section()
        table.add_row(*cells)
    return table


class _SectionView:
    """An area's table, laid out for the width it gets.

    From :data:`WIDE` columns on, Ansvar and Start have columns of their own as in the appendix;
    narrower, they go on a line under the proposal so that no word is cut at 80 columns.
    """

    def __init__(self, report: Report, section: Section) -> None:
        self.report = report
        self.section = section

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield _section_table(self.report, self.section, wide=options.max_width >= WIDE)


def _section(report: Report, section: Section) -> RenderableType:
    if not section.rows:
        return Group(
            Text(section.area_name, style="bold"),
            Text(words.counts_sentence(section.counts), style="dim"),
            Text(words.empty_text(report), style="italic"),
        )
    if section.assessments:
        return Group(_SectionView(report, section), *_assessments(section.assessments))
    return _SectionView(report, section)


def _section_table(report: Report, section: Section, *, wide: bool) -> Table:
    table = Table(
        title=section.area_name,
        title_justify="left",
        title_style="bold",
        caption=Text(words.counts_sentence(section.counts), style="dim"),
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        expand=True,
        pad_edge=False,
        collapse_padding=True,  # the box draws a space between columns already
    )
    table.add_column(words.H_ID, no_wrap=True)
    table.add_column(words.H_PROPOSAL, ratio=5, min_width=20)
    if wide:
        # Sized to "Förhandlingsdelegationen" rather than by ratio, so no role is cut.
        table.add_column(words.H_RESPONSIBLE, min_width=24, max_width=28)
    if report.is_changes:
        table.add_column(words.H_FROM, min_width=8)
        table.add_column(words.H_TO, min_width=8)
    else:
        if wide:
            table.add_column(words.H_START, min_width=11, max_width=18)
        for status in words.STATUSES:
            # Headings wrap to one word a line; "försenad" fits the width that sets.
            table.add_column(status.value.replace(" ", "\n"), justify="center", min_width=5)
        if words.has_previous_round(report):
            heading = words.previous_round_heading(report).replace(" (", "\n(")
            table.add_column(heading, min_width=8)
    for row in section.rows:
        table.add_row(*_cells(report, row, wide=wide))
    return table


def _cells(report: Report, row: ReportRow, *, wide: bool) -> list[RenderableType]:
    proposal = Text(row.proposal)
    if not wide:
        where = row.responsible if report.is_changes else f"{row.responsible} · {row.start}"
        proposal.append(f"\n{where}", style="dim")
    if row.note:
        when = f" {row.note_date.isoformat()}" if row.note_date else ""
        proposal.append(f"\nNotering{when}: ", style="dim bold")
        proposal.append(row.note, style="dim")
    cells: list[RenderableType] = [Text(words.row_label(row)), proposal]
    if wide:
        cells.append(Text(row.responsible))
    if report.is_changes:
        before = row.previous or Status.NOT_STARTED
        cells += [
            Text(before.value, style=STATUS_STYLE[before]),
            Text(row.status.value, style=STATUS_STYLE[row.status]),
        ]
        return cells
    if wide:
        cells.append(Text(row.start))
    for status in words.STATUSES:
        if status is not row.status:
            cells.append(Text(""))
        elif row.delayed:
            cells.append(Text(f"{words.MARK}\n{words.DELAYED}", style="bold red"))
        else:
            cells.append(Text(words.MARK, style=f"bold {STATUS_STYLE[status]}"))
    if words.has_previous_round(report):
        earlier = row.previous_round
        cells.append(Text(earlier.value, style=STATUS_STYLE[earlier]) if earlier else Text(""))
    return cells


def _indicators(report: Report) -> Table:
    """The measured targets: target, latest value, met or not, trend since the previous round."""
    table = Table(
        title=words.INDICATORS,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        expand=True,
        pad_edge=False,
        collapse_padding=True,
    )
    table.add_column(words.H_ID, no_wrap=True)
    table.add_column(words.H_TARGET, ratio=3, min_width=20)
    table.add_column(words.H_VALUE.replace(" ", "\n"), ratio=1, min_width=12)
    table.add_column(words.H_MET, no_wrap=True)
    table.add_column(words.H_TREND, no_wrap=True)
    for line in report.indicators:
        table.add_row(*_indicator_cells(line))
    return table


def _indicator_cells(line: IndicatorRow) -> list[RenderableType]:
    standing = line.standing
    target = standing.indicator.target
    goal = Text(words.target_label(target), style="bold")
    goal.append(f"\n{target.measured} ({words.source_label(line)})", style="dim")
    latest = standing.latest
    assert latest is not None  # the report lists only measured targets
    value = Text(words.quantity_label(latest.value, target.unit))
    value.append("\n" + latest.date.isoformat(), style="dim")
    if latest.note:
        goal.append("\nNotering: ", style="dim bold")
        goal.append(latest.note, style="dim")
    met = Text(words.met_label(standing), style="bold green" if standing.met else "bold red")
    return [
        Text(line.row_id + (words.FUNDING_MARK if line.needs_funding else "")),
        goal,
        value,
        met,
        Text(words.trend_label(standing, sep="\n")),  # a second line keeps the column narrow
    ]
