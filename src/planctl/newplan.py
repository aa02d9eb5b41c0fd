"""Starting a new plan from the catalogue: the text of a plan file that validates at once.

``planctl new`` writes one draft row per chosen measure. Draft rows carry ``utkast: true`` and
placeholders for ``ansvar`` and ``start``, which validation reports as warnings until someone
fills them in. Row ids are ``R-`` and the measure's number (``R-7`` carries out measure 7): unique
within the plan, stable whatever areas the plan ends up with, and easy to trace back to the
catalogue. The text is built here, as the reviewers will read it in a pull request; writing it is
:func:`planctl.store.create_file`'s job. No I/O.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from planctl.errors import UsageError
from planctl.models import Catalogue, Measure
from planctl.query import match_catalogue_area

SCHEMA_MODELINE = "# yaml-language-server: $schema=../schema/plan.schema.json"
RESPONSIBLE_PLACEHOLDER = "Fyll i ansvarig roll"
START_PLACEHOLDER = "Fyll i start"
ROW_PREFIX = "R-"

MONTH_NAMES = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)

_ROUND = re.compile(r"(\d{4})-(\d{2})")
_KEEP = frozenset("abcdefghijklmnopqrstuvwxyzåäö0123456789")


@dataclass(frozen=True)
class RoundSpec:
    """A follow-up round asked for as ``ÅÅÅÅ-MM``: held on the last day of that month."""

    year: int
    month: int

    @property
    def id(self) -> str:
        """The round's id, e.g. ``2026-05``."""
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def name(self) -> str:
        """The round's Swedish name, e.g. ``Uppföljning maj 2026``."""
        return f"Uppföljning {MONTH_NAMES[self.month - 1]} {self.year}"

    @property
    def date(self) -> dt.date:
        """The last day of the month."""
        first_of_next = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return first_of_next - dt.timedelta(days=1)


@dataclass(frozen=True)
class NewPlan:
    """A new plan file's text, with what it holds for the message to the user."""

    plan_id: str
    text: str
    measures: tuple[int, ...]
    areas: tuple[str, ...]


def plan_slug(text: str) -> str:
    """An id from a name: lower case, å/ä/ö kept, other accents dropped, words joined by ``-``.

    ``Borås Stad`` → ``borås-stad``, ``Region Jämtland Härjedalen`` →
    ``region-jämtland-härjedalen``.
    """
    out = []
    # NFC first: a decomposed 'ö' (o + U+0308, from macOS or a pasted text) is still 'ö'.
    for char in unicodedata.normalize("NFC", text).casefold():
        if char in _KEEP:
            out.append(char)
            continue
        plain = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        out.append(plain if plain and plain in _KEEP else " ")
    return "-".join("".join(out).split())


def parse_measure_numbers(text: str) -> list[int]:
    """``7,47, 84`` → ``[7, 47, 84]``; anything but whole numbers is a usage error."""
    numbers = []
    for part in text.split(","):
        item = part.strip()
        if not item.isdecimal():
            raise UsageError(
                f"--measures: '{item}' är inget insatsnummer; skriv t.ex. --measures 7,47,84"
            )
        numbers.append(int(item))
    return numbers


def parse_rounds(text: str) -> list[RoundSpec]:
    """``2026-05,2026-10`` → rounds in date order, each named once."""
    rounds: set[RoundSpec] = set()
    for part in text.split(","):
        item = part.strip()
        found = _ROUND.fullmatch(item)
        if not found or not 1 <= int(found.group(2)) <= 12:
            raise UsageError(
                f"--rounds: '{item}' är ingen månad; skriv ÅÅÅÅ-MM, t.ex. --rounds 2026-05,2026-10"
            )
        rounds.add(RoundSpec(int(found.group(1)), int(found.group(2))))
    return sorted(rounds, key=lambda r: (r.year, r.month))


def choose_measures(
    catalogue: Catalogue, *, numbers: Iterable[int] = (), areas: Iterable[str] = ()
) -> list[Measure]:
    """The measures named by number and those of the named areas, each once, in number order."""
    known = {m.id: m for m in catalogue.measures}
    unknown = sorted({n for n in numbers if n not in known})
    if unknown:
        listed = ", ".join(str(n) for n in unknown)
        raise UsageError(
            f"insats {listed} finns inte i katalogen; giltiga nummer: {min(known)}–{max(known)}"
        )
    wanted = set(numbers)
    for typed in areas:
        area_id = match_catalogue_area(catalogue, typed).id
        wanted.update(m.id for m in catalogue.measures if m.area == area_id)
    if not wanted:
        raise UsageError("välj insatser med --measures (t.ex. 7,47,84) eller --area")
    return [known[n] for n in sorted(wanted)]


def _one_line(what: str, text: str) -> str:
    value = text.strip()
    if not value:
        raise UsageError(f"{what} får inte vara tom")
    # Z[lp]: U+2028/U+2029 end a YAML comment line like a newline does.
    if any(
        unicodedata.category(c)[0] == "C" or unicodedata.category(c) in ("Zl", "Zp") for c in value
    ):
        raise UsageError(f"{what} får inte innehålla radbrytningar eller styrtecken")
    return value


def _q(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: always text, never a YAML 1.1 surprise.
    return json.dumps(text, ensure_ascii=False)


def new_plan(
    catalogue: Catalogue,
    *,
    organisation: str,
    title: str,
    measures: Sequence[Measure],
    rounds: Sequence[RoundSpec] = (),
    today: dt.date,
    plan_id: str | None = None,
    taken_ids: Iterable[str] = (),
) -> NewPlan:
    """The text of a new plan with one draft row per measure, in catalogue order.

    The plan's id is ``plan_id`` or derived from ``organisation``; it must not be one of
    ``taken_ids`` (the plans already in the data directory).
    """
    organisation = _one_line("--organisation", organisation)
    title = _one_line("--title", title)
    slug = plan_slug(organisation) if plan_id is None else plan_id.strip()
    if not slug or plan_slug(slug) != slug:
        origin = "--id" if plan_id is not None else "--organisation"
        raise UsageError(
            f"{origin}: kan inte bilda ett id av '{plan_id or organisation}'; ange --id med "
            "gemener, siffror och bindestreck (t.ex. --id exempelkommun-2027)"
        )
    if slug in set(taken_ids):
        raise UsageError(
            f"det finns redan en plan med id '{slug}' i datakatalogen; ange ett annat med --id"
        )
    if not measures:
        raise UsageError("välj insatser med --measures (t.ex. 7,47,84) eller --area")
    order = {area.id: index for index, area in enumerate(catalogue.areas)}
    chosen = sorted(measures, key=lambda m: (order.get(m.area, len(order)), m.id))
    areas = [a for a in catalogue.areas if any(m.area == a.id for m in chosen)]
    lines = [
        SCHEMA_MODELINE,
        "#",
        f"# {title} – {organisation}",
        "#",
        f"# Skapad av `planctl new` den {today.isoformat()} ur katalogen {catalogue.meta.id}",
        f"# ({catalogue.meta.title}).",
        "# Varje rad under `åtgärder` är ett utkast (`utkast: true`) med en av katalogens insatser",
        '# som förslag. Fyll i `ansvar` (en roll, aldrig en person) och `start` (t.ex. "Hösten',
        '# 2027"), anpassa förslaget och ta sedan bort `utkast: true`. Radernas id är R- och',
        "# insatsens nummer (R-7 genomför insats 7).",
        "# Status följs upp i `historik`: lägg bara till nya poster, redigera inte gamla.",
        "#",
        "# Validera filen med: planctl validate",
        "plan:",
        f"  id: {slug}",
        f"  titel: {_q(title)}",
        f"  organisation: {_q(organisation)}",
        f"  katalog: {catalogue.meta.id}",
    ]
    if rounds:
        lines.append("uppföljningar:")
        for spec in rounds:
            lines += [
                f"  - id: {_q(spec.id)}",
                f"    namn: {_q(spec.name)}",
                f"    datum: {_q(spec.date.isoformat())}",
            ]
    lines.append("områden:  # katalogens områden för de valda insatserna")
    for area in areas:
        lines += [f"  - id: {area.id}", f"    namn: {_q(area.name)}"]
    lines.append("åtgärder:")
    for measure in chosen:
        lines += [
            f"  - id: {ROW_PREFIX}{measure.id}",
            f"    område: {measure.area}",
            f"    förslag: {_q(measure.text)}",
            f"    ansvar: {_q(RESPONSIBLE_PLACEHOLDER)}  # fyll i: en roll, aldrig en person",
            f'    start: {_q(START_PLACEHOLDER)}  # fyll i, t.ex. "Hösten 2027"',
            "    utkast: true  # ta bort när ansvar och start är ifyllda",
            f"    insatser: [{measure.id}]",
        ]
    return NewPlan(
        plan_id=slug,
        text="\n".join(lines) + "\n",
        measures=tuple(m.id for m in chosen),
        areas=tuple(a.id for a in areas),
    )
