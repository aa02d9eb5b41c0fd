"""Where a row stands on a day: its status on the plan's scale, or not followed up, and lateness.

This is the one place planctl decides what *ej uppföljd* and *försenad* are; reports, ``list``,
``summary`` and every output ask here.

- **Ej uppföljd**: the row has no history entry on or before the day. It has no status; it is never
  counted as not started and never late (the template's status cells are blank before the first
  follow-up).
- **Försenad** comes in two kinds. *Start försenad*: the status means ``ej-startad`` and the start
  period has ended. *Slutdatum passerat*: the status means neither ``klar`` nor ``utgår`` and the
  end period (``slut``, a deadline, or the end of a range) has ended. Open timing (``löpande``,
  ``tills vidare``) has no period and is never late.

Pure functions over the models; the day is an argument.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from planctl import rounds
from planctl.models import HistoryEntry, Meaning, Plan, Row, Status


class Late(enum.StrEnum):
    """Why a row is late; the value is how reports name it."""

    START = "start försenad"
    END = "slutdatum passerat"


# How a row without a status is named wherever statuses are shown or typed.
NOT_FOLLOWED_UP = "Ej uppföljd"

# How a row whose plan names no owner shows its owner.
NO_OWNER = "ej angivet"

# The definitions every report format states in one line (README, "Rapporten").
LEGEND = (
    "Försenad: ej startad fast startperioden är slut (start försenad), eller inte klar fast "
    "slutdatum passerat. Ej uppföljd: ingen status registrerad än."
)


@dataclass(frozen=True)
class RowState:
    """A row on one day: the entry in force, its status (``None``: not followed up), lateness."""

    status: Status | None
    entry: HistoryEntry | None
    late: Late | None

    @property
    def followed_up(self) -> bool:
        """Whether the row has any status on the day."""
        return self.status is not None

    @property
    def meaning(self) -> Meaning | None:
        """What the status means, or ``None`` when not followed up."""
        return self.status.meaning if self.status is not None else None


def late_on(row: Row, status: Status | None, day: dt.date) -> Late | None:
    """Whether and how ``row`` with ``status`` is late on ``day`` (see the module doc)."""
    if status is None or status.meaning in (Meaning.DONE, Meaning.DROPPED):
        return None
    start = row.start_window
    if status.meaning is Meaning.NOT_STARTED and start is not None and day > start.last:
        return Late.START
    end = row.end_window
    if end is not None and day > end.last:
        return Late.END
    return None


def state_on(plan: Plan, row: Row, day: dt.date) -> RowState:
    """Where ``row`` of ``plan`` stands on ``day``."""
    entry = plan.entry_on(row, day)
    status = plan.status_written(entry.status) if entry is not None else None
    return RowState(status, entry, late_on(row, status, day))


def state_at_round(plan: Plan, row: Row, round_id: str) -> RowState:
    """Where ``row`` stood at follow-up round ``round_id``, by the one rule for rounds
    (:mod:`planctl.rounds`): the latest counted entry belonging to it or an earlier round;
    lateness as of the round's date."""
    found = rounds.at_round(plan, row.history, round_id)
    entry = found.entry if found else None
    status = plan.status_written(entry.status) if entry is not None else None
    held = plan.round(round_id)
    return RowState(status, entry, late_on(row, status, held.date) if held else None)


def status_label(status: Status | None) -> str:
    """A status's name, or *Ej uppföljd* for none."""
    return status.name if status is not None else NOT_FOLLOWED_UP


def owners_label(owners: tuple[str, ...]) -> str:
    """The owners as one text (``Kommunchef, Förvaltningschef``), *ej angivet* for none."""
    return ", ".join(owners) if owners else NO_OWNER
