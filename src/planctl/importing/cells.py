"""Reading the cells of an imported table: text, lists, area names, yes/no, row-id prefixes."""

from __future__ import annotations

import json
import re
import unicodedata

from planctl.importing.columns import fold as fold_header

_BULLET = re.compile(r"^\s*(?:[•·▪◦‣●○■□➢➤►*]|[-–—](?=\s))\s*")
NO_MARK = {"", "-", "–", "nej", "0", "n"}
_STOPWORDS = {"och", "i", "for", "med", "av", "till", "pa", "samt", "om", "det", "den"}
_YES = {"ja", "j", "x", "yes", "kravs", "behovs"}
_NO = {"nej", "n", "no", "inom ram", "inom befintlig ram", "befintlig ram", "0"}


def clean_text(text: str) -> str:
    """A cell's text on one line: bullets dropped, line breaks and runs of spaces as one space."""
    lines = [_BULLET.sub("", line) for line in text.replace("\xa0", " ").splitlines()]
    return " ".join(" ".join(lines).split())


def cell_items(text: str) -> tuple[str, ...]:
    """A cell's lines as separate items (a bulleted or line-broken list of owners)."""
    lines = [_BULLET.sub("", line) for line in text.replace("\xa0", " ").splitlines()]
    return tuple(" ".join(line.split()) for line in lines if line.strip())


def area_name(text: str) -> str:
    """A heading as an area name: ``LÖNEBILDNING`` → ``Lönebildning``; other text as written."""
    name = clean_text(text).rstrip(":")
    if name.isupper():
        name = name[:1] + name[1:].lower()
    return name


def row_prefix(name: str, taken: set[str]) -> str:
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", name.upper()) if not unicodedata.combining(c)
    )
    words = [w for w in re.split(r"[^A-Z0-9]+", plain) if w and w.lower() not in _STOPWORDS]
    if not words:
        words = ["R"]
    initials = "".join(w[0] for w in words[:3]) if len(words) > 1 else words[0][:2]
    candidate = initials
    extra = words[-1][1:] if len(words) > 1 else words[0][2:]
    for letter in extra:
        if candidate not in taken:
            break
        candidate += letter
    number = 2
    base = candidate
    while candidate in taken:
        candidate = f"{base}{number}"
        number += 1
    taken.add(candidate)
    return candidate


def quoted(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: always text, never a YAML 1.1 surprise.
    return json.dumps(text, ensure_ascii=False)


def needs_funding(cost: str) -> bool | None:
    key = fold_header(cost)
    if key in _YES:
        return True
    if key in _NO:
        return False
    return None
