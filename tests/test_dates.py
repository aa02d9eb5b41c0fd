"""One message for a date that does not read, in a data file and on the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planctl.dates import not_a_date, parse_date
from planctl.errors import UsageError
from planctl.store import load_data_dir
from tests.conftest import TODAY, Invoke
from tests.test_store import edit, line_of

MESSAGE = "'31/5 2018' är inget giltigt datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2018-05-31"


def test_not_a_date_says_how_to_write_one() -> None:
    """The message names what was typed, the form and an example; a blank says a date is missing."""
    assert not_a_date("31/5 2018") == MESSAGE
    assert not_a_date(None) == "datum saknas; skriv ÅÅÅÅ-MM-DD, t.ex. 2018-05-31"


@pytest.mark.parametrize("typed", ["31/5", "2018-02-30", "20180531", "2018-W22-4", "2018-5-31", ""])
def test_parse_date_takes_only_the_one_form(typed: str) -> None:
    """Only ÅÅÅÅ-MM-DD reads as a date (not the other forms Python's ISO parser takes)."""
    with pytest.raises(UsageError, match=r"skriv ÅÅÅÅ-MM-DD, t\.ex\. 2018-05-31"):
        parse_date(typed)
    assert parse_date(" 2018-05-31 ") == dt.date(2018, 5, 31)


def test_a_date_in_a_file_reads_as_on_the_command_line(data_dir: Path) -> None:
    """A date in a plan that does not read is an invalid-value error at the value, worded as
    the command line words it."""
    plan = data_dir / "boras_plan.yaml"
    edit(plan, 'datum: "2018-05-31"', 'datum: "31/5 2018"')
    (problem,) = load_data_dir(data_dir, today=TODAY).errors
    assert (problem.rule, problem.line, problem.column) == (
        "invalid-value",
        line_of(plan, "31/5 2018"),
        12,
    )
    assert problem.message.endswith(f".datum: {MESSAGE}")


@pytest.mark.parametrize(
    "args",
    [
        ("status", "set", "LB-1", "klart", "-d", "31/5 2018"),
        ("report", "--as-of", "31/5 2018"),
        ("import", "plan.xlsx", "--date", "31/5 2018"),
    ],
)
def test_command_line_dates_have_the_one_message(invoke: Invoke, args: tuple[str, ...]) -> None:
    """Every option that takes a date refuses an unreadable one with the same words."""
    result = invoke(*args)
    assert result.exit_code == 2
    assert MESSAGE in result.stderr, result.stderr


def test_pinned_today_has_the_one_message(invoke: Invoke) -> None:
    """PLANCTL_TODAY that does not read is named, then worded as any other date."""
    result = invoke("list", env={"PLANCTL_TODAY": "31/5 2018"})
    assert result.exit_code == 2
    assert f"PLANCTL_TODAY: {MESSAGE}" in result.stderr, result.stderr
