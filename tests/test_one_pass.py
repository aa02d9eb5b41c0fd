"""Validation in one pass: every problem of a plan file in one run, rows named by id."""

from __future__ import annotations

from pathlib import Path

from planctl.store import load_data_dir
from tests.conftest import TODAY, Invoke
from tests.test_store import edit, line_of


def _history(status: str, day: str) -> str:
    return f'    historik:\n      - datum: "{day}"\n        status: {status}\n'


def test_schema_error_does_not_hide_rule_errors_in_other_rows(
    data_dir: Path, invoke: Invoke
) -> None:
    """A typo'd key, a status outside the scale and a future date: all three in one run."""
    plan = data_dir / "boras_plan.yaml"
    edit(plan, "    ansvar: Förhandlingsdelegationen\n", "    ansvr: Förhandlingsdelegationen\n")
    edit(plan, "    insatser: [80]\n", "    insatser: [80]\n" + _history("Avklarad", "2018-05-02"))
    edit(plan, "    insatser: [10]\n", "    insatser: [10]\n" + _history("Påbörjat", "2027-01-10"))
    found = load_data_dir(data_dir, today=TODAY).problems
    by_rule = {p.rule: p for p in found if p.rule != "missing-round-entry"}
    assert set(by_rule) == {"unknown-field", "unknown-status", "future-date"}
    assert by_rule["unknown-field"].line == line_of(plan, "ansvr:")
    assert by_rule["unknown-status"].line == line_of(plan, "status: Avklarad")
    assert by_rule["future-date"].line == line_of(plan, "2027-01-10")

    result = invoke("validate", "--format", "json")
    assert result.exit_code != 0
    for rule, fragment in (
        ("unknown-field", "ansvr:"),
        ("unknown-status", "status: Avklarad"),
        ("future-date", "2027-01-10"),
    ):
        assert f'"{rule}"' in result.stdout
        assert f'"line": {line_of(plan, fragment)}' in result.stdout


def test_entries_of_a_row_that_failed_are_still_checked(data_dir: Path) -> None:
    """A history entry in a row with a schema error still gets its own rule checks."""
    plan = data_dir / "boras_plan.yaml"
    edit(plan, "    ansvar: Förhandlingschef\n", "    ansvr: Förhandlingschef\n")
    edit(plan, "    insatser: [80]\n", "    insatser: [80]\n" + _history("Avklarad", "2027-02-01"))
    found = load_data_dir(data_dir, today=TODAY).problems
    rules = sorted(p.rule for p in found if p.rule != "missing-round-entry")
    assert rules == ["future-date", "unknown-field", "unknown-status"]
    # Each fault once: the row rules of the failed row are not run a second way.
    assert len([p for p in found if p.rule == "future-date"]) == 1


def test_problem_path_names_the_row_by_id(data_dir: Path) -> None:
    """``åtgärder[LB-4].historik[1].datum``, not ``åtgärder[3].historik[0].datum``."""
    plan = data_dir / "boras_plan.yaml"
    edit(plan, "    insatser: [80]\n", "    insatser: [80]\n" + _history("Påbörjat", "2018-02-30"))
    (problem,) = [
        p for p in load_data_dir(data_dir, today=TODAY).problems if p.rule == "invalid-value"
    ]
    assert problem.message.startswith("åtgärder[LB-4].historik[1].datum:")
    assert problem.line == line_of(plan, "2018-02-30")
