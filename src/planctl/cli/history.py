"""``planctl history``: the status history of a row or of the whole plan."""

from __future__ import annotations

from typing import Annotated

import typer

from planctl.cli.options import HistoryFormatOption, HistoryOutputOption, PlanOption
from planctl.cli.output import emit
from planctl.cli.settings import settings_of


def history(
    ctx: typer.Context,
    item: Annotated[
        str | None,
        typer.Argument(
            metavar="[ID]", help="Radens id. Standard: hela planen.", show_default=False
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="Från ett datum (ÅÅÅÅ-MM-DD) eller en uppföljning (t.ex. 2018-05: poster som "
            "hör till omgången eller en senare).",
            show_default=False,
        ),
    ] = None,
    plan_id: PlanOption = None,
    fmt: HistoryFormatOption = None,
    output: HistoryOutputOption = None,
) -> None:
    """Visa statushistoriken för en rad, eller alla statusändringar i planen i datumordning."""
    from planctl.query import match_row, match_since
    from planctl.render.history import changes_table, history_markdown
    from planctl.render.jsondoc import to_json
    from planctl.views.history import history_views

    rows = (item,) if item is not None else ()
    settings = settings_of(ctx)
    plan = settings.load(plan_id).plan(plan_id, row_ids=rows).model
    row = match_row(plan, item) if item is not None else None
    views = history_views(plan, row, match_since(plan, since) if since else None)
    title = f"{row.id}: {row.proposal}" if row else f"{plan.meta.organisation}: statushistorik"
    if since:
        title += f" (från {since})"
    emit(
        "history",
        fmt,
        output,
        text=lambda chosen: (
            to_json([v.json() for v in views])
            if chosen == "json"
            else history_markdown(views, title=title)
        ),
        view=lambda: changes_table(views, title=title),
        data_root=settings.known_data_root(),
    )
