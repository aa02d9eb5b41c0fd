"""``planctl changes``: what changed in the plan between two git revisions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planctl.cli.options import ChangesFormatOption, ChangesOutputOption
from planctl.cli.output import emit
from planctl.cli.settings import settings_of


def changes(
    ctx: typer.Context,
    base: Annotated[
        str,
        typer.Argument(
            metavar="BASE", help="Revisionen att jämföra från, t.ex. origin/main eller en commit."
        ),
    ],
    head: Annotated[
        str | None,
        typer.Argument(
            metavar="HEAD",
            help="Revisionen att jämföra med. Standard: arbetskopian (filerna som de är nu).",
            show_default=False,
        ),
    ] = None,
    fmt: ChangesFormatOption = None,
    output: ChangesOutputOption = None,
) -> None:
    """Visa vad som ändrats i planen mellan två git-revisioner, som Markdown för en PR-kommentar.

    Listar nya, borttagna och omformulerade rader och varje statusändring (från → till, med
    datum och notering). Fungerar i en grund kloning när BASE har hämtats.
    """
    from planctl.changes import changes_between
    from planctl.render.validation import changes_markdown

    settings = settings_of(ctx)
    report = changes_between(settings.data_root(), base, head, cwd=Path.cwd())
    emit(
        "changes",
        fmt,
        output,
        text=lambda _chosen: changes_markdown(report),
        view=lambda: changes_markdown(report),
        data_root=settings.known_data_root(),
    )
