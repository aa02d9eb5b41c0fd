"""``planctl measures``: the catalogue's measures, filtered."""

from __future__ import annotations

from typing import Annotated

import typer

from planctl.cli.options import (
    AreaOption,
    MeasuresFormatOption,
    MeasuresOutputOption,
    PlanOption,
    SearchOption,
)
from planctl.cli.output import emit
from planctl.cli.settings import settings_of
from planctl.nouns import count_words


def list_measures(
    ctx: typer.Context,
    area: AreaOption = None,
    search: SearchOption = None,
    uncovered: Annotated[
        bool,
        typer.Option("--uncovered", help="Bara de insatser som planen inte genomför."),
    ] = False,
    plan_id: PlanOption = None,
    fmt: MeasuresFormatOption = None,
    output: MeasuresOutputOption = None,
) -> None:
    """Lista katalogens insatser, med filter."""
    from planctl.coverage import covered_ids
    from planctl.query import filter_measures, match_catalogue_area
    from planctl.render.jsondoc import to_json
    from planctl.render.rows import measures_table
    from planctl.views.rows import MeasureView

    settings = settings_of(ctx)
    data = settings.load(plan_id)
    catalogue = data.require_catalogue()
    area_id = match_catalogue_area(catalogue, area).id if area is not None else None
    left_out = covered_ids(data.plan(plan_id).model) if uncovered else frozenset()
    measures = tuple(
        MeasureView.of(catalogue, m)
        for m in filter_measures(catalogue, area=area_id, search=search)
        if m.id not in left_out
    )
    of = count_words(len(catalogue.measures), "insats", "insatser")
    title = f"{catalogue.meta.title}: {len(measures)} av {of}"
    if uncovered:
        title += f" som {data.plan(plan_id).model.meta.organisation} inte genomför"
    emit(
        "measures",
        fmt,
        output,
        text=lambda _fmt: to_json([m.json() for m in measures]),
        view=lambda: measures_table(measures, title=title),
        data_root=settings.known_data_root(),
    )
