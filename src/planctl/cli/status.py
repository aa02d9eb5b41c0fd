"""``planctl status set``: record the status of one or more rows."""

from __future__ import annotations

from typing import Annotated

import typer

from planctl.cli.options import (
    ByOption,
    DateOption,
    DryRunOption,
    PlanOption,
    entry_option,
    note_option,
)
from planctl.cli.plan_writes import write_plan
from planctl.cli.settings import settings_of
from planctl.errors import UsageError


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
    note: Annotated[str | None, note_option("Notering till posten.")] = None,
    date: DateOption = None,
    by: ByOption = None,
    round_id: Annotated[
        str | None,
        typer.Option(
            "--round",
            "-r",
            help="Uppföljningsomgång, t.ex. 2018-05. Utan --date dateras posten på omgångens "
            "datum (i dag om det inte har passerat). Standard: omgången som datumet infaller i "
            "eller före.",
            show_default=False,
        ),
    ] = None,
    dry_run: DryRunOption = False,
    plan_id: PlanOption = None,
) -> None:
    """Registrera status för en eller flera rader: en ny post sist i varje rads historik.

    Samma status som raden redan har är en bekräftelse (granskad, oförändrad) när raden
    ännu saknar post för omgången; annars registreras den bara med --note.

    Ett datum på eller efter nästa omgångs datum vägras för en tidigare omgång.

    Ett datum i framtiden eller före radens senaste post vägras.

    Bara de nya raderna läggs till i filen; allt annat lämnas orört.
    """
    from planctl.writing.status import StatusRequest, parse_date, prepare_status, split_arguments

    ids, status = split_arguments(args)
    day = parse_date(date) if date is not None else None
    request = StatusRequest(ids, status, day, note=note, by=by, round_id=round_id)
    write_plan(
        settings_of(ctx),
        lambda plan, _catalogue, today: prepare_status(plan, request, today=today),
        plan_id=plan_id,
        row_ids=ids,
        dry_run=dry_run,
    )


def status_correct(
    ctx: typer.Context,
    args: Annotated[
        list[str],
        typer.Argument(
            metavar="ID STATUS",
            help="Raden och den status som är rätt för den felaktiga posten.",
            show_default=False,
        ),
    ],
    entry: Annotated[
        str,
        entry_option("Posten som är fel: dess nummer i radens historik (1, 2, …) eller datum."),
    ],
    note: Annotated[str | None, note_option("Varför posten rättas.")] = None,
    by: ByOption = None,
    dry_run: DryRunOption = False,
    plan_id: PlanOption = None,
) -> None:
    """Rätta en post: en ny post med 'rättar: N' läggs sist; den felaktiga räknas inte längre.

    Den felaktiga posten står kvar i filen (historiken redigeras aldrig); history och show
    visar båda, och rättelsen hör till samma uppföljning som den rättade posten.
    """
    from planctl.writing.correction import CorrectionRequest, prepare_correction
    from planctl.writing.status import split_arguments

    ids, status = split_arguments(args)
    if len(ids) != 1:
        raise UsageError("ange en rad och en status, t.ex. 'planctl status correct LB-4 klart'")
    request = CorrectionRequest(ids[0], entry, status, note=note, by=by)
    write_plan(
        settings_of(ctx),
        lambda plan, _catalogue, today: prepare_correction(plan, request, today=today),
        plan_id=plan_id,
        dry_run=dry_run,
    )
