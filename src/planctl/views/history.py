"""The records of ``history``: status entries of a row or of a whole plan, in date order.

Knows no output format; the JSON of ``history`` is each record's ``json()`` (README, "Utdata i
JSON").
"""

from __future__ import annotations

from dataclasses import dataclass

from planctl import rounds
from planctl.models import Plan, Row
from planctl.query import Since
from planctl.views.rows import StatusEntryView
from planctl.views.shape import JsonObject


@dataclass(frozen=True, slots=True)
class HistoryView:
    """One status entry of a plan row as ``history`` shows it.

    ``number`` is the entry's 1-based place in the row's history; ``belongs_to`` the round it
    belongs to by the one rule of :mod:`planctl.rounds` (``None`` for none); ``corrected_by``
    the number of the later entry that corrects it; ``previous`` the status before it among the
    entries that count (``None`` before the first: not followed up).
    """

    plan_id: str
    row_id: str
    area_id: str
    entry: StatusEntryView
    number: int
    belongs_to: str | None
    corrected_by: int | None
    previous: str | None

    def json(self) -> JsonObject:
        """``{plan, id, area}``, the entry's keys, then ``{number, belongs_to, corrected_by,
        previous}``."""
        return {
            "plan": self.plan_id,
            "id": self.row_id,
            "area": self.area_id,
            **self.entry.json(),
            "number": self.number,
            "belongs_to": self.belongs_to,
            "corrected_by": self.corrected_by,
            "previous": self.previous,
        }


def history_views(
    plan: Plan, row: Row | None = None, since: Since | None = None
) -> tuple[HistoryView, ...]:
    """Every status entry of ``row`` (or of the whole plan) since ``since``, in date order.

    ``previous`` of a correction is the corrected entry's status. Entries on the same day keep
    plan order, then file order.
    """
    views: list[HistoryView] = []
    for current in plan.rows if row is None else (row,):
        by = rounds.corrected_numbers(current.history)
        before: dict[int, str | None] = {}
        previous: str | None = None
        for counted in rounds.counted(plan, current.history):
            before[counted.number] = previous
            previous = counted.entry.status
        for number, entry in enumerate(current.history, 1):
            belongs = rounds.round_for(plan, entry.date, entry.round)
            belongs_id = belongs.id if belongs else None
            if since is not None and not since.admits(entry.date, belongs_id):
                continue
            was: str | None
            if entry.corrects is not None and 1 <= entry.corrects < number:
                was = current.history[entry.corrects - 1].status
            else:
                was = before.get(number, before.get(by.get(number, 0)))
            views.append(
                HistoryView(
                    plan_id=plan.meta.id,
                    row_id=current.id,
                    area_id=current.area,
                    entry=StatusEntryView.of(entry),
                    number=number,
                    belongs_to=belongs_id,
                    corrected_by=by.get(number),
                    previous=was,
                )
            )
    return tuple(sorted(views, key=lambda view: view.entry.date))
