"""The records of ``show``: one plan row or one catalogue measure in full.

A row comes with the measures it links to and its indicators as of a day; a measure with every
plan row that carries it out. Knows no output format; the JSON of ``show`` is each record's
``json()`` (README, "Utdata i JSON").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypeAlias

from planctl.errors import UsageError
from planctl.indicators import Movement, Standing, row_standings
from planctl.models import Catalogue, Measure, Measurement, Plan, Row
from planctl.moments import plan_today
from planctl.progress import status_label
from planctl.query import match_row
from planctl.store import DataSet
from planctl.views.rows import MeasureView, RowView, TargetView
from planctl.views.shape import JsonObject


@dataclass(frozen=True, slots=True)
class PointView:
    """One measured value of an indicator: the value, the day it was measured and its round."""

    value: int | float
    date: dt.date
    round: str | None

    @classmethod
    def of(cls, entry: Measurement) -> PointView:
        """The value of a measurement."""
        return cls(entry.value, entry.date, entry.round)

    def json(self) -> JsonObject:
        """``{value, date, round}``."""
        return {"value": self.value, "date": self.date.isoformat(), "round": self.round}


@dataclass(frozen=True, slots=True)
class IndicatorView:
    """A target followed on a row and its standing on a day: the latest value (and its note),
    met or not, the previous round's value, the trend (``up``, ``down``, ``same``) and whether
    it moves toward the target. All but the target are ``None`` before the first measurement.

    ``measure_id`` is the catalogue measure whose target it is, ``None`` for the row's own.
    """

    row_id: str
    measure_id: int | None
    target: TargetView
    latest: PointView | None
    note: str | None
    met: bool | None
    previous: PointView | None
    trend: Movement | None
    improving: bool | None

    @classmethod
    def of(cls, row_id: str, standing: Standing) -> IndicatorView:
        """The indicator as :class:`~planctl.indicators.Standing` judges it."""
        latest = standing.latest
        return cls(
            row_id=row_id,
            measure_id=standing.indicator.measure_id,
            target=TargetView.of(standing.indicator.target),
            latest=PointView.of(latest) if latest else None,
            note=latest.note if latest else None,
            met=standing.met,
            previous=PointView.of(standing.previous) if standing.previous else None,
            trend=standing.trend,
            improving=standing.improving,
        )

    def json(self) -> JsonObject:
        """``{row, measure, target, latest, note, met, previous, trend, improving}``, as in the
        report's ``indicators``."""
        return {
            "row": self.row_id,
            "measure": self.measure_id,
            "target": self.target.json(),
            "latest": self.latest.json() if self.latest else None,
            "note": self.note,
            "met": self.met,
            "previous": self.previous.json() if self.previous else None,
            "trend": self.trend,
            "improving": self.improving,
        }


@dataclass(frozen=True, slots=True)
class MissingMeasure:
    """A measure number a row links to that the catalogue (or a missing catalogue) lacks."""

    id: int

    def json(self) -> JsonObject:
        """A measure object with only its number: ``area``, ``area_name`` and ``text`` null."""
        return {"id": self.id, "area": None, "area_name": None, "text": None, "targets": []}


LinkedMeasure: TypeAlias = MeasureView | MissingMeasure
"""A measure a row links to, as the catalogue has it or as a bare number."""


@dataclass(frozen=True, slots=True)
class RowDetail:
    """``show ROW``: the row, the measures it links to in link order, its indicators."""

    row: RowView
    linked_measures: tuple[LinkedMeasure, ...]
    indicators: tuple[IndicatorView, ...]

    def json(self) -> JsonObject:
        """The row's object (as in ``list``) with ``linked_measures`` and ``indicators``."""
        return {
            **self.row.json(),
            "indicators": [i.json() for i in self.indicators],
            "linked_measures": [m.json() for m in self.linked_measures],
        }


@dataclass(frozen=True, slots=True)
class PlanRowRef:
    """A plan row that carries out a measure: the plan, the row, its proposal and its status's
    name (*Ej uppföljd* when it has none)."""

    plan_id: str
    row_id: str
    proposal: str
    status: str

    def json(self) -> JsonObject:
        """``{plan, id, proposal, status}``."""
        return {
            "plan": self.plan_id,
            "id": self.row_id,
            "proposal": self.proposal,
            "status": self.status,
        }


@dataclass(frozen=True, slots=True)
class MeasureDetail:
    """``show NUMBER``: a catalogue measure and every plan row that carries it out."""

    measure: MeasureView
    plan_rows: tuple[PlanRowRef, ...]

    def json(self) -> JsonObject:
        """The measure's object (as in ``measures``) with ``plan_rows``."""
        return {**self.measure.json(), "plan_rows": [r.json() for r in self.plan_rows]}


ShowView: TypeAlias = RowDetail | MeasureDetail
"""What ``show`` shows: a row or a measure."""


def row_detail(plan: Plan, row: Row, catalogue: Catalogue | None, *, today: dt.date) -> RowDetail:
    """A row with every measure it links to and its indicators as of ``today``."""
    linked: list[LinkedMeasure] = []
    for measure_id in row.measures:
        measure = catalogue.measure(measure_id) if catalogue else None
        if catalogue is not None and measure is not None:
            linked.append(MeasureView.of(catalogue, measure))
        else:
            linked.append(MissingMeasure(measure_id))
    return RowDetail(
        row=RowView.of(plan, row),
        linked_measures=tuple(linked),
        indicators=tuple(
            IndicatorView.of(row.id, standing) for standing in row_standings(row, catalogue, today)
        ),
    )


def measure_detail(catalogue: Catalogue, measure: Measure, plans: list[Plan]) -> MeasureDetail:
    """A measure with every row of ``plans`` that carries it out, in plan and row order."""
    return MeasureDetail(
        measure=MeasureView.of(catalogue, measure),
        plan_rows=tuple(
            PlanRowRef(plan.meta.id, row.id, row.proposal, status_label(plan.status_on(row)))
            for plan in plans
            for row in plan.rows
            if measure.id in row.measures
        ),
    )


def measure_number(item: str) -> int | None:
    """The catalogue measure ``show ITEM`` means (``47``), or ``None`` for a plan row id."""
    typed = item.strip()
    return int(typed) if typed.isdecimal() else None


def show_view(
    data: DataSet,
    item: str,
    plan_id: str | None,
    *,
    today: dt.date,
    now: dt.datetime | None = None,
) -> ShowView:
    """What ``show ITEM`` shows: a :class:`MeasureDetail` for a number, else a :class:`RowDetail`.

    A number names a catalogue measure, shown with the rows of every plan that carry it out;
    anything else is a row id of the plan ``plan_id`` (or of the one plan that has it), its
    indicators as of the plan's own today (:func:`~planctl.moments.plan_today` of ``today`` and
    ``now``). A measure missing from the catalogue is a :class:`~planctl.errors.UsageError`
    (exit 2).
    """
    catalogue = data.catalogue.model if data.catalogue else None
    number = measure_number(item)
    if number is not None:
        measure = catalogue.measure(number) if catalogue else None
        if catalogue is None or measure is None:
            raise UsageError(f"insats {number} finns inte i katalogen")
        return measure_detail(catalogue, measure, [p.model for p in data.plans])
    plan = data.plan(plan_id, row_ids=(item,)).model
    own_today = plan_today(plan, today=today, now=now)
    return row_detail(plan, match_row(plan, item), catalogue, today=own_today)
