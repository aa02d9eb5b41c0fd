"""The follow-up report's sections as :class:`~planctl.render.tables.DataTable` values.

Each function declares one section's columns once; every writer (terminal, Markdown, CSV, XLSX,
HTML and PDF, Word) formats the table it returns, so the formats cannot disagree about which
columns a section has.
"""

from __future__ import annotations

from planctl.render import report_text as texts
from planctl.render import words
from planctl.render.tables import (
    BAR_FORMATS,
    EVERY,
    TABLE,
    XLSX,
    Cell,
    Change,
    Column,
    DataTable,
    Kind,
)
from planctl.report import Counts, Report

H_IMPROVING = "Utveckling"
SUMMARY = "Sammanfattning"
H_CHANGED = "Bytt status"
H_PROGRESS = "Framsteg"


def count_columns(report: Report) -> list[Column]:
    """The count columns: one per status of the plan's scale, Ej uppföljda (when any row shown
    is not followed up), Försenade."""
    columns = [Column(s.name, Kind.COUNT, max(10.0, len(s.name) + 2.0), s.id) for s in report.scale]
    if texts.shows_not_followed_up(report):
        columns.append(Column(texts.H_NOT_FOLLOWED_UP, Kind.COUNT, 14.0, "ej_uppföljda"))
    columns.append(Column(texts.H_DELAYED_COUNT, Kind.COUNT, 11.0, "försenade"))
    return columns


def _counts(report: Report, counts: Counts, previous: Counts | None) -> list[Cell]:
    now = texts.count_values(report, counts)
    if previous is None:
        return list(now)
    before = texts.count_values(report, previous)
    return [Change(p, n) for p, n in zip(before, now, strict=True)]


def summary_table(report: Report) -> DataTable:
    """Sammanfattning: one row per area, then the whole plan (or selection) as the total.

    Counts per status, Ej uppföljda, Försenade; in a report of changes each count is a
    :class:`~planctl.render.tables.Change` and *Bytt status* counts the rows that moved. The
    workbook adds the number of rows (to compute with); the share done is a percent, and the
    documents draw it as a progress bar.
    """
    columns = [Column(texts.H_AREA, width=36.0, key="område"), *count_columns(report)]
    if report.is_changes:
        # Not on the terminal: at 80 columns it would stack the whole summary, and the area
        # tables below list exactly the rows that moved.
        changed = EVERY - {TABLE}
        columns.append(Column(H_CHANGED, Kind.INTEGER, 12.0, "bytt_status", formats=changed))
    columns += [
        Column(texts.H_TOTAL, Kind.INTEGER, 8.0, "rader", formats=frozenset({XLSX})),
        Column(texts.H_SHARE, Kind.PERCENT, 14.0, "andel_klart"),
        Column(H_PROGRESS, Kind.BAR, key="framsteg", formats=BAR_FORMATS),
    ]
    rows: list[tuple[Cell, ...]] = []
    for line in texts.summary_lines(report):
        cells = [line.label, *_counts(report, line.counts, line.previous)]
        if report.is_changes:
            cells.append(line.changed)
        cells += [line.counts.total, line.counts.share_done, line.counts]
        rows.append(tuple(cells))
    return DataTable(SUMMARY, tuple(columns), tuple(rows), total=True)


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
