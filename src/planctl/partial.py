"""Rules on the parts of a plan that parsed, when the whole plan did not.

A plan with one typo in one row still has its other rows, history entries and statuses checked
in the same run, so every problem in a file is reported at once (issue 14, "Validation in one
pass"). Schema problems are reported by :func:`planctl.documents.validate_document`; this module
adds only the rule problems of what parsed, never a second report of the same fault.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from planctl.checks import check_rows
from planctl.documents import Loaded
from planctl.entries import HistoryEntry
from planctl.errors import Problem
from planctl.models import Catalogue, Plan, Row
from planctl.yamlio import Document


def _parsed(model: type[Row] | type[HistoryEntry], raw: Any) -> Any:
    try:
        return model.model_validate(raw)
    except ValidationError:
        return None


def check_partial_plan(
    doc: Document,
    catalogue: Loaded[Catalogue] | None,
    *,
    today_of: Callable[[Plan], dt.date],
) -> list[Problem]:
    """Row rules for a plan document that failed the model as a whole.

    The plan without its rows gives the status scale, rounds and areas; each row that parses on
    its own gets every row rule (:func:`planctl.checks.check_rows`); in a row that does not, each
    history entry that parses is checked for an unknown status and a future date. Returns ``[]``
    when the plan's own keys (outside ``åtgärder``) do not parse.
    """
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("åtgärder"), list):
        return []
    try:
        shell = Plan.model_validate({**data, "åtgärder": []})
    except ValidationError:
        return []
    today = today_of(shell)
    raw_rows: list[Any] = data["åtgärder"]
    rows = [(i, r) for i, raw in enumerate(raw_rows) if (r := _parsed(Row, raw)) is not None]
    problems = check_rows(doc, shell, rows, catalogue, today=today)
    parsed = {i for i, _ in rows}
    for index, raw in enumerate(raw_rows):
        if index in parsed or not isinstance(raw, dict):
            continue
        history = raw.get("historik")
        row_id = str(raw.get("id", index + 1))
        for position, raw_entry in enumerate(history if isinstance(history, list) else []):
            entry = _parsed(HistoryEntry, raw_entry)
            if entry is not None:
                problems += _entry_rules(
                    doc, shell, ("åtgärder", index, "historik", position), row_id, entry, today
                )
    return problems


def _entry_rules(
    doc: Document,
    plan: Plan,
    at: tuple[str | int, ...],
    row_id: str,
    entry: HistoryEntry,
    today: dt.date,
) -> list[Problem]:
    """Unknown status and future date of one history entry (the same rules and words as
    :func:`planctl.checks.check_rows`)."""
    problems: list[Problem] = []
    if plan.status_written(entry.status) is None:
        problems.append(
            doc.problem(
                doc.locate((*at, "status")),
                "unknown-status",
                f"{row_id}: okänd status '{entry.status}'; planens statusar: "
                + ", ".join(s.name for s in plan.scale),
            )
        )
    if entry.date > today:
        problems.append(
            doc.problem(
                doc.locate((*at, "datum")),
                "future-date",
                f"{row_id}: posten {entry.date} ligger i framtiden",
            )
        )
    return problems
