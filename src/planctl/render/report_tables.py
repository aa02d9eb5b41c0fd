"""The follow-up report's sections as :class:`~planctl.render.tables.DataTable` values.

Each function declares one section's columns once; CSV and XLSX (and any later writer) format the
table they return, so the formats cannot disagree about which columns a section has.
"""

from __future__ import annotations

from planctl.render import report_text as texts
from planctl.render import words
from planctl.render.tables import Cell, Column, DataTable, Kind
from planctl.report import Report

H_IMPROVING = "Utveckling"


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
