"""The summary over many plans, on a fixture directory of three small plans."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from planctl.models import Catalogue, HistoryEntry, Plan
from planctl.progress import Late, state_on
from planctl.store import load_data_dir
from planctl.summary import FollowUp, summarise
from tests.conftest import DATA, TODAY, Invoke

THREE_PLANS = Path(__file__).resolve().parent / "fixtures" / "three_plans"


@pytest.fixture(scope="module")
def three() -> tuple[Catalogue, list[Plan]]:
    data = load_data_dir(THREE_PLANS, today=TODAY).require_valid()
    return data.require_catalogue(), [loaded.model for loaded in data.plans]


def test_fixture_catalogue_is_the_shipped_one() -> None:
    """The fixture's catalogue is a copy of data/measures.yaml (update both together)."""
    assert (THREE_PLANS / "measures.yaml").read_bytes() == (DATA / "measures.yaml").read_bytes()


def test_plan_lines(three: tuple[Catalogue, list[Plan]]) -> None:
    """Per plan: rows, done, under way, not started, not followed up, delayed, share done,
    latest follow-up. Rows without entries are not followed up, never not started or late."""
    summary = summarise(*three, today=TODAY)
    got = [
        (
            p.plan_id,
            p.rows,
            p.done,
            p.under_way,
            p.not_started,
            p.not_followed_up,
            p.delayed,
            p.latest,
        )
        for p in summary.plans
    ]
    assert got == [
        ("exempel-norr", 4, 1, 1, 0, 2, 0, FollowUp(dt.date(2026, 10, 31), "2026-10")),
        ("exempel-syd", 3, 1, 1, 0, 1, 0, FollowUp(dt.date(2026, 9, 30), "2026-09")),
        ("exempel-vast", 3, 0, 0, 0, 3, 0, None),
    ]
    assert [round(p.share_done, 4) for p in summary.plans] == [0.25, 0.3333, 0.0]
    assert summary.plans[0].organisation == "Exempelkommun Norr"


def test_measures_most_and_least_taken_up(three: tuple[Catalogue, list[Plan]]) -> None:
    """Measure 7 is in all three plans, 47 and 84 in two; 95 measures are in none."""
    summary = summarise(*three, today=TODAY)
    assert [(u.measure_id, u.plans) for u in summary.most] == [
        (7, 3),
        (47, 2),
        (84, 2),
        (15, 1),
        (35, 1),
    ]
    assert summary.most[1].plan_ids == ("exempel-norr", "exempel-syd")
    assert [(u.measure_id, u.plans) for u in summary.least] == [(n, 0) for n in range(1, 6)]
    assert len(summary.unused) == 95
    assert {7, 15, 35, 47, 84, 101}.isdisjoint(summary.unused)
    assert [u.measure_id for u in summarise(*three, today=TODAY, top=2).most] == [7, 47]


def test_delayed_means_not_started_after_the_start_term(
    three: tuple[Catalogue, list[Plan]],
) -> None:
    """A row is delayed only once its start term is over and it is recorded as not started;
    a row never followed up is not; drafts never are."""
    north, _south, west = three[1]
    entry = HistoryEntry.model_validate({"datum": "2026-03-01", "status": "Ej påbörjat"})
    rows = {row.id: row for row in north.rows}
    recorded = rows["N-3"].model_copy(update={"history": (entry,)})

    def late(row_id: str, day: dt.date) -> Late | None:
        plan = north if row_id.startswith("N") else west
        row = recorded if row_id == "N-3" else next(r for r in plan.rows if r.id == row_id)
        return state_on(plan, row, day).late

    assert late("N-3", TODAY) is Late.START  # Våren 2026, not started
    assert late("N-3", dt.date(2026, 6, 30)) is None  # last day of the term
    assert late("N-3", dt.date(2026, 7, 1)) is Late.START
    assert state_on(north, rows["N-3"], TODAY).late is None  # not followed up
    assert late("V-2", TODAY) is None  # Hösten 2024 is over, but never followed up
    assert late("N-2", TODAY) is None  # started
    assert late("V-3", TODAY) is None  # draft without a term


# --- the command ----------------------------------------------------------------------------------

ENV = {"PLANCTL_DATA": str(THREE_PLANS)}


def test_summary_table(invoke: Invoke) -> None:
    """summary prints each plan's counts and the measures most and least taken up."""
    result = invoke("summary", env=ENV)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Sammanställning av 3 planer (2026-11-23)" in out
    assert "Exempelkommun" in out and "exempel-norr" in out
    assert "2026-10-31" in out and "(2026-10)" in out and "25\u00a0%" in out
    assert "Mest genomförda insatser" in out and "Minst genomförda insatser" in out
    assert "Insatser som ingen plan genomför (95): 1–6, 8–14, 16–34" in out


@pytest.mark.parametrize(
    ("fmt", "name"), [("markdown", "summary.md"), ("json", "summary.json"), ("csv", "summary.csv")]
)
def test_summary_formats_golden(
    invoke: Invoke, golden: Callable[[str, str], None], fmt: str, name: str
) -> None:
    """summary in markdown, json and csv matches the reviewed golden files."""
    result = invoke("summary", "--format", fmt, env=ENV)
    assert result.exit_code == 0, result.stderr
    golden(name, result.stdout)


def test_summary_json_contract(invoke: Invoke) -> None:
    """summary --format json carries the plans, the uptake and the unused measures."""
    record = json.loads(invoke("summary", "-f", "json", "--top", "1", env=ENV).stdout)
    assert record["date"] == "2026-11-23"
    assert [p["id"] for p in record["plans"]] == ["exempel-norr", "exempel-syd", "exempel-vast"]
    assert record["plans"][1]["latest_follow_up"] == {"date": "2026-09-30", "round": "2026-09"}
    assert record["plans"][2]["latest_follow_up"] is None
    assert [(m["id"], m["plans"]) for m in record["most_taken_up"]] == [(7, 3)]
    assert [(m["id"], m["plans"]) for m in record["least_taken_up"]] == [(1, 0)]
    assert len(record["not_taken_up"]) == 95


def test_summary_of_one_plan(invoke: Invoke) -> None:
    """With the shipped data the summary has the one Borås plan: 27 rows not followed up yet,
    none late (the source's appendix is blank before the first follow-up)."""
    record = json.loads(invoke("summary", "-f", "json").stdout)
    (plan,) = record["plans"]
    assert (plan["rows"], plan["not_started"], plan["not_followed_up"]) == (27, 0, 27)
    assert plan["delayed"] == 0
    assert [m["id"] for m in record["most_taken_up"]] == [2, 3, 4, 5, 6]  # one plan each


def test_summary_without_plans(invoke: Invoke, data_dir: Path) -> None:
    """A data directory with only the catalogue has nothing to summarise: exit 2."""
    (data_dir / "boras_plan.yaml").unlink()
    result = invoke("summary")
    assert result.exit_code == 2 and "ingen plan hittades" in result.stderr


def test_summary_top_must_be_positive(invoke: Invoke) -> None:
    """--top 0 is a usage error."""
    assert invoke("summary", "--top", "0").exit_code == 2


def test_latest_follow_up_is_never_after_the_plans_today(invoke: Invoke) -> None:
    """An entry recorded between rounds belongs to the next round, but summary does not show
    that round's date before it has come: the entry's own day, without a round, until then."""
    between = {"PLANCTL_TODAY": "2018-07-02"}
    held = invoke("status", "set", "LB-1", "påbörjat", "-r", "2018-05", "-d", "2018-05-31")
    assert held.exit_code == 0, held.stderr
    early = invoke("status", "set", "LB-1", "klart", env=between)
    assert early.exit_code == 0, early.stderr
    assert "uppföljning 2018-10" in early.stderr  # by the rule, the entry is the next round's
    record = json.loads(invoke("summary", "-f", "json", env=between).stdout)
    assert record["plans"][0]["latest_follow_up"] == {"date": "2018-07-02", "round": None}
    table = invoke("summary", env={**between, "COLUMNS": "200"}).stdout
    assert "2018-07-02" in table and "2018-10-31" not in table
    after = json.loads(invoke("summary", "-f", "json", env={"PLANCTL_TODAY": "2018-11-01"}).stdout)
    assert after["plans"][0]["latest_follow_up"] == {"date": "2018-10-31", "round": "2018-10"}
