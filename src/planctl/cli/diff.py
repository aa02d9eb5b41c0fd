"""``planctl diff``: the rows whose status changed between two rounds or dates."""

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


def diff(
    ctx: typer.Context,
    first: Annotated[
        str, typer.Argument(metavar="FRÅN", help="Uppföljning (t.ex. 2018-05) eller datum.")
    ],
    second: Annotated[
        str, typer.Argument(metavar="TILL", help="Uppföljning (t.ex. 2018-10) eller datum.")
    ],
    area: AreaOption = None,
    responsible: ResponsibleOption = None,
    plan_id: PlanOption = None,
    fmt: ReportFormatOption = None,
    output: OutputOption = None,
) -> None:
    """Visa raderna som bytt status mellan två uppföljningar (eller datum), från → till."""
    from planctl.query import row_filter
    from planctl.report import build_report, diff_moments

    settings = settings_of(ctx)
    plan = settings.load(plan_id).plan(plan_id).model
    since, shown = diff_moments(plan, first, second, today=settings.today_for(plan))
    wanted = row_filter(plan, area=area, responsible=responsible)
    built = build_report(plan, wanted=wanted, as_of=shown, since=since, produced=settings.produced)
    emit_report(built, fmt, output, data_root=settings.known_data_root())
