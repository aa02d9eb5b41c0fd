"""What commands show, as plain data: records for rows and measures. Knows no output format.

The JSON output of ``list``, ``measures`` and ``show`` is exactly these records, so their keys are
part of planctl's documented interface (see README, "JSON").
"""

from __future__ import annotations

from typing import Any

from planctl.models import Catalogue, HistoryEntry, Measure, Plan, Row, Status, Target
from planctl.query import Since


def target_record(target: Target) -> dict[str, Any]:
    """A measurable target."""
    return {
        "measured": target.measured,
        "value": target.value,
        "unit": target.unit.value,
        "direction": target.direction.value,
    }


def measure_record(catalogue: Catalogue, measure: Measure) -> dict[str, Any]:
    """One catalogue measure."""
    area = catalogue.area(measure.area)
    return {
        "id": measure.id,
        "area": measure.area,
        "area_name": area.name if area else measure.area,
        "text": measure.text,
        "targets": [target_record(t) for t in measure.targets],
    }


def history_record(entry: HistoryEntry) -> dict[str, Any]:
    """One status history entry."""
    return {
        "date": entry.date.isoformat(),
        "status": entry.status.value,
        "note": entry.note,
        "by": entry.by,
        "round": entry.round,
    }


def row_record(plan: Plan, row: Row) -> dict[str, Any]:
    """One plan row with its current status."""
    area = plan.area(row.area)
    term = row.start_term
    return {
        "plan": plan.meta.id,
        "id": row.id,
        "area": row.area,
        "area_name": area.name if area else row.area,
        "proposal": row.proposal,
        "details": row.details,
        "responsible": row.responsible,
        "start": row.start,
        "start_term": term.code if term else None,
        "needs_funding": row.needs_funding,
        "measures": list(row.measures),
        "status": row.status.value,
        "status_date": row.history[-1].date.isoformat() if row.history else None,
        "history": [history_record(e) for e in row.history],
    }


def row_detail(plan: Plan, row: Row, catalogue: Catalogue | None) -> dict[str, Any]:
    """A row with the text of every measure it links to."""
    record = row_record(plan, row)
    linked = []
    for measure_id in row.measures:
        measure = catalogue.measure(measure_id) if catalogue else None
        linked.append(
            measure_record(catalogue, measure)
            if catalogue and measure
            else {"id": measure_id, "area": None, "area_name": None, "text": None, "targets": []}
        )
    record["linked_measures"] = linked
    return record


def measure_detail(catalogue: Catalogue, measure: Measure, plans: list[Plan]) -> dict[str, Any]:
    """A measure with every plan row that carries it out."""
    record = measure_record(catalogue, measure)
    record["plan_rows"] = [
        {"plan": plan.meta.id, "id": row.id, "proposal": row.proposal, "status": row.status.value}
        for plan in plans
        for row in plan.rows
        if measure.id in row.measures
    ]
    return record


def history_records(
    plan: Plan, row: Row | None = None, since: Since | None = None
) -> list[dict[str, Any]]:
    """Every status entry of ``row`` (or of the whole plan) in date order, with the status before.

    Entries on the same day keep plan order, then file order.
    """
    records: list[dict[str, Any]] = []
    for current in plan.rows if row is None else (row,):
        previous = Status.NOT_STARTED
        for entry in current.history:
            if since is None or since.admits(entry.date, entry.round):
                records.append(
                    {
                        "plan": plan.meta.id,
                        "id": current.id,
                        "area": current.area,
                        **history_record(entry),
                        "previous": previous.value,
                    }
                )
            previous = entry.status
    return sorted(records, key=lambda r: str(r["date"]))
