"""The text gate on the way in: every text planctl reads is normalised and checked here.

Texts reach planctl from two places: the YAML files and the command line. Both pass through this
module, so they obey the same rules:

- **NFC.** A text typed in decomposed form (``o`` + combining diaeresis, as macOS file names and
  text copied from a PDF often are) is composed, so ``område`` is the key ``område`` and
  ``lönebildning`` is a lower-case id. Normalising never refuses anything.
- **No control characters.** C0 controls (except tab and line feed, which a YAML block scalar
  may hold), DEL, C1 controls and the bidirectional overrides and isolates (U+202A–U+202E,
  U+2066–U+2069) are refused. They are invisible in an editor and a review, yet they break the
  outputs: a vertical tab (what Word's Shift+Enter pastes) makes an xlsx file unreadable and a
  JUnit report ill-formed, ESC sequences take over a terminal, and bidi overrides show a reader a
  different text than the one stored (CVE-2021-42574, "Trojan Source").

The YAML reader (:mod:`planctl.yamlio`) reports a refused character as the problem
``control-character`` at its line and column; a command-line text is refused with
:class:`~planctl.errors.UsageError` (exit 2) and the same Swedish words.
"""

from __future__ import annotations

import re
import unicodedata

from planctl.errors import UsageError

RULE = "control-character"

# Tab (U+0009) and line feed (U+000A) are ordinary text; everything else below U+0020 is not.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

_NAMES = {
    0x00: "NUL",
    0x07: "ljudsignal (BEL)",
    0x08: "backsteg (BS)",
    0x0B: "vertikal tabb (VT, som Words Skift+Retur klistrar in)",
    0x0C: "sidbrytning (FF)",
    0x0D: "vagnretur (CR)",
    0x1B: "escape (ESC, inleder terminalkoder)",
    0x7F: "delete (DEL)",
    0x85: "nästa rad (NEL)",
}


def describe(char: str) -> str:
    """A refused character in words, with its code point: ``vertikal tabb (…) U+000B``."""
    code = ord(char)
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        return f"ett tecken som styr textriktningen (U+{code:04X})"
    name = _NAMES.get(code)
    if name is None:
        name = "styrtecken"
    return f"{name} U+{code:04X}"


def refusal(char: str) -> str:
    """Why a text with ``char`` is refused, in Swedish (without saying where)."""
    return (
        f"osynligt tecken i texten: {describe(char)}; ta bort det "
        "(det kommer ofta med kopierad text, t.ex. från Word eller en PDF)"
    )


def first_forbidden(text: str) -> int | None:
    """The index of the first refused character in ``text``, or ``None`` when it is clean."""
    found = FORBIDDEN.search(text)
    return found.start() if found else None


def normalise(text: str) -> str:
    """``text`` in Unicode normal form C (composed), the form every comparison in planctl uses."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def argument(name: str, text: str) -> str:
    """A text typed on the command line: NFC-normalised; refused (exit 2) with a control character.

    ``name`` says where it was typed (``--note``, ``argumentet``), for the message.
    """
    index = first_forbidden(text)
    if index is not None:
        raise UsageError(f"{name}: {refusal(text[index])} (tecken {index + 1})")
    return normalise(text)
