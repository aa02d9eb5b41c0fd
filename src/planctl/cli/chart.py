"""``planctl chart``: the progress chart over follow-up rounds, as SVG or PNG for slides."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from planctl.cli.options import AreaOption, ChartFormatOption, PlanOption, file_option
from planctl.cli.settings import settings_of
from planctl.errors import UsageError


def chart(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        file_option(
            "Skriv diagrammet till FIL: .svg eller .png. Utan -o skrivs SVG till standard ut."
        ),
    ] = None,
    area: AreaOption = None,
    plan_id: PlanOption = None,
    fmt: ChartFormatOption = None,
) -> None:
    """Rita framstegen per uppföljning: en stapel per omgång, staplad efter statusens betydelse.

    Siffrorna är desamma som i rapportens tabeller vid varje uppföljning. Utan --area visas
    hela planen.
    """
    from planctl.query import row_filter
    from planctl.render.chart import chart_png, chart_svg
    from planctl.render.escape import write_document
    from planctl.render.formats import chosen_format
    from planctl.render.progress import NO_ROUNDS, progress_chart
    from planctl.report import Moment, build_report
    from planctl.writing.files import save_output

    chosen = chosen_format("chart", str(fmt) if fmt else None, output)
    settings = settings_of(ctx)
    data = settings.load(plan_id)
    plan = data.plan(plan_id).model
    wanted = row_filter(plan, area=area)
    built = build_report(
        plan, wanted=wanted, as_of=Moment(settings.today_for(plan)), produced=settings.produced
    )
    if not built.progress:
        raise UsageError(NO_ROUNDS)
    drawn = progress_chart(built, wanted.area)
    content = chart_png(drawn) if chosen == "png" else chart_svg(drawn).encode("utf-8")
    if output is None:
        if sys.stdout.isatty():
            raise UsageError("ange --output FRAMSTEG.svg eller .png")
        write_document(sys.stdout, content)
        return
    shown = save_output(output, content, base=Path.cwd(), data_root=settings.known_data_root())
    sys.stderr.write(f"planctl: skrev {shown}\n")
