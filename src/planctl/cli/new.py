"""``planctl new``: a new plan drafted from the catalogue."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from planctl.cli.options import ORGANISATION, TITLE, NewPlanIdOption
from planctl.cli.settings import settings_of


def new(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FIL",
            help="Den nya planfilen, t.ex. data/exempelkommun.yaml.",
            show_default=False,
        ),
    ],
    organisation: Annotated[str, ORGANISATION],
    title: Annotated[str, TITLE],
    measures: Annotated[
        str | None,
        typer.Option(
            "--measures",
            metavar="NR,…",
            help="Katalogens insatser, t.ex. 7,47,84.",
            show_default=False,
        ),
    ] = None,
    areas: Annotated[
        list[str] | None,
        typer.Option(
            "--area",
            "-a",
            metavar="OMRÅDE",
            help="Alla insatser i ett av katalogens områden (kan anges flera gånger).",
            show_default=False,
        ),
    ] = None,
    rounds: Annotated[
        str | None,
        typer.Option(
            "--rounds",
            metavar="ÅÅÅÅ-MM,…",
            help="Uppföljningsomgångar som månader, t.ex. 2026-05,2026-10.",
            show_default=False,
        ),
    ] = None,
    plan_id: NewPlanIdOption = None,
) -> None:
    """Skapa en ny plan ur katalogen: ett utkast per vald insats. Skriver aldrig över en fil."""
    from planctl.documents import display_path
    from planctl.newplan import choose_measures, new_plan, parse_measure_numbers, parse_rounds
    from planctl.render.outcome import new_plan_text
    from planctl.writing.files import check_new_plan, create_file

    settings = settings_of(ctx)
    data = settings.load()
    catalogue = data.require_catalogue()
    numbers = parse_measure_numbers(measures) if measures is not None else []
    draft = new_plan(
        catalogue,
        organisation=organisation,
        title=title,
        measures=choose_measures(catalogue, numbers=numbers, areas=areas or []),
        rounds=parse_rounds(rounds) if rounds is not None else [],
        today=settings.today,
        plan_id=plan_id,
        taken_ids=[loaded.model.meta.id for loaded in data.plans],
    )
    check_new_plan(
        file,
        draft.text,
        today=settings.today,
        base=Path.cwd(),
        catalogue=data.catalogue.path if data.catalogue else None,
    )
    create_file(file, draft.text, base=Path.cwd())
    shown = display_path(file, Path.cwd())
    sys.stderr.write(new_plan_text(shown, draft.plan_id, len(draft.measures), len(draft.areas)))
