"""JSON Schema for the data files, generated from the pydantic models.

Editors (through the ``# yaml-language-server: $schema=…`` modeline in each data file) and other
validators use the committed copies under ``schema/``; a test keeps those equal to what this
module generates. Titles and descriptions are Swedish, like the keys.
"""

from __future__ import annotations

import enum
from typing import Any

from pydantic import BaseModel

from planctl.models import ENUM_SCHEMA_TEXT, Catalogue, Plan

DIALECT = "https://json-schema.org/draft/2020-12/schema"


class SchemaKind(enum.StrEnum):
    """Which data file a schema describes."""

    CATALOGUE = "catalogue"
    PLAN = "plan"


MODELS: dict[SchemaKind, type[BaseModel]] = {
    SchemaKind.CATALOGUE: Catalogue,
    SchemaKind.PLAN: Plan,
}


def schema_id(kind: SchemaKind) -> str:
    """The schema's ``$id``: a stable name, not a place to download it from."""
    return f"urn:planctl:schema:{kind.value}"


def schema_file_name(kind: SchemaKind) -> str:
    """The committed file's name, as the data files' modelines refer to it."""
    return f"{kind.value}.schema.json"


def json_schema(kind: SchemaKind) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of data file, keyed by the Swedish YAML keys."""
    generated = MODELS[kind].model_json_schema(by_alias=True)
    # Pydantic takes an enum's description from its (English) docstring; swap in the Swedish.
    definitions = generated.get("$defs", {})
    for enum_class, (title, description) in ENUM_SCHEMA_TEXT.items():
        if enum_class.__name__ in definitions:
            definitions[enum_class.__name__].update(title=title, description=description)
    return {"$schema": DIALECT, "$id": schema_id(kind), **generated}
