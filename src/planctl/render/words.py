"""The words users read: statuses and their colours, units, targets, percentages, bars."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text

STATUS_STYLE = {"Klart": "green", "Påbörjat": "yellow", "Ej påbörjat": "red"}
UNIT_LABEL = {
    "procent": "%",
    "antal": "st",
    "antal_per_år": "per år",
    "timmar_per_vecka": "timmar per vecka",
    "kronor": "kr",
}


def status_text(status: str) -> Text:
    """A status, coloured on a terminal."""
    return Text(status, style=STATUS_STYLE.get(status, ""))


def target_text(target: dict[str, Any]) -> str:
    """A target in words, e.g. ``minst 90 % – andel ärenden …``."""
    value = target["value"]
    shown = f"{value:g}" if isinstance(value, float) else str(value)
    unit = UNIT_LABEL.get(target["unit"], target["unit"])
    return f"{target['direction']} {shown} {unit} – {target['measured']}"


FUNDING_MARK = "*"
FUNDING_NOTE = "* kräver särskilda resurser"


TREND_WORDS = {"up": "↑", "down": "↓", "same": "→"}


def quantity(value: float, unit: str) -> str:
    from planctl.models import Unit
    from planctl.render.report_text import quantity_label

    return quantity_label(value, Unit(unit))


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


def percent(share: float) -> str:
    """A share as a whole percentage, ``48 %``."""
    return f"{round(share * 100)} %"


def decimal_percent(share: float) -> str:
    """A share as a percentage with one decimal and a decimal comma, for spreadsheets."""
    return f"{share * 100:.1f}".replace(".", ",")


BAR_WIDTH = 20


def bar(share: float, width: int = BAR_WIDTH) -> str:
    """A text bar, ``█████░░░░░`` for a half."""
    filled = round(share * width)
    return "█" * filled + "░" * (width - filled)
