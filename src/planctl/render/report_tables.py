"""The follow-up report's sections as :class:`~planctl.render.tables.DataTable` values.

Each function declares one section's columns once; every writer (terminal, Markdown, CSV, XLSX,
HTML and PDF, Word) formats the table it returns, so the formats cannot disagree about which
columns a section has.
"""

from __future__ import annotations

from collections.abc import Callable

from planctl.render import report_text as texts
from planctl.render import words
from planctl.render.tables import (
    BAR_FORMATS,
    CSV,
    DOCUMENTS,
    EVERY,
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
)
from planctl.report import Counts, Report, ReportRow, Section
from planctl.scale import Status

H_IMPROVING = "Utveckling"
SUMMARY = "Sammanfattning"
H_CHANGED = "Bytt status"
H_PROGRESS = "Framsteg"


LineCell = Callable[[texts.SummaryLine], Cell]
"""How a summary column gets its cell from one line (an area, or the whole plan)."""


def _count(tally: Callable[[Counts], int]) -> LineCell:
    """A count cell: the number now, or a :class:`Change` in a report of changes."""

    def cell(line: texts.SummaryLine) -> Cell:
        now = tally(line.counts)
        return now if line.previous is None else Change(tally(line.previous), now)

    return cell


def _of(status: Status) -> Callable[[Counts], int]:
    return lambda counts: counts.of(status)


def summary_fields(report: Report) -> list[tuple[Column, LineCell]]:
    """The summary's columns, each with how it gets its cell from a line.

    One count per status of the plan's scale, Ej uppföljda (when any row shown is not followed
    up), Försenade; in a report of changes each count is a :class:`Change` and *Bytt status*
    counts the rows that moved. The workbook adds the number of rows (to compute with); the share
    done is a percent, and the documents draw it as a progress bar.
    """
    fields: list[tuple[Column, LineCell]] = [
        (Column(texts.H_AREA, width=36.0, key="område"), lambda line: line.label)
    ]
    fields += [
        (Column(s.name, Kind.COUNT, max(10.0, len(s.name) + 2.0), s.id), _count(_of(s)))
        for s in report.scale
    ]
    if texts.shows_not_followed_up(report):
        column = Column(texts.H_NOT_FOLLOWED_UP, Kind.COUNT, 14.0, "ej_uppföljda")
        fields.append((column, _count(lambda counts: counts.not_followed_up)))
    column = Column(texts.H_DELAYED_COUNT, Kind.COUNT, 11.0, "försenade")
    fields.append((column, _count(lambda counts: counts.delayed)))
    if report.is_changes:
        # Not on the terminal: at 80 columns it would stack the whole summary, and the area
        # tables below list exactly the rows that moved.
        column = Column(H_CHANGED, Kind.INTEGER, 12.0, "bytt_status", formats=EVERY - {TABLE})
        fields.append((column, lambda line: line.changed))
    fields += [
        (Column(texts.H_TOTAL, Kind.INTEGER, 8.0, "rader", formats=frozenset({XLSX})),
         lambda line: line.counts.total),
        (Column(texts.H_SHARE, Kind.PERCENT, 14.0, "andel_klart"),
         lambda line: line.counts.share_done),
        (Column(H_PROGRESS, Kind.BAR, key="framsteg", formats=BAR_FORMATS),
         lambda line: line.counts),
    ]  # fmt: skip
    return fields


def summary_table(report: Report) -> DataTable:
    """Sammanfattning (:func:`summary_fields`): one row per area, then the whole plan (or the
    selection) as the total."""
    fields = summary_fields(report)
    rows = tuple(tuple(cell(line) for _, cell in fields) for line in texts.summary_lines(report))
    return DataTable(SUMMARY, tuple(c for c, _ in fields), rows, total=True)


def indicator_table(report: Report) -> DataTable:
    """The measured targets: one row per target with its latest value, met or not, and trend."""
    columns = (
        Column(texts.H_ID, width=8.0),
        Column("Insats", Kind.INTEGER, 8.0),
        Column(texts.H_MEASURED, width=50.0),
        Column("Riktning", width=9.0),
        Column("Målvärde", Kind.NUMBER, 10.0),
        Column("Enhet", width=16.0),
        Column("Värde", Kind.NUMBER, 10.0),
        Column(texts.H_VALUE_DATE, Kind.DATE, 12.0),
        Column(texts.H_ROUND, width=12.0),
        Column(texts.H_MET, width=10.0),
        Column(texts.H_PREVIOUS, Kind.NUMBER, 12.0),
        Column("Föregående uppföljning", width=14.0),
        Column(texts.H_TREND, width=8.0),
        Column(H_IMPROVING, width=11.0),
        Column("Notering", width=40.0),
    )
    rows: list[tuple[Cell, ...]] = []
    for item in report.indicators:
        standing = item.standing
        indicator, latest, previous = standing.indicator, standing.latest, standing.previous
        assert latest is not None  # the report lists only measured targets
        rows.append(
            (
                item.row_id,
                indicator.measure_id,
                indicator.target.measured,
                indicator.target.direction.value,
                indicator.target.value,
                indicator.target.unit.value,
                latest.value,
                latest.date,
                latest.round,
                texts.met_label(standing),
                previous.value if previous else None,
                (previous.round or previous.date.isoformat()) if previous else None,
                words.TREND_ARROWS[standing.trend] if standing.trend else None,
                words.improving_label(standing.improving) or None,
                latest.note,
            )
        )
    return DataTable(texts.INDICATORS, columns, tuple(rows))


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
        (Column(texts.H_ID, width=8.0, key="id", formats=SPREADSHEETS), lambda s, r: r.id),
        (Column(texts.H_ID, key="id", formats=DOCUMENTS, paper=1.7),
         lambda s, r: texts.row_label(r)),
        (Column(texts.H_PROPOSAL, width=60.0, key="förslag", paper=6.0, rest=0.62),
         lambda s, r: r.proposal),
        (Column(texts.H_RESPONSIBLE, width=24.0, key="ansvar", paper=4.6),
         lambda s, r: r.responsible),
        (Column(texts.start_heading(report), width=18.0, key="start_slut",
                formats=TIMING_FORMATS, paper=2.6),
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
            (Column(st.name, Kind.MARK, max(9.0, len(st.name) + 2.0), st.id,
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
                rest=0.38),
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
