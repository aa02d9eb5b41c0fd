"""Every validation rule: a fixture that breaks it once, at a known line and column."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from planctl.errors import Problem, Severity
from planctl.prose import check_text
from planctl.store import load_data_dir, load_files
from planctl.yamlio import read_document
from tests.conftest import DATA, TODAY

RULES = Path(__file__).resolve().parent / "data" / "rules"
FIXTURES = sorted(p for p in RULES.glob("*.yaml") if p.stem != "clean")
EXPECT = re.compile(r"# förväntat: (\S+) (\d+):(\d+) (fel|varning)")


def problems_of(path: Path, *, today: dt.date = TODAY) -> tuple[Problem, ...]:
    return load_files([path], today=today, extra_catalogue=DATA / "measures.yaml").problems


def plan_text(**replace: str) -> str:
    text = (RULES / "clean.yaml").read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    return text


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_rule_fixture(fixture: Path) -> None:
    """Each fixture yields exactly its rule, at the line, column and severity it states."""
    found = EXPECT.match(fixture.read_text(encoding="utf-8"))
    assert found, f"{fixture.name} lacks a '# förväntat:' header"
    rule, line, column, severity = found.groups()
    assert rule == fixture.stem
    [problem] = problems_of(fixture)
    assert (problem.rule, problem.line, problem.column, problem.severity.value) == (
        rule,
        int(line),
        int(column),
        severity,
    )


def test_clean_fixture_has_no_problems() -> None:
    """The base fixture the others are made from is clean."""
    assert problems_of(RULES / "clean.yaml") == ()


def test_shipped_data_has_no_warnings() -> None:
    """The shipped data directory passes even --strict: no errors and no warnings."""
    assert load_data_dir(DATA, today=TODAY).problems == ()


def test_explicit_empty_measures_is_deliberate(tmp_path: Path) -> None:
    """'insatser: []' written out means deliberately unlinked: no no-measure warning."""
    path = write(tmp_path, plan_text(**{"insatser: [80]": "insatser: []"}))
    assert problems_of(path) == ()


def test_no_measure_needs_a_catalogue(tmp_path: Path) -> None:
    """A plan that names no catalogue is not asked to link measures."""
    text = plan_text(**{"  katalog: vision-101\n": "", "    insatser: [80]\n": ""})
    assert problems_of(write(tmp_path, text)) == ()


def test_unrecorded_round_is_not_flagged_row_by_row(tmp_path: Path) -> None:
    """A past round that no row has an entry for yet gives no missing-round-entry warnings."""
    text = plan_text(**{'uppföljning: "2018-05"': 'notering: "utan omgång"'})
    assert problems_of(write(tmp_path, text)) == ()


def test_future_round_is_not_flagged(tmp_path: Path) -> None:
    """Rows may lack entries for a round that has not happened yet."""
    text = plan_text(**{'    datum: "2018-05-31"': '    datum: "2030-05-31"'})
    rules = {p.rule for p in problems_of(write(tmp_path, text), today=dt.date(2018, 5, 25))}
    assert "missing-round-entry" not in rules


@pytest.mark.parametrize(
    "text",
    ["stöd- och", "förvaltnings- och socialrätt", "heltids- eller deltid", "e-post", "HVB-stöd"],
)
def test_real_hyphens_are_not_artefacts(text: str) -> None:
    """Conjunction hyphens, one-letter prefixes and capitalised compounds are real Swedish."""
    doc = read_document(f"förslag: {text}\n", "x.yaml")
    assert check_text(doc) == []


def test_artefact_split_over_a_space_and_in_a_folded_scalar() -> None:
    """'socio- nomutbildningen' is found even when YAML folds it over two lines."""
    doc = read_document("förslag: Tidigare socio-\n  nomutbildningen gav\n", "x.yaml")
    [problem] = check_text(doc)
    assert (problem.rule, problem.line, problem.column) == ("pdf-artefact", 1, 19)
    assert "socionomutbildningen" in problem.message
    assert problem.severity is Severity.WARNING


def test_ids_are_not_checked_for_artefacts() -> None:
    """Ids and other non-prose fields may be hyphenated slugs."""
    doc = read_document("id: aktiv-rekrytering\nområde: god-introduktion\n", "x.yaml")
    assert check_text(doc) == []
