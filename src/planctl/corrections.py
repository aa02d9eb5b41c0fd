"""Corrections in append-only lists: which entries count when a later one says ``rättar: N``.

History and measurements only grow. A mistake is corrected by a new entry naming the wrong one
by its 1-based number; the wrong entry stays in the file but stops counting, and the correction
takes its place (and its day) in the order. The round-aware reading is :mod:`planctl.rounds`.
No planctl imports: the model uses this for a row's current status.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol, TypeVar


class Correctable(Protocol):
    """An entry of an append-only list: its day and the number of the entry it corrects."""

    @property
    def date(self) -> dt.date: ...

    @property
    def corrects(self) -> int | None: ...


E = TypeVar("E", bound=Correctable)


def counted_places(entries: Sequence[E]) -> list[tuple[dt.date, E]]:
    """The entries that count, in order, each with the day of the place it holds.

    An entry with ``rättar: N`` takes the place (and day) of entry number N, which stops counting;
    one that names no earlier entry is left to validation and counts as written. Correcting a
    correction replaces it in the same place.
    """
    places: list[tuple[dt.date, E] | None] = []
    where: dict[int, int] = {}
    for number, entry in enumerate(entries, 1):
        target = entry.corrects
        held = places[where[target]] if target is not None and target in where else None
        if target is not None and target < number and held is not None:
            places[where[target]] = (held[0], entry)
            where[number] = where[target]
            places.append(None)
        else:
            where[number] = len(places)
            places.append((entry.date, entry))
    return [p for p in places if p is not None]
