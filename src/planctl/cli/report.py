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
    appendix: Annotated[
        str | None,
        typer.Option(
            "--bilaga",
            metavar="TEXT",
            help='Bilagans beteckning i sidhuvudet, t.ex. "Bilaga 2" (docx, pdf och utskrift '
            "av html).",
            show_default=False,
        ),
    ] = None,
    case_number: Annotated[
        str | None,
        typer.Option(
            "--diarienummer",
            "--dnr",
            metavar="TEXT",
            help='Ärendets diarienummer i sidhuvudet, t.ex. "KS 2018/123".',
            show_default=False,
        ),
    ] = None,
    orientation: Annotated[
        str,
        typer.Option(
            "--orientation",
            "--sidorientering",
            metavar="auto|stående|liggande",
            help="Sidornas orientering i docx och pdf. auto: liggande när bilagans tabell "
            "behöver bredden.",
        ),
    ] = "auto",
) -> None:
    """Skriv uppföljningsrapporten: bilagans tabell per område med status och noteringar.

    Kolumnerna är planens egna statusar. Varje område och hela planen får antal per status, ej
    uppföljda och försenade, andel klart och en stapel. En rad är försenad när startperioden är
    slut men raden ej startad, eller slutperioden är slut men raden inte klar; en rad utan status
    är ej uppföljd. * markerar rader som kräver särskilda resurser.

    Som Word (-o rapport.docx) och PDF (-o rapport.pdf) blir rapporten nämndens bilaga: A4 med
    planens titel, --bilaga och --diarienummer i sidhuvudet och "Sida X av Y" i sidfoten,
    diagram över framstegen per uppföljning och en teckenförklaring.
    """
    from planctl.query import row_filter
    from planctl.render.appendix import DocumentOptions, orientation_of
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
    options = DocumentOptions(appendix, case_number, orientation_of(orientation))
    emit_report(built, fmt, output, options, data_root=settings.known_data_root())
