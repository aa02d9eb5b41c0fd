"""Swedish usage lines, help and errors for Typer commands and groups; the group is the boundary.

Typer's Rich help module is large and only needed to print help or a usage error, so its Swedish
texts (:func:`planctl.cli.clitext.install`) are put in place on first use – when help is
formatted or Typer is about to report a usage error or an abort – not when planctl starts.
"""

from __future__ import annotations

import sys
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup, TyperOption

from planctl import textgate
from planctl.cli import clitext
from planctl.cli.boundary import report_error, report_interrupt, silence_stdout, written_so_far
from planctl.errors import EXIT_BROKEN_PIPE, PlanctlError, UsageError
from planctl.render.escape import inert_streams


class _Swedish:
    """Swedish usage line and help option for both commands and the group."""

    def get_usage(self, ctx: Any) -> str:
        # A mixin: mypy cannot see that super() is the Typer class it is mixed into.
        return clitext.usage(super().get_usage(ctx))  # type: ignore[misc]

    def format_help(self, ctx: Any, formatter: Any) -> None:
        clitext.install()
        super().format_help(ctx, formatter)  # type: ignore[misc]  # mixin, as above

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)  # type: ignore[misc]  # mixin
        except typer.Exit:
            raise
        except BaseException:
            clitext.install()  # a usage error or an abort: Typer reports it next, in Swedish
            raise

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]  # mixin, as above
        if option is not None:
            option.help = clitext.HELP_OPTION_TEXT
        return option


class Command(_Swedish, TyperCommand):
    pass


def gate_arguments(args: list[str]) -> list[str]:
    """Every argument through the input gate (NFC; no control characters), before parsing.

    The text of a refused argument is never echoed: it may hold the very escape sequence that
    is refused. Raises :class:`~planctl.errors.UsageError` (exit 2).

    An empty argument (``--data-dir ''``, ``validate ''``, often an unset variable in a script)
    is refused too: an empty path would silently mean the current directory.
    """
    gated: list[str] = []
    for number, arg in enumerate(args, start=1):
        previous = args[number - 2] if number > 1 else ""
        name = previous if previous.startswith("-") else f"argument {number}"
        option, equals, value = arg.partition("=")
        if arg.startswith("--") and equals and not value:
            name, arg = option, value
        if not arg:
            raise UsageError(
                f"{name} får inte vara tom (en tom sökväg eller text betyder inget – "
                "en variabel i ett skript som inte är satt?)"
            )
        gated.append(textgate.argument(name, arg))
    return gated


# Typer's shell-completion options, in Swedish like every other help text.
_COMPLETION_HELP = {
    "install_completion": "Slå på komplettering med tabb i det aktuella skalet (bash, zsh, "
    "fish eller PowerShell).",
    "show_completion": "Visa kompletteringsskriptet för det aktuella skalet, för att kopiera "
    "det eller installera det själv.",
}


class Group(_Swedish, TyperGroup):
    def main(self, *args: Any, **kwargs: Any) -> Any:
        # Every line on stdout and stderr, usage errors included, is inert in a CI log.
        with inert_streams():
            try:
                return super().main(*args, **kwargs)
            except SystemExit as exc:
                # Click ends a closed pipe outside a command (help text) with exit 1 and leaves
                # this wrapper on stdout as its mark; exit 1 means "the data has errors" here.
                if exc.code == 1 and type(sys.stdout).__name__ == "PacifyFlushWrapper":
                    raise SystemExit(EXIT_BROKEN_PIPE) from None
                raise

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            args = gate_arguments(args)
        except PlanctlError as exc:
            report_error(exc)
            raise typer.Exit(exc.exit_code) from None
        return super().parse_args(ctx, args)

    def get_params(self, ctx: Any) -> Any:
        params = super().get_params(ctx)
        for param in params:
            text = _COMPLETION_HELP.get(param.name or "")
            if text is not None and isinstance(param, TyperOption):
                param.help = text
        return params

    def invoke(self, ctx: Any) -> Any:
        earlier = written_so_far()
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # Click would end a closed pipe with exit 1, which means "the data has errors".
            silence_stdout()
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
        except PlanctlError as exc:
            report_error(exc)
            raise typer.Exit(exc.exit_code) from None
        except typer.Exit:
            raise
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt):
                report_interrupt(since=earlier)  # exits 130 when something was written
            clitext.install()  # a usage error or an abort: Typer reports it next, in Swedish
            raise
