"""Output escapes that make text from the files and the command line harmless where it lands.

CI logs: GitHub's runner reads every line a step prints, strips leading white space and executes
a line that begins with ``::`` (or the older ``##[``) as a workflow command (``::add-mask::``,
``::error file=…::``, ``::stop-commands::``). Text from plans, file names and arguments reaches
stdout and stderr on many paths (tables, problems, error messages, prompts), so the guard sits on
the streams themselves, where nothing can go around it: :func:`inert_streams` wraps both for the
whole command (the CLI's error boundary), and only :func:`write_commands` passes planctl's own
annotations (``validate --format github``) through.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
from collections.abc import Iterator
from typing import BinaryIO, TextIO

COMMAND_GUARD = "\\"
"""Put before a line that would otherwise start a workflow command: ``\\::error::x``."""

_UNDECIDED = re.compile(r"[^\S\n\r]*(?::|#|##)?")
_COMMAND = re.compile(r"[^\S\n\r]*(?:::|##\[)")


def inert(text: str) -> str:
    """``text`` with every line that would start a CI workflow command guarded."""
    return "".join(
        COMMAND_GUARD + line if _COMMAND.match(line) else line
        for line in text.splitlines(keepends=True)
    )


class InertStream(io.TextIOBase):
    """A text stream that passes everything on but guards lines that start a workflow command.

    A line's start is held back only while it is still undecided (white space, ``:``, ``#``),
    so prompts and progress appear at once. :meth:`write_commands` is the one way around the
    guard, for the workflow commands planctl means to send (``validate -f github``).
    """

    def __init__(self, raw: TextIO) -> None:
        super().__init__()
        self.raw = raw
        self._head = ""
        self._at_start = True

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        out: list[str] = []
        for piece in text.splitlines(keepends=True):
            if self._at_start:
                head = self._head + piece
                if _UNDECIDED.fullmatch(head):
                    self._head = head
                    continue
                self._head = ""
                piece = COMMAND_GUARD + head if _COMMAND.match(head) else head
            out.append(piece)
            self._at_start = piece != piece.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        if out:
            self.raw.write("".join(out))
        return len(text)

    def _release(self) -> None:
        """Write a held line start (a guard first when it could still become a command)."""
        if self._head:
            head, self._head = self._head, ""
            self.raw.write(COMMAND_GUARD + head if head.strip() else head)
            self._at_start = False

    def write_commands(self, text: str) -> None:
        """Write workflow commands planctl itself made (their data already escaped)."""
        self._release()
        self.raw.write(text)
        self._at_start = text.endswith("\n") or (self._at_start and not text)

    def flush(self) -> None:
        self._release()
        self.raw.flush()

    def isatty(self) -> bool:
        return self.raw.isatty()

    def fileno(self) -> int:
        return self.raw.fileno()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]  # the wrapped stream's
        return self.raw.encoding

    @property
    def errors(self) -> str | None:  # type: ignore[override]  # the wrapped stream's
        return self.raw.errors

    @property
    def buffer(self) -> BinaryIO:
        """The binary stream under the text (binary formats such as xlsx; no lines to guard)."""
        self.flush()
        return self.raw.buffer


def write_commands(stream: TextIO | InertStream, text: str) -> None:
    """Send workflow commands on ``stream`` past its :class:`InertStream` guard, if it has one."""
    if isinstance(stream, InertStream):
        stream.write_commands(text)
    else:
        stream.write(text)


def write_document(stream: TextIO | InertStream, data: bytes) -> None:
    """Write a rendered document's bytes to ``stream``'s binary buffer, its lines guarded.

    Text (anything that is UTF-8: CSV with its BOM and CRLF, HTML, JSON) is guarded like every
    other line, byte for byte otherwise; a binary format (xlsx) has no lines and passes as is.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        guarded = data
    else:
        guarded = inert(text).encode("utf-8")
    stream.flush()
    raw = stream.raw if isinstance(stream, InertStream) else stream
    raw.buffer.write(guarded)
    raw.flush()


@contextlib.contextmanager
def inert_streams() -> Iterator[None]:
    """Guard ``sys.stdout`` and ``sys.stderr`` for the ``with`` block (the CLI's boundary)."""
    saved = sys.stdout, sys.stderr
    if isinstance(sys.stdout, InertStream):  # already inside the boundary
        yield
        return
    sys.stdout, sys.stderr = InertStream(sys.stdout), InertStream(sys.stderr)
    try:
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        sys.stdout, sys.stderr = saved
