"""Fidelity of the shipped data files to the two source documents."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest

from planctl.models import Catalogue, Direction, Plan
from planctl.store import load_data_dir
from planctl.terms import Period, parse_term, parse_timing
from tests.conftest import DATA, TODAY

AREA_RANGES = {
    "aktiv-rekrytering": range(1, 22),
    "möjlighet-till-utveckling": range(22, 43),
    "rimlig-arbetsbelastning": range(43, 70),
    "god-introduktion": range(70, 83),
    "hälsofrämjande-ledarskap": range(83, 102),
}


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    data = load_data_dir(DATA, today=TODAY).require_valid()
    assert data.catalogue is not None
    return data.catalogue.model


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_data_dir(DATA, today=TODAY).require_valid().plan().model


def test_shipped_data_has_no_problems() -> None:
    """The shipped directory validates without errors or warnings."""
    assert load_data_dir(DATA, today=TODAY).problems == ()


def test_catalogue_has_101_measures_in_five_areas(catalogue: Catalogue) -> None:
    """All 101 measures are there, numbered 1–101, each in the area its number belongs to."""
    assert [m.id for m in catalogue.measures] == list(range(1, 102))
    assert [a.id for a in catalogue.areas] == list(AREA_RANGES)
    for measure in catalogue.measures:
        assert measure.id in AREA_RANGES[measure.area], measure.id


def test_catalogue_metadata(catalogue: Catalogue) -> None:
    """The catalogue names its title and publisher."""
    assert catalogue.meta.publisher == "Vision"
    assert catalogue.meta.title.startswith("Från plan till handling – 101 insatser")


@pytest.mark.parametrize(
    ("number", "fragment"),
    [
        (2, "arbetsuppgifter"),
        (5, "annonseringskampanjer"),
        (6, "tillsvidaretjänster"),
        (7, "erhöll"),
        (14, "socionomutbildningen"),
        (16, "samverkan"),
        (17, "närliggande"),
        (45, "sommarmånaderna"),
        (77, "tillsammans med socionomutbildningen"),
        (84, "ärendebereda."),
        (86, "Handledning för gruppledare."),
    ],
)
def test_pdf_artefacts_are_repaired(catalogue: Catalogue, number: int, fragment: str) -> None:
    """Line-break hyphens and misreadings from the PDF are repaired in the measure's text."""
    measure = catalogue.measure(number)
    assert measure is not None
    assert fragment in measure.text


def test_no_artefacts_remain(catalogue: Catalogue) -> None:
    """No text keeps a hyphen glued inside a lowercase word, 'IOI' or a doubled space."""
    glued = re.compile(r"[a-zåäö]-[a-zåäö]")
    for measure in catalogue.measures:
        assert not glued.search(measure.text), measure.id
        assert "IOI" not in measure.text and "  " not in measure.text
        assert "ärendebereada" not in measure.text


def test_real_hyphens_stay(catalogue: Catalogue) -> None:
    """Hyphens that are real Swedish are kept."""
    texts = {m.id: m.text for m in catalogue.measures}
    assert "stöd- och" in texts[74]
    assert "HVB-samordnare" in texts[61]
    assert "förvaltnings- och socialrätt" in texts[79]


@pytest.mark.parametrize(
    ("number", "value", "direction"),
    [
        (7, 90, Direction.AT_LEAST),
        (15, 2, Direction.AT_LEAST),
        (35, 20, Direction.AT_LEAST),
        (47, 90, Direction.AT_LEAST),
        (84, 12, Direction.AT_MOST),
        (101, 1, Direction.AT_LEAST),
    ],
)
def test_measurable_targets(
    catalogue: Catalogue, number: int, value: int, direction: Direction
) -> None:
    """Measures that state a measurable target carry it in structured form."""
    measure = catalogue.measure(number)
    assert measure is not None and measure.targets
    assert (measure.targets[0].value, measure.targets[0].direction) == (value, direction)


def test_plan_has_27_rows_in_three_areas(plan: Plan) -> None:
    """The appendix's 6 + 10 + 11 rows are all there with typeable ids."""
    assert Counter(r.area for r in plan.rows) == {
        "lönebildning": 6,
        "arbetsvillkor": 10,
        "kompetens-och-personalförsörjning": 11,
    }
    ids = [r.id for r in plan.rows]
    expected = [f"LB-{i}" for i in range(1, 7)] + [f"AV-{i}" for i in range(1, 11)]
    assert ids == expected + [f"KP-{i}" for i in range(1, 12)]


def test_responsible_roles_and_starts(plan: Plan) -> None:
    """Responsible roles and starts are as written in the appendix."""
    by_id = {r.id: r for r in plan.rows}
    assert by_id["LB-1"].owners == ("Förhandlingsdelegationen",)
    assert by_id["LB-4"].owners == ("Förhandlingschef",)
    assert by_id["AV-2"].owners == ("Lokalförsörjningschef",)
    assert by_id["AV-5"].owners == ("Kommunchef",)
    assert by_id["KP-4"].owners == ("Personalchef",)
    assert by_id["KP-6"].owners == ("Kommunchef, förvaltningschef mfl",)
    assert by_id["LB-2"].start == "I samband löneöversyn våren 2018"
    assert by_id["KP-9"].start == "from 1 januari 2018"
    assert by_id["AV-8"].start == "Våren 2018"
    assert Counter(r.owners for r in plan.rows)[("Förvaltningschef",)] == 13


def test_every_start_parses_to_its_term(plan: Plan) -> None:
    """Every start text parses to the half-year period the stored term names."""
    for row in plan.rows:
        term = parse_term(row.term or "")
        timing = parse_timing(row.start)
        assert term is not None and timing is not None and timing.start is not None, row.id
        assert timing.start.within(Period(term.first_day, term.last_day)), row.id
        assert row.start_window == Period(term.first_day, term.last_day), row.id
    by_id = {r.id: r for r in plan.rows}
    assert by_id["KP-9"].term == "VT2018"
    assert by_id["LB-2"].term == "VT2018"


def test_four_rows_need_funding(plan: Plan) -> None:
    """Exactly the four rows named under 'Ekonomi' need extra funding."""
    assert [r.id for r in plan.rows if r.needs_funding] == ["LB-1", "LB-2", "LB-3", "AV-1"]


def test_body_text_details_are_kept(plan: Plan) -> None:
    """The amounts the body text adds are in the rows' details."""
    by_id = {r.id: r for r in plan.rows}
    assert "15 000 kronor" in (by_id["LB-5"].details or "")
    assert "1500 kronor" in (by_id["LB-4"].details or "")
    assert "800 kronor" in (by_id["KP-9"].details or "")


def test_plan_metadata_and_rounds(plan: Plan) -> None:
    """The plan carries its metadata and both follow-up rounds of 2018."""
    assert plan.meta.organisation == "Borås Stad"
    assert plan.meta.decided_by == "Förhandlingsdelegationen"
    assert [(r.id, r.date) for r in plan.rounds] == [
        ("2018-05", dt.date(2018, 5, 31)),
        ("2018-10", dt.date(2018, 10, 31)),
    ]
    assert plan.area("lönebildning") is not None
    assert "lönevillkor" in plan.areas[0].aliases
    assert set(plan.earlier_efforts) == {a.id for a in plan.areas}
    assert plan.continued_work


def test_no_invented_follow_up_and_no_names(plan: Plan) -> None:
    """The shipped plan has no history and names roles, never people."""
    assert all(r.history == () and plan.status_on(r) is None for r in plan.rows)
    text = (DATA / "boras_plan.yaml").read_text(encoding="utf-8")
    for surname in ("Kalnins", "Forsström", "Sellergren", "Andersson", "Brännmar", "Pellby"):
        assert surname not in text


def test_links_point_into_the_catalogue(plan: Plan, catalogue: Catalogue) -> None:
    """Every linked measure exists, and most rows carry out at least one measure."""
    numbers = {m.id for m in catalogue.measures}
    linked = [r for r in plan.rows if r.measures]
    assert all(set(r.measures) <= numbers for r in plan.rows)
    assert len(linked) >= 20


def test_plan_targets_stated_in_the_body_text(plan: Plan) -> None:
    """LB-4 carries the 1500 kr mentor allowance and KP-1 the 25 % study time as floors."""
    targets = {row.id: row.targets for row in plan.rows if row.targets}
    assert set(targets) == {"LB-4", "KP-1"}
    [mentor] = targets["LB-4"]
    assert (mentor.value, mentor.unit.value, mentor.direction) == (
        1500,
        "kronor",
        Direction.AT_LEAST,
    )
    assert mentor.measured == "mentorstillägg under uppdragstiden"
    [study] = targets["KP-1"]
    assert (study.value, study.unit.value, study.direction) == (25, "procent", Direction.AT_LEAST)
    assert all(not row.measurements for row in plan.rows)
