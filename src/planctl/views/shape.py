"""The JSON a view record writes: plain values, arrays and objects, typed for mypy.

Each view record defines its own JSON shape next to its fields (a ``json()`` method), so the
shapes documented in the README ("Utdata i JSON") are written in exactly one place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeAlias

JsonValue: TypeAlias = (
    "str | int | float | bool | Sequence[JsonValue] | Mapping[str, JsonValue] | None"
)
"""Any JSON value; arrays and objects read-only, so a record's tuples and lists both fit."""

JsonObject: TypeAlias = Mapping[str, JsonValue]
"""A JSON object: what every ``json()`` returns."""


def json_share(share: float) -> float:
    """A share between 0 and 1 as JSON writes it: rounded to four decimals."""
    return round(share, 4)
