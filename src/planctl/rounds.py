"""Follow-up rounds: the one rule for which round an entry belongs to and what a row showed then.

The rule (README, "Uppföljningsomgångar: en regel"):

- A round has a date.
- An entry belongs to the round it is tagged with (``uppföljning:``); an untagged entry belongs to
  the first round dated on or after it. An untagged entry dated after the last round belongs to no
  round: it counts for today's state, not for any round's.
- An entry that a later entry corrects (``rättar: N``) stops counting; the correction takes its
  place, with its round and its place in the order.
- The state at round R is the latest counted entry that belongs to R or an earlier round, "latest"
  ordered by round and then by position in the history.
- The state on a day (today's state, ``report`` without ``--round``, ``list``, ``summary``) is the
  latest counted entry dated on or before that day, in the same order: round first, then
  position. So the current state is the latest entry of the latest round.
- An entry recorded afterwards for an earlier round (a row skipped at round R and followed up at
  a later one) is appended, dated the day it is recorded and tagged ``uppföljning: R``
  (:mod:`planctl.writing.dating`). By the order above it gives the state at R and changes
  nothing for later rounds or for today; the history stays append-only and in date order, and
  every ``rättar: N`` keeps naming the same entry.

``report --round``, ``diff``, ``history --since``, ``summary``, ``changes``, ``remind``,
``followup`` and the ``missing-round-entry`` rule all ask here. The same rule serves status
history and measurements: both are append-only lists of dated, optionally tagged and correcting
entries.
Pure functions over the models, no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from planctl.models import Plan, Round


class Dated(Protocol):
    """What the rule needs of an entry: its date, its round tag and what it corrects."""

    @property
    def date(self) -> dt.date: ...

    @property
    def round(self) -> str | None: ...

    @property
    def corrects(self) -> int | None: ...


E = TypeVar("E", bound=Dated)


@dataclass(frozen=True)
class Counted(Generic[E]):
    """An entry that counts: ``entry`` is what was recorded (a correction's own values).

    ``number`` is the entry's 1-based position in its list (how ``rättar:`` names entries);
    ``replaces`` is the number of the entry it corrects, if any. ``date`` and ``round_id`` are
    those of the place it holds: a correction keeps the corrected entry's day and round.
    ``order`` sorts counted entries: round first, then position.
    """

    entry: E
    number: int
    date: dt.date
    round_id: str | None
    order: tuple[int, int]
    replaces: int | None = None


def rounds_in_order(plan: Plan) -> tuple[Round, ...]:
    """The plan's rounds by date (file order among equal dates)."""
    return plan.rounds_by_date()


def round_for(plan: Plan, day: dt.date, tag: str | None) -> Round | None:
    """The round an entry dated ``day`` and tagged ``tag`` belongs to (see the module doc)."""
    return plan.round_of(day, tag)


def previous_round(plan: Plan, round_id: str) -> Round | None:
    """The round before ``round_id`` by date, if any."""
    ordered = rounds_in_order(plan)
    index = next((i for i, r in enumerate(ordered) if r.id == round_id), None)
    return ordered[index - 1] if index else None


def next_round(plan: Plan, round_id: str) -> Round | None:
    """The round after ``round_id`` by date, if any."""
    ordered = rounds_in_order(plan)
    index = next((i for i, r in enumerate(ordered) if r.id == round_id), None)
    return ordered[index + 1] if index is not None and index + 1 < len(ordered) else None


def _round_index(plan: Plan) -> dict[str, int]:
    return {r.id: i for i, r in enumerate(rounds_in_order(plan))}


def corrected_numbers(entries: Sequence[Dated]) -> dict[int, int]:
    """Which entry numbers are corrected, and by which later entry number (the last one wins).

    A ``rättar`` that does not name an earlier entry is ignored here (validation reports it).
    """
    by: dict[int, int] = {}
    for number, entry in enumerate(entries, 1):
        target = entry.corrects
        if target is not None and 1 <= target < number:
            by[target] = number
    return by


def counted(plan: Plan, entries: Sequence[E]) -> tuple[Counted[E], ...]:
    """The entries that count, in order (see the module doc); corrections stand in place."""
    corrected = corrected_numbers(entries)
    ordered = rounds_in_order(plan)
    rank = plan.round_ranker()
    out: list[Counted[E]] = []
    for number, entry in enumerate(entries, 1):
        if entry.corrects is not None and 1 <= entry.corrects < number:
            continue  # a correction is counted in the place of what it corrects
        shown_number, replaces = number, None
        while shown_number in corrected:
            replaces = number
            shown_number = corrected[shown_number]
        place = rank(entry.date, entry.round)  # round_for's round, by its place
        out.append(
            Counted(
                entry=entries[shown_number - 1],
                number=shown_number,
                date=entry.date,
                round_id=ordered[place].id if place < len(ordered) else None,
                order=(place, number),
                replaces=replaces,
            )
        )
    return tuple(sorted(out, key=lambda c: c.order))


def up_to_round(plan: Plan, entries: Sequence[E], round_id: str) -> tuple[Counted[E], ...]:
    """The counted entries that belong to ``round_id`` or an earlier round, in order."""
    limit = _round_index(plan)[round_id]
    return tuple(c for c in counted(plan, entries) if c.order[0] <= limit)


def up_to_day(plan: Plan, entries: Sequence[E], day: dt.date) -> tuple[Counted[E], ...]:
    """The counted entries dated on or before ``day``, in order (round first, then position):
    the last is the one in force on ``day``."""
    return tuple(c for c in counted(plan, entries) if c.date <= day)


def at_round(plan: Plan, entries: Sequence[E], round_id: str) -> Counted[E] | None:
    """The entry giving the state at ``round_id``: the latest belonging to it or earlier."""
    found = up_to_round(plan, entries, round_id)
    return found[-1] if found else None


def on_day(plan: Plan, entries: Sequence[E], day: dt.date) -> Counted[E] | None:
    """The entry in force on ``day``."""
    found = up_to_day(plan, entries, day)
    return found[-1] if found else None


def latest(plan: Plan, entries: Sequence[E]) -> Counted[E] | None:
    """The entry giving the current state."""
    found = counted(plan, entries)
    return found[-1] if found else None


def in_round(plan: Plan, entries: Sequence[E], round_id: str) -> tuple[Counted[E], ...]:
    """The counted entries that belong to exactly ``round_id``."""
    return tuple(c for c in counted(plan, entries) if c.round_id == round_id)


def has_entry_for(plan: Plan, entries: Sequence[Dated], round_id: str) -> bool:
    """Whether any entry (counted or corrected) belongs to ``round_id``."""
    return any(
        (found := round_for(plan, e.date, e.round)) is not None and found.id == round_id
        for e in entries
    )


def date_for_round(round_: Round, *, today: dt.date) -> dt.date:
    """The date an entry recorded for ``round_`` gets by default: its date if passed, else today."""
    return round_.date if round_.date <= today else today


def date_beyond_round(plan: Plan, round_id: str, day: dt.date) -> str | None:
    """Why an entry tagged ``round_id`` cannot be dated ``day``, or ``None``.

    An entry dated on or after the next round's date would be that round's by its date; tagging it
    with an earlier round makes reports disagree with the file's own order.
    """
    following = next_round(plan, round_id)
    if following is not None and day >= following.date:
        return (
            f"datumet {day} ligger på eller efter nästa uppföljning {following.id} "
            f"({following.date}), så posten kan inte höra till {round_id}; ange ett datum före "
            f"{following.date} eller --round {following.id}"
        )
    return None
