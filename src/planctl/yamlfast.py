"""The fast path of the YAML reader: values straight from libyaml's events, for clean files.

Most files have nothing the exact path (:mod:`planctl.yamlio`) must report: no anchors, aliases,
tags, duplicate keys, control characters or deep nesting. Their values are built here from the
event stream, one event at a time, without a node tree and without positions: memory stays at the
size of the values (a node tree with two marks per node took four times as much) and time grows
linearly with the file. Anything unusual sends the file to the exact path, which reports it.

Plain scalars follow a small YAML 1.2 core subset (:func:`resolve_plain`): integers, decimals,
``true``/``false`` and ``null`` are typed, everything else stays text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml

from planctl import textgate
from planctl.yamlerrors import MAX_DEPTH

# The C parser is an order of magnitude faster on large directories; PyYAML may lack it.
Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUES = frozenset({"true", "True", "TRUE"})
_FALSES = frozenset({"false", "False", "FALSE"})
_MAYBE_TYPED = frozenset("0123456789+-.~nNtTfF")

# Characters without which a file can hold no anchor, alias or tag, and nested flow collections
# (the only way to nest deeply in few bytes): a text free of both can take the fast path.
_SPECIAL = re.compile(r"[&*!]|[\[{][^\]}\n]*[\[{]")


def resolve_plain(value: str) -> Any:
    """The value of a plain (unquoted) scalar: int, float, bool, None or the text itself."""
    if value and value[0] not in _MAYBE_TYPED:  # the common case: plain text
        return value
    if value in _NULLS:
        return None
    if value in _TRUES:
        return True
    if value in _FALSES:
        return False
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    return value


class _NotPlainError(Exception):
    """The fast path met something only the exact path reports properly."""


def _gated(value: str) -> str:
    """A text value through the input gate: NFC, and no control character."""
    if textgate.first_forbidden(value) is not None:
        raise _NotPlainError  # the exact path reports it at its position
    return textgate.normalise(value)


_NO_KEY = object()


def read_fast(text: str) -> tuple[bool, Any]:
    """Values of a plain, clean document; ``(False, None)`` when the exact path must read it."""
    if _SPECIAL.search(text) or textgate.first_forbidden(text) is not None:
        return False, None
    # A value can differ from the text it is written as only through an escape ("\e"), so a
    # composed text without backslashes needs no check value by value.
    gate = "\\" in text or not (text.isascii() or unicodedata.is_normalized("NFC", text))
    try:
        return True, _build(yaml.parse(text, Loader=Loader), gate)
    except (_NotPlainError, yaml.YAMLError):
        return False, None


def _build(events: Any, gate: bool) -> Any:
    root: Any = None
    # One frame per open collection: [container, the key waiting for its value].
    stack: list[list[Any]] = []
    documents = 0
    for event in events:
        kind = type(event)
        if kind is yaml.ScalarEvent:
            frame = stack[-1] if stack else None
            if frame is not None and frame[1] is _NO_KEY and isinstance(frame[0], dict):
                key = _gated(event.value) if gate else event.value
                if key in frame[0]:
                    raise _NotPlainError  # duplicate key
                frame[1] = key
                continue
            value = event.value if event.style else resolve_plain(event.value)
            if gate and isinstance(value, str):
                value = _gated(value)
        elif kind is yaml.MappingStartEvent:
            value = {}
        elif kind is yaml.SequenceStartEvent:
            value = []
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            stack.pop()
            continue
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _NotPlainError
            continue
        elif kind is yaml.AliasEvent:
            raise _NotPlainError
        else:  # stream start and end, document end
            continue
        if not stack:
            root = value
        else:
            frame = stack[-1]
            container = frame[0]
            if isinstance(container, list):
                container.append(value)
            elif frame[1] is _NO_KEY:
                raise _NotPlainError  # a collection as a key
            else:
                container[frame[1]] = value
                frame[1] = _NO_KEY
        if kind is not yaml.ScalarEvent:
            if len(stack) >= MAX_DEPTH:
                raise _NotPlainError
            stack.append([value, _NO_KEY])
    return root
