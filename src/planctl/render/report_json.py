"""The follow-up report as JSON for other tools: a stable structure documented in the README.

Keys are English and sorted. Statuses are written by their names in the plan's scale (``Klart``,
``Påbörjat``, ``Ej påbörjat`` without ``statusar``), ``null`` for a row not followed up, each
with what it means (``klar``, ``pågår``, ``ej-startad``, ``utgår``); dates are ``YYYY-MM-DD``.
``schema`` names the structure's version and changes only when a key is removed or changes
meaning.
"""

from __future__ import annotations

from typing import Any

from planctl.models import Assessment, Meaning, Status
from planctl.progress import LEGEND
from planctl.report import Costs, Counts, Moment, Report, ReportRow
from planctl.views.detail import IndicatorView

SCHEMA = "planctl-report/2"


def moment_record(moment: Moment | None) -> dict[str, Any] | None:
    """A moment: its date and the follow-up round that named it (``null`` when none)."""
    if moment is None:
        return None
    return {
        "date": moment.day.isoformat(),
        "round": moment.round_id,
        "round_name": moment.round_name,
    }


def costs_record(costs: Costs) -> dict[str, int]:
    """What the rows cost according to the plan, in whole kronor."""
    return {"once": costs.once, "per_year": costs.per_year}


def counts_record(counts: Counts | None) -> dict[str, Any] | None:
    """Counts with the total and the share done (0–1, four decimals)."""
    if counts is None:
        return None
    return {
        "statuses": [{"id": s.id, "name": s.name, "count": n} for s, n in counts.per_status],
        "done": counts.done,
        "started": counts.meaning(Meaning.UNDER_WAY),
        "not_started": counts.meaning(Meaning.NOT_STARTED),
        "dropped": counts.dropped,
        "not_followed_up": counts.not_followed_up,
        "delayed": counts.delayed,
        "start_delayed": counts.start_late,
        "end_passed": counts.end_late,
        "total": counts.total,
        "share_done": round(counts.share_done, 4),
    }


def status_record(status: Status) -> dict[str, Any]:
    """One status of the plan's scale."""
    return {
        "id": status.id,
        "name": status.name,
        "aliases": list(status.aliases),
        "meaning": status.meaning.value,
    }


def assessment_record(assessment: Assessment) -> dict[str, Any]:
    """The working group's assessment: its text, date and role."""
    return {"text": assessment.text, "date": assessment.date.isoformat(), "by": assessment.by}


def report_row_record(row: ReportRow) -> dict[str, Any]:
    """One row of the follow-up table as of the report's day."""
    return {
        "id": row.id,
        "proposal": row.proposal,
        "responsible": row.responsible,
        "owners": list(row.owners),
        "start": row.start,
        "end": row.end,
        "needs_funding": row.needs_funding,
        "status": row.status.name if row.status else None,
        "meaning": row.status.meaning.value if row.status else None,
        "status_date": row.status_date.isoformat() if row.status_date else None,
        "previous_status": row.previous.name if row.previous else None,
        "previous_round_status": row.previous_round.name if row.previous_round else None,
        "delayed": row.delayed,
        "late": row.late.value if row.late else None,
        "note": row.note,
        "note_date": row.note_date.isoformat() if row.note_date else None,
    }


def report_record(report: Report) -> dict[str, Any]:
    """The whole report as plain data."""
    return {
        "schema": SCHEMA,
        "plan": {
            "id": report.plan_id,
            "title": report.plan_title,
            "organisation": report.organisation,
        },
        "as_of": moment_record(report.as_of),
        "since": moment_record(report.since),
        "produced": report.produced.isoformat(),
        "filters": {
            "area": report.filters.area_id,
            "responsible": report.filters.responsible,
            "status": report.filters.status,
        },
        "statuses": [status_record(s) for s in report.scale],
        "legend": LEGEND,
        "previous_round": moment_record(report.previous_round),
        "assessments": [assessment_record(a) for a in report.assessments],
        "counts": counts_record(report.counts),
        "previous_counts": counts_record(report.previous_counts),
        "costs": costs_record(report.costs),
        "areas": [
            {
                "id": section.area_id,
                "name": section.area_name,
                "counts": counts_record(section.counts),
                "previous_counts": counts_record(section.previous_counts),
                "assessments": [assessment_record(a) for a in section.assessments],
                "costs": costs_record(section.costs),
                "empty_area": section.empty_area,
                "rows": [report_row_record(row) for row in section.rows],
            }
            for section in report.sections
        ],
        "indicators": [IndicatorView.of(i.row_id, i.standing).json() for i in report.indicators],
    }
