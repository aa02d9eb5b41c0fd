"""The records of ``list`` and ``measures``: plan rows and catalogue measures as shown.

Knows no output format. The JSON of ``list`` and ``measures`` is each record's ``json()``; its
keys are part of planctl's documented interface (README, "Utdata i JSON").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planctl.models import (
    Catalogue,
    Cost,
    CostBasis,
    Direction,
    HistoryEntry,
    Meaning,
    Measure,
    Measurement,
    Plan,
    Row,
    Target,
    Unit,
)
from planctl.progress import owners_label
from planctl.terms import Period
from planctl.views.shape import JsonObject


@dataclass(frozen=True, slots=True)
class TargetView:
    """A measurable target: what is measured, the value in ``unit``, a floor (``minst``) or a
    ceiling (``högst``)."""

    measured: str
    value: int | float
    unit: Unit
    direction: Direction

    @classmethod
    def of(cls, target: Target) -> TargetView:
        """The target as written in the plan or the catalogue."""
        return cls(target.measured, target.value, target.unit, target.direction)

    def json(self) -> JsonObject:
        """``{measured, value, unit, direction}``."""
        return {
            "measured": self.measured,
            "value": self.value,
            "unit": self.unit.value,
            "direction": self.direction.value,
        }


@dataclass(frozen=True, slots=True)
class MeasureView:
    """One catalogue measure: its number, area, text and targets."""

    id: int
    area_id: str
    area_name: str
    text: str
    targets: tuple[TargetView, ...]

    @classmethod
    def of(cls, catalogue: Catalogue, measure: Measure) -> MeasureView:
        """The measure with its area's name (the area id when the catalogue lacks the area)."""
        area = catalogue.area(measure.area)
        return cls(
            id=measure.id,
            area_id=measure.area,
            area_name=area.name if area else measure.area,
            text=measure.text,
            targets=tuple(TargetView.of(t) for t in measure.targets),
        )

    def json(self) -> JsonObject:
        """``{id, area, area_name, text, targets}``."""
        return {
            "id": self.id,
            "area": self.area_id,
            "area_name": self.area_name,
            "text": self.text,
            "targets": [t.json() for t in self.targets],
        }


@dataclass(frozen=True, slots=True)
class StatusEntryView:
    """One entry of a row's status history as written: day, status name, note, role, round,
    and the number (1-based) of the entry it corrects."""

    date: dt.date
    status: str
    note: str | None
    by: str | None
    round: str | None
    corrects: int | None

    @classmethod
    def of(cls, entry: HistoryEntry) -> StatusEntryView:
        """The entry as recorded."""
        return cls(entry.date, entry.status, entry.note, entry.by, entry.round, entry.corrects)

    def json(self) -> JsonObject:
        """``{date, status, note, by, round, corrects}``, the date as ``YYYY-MM-DD``."""
        return {
            "date": self.date.isoformat(),
            "status": self.status,
            "note": self.note,
            "by": self.by,
            "round": self.round,
            "corrects": self.corrects,
        }


@dataclass(frozen=True, slots=True)
class MeasurementView:
    """One measured value; ``measure`` is the catalogue measure whose target it measures
    (``None`` for the row's own target)."""

    date: dt.date
    value: int | float
    measure: int | None
    note: str | None
    by: str | None
    round: str | None

    @classmethod
    def of(cls, entry: Measurement) -> MeasurementView:
        """The measurement as recorded."""
        return cls(entry.date, entry.value, entry.measure, entry.note, entry.by, entry.round)

    def json(self) -> JsonObject:
        """``{date, value, measure, note, by, round}``, the date as ``YYYY-MM-DD``."""
        return {
            "date": self.date.isoformat(),
            "value": self.value,
            "measure": self.measure,
            "note": self.note,
            "by": self.by,
            "round": self.round,
        }


def period_json(period: Period | None) -> JsonObject | None:
    """A period as ``{first, last}`` (``YYYY-MM-DD``), ``null`` when there is none."""
    if period is None:
        return None
    return {"first": period.first.isoformat(), "last": period.last.isoformat()}


@dataclass(frozen=True, slots=True)
class CostView:
    """A row's cost: the amount in whole kronor (or ``None``), ``engång`` or ``per år``, and the
    text as written in the plan."""

    amount: int | None
    basis: CostBasis | None
    text: str

    @classmethod
    def of(cls, cost: Cost) -> CostView:
        """The cost as the plan states it."""
        return cls(cost.amount, cost.basis, cost.text)

    def json(self) -> JsonObject:
        """``{amount, basis, text}``."""
        return {
            "amount": self.amount,
            "basis": self.basis.value if self.basis else None,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class RowView:
    """One plan row with its current status (``status`` and ``meaning`` are ``None`` when the row
    has not been followed up; ``status_date`` is the day of the entry giving that status)."""

    plan_id: str
    id: str
    area_id: str
    area_name: str
    proposal: str
    details: str | None
    responsible: str
    owners: tuple[str, ...]
    start: str
    start_period: Period | None
    end: str | None
    end_period: Period | None
    open_timing: bool
    needs_funding: bool | None
    cost: CostView | None
    measures: tuple[int, ...]
    status: str | None
    meaning: Meaning | None
    status_date: dt.date | None
    history: tuple[StatusEntryView, ...]
    targets: tuple[TargetView, ...]
    measurements: tuple[MeasurementView, ...]

    @classmethod
    def of(cls, plan: Plan, row: Row) -> RowView:
        """The row as ``list`` shows it, its status the latest that counts."""
        area = plan.area(row.area)
        entry = plan.entry_on(row)
        status = plan.status_written(entry.status) if entry is not None else None
        timing = row.start_timing
        return cls(
            plan_id=plan.meta.id,
            id=row.id,
            area_id=row.area,
            area_name=area.name if area else row.area,
            proposal=row.proposal,
            details=row.details,
            responsible=owners_label(row.owners),
            owners=tuple(row.owners),
            start=row.start,
            start_period=row.start_window,
            end=row.end,
            end_period=row.end_window,
            open_timing=bool(timing and timing.open),
            needs_funding=row.needs_funding,
            cost=CostView.of(row.cost) if row.cost else None,
            measures=tuple(row.measures),
            status=status.name if status else None,
            meaning=status.meaning if status else None,
            status_date=entry.date if entry is not None else None,
            history=tuple(StatusEntryView.of(e) for e in row.history),
            targets=tuple(TargetView.of(t) for t in row.targets),
            measurements=tuple(MeasurementView.of(m) for m in row.measurements),
        )

    def json(self) -> JsonObject:
        """The row object of ``list --format json`` (README, "Utdata i JSON")."""
        return {
            "plan": self.plan_id,
            "id": self.id,
            "area": self.area_id,
            "area_name": self.area_name,
            "proposal": self.proposal,
            "details": self.details,
            "responsible": self.responsible,
            "owners": list(self.owners),
            "start": self.start,
            "start_period": period_json(self.start_period),
            "end": self.end,
            "end_period": period_json(self.end_period),
            "open_timing": self.open_timing,
            "needs_funding": self.needs_funding,
            "cost": self.cost.json() if self.cost else None,
            "measures": list(self.measures),
            "status": self.status,
            "meaning": self.meaning.value if self.meaning else None,
            "status_date": self.status_date.isoformat() if self.status_date else None,
            "history": [e.json() for e in self.history],
            "targets": [t.json() for t in self.targets],
            "measurements": [m.json() for m in self.measurements],
        }
