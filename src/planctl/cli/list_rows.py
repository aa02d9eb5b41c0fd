"""``planctl list``: the plan's rows, filtered."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from planctl.cli.options import (
    AreaOption,
    FormatOption,
    PlanOption,
    ResponsibleOption,
    SearchOption,
)
from planctl.cli.settings import settings_of, stdout_console

if TYPE_CHECKING:
    pass


def list_rows(
    ctx: typer.Context,
    area: AreaOption = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            help="En av planens statusar (utan statusar i planen: klart, påbörjat, "
            "ej-påbörjat), eller ej-uppföljd för rader utan status.",
            show_default=False,
        ),
    ] = None,
    responsible: ResponsibleOption = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--start",
            help="Rader som startar inom perioden, t.ex. HT2017, 'våren 2018', 'Q3 2018', 2018.",
            show_default=False,
        ),
    ] = None,
    needs_funding: Annotated[
        bool | None,
        typer.Option(
            "--needs-funding/--no-needs-funding",
            help="Bara rader som kräver (eller inte kräver) särskild finansiering.",
            show_default=False,
        ),
    ] = None,
    search: SearchOption = None,
    plan_id: PlanOption = None,
    fmt: FormatOption = "table",
) -> None:
    """Lista planens rader, med filter."""
    from planctl.query import filter_rows, row_filter
    from planctl.records import row_record
    from planctl.render.jsondoc import to_json
    from planctl.render.rows import rows_table

    plan = settings_of(ctx).load(plan_id).plan(plan_id).model
    wanted = row_filter(
        plan,
        area=area,
        status=status,
        responsible=responsible,
        start=start,
        needs_funding=needs_funding,
        search=search,
    )
    records = [row_record(plan, row) for row in filter_rows(plan, wanted)]
    if fmt == "json":
        sys.stdout.write(to_json(records))
        return
    title = f"{plan.meta.organisation}: {len(records)} av {len(plan.rows)} rader"
    stdout_console().print(rows_table(records, title=title))
