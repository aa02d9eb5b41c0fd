"""Cross-file rules: ids, references, history order and dates, start terms."""

from __future__ import annotations

from pathlib import Path

import pytest

from planctl.errors import Severity
from planctl.store import load_data_dir
from tests.conftest import TODAY
from tests.test_store import edit, line_of

HISTORY = (
    "    insatser: [80]\n"
    "    historik:\n"
    '      - datum: "{first}"\n'
    "        status: Påbörjat\n"
    '        uppföljning: "{round}"\n'
    '      - datum: "{second}"\n'
    "        status: Klart\n"
)


def found(data_dir: Path) -> list[tuple[str, int]]:
    """Errors only: these tests record one row, so the others get missing-round warnings."""
    return [(p.rule, p.line) for p in load_data_dir(data_dir, today=TODAY).errors]


def add_history(data_dir: Path, first: str, second: str, round_id: str = "2018-05") -> Path:
    plan = data_dir / "boras_plan.yaml"
    edit(plan, "    insatser: [80]\n", HISTORY.format(first=first, second=second, round=round_id))
    return plan


def test_valid_history_passes(data_dir: Path) -> None:
    """Entries in date order, in the past, with a known round, are fine."""
    add_history(data_dir, "2018-05-20", "2018-10-30")
    assert found(data_dir) == []


def test_history_out_of_order(data_dir: Path) -> None:
    """An entry dated before the previous one is an error at its date."""
    plan = add_history(data_dir, "2018-10-30", "2018-05-20")
    assert found(data_dir) == [("history-order", line_of(plan, '"2018-05-20"'))]


def test_future_date(data_dir: Path) -> None:
    """An entry dated after today is an error."""
    plan = add_history(data_dir, "2018-05-20", "2031-01-01")
    assert found(data_dir) == [("future-date", line_of(plan, "2031-01-01"))]


def test_unknown_round(data_dir: Path) -> None:
    """A history entry naming a round the plan does not have is an error listing the rounds."""
    plan = add_history(data_dir, "2018-05-20", "2018-10-30", round_id="2018-06")
    data = load_data_dir(data_dir, today=TODAY)
    (problem,) = data.errors
    assert (problem.rule, problem.line) == ("unknown-round", line_of(plan, '"2018-06"'))
    assert "2018-05, 2018-10" in problem.message


def test_duplicate_row_id(data_dir: Path) -> None:
    """Two rows with the same id (in any case) are an error at the second."""
    plan = data_dir / "boras_plan.yaml"
    edit(plan, "  - id: LB-2\n", "  - id: lb-1\n")
    assert found(data_dir) == [("duplicate-id", line_of(plan, "id: lb-1"))]


def test_unparseable_start_needs_term(data_dir: Path) -> None:
    """A start that names no period is an error that lists the accepted forms and the key that
    states the period explicitly; with that key it is accepted."""
    plan = data_dir / "boras_plan.yaml"
    edit(plan, 'start: "Våren 2018"\n    termin: VT2018\n', 'start: "När budgeten tillåter"\n')
    assert found(data_dir) == [("start-term", line_of(plan, "När budgeten tillåter"))]
    (problem,) = load_data_dir(data_dir, today=TODAY).problems
    assert "Q3 2018" in problem.message and "läsåret 2017/18" in problem.message
    assert "startperiod" in problem.message
    edit(
        plan,
        'start: "När budgeten tillåter"\n',
        'start: "När budgeten tillåter"\n    startperiod: "2019"\n',
    )
    assert found(data_dir) == []


@pytest.mark.parametrize(
    "start",
    [
        "2016",
        "Under 2016",
        "Q3 2018",
        "Kvartal 1 2018",
        "Tertial 2 2017",
        "Första halvåret 2017",
        "Läsåret 2016/17",
        "2017–2019",
        "Löpande",
        "Pågår",
        "Vid behov",
        "Omgående",
        "Sommaren 2016",
        "Senast december 2016",
    ],
)
def test_refused_start_forms_are_accepted(data_dir: Path, start: str) -> None:
    """Every start form that real plans use and planctl used to refuse now validates."""
    plan = data_dir / "boras_plan.yaml"
    edit(plan, 'start: "Våren 2018"\n    termin: VT2018\n', f'start: "{start}"\n')
    assert found(data_dir) == []


def test_end_before_start_is_an_error(data_dir: Path) -> None:
    """An end period that ends before the start period begins is refused at the end."""
    plan = data_dir / "boras_plan.yaml"
    edit(
        plan, 'start: "Våren 2018"\n    termin: VT2018\n', 'start: "Våren 2018"\n    slut: "2017"\n'
    )
    assert found(data_dir) == [("period-order", line_of(plan, 'slut: "2017"'))]


def test_unparseable_end_names_slutperiod(data_dir: Path) -> None:
    """An end that names no period is an error naming the key for an explicit end."""
    plan = data_dir / "boras_plan.yaml"
    edit(
        plan,
        'start: "Våren 2018"\n    termin: VT2018\n',
        'start: "Våren 2018"\n    slut: "När det är klart"\n',
    )
    (problem,) = load_data_dir(data_dir, today=TODAY).problems
    assert problem.rule == "end-period" and "slutperiod" in problem.message


def test_draft_row_may_lack_a_term(data_dir: Path) -> None:
    """A draft row with an unparseable start is a draft-row warning, not a start-term error."""
    plan = data_dir / "boras_plan.yaml"
    edit(
        plan,
        'start: "Våren 2018"\n    termin: VT2018\n',
        'start: "Fyll i start"\n    utkast: true\n',
    )
    (problem,) = load_data_dir(data_dir, today=TODAY).problems
    assert (problem.rule, problem.severity) == ("draft-row", Severity.WARNING)
    assert (
        problem.line == line_of(plan, "Fyll i start")
        and "fyll i ansvar och start" in problem.message
    )


def test_draft_row_with_a_term_is_reminded(data_dir: Path) -> None:
    """A draft row whose start already parses is reminded to drop utkast, at that key."""
    plan = data_dir / "boras_plan.yaml"
    edit(plan, "    termin: VT2018\n", "    termin: VT2018\n    utkast: true\n")
    (problem,) = load_data_dir(data_dir, today=TODAY).problems
    assert (problem.rule, problem.line) == ("draft-row", line_of(plan, "utkast: true"))


def test_term_must_agree_with_start(data_dir: Path) -> None:
    """An explicit term that contradicts the start text is an error."""
    plan = data_dir / "boras_plan.yaml"
    edit(plan, "    termin: VT2018\n", "    termin: HT2019\n")
    assert found(data_dir) == [("term-mismatch", line_of(plan, "HT2019"))]


def test_catalogue_reference(data_dir: Path) -> None:
    """A plan naming another catalogue than the directory's is an error."""
    edit(data_dir / "boras_plan.yaml", "katalog: vision-101", "katalog: skr-50")
    assert [rule for rule, _ in found(data_dir)] == ["unknown-catalogue"]


def test_duplicate_measure_link_is_warning(data_dir: Path) -> None:
    """Linking the same measure twice is only a warning."""
    edit(data_dir / "boras_plan.yaml", "insatser: [80]", "insatser: [80, 80]")
    (problem,) = load_data_dir(data_dir, today=TODAY).problems
    assert problem.rule == "duplicate-measure" and problem.severity is Severity.WARNING
