"""The values an import passes around: the plan's head, the follow-up, one row as read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planctl.importing.columns import StatusWord


@dataclass(frozen=True)
class PlanHead:
    """The ``plan:`` block of the file to write and its follow-up rounds (id, name, date)."""

    plan_id: str
    title: str
    organisation: str
    rounds: tuple[tuple[str, str, dt.date], ...] = ()


@dataclass(frozen=True)
class FollowUp:
    """The follow-up that status marks in the source record: a round id and/or a date."""

    round_id: str | None
    date: dt.date


@dataclass(frozen=True)
class ImportedRow:
    """One proposal row as read: the text of each field as written (``None``: not in source)."""

    origin: str
    area_id: str
    proposal: str
    responsible: tuple[str, ...] = ()
    start: str | None = None
    end: str | None = None
    cost: str | None = None
    details: str | None = None
    note: str | None = None
    status: StatusWord | None = None
    row_id: str = ""
