"""Assertions and a lock holder shared by the tests of writing commands."""

from __future__ import annotations

import contextlib
import difflib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

HOLD_LOCK = """
import sys, time
from pathlib import Path
from planctl.writing import savefile
with savefile.locked(Path(sys.argv[1])):
    print("låst", flush=True)
    time.sleep(30)
"""


@contextlib.contextmanager
def lock_held_elsewhere(path: Path) -> Iterator[None]:
    """Another process holds planctl's write lock of ``path`` in the block; it is killed after."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "låst"
        yield
    finally:
        holder.kill()
        holder.wait()


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
