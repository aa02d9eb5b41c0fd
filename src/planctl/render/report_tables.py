"""The follow-up report's sections as :class:`~planctl.render.tables.DataTable` values.

Each function declares one section's columns once; every writer (terminal, Markdown, CSV, XLSX,
HTML and PDF, Word) formats the table it returns, so the formats cannot disagree about which
columns a section has.
"""

from __future__ import annotations

from collections.abc import Callable

from planctl.models import Measurement
from planctl.render import report_text as texts
from planctl.render import words
from planctl.render.tables import (
    BAR_FORMATS,
    CSV,
    DOCUMENTS,
    EVERY,
    MARKDOWN,
    SPREADSHEETS,
    TABLE,
    XLSX,
    Cell,
    Change,
    Column,
    DataTable,
    Kind,
    Mark,
    Note,
    Point,
    Role,
    Screen,
    Target,
    Trend,
)
from planctl.report import Counts, IndicatorRow, Report, ReportRow, Section
from planctl.scale import Status

H_IMPROVING = "Utveckling"
SUMMARY = "Sammanfattning"
H_CHANGED = "Bytt status"
H_PROGRESS = "Framsteg"


LineCell = Callable[[texts.SummaryLine], Cell]
"""How a summary column gets its cell from one line (an area, or the whole plan)."""

Tally = Callable[[Counts], int]
"""How a count column counts the rows of a line (an area, or the whole plan)."""


def _count(tally: Tally) -> LineCell:
    """A count cell: the number now, or a :class:`Change` in a report of changes."""

    def cell(line: texts.SummaryLine) -> Cell:
        now = tally(line.counts)
        return now if line.previous is None else Change(tally(line.previous), now)

    return cell


def _before(tally: Tally) -> LineCell:
    """A count at the earlier moment of a report of changes (empty without one)."""
    return lambda line: None if line.previous is None else tally(line.previous)


def _of(status: Status) -> Tally:
    return lambda counts: counts.of(status)


def status_key(status: Status) -> str:
    """The machine name of a column of one status of the plan's scale: ``status:klart``.

    A status id is the plan's own slug, which may be any word (``förslag``, ``ansvar``, ``id``);
    a slug has no colon, so no status column can share a key with a declared column.
    """
    return f"status:{status.id}"


AREA_PAPER = 6.0
NUMBER_PAPER = 2.5
"""The summary's widths on paper (cm): the area's name, and each number. A scale with many
statuses gets them narrowed alike to the page (:func:`~planctl.render.tables.paper_widths`)."""


def summary_counts(report: Report) -> list[tuple[Column, Tally]]:
    """The summary's count columns, each with how it counts a line's rows: one per status of the
    plan's scale, Ej uppföljda (when any row shown is not followed up), Försenade."""
    tallies: list[tuple[Column, Tally]] = [
        (
            Column(
                s.name, Kind.COUNT, max(10.0, len(s.name) + 2.0), status_key(s), paper=NUMBER_PAPER
            ),
            _of(s),
        )
        for s in report.scale
    ]
    if texts.shows_not_followed_up(report):
        column = Column(
            texts.H_NOT_FOLLOWED_UP, Kind.COUNT, 14.0, "ej_uppföljda", paper=NUMBER_PAPER
        )
        tallies.append((column, lambda counts: counts.not_followed_up))
    column = Column(texts.H_DELAYED_COUNT, Kind.COUNT, 11.0, "försenade", paper=NUMBER_PAPER)
    tallies.append((column, lambda counts: counts.delayed))
    return tallies


BEFORE = "före"
"""After a count's heading, the column of its value at the earlier moment (``Klart före``)."""


def before_column(column: Column) -> Column:
    """The column of a count's value at the earlier moment of a report of changes:
    ``Klart före``, in the spreadsheets that show the count (one number a cell to compute with;
    the documents write both in the count's own cell, ``3 → 9``)."""
    return Column(
        f"{column.heading} {BEFORE}", Kind.COUNT, max(11.0, len(column.heading) + 7.0),
        f"{column.name}_{BEFORE}", formats=column.formats & SPREADSHEETS,
    )  # fmt: skip


def summary_fields(report: Report) -> list[tuple[Column, LineCell]]:
    """The summary's columns, each with how it gets its cell from a line.

    The area, then the counts (:func:`summary_counts`); in a report of changes each count is a
    :class:`Change` and *Bytt status* counts the rows that moved. The workbook adds the number
    of rows (to compute with); the share done is a percent, and the documents draw it as a
    progress bar. Last, in a report of changes, each count at the earlier moment
    (:func:`before_column`), which only the spreadsheets show.
    """
    counts = summary_counts(report)
    fields: list[tuple[Column, LineCell]] = [
        (Column(texts.H_AREA, width=36.0, key="område", paper=AREA_PAPER), lambda line: line.label)
    ]
    fields += [(column, _count(tally)) for column, tally in counts]
    if report.is_changes:
        # Not on the terminal: at 80 columns it would stack the whole summary, and the area
        # tables below list exactly the rows that moved.
        column = Column(
            H_CHANGED, Kind.INTEGER, 12.0, "bytt_status", formats=EVERY - {TABLE},
            paper=NUMBER_PAPER,
        )  # fmt: skip
        fields.append((column, lambda line: line.changed))
    fields += [
        (Column(texts.H_TOTAL, Kind.INTEGER, 8.0, "rader", formats=frozenset({XLSX})),
         lambda line: line.counts.total),
        (Column(texts.H_SHARE, Kind.PERCENT, 14.0, "andel_klart", paper=NUMBER_PAPER),
         lambda line: line.counts.share_done),
        (Column(H_PROGRESS, Kind.BAR, key="framsteg", formats=BAR_FORMATS),
         lambda line: line.counts),
    ]  # fmt: skip
    if report.is_changes:
        fields += [(before_column(column), _before(tally)) for column, tally in counts]
    return fields


def summary_table(report: Report) -> DataTable:
    """Sammanfattning (:func:`summary_fields`): one row per area, then the whole plan (or the
    selection) as the total."""
    fields = summary_fields(report)
    rows = tuple(tuple(cell(line) for _, cell in fields) for line in texts.summary_lines(report))
    return DataTable(SUMMARY, tuple(c for c, _ in fields), rows, total=True)


# --- the measured targets ----------------------------------------------------------------------

XLSX_ONLY = frozenset({XLSX})
MARKDOWN_ONLY = frozenset({MARKDOWN})
INDICATOR_FORMATS = DOCUMENTS | XLSX_ONLY
"""The formats with a section of measured targets (the tidy CSV has only plan rows)."""


IndicatorCell = Callable[[IndicatorRow], Cell]
"""How a column of the measured targets gets its cell from one target."""


def _latest(item: IndicatorRow) -> Measurement:
    latest = item.standing.latest
    assert latest is not None  # the report lists only measured targets
    return latest


def _target(item: IndicatorRow) -> Target:
    target = item.standing.indicator.target
    label = words.target_label(target.direction, target.value, target.unit)
    return Target(label, _about(item), _latest(item).note)


def _about(item: IndicatorRow) -> str:
    return f"{item.standing.indicator.target.measured} ({texts.source_label(item)})"


def _point(item: IndicatorRow) -> Point:
    latest = _latest(item)
    value = words.quantity_label(latest.value, item.standing.indicator.target.unit)
    return Point(value, latest.date, latest.round)


def _trend(item: IndicatorRow) -> Trend | None:
    standing = item.standing
    if standing.trend is None or standing.previous is None:
        return None
    unit = standing.indicator.target.unit
    change = f"{words.TREND_ARROWS[standing.trend]} från "
    change += words.quantity_label(standing.previous.value, unit)
    return Trend(change, words.improving_label(standing.improving))


def _previous_round(item: IndicatorRow) -> Cell:
    previous = item.standing.previous
    return (previous.round or previous.date.isoformat()) if previous else None


def indicator_fields(report: Report) -> list[tuple[Column, IndicatorCell]]:
    """The measured targets' columns, each with how it gets its cell from one target.

    Documents show Id (with the funding mark) · Mål (the target, what it measures and where the
    target comes from, the latest value's note) · Senaste värde (with its day and round) ·
    Uppfyllt · Trend (since the previous round, and whether that is better). Markdown cannot
    break a line in a table cell, so it gives Avser and the note columns of their own. The
    workbook has one value a cell to compute with: the target's parts, the value, its day and
    round, the previous value and round, the arrow and *bättre*/*sämre* apart.
    """
    return [
        (Column(texts.H_ID, key="id", formats=DOCUMENTS, paper=2.0, role=Role.ID),
         lambda i: i.row_id + (words.FUNDING_MARK if i.needs_funding else "")),
        (Column(texts.H_ID, width=8.0, key="id", formats=XLSX_ONLY, role=Role.ID),
         lambda i: i.row_id),
        (Column("Insats", Kind.INTEGER, 8.0, "insats", formats=XLSX_ONLY),
         lambda i: i.standing.indicator.measure_id),
        (Column(texts.H_TARGET, Kind.TARGET, key="mål", formats=DOCUMENTS - MARKDOWN_ONLY,
                rest=1.0),
         _target),
        (Column(texts.H_TARGET, key="mål", formats=MARKDOWN_ONLY), lambda i: _target(i).label),
        (Column(texts.H_MEASURED, key="avser", formats=MARKDOWN_ONLY), _about),
        (Column(texts.H_MEASURED, width=50.0, key="avser", formats=XLSX_ONLY),
         lambda i: i.standing.indicator.target.measured),
        (Column("Riktning", width=9.0, key="riktning", formats=XLSX_ONLY),
         lambda i: i.standing.indicator.target.direction.value),
        (Column("Målvärde", Kind.NUMBER, 10.0, "målvärde", formats=XLSX_ONLY),
         lambda i: i.standing.indicator.target.value),
        (Column("Enhet", width=16.0, key="enhet", formats=XLSX_ONLY),
         lambda i: i.standing.indicator.target.unit.value),
        (Column(texts.H_VALUE, Kind.POINT, key="senaste_värde", formats=DOCUMENTS, paper=5.0),
         _point),
        (Column("Värde", Kind.NUMBER, 10.0, "värde", formats=XLSX_ONLY),
         lambda i: _latest(i).value),
        (Column(texts.H_VALUE_DATE, Kind.DATE, 12.0, "mätdatum", formats=XLSX_ONLY),
         lambda i: _latest(i).date),
        (Column(texts.H_ROUND, width=12.0, key="uppföljning", formats=XLSX_ONLY),
         lambda i: _latest(i).round),
        (Column(texts.H_MET, Kind.MET, 10.0, "uppfyllt", formats=INDICATOR_FORMATS, paper=2.0),
         lambda i: i.standing.met),
        (Column(texts.H_PREVIOUS, Kind.NUMBER, 12.0, "föregående_värde", formats=XLSX_ONLY),
         lambda i: i.standing.previous.value if i.standing.previous else None),
        (Column("Föregående uppföljning", width=14.0, key="föregående_uppföljning",
                formats=XLSX_ONLY),
         _previous_round),
        (Column(texts.H_TREND, Kind.TREND, key="trend", formats=DOCUMENTS, paper=4.0), _trend),
        (Column(texts.H_TREND, width=8.0, key="trend", formats=XLSX_ONLY),
         lambda i: words.TREND_ARROWS[i.standing.trend] if i.standing.trend else None),
        (Column(H_IMPROVING, width=11.0, key="utveckling", formats=XLSX_ONLY),
         lambda i: words.improving_label(i.standing.improving) or None),
        (Column(texts.H_NOTE, key="notering", formats=MARKDOWN_ONLY),
         lambda i: _latest(i).note),
        (Column(words.NOTE_LABEL, width=40.0, key="notering", formats=XLSX_ONLY),
         lambda i: _latest(i).note),
    ]  # fmt: skip


def indicator_table(report: Report) -> DataTable:
    """Mål och mätvärden (:func:`indicator_fields`): one row per measured target."""
    fields = indicator_fields(report)
    rows = tuple(tuple(cell(item) for _, cell in fields) for item in report.indicators)
    return DataTable(texts.INDICATORS, tuple(c for c, _ in fields), rows)


# --- each area's rows -------------------------------------------------------------------------

CSV_ONLY = frozenset({CSV})
# The appendix's Start/slut is one column in the documents and the workbook, two in the CSV.
TIMING_FORMATS = DOCUMENTS | {XLSX}


RowCell = Callable[[Section, ReportRow], Cell]
"""How a column gets its cell from an area and one of its rows."""


def _mark(status: Status) -> RowCell:
    def cell(section: Section, row: ReportRow) -> Cell:
        if status != row.status:
            return None
        return Mark(status, row.late.value if row.late else None)

    return cell


def _note(section: Section, row: ReportRow) -> Cell:
    return Note(row.note, row.note_date) if row.note else None


def row_fields(report: Report) -> list[tuple[Column, RowCell]]:
    """The columns of every area's table, each with how it gets its cell; the same in every area.

    Documents (terminal, Markdown, HTML/PDF, Word) show the appendix: Id (with the funding mark)
    · Förslag · Ansvar · Start/slut · one mark column per status of the plan's scale (Från and
    Till in a report of changes) · Förra uppföljningen · Senaste notering with its date. The
    spreadsheets add what they compute with: lateness, funding and the note's date in columns of
    their own; the tidy CSV names each row's area, status and meaning instead of marks, its
    columns named as the plan file's keys.
    """
    fields: list[tuple[Column, RowCell]] = [
        (Column("Område-id", key="område_id", formats=CSV_ONLY), lambda s, r: s.area_id),
        (Column(texts.H_AREA, key="område", formats=CSV_ONLY), lambda s, r: s.area_name),
        (Column(texts.H_ID, width=8.0, key="id", formats=SPREADSHEETS, role=Role.ID),
         lambda s, r: r.id),
        (Column(texts.H_ID, key="id", formats=DOCUMENTS, paper=1.7, role=Role.ID),
         lambda s, r: texts.row_label(r)),
        (Column(texts.H_PROPOSAL, width=60.0, key="förslag", paper=6.0, rest=0.62,
                role=Role.LEAD, screen=Screen(least=20, ratio=5)),
         lambda s, r: r.proposal),
        # Sized on a terminal to "Förhandlingsdelegationen" rather than by ratio, so no role
        # is cut; below the terminal's wide layout it goes under the proposal with the timing.
        (Column(texts.H_RESPONSIBLE, width=24.0, key="ansvar", paper=4.6, role=Role.FOLD,
                screen=Screen(least=24, most=28)),
         lambda s, r: r.responsible),
        (Column(texts.start_heading(report), width=18.0, key="start_slut",
                formats=TIMING_FORMATS, paper=2.6, role=Role.FOLD,
                screen=Screen(least=11, most=18)),
         lambda s, r: texts.timing_label(r)),
        (Column(texts.H_START, key="start", formats=CSV_ONLY), lambda s, r: r.start),
        (Column(texts.H_END, key="slut", formats=CSV_ONLY), lambda s, r: r.end),
    ]  # fmt: skip
    if report.is_changes:
        fields.append(
            (Column(texts.H_FROM, Kind.STATUS, 13.0, "status_före"), lambda s, r: r.previous)
        )
    else:
        fields += [
            (Column(st.name, Kind.MARK, max(9.0, len(st.name) + 2.0), status_key(st),
                    formats=TIMING_FORMATS), _mark(st))
            for st in report.scale
        ]  # fmt: skip
    if texts.has_previous_round(report):
        # The status at the round before is a word ("Ej uppföljd") under a long heading.
        heading = texts.previous_round_heading(report)
        fields.append(
            (Column(heading, Kind.STATUS, 14.0, "förra_uppföljningen", paper=3.2),
             lambda s, r: r.previous_round)
        )  # fmt: skip
    if report.is_changes:
        status = Column(texts.H_TO, Kind.STATUS, 13.0, "status", strong=True)
    else:
        status = Column("Status", Kind.STATUS, key="status", formats=CSV_ONLY)
    fields += [
        (status, lambda s, r: r.status),
        (Column("Betyder", key="betyder", formats=CSV_ONLY),
         lambda s, r: r.status.meaning.value if r.status else None),
        (Column("Statusdatum", Kind.DATE, key="statusdatum", formats=CSV_ONLY),
         lambda s, r: r.status_date),
        (Column(texts.H_DELAYED, Kind.LATE, 10.0, "försenad", formats=SPREADSHEETS),
         lambda s, r: r.late.value if r.late else None),
        (Column(texts.H_FUNDING, Kind.BOOLEAN, 10.0, "behöver_finansiering",
                formats=SPREADSHEETS),
         lambda s, r: r.needs_funding),
        (Column(texts.H_NOTE, Kind.NOTE, key="notering", formats=DOCUMENTS, paper=3.5,
                rest=0.38, role=Role.UNDER),
         _note),
        (Column(texts.H_NOTE, width=50.0, key="notering", formats=SPREADSHEETS),
         lambda s, r: r.note),
        (Column(texts.H_NOTE_DATE, Kind.DATE, 14.0, "noteringsdatum", formats=SPREADSHEETS),
         lambda s, r: r.note_date),
    ]  # fmt: skip
    return fields


def row_columns(report: Report) -> tuple[Column, ...]:
    """The columns of every area's table (:func:`row_fields`)."""
    return tuple(column for column, _ in row_fields(report))


def rows_table(report: Report, section: Section) -> DataTable:
    """One area's rows (:func:`row_fields`), titled with the area's name."""
    fields = row_fields(report)
    rows = tuple(tuple(cell(section, row) for _, cell in fields) for row in section.rows)
    return DataTable(section.area_name, tuple(c for c, _ in fields), rows)
