"""Comment-preserving edits of YAML text: appending items to a sequence by adding lines.

planctl never re-dumps a file. People review every change as a diff, so an edit must touch only
the lines it has to: the new items are inserted as text right after the last line of the node they
extend, in the file's own indentation and line-break style. Every other byte (comments, blank
lines, key order, quoting, the schema modeline, a missing final newline) stays as it was.

Positions come from :class:`~planctl.yamlio.Document`. Two cases cannot be pure additions, and
are kept as small as possible:

- ``key: []`` (an empty flow sequence) becomes ``key:`` followed by the new block items; the
  ``[]`` on that one line is removed.
- ``key: [a, b]`` (a non-empty flow sequence) gets the new items inside its brackets, as flow
  mappings, so only its last line changes.

And when the insertion point is the very end of a file without a final newline, the new lines are
joined on with a line break before them, keeping the file without a final newline.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from planctl.errors import PlanctlError
from planctl.yamlio import Document, Path

Item = tuple[tuple[str, str], ...]
"""A mapping to add, as ``(key, rendered scalar)`` pairs in the order they are written."""


@dataclass(frozen=True)
class Append:
    """Append ``items`` to the block sequence under ``key`` of the mapping at ``mapping``.

    When the mapping has no ``key`` yet, ``key:`` is added as its last entry.
    """

    mapping: Path
    key: str
    items: tuple[Item, ...]


class EditError(PlanctlError):
    """The file is written in a form planctl cannot extend by adding lines (exit 1)."""


# --- scalars ---------------------------------------------------------------------------------

_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\0": "\\0",
    "\x07": "\\a",
    "\x08": "\\b",
    "\x0b": "\\v",
    "\x0c": "\\f",
    "\x1b": "\\e",
    "\x85": "\\N",
    "\xa0": "\\_",
    "\u2028": "\\L",
    "\u2029": "\\P",
}


def _printable(char: str) -> bool:
    code = ord(char)
    return (
        0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    ) and code != 0xFEFF


def double_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar that reads back as exactly ``text``."""
    out: list[str] = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif _printable(char):
            out.append(char)
        elif ord(char) <= 0xFF:
            out.append(f"\\x{ord(char):02x}")
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{ord(char):04x}")
        else:  # pragma: no cover - every astral code point is printable in YAML
            out.append(f"\\U{ord(char):08x}")
    return '"' + "".join(out) + '"'


# Words, digits, spaces and a few harmless marks; starting with a letter. No ': ', ' #', flow
# indicators or quotes, so the text reads the same in block and flow context.
_PLAIN = re.compile(r"[^\W\d_](?:[\w .()/-]*[\w.)])?")
_NOT_PLAIN = frozenset(
    {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf"}
)  # words other YAML readers (1.1) would turn into booleans, null or numbers


def scalar(text: str) -> str:
    """``text`` plain when that is unambiguous in every YAML reader, else double-quoted."""
    if _PLAIN.fullmatch(text) and text.casefold() not in _NOT_PLAIN and "  " not in text:
        return text
    return double_quoted(text)


# --- layout ------------------------------------------------------------------------------------


def newline_of(text: str) -> str:
    """The file's line break: the one its first line ends with (``\\n`` when it has none)."""
    first = text.find("\n")
    return "\r\n" if first > 0 and text[first - 1] == "\r" else "\n"


def _is_flow(doc: Document, path: Path) -> bool:
    mark = doc.starts[path]
    return doc.text[mark.index : mark.index + 1] in ("[", "{")


def _children(doc: Document, path: Path) -> list[Path]:
    """The direct children of a collection node, in the order they are written."""
    depth = len(path) + 1
    found = [p for p in doc.starts if len(p) == depth and p[: len(path)] == path]
    return sorted(found, key=lambda p: doc.starts[p].index)


def _content_end(doc: Document, path: Path) -> int:
    """Where the text of a node ends: a block collection ends where its last leaf ends.

    libyaml lets a block collection end at the next token, which may lie past comments and blank
    lines that belong to what follows; the last leaf's end does not.
    """
    while not _is_flow(doc, path):
        children = _children(doc, path)
        if not children:  # a scalar
            break
        path = children[-1]
    return doc.ends[path].index


def _line_end(text: str, index: int) -> int:
    """The index just past the line break of the line ``index`` lies on (or the text's end)."""
    if index > 0 and text[index - 1] == "\n":  # block scalars end at the start of a line
        return index
    found = text.find("\n", index)
    return len(text) if found < 0 else found + 1


@dataclass(frozen=True)
class _Layout:
    """How a block sequence of mappings is indented under its key."""

    dash: int  # columns from the key to the dash
    gap: int  # columns from the dash to the item's keys


def _layout_of(doc: Document, seq: Path) -> _Layout | None:
    """The layout of the block sequence at ``seq`` (a mapping value), if it is one."""
    key = doc.keys.get(seq)
    if key is None or seq not in doc.starts or _is_flow(doc, seq):
        return None
    items = _children(doc, seq)
    if not items:
        return None
    dash = doc.starts[seq].column
    first = doc.starts[items[0]].column
    if first <= dash:
        return None
    return _Layout(dash=dash - key.column, gap=first - dash)


def _template(doc: Document, appends: Sequence[Append]) -> _Layout:
    """The layout new sequences copy: another sequence under the same key, else the parent's."""
    keys = {a.key for a in appends}
    for path in sorted(doc.starts, key=lambda p: doc.starts[p].index):
        if path and path[-1] in keys:
            found = _layout_of(doc, path)
            if found is not None:
                return found
    for append in appends:
        parent = append.mapping[:-1]
        if parent and isinstance(append.mapping[-1], int):
            found = _layout_of(doc, parent)
            if found is not None:
                return found
    return _Layout(dash=2, gap=2)


def _block_item(item: Item, dash_col: int, key_col: int, nl: str) -> str:
    lines = []
    for number, (key, value) in enumerate(item):
        if number == 0:
            lead = " " * (dash_col - 1) + "-" + " " * (key_col - dash_col - 1)
        else:
            lead = " " * (key_col - 1)
        lines.append(f"{lead}{key}: {value}{nl}")
    return "".join(lines)


def _flow_item(item: Item) -> str:
    return "{" + ", ".join(f"{key}: {value}" for key, value in item) + "}"


# --- the edit ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    replacement: str


def _edits_for(doc: Document, append: Append, layout: _Layout, nl: str) -> list[_Edit]:
    text = doc.text
    if append.mapping not in doc.starts or _is_flow(doc, append.mapping):
        where = doc.locate(append.mapping)
        raise EditError(
            f"{doc.file}:{where.line}:{where.column}: posten är skriven i flödesstil ({{…}}); "
            "skriv den som block (en nyckel per rad) så kan planctl lägga till rader"
        )
    seq = (*append.mapping, append.key)
    if seq in doc.starts:
        if _is_flow(doc, seq):
            return _flow_edits(doc, seq, append.items, layout, nl)
        items = _children(doc, seq)
        if not items or not all(isinstance(p[-1], int) for p in items):
            where = doc.starts[seq]
            raise EditError(
                f"{doc.file}:{where.line}:{where.column}: '{append.key}' är ingen lista; "
                "rätta filen först (se 'planctl validate')"
            )
        dash_col = doc.starts[seq].column
        key_col = doc.starts[items[0]].column
        at = _line_end(text, _content_end(doc, seq))
        added = "".join(_block_item(item, dash_col, key_col, nl) for item in append.items)
        return [_insert_lines(text, at, added, nl)]
    # No key yet: add it after the mapping's last entry, aligned with the mapping's keys.
    key_col = doc.starts[append.mapping].column
    dash_col = key_col + layout.dash
    added = (
        " " * (key_col - 1)
        + f"{append.key}:{nl}"
        + "".join(_block_item(item, dash_col, dash_col + layout.gap, nl) for item in append.items)
    )
    at = _line_end(text, _content_end(doc, append.mapping))
    return [_insert_lines(text, at, added, nl)]


def _flow_edits(
    doc: Document, seq: Path, items: tuple[Item, ...], layout: _Layout, nl: str
) -> list[_Edit]:
    text = doc.text
    start, end = doc.starts[seq].index, doc.ends[seq].index
    if not _children(doc, seq):
        # ``key: []`` becomes a block sequence: drop the brackets and the spaces before them.
        cut = start
        while cut > 0 and text[cut - 1] == " ":
            cut -= 1
        dash_col = doc.keys[seq].column + layout.dash
        added = "".join(_block_item(item, dash_col, dash_col + layout.gap, nl) for item in items)
        return [_Edit(cut, end, ""), _insert_lines(text, _line_end(text, end), added, nl)]
    # ``key: [a, b]`` keeps its style: the new items go inside the brackets.
    before = end - 1  # the closing bracket
    while before > start and text[before - 1] in " \t\r\n":
        before -= 1
    comma = "" if text[before - 1] == "," else ", "
    return [_Edit(before, before, comma + ", ".join(_flow_item(item) for item in items))]


def _insert_lines(text: str, at: int, lines: str, nl: str) -> _Edit:
    if at == len(text) and text and not text.endswith("\n"):
        # Keep the file without a final newline: the break goes before the new lines.
        return _Edit(at, at, nl + lines[: -len(nl)])
    return _Edit(at, at, lines)


def append_items(doc: Document, appends: Sequence[Append]) -> str:
    """The text of ``doc`` with every append applied; ``doc`` itself is not changed."""
    if doc.problems or not doc.starts:  # broken, or empty (the value tree may be released)
        raise EditError(f"{doc.file}: filen har fel; rätta dem först (se 'planctl validate')")
    nl = newline_of(doc.text)
    layout = _template(doc, appends)
    edits: list[_Edit] = []
    for append in appends:
        edits.extend(_edits_for(doc, append, layout, nl))
    # Apply from the end so that earlier positions stay valid; equal positions keep their order.
    ordered = sorted(enumerate(edits), key=lambda pair: (pair[1].start, pair[0]), reverse=True)
    text = doc.text
    for _, edit in ordered:
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


def unified_diff(old: str, new: str, name: str) -> str:
    """A ``git diff``-style unified diff of two texts of the file ``name``."""
    out: list[str] = []
    lines = difflib.unified_diff(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile=f"a/{name.lstrip('/')}",
        tofile=f"b/{name.lstrip('/')}",
    )
    for line in lines:
        if line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)
