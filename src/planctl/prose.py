"""Prose that still carries the source PDF's line-break hyphens (the ``pdf-artefact`` warning).

Plans and the catalogue are transcribed from PDFs, where a word broken over two lines keeps its
hyphen (``arbetsupp-gifter``) or a space after it (``socio- nomutbildningen``). Real compounds and
Swedish conjunctions (``stöd- och``, ``e-post``) are not flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from planctl.errors import Problem, Severity
from planctl.yamlio import Document, Mark, Path

# Keys whose values are ids, dates or fixed words, not prose.
_NOT_PROSE = frozenset(
    {
        "id",
        "område",
        "uppföljning",
        "katalog",
        "termin",
        "datum",
        "lämnad_datum",
        "status",
        "betyder",
        "typ",
        "startperiod",
        "slutperiod",
        "enhet",
        "riktning",
    }
)
_LOWER = "a-zåäöéü"
# A line-break hyphen left inside a word ("arbetsupp-gifter"), or one left before a space
# ("socio- nomutbildningen"). A single letter before the hyphen is a real compound ("e-post"),
# and a conjunction after it is Swedish ("stöd- och", "heltids- eller deltid").
_GLUED = re.compile(rf"(?<![\w-])[\w]*?([{_LOWER}]{{2}})-( ?)([{_LOWER}]\w*)")
_CONJUNCTIONS = frozenset({"och", "eller", "samt", "respektive", "som", "till", "resp"})


def _prose(value: Any, path: Path) -> Iterator[tuple[Path, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in _NOT_PROSE:
                yield from _prose(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _prose(item, (*path, index))
    elif isinstance(value, str):
        yield path, value


def _suspect(data: Any) -> bool:
    """Whether any prose in ``data`` has a glued hyphen that is not a conjunction."""
    texts: list[str] = []
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            stack.extend(item for key, item in value.items() if key not in _NOT_PROSE)
        elif isinstance(value, list):
            stack.extend(value)
    return any(
        found.group(3).casefold() not in _CONJUNCTIONS
        for found in _GLUED.finditer("\n".join(texts))
    )


def _position(doc: Document, path: Path, fragment: str) -> Mark:
    """Where ``fragment`` is written inside the scalar at ``path`` (the scalar when not found)."""
    start, end = doc.locate(path), doc.ends.get(path)
    stop = end.index if end is not None else len(doc.text)
    index = doc.text.find(fragment, start.index, stop)
    if index < 0:
        return start
    return doc.mark_at(index)


def check_text(doc: Document) -> list[Problem]:
    """Prose that still carries a hyphen from the PDF's line breaks (``pdf-artefact``)."""
    problems: list[Problem] = []
    if not _suspect(doc.data):  # the usual case, decided without building a path per node
        return problems
    for path, text in _prose(doc.data, ()):
        for found in _GLUED.finditer(text):
            if found.group(3).casefold() in _CONJUNCTIONS:
                continue
            word = found.group(0)
            joined = word.replace("- ", "").replace("-", "")
            problems.append(
                doc.problem(
                    # Search for the part up to the hyphen: it is on one line even when the
                    # scalar is folded over two.
                    _position(doc, path, word[: word.index("-") + 1]),
                    "pdf-artefact",
                    f"'{word}' ser ut som ett avstavat ord från PDF-texten; "
                    f"menas '{joined}'? (riktiga bindestreck som 'stöd- och' är okej)",
                    severity=Severity.WARNING,
                )
            )
    return problems
