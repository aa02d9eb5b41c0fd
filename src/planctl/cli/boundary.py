"""The one error boundary: domain errors, Ctrl-C and a stdout that cannot be written.

A :class:`~planctl.errors.PlanctlError` becomes one Swedish line on stderr (after the problems it
carries) and its exit code; usage errors stay Typer's (exit 2); anything else is a bug and keeps
its traceback. Exit codes are defined in :mod:`planctl.errors` only.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Callable
from pathlib import Path

from planctl.errors import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    InputError,
    PlanctlError,
    os_reason,
    write_failure,
)


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
    """Run ``main`` (the whole program) with UTF-8 output and the endings of an I/O failure.

    - stdout and stderr write UTF-8 to files and pipes whatever the locale (a Windows redirect
      is cp1252, an old Unix locale Latin-1); a terminal keeps its own encoding, and a character
      it cannot show becomes ``?`` instead of a traceback.
    - A closed stdout (``| head -1``) ends quietly with :data:`EXIT_BROKEN_PIPE` (141).
    - Output that cannot be written (stdout on a full disk, ``> /dev/full``) ends in one Swedish
      line and the exit code :func:`~planctl.errors.write_failure` gives every write (3 here),
      like ``-o`` or a data file that cannot be written.
    - A file or folder that cannot be read is exit 2 with its name, never "kunde inte skriva".
    """
    use_utf8()
    try:
        try:
            main()
        except SystemExit as exc:
            # Click ends a broken pipe outside a command (help text) with exit 1 and leaves
            # this wrapper on stdout as its mark; exit 1 means "the data has errors" here.
            if exc.code == 1 and type(sys.stdout).__name__ == "PacifyFlushWrapper":
                raise SystemExit(EXIT_BROKEN_PIPE) from None
            raise
        finally:
            sys.stdout.flush()  # here, not at exit, so that a failure is reported like the rest
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            silence_stdout()
            raise SystemExit(EXIT_BROKEN_PIPE) from None
        if exc.filename is not None:  # a file operation, not the output stream
            report_error(InputError(f"{exc.filename}: kan inte läsas ({os_reason(exc)})"))
            raise SystemExit(EXIT_USAGE) from None
        silence_stdout()
        failure = write_failure("kunde inte skriva utdata", exc)
        report_error(failure)
        raise SystemExit(failure.exit_code) from None


class _ClosedOutput(io.RawIOBase):
    """Stands in for a stream whose descriptor was closed (``planctl list >&-``).

    Writing to it is a broken pipe, so a command that prints data ends quietly with exit 141,
    while one that only writes files (``status set``) still works.
    """

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        raise BrokenPipeError(errno.EPIPE, "stdout är stängd")

    def fileno(self) -> int:
        raise BrokenPipeError(errno.EPIPE, "stdout är stängd")


def use_utf8() -> None:
    """Write UTF-8 to files and pipes; a terminal keeps its encoding and degrades to ``?``.

    A closed stdout or stderr (``>&-``, ``2>&-``) becomes a stand-in: stdout as a broken pipe,
    stderr as the null device (the messages have nowhere to go); a closed stdin reads as empty,
    so a question ends the way an empty answer file does.
    """
    if sys.stdin is None:  # `<&-`: questions read end of input, as from an empty file
        sys.stdin = Path(os.devnull).open(encoding="utf-8")  # noqa: SIM115 - for the process's life
    if sys.stdout is None:
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(_ClosedOutput()), encoding="utf-8")
    if sys.stderr is None:
        sys.stderr = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115 - for the process's life
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue  # replaced (a test runner): leave it alone
        try:
            terminal = stream.isatty()
        except ValueError:  # closed
            continue
        if terminal:
            stream.reconfigure(errors="replace")
        else:
            stream.reconfigure(encoding="utf-8", errors="replace")


def silence_stdout() -> None:
    """Point stdout at the null device, so the broken stream is not flushed again at exit."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass
    sys.stdout = io.StringIO()
