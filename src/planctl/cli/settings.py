"""What the global options and the environment decide: data directory, today, report time."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from planctl.errors import PlanctlError, UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from planctl.store import DataSet


@dataclass(frozen=True)
class Settings:
    """What the global options and the environment decided, for the commands."""

    data_dir: Path | None
    today: dt.date
    produced: dt.datetime | dt.date = dt.date.min

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
            self.data_root(), today=self.today, base=Path.cwd(), plan_id=plan_id
        ).require_valid()


def today_from_env() -> dt.date:
    # PLANCTL_TODAY pins "today" for reproducible reports and tests.
    pinned = os.environ.get("PLANCTL_TODAY")
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            raise UsageError(f"PLANCTL_TODAY='{pinned}' är inget datum (ÅÅÅÅ-MM-DD)") from None
    now = now_from_env()
    return now.date() if now else dt.date.today()


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
    """When a report is produced: PLANCTL_NOW, else only the day if PLANCTL_TODAY pins it."""
    now = now_from_env()
    if now is not None:
        return now
    if os.environ.get("PLANCTL_TODAY"):
        return today_from_env()  # the day is pinned but the time is not: say only the day
    return dt.datetime.now().replace(second=0, microsecond=0)


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
