"""What commands show, as plain data: records for rows and measures. Knows no output format.

The JSON output of ``list``, ``measures``, ``show``, ``coverage`` and ``summary`` is exactly these
records, so their keys are
part of planctl's documented interface (see README, "JSON").
"""

from __future__ import annotations

from typing import Any

from planctl.coverage import Coverage, RowsCoverage
from planctl.models import Catalogue, HistoryEntry, Measure, Plan, Row, Target
from planctl.summary import MeasureUptake, PlanSummary, Summary


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
        "started": plan.started,
        "not_started": plan.not_started,
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
