"""The ``planctl`` Typer app: global options, and every command registered in help order.

Each command lives in its own module of this package and is registered here, so importing a
command module never imports the app. The error boundary is :mod:`planctl.cli.boundary`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any

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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"planctl {__version__}")
        raise typer.Exit()


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


# Every command in help order: (name, function, extra keyword arguments of ``command``).
_VALIDATE_HELP = (
    "Kontrollera datafilerna och visa alla problem på en gång (fil:rad:kolumn).\n\n"
    "Slutkod 0 när inga fel finns, 1 när fel hittas, 2 vid användningsfel eller filer som "
    "inte går att läsa."
)
_COMMANDS: tuple[tuple[str, Callable[..., None], dict[str, Any]], ...] = (
    ("list", list_rows.list_rows, {}),
    ("report", report.report, {}),
    ("diff", diff.diff, {}),
    ("chart", chart.chart, {}),
    ("measures", measures.list_measures, {}),
    ("show", show.show, {}),
    ("validate", validate.validate, {"help": _VALIDATE_HELP}),
    ("schema", schema.schema, {}),
    ("changes", changes.changes, {}),
    ("coverage", coverage.coverage, {}),
    ("init", init.init, {}),
    ("import", import_plan.import_plan, {}),
    ("new", new.new, {}),
    ("summary", summary.summary, {}),
    ("history", history.history, {}),
    ("followup", followup.followup, {}),
    ("comment", comment.comment, {}),
    ("remind", remind.remind, {}),
)
_GROUPS: tuple[tuple[str, str, tuple[tuple[str, Callable[..., None]], ...]], ...] = (
    (
        "status",
        "Registrera status för planens rader.",
        (("set", status.status_set), ("correct", status.status_correct)),
    ),
    (
        "indicator",
        "Registrera mätvärden för radernas mål.",
        (("set", indicator.indicator_set), ("correct", indicator.indicator_correct)),
    ),
)
COMMAND_NAMES = frozenset(name for name, _, _ in _COMMANDS) | {name for name, _, _ in _GROUPS}


def build_app(only: str | None = None) -> typer.Typer:
    """The ``planctl`` app with every command, or with only the command ``only``.

    Typer turns every registered command into a click command before it runs one (≈0,06 s for
    all of them, see bench/RESULTS.md); a run of one known command registers just that one.
    """
    built = typer.Typer(
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
    built.callback()(main)
    for name, function, extra in _COMMANDS:
        if only in (None, name):
            built.command(name, cls=Command, **extra)(function)
    for name, summary_text, subcommands in _GROUPS:
        if only in (None, name):
            group = _group(name, summary_text)
            for sub, function in subcommands:
                group.command(sub, cls=Command)(function)
            built.add_typer(group)
    return built


app = build_app()


def command_named(args: Sequence[str]) -> str | None:
    """The command ``args`` run (``list`` in ``--data-dir d list -f json``), None if none is
    named first (help, ``--version``, a typo: those need the whole app)."""
    rest = list(args)
    while rest and rest[0].startswith("-"):
        option = rest.pop(0)
        if option == "--data-dir" and rest:
            rest.pop(0)
        elif option != "--data-dir" and not option.startswith("--data-dir="):
            return None
    return rest[0] if rest and rest[0] in COMMAND_NAMES else None


def run() -> None:
    """Run the app as the ``planctl`` program, inside the error boundary.

    Only the command named is built (:func:`command_named`); shell completion gets the whole app.
    planctl uses no pydantic plugin, so pydantic's search for them (≈0,02 s) is turned off unless
    the environment says otherwise.
    """
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    completing = any(name.endswith("_COMPLETE") for name in os.environ)
    only = None if completing else command_named(sys.argv[1:])
    boundary.run_guarded(lambda: build_app(only)(prog_name="planctl"))
