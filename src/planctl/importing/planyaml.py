"""The text of an imported plan file, as reviewers will read it in a pull request.

Every value is written as a JSON string (a valid YAML double-quoted scalar, never a YAML 1.1
surprise); the header says what planctl derived. No I/O.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planctl.importing.columns import StatusWord
from planctl.importing.columns import fold as fold_header
from planctl.newplan import SCHEMA_MODELINE, START_PLACEHOLDER, plan_slug
from planctl.scale import DEFAULT_STATUSES, Meaning
from planctl.terms import parse_timing

if TYPE_CHECKING:
    import datetime as dt

    from planctl.importing.values import FollowUp, ImportedRow, PlanHead

_YES = {"ja", "j", "x", "yes", "kravs", "behovs"}
_NO = {"nej", "n", "no", "inom ram", "inom befintlig ram", "befintlig ram", "ryms inom ram"}
_AMOUNT = re.compile(r"(\d{1,3}(?:[ .]\d{3})+|\d+)\s*(?:kr\b|kronor|sek\b|:-)")
_PER_YEAR = re.compile(r"per ar|/ ?ar\b|arligen|om aret|arlig")
_ONCE = re.compile(r"engang")


@dataclass(frozen=True)
class ScaleStatus:
    """One status of the imported plan's scale: id, name as the source writes it, meaning."""

    id: str
    name: str
    meaning: Meaning


def plan_scale(words: Sequence[StatusWord]) -> tuple[ScaleStatus, ...] | None:
    """The ``statusar`` the source's status words call for, or ``None`` for the default three.

    The default scale (Klart, Påbörjat, Ej påbörjat) serves when every word is one of its names
    with the same meaning. Otherwise the scale is the words in source order; a meaning among
    ej-startad, pågår and klar that no word has is filled in from the default scale, so every
    status can still be recorded.
    """
    default = {fold_header(n): s for s in DEFAULT_STATUSES for n in s.names()}
    if all(
        fold_header(w.name) in default and default[fold_header(w.name)].meaning == w.meaning
        for w in words
    ):
        return None
    scale: dict[str, ScaleStatus] = {}
    for word in words:
        key = fold_header(word.name)
        if key not in scale:
            scale[key] = ScaleStatus(_status_id(word.name, scale), word.name, word.meaning)
    for status in DEFAULT_STATUSES:
        if status.meaning is not Meaning.DROPPED and all(
            s.meaning is not status.meaning for s in scale.values()
        ):
            scale[fold_header(status.name)] = ScaleStatus(status.id, status.name, status.meaning)
    return tuple(scale.values())


def _status_id(name: str, taken: dict[str, ScaleStatus]) -> str:
    base = plan_slug(name) or "status"
    candidate, number = base, 2
    while any(s.id == candidate for s in taken.values()):
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def history_status(word: StatusWord, scale: tuple[ScaleStatus, ...] | None) -> str:
    """The status name a history entry records for a status word of the source."""
    if scale is None:
        default = {fold_header(n): s for s in DEFAULT_STATUSES for n in s.names()}
        found = default.get(fold_header(word.name))
        if found is not None:
            return found.name
        return next(s.name for s in DEFAULT_STATUSES if s.meaning is word.meaning)
    return next(s.name for s in scale if fold_header(s.name) == fold_header(word.name))


def _q(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: always text, never a YAML 1.1 surprise.
    return json.dumps(text, ensure_ascii=False)


def _funding(cost: str) -> bool | None:
    key = fold_header(cost)
    if key in _YES:
        return True
    if key in _NO:
        return False
    return None


def _cost_lines(text: str) -> list[str]:
    """``kostnad:`` with the text as written, and the amount when it is in kronor with a basis."""
    lines = ["    kostnad:", f"      text: {_q(text)}"]
    folded = fold_header(text.replace("\xa0", " "))
    found = _AMOUNT.search(folded)
    basis = "per år" if _PER_YEAR.search(folded) else "engång" if _ONCE.search(folded) else None
    if found is not None and basis is not None:
        amount = int(re.sub(r"[ .]", "", found.group(1)))
        lines += [f"      belopp: {amount}", f"      typ: {basis}"]
    return lines


def plan_text(
    rows: Sequence[ImportedRow],
    areas: dict[str, str],
    warnings: list[str],
    *,
    head: PlanHead,
    scale: tuple[ScaleStatus, ...] | None,
    source: str,
    today: dt.date,
    follow_up: FollowUp | None,
) -> str:
    """The plan file's text for ``rows``; what could not be kept as a field goes to ``warnings``.

    A row whose start is missing or cannot be read as a period, or whose end cannot, is kept as
    written and marked ``utkast: true`` (validate then warns until someone fills it in).
    """
    lines = [
        SCHEMA_MODELINE,
        "#",
        f"# {head.title} – {head.organisation}",
        "#",
        f"# Importerad med `planctl import` den {today.isoformat()} ur {source}.",
        "# `förslag`, `ansvar`, `start`, `slut` och `kostnad` står som i källan. Härlett av",
        "# planctl, inte i källan: planens, områdenas och radernas id (radernas id bildas per",
        "# område i källans ordning) och statusarnas id och betydelse.",
    ]
    if follow_up is not None:
        lines.append(
            "# Historiken är källans statusmarkeringar, daterade med --date/--round vid importen."
        )
    lines += [
        "# Status följs upp i `historik`: lägg bara till nya poster, redigera inte gamla.",
        "#",
        "# Validera filen med: planctl validate",
        "plan:",
        f"  id: {head.plan_id}",
        f"  titel: {_q(head.title)}",
        f"  organisation: {_q(head.organisation)}",
    ]
    if scale is not None:
        lines.append("statusar:  # källans statuskolumner, i källans ordning")
        for status in scale:
            lines += [
                f"  - id: {status.id}",
                f"    namn: {_q(status.name)}",
                f"    betyder: {status.meaning.value}",
            ]
    if head.rounds:
        lines.append("uppföljningar:")
        for round_id, name, day in head.rounds:
            lines += [
                f"  - id: {_q(round_id)}",
                f"    namn: {_q(name)}",
                f"    datum: {_q(day.isoformat())}",
            ]
    lines.append("områden:")
    for area_id, name in areas.items():
        lines += [f"  - id: {area_id}", f"    namn: {_q(name)}"]
    lines.append("åtgärder:")
    for row in rows:
        lines += _row_lines(row, warnings, scale=scale, follow_up=follow_up)
    return "\n".join(lines) + "\n"


def _row_lines(
    row: ImportedRow,
    warnings: list[str],
    *,
    scale: tuple[ScaleStatus, ...] | None,
    follow_up: FollowUp | None,
) -> list[str]:
    where = f"{row.origin} ({row.row_id})"
    draft = False
    lines = [
        f"  - id: {row.row_id}",
        f"    område: {row.area_id}",
        f"    förslag: {_q(row.proposal)}",
    ]
    if row.details:
        lines.append(f"    detaljer: {_q(row.details)}")
    if len(row.responsible) == 1:
        lines.append(f"    ansvar: {_q(row.responsible[0])}")
    elif row.responsible:
        lines.append(f"    ansvar: [{', '.join(_q(owner) for owner in row.responsible)}]")
    else:
        warnings.append(f"{where}: inget ansvar i källan – visas som 'ej angivet'")
    if row.start is None:
        draft = True
        warnings.append(f"{where}: ingen start i källan – raden blir utkast")
        lines.append(f"    start: {_q(START_PLACEHOLDER)}")
    else:
        lines.append(f"    start: {_q(row.start)}")
        if parse_timing(row.start) is None:
            draft = True
            warnings.append(
                f"{where}: starten {row.start!r} går inte att tolka som en period – står kvar "
                "som den är skriven, och raden blir utkast"
            )
    if row.end is not None:
        lines.append(f"    slut: {_q(row.end)}")
        if parse_timing(row.end) is None:
            draft = True
            warnings.append(
                f"{where}: slutet {row.end!r} går inte att tolka som en period – står kvar som "
                "det är skrivet, och raden blir utkast"
            )
    if row.cost is not None:
        funding = _funding(row.cost)
        if funding is None:
            lines += _cost_lines(row.cost)
        else:
            lines.append(f"    behöver_finansiering: {'true' if funding else 'false'}")
    if draft:
        lines.append("    utkast: true  # ta bort när raden är ifylld")
    if follow_up is not None and row.status is not None:
        lines += [
            "    historik:",
            f"      - datum: {_q(follow_up.date.isoformat())}",
            f"        status: {_q(history_status(row.status, scale))}",
        ]
        if row.note:
            lines.append(f"        notering: {_q(row.note)}")
        if follow_up.round_id:
            lines.append(f"        uppföljning: {_q(follow_up.round_id)}")
    return lines
