"""Indicators: the measurable targets a plan row follows up, and the values measured for them.

A row follows its own targets (``mål`` on the row, set by the plan) and the targets of the
catalogue measures it links to (``insatser``). At a follow-up the secretary records the measured
figure as a new entry in the row's ``mätningar``: without ``insats`` it measures the row's own
target, with ``insats`` that measure's target. Measurements are a list of their own, next to
``historik``, so a row's status still comes only from its status history.

This module reads what a user typed (``12,5``, ``90 %``, ``1500 kr``), checks a value against its
target's unit, decides which target ``planctl indicator set`` records for, and works out an
indicator's standing on a day: the latest value, whether the target is met and the trend since
the previous round. Writing goes through :func:`planctl.status.update_plan`, like status changes.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, TypeAlias

from planctl.entries import counted_places
from planctl.errors import UsageError
from planctl.models import Catalogue, Direction, Measurement, Plan, Row, Target, Unit
from planctl.query import fold, match_row, rows_linking

# --- targets a row follows -----------------------------------------------------------------------


@dataclass(frozen=True)
class Indicator:
    """A target followed on a row: its own (``measure_id=None``) or a linked measure's."""

    row_id: str
    measure_id: int | None
    target: Target


def row_indicators(row: Row, catalogue: Catalogue | None) -> list[Indicator]:
    """Every target ``row`` follows: its own first, then its linked measures' in link order."""
    found = [Indicator(row.id, None, target) for target in row.targets]
    for measure_id in dict.fromkeys(row.measures):
        measure = catalogue.measure(measure_id) if catalogue else None
        if measure is not None:
            found += [Indicator(row.id, measure_id, target) for target in measure.targets]
    return found


def measured_target(row: Row, measure_id: int | None, catalogue: Catalogue | None) -> Target:
    """The one target a measurement of ``row`` (with ``insats`` = ``measure_id``) measures.

    Raises :class:`ValueError` with a Swedish reason when there is none or more than one.
    """
    if measure_id is None:
        if not row.targets:
            linked = [i for i in row_indicators(row, catalogue) if i.measure_id is not None]
            hint = (
                "; ange 'insats' för ett mål från katalogen: "
                + ", ".join(str(i.measure_id) for i in linked)
                if linked
                else ""
            )
            raise ValueError(f"{row.id}: raden har inget eget mål (mål:){hint}")
        if len(row.targets) > 1:
            raise ValueError(
                f"{row.id}: raden har {len(row.targets)} egna mål; en mätning utan 'insats' "
                "kan bara avse ett"
            )
        return row.targets[0]
    if measure_id not in row.measures:
        linked_text = ", ".join(str(m) for m in row.measures) or "inga"
        raise ValueError(
            f"{row.id}: insats {measure_id} är inte kopplad till raden (kopplade: {linked_text})"
        )
    measure = catalogue.measure(measure_id) if catalogue else None
    if measure is None or not measure.targets:
        raise ValueError(f"{row.id}: insats {measure_id} har inget mätbart mål i katalogen")
    if len(measure.targets) > 1:
        raise ValueError(
            f"{row.id}: insats {measure_id} har {len(measure.targets)} mål; "
            "planctl kan bara följa upp ett mål per insats"
        )
    return measure.targets[0]


# --- values --------------------------------------------------------------------------------------

UNIT_WORDS: dict[Unit, tuple[str, ...]] = {
    Unit.PERCENT: ("%", "procent"),
    Unit.COUNT: ("st", "stycken", "antal"),
    Unit.COUNT_PER_YEAR: ("per år", "st per år", "st/år", "/år", "om året", "antal per år"),
    Unit.HOURS_PER_WEEK: (
        "timmar per vecka",
        "tim/v",
        "h/v",
        "h/vecka",
        "timmar/vecka",
        "tim per vecka",
        "h per vecka",
    ),
    Unit.KRONOR: ("kr", "kronor", "sek", ":-"),
}
"""How a unit may be typed after a value; the first word is the one shown in messages."""

RANGES: dict[Unit, tuple[float, float | None, bool]] = {
    Unit.PERCENT: (0, 100, False),
    Unit.COUNT: (0, None, True),
    Unit.COUNT_PER_YEAR: (0, None, True),
    Unit.HOURS_PER_WEEK: (0, 168, False),
    Unit.KRONOR: (0, None, False),
}
"""Each unit's lowest and highest value (``None``: no ceiling) and whether it takes only whole
numbers."""

# A number as Swedes write it: decimal comma or point, spaces between thousands ("1 500").
_VALUE = re.compile(
    r"(?P<number>[-+−]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|[-+−]?\d+(?:[.,]\d+)?)"
    r"\s*(?P<unit>(?:[^\d\s.,].*)?)"
)


def expected_text(unit: Unit) -> str:
    """What a value in ``unit`` must be, in words (for messages)."""
    low, high, whole = RANGES[unit]
    kind = "ett heltal" if whole else "ett tal"
    span = f" från {low:g} till {high:g}" if high is not None else f", {low:g} eller mer"
    return f"{kind}{span} ({unit_name(unit)})"


def unit_name(unit: Unit) -> str:
    """A unit's name in running text: ``antal per år``."""
    return unit.value.replace("_", " ")


def unit_of(typed: str) -> Unit | None:
    """The unit a word after a value names (``%``, ``kr``, ``timmar per vecka`` …), if any."""
    key = fold(typed)
    for unit, words in UNIT_WORDS.items():
        if key in (fold(w) for w in (*words, unit.value)):
            return unit
    return None


MAX_DIGITS = 15
"""The most significant digits a value may have: what Excel keeps of a number and what every
JSON reader holds exactly (below 2**53). More is surely a typo, and would be changed on the way."""
LIMIT = 10**MAX_DIGITS


def parse_value(typed: str) -> tuple[int | float, str]:
    """The number in ``typed`` (``12,5``, ``1 500 kr``, ``90 %``) and the unit text after it.

    The value is exact: an integer stays an int, a decimal becomes the float that prints as
    the digits typed (at most :data:`MAX_DIGITS` significant digits, else a :class:`UsageError`).
    """
    found = _VALUE.fullmatch(typed.strip())
    if found is None:
        raise UsageError(
            f"'{typed}' är inget tal; skriv t.ex. 90, 12,5 eller 1500 kr (decimalkomma går bra)"
        )
    digits = re.sub(r"[ \u00a0\u202f]", "", found.group("number"))
    exact = Decimal(digits.replace(",", ".").replace("−", "-"))
    significant = len(exact.normalize().as_tuple().digits)
    if abs(exact) >= LIMIT or significant > MAX_DIGITS:
        raise UsageError(f"'{_shorten(found.group('number'))}' {_too_large()}")
    number: int | float = int(exact) if exact == exact.to_integral_value() else float(exact)
    return number, found.group("unit").strip()


def _too_large() -> str:
    largest = f"{LIMIT - 1:,}".replace(",", " ")
    return (
        f"har för många siffror: planctl tar tal med högst {MAX_DIGITS} siffror "
        f"(upp till {largest}), precis som Excel"
    )


def _shorten(digits: str) -> str:
    return digits if len(digits) <= 30 else f"{digits[:12]}…{digits[-6:]}"


def value_problem(value: float, unit: Unit) -> str | None:
    """Why ``value`` cannot be a value in ``unit`` (outside its range, not whole), or ``None``."""
    low, high, whole = RANGES[unit]
    if not math.isfinite(value):
        return f"{value!r} är inget tal (oändligt eller odefinierat)"
    if abs(value) >= LIMIT:
        return f"{_shorten(_number(value))} {_too_large()}"
    outside = value < low or (high is not None and value > high)
    if outside or (whole and not float(value).is_integer()):
        return f"{_number(value)} går inte som {unit_name(unit)}: ska vara {expected_text(unit)}"
    return None


def _number(value: float) -> str:
    if isinstance(value, int):
        return str(value)
    return f"{value:g}".replace(".", ",")


def target_words(target: Target) -> str:
    """A target in words for messages: ``minst 1500 kr (mentorstillägg under uppdragstiden)``."""
    return (
        f"{target.direction.value} {_number(target.value)} {UNIT_WORDS[target.unit][0]} "
        f"({target.measured})"
    )


def checked_value(typed: str, indicator: Indicator) -> int | float:
    """The value ``typed`` for ``indicator``; refuses a wrong unit or a value out of range."""
    value, unit_text = parse_value(typed)
    target = indicator.target
    where = _indicator_label(indicator)
    expected = expected_text(target.unit)
    if unit_text:
        unit = unit_of(unit_text)
        if unit is not target.unit:
            raise UsageError(
                f"{where}: fel enhet '{unit_text}'; målet {target_words(target)} mäts i "
                f"{unit_name(target.unit)} – ange {expected}, t.ex. '{_example(target)}'"
            )
    problem = value_problem(value, target.unit)
    if problem is not None:
        raise UsageError(f"{where}: {problem}; målet är {target_words(target)}")
    return value


def _example(target: Target) -> str:
    return f"{_number(target.value)} {UNIT_WORDS[target.unit][0]}"


def _indicator_label(indicator: Indicator) -> str:
    if indicator.measure_id is None:
        return f"{indicator.row_id} (radens eget mål)"
    return f"{indicator.row_id} (mål för insats {indicator.measure_id})"


# --- which target a command records for ----------------------------------------------------------


def _choices(indicators: list[Indicator]) -> str:
    return "; ".join(
        ("eget mål" if i.measure_id is None else f"insats {i.measure_id}")
        + f": {target_words(i.target)}"
        for i in indicators
    )


def _rows_with_targets(plan: Plan, catalogue: Catalogue | None) -> str:
    rows = [row.id for row in plan.rows if row_indicators(row, catalogue)]
    return ", ".join(rows) or "inga"


def resolve_indicator(
    plan: Plan, catalogue: Catalogue | None, typed: str, *, measure_id: int | None = None
) -> Indicator:
    """The indicator ``indicator set ROW|MEASURE`` records for (``measure_id`` from --measure).

    A row id means its own target; a row without one that links exactly one measure with a target
    means that target. A measure number means that measure's target on the one row linking it.
    """
    text = typed.strip()
    if text.isdecimal():
        if measure_id is not None:
            raise UsageError("ange antingen ett insatsnummer eller --measure, inte båda")
        return _by_measure(plan, catalogue, int(text))
    row = match_row(plan, text)
    indicators = row_indicators(row, catalogue)
    if measure_id is not None:
        chosen = [i for i in indicators if i.measure_id == measure_id]
        if len(chosen) != 1:
            try:
                measured_target(row, measure_id, catalogue)
            except ValueError as exc:
                raise UsageError(f"{exc}; radens mål: {_choices(indicators) or 'inga'}") from None
        return chosen[0]
    own = [i for i in indicators if i.measure_id is None]
    if len(own) == 1:
        return own[0]
    if not indicators:
        linked = ", ".join(str(m) for m in row.measures) or "inga"
        raise UsageError(
            f"{row.id}: raden har inget mål att mäta – inget eget mål (mål:) och ingen kopplad "
            f"insats med mål (kopplade insatser: {linked}). Rader med mål: "
            f"{_rows_with_targets(plan, catalogue)}"
        )
    if len(indicators) == 1:
        return indicators[0]
    raise UsageError(
        f"{row.id}: raden följer flera mål – {_choices(indicators)}; ange vilket med --measure NR"
    )


def _by_measure(plan: Plan, catalogue: Catalogue | None, number: int) -> Indicator:
    measure = catalogue.measure(number) if catalogue else None
    if catalogue is None or measure is None:
        raise UsageError(f"insats {number} finns inte i katalogen")
    if not measure.targets:
        with_targets = ", ".join(str(m.id) for m in catalogue.measures if m.targets)
        raise UsageError(f"insats {number} har inget mätbart mål; insatser med mål: {with_targets}")
    rows = rows_linking(plan, number)
    if not rows:
        raise UsageError(
            f"ingen rad i planen genomför insats {number}; koppla den till en rad under "
            "'insatser' först"
        )
    if len(rows) > 1:
        ids = ", ".join(r.id for r in rows)
        raise UsageError(
            f"insats {number} genomförs av flera rader ({ids}); ange raden, t.ex. "
            f"'planctl indicator set {rows[0].id} VÄRDE --measure {number} --round OMGÅNG'"
        )
    indicators = [i for i in row_indicators(rows[0], catalogue) if i.measure_id == number]
    if len(indicators) != 1:
        raise UsageError(f"insats {number} har {len(indicators)} mål; ange ett med --measure")
    return indicators[0]


# --- an indicator's standing on a day ------------------------------------------------------------


Movement: TypeAlias = Literal["up", "down", "same"]
"""An indicator's trend: how its latest value moved from the previous round's."""


@dataclass(frozen=True)
class Standing:
    """An indicator on a day: its latest value, whether that meets the target, and the trend.

    ``previous`` is the latest value of an earlier round (or, without rounds, the value before);
    ``trend`` is ``up``, ``down`` or ``same`` compared with it, ``None`` without one.
    """

    indicator: Indicator
    latest: Measurement | None
    previous: Measurement | None

    @property
    def met(self) -> bool | None:
        """Whether the latest value meets the target (``None`` before any value)."""
        return None if self.latest is None else is_met(self.indicator.target, self.latest.value)

    @property
    def trend(self) -> Movement | None:
        """``up``, ``down`` or ``same`` since the previous round's value."""
        if self.latest is None or self.previous is None:
            return None
        if self.latest.value > self.previous.value:
            return "up"
        if self.latest.value < self.previous.value:
            return "down"
        return "same"

    @property
    def improving(self) -> bool | None:
        """Whether the trend moves toward the target: up for a floor, down for a ceiling."""
        if self.trend is None or self.trend == "same":
            return None
        toward = "up" if self.indicator.target.direction is Direction.AT_LEAST else "down"
        return self.trend == toward


def is_met(target: Target, value: float) -> bool:
    """Whether ``value`` meets ``target``: at least it for a floor, at most it for a ceiling."""
    if target.direction is Direction.AT_LEAST:
        return value >= target.value
    return value <= target.value


def standing_on(row: Row, indicator: Indicator, day: dt.date) -> Standing:
    """``indicator`` of ``row`` as measured on or before ``day``."""
    values = [
        m
        for placed, m in counted_places(row.measurements)
        if m.measure == indicator.measure_id and placed <= day
    ]
    if not values:
        return Standing(indicator, None, None)
    latest = values[-1]
    earlier = [m for m in values[:-1] if latest.round is None or m.round != latest.round]
    return Standing(indicator, latest, earlier[-1] if earlier else None)


def row_standings(row: Row, catalogue: Catalogue | None, day: dt.date) -> list[Standing]:
    """Every indicator of ``row`` as of ``day``, measured or not."""
    return [standing_on(row, indicator, day) for indicator in row_indicators(row, catalogue)]
