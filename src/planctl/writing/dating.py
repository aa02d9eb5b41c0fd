"""The date a new status entry gets: history stays in date order, rounds order what counts.

A row's history only grows, in date order: a new entry is never dated before the row's last
entry. A row skipped at a round and followed up at a later one can still be recorded for the
skipped round *afterwards* (i efterhand): when ``status set --round R`` or ``followup R`` is given
no date and R's date lies before the row's last entry, the entry is appended dated the day it is
recorded and tagged ``uppföljning: R``. Entries are ordered by round first
(:mod:`planctl.rounds`), so it gives the state at R (and at a day from its own date on, only
where no later round's entry stands); the row's current status stays that of the later rounds.
An explicit date before the row's last entry is refused: the user named a day that would break
the order.
"""

from __future__ import annotations

import datetime as dt

from planctl.models import HistoryEntry, Plan, Row


def date_conflict(row: Row, day: dt.date) -> str | None:
    """Why ``row`` cannot get an entry dated ``day`` (before its last entry), or ``None``."""
    if row.history and day < row.history[-1].date:
        last = row.history[-1].date
        return (
            f"{row.id}: datumet {day} ligger före radens senaste post ({last}); "
            "historiken ska vara i datumordning"
        )
    return None


def afterwards_day(row: Row, day: dt.date, *, today: dt.date) -> dt.date | None:
    """The day an entry for a round dated ``day`` is recorded afterwards (``today``), or
    ``None`` when ``day`` keeps the history in date order (or ``today`` would not either)."""
    if date_conflict(row, day) is None or date_conflict(row, today) is not None:
        return None
    return today


def afterwards_notice(row: Row, round_id: str, day: dt.date) -> str:
    """What to say about an entry recorded afterwards for ``round_id``, dated ``day``."""
    last = row.history[-1].date
    return (
        f"{row.id}: posten registreras i efterhand för uppföljning {round_id} och dateras {day}, "
        f"eftersom raden redan har en senare post ({last}); den räknas för {round_id}, och "
        "radens poster för senare uppföljningar gäller som förut"
    )


def standing_notice(plan: Plan, row: Row, entry: HistoryEntry) -> list[str]:
    """What to say when ``entry`` will not be ``row``'s current status: an entry for a later round
    already stands (entries count by round first, :mod:`planctl.rounds`), so the new one counts
    for its own round only. Empty when it becomes the current status."""
    grown = row.model_copy(update={"history": [*row.history, entry]})
    standing = plan.entry_on(grown)
    if standing is None or standing is entry:
        return []
    later = f"uppföljning {standing.round}" if standing.round else f"posten {standing.date}"
    counts = f"uppföljning {entry.round}" if entry.round else f"datumet {entry.date}"
    return [
        f"{row.id}: posten räknas för {counts}; radens status i dag är fortfarande "
        f"{standing.status} ({later} står efter den)"
    ]
