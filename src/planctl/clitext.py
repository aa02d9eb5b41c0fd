"""Swedish for the parts of the command line that Typer and its bundled Click write themselves.

Typer prints panel titles, usage lines and usage errors in English. planctl's users read
Swedish, so this module swaps those texts: panel titles are module constants, the usage line and
the help option come from our command classes, and usage errors are translated where Typer
formats them. Kept apart from ``cli.py`` so the command definitions stay readable.
"""

from __future__ import annotations

import re
from typing import Any

from typer import rich_utils

_ERRORS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^No such option: (.+?)(?: Did you mean (.+)\?)?$"), "okänd flagga: {0}"),
    (re.compile(r"^No such command '(.+)'\.(?: Did you mean (.+)\?)?$"), "okänt kommando '{0}'"),
    (re.compile(r"^Missing argument '(.+)'\.$"), "argumentet {0} saknas"),
    (re.compile(r"^Missing option '(.+)'\.$"), "flaggan '{0}' saknas"),
    (re.compile(r"^Missing command\.$"), "kommando saknas"),
    (re.compile(r"^Option '(.+)' requires an argument\.$"), "flaggan {0} kräver ett värde"),
    (
        re.compile(r"^Got unexpected extra arguments? \((.+)\)$"),
        "oväntade extra argument: {0}",
    ),
    (
        # Newer Typer puts "Value error, " before the text of an Enum choice it refuses.
        re.compile(r"^Invalid value for (.+?): (?:Value error, )?'(.*)' is not one of (.+)\.$"),
        "ogiltigt värde för {0}: '{1}'; giltiga: {2}",
    ),
    (
        re.compile(r"^Invalid value for (.+?): '(.*)' is not a valid integer\.$"),
        "ogiltigt värde för {0}: '{1}' är inget heltal",
    ),
    (
        re.compile(r"^Invalid value for (.+?): (?:Path|File|Directory) '(.*)' does not exist\.$"),
        "ogiltigt värde för {0}: '{1}' finns inte",
    ),
    (
        re.compile(r"^Invalid value for (.+?): (?:Value error, )?(.+)$"),
        "ogiltigt värde för {0}: {1}",
    ),
]


def translate(message: str) -> str:
    """A usage error's message in Swedish (unchanged when no pattern knows it)."""
    for pattern, template in _ERRORS:
        found = pattern.match(message)
        if found:
            text = template.format(*found.groups())
            suggestion = found.groups()[-1] if "Did you mean" in message else None
            if suggestion:
                text += f" – menade du {suggestion.replace(' or ', ' eller ')}?"
            return text.replace(" or ", " eller ")
    return message


def usage(text: str) -> str:
    """The usage line with a Swedish lead."""
    text = re.sub(r"^Usage:", "Användning:", text)
    return text.replace("[OPTIONS]", "[FLAGGOR]").replace("COMMAND [ARGS]...", "KOMMANDO [ARG]...")


HELP_OPTION_TEXT = "Visa den här hjälpen och avsluta."

_installed = False


def install() -> None:
    """Swap Typer's English panel titles and error formatting for Swedish ones (once)."""
    global _installed
    if _installed:
        return
    _installed = True
    rich_utils.ARGUMENTS_PANEL_TITLE = "Argument"
    rich_utils.OPTIONS_PANEL_TITLE = "Flaggor"
    rich_utils.COMMANDS_PANEL_TITLE = "Kommandon"
    rich_utils.ERRORS_PANEL_TITLE = "Fel"
    rich_utils.ABORTED_TEXT = "Avbrutet."
    rich_utils.DEFAULT_STRING = "[standard: {}]"
    rich_utils.ENVVAR_STRING = "[miljövariabel: {}]"
    rich_utils.REQUIRED_LONG_STRING = "[krävs]"
    rich_utils.RICH_HELP = "Skriv [blue]'{command_path} {help_option}'[/] för hjälp."
    original = rich_utils.rich_format_error

    def rich_format_error(self: Any) -> None:
        message = translate(self.format_message())
        self.format_message = lambda: message
        original(self)

    rich_utils.rich_format_error = rich_format_error
