"""``planctl remind``: before the meeting, the rows each role reports on."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated

import typer

from planctl.cli.options import PlanOption
from planctl.cli.settings import settings_of, stdout_console


class RemindFormat(enum.StrEnum):
    """Output formats of ``remind``."""

    TABLE = "table"
    MARKDOWN = "markdown"
    CSV = "csv"


def remind(
    ctx: typer.Context,
    round_id: Annotated[
        str | None,
        typer.Option(
            "--round",
            "-r",
            help="Uppföljningsomgången, t.ex. 2018-10. Standard: nästa omgång (annars den sista).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        RemindFormat,
        typer.Option("--format", "-f", help="Utdataformat: table, markdown eller csv."),
    ] = RemindFormat.TABLE,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Skriv till en fil.", show_default=False),
    ] = None,
    plan_id: PlanOption = None,
) -> None:
    """Inför mötet: per ansvarig roll, raderna att rapportera om vid omgången.

    Alla rader som inte är klara, med period, senaste status och notering och om raden är
    försenad – underlaget sekreteraren skickar ut före mötet.
    """
    from planctl.remind import build_reminder
    from planctl.render.remind import reminder_csv, reminder_markdown, reminder_view
    from planctl.writing.files import save_output

    settings = settings_of(ctx)
    plan = settings.load(plan_id).plan(plan_id).model
    reminder = build_reminder(plan, today=settings.today_for(plan), round_id=round_id)
    if fmt is RemindFormat.TABLE and output is None:
        stdout_console().print(reminder_view(reminder))
        return
    text = reminder_csv(reminder) if fmt is RemindFormat.CSV else reminder_markdown(reminder)
    if output is not None:
        shown = save_output(output, text.encode("utf-8"), base=Path.cwd())
        sys.stderr.write(f"planctl: skrev {shown} ({fmt.value})\n")
    else:
        sys.stdout.write(text)
