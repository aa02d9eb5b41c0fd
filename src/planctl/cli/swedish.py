"""Swedish usage lines and help option for Typer commands and groups (the error boundary)."""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from planctl.cli import clitext
from planctl.cli.boundary import report_error
from planctl.errors import PlanctlError


class _Swedish:
    """Swedish usage line and help option for both commands and the group."""

    def get_usage(self, ctx: Any) -> str:
        # A mixin: mypy cannot see that super() is the Typer class it is mixed into.
        return clitext.usage(super().get_usage(ctx))  # type: ignore[misc]

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]  # mixin, as above
        if option is not None:
            option.help = clitext.HELP_OPTION_TEXT
        return option


class Command(_Swedish, TyperCommand):
    pass


class Group(_Swedish, TyperGroup):
    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except PlanctlError as exc:
            report_error(exc)
            raise typer.Exit(exc.exit_code) from None
