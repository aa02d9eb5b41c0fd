"""Scalar types of the model that check what YAML gives them: numbers and time zones.

A number must be finite (``nan``, ``.inf`` and ``1e999`` are refused) and is kept exactly: an
integer stays an int, a decimal a float. ``12,5`` is text in YAML; it gets one Swedish message
that suggests the point. A time zone is an IANA name (``Europe/Helsinki``).
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BeforeValidator, StrictStr, WithJsonSchema
from pydantic_core import PydanticCustomError

_DECIMAL_COMMA = re.compile(r"[-+−]?\d+,\d+")


def _number(value: Any) -> Any:
    """A finite int or float as YAML gives it; one Swedish message for anything else.

    ``12,5`` is text in YAML, the commonest slip of a Swede; it gets a hint about the point.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        if isinstance(value, str) and _DECIMAL_COMMA.fullmatch(value.strip()):
            raise PydanticCustomError(
                "decimal_comma",
                "{value} är text i YAML; skriv talet med decimalpunkt: {suggestion}",
                {"value": repr(value), "suggestion": value.strip().replace(",", ".")},
            )
        raise PydanticCustomError("number_type", "ska vara ett tal", {})
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError(
            "number_not_finite",
            "ska vara ett tal; {value} (oändligt eller inte ett tal) går inte",
            {"value": repr(value)},
        )
    return value


def _time_zone(value: Any) -> Any:
    if isinstance(value, str):
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"okänd tidszon {value!r}; skriv ett IANA-namn som Europe/Stockholm"
            ) from None
    return value


Number = Annotated[
    int | float,
    BeforeValidator(_number),
    WithJsonSchema({"type": "number"}),
]
"""A finite number: an integer stays an int (exact at any size), a decimal is a float."""

ZONE_TEXT = (
    "Tidszonen som planens 'i dag' räknas i (IANA-namn, t.ex. Europe/Helsinki). "
    "Standard: Europe/Stockholm."
)
TimeZone = Annotated[
    StrictStr,
    BeforeValidator(_time_zone),
    WithJsonSchema({"type": "string", "pattern": r"^[A-Za-z_]+(?:/[A-Za-z0-9_+-]+)*$"}),
]
"""An IANA time zone name such as ``Europe/Stockholm``."""
