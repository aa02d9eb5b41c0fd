"""Coverage of the catalogue: the Borås figures, checked by hand, and the coverage command."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from planctl.coverage import covered_ids, plan_coverage, row_coverage, uncovered_measures
from planctl.models import Catalogue, Plan
from planctl.store import load_data_dir
from tests.conftest import DATA, TODAY, Invoke

THREE_PLANS = Path(__file__).resolve().parent / "fixtures" / "three_plans"

# Counted by hand from data/boras_plan.yaml: every number under a row's `insatser`, each once,
# sorted into the catalogue's number ranges (1–21, 22–42, 43–69, 70–82, 83–101).
BORAS_COVERED = {
    "aktiv-rekrytering": (2, 3, 4, 5, 6, 7, 9, 10, 14, 15),
    "möjlighet-till-utveckling": (22, 34, 37),
    "rimlig-arbetsbelastning": (48, 49, 50, 53, 55, 57, 62),
    "god-introduktion": (70, 80),
    "hälsofrämjande-ledarskap": (84, 89),
}
BORAS_TOTALS = {
    "aktiv-rekrytering": 21,
    "möjlighet-till-utveckling": 21,
    "rimlig-arbetsbelastning": 27,
    "god-introduktion": 13,
    "hälsofrämjande-ledarskap": 19,
}


@pytest.fixture(scope="module")
def boras() -> tuple[Catalogue, Plan]:
    data = load_data_dir(DATA, today=TODAY).require_valid()
    return data.require_catalogue(), data.plan().model


def test_boras_coverage_per_area(boras: tuple[Catalogue, Plan]) -> None:
    """Borås covers 10/21, 3/21, 7/27, 2/13 and 2/19 measures: 24 of 101 in all."""
    coverage = plan_coverage(*boras)
    assert [(a.area_id, a.covered, a.total) for a in coverage.areas] == [
        (area, BORAS_COVERED[area], BORAS_TOTALS[area]) for area in BORAS_COVERED
    ]
    assert (coverage.covered, coverage.total) == (24, 101)
    assert round(coverage.share, 4) == 0.2376
    assert [round(a.share, 3) for a in coverage.areas] == [0.476, 0.143, 0.259, 0.154, 0.105]


def test_boras_uncovered_measures(boras: tuple[Catalogue, Plan]) -> None:
    """The uncovered measures are exactly the catalogue's others, 77 in all."""
    coverage = plan_coverage(*boras)
    first = coverage.areas[0]
    assert first.uncovered == (1, 8, 11, 12, 13, 16, 17, 18, 19, 20, 21)
    assert coverage.areas[3].uncovered == (71, 72, 73, 74, 75, 76, 77, 78, 79, 81, 82)
    uncovered = uncovered_measures(*boras)
    assert len(uncovered) == 77
    assert not {m.id for m in uncovered} & covered_ids(boras[1])


def test_coverage_of_one_area(boras: tuple[Catalogue, Plan]) -> None:
    """With an area only that area is counted."""
    coverage = plan_coverage(*boras, area="god-introduktion")
    assert [(a.area_id, a.covered) for a in coverage.areas] == [("god-introduktion", (70, 80))]
    assert (coverage.covered, coverage.total) == (2, 13)


def test_rows_with_their_measures(boras: tuple[Catalogue, Plan]) -> None:
    """By row: every row in plan order; AV-4 carries out 50 and 55; four rows link nothing."""
    rows = row_coverage(*boras).rows
    assert len(rows) == 27
    av4 = next(r for r in rows if r.row_id == "AV-4")
    assert [(m.measure_id, m.area_name) for m in av4.measures] == [
        (50, "Rimlig arbetsbelastning"),
        (55, "Rimlig arbetsbelastning"),
    ]
    assert [r.row_id for r in rows if not r.measures] == ["LB-6", "AV-5", "KP-2", "KP-9"]


def test_rows_of_one_area(boras: tuple[Catalogue, Plan]) -> None:
    """By row with an area keeps only the rows linking into it."""
    rows = row_coverage(*boras, area="god-introduktion").rows
    assert [(r.row_id, [m.measure_id for m in r.measures]) for r in rows] == [
        ("LB-4", [80]),
        ("KP-10", [70]),
    ]


# --- the commands ---------------------------------------------------------------------------------


def test_coverage_table(invoke: Invoke) -> None:
    """coverage prints one line per area with counts, share, a bar and the uncovered numbers."""
    result = invoke("coverage")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Borås Stad: täckning av katalogen vision-101" in out
    assert "10 av 21" in out and "48\u00a0%" in out and "██████████░░░░░░░░░░" in out
    assert "1, 8, 11–13, 16–21" in out
    assert "24 av 101" in out and "24\u00a0%" in out
    assert "\x1b[" not in out


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("markdown", "coverage.md"), ("json", "coverage.json"), ("csv", "coverage.csv")],
)
def test_coverage_formats_golden(
    invoke: Invoke, golden: Callable[[str, str], None], fmt: str, name: str
) -> None:
    """coverage in markdown, json and csv matches the reviewed golden files."""
    result = invoke("coverage", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    golden(name, result.stdout)


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("markdown", "coverage_by_row.md"), ("json", "coverage_by_row.json")],
)
def test_coverage_by_row_golden(
    invoke: Invoke, golden: Callable[[str, str], None], fmt: str, name: str
) -> None:
    """coverage --by-row matches the reviewed golden files."""
    result = invoke("coverage", "--by-row", "--format", fmt)
    assert result.exit_code == 0, result.stderr
    golden(name, result.stdout)


def test_coverage_json_contract(invoke: Invoke) -> None:
    """coverage --format json has the documented keys and the hand-checked numbers."""
    record = json.loads(invoke("coverage", "-f", "json").stdout)
    assert (record["plan"], record["measures"], record["covered_count"]) == (
        "boras-socialsekreterare-2017",
        101,
        24,
    )
    assert [a["covered_count"] for a in record["areas"]] == [10, 3, 7, 2, 2]
    assert record["areas"][4]["covered"] == [84, 89]


def test_coverage_area_and_by_row_table(invoke: Invoke) -> None:
    """--area narrows to one catalogue area, typed without å/ä/ö; --by-row lists rows."""
    one = json.loads(invoke("coverage", "--area", "halsoframjande", "-f", "json").stdout)
    assert [a["id"] for a in one["areas"]] == ["hälsofrämjande-ledarskap"]
    rows = invoke("coverage", "--by-row", "--area", "god")
    assert rows.exit_code == 0
    assert "LB-4" in rows.stdout and "80 (God introduktion)" in rows.stdout
    assert "AV-1" not in rows.stdout


def test_coverage_by_row_csv(invoke: Invoke) -> None:
    """coverage --by-row --format csv has one line per row with its measure numbers."""
    lines = invoke("coverage", "--by-row", "-f", "csv").stdout.splitlines()
    assert lines[0] == "\ufeffId;Område;Förslag;Insatser"
    assert len(lines) == 28
    assert lines[10].startswith("AV-4;Arbetsvillkor;") and lines[10].endswith(";50, 55")


def test_coverage_unknown_area(invoke: Invoke) -> None:
    """An unknown catalogue area exits 2 and lists the valid ones."""
    result = invoke("coverage", "--area", "lönebildning")
    assert result.exit_code == 2
    assert "giltiga: aktiv-rekrytering" in result.stderr


def test_measures_uncovered(invoke: Invoke) -> None:
    """measures --uncovered lists the 77 measures the Borås plan leaves out."""
    result = invoke("measures", "--uncovered", "-f", "json")
    ids = [m["id"] for m in json.loads(result.stdout)]
    assert len(ids) == 77 and ids[:3] == [1, 8, 11] and 7 not in ids
    table = invoke("measures", "--uncovered", "--area", "god")
    assert "11 av 101 insatser som Borås Stad inte genomför" in " ".join(table.stdout.split())


def test_plan_option_with_several_plans(invoke: Invoke) -> None:
    """With several plans coverage and measures --uncovered need --plan; the error lists them."""
    env = {"PLANCTL_DATA": str(THREE_PLANS)}
    for args in (("coverage",), ("measures", "--uncovered")):
        result = invoke(*args, env=env)
        assert result.exit_code == 2
        assert "välj en med --plan (exempel-norr, exempel-syd, exempel-vast)" in result.stderr
    chosen = json.loads(invoke("coverage", "--plan", "exempel-syd", "-f", "json", env=env).stdout)
    assert chosen["covered_count"] == 4
    unknown = invoke("coverage", "--plan", "exempel-öst", env=env)
    assert unknown.exit_code == 2 and "okänd plan 'exempel-öst'" in unknown.stderr
    assert invoke("measures", "-f", "json", env=env).exit_code == 0
