"""``planctl init``: a new plan repository, ready for the working group."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated

import typer

from planctl.cli.settings import settings_of
from planctl.nouns import count_words


class CiHost(enum.StrEnum):
    """Where the new repository's CI runs."""

    GITHUB = "github"
    GITLAB = "gitlab"
    NONE = "none"


def init(
    ctx: typer.Context,
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="[KATALOG]", help="Katalogen att skapa repot i. Standard: aktuell katalog."
        ),
    ] = Path(),
    organisation: Annotated[
        str,
        typer.Option("--organisation", help="Kommun eller organisation.", show_default=False),
    ] = "",
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            help="Planens titel. Standard: Handlingsplan för ORGANISATION.",
            show_default=False,
        ),
    ] = None,
    ci: Annotated[
        CiHost,
        typer.Option("--ci", help="CI-arbetsflöde för github, gitlab eller none."),
    ] = CiHost.GITHUB,
    source: Annotated[
        Path | None,
        typer.Option(
            "--import",
            metavar="FIL",
            help="Läs in en befintlig plan (Word .docx, Excel .xlsx eller .csv) i stället "
            "för att börja med en tom.",
            show_default=False,
        ),
    ] = None,
    plan_id: Annotated[
        str | None,
        typer.Option(
            "--id",
            help="Planens id. Standard: bildas av organisationens namn.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Skapa ett planrepo: katalogen, scheman, en plan, CI, pre-commit och en README.

    Kör git init om katalogen inte redan ligger i ett git-arkiv. Skriver aldrig över en fil.
    """
    from planctl.documents import display_path
    from planctl.errors import UsageError
    from planctl.writing.newrepo import init_repository

    if not organisation.strip():
        raise UsageError('ange --organisation, t.ex. --organisation "Exempelkommun"')
    settings = settings_of(ctx)
    shown = display_path(folder, Path.cwd()) if folder != Path() else "."
    done = init_repository(
        folder,
        organisation=organisation,
        title=title,
        plan_id=plan_id,
        ci=ci.value,
        today=settings.today,
        shown=shown,
        source=source,
        base=Path.cwd(),
    )
    if done.imported is not None:
        from planctl.cli.import_plan import print_summary

        print_summary(done.imported)
    lines = [f"planctl: skapade {count_words(len(done.files), 'fil', 'filer')} i {shown}"]
    if done.git_initialised:
        lines.append("planctl: körde git init")
    else:
        lines.append(
            f"planctl: {shown} ligger redan i ett git-arkiv, så git init kördes inte; "
            "CI-filerna (.github/, .gitlab-ci.yml) verkar bara i arkivets rot"
        )
    lines.append(
        f"planctl: planen ligger i {done.plan_file}; kör 'planctl validate' och läs README.md"
    )
    sys.stderr.write("\n".join(lines) + "\n")
