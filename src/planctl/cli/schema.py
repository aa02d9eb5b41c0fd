"""``planctl schema``: JSON Schema for the catalogue or a plan."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated

import typer

from planctl.cli.settings import settings_of


class SchemaChoice(enum.StrEnum):
    """The data files ``schema`` can describe (mirrors :class:`planctl.schema.SchemaKind`)."""

    CATALOGUE = "catalogue"
    PLAN = "plan"


def schema(
    ctx: typer.Context,
    kind: Annotated[
        SchemaChoice,
        typer.Argument(
            metavar="SLAG",
            help="Vilken fil schemat gäller: catalogue (katalogen) eller plan.",
        ),
    ] = SchemaChoice.PLAN,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Skriv schemat till FIL i stället för stdout.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Skriv JSON Schema (draft 2020-12) för katalogen eller en plan, genererat ur modellerna.

    Editorer som VS Code använder schemat för att komplettera och kontrollera fälten.
    """
    from planctl.render.formats import check_suffix
    from planctl.render.jsondoc import to_json
    from planctl.schema import SchemaKind, json_schema
    from planctl.writing.files import save_output

    text = to_json(json_schema(SchemaKind(kind.value)))
    if output is None:
        sys.stdout.write(text)
    else:
        check_suffix("json", output, by_option=False)
        root = settings_of(ctx).known_data_root()
        save_output(output, text.encode("utf-8"), base=Path.cwd(), data_root=root)
