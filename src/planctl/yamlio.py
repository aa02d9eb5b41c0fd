"""Strict YAML reading with a position for every node.

planctl's files are edited by hand, so the reader refuses what YAML allows but people rarely mean:
anchors and aliases, tags (which in other loaders can build objects), duplicate keys, several
documents in one file. Plain scalars follow a small YAML 1.2 core subset: integers, decimals,
``true``/``false`` and ``null`` are typed, everything else stays text. So ``no``, ``on``,
``12:30`` or an unquoted ``2018-05-31`` are never silently turned into booleans, sexagesimals
or dates; the models decide what a text must be.

The reader builds values from libyaml's event stream (the C parser when available), keeping the
start and end of every node, and collects every problem instead of stopping at the first one
(a syntax error still ends the file, since nothing after it can be trusted).
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from planctl import textgate
from planctl.errors import Problem
from planctl.yamlerrors import MAX_DEPTH, syntax_message
from planctl.yamlfast import Loader, read_fast, resolve_plain

Path = tuple[str | int, ...]


_LINE_END = re.compile("\n")


@dataclass(slots=True)  # not frozen: thousands are made per file, and frozen init is slow
class Mark:
    """A position in a text: 1-based line and column, 0-based character index."""

    line: int
    column: int
    index: int


@dataclass
class _Index:
    # Character indices only: a Mark per node (three ints) took most of the memory of a large
    # file's index; line and column are worked out when a position is asked for.
    starts: dict[Path, int] = field(default_factory=dict)
    ends: dict[Path, int] = field(default_factory=dict)
    keys: dict[Path, int] = field(default_factory=dict)


class _Marks(Mapping[Path, Mark]):
    """A read-only view of one kind of position, as Marks made on demand."""

    def __init__(self, doc: Document, indices: dict[Path, int]) -> None:
        self._doc = doc
        self._indices = indices

    def __getitem__(self, path: Path) -> Mark:
        return self._doc.mark_at(self._indices[path])

    def __contains__(self, path: object) -> bool:
        return path in self._indices

    def __iter__(self) -> Iterator[Path]:
        return iter(self._indices)

    def __len__(self) -> int:
        return len(self._indices)


@dataclass
class Document:
    """One parsed YAML file: its values, where each node is, and what was wrong with it.

    Positions are indexed lazily: a clean file is read on the fast path without them, and the
    index is built (by a second, exact pass) only when a problem must be located or the file is
    edited. Files with YAML-level problems are read on the exact path from the start.
    """

    file: str
    text: str
    data: Any = None
    problems: list[Problem] = field(default_factory=list)
    index: _Index | None = None
    # Nodes already reported as refused (a tag, an alias): the model need not complain about them.
    refused: set[Path] = field(default_factory=set)
    # What the parser reads when it differs from ``text``: raw control characters blanked out (they
    # are reported once, at their place), so the rest of the file is still checked. Same length.
    source: str | None = None
    # Where each line starts, built on the first call of mark_at.
    line_starts: list[int] | None = None

    def _positions(self) -> _Index:
        if self.index is None:
            shadow = Document(file=self.file, text=self.text, index=_Index(), source=self.source)
            with paused_gc():
                _read_exact(shadow, positions_only=True)
            self.index = shadow.index or _Index()
        return self.index

    @property
    def starts(self) -> Mapping[Path, Mark]:
        """Where each node starts, by path."""
        return _Marks(self, self._positions().starts)

    @property
    def ends(self) -> Mapping[Path, Mark]:
        """Where each node ends, by path."""
        return _Marks(self, self._positions().ends)

    @property
    def keys(self) -> Mapping[Path, Mark]:
        """Where each mapping key is written, by the path of its value."""
        return _Marks(self, self._positions().keys)

    def mark_at(self, index: int) -> Mark:
        """The line and column of the character at ``index`` of the text (logarithmic time)."""
        if self.line_starts is None:
            self.line_starts = [0, *(found.end() for found in _LINE_END.finditer(self.text))]
        line = bisect.bisect_right(self.line_starts, index)
        return Mark(line, index - self.line_starts[line - 1] + 1, index)

    def locate(self, path: Path) -> Mark:
        """Where the node at ``path`` starts, or its nearest existing ancestor."""
        starts = self._positions().starts
        for cut in range(len(path), -1, -1):
            index = starts.get(path[:cut])
            if index is not None:
                return self.mark_at(index)
        return Mark(1, 1, 0)

    def locate_key(self, path: Path) -> Mark:
        """Where the mapping key that leads to ``path`` is written (or the node itself)."""
        index = self._positions().keys.get(path)
        return self.mark_at(index) if index is not None else self.locate(path)

    def problem(self, mark: Mark, rule: str, message: str, **kw: Any) -> Problem:
        """A problem in this file at ``mark``."""
        return Problem(self.file, mark.line, mark.column, rule, message, **kw)


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small, acyclic objects.

    Reading a national directory creates millions of short-lived dicts and lists; with the
    collector on, repeated full collections over the growing heap made loading four times slower.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _mark(raw: Any) -> Mark:
    return Mark(raw.line + 1, raw.column + 1, raw.index)


def _resolve(event: yaml.ScalarEvent) -> Any:
    if event.style:  # quoted or block scalars are always text (plain is None or "")
        return event.value
    return resolve_plain(event.value)


def _syntax_problem(
    doc: Document, exc: yaml.MarkedYAMLError, last: yaml.ScalarEvent | None = None
) -> Problem:
    """The problem ``exc`` is, at its place; ``last`` is the last scalar read before it."""
    raw = exc.problem_mark or exc.context_mark
    mark = _mark(raw) if raw is not None else Mark(1, 1, 0)
    english = f"{exc.problem or ''} {exc.context or ''}"
    char = doc.text[mark.index] if 0 <= mark.index < len(doc.text) else ""
    if char == "\t":
        return doc.problem(
            mark, "tab", "tabbtecken är inte tillåtet här; använd mellanslag för indrag"
        )
    unclosed = _unclosed_quote(doc, exc, last)
    if unclosed is not None:
        opened, until = unclosed
        return doc.problem(
            opened,
            "yaml-syntax",
            f"YAML-syntaxfel: texten inom citattecken som börjar här fortsätter till {until} "
            "(saknas ett citattecken?)",
        )
    return doc.problem(mark, "yaml-syntax", f"YAML-syntaxfel: {syntax_message(english)}")


# A line inside quoted text that reads as a key or a list item: a line a missing quote swallowed.
_SWALLOWED = re.compile(r"\n[ \t]*(?:- +)?[^\s#'\"-][^\n:]*:(?:[ \t]|$)", re.MULTILINE)


def _unclosed_quote(
    doc: Document, exc: yaml.MarkedYAMLError, last: yaml.ScalarEvent | None
) -> tuple[Mark, str] | None:
    """Where a quote opened that was closed too late (and how far the text ran), or ``None``.

    A quote left open takes the next lines as text up to the next quote, and YAML stumbles only
    after that one: the place YAML names is then lines below the mistake.
    """
    quoted = "quoted scalar" in (exc.context or "")  # libyaml, and PyYAML's "double-quoted"
    if quoted and "end of stream" in (exc.problem or "") and exc.context_mark is not None:
        return _mark(exc.context_mark), "filens slut"
    if last is None or last.style not in ("'", '"') or exc.problem_mark is None:
        return None
    start, end = _mark(last.start_mark), _mark(last.end_mark)
    if start.line == end.line or end.line != exc.problem_mark.line + 1:
        return None
    if not _SWALLOWED.search(doc.text, start.index, end.index):
        return None
    return start, f"rad {end.line}"


# Control characters that YAML itself refuses when written as they are (libyaml would stop at the
# first with an English message); NEL is among them, since YAML 1.1 would take it for a line break.
_RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _marks_at(text: str, indices: list[int]) -> Iterator[Mark]:
    """The marks of ascending ``indices`` in ``text``, in one pass."""
    line, line_start, done = 1, 0, 0
    for index in indices:
        breaks = text.count("\n", done, index)
        if breaks:
            line += breaks
            line_start = text.rfind("\n", done, index) + 1
        done = index
        yield Mark(line, index - line_start + 1, index)


def read_document(text: str, file: str) -> Document:
    """Parse ``text`` strictly; every problem ends up in ``Document.problems``.

    Every text value and key passes the input gate (:mod:`planctl.textgate`): it is
    NFC-normalised, and a control character is the problem ``control-character`` at its place.
    """
    raw = [found.start() for found in _RAW_CONTROL.finditer(text)]
    if raw:
        doc = Document(file=file, text=text, index=_Index(), source=_RAW_CONTROL.sub(" ", text))
        doc.problems.extend(
            doc.problem(mark, textgate.RULE, textgate.refusal(text[mark.index]))
            for mark in _marks_at(text, raw)
        )
        _read_exact(doc)
        return doc
    plain, data = read_fast(text)
    if plain:
        return Document(file=file, text=text, data=data)
    doc = Document(file=file, text=text, index=_Index())
    _read_exact(doc)
    return doc


def _read_exact(doc: Document, *, positions_only: bool = False) -> None:
    """The exact path: values, positions and every YAML-level problem from the event stream.

    ``positions_only`` (indexing a document already read) keeps no scalar values: only the
    structure that paths need, so the index costs little memory beside the values.
    """
    text = doc.source if doc.source is not None else doc.text
    builder = _Builder(doc, keep_values=not positions_only)
    try:
        builder.run(yaml.parse(text, Loader=Loader))
    except yaml.MarkedYAMLError as exc:
        doc.problems.append(_syntax_problem(doc, exc, builder.last_scalar))
        doc.data = None
    except _GiveUpError:  # the reason is already among the problems
        doc.data = None
    except yaml.YAMLError as exc:  # reader errors without a mark
        position = getattr(exc, "position", 0)
        mark = doc.mark_at(position) if isinstance(position, int) else Mark(1, 1, 0)
        doc.problems.append(
            doc.problem(mark, "yaml-syntax", f"YAML-fel: {syntax_message(str(exc))}")
        )
        doc.data = None


@dataclass
class _Frame:
    path: Path
    container: dict[str, Any] | list[Any]
    key: str | None = None
    key_path: Path = ()  # the path of the value the pending key leads to (shared, not rebuilt)
    key_mark: Mark | None = None
    key_lines: dict[str, Mark] = field(default_factory=dict)


class _Builder:
    """Turns the event stream into plain values, checking what the reader refuses."""

    def __init__(self, doc: Document, *, keep_values: bool = True) -> None:
        self.doc = doc
        self.keep_values = keep_values
        self.index = doc.index if doc.index is not None else _Index()
        self.stack: list[_Frame] = []
        self.documents = 0
        self.skip_depth = 0  # >0 while skipping a subtree that cannot be used (complex keys)
        self.last_scalar: yaml.ScalarEvent | None = None  # where a syntax error may have begun

    def run(self, events: Iterator[yaml.Event]) -> None:
        doc = self.doc
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                self.documents += 1
                if self.documents == 2:
                    doc.problems.append(
                        doc.problem(
                            _mark(event.start_mark),
                            "multiple-documents",
                            "filen innehåller flera YAML-dokument ('---'); bara ett är tillåtet",
                        )
                    )
                continue
            if isinstance(
                event, yaml.StreamStartEvent | yaml.StreamEndEvent | yaml.DocumentEndEvent
            ):
                continue
            if self.documents > 1:
                continue
            if isinstance(event, yaml.ScalarEvent):
                self.last_scalar = event
            self._event(event)

    def _check_node(self, event: yaml.NodeEvent, mark: Mark) -> None:
        doc = self.doc
        if event.anchor is not None and not isinstance(event, yaml.AliasEvent):
            doc.problems.append(
                doc.problem(
                    mark,
                    "anchor",
                    f"ankare (&{event.anchor}) är inte tillåtna; skriv ut värdet där det behövs",
                )
            )
        # libyaml reports a tag only when one is written out ("!" is the non-specific tag).
        tag = getattr(event, "tag", None)
        explicit = tag not in (None, "!")
        if explicit:
            doc.problems.append(
                doc.problem(mark, "tag", f"taggar ({tag}) är inte tillåtna; skriv värdet utan tagg")
            )

    def _event(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            frame = self.stack.pop()
            self.index.ends[frame.path] = _mark(event.end_mark).index
            return
        if not isinstance(event, yaml.NodeEvent):  # pragma: no cover - exhaustive above
            return
        mark = _mark(event.start_mark)
        self._check_node(event, mark)
        parent = self.stack[-1] if self.stack else None
        # A mapping key?
        if isinstance(parent, _Frame) and isinstance(parent.container, dict) and parent.key is None:
            self._key(parent, event, mark)
            return
        path = self._child_path(parent)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "tag", None) not in (None, "!"):
            self.doc.refused.add(path)
        if isinstance(event, yaml.AliasEvent):
            self.doc.problems.append(
                self.doc.problem(
                    mark,
                    "alias",
                    f"alias (*{event.anchor}) är inte tillåtna; skriv ut värdet där det behövs",
                )
            )
            value: Any = None
        elif isinstance(event, yaml.ScalarEvent):
            value = _resolve(event) if self.keep_values else None
            if isinstance(value, str):
                value = self._gate(event, value)
        elif isinstance(event, yaml.MappingStartEvent):
            value = {}
        else:
            value = []
        self.index.starts[path] = mark.index
        if parent is None:
            self.doc.data = value
        else:
            self._store(parent, value)
        if isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
            self.index.ends[path] = _mark(event.end_mark).index
            return
        if len(self.stack) >= MAX_DEPTH:
            self.doc.problems.append(
                self.doc.problem(
                    mark, "too-deep", f"strukturen är nästlad djupare än {MAX_DEPTH} nivåer"
                )
            )
            raise _GiveUpError
        self.stack.append(_Frame(path, value))

    def _gate(self, event: yaml.ScalarEvent, value: str) -> str:
        """``value`` through the input gate: NFC; a control character is a problem at its place."""
        index = textgate.first_forbidden(value)
        if index is not None:
            char = value[index]
            start = _mark(event.start_mark)
            end = _mark(event.end_mark).index if event.end_mark is not None else len(self.doc.text)
            # Written as itself (a bidi override) it has a place of its own; written as an
            # escape ("\\e") the scalar's start is the place.
            raw = self.doc.text.find(char, start.index, end)
            mark = start if raw < 0 else self.doc.mark_at(raw)
            self.doc.problems.append(self.doc.problem(mark, textgate.RULE, textgate.refusal(char)))
        return textgate.normalise(value)

    def _child_path(self, parent: _Frame | None) -> Path:
        if parent is None:
            return ()
        if isinstance(parent.container, dict):
            assert parent.key is not None
            return parent.key_path
        return (*parent.path, len(parent.container))

    def _store(self, parent: _Frame, value: Any) -> None:
        if isinstance(parent.container, dict):
            assert parent.key is not None
            if parent.key not in parent.container:
                parent.container[parent.key] = value
            parent.key = None
        else:
            parent.container.append(value)

    def _key(self, parent: _Frame, event: yaml.NodeEvent, mark: Mark) -> None:
        doc = self.doc
        if isinstance(event, yaml.ScalarEvent):
            key = self._gate(event, event.value)
        else:
            doc.problems.append(
                doc.problem(mark, "complex-key", "en nyckel måste vara en enkel text")
            )
            if isinstance(event, yaml.AliasEvent):
                key = f"*{event.anchor}"
            else:
                raise _GiveUpError
        earlier = parent.key_lines.get(key)
        if earlier is not None:
            doc.problems.append(
                doc.problem(
                    mark,
                    "duplicate-key",
                    f"nyckeln '{key}' finns redan på rad {earlier.line}; "
                    "bara det första värdet används",
                )
            )
            # Keep the first value; give the duplicate a path of its own so positions stay sane.
            parent.key = f"{key}\x00{mark.line}"
            parent.key_path = (*parent.path, parent.key)
            self.index.keys[parent.key_path] = mark.index
            return
        parent.key_lines[key] = mark
        parent.key = key
        parent.key_path = (*parent.path, key)
        self.index.keys[parent.key_path] = mark.index


class _GiveUpError(Exception):
    """Raised after recording a problem that makes the rest of the file meaningless."""
