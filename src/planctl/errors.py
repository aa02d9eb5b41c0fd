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
}


def os_reason(exc: OSError) -> str:
    """Why the operating system refused, in Swedish (the C library's text is English)."""
    return _OS_REASONS.get(exc.errno or 0, exc.strerror or str(exc))


def exit_code_for(problems: Iterable[Problem]) -> int:
    """``validate``'s exit code: :data:`EXIT_PROBLEMS` when any problem is an error, else 0."""
    return EXIT_PROBLEMS if any(p.severity is Severity.ERROR for p in problems) else EXIT_OK
