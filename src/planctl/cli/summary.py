"""``planctl summary``: every plan in the data directory at a glance."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planctl.cli.options import SummaryFormatOption, SummaryOutputOption
from planctl.cli.output import emit
from planctl.cli.settings import job_count, settings_of


def summary(
    ctx: typer.Context,
    top: Annotated[
        int,
        typer.Option(
            "--top", min=1, help="Hur många insatser som visas som mest och minst genomförda."
        ),
    ] = 5,
    fmt: SummaryFormatOption = None,
    output: SummaryOutputOption = None,
) -> None:
    """Sammanställ alla planer i datakatalogen: status per plan och insatsernas spridning."""
    import functools

    from planctl.parallel import check_paths
    from planctl.render.analysis import render_analysis
    from planctl.store import data_dir_files, no_catalogue, no_plans
    from planctl.summary import plan_facts, summarise_facts

    settings = settings_of(ctx)
    root = settings.data_root()
    checked = check_paths(
        data_dir_files(root, base=Path.cwd()),
        today=settings.today,
        now=settings.now,
        base=Path.cwd(),
        root=root,
        jobs=job_count(),
        each_plan=functools.partial(plan_facts, today=settings.today, now=settings.now),
    ).require_valid()
    if checked.catalogue is None:
        raise no_catalogue(root)
    if not checked.results:
        raise no_plans(root)
    result = summarise_facts(checked.catalogue, checked.results, today=settings.today, top=top)
    emit(
        "summary",
        fmt,
        output,
        text=lambda chosen: str(render_analysis(result, chosen)),
        view=lambda: render_analysis(result, "table"),
        data_root=settings.known_data_root(),
    )
