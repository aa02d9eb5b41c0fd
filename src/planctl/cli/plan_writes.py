"""A write into one plan, made the same way by every command that writes one.

The plan's own day is "today" for the write: in the time zone the plan names (``tidszon``),
else in Sweden (:meth:`Settings.today_for`), so an entry dated by default is never in the
plan's future and validation, which uses the same day, accepts it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from planctl.cli.output import report_outcome
from planctl.cli.settings import Settings

if TYPE_CHECKING:
    from planctl.models import Catalogue, Plan
    from planctl.writing.status import Outcome, Prepared

PlanPreparer = Callable[["Plan", "Catalogue | None", dt.date], "Prepared"]
"""The entries to add, from the plan as it is on disk, the catalogue and the plan's today."""


def write_plan(
    settings: Settings,
    prepare: PlanPreparer,
    *,
    plan_id: str | None,
    row_ids: Sequence[str] = (),
    dry_run: bool = False,
) -> Outcome:
    """Add what ``prepare`` returns to the plan and write it safely; say on stderr what was done.

    With ``dry_run`` nothing is written and the diff goes to stdout. Returns the outcome;
    raises what :func:`planctl.writing.status.update_plan` raises (invalid result exit 1,
    conflict or lock timeout exit 3, usage exit 2).
    """
    from planctl.writing.status import update_plan  # the writer only when writing

    outcome = update_plan(
        settings.data_root(),
        lambda plan, catalogue: prepare(plan, catalogue, settings.today_for(plan)),
        today=settings.today,
        now=settings.now,
        base=Path.cwd(),
        plan_id=plan_id,
        row_ids=row_ids,
        dry_run=dry_run,
    )
    report_outcome(outcome, dry_run=dry_run)
    return outcome
