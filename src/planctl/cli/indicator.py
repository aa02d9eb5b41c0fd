"""``planctl indicator set``: record a measured value for a target."""

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


def indicator_set(
    ctx: typer.Context,
    target: Annotated[
        str,
        typer.Argument(
            metavar="RAD|INSATS",
            help="Radens id (t.ex. LB-4) eller katalogens insatsnummer (t.ex. 84).",
            show_default=False,
        ),
    ],
    value: Annotated[
        str,
        typer.Argument(
            metavar="VÄRDE",
            help="Det uppmätta värdet, med decimalkomma och enhet om du vill: 12,5 · 90 % · "
            "1500 kr.",
            show_default=False,
        ),
    ],
    round_id: Annotated[
        str,
        typer.Option(
            "--round", "-r", help="Uppföljningsomgång, t.ex. 2018-05.", show_default=False
        ),
    ],
    date: DateOption = None,
    note: Annotated[str | None, note_option("Notering till mätningen.")] = None,
    by: ByOption = None,
    measure: Annotated[
        int | None,
        typer.Option(
            "--measure",
            "--insats",
            metavar="NR",
            help="Insatsen vars mål värdet mäter, när raden följer flera mål.",
            show_default=False,
        ),
    ] = None,
    dry_run: DryRunOption = False,
    plan_id: PlanOption = None,
) -> None:
    """Registrera ett mätvärde för ett mål: en ny post sist i radens mätningar.

    Värdet kontrolleras mot målets enhet och tillåtna värden.

    Bara de nya raderna läggs till i filen; allt annat lämnas orört.
    """
    from planctl.writing.measurement import MeasurementRequest, prepare_measurement
    from planctl.writing.status import parse_date

    day = parse_date(date) if date is not None else None
    request = MeasurementRequest(target, value, round_id, day, measure, note=note, by=by)
    write_plan(
        settings_of(ctx),
        lambda plan, catalogue, today: prepare_measurement(plan, catalogue, request, today=today),
        plan_id=plan_id,
        row_ids=() if target.strip().isdecimal() else (target,),
        dry_run=dry_run,
    )


def indicator_correct(
    ctx: typer.Context,
    row: Annotated[str, typer.Argument(metavar="ID", help="Radens id, t.ex. LB-4.")],
    value: Annotated[
        str,
        typer.Argument(metavar="VÄRDE", help="Det rätta värdet, som för 'indicator set'."),
    ],
    entry: Annotated[str, entry_option("Mätningen som är fel: dess nummer (1, 2, …) eller datum.")],
    note: Annotated[str | None, note_option("Varför värdet rättas.")] = None,
    by: ByOption = None,
    dry_run: DryRunOption = False,
    plan_id: PlanOption = None,
) -> None:
    """Rätta en mätning: en ny mätning med 'rättar: N' läggs sist; den felaktiga räknas inte.

    Den felaktiga mätningen står kvar i filen (historiken redigeras aldrig).
    """
    from planctl.writing.measurement import MeasurementCorrection, prepare_measurement_correction

    request = MeasurementCorrection(row, entry, value, note=note, by=by)
    write_plan(
        settings_of(ctx),
        lambda plan, catalogue, today: prepare_measurement_correction(
            plan, catalogue, request, today=today
        ),
        plan_id=plan_id,
        dry_run=dry_run,
    )
