"""A row skipped at a round and followed up later is recorded afterwards for the skipped round.

The scenario of every test: round 2018-05 recorded for every row but LB-1, round 2018-10 for
every row (LB-1: Påbörjat). ``validate`` warns ``missing-round-entry`` for LB-1 and names two
commands; each of them must then succeed and leave ``validate --strict`` clean, without changing
LB-1's current status or any ``rättar: N`` number.
"""

from __future__ import annotations

import ast
import json
import re
import shlex
import shutil
from pathlib import Path
from typing import Any

import pytest

from planctl.changes import EntryKind, _status_changes
from planctl.store import load_data_dir
from tests.conftest import TODAY, Invoke

FIXTURES = Path(__file__).parent / "fixtures"
PLAN_ID = "boras-socialsekreterare-2017"


def _row_ids(data_dir: Path) -> list[str]:
    plan = load_data_dir(data_dir, today=TODAY).require_valid().plan(PLAN_ID).model
    return [row.id for row in plan.rows]


@pytest.fixture
def skipped(invoke: Invoke, data_dir: Path) -> Path:
    """LB-1 skipped at 2018-05 (every other row recorded), then Påbörjat at 2018-10."""
    others = [r for r in _row_ids(data_dir) if r != "LB-1"]
    may = invoke("status", "set", *others, "ej-paborjat", "--round", "2018-05", "--plan", PLAN_ID)
    assert may.exit_code == 0, may.stderr
    october = invoke("status", "set", *others, "påbörjat", "--round", "2018-10", "--plan", PLAN_ID)
    assert october.exit_code == 0, october.stderr
    lb1 = invoke("status", "set", "LB-1", "påbörjat", "--round", "2018-10", "--plan", PLAN_ID)
    assert lb1.exit_code == 0, lb1.stderr
    return data_dir


def _hinted(invoke: Invoke) -> list[list[str]]:
    """The commands the strict validation names for LB-1, as argument lists without 'planctl'."""
    result = invoke("validate", "--strict", "--format", "json")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["problems"]
    assert [(p["rule"], p["message"][:5]) for p in problems] == [("missing-round-entry", "LB-1:")]
    commands = re.findall(r"'(planctl [^']*)'", problems[0]["message"])
    assert len(commands) == 2, problems[0]["message"]
    assert "STATUS är radens status vid uppföljningen" in problems[0]["message"]
    return [shlex.split(command)[1:] for command in commands]


def _lb1(data_dir: Path) -> list[dict[str, Any]]:
    plan = load_data_dir(data_dir, today=TODAY).require_valid().plan(PLAN_ID).model
    row = plan.row("LB-1")
    assert row is not None
    return [e.model_dump(mode="json", exclude_none=True) for e in row.history]


def _report_status(invoke: Invoke, *args: str) -> str | None:
    result = invoke("report", *args, "--plan", PLAN_ID, "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = [r for area in json.loads(result.stdout)["areas"] for r in area["rows"]]
    found = next(r for r in rows if r["id"] == "LB-1")
    status: str | None = found["status"]
    return status


def _assert_states(invoke: Invoke, may: str | None) -> None:
    """May's state is ``may``; October's, today's and the current one stay Påbörjat."""
    assert _report_status(invoke, "--round", "2018-05") == may
    assert _report_status(invoke, "--round", "2018-10") == "Påbörjat"
    assert _report_status(invoke) == "Påbörjat"
    listed = json.loads(invoke("list", "--plan", PLAN_ID, "-f", "json").stdout)
    lb1 = next(r for r in listed if r["id"] == "LB-1")
    assert (lb1["status"], lb1["status_date"]) == ("Påbörjat", "2018-10-31")


def test_hinted_status_set_records_afterwards_and_strict_validation_passes(
    invoke: Invoke, skipped: Path
) -> None:
    """The hinted status set appends an entry tagged 2018-05 dated today, says so; CI goes green."""
    _, status_set = _hinted(invoke)
    assert status_set[:4] == ["status", "set", "LB-1", "STATUS"]
    status_set[3] = "ej-paborjat"
    result = invoke(*status_set)
    assert result.exit_code == 0, result.stderr
    assert "LB-1: posten registreras i efterhand för uppföljning 2018-05" in result.stderr
    assert f"LB-1: Ej uppföljd → Ej påbörjat ({TODAY}, uppföljning 2018-05)" in result.stderr
    assert _lb1(skipped)[-1] == {
        "date": TODAY.isoformat(),
        "status": "Ej påbörjat",
        "round": "2018-05",
    }
    strict = invoke("validate", "--strict")
    assert strict.exit_code == 0, strict.stdout + strict.stderr
    _assert_states(invoke, may="Ej påbörjat")


def test_hinted_followup_records_afterwards_and_strict_validation_passes(
    invoke: Invoke, skipped: Path
) -> None:
    """The hinted followup asks LB-1 (saying it is recorded afterwards) and writes it."""
    followup, _ = _hinted(invoke)
    assert followup[:2] == ["followup", "2018-05"]
    result = invoke(*followup, input="e\nBeslut väntar\nja\n")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "[1/1] LB-1" in result.stdout
    assert "registreras i efterhand för uppföljning 2018-05" in result.stdout
    assert "Hoppas över" not in result.stdout
    assert _lb1(skipped)[-1] == {
        "date": TODAY.isoformat(),
        "status": "Ej påbörjat",
        "note": "Beslut väntar",
        "round": "2018-05",
    }
    strict = invoke("validate", "--strict")
    assert strict.exit_code == 0, strict.stdout + strict.stderr
    _assert_states(invoke, may="Ej påbörjat")


def test_enter_in_followup_confirms_the_rounds_status_not_the_current_one(
    invoke: Invoke, skipped: Path
) -> None:
    """LB-1 had no status at 2018-05: Enter does not confirm October's Påbörjat for May."""
    result = invoke("followup", "2018-05", "--plan", PLAN_ID, input="\nklart\n\nja\n")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "Raden är inte uppföljd än" in result.stdout
    assert _lb1(skipped)[-1]["status"] == "Klart"
    _assert_states(invoke, may="Klart")


def test_hinted_commands_name_the_plan_when_the_data_holds_several(
    invoke: Invoke, skipped: Path
) -> None:
    """Beside a second plan (whose R-4 skipped 2026-08), each plan's hints succeed as printed."""
    shutil.copy(FIXTURES / "other_scale" / "exempelstad.yaml", skipped)
    assert invoke("followup", "2018-05", input="").exit_code == 2  # which plan?
    hinted = _hinted_by_row(invoke)
    assert sorted(hinted) == ["LB-1", "R-4"]
    followup, _ = hinted["LB-1"]
    assert followup[-2:] == ["--plan", PLAN_ID]
    result = invoke(*followup, input="p\n\nja\n")
    assert result.exit_code == 0, result.stdout + result.stderr
    _, status_set = hinted["R-4"]
    assert status_set[-2:] == ["--plan", "exempelstad-2025"]
    status_set[3] = "pågår"
    result = invoke(*status_set)
    assert result.exit_code == 0, result.stderr
    assert _hinted_by_row(invoke) == {}
    strict = invoke("validate", "--strict", str(skipped / "boras_plan.yaml"))
    assert strict.exit_code == 0, strict.stdout + strict.stderr


def _hinted_by_row(invoke: Invoke) -> dict[str, list[list[str]]]:
    """Every missing-round-entry warning's commands, by row id."""
    result = invoke("validate", "--format", "json")
    found: dict[str, list[list[str]]] = {}
    for problem in json.loads(result.stdout)["problems"]:
        if problem["rule"] != "missing-round-entry":
            continue  # the second plan's own warnings (no-responsible) name no command
        commands = re.findall(r"'(planctl [^']*)'", problem["message"])
        found[problem["message"].split(":")[0]] = [shlex.split(c)[1:] for c in commands]
    return found


def test_explicit_date_before_the_latest_entry_is_still_refused(
    invoke: Invoke, skipped: Path
) -> None:
    """--date 2018-05-31 names a day before LB-1's October entry: refused, with the way out."""
    before = (skipped / "boras_plan.yaml").read_bytes()
    result = invoke(
        "status", "set", "LB-1", "ej-paborjat", "--round", "2018-05", "--date", "2018-05-31"
    )
    assert result.exit_code == 2
    assert "LB-1: datumet 2018-05-31 ligger före radens senaste post (2018-10-31)" in result.stderr
    assert "utan --date registreras posten i efterhand för 2018-05" in result.stderr
    assert (skipped / "boras_plan.yaml").read_bytes() == before
    dated = invoke("followup", "2018-05", "--date", "2018-05-31", input="")
    assert "Hoppas över: LB-1: datumet 2018-05-31 ligger före radens senaste post" in dated.stdout
    assert (skipped / "boras_plan.yaml").read_bytes() == before


def test_corrections_keep_their_numbers_and_the_backfill_can_be_corrected(
    invoke: Invoke, skipped: Path
) -> None:
    """rättar: 1 still names entry 1 after the backfill (entry 3); correcting entry 3 works."""
    fixed = invoke("status", "correct", "LB-1", "klart", "--entry", "1", "--note", "Fel status")
    assert fixed.exit_code == 0, fixed.stderr
    _, status_set = _hinted(invoke)
    status_set[3] = "påbörjat"
    assert invoke(*status_set).exit_code == 0
    entries = _lb1(skipped)
    assert [(e["status"], e.get("corrects"), e["round"]) for e in entries] == [
        ("Påbörjat", None, "2018-10"),
        ("Klart", 1, "2018-10"),
        ("Påbörjat", None, "2018-05"),
    ]
    assert invoke("validate", "--strict").exit_code == 0
    assert _report_status(invoke, "--round", "2018-05") == "Påbörjat"
    assert _report_status(invoke, "--round", "2018-10") == "Klart"
    assert _report_status(invoke) == "Klart"
    again = invoke("status", "correct", "LB-1", "ej-paborjat", "--entry", "3")
    assert again.exit_code == 0, again.stderr
    assert _lb1(skipped)[-1] == {
        "date": TODAY.isoformat(),
        "status": "Ej påbörjat",
        "round": "2018-05",
        "corrects": 3,
    }
    assert invoke("validate", "--strict").exit_code == 0
    assert _report_status(invoke, "--round", "2018-05") == "Ej påbörjat"
    assert _report_status(invoke) == "Klart"


def test_history_diff_summary_remind_and_changes_count_it_for_may_only(
    invoke: Invoke, skipped: Path
) -> None:
    """history shows Ej uppföljd → Ej påbörjat for 2018-05; October's entry moves on from it."""
    _, status_set = _hinted(invoke)
    status_set[3] = "ej-paborjat"
    assert invoke(*status_set).exit_code == 0
    history = json.loads(invoke("history", "LB-1", "-f", "json").stdout)
    assert [(h["date"], h["previous"], h["status"], h["belongs_to"]) for h in history] == [
        ("2018-10-31", "Ej påbörjat", "Påbörjat", "2018-10"),
        (TODAY.isoformat(), None, "Ej påbörjat", "2018-05"),
    ]
    since = json.loads(invoke("history", "--since", "2018-10", "-f", "json").stdout)
    assert ("LB-1", "2018-05") not in {(h["id"], h["belongs_to"]) for h in since}
    diff = invoke("diff", "2018-05", "2018-10", "--plan", PLAN_ID, "-f", "json")
    assert diff.exit_code == 0, diff.stderr
    moved = [r for area in json.loads(diff.stdout)["areas"] for r in area["rows"]]
    assert [(r["id"], r["previous_status"], r["status"]) for r in moved if r["id"] == "LB-1"] == [
        ("LB-1", "Ej påbörjat", "Påbörjat")
    ]
    summary = json.loads(invoke("summary", "-f", "json").stdout)["plans"][0]
    assert summary["started"] == len(_row_ids(skipped))  # every row Påbörjat today
    assert summary["latest_follow_up"] == {"date": "2018-10-31", "round": "2018-10"}
    remind = invoke("remind", "--round", "2018-10", "--plan", PLAN_ID, "-f", "csv")
    assert remind.exit_code == 0, remind.stderr
    lb1 = next(line.split(";") for line in remind.stdout.splitlines() if ";LB-1;" in line)
    assert lb1[4:6] == ["Påbörjat", "2018-10-31"]
    plan = load_data_dir(skipped, today=TODAY).require_valid().plan(PLAN_ID).model
    row = plan.row("LB-1")
    assert row is not None
    kinds = [(c.old, c.new, c.round, c.kind) for c in _status_changes(plan, row, 2)]
    assert kinds == [(None, "Ej påbörjat", "2018-05", EntryKind.CHANGE)]


def test_the_only_validation_hints_naming_a_command_are_the_ones_run_above() -> None:
    """A rule message naming a planctl command is built in one place, whose commands the tests
    above run; a new one needs a test that runs it too."""
    source = Path(__file__).resolve().parent.parent / "src" / "planctl"
    naming: set[tuple[str, str]] = set()
    for path in sorted(source.glob("*checks*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            for node in ast.walk(function):
                text = node.value if isinstance(node, ast.Constant) else None
                if isinstance(text, str) and (text == "planctl" or "'planctl " in text):
                    naming.add((path.name, function.name))
    assert naming == {("roundchecks.py", "_round_hint")}


def test_an_entry_behind_a_later_rounds_entry_says_the_status_today_stands(
    invoke: Invoke, data_dir: Path
) -> None:
    """An entry for an earlier round than one the row already has counts for its own round only
    (round first, then position); the writer says so instead of implying a new current status.
    Here the later round's entry was recorded early, so the new one is not "afterwards"."""
    early = {"PLANCTL_TODAY": "2018-05-10"}
    first = invoke("status", "set", "LB-3", "påbörjat", "--round", "2018-10", env=early)
    assert first.exit_code == 0, first.stderr
    assert "står efter den" not in first.stderr
    may = {"PLANCTL_TODAY": "2018-05-31"}
    second = invoke("status", "set", "LB-3", "klart", "--round", "2018-05", env=may)
    assert second.exit_code == 0, second.stderr
    assert (
        "LB-3: posten räknas för uppföljning 2018-05; radens status i dag är fortfarande "
        "Påbörjat (uppföljning 2018-10 står efter den)"
    ) in second.stderr
    listed = invoke("list", "--format", "json", env=may)
    [row] = [r for r in json.loads(listed.stdout) if r["id"] == "LB-3"]
    assert row["status"] == "Påbörjat"
    may_report = invoke("report", "--round", "2018-05", "--format", "json", env=may)
    rows = [r for a in json.loads(may_report.stdout)["areas"] for r in a["rows"]]
    assert next(r for r in rows if r["id"] == "LB-3")["status"] == "Klart"
