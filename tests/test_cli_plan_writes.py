"""The day a write dates its entries by default: the plan's own today (tidszon), else Sweden's."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Invoke
from tests.helpers import added_lines
from tests.test_store import edit

PLAN = "boras_plan.yaml"


def _clock(moment: str) -> dict[str, str]:
    """The clock reading ``moment`` (Swedish wall-clock time); no day pinned for every plan."""
    return {"PLANCTL_TODAY": "", "PLANCTL_NOW": moment}


def _in_zone(data_dir: Path, zone: str) -> None:
    edit(data_dir / PLAN, "  katalog: vision-101", f"  katalog: vision-101\n  tidszon: {zone}")


def _dates_added(invoke: Invoke, data_dir: Path, env: dict[str, str], *args: str) -> list[str]:
    """The dates of the entries ``planctl ARGS`` adds to the plan."""
    before = (data_dir / PLAN).read_text(encoding="utf-8")
    result = invoke(*args, env=env)
    assert result.exit_code == 0, result.stderr
    added = added_lines(before, (data_dir / PLAN).read_text(encoding="utf-8"))
    return [found[1] for line in added if (found := re.search(r'datum: "([\d-]+)"', line))]


def test_writes_dated_today_take_the_day_of_a_plan_ahead_of_sweden(
    invoke: Invoke, data_dir: Path
) -> None:
    """At noon in Sweden a plan at UTC+14 is a day ahead: entries and corrections get its day."""
    _in_zone(data_dir, "Pacific/Kiritimati")
    env = _clock("2026-11-23T12:00")
    status = ("status", "set", "LB-4", "klart", "-n", "Klart")
    assert _dates_added(invoke, data_dir, env, *status) == ["2026-11-24"]
    correction = ("status", "correct", "LB-4", "påbörjat", "--entry", "1")
    assert _dates_added(invoke, data_dir, env, *correction) == ["2026-11-24"]
    measured = ("indicator", "set", "LB-4", "1500", "--round", "2018-10")
    assert _dates_added(invoke, data_dir, env, *measured) == ["2018-10-31"]  # the round's date
    remeasured = ("indicator", "correct", "LB-4", "1600", "--entry", "1")
    assert _dates_added(invoke, data_dir, env, *remeasured) == ["2026-11-24"]
    assert invoke("validate", env=env).exit_code == 0


def test_round_day_not_yet_reached_in_the_plans_zone_dates_writes_on_its_today(
    invoke: Invoke, data_dir: Path
) -> None:
    """On Sweden's round day a plan at UTC-12 is still on the day before: writes are dated so."""
    _in_zone(data_dir, "Etc/GMT+12")
    env = _clock("2018-10-31T12:00")  # round 2018-10 is dated 2018-10-31
    status = ("status", "set", "LB-4", "klart", "--round", "2018-10", "-n", "Klart")
    assert _dates_added(invoke, data_dir, env, *status) == ["2018-10-30"]
    measured = ("indicator", "set", "LB-4", "1500", "--round", "2018-10")
    assert _dates_added(invoke, data_dir, env, *measured) == ["2018-10-30"]
    assessed = ("comment", "2018-10", "Arbetet går framåt")
    assert _dates_added(invoke, data_dir, env, *assessed) == ["2018-10-30"]
    assert invoke("validate", env=env).exit_code == 0


def _written_on_the_plans_day(invoke: Invoke, data_dir: Path) -> dict[str, str]:
    """A plan a day ahead of Sweden with a round on its today; LB-4 done and measured in it.

    Returns the clock the entries were written at (noon in Sweden, the 23rd; the plan's 24th).
    """
    _in_zone(data_dir, "Pacific/Kiritimati")
    edit(
        data_dir / PLAN,
        '    datum: "2018-10-31"\n',
        '    datum: "2018-10-31"\n  - id: "2026-11"\n    namn: Uppföljning november 2026\n'
        '    datum: "2026-11-24"\n',
    )
    env = _clock("2026-11-23T12:00")
    status = ("status", "set", "LB-4", "klart", "--round", "2026-11", "-n", "Klart")
    assert _dates_added(invoke, data_dir, env, *status) == ["2026-11-24"]
    measured = ("indicator", "set", "LB-4", "1500", "--round", "2026-11")
    assert _dates_added(invoke, data_dir, env, *measured) == ["2026-11-24"]
    return env


def _done_in_report(invoke: Invoke, env: dict[str, str]) -> bool:
    result = invoke("report", "--format", "json", env=env)
    return bool(json.loads(result.stdout)["counts"]["done"] == 1)


def _done_in_summary(invoke: Invoke, env: dict[str, str]) -> bool:
    result = invoke("summary", "--format", "json", env=env)
    return bool(json.loads(result.stdout)["plans"][0]["done"] == 1)


def _measured_in_show(invoke: Invoke, env: dict[str, str]) -> bool:
    result = invoke("show", "LB-4", "--format", "json", env=env)
    latest = json.loads(result.stdout)["indicators"][0]["latest"]
    return latest is not None and latest["value"] == 1500


def _done_left_out_of_remind(invoke: Invoke, env: dict[str, str]) -> bool:
    result = invoke("remind", "--format", "markdown", env=env)
    return result.exit_code == 0 and "LB-4" not in result.stdout


def _round_in_chart(invoke: Invoke, env: dict[str, str]) -> bool:
    result = invoke("chart", "--format", "svg", env=env)
    return result.exit_code == 0 and ">2026-11<" in result.stdout


@pytest.mark.parametrize(
    "sees_the_write",
    [
        _done_in_report,
        _done_in_summary,
        _measured_in_show,
        _done_left_out_of_remind,
        _round_in_chart,
    ],
    ids=["report", "summary", "show", "remind", "chart"],
)
def test_reads_as_of_today_see_what_a_write_dated_on_the_plans_day(
    invoke: Invoke, data_dir: Path, sees_the_write: Callable[[Invoke, dict[str, str]], bool]
) -> None:
    """What a write dates on the plan's today, every command showing the plan "today" counts."""
    env = _written_on_the_plans_day(invoke, data_dir)
    assert sees_the_write(invoke, env)
