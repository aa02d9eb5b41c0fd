"""Validation problems as plain lines and the one-line count ``validate`` ends with."""

from __future__ import annotations

from collections.abc import Sequence

from planctl.errors import Problem, Severity
from planctl.nouns import agree, count_words
from planctl.render.escape import one_line


def problems_text(problems: Sequence[Problem]) -> str:
    """Every problem on its own line, ``file:line:column: fel [rule] message``.

    A line break or control character quoted from a file is made harmless: one line per problem.
    """
    return "".join(one_line(p.format()) + "\n" for p in problems)


def problems_summary(problems: Sequence[Problem], files: int) -> str:
    """One line: how many errors and warnings in how many files."""
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    warnings = len(problems) - errors
    checked = count_words(files, "fil", "filer")
    if not problems:
        return f"OK: {checked} {agree(files, 'kontrollerad', 'kontrollerade')}, inga problem"
    return f"{errors} fel och {count_words(warnings, 'varning', 'varningar')} i {checked}"
