"""``planctl list``: the plan's rows, filtered."""

from __future__ import annotations

from typing import Annotated

import typer

from planctl.cli.options import (
    AreaOption,
    ListFormatOption,
    ListOutputOption,
    PlanOption,
    ResponsibleOption,
    SearchOption,
)
from planctl.cli.output import emit
from planctl.cli.settings import settings_of
from planctl.nouns import count_words


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
    fmt: ListFormatOption = None,
    output: ListOutputOption = None,
) -> None:
    """Lista planens rader, med filter."""
    from planctl.query import filter_rows, row_filter
    from planctl.render.jsondoc import to_json
    from planctl.render.rows import rows_csv, rows_table
    from planctl.views.rows import RowView

    settings = settings_of(ctx)
    plan = settings.load(plan_id).plan(plan_id).model
    wanted = row_filter(
        plan,
        area=area,
        status=status,
        responsible=responsible,
        start=start,
        needs_funding=needs_funding,
        search=search,
    )
    rows = tuple(RowView.of(plan, row) for row in filter_rows(plan, wanted))
    title = (
        f"{plan.meta.organisation}: {len(rows)} av {count_words(len(plan.rows), 'rad', 'rader')}"
    )
    emit(
        "list",
        fmt,
        output,
        text=lambda chosen: (
            rows_csv(rows) if chosen == "csv" else to_json([r.json() for r in rows])
        ),
        view=lambda: rows_table(rows, title=title),
        data_root=settings.known_data_root(),
    )
