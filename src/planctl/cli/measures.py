"""``planctl measures``: the catalogue's measures, filtered."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from planctl.cli.options import AreaOption, FormatOption, PlanOption, SearchOption
from planctl.cli.settings import settings_of, stdout_console


def list_measures(
    ctx: typer.Context,
    area: AreaOption = None,
    search: SearchOption = None,
    uncovered: Annotated[
        bool,
        typer.Option("--uncovered", help="Bara de insatser som planen inte genomför."),
    ] = False,
    plan_id: PlanOption = None,
    fmt: FormatOption = "table",
) -> None:
    """Lista katalogens insatser, med filter."""
    from planctl.coverage import covered_ids
    from planctl.query import filter_measures, match_catalogue_area
    from planctl.records import measure_record
    from planctl.render.jsondoc import to_json
    from planctl.render.rows import measures_table

    data = settings_of(ctx).load(plan_id)
    catalogue = data.require_catalogue()
    area_id = match_catalogue_area(catalogue, area).id if area is not None else None
    left_out = covered_ids(data.plan(plan_id).model) if uncovered else frozenset()
    records = [
        measure_record(catalogue, m)
        for m in filter_measures(catalogue, area=area_id, search=search)
        if m.id not in left_out
    ]
    if fmt == "json":
        sys.stdout.write(to_json(records))
        return
    title = f"{catalogue.meta.title}: {len(records)} av {len(catalogue.measures)} insatser"
    if uncovered:
        title += f" som {data.plan(plan_id).model.meta.organisation} inte genomför"
    stdout_console().print(measures_table(records, title=title))
