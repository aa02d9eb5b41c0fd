"""The text of an imported plan file, as reviewers will read it in a pull request.

Every value is written as a JSON string (a valid YAML double-quoted scalar, never a YAML 1.1
surprise); the header says what planctl derived. No I/O.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from planctl.importing.columns import Meaning
from planctl.importing.columns import fold as fold_header
from planctl.models import DEFAULT_STATUSES, Status
from planctl.newplan import RESPONSIBLE_PLACEHOLDER, SCHEMA_MODELINE, START_PLACEHOLDER
from planctl.terms import parse_term

if TYPE_CHECKING:
    import datetime as dt

    from planctl.importing.values import FollowUp, ImportedRow, PlanHead

_YES = {"ja", "j", "x", "yes", "kravs", "behovs"}
_NO = {"nej", "n", "no", "inom ram", "inom befintlig ram", "befintlig ram", "0"}

# The statuses the plan format knows today, by meaning.
_STATUS_BY_MEANING = {
    Meaning.DONE: DEFAULT_STATUSES[0],
    Meaning.IN_PROGRESS: DEFAULT_STATUSES[1],
    Meaning.NOT_STARTED: DEFAULT_STATUSES[2],
}


def history_status(row: ImportedRow, warnings: list[str]) -> Status | None:
    if row.status is None:
        return None
    status = _STATUS_BY_MEANING.get(row.status.meaning)
    if status is None:
        warnings.append(
            f"{row.origin}: statusen {row.status.name!r} ({row.status.meaning.value}) finns inte "
            "i planformatet än – registreras inte"
        )
    return status


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


def plan_text(
    rows: Sequence[ImportedRow],
    areas: dict[str, str],
    warnings: list[str],
    *,
    head: PlanHead,
    source: str,
    today: dt.date,
    follow_up: FollowUp | None,
) -> str:
    lines = [
        SCHEMA_MODELINE,
        "#",
        f"# {head.title} – {head.organisation}",
        "#",
        f"# Importerad med `planctl import` den {today.isoformat()} ur {source}.",
        "# `förslag`, `ansvar` och `start` står som i källan. Härlett av planctl, inte i källan:",
        "# planens, områdenas och radernas id (radernas id bildas per område i källans ordning).",
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
    skipped_end = skipped_cost = 0
    for row in rows:
        draft = False
        lines += [
            f"  - id: {row.row_id}",
            f"    område: {row.area_id}",
            f"    förslag: {_q(row.proposal)}",
        ]
        if row.details:
            lines.append(f"    detaljer: {_q(row.details)}")
        if row.responsible:
            lines.append(f"    ansvar: {_q(', '.join(row.responsible))}")
        else:
            draft = True
            warnings.append(f"{row.origin} ({row.row_id}): inget ansvar – raden blir utkast")
            lines.append(f"    ansvar: {_q(RESPONSIBLE_PLACEHOLDER)}  # fyll i: en roll")
        if row.start is None:
            draft = True
            warnings.append(f"{row.origin} ({row.row_id}): ingen start – raden blir utkast")
            lines.append(f"    start: {_q(START_PLACEHOLDER)}")
        else:
            lines.append(f"    start: {_q(row.start)}")
            if parse_term(row.start) is None:
                draft = True
                warnings.append(
                    f"{row.origin} ({row.row_id}): starten {row.start!r} går inte att tolka som "
                    "termin – står kvar som den är skriven, och raden blir utkast"
                )
        if row.end is not None:
            skipped_end += 1
        if row.cost is not None:
            funding = _funding(row.cost)
            if funding is True:
                lines.append("    behöver_finansiering: true")
            elif funding is None:
                skipped_cost += 1
        if draft:
            lines.append("    utkast: true  # ta bort när raden är ifylld")
        status = history_status(row, warnings) if follow_up is not None else None
        if follow_up is not None and status is not None:
            lines += [
                "    historik:",
                f"      - datum: {_q(follow_up.date.isoformat())}",
                f"        status: {status.name}",
            ]
            if row.note:
                lines.append(f"        notering: {_q(row.note)}")
            if follow_up.round_id:
                lines.append(f"        uppföljning: {_q(follow_up.round_id)}")
    if skipped_end:
        warnings.append(
            f"{skipped_end} rader har ett slut; planformatet har ännu inget fält för det – "
            "hoppades över"
        )
    if skipped_cost:
        warnings.append(
            f"{skipped_cost} rader har en kostnad som inte är ja/nej; planformatet har ännu "
            "inget fält för belopp – hoppades över"
        )
    return "\n".join(lines) + "\n"
