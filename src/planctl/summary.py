"""A summary over many plans: where each plan stands, and which measures plans take up.

For a region or the national coordinator comparing plans. Plans name their statuses in their own
words, so they are compared by what the statuses mean (:class:`planctl.models.Meaning`): done,
under way, not started, dropped, plus the rows not followed up yet and the rows late
(:mod:`planctl.progress`). Pure functions over the models; ``today`` is an argument.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from planctl import rounds
from planctl.models import Catalogue, Meaning, Plan
from planctl.moments import plan_today
from planctl.progress import state_on

DEFAULT_TOP = 5


@dataclass(frozen=True)
class FollowUp:
    """The latest recorded status date of a plan and the round it was recorded in, if any."""

    date: dt.date
    round: str | None


@dataclass(frozen=True)
class PlanSummary:
    """Where one plan stands today."""

    plan_id: str
    organisation: str
    title: str
    rows: int
    done: int
    under_way: int
    not_started: int
    dropped: int
    not_followed_up: int
    delayed: int
    latest: FollowUp | None

    @property
    def share_done(self) -> float:
        """Done rows as a fraction of the rows not dropped (see :class:`report.Counts`)."""
        counted = self.rows - self.dropped
        return self.done / counted if counted else 0.0


@dataclass(frozen=True)
class MeasureUptake:
    """How many plans carry out one catalogue measure, and which."""

    measure_id: int
    area_id: str
    area_name: str
    text: str
    plan_ids: tuple[str, ...]

    @property
    def plans(self) -> int:
        """The number of plans linking the measure."""
        return len(self.plan_ids)


@dataclass(frozen=True)
class Summary:
    """Every plan's standing, and the measures most and least taken up across them."""

    today: dt.date
    plans: tuple[PlanSummary, ...]
    most: tuple[MeasureUptake, ...]
    least: tuple[MeasureUptake, ...]
    unused: tuple[int, ...]


def latest_follow_up(plan: Plan, *, today: dt.date) -> FollowUp | None:
    """The plan's latest follow-up as of ``today``: never a day after it.

    What a committee reads as "senaste uppföljning" is the last follow-up that has taken place.
    Each entry counts as its round, on the round's date, when that round's date has come (an
    entry recorded today for round 2018-05 makes "2018-05-31 (2018-05)"). An entry that belongs
    to no round (dated after the last one) or to a round whose date is still ahead (recorded
    early, on 2026-12-07 for round 2027-05) counts as its own date, without a round: the round
    has not been held. The latest of these wins; entries dated after ``today`` (which validation
    refuses) are left out. ``None`` when nothing is recorded.
    """
    best: FollowUp | None = None
    for row in plan.rows:
        for entry in row.history:
            if entry.date > today:
                continue
            held = rounds.round_for(plan, entry.date, entry.round)
            found = (
                FollowUp(date=held.date, round=held.id)
                if held is not None and held.date <= today
                else FollowUp(date=entry.date, round=None)
            )
            if best is None or (found.date, found.round is not None) > (
                best.date,
                best.round is not None,
            ):
                best = found
    return best


def plan_summary(plan: Plan, *, today: dt.date) -> PlanSummary:
    """One plan's counts by what its current statuses mean, its late rows and its latest
    follow-up."""
    states = [state_on(plan, row, today) for row in plan.rows]
    meanings = [state.meaning for state in states]
    return PlanSummary(
        plan_id=plan.meta.id,
        organisation=plan.meta.organisation,
        title=plan.meta.title,
        rows=len(plan.rows),
        done=meanings.count(Meaning.DONE),
        under_way=meanings.count(Meaning.UNDER_WAY),
        not_started=meanings.count(Meaning.NOT_STARTED),
        dropped=meanings.count(Meaning.DROPPED),
        not_followed_up=meanings.count(None),
        delayed=sum(1 for state in states if state.late is not None),
        latest=latest_follow_up(plan, today=today),
    )


@dataclass(frozen=True)
class PlanFacts:
    """What the summary needs of one plan: small enough to send back from a worker process."""

    summary: PlanSummary
    measures: frozenset[int]


def plan_facts(plan: Plan, *, today: dt.date, now: dt.datetime | None = None) -> PlanFacts:
    """One plan's standing on its own today (:func:`planctl.moments.plan_today` of ``today``
    and ``now``) and the catalogue measures its rows link to."""
    linked = frozenset(m for row in plan.rows for m in row.measures)
    return PlanFacts(plan_summary(plan, today=plan_today(plan, today=today, now=now)), linked)


def measure_uptake(catalogue: Catalogue, facts: Sequence[PlanFacts]) -> list[MeasureUptake]:
    """Every catalogue measure with the plans (sorted by id) that link to it, by number."""
    names = {area.id: area.name for area in catalogue.areas}
    linked = [(f.summary.plan_id, f.measures) for f in facts]
    out = []
    for measure in sorted(catalogue.measures, key=lambda m: m.id):
        plan_ids = sorted(plan_id for plan_id, numbers in linked if measure.id in numbers)
        out.append(
            MeasureUptake(
                measure_id=measure.id,
                area_id=measure.area,
                area_name=names.get(measure.area, measure.area),
                text=measure.text,
                plan_ids=tuple(plan_ids),
            )
        )
    return out


def summarise(
    catalogue: Catalogue,
    plans: Sequence[Plan],
    *,
    today: dt.date,
    top: int = DEFAULT_TOP,
    now: dt.datetime | None = None,
) -> Summary:
    """Plans sorted by id, each as of its own today (see :func:`plan_facts`); the ``top``
    measures most taken up (at least one plan) and least taken up (zero included), ties in number
    order; and every measure no plan takes up."""
    facts = [plan_facts(plan, today=today, now=now) for plan in plans]
    return summarise_facts(catalogue, facts, today=today, top=top)


def summarise_facts(
    catalogue: Catalogue, facts: Sequence[PlanFacts], *, today: dt.date, top: int = DEFAULT_TOP
) -> Summary:
    """:func:`summarise` from facts gathered elsewhere (e.g. in worker processes)."""
    uptake = measure_uptake(catalogue, facts)
    most = sorted((u for u in uptake if u.plans), key=lambda u: (-u.plans, u.measure_id))
    least = sorted(uptake, key=lambda u: (u.plans, u.measure_id))
    return Summary(
        today=today,
        plans=tuple(sorted((f.summary for f in facts), key=lambda s: s.plan_id)),
        most=tuple(most[:top]),
        least=tuple(least[:top]),
        unused=tuple(u.measure_id for u in uptake if not u.plans),
    )
