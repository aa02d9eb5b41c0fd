"""Terms ("terminer"): parsing the start of a row as people write it.

A plan says "Hösten 2017", "Våren 2018", "I samband med löneöversyn våren 2018" or
"from 1 januari 2018". Swedish public bodies count the year in two terms: the spring term VT
(January–June) and the autumn term HT (July–December). planctl normalises a start to one term.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
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
