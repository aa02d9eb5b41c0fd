"""The text gate on the way out: every writer makes text from the files harmless in its own way.

The input gate (:mod:`planctl.textgate`) refuses control characters in what planctl reads, so a
valid file has none. These helpers are the second line of defence, for text that reaches an
output without passing validation (a problem message quoting a bad key, a file read from an old
git revision, a plan edited by hand after validation): no output may be broken, or act, because of
what a user wrote.

- :func:`visible` replaces every refused character (C0 except tab and line feed, DEL, C1, bidi
  overrides and isolates) with U+FFFD, the replacement character: seen, never acted on. Writers
  whose format forbids those characters outright (XML 1.0, xlsx, CSV, HTML, terminal) use it.
- :func:`rich_text` is the only way text from the files reaches Rich: a :class:`rich.text.Text`
  (never parsed as markup, so ``[/]`` and ``[alf]`` stay text) of the visible text.
- :func:`json_text` escapes those characters as ``\\uXXXX`` in JSON, losslessly.
- :func:`csv_cell` and :func:`html_text` are the CSV and HTML forms (formulas defused,
  markup escaped). Markdown cells (:mod:`planctl.render.markdown`), xlsx cells, JUnit XML and
  problem lines use :func:`visible` the same way.
"""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING, Any

from planctl.textgate import FORBIDDEN

if TYPE_CHECKING:
    from rich.text import Text

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
