"""What commands show, as plain data: records for rows, measures, history, coverage, summary.

Knows no output format. The JSON output of ``list``, ``measures``, ``show``, ``history``,
``coverage`` and ``summary`` is exactly these records, so their keys are part of planctl's
documented interface (see README, "JSON").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from planctl.coverage import Coverage, RowsCoverage
from planctl.errors import UsageError
from planctl.indicators import Standing, row_standings
from planctl.models import Catalogue, Cost, HistoryEntry, Measure, Measurement, Plan, Row, Target
from planctl.progress import owners_label, status_label
from planctl.query import Since, match_row
from planctl.store import DataSet
from planctl.summary import MeasureUptake, PlanSummary, Summary
from planctl.terms import Period


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
        "status": entry.status,
        "note": entry.note,
        "by": entry.by,
        "round": entry.round,
    }


def measurement_record(entry: Measurement) -> dict[str, Any]:
    """One measured value; ``measure`` is the catalogue measure whose target it measures."""
    return {
        "date": entry.date.isoformat(),
        "value": entry.value,
        "measure": entry.measure,
        "note": entry.note,
        "by": entry.by,
        "round": entry.round,
    }


def _point(entry: Measurement | None) -> dict[str, Any] | None:
    if entry is None:
        return None
    return {"value": entry.value, "date": entry.date.isoformat(), "round": entry.round}


def indicator_record(row_id: str, standing: Standing) -> dict[str, Any]:
    """A target followed on a row and its standing: latest value, met or not, trend."""
    latest = standing.latest
    return {
        "row": row_id,
        "measure": standing.indicator.measure_id,
        "target": target_record(standing.indicator.target),
        "latest": _point(latest),
        "note": latest.note if latest else None,
        "met": standing.met,
        "previous": _point(standing.previous),
        "trend": standing.trend,
        "improving": standing.improving,
    }


def period_record(period: Period | None) -> dict[str, str] | None:
    """A period's first and last day, ``null`` when there is none."""
    if period is None:
        return None
    return {"first": period.first.isoformat(), "last": period.last.isoformat()}


def cost_record(cost: Cost | None) -> dict[str, Any] | None:
    """A row's cost: amount in kronor (or ``null``), ``engång``/``per år``, the text as written."""
    if cost is None:
        return None
    return {
        "amount": cost.amount,
        "basis": cost.basis.value if cost.basis else None,
        "text": cost.text,
    }


def row_record(plan: Plan, row: Row) -> dict[str, Any]:
    """One plan row with its current status (``status`` and ``meaning`` are ``None`` when the row
    has not been followed up)."""
    area = plan.area(row.area)
    status = plan.status_on(row)
    timing = row.start_timing
    return {
        "plan": plan.meta.id,
        "id": row.id,
        "area": row.area,
        "area_name": area.name if area else row.area,
        "proposal": row.proposal,
        "details": row.details,
        "responsible": owners_label(row.owners),
        "owners": list(row.owners),
        "start": row.start,
        "start_period": period_record(row.start_window),
        "end": row.end,
        "end_period": period_record(row.end_window),
        "open_timing": bool(timing and timing.open),
        "needs_funding": row.needs_funding,
        "cost": cost_record(row.cost),
        "measures": list(row.measures),
        "status": status.name if status else None,
        "meaning": status.meaning.value if status else None,
        "status_date": row.history[-1].date.isoformat() if row.history else None,
        "history": [history_record(e) for e in row.history],
        "targets": [target_record(t) for t in row.targets],
        "measurements": [measurement_record(m) for m in row.measurements],
    }


def row_detail(
    plan: Plan, row: Row, catalogue: Catalogue | None, *, today: dt.date
) -> dict[str, Any]:
    """A row with the text of every measure it links to and its indicators as of ``today``."""
    record = row_record(plan, row)
    record["indicators"] = [
        indicator_record(row.id, standing) for standing in row_standings(row, catalogue, today)
    ]
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
        {
            "plan": plan.meta.id,
            "id": row.id,
            "proposal": row.proposal,
            "status": status_label(plan.status_on(row)),
        }
        for plan in plans
        for row in plan.rows
        if measure.id in row.measures
    ]
    return record


def measure_number(item: str) -> int | None:
    """The catalogue measure ``show ITEM`` means (``47``), or ``None`` for a plan row id."""
    typed = item.strip()
    return int(typed) if typed.isdigit() else None


def show_record(
    data: DataSet, item: str, plan_id: str | None, *, today: dt.date
) -> tuple[str, dict[str, Any]]:
    """What ``show ITEM`` shows: ``("measure", record)`` for a number, else ``("row", record)``.

    A number names a catalogue measure, shown with the rows of every plan that carry it out;
    anything else is a row id of the plan ``plan_id`` (or of the one plan that has it). A measure
    missing from the catalogue is a :class:`~planctl.errors.UsageError` (exit 2).
    """
    catalogue = data.catalogue.model if data.catalogue else None
    number = measure_number(item)
    if number is not None:
        measure = catalogue.measure(number) if catalogue else None
        if catalogue is None or measure is None:
            raise UsageError(f"insats {number} finns inte i katalogen")
        return "measure", measure_detail(catalogue, measure, [p.model for p in data.plans])
    plan = data.plan(plan_id, row_ids=(item,)).model
    return "row", row_detail(plan, match_row(plan, item), catalogue, today=today)


def _share(value: float) -> float:
    return round(value, 4)


def coverage_record(coverage: Coverage) -> dict[str, Any]:
    """A plan's coverage of the catalogue, per area, with covered and uncovered numbers."""
    return {
        "plan": coverage.plan_id,
        "organisation": coverage.organisation,
        "catalogue": coverage.catalogue_id,
        "measures": coverage.total,
        "covered_count": coverage.covered,
        "share": _share(coverage.share),
        "areas": [
            {
                "id": area.area_id,
                "name": area.area_name,
                "measures": area.total,
                "covered_count": len(area.covered),
                "share": _share(area.share),
                "covered": list(area.covered),
                "uncovered": list(area.uncovered),
            }
            for area in coverage.areas
        ],
    }


def row_coverage_record(coverage: RowsCoverage) -> dict[str, Any]:
    """Each plan row with the measures it carries out."""
    return {
        "plan": coverage.plan_id,
        "organisation": coverage.organisation,
        "rows": [
            {
                "id": row.row_id,
                "area_name": row.area_name,
                "proposal": row.proposal,
                "measures": [
                    {"id": m.measure_id, "area": m.area_id, "area_name": m.area_name}
                    for m in row.measures
                ],
            }
            for row in coverage.rows
        ],
    }


def _plan_summary_record(plan: PlanSummary) -> dict[str, Any]:
    return {
        "id": plan.plan_id,
        "organisation": plan.organisation,
        "title": plan.title,
        "rows": plan.rows,
        "done": plan.done,
        "started": plan.under_way,
        "not_started": plan.not_started,
        "dropped": plan.dropped,
        "not_followed_up": plan.not_followed_up,
        "delayed": plan.delayed,
        "share_done": _share(plan.share_done),
        "latest_follow_up": (
            {"date": plan.latest.date.isoformat(), "round": plan.latest.round}
            if plan.latest
            else None
        ),
    }


def _uptake_record(uptake: MeasureUptake) -> dict[str, Any]:
    return {
        "id": uptake.measure_id,
        "area": uptake.area_id,
        "area_name": uptake.area_name,
        "text": uptake.text,
        "plans": uptake.plans,
        "plan_ids": list(uptake.plan_ids),
    }


def summary_record(summary: Summary) -> dict[str, Any]:
    """Every plan's standing and the measures most and least taken up."""
    return {
        "date": summary.today.isoformat(),
        "plans": [_plan_summary_record(p) for p in summary.plans],
        "most_taken_up": [_uptake_record(u) for u in summary.most],
        "least_taken_up": [_uptake_record(u) for u in summary.least],
        "not_taken_up": list(summary.unused),
    }


# --- the follow-up report --------------------------------------------------------------------


def history_records(
    plan: Plan, row: Row | None = None, since: Since | None = None
) -> list[dict[str, Any]]:
    """Every status entry of ``row`` (or of the whole plan) in date order, with the status before
    (``None`` before the first entry: not followed up).

    Entries on the same day keep plan order, then file order.
    """
    records: list[dict[str, Any]] = []
    for current in plan.rows if row is None else (row,):
        previous: str | None = None
        for entry in current.history:
            if since is None or since.admits(entry.date, entry.round):
                records.append(
                    {
                        "plan": plan.meta.id,
                        "id": current.id,
                        "area": current.area,
                        **history_record(entry),
                        "previous": previous,
                    }
                )
            previous = entry.status
    return sorted(records, key=lambda r: str(r["date"]))
