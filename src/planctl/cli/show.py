"""``planctl show``: one plan row or one catalogue measure in full."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from planctl.cli.options import FormatOption, PlanOption
from planctl.cli.settings import settings_of, stdout_console


def show(
    ctx: typer.Context,
    item: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="Radens id (t.ex. LB-4) eller insatsens nummer (t.ex. 47)."
        ),
    ],
    plan_id: PlanOption = None,
    fmt: FormatOption = "table",
) -> None:
    """Visa en planrad eller en insats i sin helhet, med historik och kopplingar."""
    from planctl.records import measure_number, show_record
    from planctl.render.detail import measure_view, row_view
    from planctl.render.jsondoc import to_json

    settings = settings_of(ctx)
    data = settings.load(None if measure_number(item) is not None else plan_id)
    kind, record = show_record(data, item, plan_id, today=settings.today)
    if fmt == "json":
        sys.stdout.write(to_json(record))
        return
    stdout_console().print(measure_view(record) if kind == "measure" else row_view(record))
