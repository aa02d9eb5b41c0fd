"""The constrained scalar types every data file uses, and the strict base model of the files.

Scalars are strict: a text field never takes a number or a blank, ids have one spelling, dates
are written ``ÅÅÅÅ-MM-DD``. Each type also says in JSON Schema what it accepts. No I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, StrictStr, WithJsonSchema
from pydantic_core import PydanticCustomError

from planctl.dates import not_a_date
from planctl.terms import ACCEPTED_FORMS, parse_timing

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SLUG = re.compile(r"[a-zåäö0-9]+(?:-[a-zåäö0-9]+)*")
_ROW_ID = re.compile(r"[A-Za-zÅÄÖåäö0-9]+(?:[-.][A-Za-zÅÄÖåäö0-9]+)*")


def _iso_date(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    # the same words as a date typed on the command line (dates.not_a_date)
    raise PydanticCustomError("invalid_date", "{message}", {"message": not_a_date(value)})


def _no_surrounding_space(value: Any) -> None:
    # A quoted id with a stray space looks right in the file but never matches; say so plainly.
    if isinstance(value, str) and value.strip() and value != value.strip():
        raise PydanticCustomError(
            "id_whitespace",
            "id {value} har mellanslag först eller sist; ta bort dem",
            {"value": repr(value)},
        )


def _slug(value: Any) -> Any:
    _no_surrounding_space(value)
    if isinstance(value, str) and not _SLUG.fullmatch(value):
        raise ValueError(
            f"id {value!r} ska skrivas med gemener, siffror och bindestreck (t.ex. 'arbetsvillkor')"
        )
    return value


def _row_id(value: Any) -> Any:
    _no_surrounding_space(value)
    if isinstance(value, str) and not _ROW_ID.fullmatch(value):
        raise ValueError(
            f"id {value!r} får bara innehålla bokstäver, siffror och bindestreck (t.ex. 'LB-1')"
        )
    return value


def nonblank(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        raise ValueError("får inte vara tom")
    return value


# Each constrained type also says in JSON Schema what it accepts, so editors and other validators
# reject what planctl rejects. Dates stay strings in YAML (planctl never lets YAML build dates).
IsoDate = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
Text = Annotated[
    StrictStr,
    BeforeValidator(nonblank),
    WithJsonSchema({"type": "string", "minLength": 1, "pattern": r"\S"}),
]
Slug = Annotated[
    StrictStr,
    BeforeValidator(_slug),
    WithJsonSchema({"type": "string", "pattern": f"^{_SLUG.pattern}$"}),
]
RowId = Annotated[
    StrictStr,
    BeforeValidator(_row_id),
    WithJsonSchema({"type": "string", "pattern": f"^{_ROW_ID.pattern}$"}),
]
RoundId = RowId


def _period_text(value: Any) -> Any:
    nonblank(value)
    if isinstance(value, str) and parse_timing(value) is None:
        raise ValueError(f"kan inte tolka {value!r} som en period; skriv {ACCEPTED_FORMS}")
    return value


def _owners(value: Any) -> Any:
    # One role is written as a text, several as a list; both are kept as a tuple of roles.
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list | tuple):
        return value
    raise PydanticCustomError("owners_type", "ska vara en text eller en lista av texter")


# The roles responsible for a row: ``ansvar: Förvaltningschef`` or ``ansvar: [A, B]``.
Owners = Annotated[
    tuple[Text, ...],
    BeforeValidator(_owners),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "minLength": 1, "pattern": r"\S"},
                {
                    "type": "array",
                    "items": {"type": "string", "minLength": 1, "pattern": r"\S"},
                },
            ]
        }
    ),
]


# A period written in one of the forms :func:`planctl.terms.parse_timing` reads.
PeriodText = Annotated[
    StrictStr,
    BeforeValidator(_period_text),
    WithJsonSchema({"type": "string", "minLength": 1, "pattern": r"\S"}),
]


def schema_text(title: str, description: str) -> ConfigDict:
    """A model's Swedish title and description in JSON Schema (docstrings stay English)."""
    return ConfigDict(title=title, json_schema_extra={"description": description})


def _field_title(name: str, info: Any) -> str:
    # Titles from the Swedish key as a Swede would write them: "Lämnad datum", not "Lämnad Datum".
    key: str = info.alias or name
    return key.replace("_", " ").capitalize()


class StrictModel(BaseModel):
    """The base of every model of a data file: frozen, unknown keys forbidden, aliases only."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", validate_by_name=False, field_title_generator=_field_title
    )
