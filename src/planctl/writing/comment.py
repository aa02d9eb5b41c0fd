"""The working group's assessment of a round: what ``planctl comment`` appends.

Each follow-up round usually ends in an overall assessment ("samlad bedömning") for the plan or
per area, which the committee reads first. It is appended to the plan's ``bedömningar`` with its
round, area, date and role, through the same safe writer as status entries
(:func:`planctl.writing.status.update_plan`); earlier assessments are never edited.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planctl.errors import UsageError
from planctl.models import Assessment, Plan
from planctl.query import match_plan_area, match_round
from planctl.rounds import date_for_round
from planctl.writing.status import Prepared, check_date, text_option


@dataclass(frozen=True)
class CommentRequest:
    """What ``comment`` was asked to record; no date: the round's date if passed, else today."""

    round_id: str
    text: str
    area: str | None = None
    by: str | None = None
    date: dt.date | None = None


def prepare_comment(plan: Plan, request: CommentRequest, *, today: dt.date) -> Prepared:
    """The assessment ``comment`` appends to ``plan``; usage errors for what it refuses."""
    chosen = match_round(plan, request.round_id)
    text = text_option("texten", request.text)
    if text is None:
        raise UsageError("ange bedömningens text")
    by = text_option("--by", request.by)
    area = match_plan_area(plan, request.area).id if request.area is not None else None
    day = request.date if request.date is not None else date_for_round(chosen, today=today)
    check_date(day, today=today)
    entry = Assessment.model_validate(
        {"uppföljning": chosen.id, "område": area, "datum": day.isoformat(), "text": text, "av": by}
    )
    return Prepared((), assessments=(entry,))
