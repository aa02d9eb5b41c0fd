"""The JSON of ``coverage`` and ``summary``.

Their records are the frozen dataclasses the rules already return
(:class:`planctl.coverage.Coverage`, :class:`planctl.coverage.RowsCoverage`,
:class:`planctl.summary.Summary` and the records inside them), which their tables, Markdown and
CSV read directly; copying them field for field into a second set of classes would add a place
to keep in step and nothing else. Their JSON shapes are defined here, once (README, "Utdata i
JSON"). Shares are fractions between 0 and 1 with four decimals.
"""

from __future__ import annotations

from planctl.coverage import AreaCoverage, Coverage, LinkedMeasure, RowCoverage, RowsCoverage
from planctl.summary import FollowUp, MeasureUptake, PlanSummary, Summary
from planctl.views.shape import JsonObject, json_share


def area_coverage_json(area: AreaCoverage) -> JsonObject:
    """``{id, name, measures, covered_count, share, covered, uncovered}``: the last two are
    measure numbers."""
    return {
        "id": area.area_id,
        "name": area.area_name,
        "measures": area.total,
        "covered_count": len(area.covered),
        "share": json_share(area.share),
        "covered": list(area.covered),
        "uncovered": list(area.uncovered),
    }


def coverage_json(coverage: Coverage) -> JsonObject:
    """``coverage``: ``{plan, organisation, catalogue, measures, covered_count, share, areas}``."""
    return {
        "plan": coverage.plan_id,
        "organisation": coverage.organisation,
        "catalogue": coverage.catalogue_id,
        "measures": coverage.total,
        "covered_count": coverage.covered,
        "share": json_share(coverage.share),
        "areas": [area_coverage_json(area) for area in coverage.areas],
    }


def linked_measure_json(measure: LinkedMeasure) -> JsonObject:
    """``{id, area, area_name}``; the area is ``null`` for a number the catalogue lacks."""
    return {"id": measure.measure_id, "area": measure.area_id, "area_name": measure.area_name}


def row_coverage_json(row: RowCoverage) -> JsonObject:
    """``{id, area_name, proposal, measures}``."""
    return {
        "id": row.row_id,
        "area_name": row.area_name,
        "proposal": row.proposal,
        "measures": [linked_measure_json(m) for m in row.measures],
    }


def rows_coverage_json(coverage: RowsCoverage) -> JsonObject:
    """``coverage --by-row``: ``{plan, organisation, rows}``."""
    return {
        "plan": coverage.plan_id,
        "organisation": coverage.organisation,
        "rows": [row_coverage_json(row) for row in coverage.rows],
    }


def follow_up_json(latest: FollowUp | None) -> JsonObject | None:
    """``{date, round}`` of a plan's latest follow-up, ``null`` before any."""
    if latest is None:
        return None
    return {"date": latest.date.isoformat(), "round": latest.round}


def plan_summary_json(plan: PlanSummary) -> JsonObject:
    """``{id, organisation, title, rows, done, started, not_started, dropped, not_followed_up,
    delayed, share_done, latest_follow_up}``: counts of rows by what their statuses mean."""
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
        "share_done": json_share(plan.share_done),
        "latest_follow_up": follow_up_json(plan.latest),
    }


def uptake_json(uptake: MeasureUptake) -> JsonObject:
    """``{id, area, area_name, text, plans, plan_ids}``: ``plans`` counts ``plan_ids``."""
    return {
        "id": uptake.measure_id,
        "area": uptake.area_id,
        "area_name": uptake.area_name,
        "text": uptake.text,
        "plans": uptake.plans,
        "plan_ids": list(uptake.plan_ids),
    }


def summary_json(summary: Summary) -> JsonObject:
    """``summary``: ``{date, plans, most_taken_up, least_taken_up, not_taken_up}``."""
    return {
        "date": summary.today.isoformat(),
        "plans": [plan_summary_json(p) for p in summary.plans],
        "most_taken_up": [uptake_json(u) for u in summary.most],
        "least_taken_up": [uptake_json(u) for u in summary.least],
        "not_taken_up": list(summary.unused),
    }
