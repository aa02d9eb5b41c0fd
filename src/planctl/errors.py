"""Problems found in data files, and the errors that end a command.

Validation never raises for bad data: it yields :class:`Problem` values. A command that cannot go
on raises a :class:`PlanctlError` carrying its exit code; the CLI's single error boundary prints
the message and exits with that code.
"""

from __future__ import annotations

import enum
import errno
from collections.abc import Iterable
from dataclasses import dataclass, replace

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_CONFLICT = 3
EXIT_BROKEN_PIPE = 141
"""128 + SIGPIPE: what a shell reports for a program whose reader went away (``| head -1``)."""
# 128 + SIGINT, as shells report a program stopped with Ctrl-C.
EXIT_INTERRUPTED = 130


class Severity(enum.StrEnum):
    """How serious a problem is; only errors make ``validate`` fail (unless ``--strict``)."""

    ERROR = "fel"
    WARNING = "varning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, at a 1-based line and column (0 when unknown)."""

    file: str
    line: int
    column: int
    rule: str
    message: str
    severity: Severity = Severity.ERROR

    def location(self) -> str:
        """``file:line:column`` as editors and CI systems understand it."""
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"

    def format(self) -> str:
        """One line for a human reader."""
        return f"{self.location()}: {self.severity.value} [{self.rule}] {self.message}"


def as_errors(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """Every problem as an error: what ``--strict`` means, in every output format."""
    return tuple(replace(p, severity=Severity.ERROR) for p in problems)


class PlanctlError(Exception):
    """An error that ends a command with a Swedish message and an exit code."""

    exit_code = EXIT_PROBLEMS

    def __init__(self, message: str, *, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems


class UsageError(PlanctlError):
    """The user asked for something that does not exist or cannot be done (exit 2)."""

    exit_code = EXIT_USAGE


class InputError(PlanctlError):
    """A file or directory could not be found or read (exit 2)."""

    exit_code = EXIT_USAGE


class MissingSoftwareError(PlanctlError):
    """An output needs a Python package or system library that is not installed (exit 2)."""

    exit_code = EXIT_USAGE


def missing_package(what: str, package: str) -> MissingSoftwareError:
    """The error for an output whose Python package is missing; says how to install it."""
    return MissingSoftwareError(
        f"{what} kräver Python-paketet {package}, som inte är installerat; "
        "installera planctl med tillägget för dokument: pip install 'planctl[dokument]'"
    )


class DataError(PlanctlError):
    """The data files have errors; ``problems`` lists every one (exit 1)."""

    exit_code = EXIT_PROBLEMS


class ConflictError(PlanctlError):
    """A write could not be done safely and nothing was written; trying again may work (exit 3).

    The file changed on disk after planctl read it, another planctl holds the lock for too long,
    or the operating system refused the write.
    """

    exit_code = EXIT_CONFLICT


_OS_REASONS = {
    errno.ENOSPC: "disken är full",
    errno.EDQUOT: "diskkvoten är slut",
    errno.EACCES: "behörighet saknas",
    errno.EPERM: "behörighet saknas",
    errno.EROFS: "filsystemet är skrivskyddat",
    errno.ENOENT: "filen eller katalogen finns inte",
    errno.ENOTDIR: "en del av sökvägen är ingen katalog",
    errno.EISDIR: "är en katalog",
    errno.EEXIST: "något annat finns redan där",
    errno.EIO: "in/ut-fel på disken",
    errno.ETXTBSY: "filen används",
    errno.ENAMETOOLONG: "sökvägen är för lång",
    errno.ELOOP: "för många symboliska länkar i sökvägen",
    errno.EFBIG: "filen blir för stor",
}


def os_reason(exc: OSError) -> str:
    """Why the operating system refused, in Swedish (the C library's text is English)."""
    code = exc.errno or 0
    return _OS_REASONS.get(code, f"fel från operativsystemet: {errno.errorcode.get(code, code)}")


# A write that failed because of the path asked for: it cannot be a file (a missing folder, a
# folder where the file goes, a name too long). The user named the wrong thing: a usage error
# (exit 2). Every other refusal (a full disk, a quota, an I/O error, a read-only file system, no
# write permission) is the write refused with nothing written: trying again after freeing space,
# remounting or granting the right may work, as for a file changed under planctl (exit 3).
_PATH_FAILURES = frozenset(
    {errno.ENOENT, errno.ENOTDIR, errno.EISDIR, errno.EEXIST, errno.ENAMETOOLONG, errno.ELOOP}
)


def write_failure(message: str, exc: OSError, *, outcome: str | None = None) -> PlanctlError:
    """The error for a write the operating system refused: one mapping for every writer.

    Plans, drafts, lock files, ``-o`` files and stdout alike: a path that cannot be a file is an
    :class:`InputError` (exit 2); anything else (full disk, quota, I/O error, read-only file
    system, no permission) a :class:`ConflictError` (exit 3). The line is ``message``, the
    Swedish reason in parentheses, then ``outcome`` (what was left as it was), if given.
    """
    text = f"{message} ({os_reason(exc)})" + (f"; {outcome}" if outcome else "")
    return InputError(text) if exc.errno in _PATH_FAILURES else ConflictError(text)


def write_error(shown: str, exc: OSError, *, outcome: str = "inget skrevs") -> PlanctlError:
    """The error for a file ``shown`` that could not be written, always naming the file
    (classified by :func:`write_failure`)."""
    return write_failure(f"{shown}: kan inte skrivas", exc, outcome=outcome)


def exit_code_for(problems: Iterable[Problem]) -> int:
    """``validate``'s exit code: :data:`EXIT_PROBLEMS` when any problem is an error, else 0."""
    return EXIT_PROBLEMS if any(p.severity is Severity.ERROR for p in problems) else EXIT_OK
