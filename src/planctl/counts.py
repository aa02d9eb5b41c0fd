"""Tallies of rows: how many have each status of the plan's scale, are not followed up or are
late, and what they cost according to the plan. Every report, summary line and chart counts
through :class:`Counts` and :class:`Costs`. Pure data, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from planctl.models import CostBasis, Meaning, Row, Status
from planctl.progress import Late


@dataclass(frozen=True)
class Counts:
    """How many rows have each status of the plan's scale, how many are not followed up, and
    how many are late (by kind).

    ``per_status`` lists the scale in column order with a count for each status.
    """

    per_status: tuple[tuple[Status, int], ...]
    not_followed_up: int = 0
    start_late: int = 0
    end_late: int = 0

    @property
    def total(self) -> int:
        """All rows counted, followed up or not."""
        return sum(n for _, n in self.per_status) + self.not_followed_up

    @property
    def delayed(self) -> int:
        """Rows late in either way."""
        return self.start_late + self.end_late

    def of(self, status: Status) -> int:
        """Rows with ``status``."""
        return sum(n for s, n in self.per_status if s == status)

    def meaning(self, meaning: Meaning) -> int:
        """Rows whose status means ``meaning``."""
        return sum(n for s, n in self.per_status if s.meaning is meaning)

    @property
    def done(self) -> int:
        """Rows whose status means ``klar``."""
        return self.meaning(Meaning.DONE)

    @property
    def dropped(self) -> int:
        """Rows whose status means ``utgår`` (dropped, not applicable)."""
        return self.meaning(Meaning.DROPPED)

    @property
    def share_done(self) -> float:
        """Done rows as a share, 0.0–1.0, of the rows not dropped (0.0 when there are none).

        A dropped row is neither done nor left to do, so it is outside the share.
        """
        counted = self.total - self.dropped
        return self.done / counted if counted else 0.0

    @classmethod
    def of_states(
        cls, scale: Sequence[Status], states: Iterable[tuple[Status | None, Late | None]]
    ) -> Counts:
        """Counts over the scale of ``(status, late)`` pairs (``None`` status: not followed up)."""
        per = dict.fromkeys(scale, 0)
        unfollowed = start_late = end_late = 0
        for status, late in states:
            if status is None:
                unfollowed += 1
            else:
                per[status] = per.get(status, 0) + 1
            start_late += late is Late.START
            end_late += late is Late.END
        return cls(tuple(per.items()), unfollowed, start_late, end_late)

    @classmethod
    def sum(cls, scale: Sequence[Status], parts: Iterable[Counts]) -> Counts:
        """The counts of several parts over the same scale."""
        per = dict.fromkeys(scale, 0)
        unfollowed = start_late = end_late = 0
        for part in parts:
            for status, n in part.per_status:
                per[status] = per.get(status, 0) + n
            unfollowed += part.not_followed_up
            start_late += part.start_late
            end_late += part.end_late
        return cls(tuple(per.items()), unfollowed, start_late, end_late)


@dataclass(frozen=True)
class Costs:
    """What the rows cost according to the plan, in whole kronor: one-off and per year.

    Only costs with an amount (``kostnad.belopp``) count; a cost written only as text
    ("1+1 årsarbetare") is shown on its row, not summed.
    """

    once: int = 0
    per_year: int = 0

    @property
    def any(self) -> bool:
        """Whether any amount was summed."""
        return bool(self.once or self.per_year)

    @classmethod
    def of(cls, rows: Iterable[Row]) -> Costs:
        """The summed amounts of ``rows``."""
        once = per_year = 0
        for row in rows:
            if row.cost is None or row.cost.amount is None:
                continue
            if row.cost.basis is CostBasis.PER_YEAR:
                per_year += row.cost.amount
            else:
                once += row.cost.amount
        return cls(once, per_year)
