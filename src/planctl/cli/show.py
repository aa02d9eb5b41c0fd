"""``planctl show``: one plan row or one catalogue measure in full."""

from __future__ import annotations

from typing import Annotated

import typer

from planctl.cli.options import PlanOption, ShowFormatOption, ShowOutputOption
from planctl.cli.output import emit
from planctl.cli.settings import settings_of


def show(
    ctx: typer.Context,
    item: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="Radens id (t.ex. LB-4) eller insatsens nummer (t.ex. 47)."
        ),
    ],
    plan_id: PlanOption = None,
    fmt: ShowFormatOption = None,
    output: ShowOutputOption = None,
) -> None:
    """Visa en planrad eller en insats i sin helhet, med historik och kopplingar."""
    from planctl.render.detail import show_panel
    from planctl.render.jsondoc import to_json
    from planctl.views.detail import measure_number, show_view

    settings = settings_of(ctx)
    data = settings.load(None if measure_number(item) is not None else plan_id)
    view = show_view(data, item, plan_id, today=settings.today, now=settings.now)
    emit(
        "show",
        fmt,
        output,
        text=lambda _fmt: to_json(view.json()),
        view=lambda: show_panel(view),
        data_root=settings.known_data_root(),
    )
