"""Before the meeting: per responsible role, the rows to report on at the coming round.

The message the secretary sends out before each follow-up: every row that is not done (and not
dropped) with its period, latest status with date and note, and whether it is late. Statuses and
notes follow the one rule for rounds (:mod:`planctl.rounds`). Pure functions, no I/O.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planctl import rounds
from planctl.errors import UsageError
from planctl.models import Plan, Round, Row, Status
from planctl.query import match_round
from planctl.report import is_delayed, note_entry


@dataclass(frozen=True)
class ReminderRow:
    """One row to report on: its latest status (``None``: no entry yet), note, and lateness."""

    row_id: str
    proposal: str
    start: str
    status: Status
    status_date: dt.date | None
    note: str | None
    late: bool


@dataclass(frozen=True)
class OwnerRows:
    """The rows one responsible role reports on."""

    responsible: str
    rows: tuple[ReminderRow, ...]


@dataclass(frozen=True)
class Reminder:
    """The reminder for one round: the plan, the round, and the rows per role (sorted by role)."""

    plan_id: str
    organisation: str
    title: str
    round: Round
    owners: tuple[OwnerRows, ...]


def coming_round(plan: Plan, *, today: dt.date) -> Round:
    """The next round on or after ``today``, else the last one; no rounds is a usage error."""
    ordered = rounds.rounds_in_order(plan)
    if not ordered:
        raise UsageError("planen har inga uppföljningar (uppföljningar: i planfilen)")
    return next((r for r in ordered if r.date >= today), ordered[-1])


def reminder_row(plan: Plan, row: Row, *, today: dt.date) -> ReminderRow:
    """``row`` as it stands today, for the reminder."""
    found = rounds.counted(plan, row.history)
    latest = found[-1].entry if found else None
    status = latest.status if latest else Status.NOT_STARTED
    noted = note_entry(found)
    return ReminderRow(
        row_id=row.id,
        proposal=row.proposal,
        start=row.start,
        status=status,
        status_date=latest.date if latest else None,
        note=noted.entry.note if noted else None,
        late=is_delayed(row, status, today),
    )


def build_reminder(plan: Plan, *, today: dt.date, round_id: str | None = None) -> Reminder:
    """The rows to report on at ``round_id`` (default: :func:`coming_round`), per role."""
    chosen = (
        match_round(plan, round_id) if round_id is not None else coming_round(plan, today=today)
    )
    by_owner: dict[str, list[ReminderRow]] = {}
    for row in plan.rows:
        item = reminder_row(plan, row, today=today)
        if item.status is Status.DONE:
            continue
        by_owner.setdefault(row.responsible, []).append(item)
    return Reminder(
        plan_id=plan.meta.id,
        organisation=plan.meta.organisation,
        title=plan.meta.title,
        round=chosen,
        owners=tuple(OwnerRows(o, tuple(rows)) for o, rows in sorted(by_owner.items())),
    )
