"""What the global options and the environment decide: data directory, today, report time."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from planctl import dates
from planctl.errors import PlanctlError, UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from planctl.models import Plan
    from planctl.store import DataSet


@dataclass(frozen=True)
class Settings:
    """What the global options and the environment decided, for the commands."""

    data_dir: Path | None
    today: dt.date
    produced: dt.datetime | dt.date = dt.date.min
    # The instant read from the clock (aware), for plans that name their own time zone; None
    # when PLANCTL_TODAY pins the day for every plan.
    now: dt.datetime | None = None

    def today_for(self, plan: Plan) -> dt.date:
        """Today for ``plan``: in the zone it names (``tidszon``), else in Sweden."""
        from planctl.moments import plan_today

        return plan_today(plan, today=self.today, now=self.now)

    def data_root(self) -> Path:
        from planctl.store import find_data_dir

        return find_data_dir(
            explicit=self.data_dir, env=os.environ.get("PLANCTL_DATA"), cwd=Path.cwd()
        )

    def known_data_root(self) -> Path | None:
        """The data directory when there is one (``-o`` must not write into it), else None."""
        try:
            return self.data_root()
        except PlanctlError:
            return None

    def load(self, plan_id: str | None = None) -> DataSet:
        """The data directory's files (only one plan's, when named), refusing errors."""
        from planctl.store import load_data_dir

        return load_data_dir(
            self.data_root(), today=self.today, now=self.now, base=Path.cwd(), plan_id=plan_id
        ).require_valid()


def today_from_env() -> dt.date:
    """Today's date in Sweden (Europe/Stockholm), whatever the machine's time zone.

    PLANCTL_TODAY pins it (reproducible reports and tests); PLANCTL_NOW pins the time too.
    """
    pinned = os.environ.get("PLANCTL_TODAY")
    if pinned:
        return dates.parse_date(pinned, name="PLANCTL_TODAY")
    return dates.local_date(instant_from_env())


def instant_from_env() -> dt.datetime:
    """The instant now (aware): the clock, or PLANCTL_NOW read as Swedish wall-clock time."""
    pinned = now_from_env()
    if pinned is not None:
        return pinned if pinned.tzinfo else pinned.replace(tzinfo=dates.zone())
    return dt.datetime.now(dt.UTC)


def now_from_env() -> dt.datetime | None:
    # PLANCTL_NOW pins the time a report says it was produced (golden files, reproducible builds).
    pinned = os.environ.get("PLANCTL_NOW")
    if not pinned:
        return None
    try:
        return dt.datetime.fromisoformat(pinned)
    except ValueError:
        raise UsageError(f"PLANCTL_NOW='{pinned}' är ingen tidpunkt (ÅÅÅÅ-MM-DDTtt:mm)") from None


def produced_from_env() -> dt.datetime | dt.date:
    """When a report is produced, in Swedish wall-clock time: PLANCTL_NOW, else the clock.

    Only the day when PLANCTL_TODAY pins it without a time.
    """
    now = now_from_env()
    if now is not None:
        return now
    if os.environ.get("PLANCTL_TODAY"):
        return today_from_env()  # the day is pinned but the time is not: say only the day
    local = dt.datetime.now(dt.UTC).astimezone(dates.zone())
    return local.replace(tzinfo=None, second=0, microsecond=0)


def settings_from_env(data_dir: Path | None) -> Settings:
    """The settings for one run: the clock read once, so every date in a run agrees."""
    pinned_day = bool(os.environ.get("PLANCTL_TODAY"))
    return Settings(
        data_dir=data_dir,
        today=today_from_env(),
        produced=produced_from_env(),
        now=None if pinned_day else instant_from_env(),
    )


def job_count() -> int:
    """Processes for commands over a whole directory: every core, at most four."""
    return min(os.cpu_count() or 1, 4)


def settings_of(ctx: typer.Context) -> Settings:
    settings = ctx.obj
    assert isinstance(settings, Settings)
    return settings


def stdout_console() -> Console:
    from planctl.render.console import make_console

    return make_console()
