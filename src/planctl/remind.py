"""Before the meeting: per responsible role, the rows to report on at the coming round.

The message the secretary sends out before each follow-up: every row whose status means neither
*klar* nor *utgår*, with its period, latest status with date and note, and whether it is late.
Notes follow the one rule for rounds (:mod:`planctl.rounds`). Pure functions, no I/O.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planctl import rounds
from planctl.errors import UsageError
from planctl.models import Meaning, Plan, Round, Row, Status
from planctl.progress import Late, owners_label, state_on
from planctl.query import match_round
from planctl.report import note_entry


@dataclass(frozen=True)
class ReminderRow:
    """One row to report on: its latest status (``None``: not followed up), note, and lateness."""

    row_id: str
    proposal: str
    start: str
    end: str | None
    status: Status | None
    status_date: dt.date | None
    note: str | None
    late: Late | None


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
    state = state_on(plan, row, today)
    noted = note_entry(found)
    return ReminderRow(
        row_id=row.id,
        proposal=row.proposal,
        start=row.start,
        end=row.end,
        status=state.status,
        status_date=state.entry.date if state.entry else None,
        note=noted.entry.note if noted else None,
        late=state.late,
    )


def build_reminder(plan: Plan, *, today: dt.date, round_id: str | None = None) -> Reminder:
    """The rows to report on at ``round_id`` (default: :func:`coming_round`), per role."""
    chosen = (
        match_round(plan, round_id) if round_id is not None else coming_round(plan, today=today)
    )
    by_owner: dict[str, list[ReminderRow]] = {}
    for row in plan.rows:
        item = reminder_row(plan, row, today=today)
        if item.status is not None and item.status.meaning in (Meaning.DONE, Meaning.DROPPED):
            continue
        by_owner.setdefault(owners_label(row.owners), []).append(item)
    return Reminder(
        plan_id=plan.meta.id,
        organisation=plan.meta.organisation,
        title=plan.meta.title,
        round=chosen,
        owners=tuple(OwnerRows(o, tuple(rows)) for o, rows in sorted(by_owner.items())),
    )
