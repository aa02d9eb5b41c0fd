"""The append-only records of a plan: status entries, measurements and the group's assessments.

History and measurements only grow. A mistake is corrected by a new entry naming the wrong one by
its 1-based number (``rättar: N``); the wrong entry stays in the file but stops counting, and the
correction takes its place (and its day) in the order (:func:`counted_places`). Which follow-up
round an entry belongs to is :mod:`planctl.rounds`.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Sequence
from typing import TypeVar

from pydantic import Field, StrictInt

from planctl.fields import IsoDate, RoundId, Slug, StrictModel, Text, schema_text
from planctl.scalars import Number

CORRECTS = "Numret (1, 2, …) på en tidigare post som posten rättar; den räknas inte längre."


class EntryKind(enum.StrEnum):
    """What a new history entry is, as a reviewer reads it (:func:`entry_kind`)."""

    CHANGE = "ändring"  # the status moved
    CONFIRMATION = "bekräftelse"  # reviewed at a round, status unchanged, no note
    NOTE = "notering"  # same status, with a note
    CORRECTION = "rättelse"  # replaces an earlier entry (``rättar``)


def entry_kind(old: str | None, new: str, *, noted: bool, corrects: int | None = None) -> EntryKind:
    """What an entry recording ``new`` over ``old`` is: the one rule that ``changes`` and what
    the writing commands say both use. ``noted``: the entry has a note."""
    if corrects is not None:
        return EntryKind.CORRECTION
    if new != old:
        return EntryKind.CHANGE
    return EntryKind.NOTE if noted else EntryKind.CONFIRMATION


class HistoryEntry(StrictModel):
    """One recorded status of a row: appended, never edited."""

    model_config = schema_text(
        "Historikpost", "En registrerad status för en rad; läggs till, redigeras aldrig."
    )

    date: IsoDate = Field(alias="datum", description="Dag då statusen gällde (ÅÅÅÅ-MM-DD).")
    status: Text = Field(
        description="En av planens statusar, skriven som dess namn (eller id), t.ex. Klart."
    )
    note: Text | None = Field(default=None, alias="notering", description="Fri kommentar.")
    by: Text | None = Field(default=None, alias="av", description="Roll som registrerade.")
    round: RoundId | None = Field(
        default=None, alias="uppföljning", description="Uppföljningsomgångens id."
    )
    corrects: StrictInt | None = Field(default=None, alias="rättar", ge=1, description=CORRECTS)


class Measurement(StrictModel):
    """One measured value of a target, recorded at a follow-up: appended, never edited.

    Without ``insats`` it measures the row's own target (``mål``); with it, the target of that
    catalogue measure, which the row must link to.
    """

    model_config = schema_text(
        "Mätning",
        "Ett uppmätt värde för ett mål vid en uppföljning; läggs till, redigeras aldrig. "
        "Utan 'insats' mäts radens eget mål, med 'insats' målet för den kopplade insatsen.",
    )

    date: IsoDate = Field(alias="datum", description="Dag då värdet mättes (ÅÅÅÅ-MM-DD).")
    value: Number = Field(alias="värde", description="Det uppmätta värdet, i målets enhet.")
    measure: StrictInt | None = Field(
        default=None,
        alias="insats",
        ge=1,
        description="Katalogens insats vars mål värdet mäter; utelämnas för radens eget mål.",
    )
    note: Text | None = Field(default=None, alias="notering", description="Fri kommentar.")
    by: Text | None = Field(default=None, alias="av", description="Roll som registrerade.")
    round: RoundId | None = Field(
        default=None, alias="uppföljning", description="Uppföljningsomgångens id."
    )
    corrects: StrictInt | None = Field(default=None, alias="rättar", ge=1, description=CORRECTS)


class Assessment(StrictModel):
    """The working group's assessment of a round ("Arbetsgruppens bedömning"): appended only."""

    model_config = schema_text(
        "Bedömning", "Arbetsgruppens bedömning vid en uppföljning, för planen eller ett område."
    )

    round: RoundId = Field(alias="uppföljning", description="Uppföljningsomgångens id.")
    area: Slug | None = Field(default=None, alias="område", description="Områdets id, om något.")
    date: IsoDate = Field(alias="datum", description="Dag då bedömningen skrevs (ÅÅÅÅ-MM-DD).")
    text: Text = Field(description="Bedömningen.")
    by: Text | None = Field(default=None, alias="av", description="Roll som skrev den.")


E = TypeVar("E", HistoryEntry, Measurement)

Rank = Callable[[dt.date, "str | None"], int]
"""The place of an entry's round in the plan's order of rounds, from its date and round tag
(:meth:`planctl.models.Plan.round_ranker`); entries are ordered by it first, then by position."""


def counted_places(entries: Sequence[E], rank: Rank | None = None) -> list[tuple[dt.date, E]]:
    """The entries that count, in order, each with the day of the place it holds.

    An entry with ``rättar: N`` takes the place (and day) of entry number N, which stops counting;
    one that names no earlier entry is left to validation and counts as written. Correcting a
    correction replaces it in the same place. With ``rank`` the places are ordered by the round
    of the entry holding them first, then by position (the one rule of :mod:`planctl.rounds`):
    an entry recorded afterwards for an earlier round stands before a later round's entries.
    """
    places: list[tuple[int, dt.date, E] | None] = []
    where: dict[int, int] = {}
    for number, entry in enumerate(entries, 1):
        target = entry.corrects
        held = places[where[target]] if target is not None and target in where else None
        if target is not None and target < number and held is not None:
            places[where[target]] = (held[0], held[1], entry)
            where[number] = where[target]
            places.append(None)
        else:
            where[number] = len(places)
            order = rank(entry.date, entry.round) if rank is not None else 0
            places.append((order, entry.date, entry))
    found = [p for p in places if p is not None]
    if rank is not None:
        found.sort(key=lambda place: place[0])  # stable: position within a round
    return [(day, entry) for _, day, entry in found]
