"""``planctl history``: the status history of a row or of the whole plan."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from planctl.cli.options import HistoryFormat, PlanOption
from planctl.cli.settings import settings_of, stdout_console
from planctl.render.formats import format_help


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
            help="Från ett datum (ÅÅÅÅ-MM-DD) eller en uppföljning (t.ex. 2018-05: omgångens "
            "poster och allt daterat från omgångens datum).",
            show_default=False,
        ),
    ] = None,
    plan_id: PlanOption = None,
    fmt: Annotated[
        HistoryFormat,
        typer.Option("--format", "-f", help=format_help("history")),
    ] = "table",
) -> None:
    """Visa statushistoriken för en rad, eller alla statusändringar i planen i datumordning."""
    from planctl.query import match_row, match_since
    from planctl.records import history_records
    from planctl.render.history import changes_table, history_markdown
    from planctl.render.jsondoc import to_json

    rows = (item,) if item is not None else ()
    plan = settings_of(ctx).load(plan_id).plan(plan_id, row_ids=rows).model
    row = match_row(plan, item) if item is not None else None
    records = history_records(plan, row, match_since(plan, since) if since else None)
    title = f"{row.id}: {row.proposal}" if row else f"{plan.meta.organisation}: statushistorik"
    if since:
        title += f" (från {since})"
    if fmt == "json":
        sys.stdout.write(to_json(records))
    elif fmt == "markdown":
        sys.stdout.write(history_markdown(records, title=title))
    else:
        stdout_console().print(changes_table(records, title=title))
