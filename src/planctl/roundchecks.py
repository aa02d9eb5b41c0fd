"""The rules of follow-up meetings that the schema cannot express (rule ids in the README).

- ``missing-round-entry`` (warning): a row skipped in a past round that other rows were recorded
  for. A confirmation (status unchanged) is an entry; the rule for which round an entry belongs
  to is :mod:`planctl.rounds`.
- ``unknown-correction``: ``rättar: N`` must name an earlier entry of the same list.
- ``unknown-round`` / ``unknown-area`` for the group's assessments (``bedömningar``).

Each function returns problems with a rule id, a severity and a position; none raises.
"""

from __future__ import annotations

import datetime as dt
import shlex
from collections.abc import Sequence

from planctl import rounds
from planctl.errors import Problem, Severity
from planctl.lookup import unknown
from planctl.models import HistoryEntry, Measurement, Plan, Round, Row
from planctl.yamlio import Document, Path


def check_rounds_recorded(doc: Document, plan: Plan, today: dt.date) -> list[Problem]:
    """Rows skipped in a past follow-up round that other rows already have entries for.

    An entry belongs to a round by the one rule of :mod:`planctl.rounds`; a confirmation (the
    status unchanged, recorded by ``followup`` or ``status set``) is an entry. A round nobody has
    recorded yet is not flagged row by row: before the secretary records the meeting, every row
    would be "missing", which says nothing a reviewer can act on.
    """
    problems: list[Problem] = []
    for plan_round in plan.rounds:
        if plan_round.date >= today:
            continue
        recorded = [rounds.has_entry_for(plan, row.history, plan_round.id) for row in plan.rows]
        if not any(recorded):
            continue
        for index, (row, has_entry) in enumerate(zip(plan.rows, recorded, strict=True)):
            if not has_entry:
                problems.append(
                    doc.problem(
                        doc.locate(("åtgärder", index)),
                        "missing-round-entry",
                        f"{row.id}: hoppades över i uppföljningen '{plan_round.id}' "
                        f"({plan_round.date}); kör {_round_hint(plan, row, plan_round)}",
                        severity=Severity.WARNING,
                    )
                )
    return problems


def _round_hint(plan: Plan, row: Row, plan_round: Round) -> str:
    """The two commands that record ``row`` for ``plan_round``, as they succeed.

    They name the plan (a data directory may hold several). A row with an entry later than the
    round's date is recorded afterwards (:mod:`planctl.writing.dating`): its status at the round
    is asked for, not the current one.
    """
    chosen = ("--plan", plan.meta.id)
    followup = shlex.join(("planctl", "followup", plan_round.id, *chosen))
    status_set = shlex.join(
        ("planctl", "status", "set", row.id, "STATUS", "--round", plan_round.id, *chosen)
    )
    if row.history and row.history[-1].date > plan_round.date:
        why = (
            "STATUS är radens status vid uppföljningen; posten registreras i efterhand och "
            "ändrar inte senare uppföljningar"
        )
    else:
        why = "samma status som nu bekräftar den"
    return f"'{followup}' eller '{status_set}' ({why})"


def check_corrections(
    doc: Document, at: Path, row_id: str, entries: Sequence[HistoryEntry | Measurement]
) -> list[Problem]:
    """Every ``rättar: N`` names an earlier entry of the same list."""
    problems: list[Problem] = []
    for number, entry in enumerate(entries, 1):
        if entry.corrects is not None and not entry.corrects < number:
            problems.append(
                doc.problem(
                    doc.locate((*at, number - 1, "rättar")),
                    "unknown-correction",
                    f"{row_id}: post {number} rättar post {entry.corrects}, som inte finns före "
                    f"den; 'rättar' ska vara numret (1–{number - 1}) på en tidigare post",
                )
            )
    return problems


def check_assessments(doc: Document, plan: Plan) -> list[Problem]:
    """Assessments name a round and (if any) an area of the plan."""
    problems: list[Problem] = []
    round_ids = [r.id for r in plan.rounds]
    area_ids = [a.id for a in plan.areas]
    names = [(a.name, *a.aliases) for a in plan.areas]
    for index, assessment in enumerate(plan.assessments):
        if assessment.round not in round_ids:
            problems.append(
                doc.problem(
                    doc.locate(("bedömningar", index, "uppföljning")),
                    "unknown-round",
                    f"bedömning: {unknown('uppföljning', assessment.round, round_ids)}",
                )
            )
        if assessment.area is not None and assessment.area not in area_ids:
            problems.append(
                doc.problem(
                    doc.locate(("bedömningar", index, "område")),
                    "unknown-area",
                    f"bedömning: {unknown('område', assessment.area, area_ids, names=names)}",
                )
            )
    return problems
