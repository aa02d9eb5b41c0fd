"""Corrections: what ``status correct`` and ``indicator correct`` append.

History is append-only. A wrong entry is corrected by a new entry that names it (``rättar: N``,
its 1-based number in the row's list); the wrong one stays in the file for the record but stops
counting everywhere (:mod:`planctl.corrections`, :mod:`planctl.rounds`). A correction is dated
the day it is made and belongs to the corrected entry's round.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from planctl.errors import UsageError
from planctl.models import HistoryEntry, Measurement, Plan
from planctl.query import match_row, match_status
from planctl.rounds import round_for
from planctl.writing.status import Change, Prepared, change_for, parse_date, text_option


@dataclass(frozen=True)
class CorrectionRequest:
    """What ``status correct`` was asked to record: which entry (``N`` or a date) is wrong."""

    row: str
    entry: str
    status: str  # as typed; matched against the plan's scale
    note: str | None = None
    by: str | None = None


def find_entry(row_id: str, entries: Sequence[HistoryEntry | Measurement], typed: str) -> int:
    """The number (1-based) of the entry ``typed`` names: its number, or its date if unique."""
    text = typed.strip()
    what = "post" if all(isinstance(e, HistoryEntry) for e in entries) else "mätning"
    listing = ", ".join(f"{n}: {e.date}" for n, e in enumerate(entries, 1)) or "inga"
    if text.isdecimal():
        number = int(text)
        if 1 <= number <= len(entries):
            return number
        raise UsageError(f"{row_id} har ingen {what} nummer {text}; radens poster: {listing}")
    day = parse_date(text)
    found = [n for n, e in enumerate(entries, 1) if e.date == day]
    if len(found) == 1:
        return found[0]
    if not found:
        raise UsageError(f"{row_id} har ingen {what} daterad {day}; radens poster: {listing}")
    numbers = ", ".join(str(n) for n in found)
    raise UsageError(f"{row_id} har flera poster daterade {day} ({numbers}); ange numret")


def corrected_by(entries: Sequence[HistoryEntry | Measurement], number: int) -> int | None:
    """The number of the latest entry that corrects entry ``number``, if any."""
    found = None
    for later, entry in enumerate(entries, 1):
        if entry.corrects == number and later > number:
            found = later
    return found


def correction_target(
    row_id: str, entries: Sequence[HistoryEntry | Measurement], typed: str
) -> int:
    """The entry a correction names; one already corrected is refused (correct the correction)."""
    number = find_entry(row_id, entries, typed)
    later = corrected_by(entries, number)
    if later is not None:
        raise UsageError(
            f"{row_id}: post {number} är redan rättad av post {later}; rätta post {later} i stället"
        )
    return number


def prepare_correction(plan: Plan, request: CorrectionRequest, *, today: dt.date) -> Prepared:
    """The entry ``status correct`` appends: dated today, in the corrected entry's round.

    The corrected entry stays in the file (history is append-only) but stops counting everywhere
    (:mod:`planctl.rounds`); ``history`` and ``show`` show both.
    """
    status = match_status(plan, request.status)
    note = text_option("--note", request.note)
    by = text_option("--by", request.by)
    row = match_row(plan, request.row)
    number = correction_target(row.id, row.history, request.entry)
    wrong = row.history[number - 1]
    belongs = round_for(plan, wrong.date, wrong.round)
    if plan.status_written(wrong.status) == status and note is None:
        raise UsageError(
            f"{row.id}: post {number} har redan status {wrong.status}; "
            "ange en annan status eller --note med det som ska rättas"
        )
    change = change_for(
        plan,
        row,
        status,
        date=today,
        note=note,
        by=by,
        round_id=belongs.id if belongs else None,
        corrects=number,
    )
    assert change is not None  # a correction always records something
    shown = Change(row.id, plan.status_written(wrong.status), status, change.entry)
    return Prepared(
        (shown,),
        (f"{row.id}: post {number} ({wrong.date}, {wrong.status}) räknas inte längre",),
    )
