"""The one vocabulary of what users read: numbers, percentages, units, targets, statuses.

Every output – terminal tables, Markdown, CSV, XLSX, HTML, JSON messages – writes a share, a
number, a quantity, a target, a trend, a status colour or the funding note through this module,
so the same plan reads the same in every command and format:

- a share is a whole percent rounded half up (5 of 8 → ``63 %``), with a no-break space;
- a number has a decimal comma and no exponent (``2,5``, ``1500``);
- a quantity is a number and the unit's short form (``2,5 timmar per vecka``, ``90 %``);
- a target is its direction and quantity (``minst 2,5 timmar per vecka``), optionally followed by
  what is measured.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from rich.text import Text

from planctl.models import Direction, Unit
from planctl.nouns import agree as agree  # the one plural rule, offered to the outputs here
from planctl.nouns import count_words as count_words
from planctl.progress import NOT_FOLLOWED_UP

if TYPE_CHECKING:  # only its type: the commands that say a number need not load the rules
    from planctl.indicators import Movement

NBSP = "\u00a0"

# Colours by what a status means, so every plan's scale is coloured alike.
MEANING_STYLE = {"klar": "green", "pågår": "yellow", "ej-startad": "red", "utgår": "dim"}
# Records of history entries carry only the status's name: the template's three by name.
STATUS_STYLE: dict[str, str] = {"Klart": "green", "Påbörjat": "yellow", "Ej påbörjat": "red"}

UNIT_SHORT: dict[Unit, str] = {
    Unit.PERCENT: "%",
    Unit.COUNT: "st",
    Unit.COUNT_PER_YEAR: "per år",
    Unit.HOURS_PER_WEEK: "timmar per vecka",
    Unit.KRONOR: "kr",
}
"""How each unit is written after a number."""

TREND_ARROWS: dict[Movement, str] = {"up": "↑", "down": "↓", "same": "→"}
"""An indicator's trend since the previous round."""

NOTE_LABEL = "Notering"
"""A note's heading in every table, and what introduces a note that shares a cell with other
text (``Notering: …``)."""

BETTER = "bättre"
WORSE = "sämre"
MET = "ja"
NOT_MET = "nej"

FUNDING_MARK = "*"
FUNDING_NOTE = "* kräver särskilda resurser (planens avsnitt Ekonomi)"
"""The mark after a row id that needs extra funding, and the note that explains it."""


def _half_up(value: float, places: int = 0) -> Decimal:
    # Decimal of the float's shortest repr, so 0.625 * 100 is 62.5 and not 62.4999…
    exponent = Decimal(1).scaleb(-places)
    return Decimal(repr(value)).quantize(exponent, rounding=ROUND_HALF_UP)


def percent(share: float) -> int:
    """A share 0.0–1.0 as whole percent, rounded half up (5/8 → 63, 2/3 → 67)."""
    return int(_half_up(share * 100))


def percent_label(share: float) -> str:
    """A share as Swedish writes it: ``63 %`` (with a no-break space)."""
    return f"{percent(share)}{NBSP}%"


def decimal_percent(share: float) -> str:
    """A share in percent with one decimal, rounded half up, decimal comma (for spreadsheets)."""
    return str(_half_up(share * 100, 1)).replace(".", ",")


def number_label(value: float) -> str:
    """A number as Swedes write it: decimal comma, no exponent (``12,5``, ``1500``)."""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".").replace(".", ",")


def grouped_label(value: float) -> str:
    """A number for reading: :func:`number_label` with a no-break space between thousands
    (``1 500``, ``250 000``, ``12 500,5``), as Swedish writes amounts (Språkrådet). Cells that a
    spreadsheet should read as numbers keep :func:`number_label`."""
    plain = number_label(value)
    sign, digits = ("-", plain[1:]) if plain.startswith("-") else ("", plain)
    whole, comma, fraction = digits.partition(",")
    groups = f"{int(whole):,}".replace(",", NBSP)
    return f"{sign}{groups}{comma}{fraction}"


def quantity_label(value: float, unit: Unit | str) -> str:
    """A value with its unit: ``90 %``, ``1 500 kr`` (with no-break spaces)."""
    return f"{grouped_label(value)}{NBSP}{UNIT_SHORT[Unit(unit)]}"


def target_label(direction: Direction | str, value: float, unit: Unit | str) -> str:
    """A target's direction and value: ``minst 2,5 timmar per vecka``."""
    return f"{Direction(direction).value} {quantity_label(value, unit)}"


def target_text(direction: Direction | str, value: float, unit: Unit | str, measured: str) -> str:
    """A target in full: ``minst 90 % – andel ärenden …``."""
    return f"{target_label(direction, value, unit)} – {measured}"


def improving_label(improving: bool | None) -> str:
    """``bättre`` when a trend moves toward the target, ``sämre`` away from it, else empty."""
    if improving is None:
        return ""
    return BETTER if improving else WORSE


def status_text(status: str | None, meaning: str | None = None) -> Text:
    """A status, coloured by its meaning on a terminal; *Ej uppföljd* (dim) for none."""
    if status is None:
        return Text(NOT_FOLLOWED_UP, style="dim italic")
    style = MEANING_STYLE.get(meaning, "") if meaning else STATUS_STYLE.get(status, "")
    return Text(status, style=style)


def number_ranges(numbers: Sequence[int]) -> str:
    """``1, 8, 11–13`` for ``[1, 8, 11, 12, 13]``; ``–`` for none."""
    if not numbers:
        return "–"
    parts: list[str] = []
    start = previous = numbers[0]
    for number in [*numbers[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        parts.append(str(start) if start == previous else f"{start}–{previous}")
        if number is not None:
            start = previous = number
    return ", ".join(parts)


BAR_WIDTH = 20


def bar(share: float, width: int = BAR_WIDTH) -> str:
    """A text bar, ``█████░░░░░`` for a half."""
    filled = round(share * width)
    return "█" * filled + "░" * (width - filled)
