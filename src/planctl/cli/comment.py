"""``planctl comment``: the working group's assessment of a round."""

from __future__ import annotations

from typing import Annotated

import typer

from planctl.cli.options import AreaOption, ByOption, DryRunOption, PlanOption, date_option
from planctl.cli.plan_writes import write_plan
from planctl.cli.settings import settings_of


def comment(
    ctx: typer.Context,
    round_id: Annotated[
        str, typer.Argument(metavar="OMGÅNG", help="Uppföljningsomgången, t.ex. 2018-10.")
    ],
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Bedömningen.", show_default=False)],
    area: AreaOption = None,
    by: ByOption = None,
    date: Annotated[
        str | None, date_option("omgångens datum om det har passerat, annars i dag.")
    ] = None,
    dry_run: DryRunOption = False,
    plan_id: PlanOption = None,
) -> None:
    """Arbetsgruppens bedömning av en uppföljning, för hela planen eller ett område (--area).

    Läggs sist under 'bedömningar:' i planen. Rapporten för omgången visar den överst
    (hela planen) eller under området, som "Arbetsgruppens bedömning".
    """
    from planctl.writing.comment import CommentRequest, prepare_comment
    from planctl.writing.status import parse_date

    day = parse_date(date) if date is not None else None
    request = CommentRequest(round_id, text, area=area, by=by, date=day)
    write_plan(
        settings_of(ctx),
        lambda plan, _catalogue, today: prepare_comment(plan, request, today=today),
        plan_id=plan_id,
        dry_run=dry_run,
    )
