"""Matching what users type (areas, statuses, terms, ids) and filtering rows and measures.

Users type on keyboards without å/ä/ö, abbreviate, and use the names the documents use
("lönevillkor" for Lönebildning). A value matches case-insensitively and without diacritics, first
exactly, then as a unique prefix of any name; anything else is a usage error that lists the valid
values. Pure functions, no I/O.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from planctl.errors import UsageError
from planctl.lookup import fold as fold  # the matching key, re-exported for the rules
from planctl.lookup import unknown
from planctl.models import (
    Catalogue,
    CatalogueArea,
    Meaning,
    Measure,
    Plan,
    PlanArea,
    Round,
    Row,
    Status,
)
from planctl.moments import not_a_moment
from planctl.progress import NOT_FOLLOWED_UP
from planctl.terms import ACCEPTED_FORMS, Period, parse_timing

T = TypeVar("T")

# What users call each meaning whatever the plan names its statuses: "pågående" finds Pågår,
# "avbruten" finds Ej aktuell. Used only when no name or alias of the plan's scale matches.
MEANING_WORDS: dict[Meaning, tuple[str, ...]] = {
    Meaning.DONE: ("klar", "klart", "genomförd", "genomfört", "färdig", "done", "completed"),
    Meaning.UNDER_WAY: (
        "pågår",
        "pågående",
        "påbörjad",
        "påbörjat",
        "startad",
        "started",
        "in-progress",
    ),
    Meaning.NOT_STARTED: (
        "ej påbörjad",
        "ej påbörjat",
        "ej startad",
        "inte påbörjad",
        "inte påbörjat",
        "inte startad",
        "not started",
    ),
    Meaning.DROPPED: (
        "utgår",
        "utgått",
        "ej aktuell",
        "inte aktuell",
        "avbruten",
        "avbrutet",
        "struken",
        "stoppad",
        "dropped",
        "cancelled",
    ),
}

# What ``--status`` accepts for rows that have no status yet.
UNFOLLOWED_NAMES = (NOT_FOLLOWED_UP, "inte uppföljd", "ej följd upp", "not followed up")


def match_one(what: str, typed: str, choices: Sequence[tuple[T, Sequence[str]]]) -> T:
    """The single choice whose name ``typed`` names exactly or as a unique prefix."""
    key = fold(typed)
    if not key:
        raise UsageError(f"tomt värde för {what}; giltiga: {_valid(choices)}")
    exact = _distinct(value for value, names in choices if any(fold(n) == key for n in names))
    if len(exact) == 1:
        return exact[0]
    prefixed = _distinct(
        value for value, names in choices if any(fold(n).startswith(key) for n in names)
    )
    if len(prefixed) == 1:
        return prefixed[0]
    if not prefixed:
        shown = [names[0] for _, names in choices]
        raise UsageError(unknown(what, typed, shown, names=[names for _, names in choices]))
    names = ", ".join(_first_name(choices, v) for v in prefixed)
    raise UsageError(f"'{typed}' är tvetydigt för {what}: kan vara {names}")


def _distinct(values: Iterable[T]) -> list[T]:
    out: list[T] = []
    for value in values:
        if value not in out:
            out.append(value)
    return out


def _first_name(choices: Sequence[tuple[T, Sequence[str]]], value: T) -> str:
    return next(names[0] for v, names in choices if v == value)


def _valid(choices: Sequence[tuple[T, Sequence[str]]]) -> str:
    # An empty plan (just made by init) has no areas, rounds or rows yet: say so, not "giltiga: ".
    return ", ".join(names[0] for _, names in choices) or "inga (det finns inget att välja än)"


def match_status(plan: Plan, typed: str) -> Status:
    """A status of ``plan``'s scale from what a user typed: its name, id or an alias, without
    regard to case, å/ä/ö or hyphens, or a unique prefix of one (``klart``, ``ej-paborjat``).

    A word no status is called, but which names a meaning only one status of the plan has
    ("pågående" for Pågår, "avbruten" for Ej aktuell), finds that status. Anything else is a
    usage error (exit 2) that lists the plan's statuses.
    """
    choices = [(status, status.names()) for status in plan.scale]
    try:
        return match_one("status", typed, choices)
    except UsageError:
        key = fold(typed)
        meanings = [m for m, words in MEANING_WORDS.items() if any(fold(w) == key for w in words)]
        by_meaning = [s for s in plan.scale if s.meaning in meanings]
        if len(by_meaning) == 1:
            return by_meaning[0]
        raise


def match_status_filter(plan: Plan, typed: str) -> Status | None:
    """``--status``: a status of the plan's scale, or ``None`` for *ej uppföljd* (no status)."""
    key = fold(typed)
    if key and any(fold(name) == key for name in UNFOLLOWED_NAMES):
        return None
    try:
        return match_status(plan, typed)
    except UsageError:
        valid = [*(s.name for s in plan.scale), NOT_FOLLOWED_UP]
        names = [*(s.names() for s in plan.scale), UNFOLLOWED_NAMES]
        raise UsageError(unknown("status", typed, valid, names=names)) from None


def match_plan_area(plan: Plan, typed: str) -> PlanArea:
    """A plan area by id, name or alias (``lonebildning``, ``lönevillkor``, ``kompetens``)."""
    return match_one(
        "område", typed, [(area, (area.id, area.name, *area.aliases)) for area in plan.areas]
    )


def match_catalogue_area(catalogue: Catalogue, typed: str) -> CatalogueArea:
    """A catalogue area by id or name (``halsoframjande``, ``god-intro``)."""
    return match_one("område", typed, [(area, (area.id, area.name)) for area in catalogue.areas])


def match_period(typed: str) -> Period:
    """A period from ``HT2017``, ``hösten 2017``, ``Q3 2018``, ``2018``, ``2017–2019`` …

    A range covers both its ends. Open timing and unreadable text are usage errors (exit 2) that
    list the accepted forms.
    """
    timing = parse_timing(typed)
    first = timing.start or timing.end if timing else None
    last = timing.end or timing.start if timing else None
    if first is None or last is None:
        raise UsageError(f"kan inte tolka '{typed}' som en period; skriv {ACCEPTED_FORMS}")
    return Period(first.first, last.last)


def contains(haystack: Iterable[str | None], needle: str) -> bool:
    """Whether ``needle`` occurs in any of the texts, ignoring case and diacritics."""
    key = fold(needle)
    return any(key in fold(text) for text in haystack if text)


@dataclass(frozen=True)
class RowFilter:
    """What ``list`` and ``report`` narrow rows by; ``None`` means no narrowing."""

    area: str | None = None
    status: Status | None = None
    unfollowed: bool = False  # only rows without a status (``--status ej-uppföljd``)
    responsible: str | None = None
    period: Period | None = None  # rows whose start period lies inside it
    needs_funding: bool | None = None
    search: str | None = None


def row_filter(
    plan: Plan,
    *,
    area: str | None = None,
    status: str | None = None,
    responsible: str | None = None,
    start: str | None = None,
    needs_funding: bool | None = None,
    search: str | None = None,
) -> RowFilter:
    """A :class:`RowFilter` from what the user typed; unknown values are usage errors."""
    chosen = match_status_filter(plan, status) if status is not None else None
    return RowFilter(
        area=match_plan_area(plan, area).id if area is not None else None,
        status=chosen,
        unfollowed=status is not None and chosen is None,
        responsible=responsible,
        period=match_period(start) if start is not None else None,
        needs_funding=needs_funding,
        search=search,
    )


def status_passes(wanted: RowFilter, status: Status | None) -> bool:
    """Whether a row whose status is ``status`` (``None``: not followed up) passes ``wanted``."""
    if wanted.status is not None and status != wanted.status:
        return False
    return not (wanted.unfollowed and status is not None)


def filter_rows(
    plan: Plan,
    wanted: RowFilter,
    *,
    as_of: dt.date | None = None,
    status_of: Callable[[Row], Status | None] | None = None,
) -> list[Row]:
    """The plan's rows that pass ``wanted``, in plan order.

    A row's status is ``status_of(row)`` when given (a report of a follow-up round passes the
    round's state by the one rule for rounds), else its status on ``as_of`` (today if ``None``).
    """
    out: list[Row] = []
    for row in plan.rows:
        status = status_of(row) if status_of is not None else plan.status_on(row, as_of)
        if wanted.area is not None and row.area != wanted.area:
            continue
        if not status_passes(wanted, status):
            continue
        if wanted.responsible is not None and not contains(row.owners, wanted.responsible):
            continue
        if wanted.period is not None and not (
            row.start_window is not None and row.start_window.within(wanted.period)
        ):
            continue
        if wanted.needs_funding is not None and row.needs_funding != wanted.needs_funding:
            continue
        if wanted.search is not None and not contains(
            [row.id, row.proposal, row.details, *row.owners, row.start, row.end], wanted.search
        ):
            continue
        out.append(row)
    return out


def filter_measures(
    catalogue: Catalogue, *, area: str | None = None, search: str | None = None
) -> list[Measure]:
    """The catalogue's measures in number order, narrowed by area id and text."""
    return [
        m
        for m in sorted(catalogue.measures, key=lambda m: m.id)
        if (area is None or m.area == area) and (search is None or contains([m.text], search))
    ]


def rows_linking(plan: Plan, measure_id: int) -> list[Row]:
    """The plan rows that carry out measure ``measure_id``."""
    return [row for row in plan.rows if measure_id in row.measures]


def match_round(plan: Plan, typed: str) -> Round:
    """A follow-up round by id or name (``2018-05``, ``uppföljning maj``)."""
    return match_one("uppföljning", typed, [(r, (r.id, r.name)) for r in plan.rounds])


@dataclass(frozen=True)
class Since:
    """Where ``--since`` starts: a date, or a round.

    From a date: entries dated on or after it. From a round: entries that belong to it or a later
    round, or to no round (dated after the last), by the one rule of :mod:`planctl.rounds`.
    """

    date: dt.date
    rounds: frozenset[str] = frozenset()
    by_round: bool = False

    def admits(self, date: dt.date, belongs_to: str | None) -> bool:
        """Whether an entry dated ``date`` that belongs to round ``belongs_to`` is included."""
        if self.by_round:
            return belongs_to is None or belongs_to in self.rounds
        return date >= self.date


def match_since(plan: Plan, typed: str) -> Since:
    """``--since``: a date ``ÅÅÅÅ-MM-DD``, or a round (its entries and every later round's)."""
    text = typed.strip()
    if len(text) == 10 and text[4] == "-":
        try:
            return Since(dt.date.fromisoformat(text))
        except ValueError:
            pass
    try:
        chosen = match_round(plan, text)
    except UsageError:
        raise UsageError(not_a_moment(plan, typed)) from None
    later = frozenset(r.id for r in plan.rounds if r.date >= chosen.date)
    return Since(chosen.date, later, by_round=True)


def match_row(plan: Plan, typed: str) -> Row:
    """A plan row by id, case-insensitively; an unknown id lists the valid ones.

    ``LB4`` and ``lb 4`` name ``LB-4`` too (hyphens and spaces aside), when only one row fits.
    """
    row = plan.row(typed.strip())
    if row is None:
        bare = _without_separators(typed)
        loose = [r for r in plan.rows if _without_separators(r.id) == bare]
        row = loose[0] if len(loose) == 1 else None
    if row is None and not plan.rows:  # a plan just made by init: nothing to list
        raise UsageError(f"raden '{typed}' finns inte i planen; det finns inga rader än")
    if row is None:
        raise UsageError(
            f"raden '{typed}' finns inte i planen; giltiga id:n: "
            + ", ".join(r.id for r in plan.rows)
        )
    return row


def _without_separators(text: str) -> str:
    return fold(text).replace("-", "")
