"""Indicators in the core: reading values, checking them against targets, resolving targets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planctl.errors import UsageError
from planctl.indicators import (
    checked_value,
    is_met,
    parse_value,
    resolve_indicator,
    row_standings,
    unit_of,
)
from planctl.models import Catalogue, Direction, Plan, Target, Unit
from planctl.store import load_data_dir
from planctl.writing.measurement import MeasurementRequest, prepare_measurement
from planctl.writing.status import update_plan
from tests.conftest import DATA, TODAY
from tests.helpers import added_lines
from tests.test_rules import problems_of, write

CLEAN = (Path(__file__).resolve().parent / "data" / "rules" / "clean.yaml").read_text("utf-8")


@pytest.fixture(scope="module")
def shipped() -> tuple[Plan, Catalogue]:
    data = load_data_dir(DATA, today=TODAY).require_valid()
    return data.plan().model, data.require_catalogue()


@pytest.mark.parametrize(
    ("typed", "value", "unit"),
    [
        ("12,5", 12.5, ""),
        ("12.5", 12.5, ""),
        ("90 %", 90, "%"),
        ("90%", 90, "%"),
        ("1500 kr", 1500, "kr"),
        ("1 500 kronor", 1500, "kronor"),
        ("1\u00a0500\u00a0kr", 1500, "kr"),
        ("2,0", 2, ""),
        ("-5", -5, ""),
        ("1 timmar per vecka", 1, "timmar per vecka"),
    ],
)
def test_values_are_read_as_swedes_write_them(typed: str, value: float, unit: str) -> None:
    """Decimal comma, spaces between thousands and a trailing unit are understood."""
    assert parse_value(typed) == (value, unit)


@pytest.mark.parametrize("typed", ["abc", "", "12,5,3", "kr 1500", "1.2.3"])
def test_text_that_is_no_number_is_refused(typed: str) -> None:
    """Anything but a number with an optional unit after it is a usage error."""
    with pytest.raises(UsageError, match="inget tal"):
        parse_value(typed)


@pytest.mark.parametrize(
    ("typed", "unit"),
    [
        ("%", Unit.PERCENT),
        ("Procent", Unit.PERCENT),
        ("st", Unit.COUNT),
        ("kr", Unit.KRONOR),
        ("SEK", Unit.KRONOR),
        ("per år", Unit.COUNT_PER_YEAR),
        ("h/v", Unit.HOURS_PER_WEEK),
        ("meter", None),
    ],
)
def test_unit_words(typed: str, unit: Unit | None) -> None:
    """Units are recognised in the usual short and long forms, case-insensitively."""
    assert unit_of(typed) is unit


def _target(unit: Unit, value: float = 10, direction: Direction = Direction.AT_LEAST) -> Target:
    return Target.model_validate(
        {"avser": "något", "värde": value, "enhet": unit.value, "riktning": direction.value}
    )


@pytest.mark.parametrize(
    ("unit", "typed", "fragment"),
    [
        (Unit.PERCENT, "101", "ett tal från 0 till 100 (procent)"),
        (Unit.PERCENT, "-1", "ett tal från 0 till 100 (procent)"),
        (Unit.COUNT, "2,5", "ett heltal, 0 eller mer (antal)"),
        (Unit.COUNT_PER_YEAR, "-1", "ett heltal, 0 eller mer (antal per år)"),
        (Unit.HOURS_PER_WEEK, "169", "ett tal från 0 till 168 (timmar per vecka)"),
        (Unit.KRONOR, "-100 kr", "ett tal, 0 eller mer (kronor)"),
    ],
)
def test_out_of_range_values_are_refused(unit: Unit, typed: str, fragment: str) -> None:
    """Each unit's range is enforced and the message says what is expected."""
    from planctl.indicators import Indicator

    with pytest.raises(UsageError, match="går inte som") as caught:
        checked_value(typed, Indicator("R-1", None, _target(unit)))
    assert fragment in caught.value.message


def test_wrong_unit_is_refused_and_names_the_right_one() -> None:
    """'12 kr' for a percentage target is refused with the expected unit and an example."""
    from planctl.indicators import Indicator

    with pytest.raises(UsageError) as caught:
        checked_value("12 kr", Indicator("KP-1", None, _target(Unit.PERCENT, 25)))
    assert caught.value.message == (
        "KP-1 (radens eget mål): fel enhet 'kr'; målet minst 25 % (något) mäts i procent – "
        "ange ett tal från 0 till 100 (procent), t.ex. '25 %'"
    )


def test_boundaries_and_matching_units_are_accepted() -> None:
    """0 and 100 are valid percentages; a matching unit word is fine; whole floats become ints."""
    from planctl.indicators import Indicator

    percent = Indicator("R", None, _target(Unit.PERCENT))
    assert checked_value("0", percent) == 0
    assert checked_value("100 procent", percent) == 100
    assert checked_value("168 h/v", Indicator("R", None, _target(Unit.HOURS_PER_WEEK))) == 168
    assert isinstance(checked_value("1500,0 kr", Indicator("R", None, _target(Unit.KRONOR))), int)


def test_met_means_at_least_or_at_most() -> None:
    """A floor is met from its value up, a ceiling from its value down."""
    floor, ceiling = _target(Unit.COUNT, 12), _target(Unit.COUNT, 12, Direction.AT_MOST)
    assert is_met(floor, 12) and is_met(floor, 13) and not is_met(floor, 11)
    assert is_met(ceiling, 12) and is_met(ceiling, 11) and not is_met(ceiling, 13)


# --- resolution --------------------------------------------------------------------------------


def test_row_id_means_its_own_target(shipped: tuple[Plan, Catalogue]) -> None:
    """LB-4 has its own target; lower case works."""
    plan, catalogue = shipped
    found = resolve_indicator(plan, catalogue, "lb-4")
    assert (found.row_id, found.measure_id, found.target.value) == ("LB-4", None, 1500)


def test_row_without_own_target_uses_its_one_linked_measure(
    shipped: tuple[Plan, Catalogue],
) -> None:
    """AV-6 has no target of its own but links measure 84, which has one."""
    plan, catalogue = shipped
    found = resolve_indicator(plan, catalogue, "AV-6")
    assert (found.row_id, found.measure_id, found.target.value) == ("AV-6", 84, 12)


def test_row_without_any_target_is_refused_with_the_rows_that_have_one(
    shipped: tuple[Plan, Catalogue],
) -> None:
    """LB-5 follows no target: the message says why and lists the rows that do."""
    plan, catalogue = shipped
    with pytest.raises(UsageError) as caught:
        resolve_indicator(plan, catalogue, "LB-5")
    assert caught.value.message == (
        "LB-5: raden har inget mål att mäta – inget eget mål (mål:) och ingen kopplad insats "
        "med mål (kopplade insatser: 10). Rader med mål: LB-1, LB-2, LB-3, LB-4, AV-2, AV-3, "
        "AV-6, KP-1, KP-7"
    )


def test_measure_number_linked_by_one_row(shipped: tuple[Plan, Catalogue]) -> None:
    """Measure 84 is carried out by AV-6 only: the value goes there."""
    plan, catalogue = shipped
    found = resolve_indicator(plan, catalogue, "84")
    assert (found.row_id, found.measure_id) == ("AV-6", 84)


def test_measure_number_linked_by_several_rows_lists_them(
    shipped: tuple[Plan, Catalogue],
) -> None:
    """Measure 7 is carried out by LB-1, LB-2 and LB-3: the error lists them and the way out."""
    plan, catalogue = shipped
    with pytest.raises(UsageError, match=r"flera rader \(LB-1, LB-2, LB-3\)") as caught:
        resolve_indicator(plan, catalogue, "7")
    assert "--measure 7" in caught.value.message
    found = resolve_indicator(plan, catalogue, "LB-2", measure_id=7)
    assert (found.row_id, found.measure_id) == ("LB-2", 7)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("101", "ingen rad i planen genomför insats 101"),
        ("80", "insats 80 har inget mätbart mål; insatser med mål: 7, 15, 35, 47, 49, 84, 85, 101"),
        ("999", "insats 999 finns inte i katalogen"),
    ],
)
def test_measure_number_without_a_row_or_target_is_refused(
    shipped: tuple[Plan, Catalogue], typed: str, message: str
) -> None:
    """A measure no row links, one without a target and an unknown number are refused."""
    plan, catalogue = shipped
    with pytest.raises(UsageError, match=message):
        resolve_indicator(plan, catalogue, typed)


def test_measure_option_must_be_linked(shipped: tuple[Plan, Catalogue]) -> None:
    """--measure names a measure the row does not link: refused, with the row's targets."""
    plan, catalogue = shipped
    with pytest.raises(UsageError, match="insats 84 är inte kopplad till raden"):
        resolve_indicator(plan, catalogue, "LB-1", measure_id=84)


# --- preparing and writing -----------------------------------------------------------------------


def _request(target: str, value: str, **kw: object) -> MeasurementRequest:
    return MeasurementRequest(target, value, "2018-10", dt.date(2018, 10, 31), **kw)  # type: ignore[arg-type]


def test_future_date_and_unknown_round_are_refused(shipped: tuple[Plan, Catalogue]) -> None:
    """A measurement in the future or in a round the plan lacks is a usage error."""
    plan, catalogue = shipped
    with pytest.raises(UsageError, match="framtiden"):
        prepare_measurement(plan, catalogue, _request("LB-4", "1500"), today=dt.date(2018, 1, 1))
    bad = MeasurementRequest("LB-4", "1500", "2019-05", dt.date(2018, 10, 31))
    with pytest.raises(UsageError, match="okänd uppföljning '2019-05'"):
        prepare_measurement(plan, catalogue, bad, today=TODAY)


def test_measurement_on_real_plan_only_adds_lines_and_keeps_status(data_dir: Path) -> None:
    """Two values on the shipped plan add only lines, in key order, and leave status alone."""
    path = data_dir / "boras_plan.yaml"
    before = path.read_text("utf-8")
    catalogue = load_data_dir(data_dir, today=TODAY).require_catalogue()
    for request in (
        _request("LB-4", "1 500 kr", note="Enligt avtal", by="Förhandlingschef"),
        _request("84", "11"),
        _request("KP-1", "12,5 %"),
    ):
        update_plan(
            data_dir,
            lambda plan, _catalogue, r=request: prepare_measurement(
                plan, catalogue, r, today=TODAY
            ),  # type: ignore[misc]
            today=TODAY,
        )
    assert added_lines(before, path.read_text("utf-8")) == [
        "    mätningar:\n",
        '      - datum: "2018-10-31"\n',
        "        värde: 1500\n",
        '        notering: "Enligt avtal"\n',
        "        av: Förhandlingschef\n",
        '        uppföljning: "2018-10"\n',
        "    mätningar:\n",
        '      - datum: "2018-10-31"\n',
        "        värde: 11\n",
        "        insats: 84\n",
        '        uppföljning: "2018-10"\n',
        "    mätningar:\n",
        '      - datum: "2018-10-31"\n',
        "        värde: 12.5\n",
        '        uppföljning: "2018-10"\n',
    ]
    plan = load_data_dir(data_dir, today=TODAY).require_valid().plan().model
    assert all(plan.status_on(row) is None and not row.history for row in plan.rows)


def test_measurement_before_the_last_one_is_refused(data_dir: Path) -> None:
    """Measurements stay in date order: an earlier date than the row's last is refused."""
    catalogue = load_data_dir(data_dir, today=TODAY).require_catalogue()
    update_plan(
        data_dir,
        lambda plan, _catalogue: prepare_measurement(
            plan, catalogue, _request("KP-1", "25"), today=TODAY
        ),
        today=TODAY,
    )
    early = MeasurementRequest("KP-1", "20", "2018-05", dt.date(2018, 5, 31))
    with pytest.raises(UsageError, match="före radens senaste mätning"):
        update_plan(
            data_dir,
            lambda plan, _catalogue: prepare_measurement(plan, catalogue, early, today=TODAY),
            today=TODAY,
        )


# --- validation ----------------------------------------------------------------------------------

_LB2 = """    insatser: [80]
    historik:
      - datum: "2018-05-21"
        status: Klart
        uppföljning: "2018-05"
"""


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            '    mätningar:\n      - datum: "2018-05-21"\n        värde: 90\n        insats: 84\n',
            [("measurement-target", 38, 17, "insats 84 är inte kopplad till raden")],
        ),
        (
            '    mätningar:\n      - datum: "2030-01-01"\n        värde: 1\n        insats: 7\n',
            [],
        ),
        (
            '    mätningar:\n      - datum: "2018-05-21"\n        värde: 1\n'
            '        uppföljning: "2018-09"\n',
            [
                ("measurement-target", 36, 9, "raden har inget eget mål"),
                ("unknown-round", 38, 22, "okänd uppföljning '2018-09'"),
            ],
        ),
    ],
    ids=["unlinked-measure", "linked-measure-in-lb1-future", "unknown-round-no-target"],
)
def test_measurement_rules_report_positions(
    tmp_path: Path, extra: str, expected: list[tuple[str, int, int, str]]
) -> None:
    """Measurement problems name their rule, line and column."""
    text = CLEAN.replace(_LB2, _LB2 + extra)
    if not expected:  # put the measurement on LB-1, which links measure 7
        text = CLEAN.replace("    insatser: [7]\n", "    insatser: [7]\n" + extra)
        positions = [(p.rule, p.line, p.column) for p in problems_of(write(tmp_path, text))]
        assert positions == [("future-date", 22, 16)]
        return
    found = problems_of(write(tmp_path, text))
    assert [(p.rule, p.line, p.column) for p in found] == [e[:3] for e in expected]
    for problem, (*_, fragment) in zip(found, expected, strict=True):
        assert fragment in problem.message


# --- standings -----------------------------------------------------------------------------------


def test_standings_give_latest_value_previous_round_and_trend(history_dir: Path) -> None:
    """With two rounds measured the standing has the latest, the previous round's and a trend."""
    data = load_data_dir(history_dir, today=TODAY).require_valid()
    plan, catalogue = data.plan().model, data.require_catalogue()
    kp1, av6, kp7 = (plan.row(i) for i in ("KP-1", "AV-6", "KP-7"))
    assert kp1 is not None and av6 is not None and kp7 is not None
    [own] = [s for s in row_standings(kp1, catalogue, TODAY) if s.indicator.measure_id is None]
    assert own.latest is not None and own.previous is not None
    assert (own.latest.value, own.previous.value, own.met, own.trend) == (12.5, 25, False, "down")
    [ceiling] = row_standings(av6, catalogue, TODAY)
    assert (ceiling.met, ceiling.trend) == (True, "down")
    [in_may] = row_standings(av6, catalogue, dt.date(2018, 5, 31))
    assert in_may.latest is not None
    assert (in_may.latest.value, in_may.met, in_may.previous) == (15, False, None)
    [single] = row_standings(kp7, catalogue, TODAY)
    assert (single.met, single.trend) == (True, None)
    [unmeasured] = row_standings(kp7, catalogue, dt.date(2018, 6, 1))
    assert (unmeasured.latest, unmeasured.met) == (None, None)
