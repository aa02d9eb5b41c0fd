"""What the YAML reader says, in Swedish: libyaml's problem texts, and bytes that are no text.

libyaml and PyYAML report in English. Every text they can produce is listed here with a Swedish
translation, and any other gets a Swedish message too, so no English reaches a user (a test walks
the list). :func:`decode` turns a file's bytes into text, reporting a byte order mark, invalid
UTF-8 and binary data at their line and column instead of raising.
"""

from __future__ import annotations

from planctl.errors import Problem

MAX_DEPTH = 50
"""How deeply the reader lets mappings and lists nest."""

# Every problem text libyaml (and PyYAML's pure-Python parser) can report, in Swedish. A text not
# listed here still gets a Swedish message (``_SYNTAX_FALLBACK``): no English reaches a user.
_SYNTAX_SV = {
    "mapping values are not allowed": (
        "kolon på fel ställe (saknas citattecken runt en text med ': '?)"
    ),
    "mapping keys are not allowed": "en nyckel på fel ställe – kontrollera indraget",
    "could not find expected ':'": "kolon saknas efter nyckeln",
    "could not find expected directive name": "ett direktiv ('%') saknar namn",
    "did not find expected key": "oväntat innehåll – kontrollera indraget",
    "did not find expected '-' indicator": "oväntat innehåll i listan – kontrollera indraget",
    "did not find expected ',' or ']'": "en lista inom [ ] saknar ',' eller ']'",
    "did not find expected ',' or '}'": "en mappning inom { } saknar ',' eller '}'",
    "did not find expected <document start>": "'---' saknas före dokumentet",
    "did not find expected <stream-start>": "filen går inte att läsa från början",
    "did not find expected comment or line break": "oväntad text efter värdet på raden",
    "did not find expected digit or '.' character": "versionsnumret ska skrivas som 1.2",
    "did not find expected hexdecimal number": (
        "en escape-sekvens (\\x, \\u eller \\U) ska följas av hexadecimala siffror"
    ),
    "did not find expected tag URI": "ogiltig tagg",
    "did not find expected '!'": "ogiltig tagg",
    "did not find the expected '>'": "ogiltig tagg (saknar '>')",
    "did not find URI escaped octet": "ogiltig tagg",
    "did not find expected version number": "versionsnumret saknas",
    "did not find expected whitespace": "mellanslag saknas",
    "found character that cannot start any token": "tecken som inte får inleda ett värde",
    "found undefined tag handle": "okänd tagg",
    "found unexpected end of stream": "filen tar slut mitt i ett värde (saknas ett citattecken?)",
    "found unknown escape character": "okänd escape-sekvens i text med dubbla citattecken",
    "found invalid Unicode character escape code": (
        "escape-sekvensen anger inget giltigt Unicode-tecken"
    ),
    "found unexpected ':'": "kolon på fel ställe",
    "found unexpected document indicator": (
        "'---' eller '...' i början av en rad mitt i en text; sätt texten inom citattecken"
    ),
    "found an indentation indicator equal to 0": (
        "indragsangivelsen efter | eller > får inte vara 0"
    ),
    "found unexpected non-alphabetical character": "oväntat tecken i ett direktiv",
    "found unknown directive name": "okänt direktiv ('%')",
    "found duplicate %": "direktivet ('%') anges två gånger",
    "found extremely long version number": "versionsnumret är för långt",
    "found incompatible YAML document": "filen anger en YAML-version som inte stöds",
    "did not find expected node content": "värde saknas",
    "while scanning a quoted scalar": "citattecknet avslutas aldrig",
    "did not find expected alphabetic or numeric character": "ogiltigt namn på ankare eller alias",
    "found a tab character that violates indentation": "tabbtecken i indraget; använd mellanslag",
    "found a tab character where an indentation space is expected": (
        "tabbtecken i indraget; använd mellanslag"
    ),
    "block sequence entries are not allowed in this context": (
        "listpunkt ('- ') på fel ställe – kontrollera indraget"
    ),
    "exceeded maximum nesting depth": f"strukturen är nästlad för djupt (högst {MAX_DEPTH} nivåer)",
    "expected DOCUMENT-END": "oväntat innehåll efter dokumentets slut",
    "expected DOCUMENT-START or STREAM-END": "oväntat innehåll efter dokumentets slut",
    "expected SCALAR, SEQUENCE-START, MAPPING-START, or ALIAS": "värde saknas",
    "expected STREAM-START": "filen går inte att läsa från början",
    "expected nothing after STREAM-END": "oväntat innehåll efter filens slut",
    "expected <block end>": "oväntat innehåll – kontrollera indraget",
    "expected <document start>": "'---' saknas före dokumentet",
    "expected ',' or ']'": "en lista inom [ ] saknar ',' eller ']'",
    "expected ',' or '}'": "en mappning inom { } saknar ',' eller '}'",
    "expected the node content": "värde saknas",
    "expected ': '": "kolon saknas efter nyckeln",
    "expected alphabetic or numeric character": "ogiltigt namn på ankare eller alias",
    "expected escape sequence": "en escape-sekvens ska följas av hexadecimala siffror",
    "expected a comment or a line break": "oväntad text efter värdet på raden",
    "expected '!'": "ogiltig tagg",
    "expected '>'": "ogiltig tagg (saknar '>')",
    "expected URI": "ogiltig tagg",
    "expected URI escape": "ogiltig tagg",
    "expected a digit": "versionsnumret ska skrivas som 1.2",
    "expected a directive name": "ett direktiv ('%') saknar namn",
    "expected ' '": "mellanslag saknas",
    "expected indentation indicator": "indragsangivelsen efter | eller > ska vara 1–9",
    "expected chomping or indentation indicators": "oväntat tecken efter | eller >",
    "expected a mapping node": "en mappning väntades",
    "expected a single document": "filen innehåller flera YAML-dokument",
    "could not determine a constructor": "okänd tagg",
    "found duplicate anchor": "ankaret finns redan",
    "found undefined alias": "okänt alias",
    "control characters are not allowed": "osynliga styrtecken är inte tillåtna i texten",
    "special characters are not allowed": "osynliga styrtecken är inte tillåtna i texten",
    "unacceptable character": "osynliga styrtecken är inte tillåtna i texten",
    "invalid Unicode character": "ogiltigt Unicode-tecken",
    "incomplete UTF-8 octet sequence": "filen är inte giltig UTF-8",
    "invalid leading UTF-8 octet": "filen är inte giltig UTF-8",
    "invalid trailing UTF-8 octet": "filen är inte giltig UTF-8",
    "invalid length of a UTF-8 sequence": "filen är inte giltig UTF-8",
    "found an incorrect": "filen är inte giltig UTF-8",
    "incomplete UTF-16": "filen är inte giltig UTF-8",
    "unexpected low surrogate area": "filen är inte giltig UTF-8",
    "input is too long": "filen är för stor",
    "while increasing": f"strukturen är nästlad för djupt (högst {MAX_DEPTH} nivåer)",
}
_SYNTAX_FALLBACK = "filen går inte att läsa här – kontrollera citattecken, kolon och indrag"


def syntax_message(english: str) -> str:
    """A libyaml or PyYAML problem text in Swedish (never the English text itself)."""
    for key, swedish in _SYNTAX_SV.items():
        if key in english:
            return swedish
    return _SYNTAX_FALLBACK


def decode(raw: bytes, file: str) -> tuple[str, list[Problem]]:
    """Bytes to text; invalid UTF-8 is reported at its line and column, not raised."""
    problems: list[Problem] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(
            Problem(
                file,
                1,
                1,
                "bom",
                "filen börjar med ett byte order mark (BOM); spara som UTF-8 utan BOM",
            )
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        problems.append(
            Problem(
                file,
                line,
                column,
                "encoding",
                f"filen är inte giltig UTF-8 (byte 0x{raw[exc.start]:02x}); spara den som UTF-8",
            )
        )
        return "", problems
    if "\x00" in text:
        index = text.index("\x00")
        line = text.count("\n", 0, index) + 1
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        problems.append(
            Problem(file, line, column, "encoding", "filen innehåller binära data (NUL-tecken)")
        )
        return "", problems
    return text, problems
