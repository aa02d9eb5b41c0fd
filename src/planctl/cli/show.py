"""``planctl show``: one plan row or one catalogue measure in full."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from planctl.cli.options import Format, FormatOption, PlanOption
from planctl.cli.settings import settings_of, stdout_console
from planctl.errors import UsageError


def show(
    ctx: typer.Context,
    item: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="Radens id (t.ex. LB-4) eller insatsens nummer (t.ex. 47)."
        ),
    ],
    plan_id: PlanOption = None,
    fmt: FormatOption = Format.TABLE,
) -> None:
    """Visa en planrad eller en insats i sin helhet, med historik och kopplingar."""
    from planctl.query import match_row
    from planctl.records import measure_detail, row_detail
    from planctl.render.detail import measure_view, row_view
    from planctl.render.jsondoc import to_json

    data = settings_of(ctx).load(None if item.strip().isdigit() else plan_id)
    catalogue = data.catalogue.model if data.catalogue else None
    if item.strip().isdigit():
        measure = catalogue.measure(int(item)) if catalogue else None
        if catalogue is None or measure is None:
            raise UsageError(f"insats {item.strip()} finns inte i katalogen")
        plans = [loaded.model for loaded in data.plans]
        record = measure_detail(catalogue, measure, plans)
        view = measure_view(record)
    else:
        plan = data.plan(plan_id, row_ids=(item,)).model
        record = row_detail(plan, match_row(plan, item), catalogue, today=settings_of(ctx).today)
        view = row_view(record)
    if fmt is Format.JSON:
        sys.stdout.write(to_json(record))
        return
    stdout_console().print(view)
