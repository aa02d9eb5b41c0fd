"""``planctl report``: the follow-up report."""

from __future__ import annotations

from typing import Annotated

import typer

from planctl.cli.options import (
    AreaOption,
    OutputOption,
    PlanOption,
    ReportFormatOption,
    ResponsibleOption,
)
from planctl.cli.output import emit_report
from planctl.cli.settings import settings_of


def report(
    ctx: typer.Context,
    area: AreaOption = None,
    responsible: ResponsibleOption = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            help="Bara rader med statusen (som den var vid tidpunkten rapporten visar).",
            show_default=False,
        ),
    ] = None,
    round_id: Annotated[
        str | None,
        typer.Option(
            "--round",
            metavar="OMGÅNG",
            help="Visa läget vid uppföljningen OMGÅNG (t.ex. 2018-05), per omgångens datum.",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATUM",
            help="Visa läget ett visst datum (ÅÅÅÅ-MM-DD). Standard: i dag.",
            show_default=False,
        ),
    ] = None,
    changes_since: Annotated[
        str | None,
        typer.Option(
            "--changes-since",
            metavar="OMGÅNG|DATUM",
            help="Visa bara rader som bytt status sedan OMGÅNG eller DATUM, från → till.",
            show_default=False,
        ),
    ] = None,
    plan_id: PlanOption = None,
    fmt: ReportFormatOption = None,
    output: OutputOption = None,
) -> None:
    """Skriv uppföljningsrapporten: bilagans tabell per område med status och noteringar.

    Kolumnerna är planens egna statusar. Varje område och hela planen får antal per status, ej
    uppföljda och försenade, andel klart och en stapel. En rad är försenad när startperioden är
    slut men raden ej startad, eller slutperioden är slut men raden inte klar; en rad utan status
    är ej uppföljd. * markerar rader som kräver särskilda resurser.
    """
    from planctl.query import row_filter
    from planctl.report import build_report, choose_moments

    settings = settings_of(ctx)
    data = settings.load(plan_id)
    plan = data.plan(plan_id).model
    shown, since = choose_moments(
        plan,
        today=settings.today_for(plan),
        round_id=round_id,
        as_of=as_of,
        changes_since=changes_since,
    )
    wanted = row_filter(plan, area=area, responsible=responsible, status=status)
    built = build_report(
        plan,
        wanted=wanted,
        as_of=shown,
        since=since,
        produced=settings.produced,
        catalogue=data.catalogue.model if data.catalogue else None,
    )
    emit_report(built, fmt, output, data_root=settings.known_data_root())
