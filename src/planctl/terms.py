"""Periods: parsing the start and end of a row as people write them.

Plans write timing in many ways: "Hösten 2017", "I samband med löneöversyn våren 2018",
"from 1 januari 2018", "Q3 2018", "Tertial 2 2017", "läsåret 2017/18", "under 2018",
"2017–2019", "Senast december 2018", "Löpande". :func:`parse_timing` reads any of them into a
:class:`Timing`: a period (first and last day), a range of two periods, a deadline (an end, not a
start), or open timing that has no period at all. Swedish public bodies count half-years as terms
(VT January–June, HT July–December), tertials (T1 January–April, T2 May–August, T3
September–December) and school years (August–June).

:class:`Term` and :func:`parse_term` are the half-year forms of the ``termin`` key that older plan
files carry.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

_MONTHS = {
    "januari": 1,
    "februari": 2,
    "mars": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "augusti": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}


@dataclass(frozen=True, order=True)
class Term:
    """A half year: ``VT`` (spring, Jan–Jun) or ``HT`` (autumn, Jul–Dec) of ``year``."""

    year: int
    half: int  # 1 = VT, 2 = HT; ordering follows the calendar

    @property
    def code(self) -> str:
        """The short form used in files and output, e.g. ``HT2017``."""
        return f"{'VT' if self.half == 1 else 'HT'}{self.year}"

    @property
    def label(self) -> str:
        """A readable Swedish form, e.g. ``hösten 2017``."""
        return f"{'våren' if self.half == 1 else 'hösten'} {self.year}"

    @property
    def first_day(self) -> dt.date:
        """The first day of the term."""
        return dt.date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def last_day(self) -> dt.date:
        """The last day of the term."""
        return dt.date(self.year, 6, 30) if self.half == 1 else dt.date(self.year, 12, 31)

    @classmethod
    def of(cls, day: dt.date) -> Term:
        """The term ``day`` falls in."""
        return cls(day.year, 1 if day.month <= 6 else 2)

    def __str__(self) -> str:
        return self.code


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_CODE = re.compile(r"(vt|ht)[\s-]?(\d{4}|\d{2})|(\d{4})[\s-]?(vt|ht)")
_SEASON = re.compile(r"\b(var|varen|varterminen|host|hosten|hostterminen)\s+(\d{4})\b")
_DAY_MONTH = re.compile(r"\b(?:(\d{1,2})\s+)?(" + "|".join(_MONTHS) + r")\s+(\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")


@functools.lru_cache(maxsize=1024)
def parse_term(text: str) -> Term | None:
    """The term a start text names, or ``None`` when it names none.

    Understands term codes (``HT2017``, ``vt18``, ``2018-VT``), seasons ("hösten 2017",
    "i samband med löneöversyn våren 2018"), dates with a month ("from 1 januari 2018",
    "mars 2018") and ISO dates (``2018-03-01``, ``2018-03``). Diacritics and case do not matter.
    """
    folded = _fold(text).strip()
    match = _CODE.fullmatch(folded)
    if match:
        half = match.group(1) or match.group(4)
        year_text = match.group(2) or match.group(3)
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        return Term(year, 1 if half == "vt" else 2)
    found = _SEASON.search(folded)
    if found:
        return Term(int(found.group(2)), 1 if found.group(1).startswith("var") else 2)
    found = _DAY_MONTH.search(folded)
    if found:
        month = _MONTHS[found.group(2)]
        return Term(int(found.group(3)), 1 if month <= 6 else 2)
    found = _ISO.search(folded)
    if found and 1 <= int(found.group(2)) <= 12:
        return Term(int(found.group(1)), 1 if int(found.group(2)) <= 6 else 2)
    return None


# --- periods -------------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Period:
    """A stretch of days, both ends included."""

    first: dt.date
    last: dt.date

    def within(self, other: Period) -> bool:
        """Whether this period lies inside ``other``."""
        return other.first <= self.first and self.last <= other.last


@dataclass(frozen=True)
class Timing:
    """What a start or end text says about time.

    A plain form ("Q3 2018") gives one ``start`` period; a range ("2017–2019") a ``start`` and an
    ``end``; a deadline ("senast december 2018") only an ``end``; open timing ("löpande") neither,
    and ``open`` marks it. Written as a row's end (``slut``), a plain form is the end period.
    """

    start: Period | None
    end: Period | None
    open: bool = False

    @property
    def as_end(self) -> Period | None:
        """The end this text gives when it is written as an end: its end, or its only period."""
        return self.end if self.end is not None else self.start


# The forms an error message lists, so a user knows what to write instead.
ACCEPTED_FORMS = (
    "ett datum (2018-05-31, 1 januari 2018), en månad (maj 2018, 2018-05), ett kvartal "
    "(Q3 2018, kvartal 3 2018, kv3 2018), ett tertial (T2 2017, tertial 2 2017), ett halvår "
    "(hösten 2017, HT2017, vt18, första halvåret 2017, sommaren 2016), ett läsår "
    "(läsåret 2017/18), ett år (2018, under 2018), ett intervall (2017–2019, "
    "hösten 2017–våren 2018), ett slutdatum (senast december 2018) eller löpande tid "
    "(löpande, pågående, tills vidare, vid behov, omgående)"
)

_MONTH_NAMES = {
    **_MONTHS,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = r"\b(" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_ORDINALS = {"forsta": 1, "andra": 2, "tredje": 3, "fjarde": 4}
_ORDINAL = r"\b(forsta|andra|tredje|fjarde|[1-4])(?::?[ae]|\.)?"
_YEAR = r"(\d{4})"
_OPEN = re.compile(
    r"(?:lopande|fortlopande|kontinuerligt|pagaende|pagar|tills? vidare|tillsvidare|"
    r"vid behov|omgaende|snarast|stanadigt|standigt|alltid|lopande arbete)"
)
_DEADLINE = re.compile(
    r"\b(?:senast|klart senast|klar senast|innan|fore|till och med|t\.?o\.?m\.?)\s*$"
)
_RANGE_SEPARATOR = re.compile(r"^\s*(?:[-–—]|till|to|t\.?o\.?m\.?)\s*$")


def _end_of_month(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _months(year: int, first_month: int, last_month: int) -> Period:
    return Period(dt.date(year, first_month, 1), _end_of_month(year, last_month))


def _ordinal(text: str) -> int:
    return _ORDINALS.get(text) or int(text)


def _full_year(text: str) -> int:
    return int(text) + (2000 if len(text) == 2 else 0)


def _day(match: re.Match[str]) -> Period | None:
    year, month, day = (int(x) for x in match.groups())
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return Period(date, date)


def _day_named(match: re.Match[str]) -> Period | None:
    try:
        date = dt.date(int(match[3]), _MONTH_NAMES[match[2]], int(match[1]))
    except ValueError:
        return None
    return Period(date, date)


def _month_iso(match: re.Match[str]) -> Period | None:
    month = int(match[2])
    return _months(int(match[1]), month, month) if 1 <= month <= 12 else None


def _month_named(match: re.Match[str]) -> Period | None:
    month = _MONTH_NAMES[match[1]]
    return _months(int(match[2]), month, month)


def _quarter(number: int, year: int) -> Period | None:
    return _months(year, 3 * number - 2, 3 * number) if 1 <= number <= 4 else None


def _tertial(number: int, year: int) -> Period | None:
    return _months(year, 4 * number - 3, 4 * number) if 1 <= number <= 3 else None


def _half(half: int, year: int) -> Period:
    return _months(year, 1, 6) if half == 1 else _months(year, 7, 12)


def _school_year(match: re.Match[str]) -> Period | None:
    first = int(match[1])
    second = match[2]
    following = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if following != first + 1:
        return None
    return Period(dt.date(first, 8, 1), dt.date(following, 6, 30))


def _year(match: re.Match[str]) -> Period | None:
    year = int(match[1])
    return _months(year, 1, 12) if 1900 <= year <= 2199 else None


_Builder = Callable[[re.Match[str]], Period | None]

# Most specific first: at one position the first form that matches wins.
_FORMS: tuple[tuple[re.Pattern[str], _Builder], ...] = (
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), _day),
    (re.compile(r"\b(\d{1,2})\s+" + _MONTH + r"\s+" + _YEAR), _day_named),
    (re.compile(r"\b(\d{4})-(\d{2})\b(?!-)"), _month_iso),
    (re.compile(_MONTH + r"\s+" + _YEAR), _month_named),
    (
        re.compile(r"\b(?:q|kv|kvartal)\s?([1-4])\s*" + _YEAR),
        lambda m: _quarter(int(m[1]), int(m[2])),
    ),
    (re.compile(_YEAR + r"\s*-?\s*q([1-4])\b"), lambda m: _quarter(int(m[2]), int(m[1]))),
    (
        re.compile(_ORDINAL + r"\s+kvartalet\s+" + _YEAR),
        lambda m: _quarter(_ordinal(m[1]), int(m[2])),
    ),
    (re.compile(r"\b(?:t|tertial)\s?([1-3])\s*" + _YEAR), lambda m: _tertial(int(m[1]), int(m[2]))),
    (
        re.compile(_ORDINAL + r"\s+tertialet\s+" + _YEAR),
        lambda m: _tertial(_ordinal(m[1]), int(m[2])),
    ),
    (
        re.compile(r"\b(vt|ht)\s?-?(\d{4}|\d{2})\b"),
        lambda m: _half(1 if m[1] == "vt" else 2, _full_year(m[2])),
    ),
    (re.compile(_YEAR + r"\s?-?(vt|ht)\b"), lambda m: _half(1 if m[2] == "vt" else 2, int(m[1]))),
    (
        re.compile(r"\b(var|varen|varterminen|host|hosten|hostterminen)\s+" + _YEAR),
        lambda m: _half(1 if m[1].startswith("var") else 2, int(m[2])),
    ),
    (
        re.compile(r"\b(forsta|andra|1:a|2:a)\s+halvaret\s+" + _YEAR),
        lambda m: _half(1 if m[1] in ("forsta", "1:a") else 2, int(m[2])),
    ),
    (re.compile(r"\b(?:sommaren|sommar)\s+" + _YEAR), lambda m: _months(int(m[1]), 6, 8)),
    (re.compile(r"\blasar(?:et)?\s+(\d{4})\s*[/-]\s*(\d{4}|\d{2})\b"), _school_year),
    (re.compile(r"\b" + _YEAR + r"\b"), _year),
)


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    period: Period


def _periods(folded: str) -> list[_Found] | None:
    """Every period named in ``folded``, left to right; ``None`` if one is not a real period."""
    found: list[_Found] = []
    position = 0
    while position < len(folded):
        best: tuple[re.Match[str], _Builder] | None = None
        for pattern, build in _FORMS:
            match = pattern.search(folded, position)
            if match and (best is None or match.start() < best[0].start()):
                best = (match, build)
        if best is None:
            break
        match, build = best
        period = build(match)
        if period is None:
            return None
        found.append(_Found(match.start(), match.end(), period))
        position = match.end()
    return found


def _with_year_of(part: str, year: int) -> Period | None:
    """A range's first part written without its year ("januari–mars 2018", "T1–T2 2018")."""
    found = _periods(f"{part.strip()} {year}")
    return found[0].period if found and len(found) == 1 else None


@functools.lru_cache(maxsize=4096)
def parse_timing(text: str) -> Timing | None:
    """What ``text`` says about time, or ``None`` when planctl cannot tell.

    Case, å/ä/ö and words around the period ("under", "i samband med löneöversyn", "from") do
    not matter. A text naming two periods is a range only when a dash or "till" joins them;
    otherwise it is ambiguous and ``None``.
    """
    folded = re.sub(r"\s+", " ", _fold(text)).strip()
    if not folded:
        return None
    found = _periods(folded)
    if found is None:
        return None
    if not found:
        return Timing(None, None, open=True) if _OPEN.search(folded) else None
    if len(found) == 1:
        only = found[0]
        before = folded[: only.start]
        dash = re.search(r"[-\u2013\u2014]\s*$", before)
        if dash is not None and before[: dash.start()].strip():
            first = _with_year_of(before[: dash.start()], only.period.first.year)
            if first is not None and first.first <= only.period.first:
                return Timing(first, only.period)
        if _DEADLINE.search(before):
            return Timing(None, only.period)
        return Timing(only.period, None)
    if len(found) == 2 and _RANGE_SEPARATOR.match(folded[found[0].end : found[1].start]):
        first, second = found[0].period, found[1].period
        if first.first <= second.first:
            return Timing(first, second)
    return None
