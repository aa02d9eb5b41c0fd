"""The moments a report shows: a follow-up round (by its id) or a day, chosen from what was typed.

``report --round``, ``--as-of``, ``--changes-since`` and ``diff A B`` name moments. A moment named
by a round is read by the one rule for rounds (:mod:`planctl.rounds`), not by its date alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planctl import dates
from planctl.errors import UsageError
from planctl.lookup import unknown
from planctl.models import Plan


@dataclass(frozen=True)
class Moment:
    """The day a report shows, and the follow-up round it was named by (if it was)."""

    day: dt.date
    round_id: str | None = None
    round_name: str | None = None


def plan_today(plan: Plan, *, today: dt.date, now: dt.datetime | None) -> dt.date:
    """The plan's own today: ``today`` (Sweden's, or the day pinned for every plan), or the date
    at the instant ``now`` in the time zone ``plan`` names (``tidszon``).

    Every command that dates an entry or shows a plan as of today takes this day, so what a write
    dates "today" is never in the future of what a read shows.
    """
    if now is None or plan.meta.time_zone is None:
        return today
    return dates.local_date(now, plan.meta.time_zone)


def moment_of(plan: Plan, typed: str) -> Moment:
    """A moment from what a user typed: a follow-up round's id or a date ``ÅÅÅÅ-MM-DD``."""
    if plan.round(typed.strip()) is not None:
        return round_moment(plan, typed)
    try:
        return Moment(dates.parse_date(typed))
    except UsageError:
        raise UsageError(not_a_moment(plan, typed)) from None


def not_a_moment(plan: Plan, typed: str) -> str:
    """The message for what is neither a round of ``plan`` nor a date (:func:`dates.not_a_date`)."""
    ids = ", ".join(r.id for r in plan.rounds)
    if not ids:
        return f"{dates.not_a_date(typed)} (planen har inga uppföljningar)"
    return (
        f"'{typed}' är varken en uppföljning ({ids}) eller ett giltigt datum; "
        f"skriv {dates.DATE_FORM}"
    )


def round_moment(plan: Plan, round_id: str) -> Moment:
    """The moment of the follow-up round ``round_id`` (its date)."""
    found = plan.round(round_id.strip())
    if found is None:
        valid = [r.id for r in plan.rounds]
        names = [(r.name,) for r in plan.rounds]
        raise UsageError(unknown("uppföljning", round_id, valid, names=names))
    return Moment(found.date, found.id, found.name)


def date_moment(typed: str) -> Moment:
    """The moment of a date typed ``ÅÅÅÅ-MM-DD``."""
    return Moment(dates.parse_date(typed))


def choose_moments(
    plan: Plan,
    *,
    today: dt.date,
    round_id: str | None = None,
    as_of: str | None = None,
    changes_since: str | None = None,
) -> tuple[Moment, Moment | None]:
    """The moment a report shows and, for a report of changes, the earlier one.

    The report shows ``today`` unless a round (its date) or a date is given, never both.
    """
    if round_id is not None and as_of is not None:
        raise UsageError("ange antingen --round eller --as-of, inte båda")
    if round_id is not None:
        shown = round_moment(plan, round_id)
    elif as_of is not None:
        shown = date_moment(as_of)
    else:
        shown = Moment(today)
    check_moment(shown, today=today, typed=as_of or round_id)
    since = moment_of(plan, changes_since) if changes_since is not None else None
    if since is not None and since.day > shown.day:
        raise UsageError(
            f"{changes_since} ({since.day.isoformat()}) ligger efter dagen rapporten visar "
            f"({shown.day.isoformat()})"
        )
    return shown, since


def check_moment(moment: Moment, *, today: dt.date, typed: str | None) -> None:
    """Refuse a moment in the future (or before the floor), as every command refuses a date.

    A date typed before the plan was delivered is fine here: a report may look back that far.
    """
    if moment.day > today:
        name = f"{typed} ({moment.day.isoformat()})" if moment.round_id else typed or "dagen"
        raise UsageError(
            f"{name} ligger i framtiden; läget kan bara visas fram till i dag ({today.isoformat()})"
        )
    if moment.day < dates.FLOOR:
        dates.check_date(moment.day, today=today, name=typed or "datumet")


def diff_moments(
    plan: Plan, first: str, second: str, *, today: dt.date | None = None
) -> tuple[Moment, Moment]:
    """The two moments ``planctl diff FIRST SECOND`` compares, earlier one first.

    With ``today``, a moment in the future is refused as in :func:`choose_moments`.
    """
    since, until = moment_of(plan, first), moment_of(plan, second)
    if today is not None:
        check_moment(since, today=today, typed=first)
        check_moment(until, today=today, typed=second)
    if since.day > until.day:
        raise UsageError(
            f"{first} ({since.day.isoformat()}) ligger efter {second} ({until.day.isoformat()}); "
            "ange den tidigare först"
        )
    return since, until
