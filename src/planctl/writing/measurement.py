"""Recording a measured value: what ``indicator set`` adds to a row's ``mätningar``.

The value is checked against the target's unit and allowed range (:mod:`planctl.indicators`);
the entry is handed to :func:`planctl.writing.status.update_plan`, which writes it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planctl.errors import UsageError
from planctl.indicators import checked_value, resolve_indicator
from planctl.models import Catalogue, Measurement, Plan
from planctl.query import match_round
from planctl.writing.status import Measured, Prepared, check_date, text_option


@dataclass(frozen=True)
class MeasurementRequest:
    """What ``indicator set`` was asked to record."""

    target: str
    value: str
    round_id: str
    date: dt.date
    measure_id: int | None = None
    note: str | None = None
    by: str | None = None


def prepare_measurement(
    plan: Plan, catalogue: Catalogue | None, request: MeasurementRequest, *, today: dt.date
) -> Prepared:
    """The measurement ``indicator set`` adds to ``plan``; usage errors for what it refuses."""
    check_date(request.date, today=today, plan=plan)
    note = text_option("--note", request.note)
    by = text_option("--by", request.by)
    indicator = resolve_indicator(plan, catalogue, request.target, measure_id=request.measure_id)
    value = checked_value(request.value, indicator)
    chosen = match_round(plan, request.round_id)
    row = plan.row(indicator.row_id)
    assert row is not None
    if row.measurements and request.date < row.measurements[-1].date:
        raise UsageError(
            f"{row.id}: datumet {request.date} ligger före radens senaste mätning "
            f"({row.measurements[-1].date}); mätningarna ska vara i datumordning"
        )
    same = [m for m in row.measurements if m.measure == indicator.measure_id]
    if note is None and same and _repeats(same[-1], request.date, value, chosen.id):
        # Running the same command twice (say, after "kör kommandot igen") adds nothing.
        return Prepared(
            (),
            (
                f"{row.id}: värdet {request.value.strip()} är redan registrerat "
                f"{request.date} för uppföljning {chosen.id} – ingen ändring "
                "(lägg till --note för att registrera det igen)",
            ),
        )
    entry = Measurement.model_validate(
        {
            "datum": request.date.isoformat(),
            "värde": value,
            "insats": indicator.measure_id,
            "notering": note,
            "av": by,
            "uppföljning": chosen.id,
        }
    )
    return Prepared((), measurements=(Measured(row.id, entry, indicator.target),))


def _repeats(last: Measurement, day: dt.date, value: float, round_id: str) -> bool:
    return (last.date, last.value, last.round) == (day, value, round_id)
