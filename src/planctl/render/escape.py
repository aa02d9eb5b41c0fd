"""Output escapes: text from the files and the command line made harmless where it lands.

Control characters and markup. The input gate (:mod:`planctl.textgate`) refuses control
characters in what planctl reads, so a valid file has none. These helpers are the second line of
defence, for text that reaches an output without passing validation (a problem message quoting a
bad key, a file read from an old git revision, a plan edited by hand after validation): no output
may be broken, or act, because of what a user wrote.

- :func:`visible` replaces every refused character (C0 except tab and line feed, DEL, C1, bidi
  overrides and isolates) with U+FFFD, the replacement character: seen, never acted on. Writers
  whose format forbids those characters outright (XML 1.0, xlsx, CSV, HTML, terminal) use it.
- :func:`rich_text` is the only way text from the files reaches Rich: a :class:`rich.text.Text`
  (never parsed as markup, so ``[/]`` and ``[alf]`` stay text) of the visible text.
- :func:`json_text` escapes those characters as ``\\uXXXX`` in JSON, losslessly.
- :func:`csv_cell` and :func:`html_text` are the CSV and HTML forms (formulas defused,
  markup escaped). Markdown cells (:mod:`planctl.render.markdown`), xlsx cells, JUnit XML and
  problem lines use :func:`visible` the same way.

CI logs: GitHub's runner reads every line a step prints, strips leading white space and executes a
line that begins with ``::`` (or the older ``##[``) as a workflow command (``::add-mask::``,
``::error file=…::``, ``::stop-commands::``). Text from plans, file names and arguments reaches
stdout and stderr on many paths (tables, problems, error messages, prompts), so the guard sits on
the streams themselves, where nothing can go around it: :func:`inert_streams` wraps both for the
whole command (the CLI's error boundary), and only :func:`write_commands` passes planctl's own
annotations (``validate --format github``) through.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import re
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

from planctl.textgate import FORBIDDEN

if TYPE_CHECKING:
    from rich.text import Text

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


# --- control characters and markup (issue 11) ------------------------------------------------

REPLACEMENT = "\ufffd"

# In output also a lone carriage return is refused: it moves a terminal's cursor back over a line.
_OUTPUT_FORBIDDEN = re.compile(f"{FORBIDDEN.pattern}|\r")


def visible(text: str) -> str:
    """``text`` with every control character replaced by U+FFFD (tab and line feed stay)."""
    return _OUTPUT_FORBIDDEN.sub(REPLACEMENT, text)


def one_line(text: str) -> str:
    """``text`` visible and on one line: line breaks and tabs become spaces (log lines, cells)."""
    return visible(text).replace("\n", " ").replace("\t", " ")


def rich_text(text: str, style: str = "") -> Text:
    """Text from the files for Rich: literal (no markup is ever interpreted), and visible."""
    from rich.text import Text

    return Text(visible(text), style=style)


def rich_markup(text: str) -> str:
    """Text from the files inside a Rich markup string: brackets escaped, and visible."""
    from rich.markup import escape

    return escape(visible(text))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """A CSV cell: visible, and with a ``'`` in front when Excel would run it as a formula."""
    shown = visible(text)
    return "'" + shown if shown.startswith(_FORMULA_START) else shown


def html_text(text: str) -> str:
    """Text for HTML (element content or a quoted attribute): escaped, and visible."""
    return html.escape(visible(text))


def json_text(data: Any, **options: Any) -> str:
    """``json.dumps`` that refuses NaN and infinities and escapes control characters.

    With ``ensure_ascii=False`` (UTF-8 output) the json module leaves C1 and bidi characters raw;
    here they are written as ``\\uXXXX``, so the JSON reads back as exactly the same text yet
    shows nothing harmful in a terminal or a log.
    """
    dumped = json.dumps(data, allow_nan=False, **options)
    return _OUTPUT_FORBIDDEN.sub(lambda found: f"\\u{ord(found.group()):04x}", dumped)
