"""``planctl remind``: before the meeting, the rows each role reports on."""

from __future__ import annotations

from typing import Annotated

import typer

from planctl.cli.options import PlanOption, RemindFormatOption, RemindOutputOption
from planctl.cli.output import emit
from planctl.cli.settings import settings_of


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
    fmt: RemindFormatOption = None,
    output: RemindOutputOption = None,
    plan_id: PlanOption = None,
) -> None:
    """Inför mötet: per ansvarig roll, raderna att rapportera om vid omgången.

    Alla rader som inte är klara, med period, senaste status och notering och om raden är
    försenad – underlaget sekreteraren skickar ut före mötet.
    """
    from planctl.remind import build_reminder
    from planctl.render.remind import reminder_csv, reminder_markdown, reminder_view

    settings = settings_of(ctx)
    plan = settings.load(plan_id).plan(plan_id).model
    reminder = build_reminder(plan, today=settings.today_for(plan), round_id=round_id)
    emit(
        "remind",
        fmt,
        output,
        text=lambda chosen: (
            reminder_csv(reminder) if chosen == "csv" else reminder_markdown(reminder)
        ),
        view=lambda: reminder_view(reminder),
        data_root=settings.known_data_root(),
    )
