"""Recording a measured value: what ``indicator set`` adds to a row's ``mätningar``.

The value is checked against the target's unit and allowed range (:mod:`planctl.indicators`);
the entry is handed to :func:`planctl.writing.status.update_plan`, which writes it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from planctl.errors import UsageError
from planctl.indicators import checked_value, resolve_indicator
from planctl.models import Catalogue, Measurement, Plan
from planctl.query import match_round, match_row
from planctl.rounds import date_beyond_round, date_for_round, round_for
from planctl.writing.correction import correction_target
from planctl.writing.status import Measured, Prepared, check_date, text_option


@dataclass(frozen=True)
class MeasurementRequest:
    """What ``indicator set`` was asked to record."""

    target: str
    value: str
    round_id: str
    date: dt.date | None
    measure_id: int | None = None
    note: str | None = None
    by: str | None = None


def prepare_measurement(
    plan: Plan, catalogue: Catalogue | None, request: MeasurementRequest, *, today: dt.date
) -> Prepared:
    """The measurement ``indicator set`` adds to ``plan``; usage errors for what it refuses.

    Without a date the value is dated on the round's date if it has passed, else today; a date on
    or after the next round's date is refused (the one rule for rounds, :mod:`planctl.rounds`).
    """
    chosen = match_round(plan, request.round_id)
    day = request.date if request.date is not None else date_for_round(chosen, today=today)
    request = replace(request, date=day)
    check_date(day, today=today, plan=plan)
    beyond = date_beyond_round(plan, chosen.id, day)
    if beyond is not None:
        raise UsageError(beyond)
    note = text_option("--note", request.note)
    by = text_option("--by", request.by)
    indicator = resolve_indicator(plan, catalogue, request.target, measure_id=request.measure_id)
    value = checked_value(request.value, indicator)
    row = plan.row(indicator.row_id)
    assert row is not None
    if row.measurements and day < row.measurements[-1].date:
        raise UsageError(
            f"{row.id}: datumet {day} ligger före radens senaste mätning "
            f"({row.measurements[-1].date}); mätningarna ska vara i datumordning"
        )
    same = [m for m in row.measurements if m.measure == indicator.measure_id]
    if note is None and same and _repeats(same[-1], day, value, chosen.id):
        # Running the same command twice (say, after "kör kommandot igen") adds nothing.
        return Prepared(
            (),
            (
                f"{row.id}: värdet {request.value.strip()} är redan registrerat "
                f"{day} för uppföljning {chosen.id} – ingen ändring "
                "(lägg till --note för att registrera det igen)",
            ),
        )
    entry = Measurement.model_validate(
        {
            "datum": day.isoformat(),
            "värde": value,
            "insats": indicator.measure_id,
            "notering": note,
            "av": by,
            "uppföljning": chosen.id,
        }
    )
    return Prepared((), measurements=(Measured(row.id, entry, indicator.target),))


@dataclass(frozen=True)
class MeasurementCorrection:
    """What ``indicator correct`` was asked to record: which measurement (``N`` or a date)."""

    row: str
    entry: str
    value: str
    note: str | None = None
    by: str | None = None


def prepare_measurement_correction(
    plan: Plan, catalogue: Catalogue | None, request: MeasurementCorrection, *, today: dt.date
) -> Prepared:
    """The measurement ``indicator correct`` appends: dated today, in the corrected one's round.

    The corrected value stays in the file but stops counting (its place is taken by the new one).
    """
    note = text_option("--note", request.note)
    by = text_option("--by", request.by)
    row = match_row(plan, request.row)
    number = correction_target(row.id, row.measurements, request.entry)
    wrong = row.measurements[number - 1]
    indicator = resolve_indicator(plan, catalogue, row.id, measure_id=wrong.measure)
    value = checked_value(request.value, indicator)
    if value == wrong.value and note is None:
        raise UsageError(
            f"{row.id}: mätning {number} har redan värdet {request.value.strip()}; "
            "ange ett annat värde eller --note med det som ska rättas"
        )
    belongs = round_for(plan, wrong.date, wrong.round)
    entry = Measurement.model_validate(
        {
            "datum": today.isoformat(),
            "värde": value,
            "insats": wrong.measure,
            "notering": note,
            "av": by,
            "uppföljning": belongs.id if belongs else wrong.round,
            "rättar": number,
        }
    )
    return Prepared(
        (),
        (f"{row.id}: mätning {number} ({wrong.date}, {wrong.value}) räknas inte längre",),
        measurements=(Measured(row.id, entry, indicator.target),),
    )


def _repeats(last: Measurement, day: dt.date, value: float, round_id: str) -> bool:
    return (last.date, last.value, last.round) == (day, value, round_id)
