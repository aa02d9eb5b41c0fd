"""The registry of output formats: names, file suffixes, binary or text, and who prints them.

Every ``--format`` choice and its help text, the format a file name asks for (``-o rapport.xlsx``)
and whether a format may go to a terminal are read from here. To add a format, add it to
:data:`FORMATS`, list it under the outputs that can write it in :data:`SUPPORTED`, and give those
outputs' renderers a branch for it; the CLI then offers it by construction.

Kept free of Rich and of the renderers, so the CLI can build its options at start-up cheaply.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from planctl.errors import UsageError


@dataclass(frozen=True)
class OutputFormat:
    """One format: its ``--format`` name, the file suffixes that ask for it, binary or text."""

    name: str
    suffixes: tuple[str, ...] = ()
    binary: bool = False


FORMATS: dict[str, OutputFormat] = {
    f.name: f
    for f in (
        OutputFormat("table", (".txt",)),
        OutputFormat("text", (".txt",)),
        OutputFormat("markdown", (".md", ".markdown")),
        OutputFormat("csv", (".csv",)),
        OutputFormat("xlsx", (".xlsx",), binary=True),
        OutputFormat("json", (".json",)),
        OutputFormat("html", (".html", ".htm")),
        OutputFormat("docx", (".docx",), binary=True),
        OutputFormat("pdf", (".pdf",), binary=True),
        OutputFormat("svg", (".svg",)),
        OutputFormat("png", (".png",), binary=True),
        OutputFormat("github"),
        OutputFormat("junit", (".xml",)),
    )
}
"""Every format planctl can write, by name."""

SUPPORTED: dict[str, tuple[str, ...]] = {
    "list": ("table", "json", "csv"),
    "measures": ("table", "json"),
    "show": ("table", "json"),
    "history": ("table", "json", "markdown"),
    "coverage": ("table", "markdown", "json", "csv"),
    "summary": ("table", "markdown", "json", "csv"),
    "report": ("table", "markdown", "csv", "xlsx", "json", "html", "docx", "pdf"),
    "chart": ("svg", "png"),
    "remind": ("table", "markdown", "csv"),
    "changes": ("markdown",),
    "validate": ("text", "github", "json", "junit"),
}
"""Which formats each output (command) writes, the first being its default."""


def choices(output: str) -> tuple[str, ...]:
    """The ``--format`` names ``output`` accepts, default first."""
    return SUPPORTED[output]


def choice_enum(output: str) -> type[enum.StrEnum]:
    """An enum of ``output``'s formats, for Typer to offer as ``--format`` choices."""
    members = {name.upper(): name for name in choices(output)}
    return enum.StrEnum(f"{output.title()}Format", members)  # type: ignore[return-value]


def _words(names: tuple[str, ...]) -> str:
    return ", ".join(names[:-1]) + f" eller {names[-1]}" if len(names) > 1 else names[0]


def format_help(output: str, *, by_suffix: bool = False) -> str:
    """``--format``'s help: ``Utdataformat: table, markdown … eller html.``"""
    text = f"Utdataformat: {_words(choices(output))}."
    if by_suffix:
        text += f" Standard: av filändelsen i --output, annars {choices(output)[0]}."
    return text


def suffix_list(output: str) -> str:
    """The main suffix of each of ``output``'s formats: ``.txt, .md, .csv …``."""
    return ", ".join(FORMATS[n].suffixes[0] for n in choices(output) if FORMATS[n].suffixes)


def format_for_path(output: str, path: Path) -> str:
    """The format a file name asks for by its suffix (``rapport.xlsx`` → xlsx; ``.txt`` the
    output's first text format, e.g. Markdown for ``changes``); exit 2 if none."""
    suffix = path.suffix.casefold()
    for name in choices(output):
        if suffix in FORMATS[name].suffixes:
            return name
    text = [name for name in choices(output) if not is_binary(name)]
    if suffix in GENERIC_SUFFIXES and text:  # .txt promises plain text: the first text format
        return text[0]
    known = ", ".join(s for n in choices(output) for s in FORMATS[n].suffixes)
    raise UsageError(
        f"kan inte avgöra formatet av filnamnet '{path.name}'; "
        f"använd en av ändelserna {known} eller ange --format"
    )


GENERIC_SUFFIXES = frozenset({".txt"})
"""Suffixes that promise plain text, not one format: any text format may be written to them."""


def chosen_format(output: str, fmt: str | None, path: Path | None) -> str:
    """The format ``output`` writes: ``--format``, else ``path``'s suffix, else the default.

    The one place every command with ``-o`` decides its format. A suffix that names another
    format than ``--format`` (``-o rapport.xlsx --format csv``) is refused with
    :class:`UsageError` (exit 2), so a file's name never lies about its content; a suffix no
    format claims (``rapport.data``) takes whatever ``--format`` says, and ``.txt`` any text format.
    """
    if fmt is None:
        return format_for_path(output, path) if path is not None else choices(output)[0]
    if path is not None:
        check_suffix(fmt, path)
    return fmt


def check_suffix(fmt: str, path: Path, *, by_option: bool = True) -> None:
    """Refuse ``path`` when its suffix names another format than ``fmt`` (:class:`UsageError`).

    ``by_option``: ``fmt`` came from ``--format`` (the message then offers to drop it).
    """
    suffix = path.suffix.casefold()
    named = tuple(n for n, f in FORMATS.items() if suffix in f.suffixes)
    if not named or fmt in named:
        return
    if suffix in GENERIC_SUFFIXES and not is_binary(fmt):
        return
    advice = [f"använd ändelsen {FORMATS[fmt].suffixes[0]}"] if FORMATS[fmt].suffixes else []
    advice += ["utelämna --format"] if by_option else []
    raise UsageError(
        f"filnamnet '{path.name}' anger formatet {_words(named)} men {fmt} skrivs; "
        + " eller ".join(advice)
    )


def is_binary(name: str) -> bool:
    """Whether a format is binary (never written to a terminal)."""
    return FORMATS[name].binary
