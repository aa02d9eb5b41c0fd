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

from planctl.models import Assessment
from planctl.render import report_text as texts
from planctl.render import words
from planctl.render.report_tables import indicator_table, rows_table, summary_table
from planctl.render.tables import (
    MARK,
    NUMERIC,
    TABLE,
    Cell,
    Column,
    DataTable,
    Kind,
    Mark,
    Note,
    Point,
    Role,
    Target,
    Trend,
    cell_text,
    trend_text,
)
from planctl.report import Counts, Report, Section
from planctl.scale import Status

WIDE = 120
BAR = 10
AREA_WIDTH = 19  # "personalförsörjning", the longest word of the Borås areas


def report_view(report: Report) -> RenderableType:
    """The whole report: heading, summary with progress bars, then one table per area."""
    parts: list[RenderableType] = [_heading(report), Text("")]
    parts += _assessments(report.assessments)
    parts.append(_SummaryView(report))
    if not report.sections:
        parts += [Text(""), Text(texts.empty_text(report), style="italic")]
    for section in report.sections:
        parts += [Text(""), _section(report, section)]
    if report.indicators:
        parts += [Text(""), _indicators(report)]
    parts.append(Text(""))
    if texts.needs_funding_note(report):
        parts.append(Text(words.FUNDING_NOTE, style="dim"))
    parts.append(Text(texts.LEGEND_TEXT, style="dim"))
    return Group(*parts)


def _heading(report: Report) -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for label, value in texts.header_fields(report):
        grid.add_row(label, Text(value))
    return Group(Text(texts.title(report), style="bold underline"), grid)


def _bar(counts: Counts) -> Text:
    done, started, rest = texts.bar_cells(counts, BAR)
    bar = Text()
    bar.append("█" * done, style="green")
    bar.append("▒" * started, style="yellow")
    bar.append("░" * rest, style="dim")
    return bar


class _SummaryView:
    """The summary, with its progress bars when the width leaves room for them.

    A plan's scale may have more statuses than the template's three; at 80 columns the counts and
    the area names come first and the bars (which only repeat the share done) give way.
    """

    def __init__(self, report: Report) -> None:
        self.table = summary_table(report).shown_in(TABLE)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        numbers = [c.heading for c in self.table.columns if c.kind in NUMERIC]
        # Each column is as wide as its longest heading word, plus the space between columns.
        needed = AREA_WIDTH + sum(max(len(w) for w in h.split()) + 2 for h in numbers) + BAR
        yield _summary(self.table, bars=options.max_width >= needed)


def _summary(summary: DataTable, *, bars: bool) -> Table:
    table = Table(
        title=summary.title,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        expand=True,
        pad_edge=False,
        collapse_padding=True,  # the box draws a space between columns already
    )
    shown = [c for c in summary.columns if bars or c.kind is not Kind.BAR]
    for column in shown:
        if column.kind is Kind.BAR:
            table.add_column("", width=BAR, no_wrap=True)
        elif column.kind in NUMERIC:
            # Short headings that wrap to two lines keep the summary within 80 columns.
            table.add_column(column.heading.replace(" ", "\n"), justify="right", no_wrap=True)
        else:
            table.add_column(column.heading, ratio=1, min_width=AREA_WIDTH)
    for position, row in enumerate(summary.rows):
        style = "bold" if summary.is_total(position) else ""
        cells: list[RenderableType] = []
        for column, value in zip(summary.columns, row, strict=True):
            if column not in shown:
                continue
            if isinstance(value, Counts):
                cells.append(_bar(value))
            else:
                cells.append(Text(cell_text(value, column.kind), style=style))
        if summary.is_total(position):
            table.add_section()
        table.add_row(*cells)
    return table


class _SectionView:
    """An area's table, laid out for the width it gets.

    From :data:`WIDE` columns on, the columns declared :attr:`~Role.FOLD` (Ansvar and Start) have
    columns of their own as in the appendix; narrower, they go on a line under the proposal
    (:attr:`~Role.LEAD`) so that no word is cut at 80 columns.
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
            Text("\n".join(texts.section_lines(section)), style="dim"),
            Text(texts.empty_text(report, section), style="italic"),
        )
    if section.assessments:
        return Group(_SectionView(report, section), *_assessments(section.assessments))
    return _SectionView(report, section)


def _section_table(report: Report, section: Section, *, wide: bool) -> Table:
    data = rows_table(report, section).shown_in(TABLE)
    table = Table(
        title=section.area_name,
        title_justify="left",
        title_style="bold",
        caption=Text("\n".join(texts.section_lines(section)), style="dim"),
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        expand=True,
        pad_edge=False,
        collapse_padding=True,  # the box draws a space between columns already
    )
    under = _under(data.columns, wide=wide)
    own = [i for i in range(len(data.columns)) if i not in under]
    for i in own:
        _add_column(table, data.columns[i])
    for row in data.rows:
        table.add_row(*(_cell(data, row, i, under) for i in own))
    return table


def _under(columns: Sequence[Column], *, wide: bool) -> list[int]:
    """The positions of the columns that go on a line under the lead: those declared
    :attr:`~Role.UNDER`, and below the wide layout those declared :attr:`~Role.FOLD` (none when
    the table has no lead to go under)."""
    if not any(c.role is Role.LEAD for c in columns):
        return []
    folded = {Role.UNDER} if wide else {Role.UNDER, Role.FOLD}
    return [i for i, c in enumerate(columns) if c.role in folded]


def _add_column(table: Table, column: Column) -> None:
    """A column laid out by its role, its declared width on a terminal, else its kind."""
    screen = column.screen
    if column.role is Role.ID:
        table.add_column(column.heading, no_wrap=True)
    elif screen is not None:
        table.add_column(
            column.heading, ratio=screen.ratio, min_width=screen.least, max_width=screen.most
        )
    elif column.kind is Kind.MARK:
        # Headings wrap to one word a line; "försenad" fits the width that sets.
        table.add_column(column.heading.replace(" ", "\n"), justify="center", min_width=5)
    elif column.kind is Kind.STATUS:
        table.add_column(column.heading.replace(" (", "\n("), min_width=8)
    elif column.kind in NUMERIC:
        table.add_column(column.heading, justify="right")
    else:
        table.add_column(column.heading)


def _cell(
    data: DataTable, row: tuple[Cell, ...], index: int, under: Sequence[int]
) -> RenderableType:
    column, value = data.columns[index], row[index]
    if column.role is Role.LEAD:
        return _lead(data, row, index, under)
    if isinstance(value, Mark):
        if value.late is not None:
            late = value.late.replace(" ", "\n")  # one word a line keeps the column narrow
            return Text(f"{MARK}\n{late}", style="bold red")
        return Text(MARK, style=f"bold {texts.status_style(value.status)}")
    if column.kind is Kind.STATUS:
        status = value if isinstance(value, Status) else None
        return Text(cell_text(value, column.kind), style=texts.status_style(status))
    return Text(cell_text(value, column.kind))


def _lead(data: DataTable, row: tuple[Cell, ...], index: int, under: Sequence[int]) -> Text:
    """The lead (the proposal) with, under it, the columns the width leaves no room for and the
    note."""
    proposal = Text(cell_text(row[index], Kind.TEXT))
    where = [
        cell_text(row[i], data.columns[i].kind)
        for i in under
        if data.columns[i].kind is not Kind.NOTE
    ]
    if where:
        proposal.append("\n" + " · ".join(where), style="dim")
    for i in under:
        note = row[i]
        if isinstance(note, Note):
            when = f" {note.day.isoformat()}" if note.day else ""
            proposal.append(f"\n{words.NOTE_LABEL}{when}: ", style="dim bold")
            proposal.append(note.text, style="dim")
    return proposal


def _assessments(assessments: Sequence[Assessment]) -> list[RenderableType]:
    if not assessments:
        return []
    lines: list[RenderableType] = [Text(texts.ASSESSMENT, style="bold")]
    lines += [Text(line) for line in texts.assessment_lines(assessments)]
    return [*lines, Text("")]


def _indicators(report: Report) -> Table:
    """The measured targets (:func:`~planctl.render.report_tables.indicator_table`): target,
    latest value, met or not, trend since the previous round."""
    data = indicator_table(report).shown_in(TABLE)
    table = Table(
        title=data.title,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        expand=True,
        pad_edge=False,
        collapse_padding=True,
    )
    for column in data.columns:
        if column.kind is Kind.TARGET:
            table.add_column(column.heading, ratio=3, min_width=20)
        elif column.kind is Kind.POINT:
            table.add_column(column.heading.replace(" ", "\n"), ratio=1, min_width=12)
        elif column.kind in (Kind.MET, Kind.TREND) or column.role is Role.ID:
            table.add_column(column.heading, no_wrap=True)
        elif column.kind in NUMERIC:
            table.add_column(column.heading, justify="right")
        else:
            table.add_column(column.heading)
    for row in data.rows:
        table.add_row(*(_indicator_cell(c, v) for c, v in zip(data.columns, row, strict=True)))
    return table


def _indicator_cell(column: Column, value: Cell) -> RenderableType:
    """A cell of the measured targets: the target in bold over what it measures and its note,
    the value over the day and round it was measured, met in green or red."""
    if isinstance(value, Target):
        goal = Text(value.label, style="bold")
        goal.append(f"\n{value.about}", style="dim")
        if value.note:
            goal.append(f"\n{words.NOTE_LABEL}: ", style="dim bold")
            goal.append(value.note, style="dim")
        return goal
    if isinstance(value, Point):
        # The day and the round on lines of their own keep the column as narrow as a date.
        point = Text(value.value)
        point.append("\n" + value.day.isoformat(), style="dim")
        if value.round:
            point.append("\n" + value.round, style="dim")
        return point
    if isinstance(value, Trend):
        return Text(trend_text(value, sep="\n"))  # a second line keeps the column narrow
    if column.kind is Kind.MET:
        return Text(cell_text(value, column.kind), style="bold green" if value else "bold red")
    return Text(cell_text(value, column.kind))
