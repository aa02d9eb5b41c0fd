"""``planctl import``: an existing plan in Word, Excel or CSV as plan YAML."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planctl.cli.options import ORGANISATION, TITLE, NewPlanIdOption, file_option
from planctl.cli.settings import settings_of

if TYPE_CHECKING:
    from planctl.importing import ImportResult


def print_summary(result: ImportResult) -> None:
    """The mapping summary and warnings of an import, on stderr."""
    lines = [f"planctl: {line}" for line in result.mapping]
    lines += [f"planctl: varning: {line}" for line in result.warnings]
    sys.stderr.write("\n".join(lines) + "\n")


def import_plan(
    ctx: typer.Context,
    source: Annotated[
        Path,
        typer.Argument(
            metavar="FIL",
            help="Planen som Word (.docx), Excel (.xlsx) eller CSV (.csv).",
            show_default=False,
        ),
    ],
    area_from: Annotated[
        str,
        typer.Option(
            "--area-from",
            metavar="heading|column",
            help="Var radens område står: rubriken ovanför tabellen (eller bladets namn) eller "
            "en kolumn Område. Standard: kolumnen om den finns, annars rubriken.",
            show_default=False,
        ),
    ] = "auto",
    round_id: Annotated[
        str | None,
        typer.Option(
            "--round",
            metavar="OMGÅNG",
            help="Uppföljningen som källans statusmarkeringar gäller, t.ex. 2018-05.",
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="ÅÅÅÅ-MM-DD",
            help="Dagen statusmarkeringarna gällde. Standard med --round ÅÅÅÅ-MM: månadens "
            "sista dag.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        file_option(
            "Planfilen att skriva. Standard: den tomma planen från planctl init, annars "
            "data/ID.yaml."
        ),
    ] = None,
    organisation: Annotated[str | None, ORGANISATION] = None,
    title: Annotated[str | None, TITLE] = None,
    plan_id: NewPlanIdOption = None,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Skriv planens YAML på stdout och ändra ingenting."),
    ] = False,
) -> None:
    """Läs in en befintlig plan från Word, Excel eller CSV som plan-YAML.

    Tabeller vars rubrikrad namnger förslagen (Förslag, Åtgärd, Aktivitet eller Insats) läses;
    en sammanfattning av vilken kolumn som blev vilket fält skrivs på stderr. Skriver aldrig
    över en fil.
    """
    from planctl import dates
    from planctl.documents import display_path
    from planctl.errors import InputError
    from planctl.importing.planfile import parse_follow_up
    from planctl.render.words import count_words
    from planctl.writing.imports import plan_import, write_import

    settings = settings_of(ctx)
    day = None
    if date is not None:
        day = dates.parse_date(date, name="--date")
    try:
        data_dir: Path | None = settings.data_root()
    except InputError:  # no data directory: then only --output says where the plan goes
        data_dir = None
    planned = plan_import(
        source,
        data_dir=data_dir,
        output=output,
        organisation=organisation,
        title=title,
        plan_id=plan_id,
        area_from=area_from,
        follow_up=parse_follow_up(round_id, day),
        today=settings.today,
        base=Path.cwd(),
    )
    print_summary(planned.result)
    if dry_run:
        sys.stdout.write(planned.result.text)
        return
    write_import(planned, base=Path.cwd())
    shown = display_path(planned.target, Path.cwd())
    verb = "fyllde i den tomma planen" if planned.replaces is not None else "skrev"
    rows = len(planned.result.rows)
    areas = len(planned.result.areas)
    history = planned.result.history_entries
    extra = f" och {count_words(history, 'historikpost', 'historikposter')}" if history else ""
    sys.stderr.write(
        f"planctl: {verb} {shown}: {count_words(rows, 'rad', 'rader')} i "
        f"{count_words(areas, 'område', 'områden')}{extra}\n"
    )
