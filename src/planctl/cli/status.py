"""``planctl status set``: record the status of one or more rows."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planctl.cli.options import ByOption, DateOption, PlanOption
from planctl.cli.output import report_outcome
from planctl.cli.settings import settings_of


def status_set(
    ctx: typer.Context,
    args: Annotated[
        list[str],
        typer.Argument(
            metavar="ID STATUS",
            help="En eller flera rader och den nya statusen, en av planens statusar (utan "
            "statusar i planen: klart, påbörjat eller ej-påbörjat); valfritt skiftläge, utan "
            "å/ä/ö och förkortat går bra.",
            show_default=False,
        ),
    ],
    note: Annotated[
        str | None,
        typer.Option("--note", "-n", help="Notering till posten.", show_default=False),
    ] = None,
    date: DateOption = None,
    by: ByOption = None,
    round_id: Annotated[
        str | None,
        typer.Option(
            "--round",
            "-r",
            help="Uppföljningsomgång, t.ex. 2018-05. Standard: omgången som datumet infaller i "
            "eller före.",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Visa diffen som skulle skrivas; ändra ingenting.")
    ] = False,
    plan_id: PlanOption = None,
) -> None:
    """Registrera status för en eller flera rader: en ny post sist i varje rads historik.

    Samma status som raden redan har registreras bara med --note (en ny iakttagelse).

    Ett datum i framtiden eller före radens senaste post vägras.

    Bara de nya raderna läggs till i filen; allt annat lämnas orört.
    """
    from planctl.writing.status import (
        StatusRequest,
        parse_date,
        prepare_status,
        split_arguments,
        update_plan,
    )

    settings = settings_of(ctx)
    ids, status = split_arguments(args)
    day = parse_date(date) if date is not None else settings.today
    request = StatusRequest(ids, status, day, note=note, by=by, round_id=round_id)
    outcome = update_plan(
        settings.data_root(),
        lambda plan, _catalogue: prepare_status(plan, request, today=settings.today_for(plan)),
        today=settings.today,
        now=settings.now,
        base=Path.cwd(),
        plan_id=plan_id,
        row_ids=ids,
        dry_run=dry_run,
    )
    report_outcome(outcome, dry_run=dry_run)
