"""The one wording of an unknown reference, with a suggestion of what was meant.

Wherever a user names something that does not exist – an area in a plan file, a round on the
command line, a plan, a format – the message has one form::

    okänt område 'lon' – menade du 'lön'? giltiga: lön, rekrytering
    okänd uppföljning '2026-13'; giltiga: 2026-05, 2026-10
    okänd uppföljning '2026-05'; det finns inga uppföljningar än

The suggestion folds case and diacritics (``lon`` → ``lön``, ``Rekrytring`` → ``rekrytering``),
as the command line does when it matches what a user typed. Pure functions, no I/O; low in the
layers so that reading, rules and the command line all use it.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence

# Each noun that can be unknown: its gender ("en"/"ett") and its plural, for "det finns inga … än".
NOUNS: dict[str, tuple[str, str]] = {
    "fält": ("ett", "fält"),
    "format": ("ett", "format"),
    "orientering": ("en", "orienteringar"),
    "plan": ("en", "planer"),
    "status": ("en", "statusar"),
    "uppföljning": ("en", "uppföljningar"),
    "värde": ("ett", "värden"),
    "område": ("ett", "områden"),
}


def fold(text: str) -> str:
    """Lower case, no diacritics, runs of spaces/underscores as one hyphen: the matching key."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().strip())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\s_]+", "-", plain)


def closest(typed: str, valid: Sequence[str], names: Sequence[Sequence[str]] = ()) -> str | None:
    """The valid value ``typed`` is probably a slip of, or ``None`` when none is close.

    ``names[i]`` are the other names ``valid[i]`` goes by (aliases); a close match of any of them
    suggests ``valid[i]``. Case and diacritics do not count (``lon`` → ``lön``).
    """
    by_key: dict[str, str] = {}
    for index, value in enumerate(valid):
        for name in (value, *(names[index] if index < len(names) else ())):
            by_key.setdefault(fold(name), value)
    key = fold(typed)
    if key in by_key:
        return by_key[key]
    started = {value for name, value in by_key.items() if key and name.startswith(key)}
    if len(started) == 1:  # the command line takes a unique prefix; a file should spell it out
        return started.pop()
    # 0.75 keeps slips (``ansvr``, ``2018-11``) and leaves out mere likeness (``2099-10``).
    close = difflib.get_close_matches(key, list(by_key), n=1, cutoff=0.75)
    return by_key[close[0]] if close else None


def unknown(
    noun: str,
    typed: str,
    valid: Sequence[str],
    *,
    names: Sequence[Sequence[str]] = (),
    where: str = "",
) -> str:
    """``okänd/okänt NOUN 'typed'[ where] – menade du 'X'? giltiga: a, b, c``.

    Without a close match the suggestion is left out (``…; giltiga: a, b``); with a suggestion
    and more than :data:`LISTED_WITH_SUGGESTION` valid values the list is (``okänt fält 'ansvr'
    – menade du 'ansvar'?``: a row has 17 fields); with nothing valid
    yet (a plan just made by ``init``) the message says so instead of ending in "giltiga: ".
    ``names`` are aliases of each valid value (see :func:`closest`); ``where`` places the
    reference (``i åtgärder[LB-1]``).
    """
    gender, plural = NOUNS[noun]
    head = f"{'okänt' if gender == 'ett' else 'okänd'} {noun} '{typed}'"
    if where:
        head += f" {where}"
    if not valid:
        return f"{head}; det finns inga {plural} än"
    suggestion = closest(typed, valid, names)
    listed = f"giltiga: {', '.join(valid)}"
    if not suggestion:
        return f"{head}; {listed}"
    if len(valid) > LISTED_WITH_SUGGESTION:  # a row's 17 fields would bury the one that was meant
        return f"{head}{did_you_mean([suggestion])}"
    return f"{head}{did_you_mean([suggestion])} {listed}"


LISTED_WITH_SUGGESTION = 8
"""With a suggestion, the valid values are listed only up to this many."""


def did_you_mean(suggestions: Sequence[str]) -> str:
    """`` – menade du 'a' eller 'b'?`` (nothing without suggestions).

    Used by :func:`unknown` and for the suggestions Typer makes itself (flags, commands).
    """
    if not suggestions:
        return ""
    quoted = [f"'{name}'" for name in suggestions]
    listed = f"{', '.join(quoted[:-1])} eller {quoted[-1]}" if len(quoted) > 1 else quoted[0]
    return f" – menade du {listed}?"
