"""Swedish for the parts of the command line that Typer and its bundled Click write themselves.

Typer prints panel titles, usage lines and usage errors in English. planctl's users read
Swedish, so this module swaps those texts: panel titles are module constants, the usage line and
the help option come from our command classes, and usage errors are translated where Typer
formats them. Kept apart from ``cli.py`` so the command definitions stay readable.
"""

from __future__ import annotations

import errno
import re
from typing import Any

from planctl.lookup import did_you_mean, unknown

_ERRORS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"^No such option: (\S+)(?: \(Possible options: (.+)\))?$"),
        "okänd flagga '{0}'",
    ),
    (re.compile(r"^No such option: (.+?)(?: Did you mean (.+)\?)?$"), "okänd flagga '{0}'"),
    (re.compile(r"^No such command '(.+)'\.(?: Did you mean (.+)\?)?$"), "okänt kommando '{0}'"),
    (re.compile(r"^Missing argument '(.+)'\.$"), "argumentet {0} saknas"),
    (re.compile(r"^Missing option '(.+)'\.$"), "flaggan '{0}' saknas"),
    (re.compile(r"^Missing command\.$"), "kommando saknas"),
    (re.compile(r"^Option '(.+)' requires an argument\.$"), "flaggan {0} kräver ett värde"),
    (
        re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((.+)\)$"),
        "oväntade extra argument: {0}",
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

# A value outside an option's choices (Click lists them quoted): one of the unknown references.
_CHOICE = re.compile(r"^Invalid value for (.+?): (?:Value error, )?'(.*)' is not one of (.+)\.$")

# What Typer's (pydantic's) type checks say about a value, after "Invalid value for …:".
_VALUE_ERRORS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^Input should be a valid integer.*$"), "ska vara ett heltal"),
    (re.compile(r"^Input should be a valid number.*$"), "ska vara ett tal"),
    (re.compile(r"^Input should be greater than or equal to (.+)$"), "ska vara minst {0}"),
    (re.compile(r"^Input should be less than or equal to (.+)$"), "ska vara högst {0}"),
    (re.compile(r"^Input should be greater than (.+)$"), "ska vara större än {0}"),
    (re.compile(r"^Input should be less than (.+)$"), "ska vara mindre än {0}"),
    (re.compile(r"^Value error, (.+)$"), "{0}"),
]


def translate(message: str) -> str:
    """A usage error's message in Swedish (unchanged when no pattern knows it).

    An unknown flag, command or choice reads as every unknown reference does
    (:func:`planctl.lookup.unknown`), with Typer's suggestions or our own.
    """
    choice = _CHOICE.match(message)
    if choice:
        option, typed, valid = choice.groups()
        flag = option.split(" / ")[0].strip("'")  # Click names '--format' / '-f'
        return unknown("värde", typed, _names(valid), where=f"för {flag}")
    for pattern, template in _ERRORS:
        found = pattern.match(message)
        if found:
            groups = list(found.groups())
            if template.endswith(": {1}"):  # the generic "Invalid value": say the reason in Swedish
                groups[1] = _value_error(groups[1])
            text = template.format(*groups)
            suggested = "Did you mean" in message or "Possible options" in message
            if suggested and groups[-1]:
                return text + did_you_mean(_names(groups[-1]))
            return text.replace(" or ", " eller ")
    return message


def _value_error(reason: str) -> str:
    for pattern, template in _VALUE_ERRORS:
        found = pattern.match(reason)
        if found:
            return template.format(*found.groups())
    return reason


def _names(listed: str) -> list[str]:
    """Click's ``'a', 'b' or 'c'`` (or ``a, b, c``) as the bare names."""
    return [name.strip().strip("'") for name in listed.replace(" or ", ", ").split(", ")]


def usage(text: str) -> str:
    """The usage line with a Swedish lead, required arguments bare and optional ones in [ ]."""
    text = re.sub(r"^Usage:", "Användning:", text)
    text = re.sub(r"\{([^{}]+)\}", r"\1", text)  # Typer writes a required argument as {ID}
    text = re.sub(r"\[\[([^][]+)\]\]", r"[\1]", text)  # a metavar already in brackets
    return text.replace("[OPTIONS]", "[FLAGGOR]").replace("COMMAND [ARGS]...", "KOMMANDO [ARG]...")


HELP_OPTION_TEXT = "Visa den här hjälpen och avsluta."

# Typer names a value's Python type in help (``<str>``, ``<path>``, ``<list[Path]>``); say it in
# Swedish. A flag takes no value, so it shows none (``--version <bool>`` reads as if it took one).
_TYPE_NAMES = {
    "str": "text",
    "path": "sökväg",
    "Path": "sökväg",
    "file": "fil",
    "directory": "katalog",
    "int": "heltal",
    "float": "tal",
    "datetime": "tidpunkt",
}


def type_label(label: str | None, *, flag: bool = False, choice: bool = False) -> str | None:
    """The help's type column in Swedish: ``<text>``, ``<sökväg>...``; nothing for a flag."""
    if flag or label is None:
        return None
    if choice:  # the choices themselves are what the user types
        return label
    label = re.sub(r"list\[(\w+)\]", r"\1...", label).replace(" range", "")
    return re.sub(r"\b(\w+)\b", lambda m: _TYPE_NAMES.get(m.group(1), m.group(1)), label)


_installed = False


def install() -> None:
    """Swap Typer's English panel titles and error formatting for Swedish ones (once)."""
    global _installed
    if _installed:
        return
    _installed = True
    from typer import rich_utils

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
    _install_type_labels()
    # Typer prints help on a console of its own; a closed pipe there must also reach the
    # boundary (exit 141) instead of Rich's own exit 1, which means "the data has errors".
    from rich.console import Console

    def on_broken_pipe(self: Console) -> None:
        raise BrokenPipeError(errno.EPIPE, "utdata stängdes")

    Console.on_broken_pipe = on_broken_pipe  # type: ignore[method-assign]


def _install_type_labels() -> None:
    # Only Typer versions that print Python type names have display_type_rich.
    from typer import core

    for cls in (core.TyperArgument, core.TyperOption):
        original_type = getattr(cls, "display_type_rich", None)
        if original_type is None:
            continue

        def display_type_rich(self: Any, ctx: Any, _original: Any = original_type) -> str | None:
            if self.metavar is not None and not isinstance(self, core.TyperArgument):
                return str(self.metavar)  # an option's own placeholder, e.g. ÅÅÅÅ-MM,…
            descriptor = getattr(self, "type_descriptor", None)
            return type_label(
                _original(self, ctx),
                flag=bool(getattr(self, "is_flag", False)),
                choice=bool(getattr(descriptor, "is_choice", False)),
            )

        cls.display_type_rich = display_type_rich  # type: ignore[method-assign]
