"""The ``planctl`` Typer app: global options, and every command registered in help order.

Each command lives in its own module of this package and is registered here, so importing a
command module never imports the app. The error boundary is :mod:`planctl.cli.boundary`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from planctl import __version__
from planctl.cli import (
    boundary,
    changes,
    chart,
    comment,
    coverage,
    diff,
    followup,
    history,
    import_plan,
    indicator,
    init,
    list_rows,
    measures,
    new,
    remind,
    report,
    schema,
    show,
    status,
    summary,
    validate,
)
from planctl.cli.settings import settings_from_env
from planctl.cli.swedish import Command, Group

HELP_FLAGS = {"help_option_names": ["-h", "--help"]}

app = typer.Typer(
    name="planctl",
    cls=Group,
    help=(
        "Följ upp kommunala handlingsplaner för personalförsörjning som YAML-filer i git: "
        "validera, lista, registrera status och skriv uppföljningsrapporter."
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings=HELP_FLAGS,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"planctl {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    data_dir: Annotated[
        Path | None,
        typer.Option(
            "--data-dir",
            help="Datakatalogen. Standard: PLANCTL_DATA, annars ./data i aktuell katalog "
            "eller närmaste överliggande.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Visa versionen och avsluta."
        ),
    ] = False,
) -> None:
    """Följ upp kommunala handlingsplaner för personalförsörjning som YAML-filer i git."""
    ctx.obj = settings_from_env(data_dir)


def _group(name: str, summary: str) -> typer.Typer:
    """A command with subcommands (``planctl NAME set|correct``); bare, it shows its help."""
    return typer.Typer(
        name=name, cls=Group, help=summary, no_args_is_help=True, context_settings=HELP_FLAGS
    )


status_app = _group("status", "Registrera status för planens rader.")
indicator_app = _group("indicator", "Registrera mätvärden för radernas mål.")

app.command("list", cls=Command)(list_rows.list_rows)
app.command("report", cls=Command)(report.report)
app.command("diff", cls=Command)(diff.diff)
app.command("chart", cls=Command)(chart.chart)
app.command("measures", cls=Command)(measures.list_measures)
app.command("show", cls=Command)(show.show)
app.command(
    "validate",
    cls=Command,
    help="Kontrollera datafilerna och visa alla problem på en gång (fil:rad:kolumn).\n\n"
    "Slutkod 0 när inga fel finns, 1 när fel hittas, 2 vid användningsfel eller filer som "
    "inte går att läsa.",
)(validate.validate)
app.command("schema", cls=Command)(schema.schema)
app.command("changes", cls=Command)(changes.changes)
app.command("coverage", cls=Command)(coverage.coverage)
app.command("init", cls=Command)(init.init)
app.command("import", cls=Command)(import_plan.import_plan)
app.command("new", cls=Command)(new.new)
app.command("summary", cls=Command)(summary.summary)
status_app.command("set", cls=Command)(status.status_set)
status_app.command("correct", cls=Command)(status.status_correct)
indicator_app.command("set", cls=Command)(indicator.indicator_set)
indicator_app.command("correct", cls=Command)(indicator.indicator_correct)
app.add_typer(status_app)
app.add_typer(indicator_app)
app.command("history", cls=Command)(history.history)
app.command("followup", cls=Command)(followup.followup)
app.command("comment", cls=Command)(comment.comment)
app.command("remind", cls=Command)(remind.remind)


def run() -> None:
    """Run the app as the ``planctl`` program, inside the error boundary."""
    boundary.run_guarded(lambda: app(prog_name="planctl"))
