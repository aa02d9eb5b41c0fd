"""``planctl changes``: what changed in the plan between two git revisions."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

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
) -> None:
    """Visa vad som ändrats i planen mellan två git-revisioner, som Markdown för en PR-kommentar.

    Listar nya, borttagna och omformulerade rader och varje statusändring (från → till, med
    datum och notering). Fungerar i en grund kloning när BASE har hämtats.
    """
    from planctl.changes import changes_between
    from planctl.render.validation import changes_markdown

    report = changes_between(settings_of(ctx).data_root(), base, head, cwd=Path.cwd())
    sys.stdout.write(changes_markdown(report))
