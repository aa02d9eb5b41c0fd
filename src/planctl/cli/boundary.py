"""The one error boundary: domain errors, Ctrl-C and a stdout that cannot be written.

A :class:`~planctl.errors.PlanctlError` becomes one Swedish line on stderr (after the problems it
carries) and its exit code; usage errors stay Typer's (exit 2); anything else is a bug and keeps
its traceback. Exit codes are defined in :mod:`planctl.errors` only.
"""

from __future__ import annotations

import errno
import io
import sys
from collections.abc import Callable
from pathlib import Path

from planctl.errors import EXIT_CONFLICT, EXIT_INTERRUPTED, ConflictError, PlanctlError, os_reason


def report_error(exc: PlanctlError) -> None:
    """The error boundary's output: every problem, then one line saying what went wrong."""
    from planctl.render.problems import problems_text

    if exc.problems:
        sys.stderr.write(problems_text(exc.problems))
    message = exc.message.replace("\r", "\\r").replace("\n", "\\n")  # one line, always
    sys.stderr.write(f"planctl: fel: {message}\n")


def _written() -> tuple[Path, ...]:
    # Not imported here: a command that writes nothing never loads the writer.
    savefile = sys.modules.get("planctl.writing.savefile")
    return savefile.completed() if savefile is not None else ()


def written_so_far() -> int:
    """How many files this process has written (a mark for :func:`report_interrupt`)."""
    return len(_written())


def report_interrupt(*, since: int) -> None:
    """After Ctrl-C: say which files the command had written, then exit 130; else let it pass.

    A write becomes visible by a rename that SIGINT cannot split; a Ctrl-C that lands after it
    must not look like "nothing happened" (and invite the same entry again).
    """
    from planctl.documents import display_path

    written = _written()[since:]
    if not written:
        return
    names = ", ".join(dict.fromkeys(display_path(p, Path.cwd()) for p in written))
    sys.stderr.write(f"\nplanctl: avbrutet – men detta hann skrivas och är sparat: {names}\n")
    raise SystemExit(EXIT_INTERRUPTED)


def run_guarded(main: Callable[[], object]) -> None:
    """Run ``main`` (the whole program); output that cannot be written ends in exit code 3.

    Output that cannot be written (stdout on a full disk, ``> /dev/full``) is not a bug: it ends
    in one Swedish line and exit code 3, like a data file that cannot be written. A closed pipe
    (``| head``) stays Typer's: quiet, exit 1.
    """
    try:
        try:
            main()
        finally:
            sys.stdout.flush()  # here, not at exit, so that a failure is reported like the rest
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            raise
        sys.stdout = io.StringIO()  # the broken stdout must not be flushed again at exit
        report_error(ConflictError(f"kunde inte skriva utdata ({os_reason(exc)})"))
        raise SystemExit(EXIT_CONFLICT) from None
