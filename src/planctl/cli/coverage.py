"""``planctl coverage``: how much of the catalogue a plan carries out."""

from __future__ import annotations

from typing import Annotated

import typer

from planctl.cli.options import CoverageFormatOption, CoverageOutputOption, PlanOption
from planctl.cli.output import emit
from planctl.cli.settings import settings_of


def coverage(
    ctx: typer.Context,
    plan_id: PlanOption = None,
    area: Annotated[
        str | None,
        typer.Option(
            "--area",
            "-a",
            help="Bara ett av katalogens områden (t.ex. god-introduktion, halsoframjande).",
            show_default=False,
        ),
    ] = None,
    by_row: Annotated[
        bool, typer.Option("--by-row", help="Visa varje planrad med de insatser den genomför.")
    ] = False,
    fmt: CoverageFormatOption = None,
    output: CoverageOutputOption = None,
) -> None:
    """Visa hur stor del av katalogens insatser planen genomför, per område."""
    from planctl.coverage import plan_coverage, row_coverage
    from planctl.query import match_catalogue_area
    from planctl.render.analysis import render_analysis

    settings = settings_of(ctx)
    data = settings.load(plan_id)
    catalogue, plan = data.require_catalogue(), data.plan(plan_id).model
    area_id = match_catalogue_area(catalogue, area).id if area is not None else None
    build = row_coverage if by_row else plan_coverage
    result = build(catalogue, plan, area=area_id)
    emit(
        "coverage",
        fmt,
        output,
        text=lambda chosen: str(render_analysis(result, chosen)),
        view=lambda: render_analysis(result, "table"),
        data_root=settings.known_data_root(),
    )
