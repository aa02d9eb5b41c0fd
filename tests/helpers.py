"""Assertions shared by the tests of writing commands."""

from __future__ import annotations

import difflib


def added_lines(old: str, new: str) -> list[str]:
    """The lines ``new`` adds to ``old``; fails if any line of ``old`` was changed or removed."""
    a = old.splitlines(keepends=True)
    b = new.splitlines(keepends=True)
    added: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        assert tag in ("equal", "insert"), f"lines {i1 + 1}–{i2} changed: {a[i1:i2]!r}"
        if tag == "insert":
            added.extend(b[j1:j2])
    assert "".join(a) == old  # splitlines(keepends=True) is lossless
    return added
