"""Recognising what a table's columns hold from their headers, as municipalities write them.

A table is a plan table when a header row names a proposal column (Förslag, Åtgärd, Aktivitet or
Insats). The other headers are matched case- and diacritic-insensitively: Ansvar/Ansvarig,
Start/Tidplan/Start/slut, Slut/Klart senast, Kostnad/Finansiering, Område, Detaljer/Beskrivning,
Kommentar, a single Status column, or one column per status marked with X (Klart · Påbörjat ·
Ej påbörjat, Genomförd · Pågår · Ej påbörjad · Ej aktuell …). A header may span two rows (the
Borås appendix: "Uppföljning" over Klart/Påbörjat/Ej påbörjat) or carry its group word in the
same cell ("Uppföljning Klart"). Pure functions, no I/O.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from planctl.scale import Meaning

HEADER_SEARCH_ROWS = 10
"""How many rows from the top of a table are searched for its header row."""


class Role(enum.Enum):
    """What a column holds."""

    PROPOSAL = "förslag"
    RESPONSIBLE = "ansvar"
    START = "start"
    END = "slut"
    COST = "kostnad"
    AREA = "område"
    DETAILS = "detaljer"
    NOTE = "notering"
    STATUS = "status"
    MARK = "statusmarkering"
    ID = "id"


@dataclass(frozen=True)
class StatusWord:
    """A status as the source writes it (``Genomförd``) and what it means."""

    name: str
    meaning: Meaning


@dataclass(frozen=True)
class Column:
    """One column of a table: its header as written and what it holds (``None``: unknown)."""

    index: int
    header: str
    role: Role | None
    status: StatusWord | None = None


@dataclass(frozen=True)
class Layout:
    """Where a table's data starts and what each column holds."""

    data_start: int
    columns: tuple[Column, ...]

    def first(self, role: Role) -> Column | None:
        """The first column holding ``role``, if any."""
        return next((c for c in self.columns if c.role is role), None)

    def all(self, role: Role) -> tuple[Column, ...]:
        """Every column holding ``role``, left to right."""
        return tuple(c for c in self.columns if c.role is role)


def fold(text: str) -> str:
    """Lower case, no diacritics, punctuation other than ``/`` as spaces, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"[^\w/+]+", " ", plain)
    return " ".join(plain.replace("_", " ").split())


_STATUS_PHRASES: dict[Meaning, str] = {
    Meaning.DONE: "klart|klar|genomford|genomfort|genomforda|fardig|fardigt|slutford|slutfort|"
    "avslutad|avslutat|uppnatt",
    Meaning.UNDER_WAY: "paborjat|paborjad|paborjade|pagar|pagaende|startad|startat|igang|"
    "under arbete",
    Meaning.NOT_STARTED: "ej paborjat|ej paborjad|ej paborjade|inte paborjat|inte paborjad|"
    "ej startad|ej startat|inte startad|ej igang|inte igang",
    Meaning.DROPPED: "ej aktuell|ej aktuellt|inte aktuell|inte aktuellt|avbruten|avbrutet|utgar|"
    "utgatt|struken|stoppad|avford",
}
_STATUS_WORDS: dict[str, Meaning] = {
    phrase: meaning for meaning, text in _STATUS_PHRASES.items() for phrase in text.split("|")
}

_PROPOSAL = {"forslag", "atgard", "atgarder", "aktivitet", "aktiviteter", "insats", "insatser"}
_END_PHRASES = {
    "slut",
    "slutdatum",
    "sluttid",
    "klart senast",
    "klar senast",
    "fardigt senast",
    "fardig senast",
    "klart till",
    "senast",
    "deadline",
}
_FIRST_WORD: dict[str, Role] = {
    **dict.fromkeys(
        (
            "start",
            "startdatum",
            "starttid",
            "tidplan",
            "tidsplan",
            "tid",
            "nar",
            "period",
            "tidpunkt",
            "tidsperiod",
        ),
        Role.START,
    ),
    **dict.fromkeys(
        ("kostnad", "kostnader", "finansiering", "budget", "resurser", "resursbehov"), Role.COST
    ),
    **dict.fromkeys(
        ("omrade", "omraden", "fokusomrade", "malomrade", "insatsomrade", "tema"), Role.AREA
    ),
    **dict.fromkeys(("detaljer", "beskrivning", "forklaring"), Role.DETAILS),
    **dict.fromkeys(
        ("kommentar", "kommentarer", "notering", "noteringar", "anteckning"), Role.NOTE
    ),
    **dict.fromkeys(
        ("status", "uppfoljning", "lage", "statuslage", "uppfoljningsstatus"), Role.STATUS
    ),
    **dict.fromkeys(("nr", "id", "nummer", "#", "lopnummer"), Role.ID),
}
_GROUP_WORDS = ("uppfoljning", "status")


def status_word(text: str) -> Meaning | None:
    """What a status written as ``text`` means (``Genomförd`` → klar), or ``None``."""
    return _STATUS_WORDS.get(fold(text).replace("/", " "))


def role_of(header: str) -> tuple[Role | None, StatusWord | None]:
    """What a column with this header holds, and for a status column its status."""
    key = fold(header)
    if not key:
        return None, None
    words = key.replace("/", " ").split()
    if any(w in _PROPOSAL for w in words[:3]) and len(words) <= 5:
        return Role.PROPOSAL, None
    if words[0].startswith("ansvar"):
        return Role.RESPONSIBLE, None
    if key.replace("/", " ") in _END_PHRASES or words[0].startswith("slut"):
        return Role.END, None
    rest = words[1:] if words[0] in _GROUP_WORDS and len(words) > 1 else words
    meaning = _STATUS_WORDS.get(" ".join(rest))
    if meaning is not None:
        shown = " ".join(header.split())
        if rest is not words:  # "Uppföljning Klart" → "Klart"
            shown = " ".join(shown.split()[1:])
        return Role.MARK, StatusWord(shown[:1].upper() + shown[1:], meaning)
    role = _FIRST_WORD.get(words[0])
    return role, None


def find_layout(rows: Sequence[Sequence[str]]) -> Layout | None:
    """The header of a table and what its columns hold, or ``None`` when it is no plan table.

    The header row is the first of the top :data:`HEADER_SEARCH_ROWS` rows that names a proposal
    column. The rows right below it belong to the header while every filled cell either repeats
    the cell above (a merged cell) or is itself a header word.
    """
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        proposal = [i for i, text in enumerate(row) if role_of(text)[0] is Role.PROPOSAL]
        if proposal:
            return _layout(rows, index, proposal[0])
    return None


def _layout(rows: Sequence[Sequence[str]], header: int, proposal: int) -> Layout:
    width = max(len(r) for r in rows)
    parts: list[list[str]] = [[] for _ in range(width)]
    below = header
    current = rows[header]
    for i in range(width):
        _add_part(parts[i], current[i] if i < len(current) else "")
    while below + 1 < len(rows):
        candidate = rows[below + 1]
        if not _continues_header(candidate, rows[below], proposal):
            break
        below += 1
        for i in range(width):
            _add_part(parts[i], candidate[i] if i < len(candidate) else "")
    columns = []
    for i, texts in enumerate(parts):
        role: Role | None = None
        status: StatusWord | None = None
        for text in reversed(texts):  # the lowest header row is the most specific
            role, status = role_of(text)
            if role is not None:
                break
        columns.append(Column(i, " / ".join(texts), role, status))
    return Layout(data_start=below + 1, columns=tuple(columns))


def _add_part(parts: list[str], text: str) -> None:
    clean = " ".join(text.split())
    if clean and clean not in parts:
        parts.append(clean)


def _continues_header(row: Sequence[str], above: Sequence[str], proposal: int) -> bool:
    def cell(r: Sequence[str], i: int) -> str:
        return " ".join(r[i].split()) if i < len(r) else ""

    if cell(row, proposal) not in ("", cell(above, proposal)):
        return False
    filled = [i for i in range(len(row)) if cell(row, i)]
    if not filled:
        return False
    return all(cell(row, i) == cell(above, i) or role_of(row[i])[0] is not None for i in filled)
