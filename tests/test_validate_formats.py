"""``planctl validate`` in every output format: text, github, json and junit."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from planctl.errors import Problem, Severity
from planctl.render.validation import (
    github_annotation,
    problems_github,
    problems_junit,
    problems_markdown,
)
from tests.conftest import Invoke

Golden = Callable[[str, str], None]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def broken(data_dir: Path) -> Path:
    """The shipped data with two errors and three warnings of different rules."""
    plan = data_dir / "boras_plan.yaml"
    edit(plan, "insatser: [80]", "insatser: [80, 800]")  # unknown-measure
    edit(plan, "    insatser: [10]\n", "")  # no-measure
    edit(plan, "insatser: [49]", "insatser: [49, 49]")  # duplicate-measure
    edit(plan, "Rekryteringsbonus (motsvarande", "Rekryterings-bonus (motsvarande")  # pdf-artefact
    edit(
        plan, "    termin: HT2017\n    behöver", "    termin: VT2017\n    behöver"
    )  # term-mismatch
    return data_dir


@pytest.mark.parametrize(
    ("fmt", "golden_name"),
    [
        ("text", "validate.txt"),
        ("github", "validate-github.txt"),
        ("json", "validate.json"),
        ("junit", "validate-junit.xml"),
    ],
)
def test_format_golden(
    invoke: Invoke, broken: Path, golden: Golden, fmt: str, golden_name: str
) -> None:
    """Each format's output for the same broken data matches its golden file; exit 1."""
    result = invoke("validate", "--format", fmt)
    assert result.exit_code == 1
    golden(golden_name, result.stdout)


def test_text_summary_on_stderr(invoke: Invoke, broken: Path) -> None:
    """Text output keeps data on stdout and the one-line summary on stderr."""
    result = invoke("validate")
    assert result.stderr == "2 fel och 3 varningar i 2 filer\n"


def test_github_is_default_on_github_actions(invoke: Invoke, broken: Path) -> None:
    """GITHUB_ACTIONS=true without --format gives annotations; --format text still wins."""
    auto = invoke("validate", env={"GITHUB_ACTIONS": "true"})
    assert auto.stdout.startswith("::")
    explicit = invoke("validate", "--format", "text", env={"GITHUB_ACTIONS": "true"})
    assert not explicit.stdout.startswith("::")


def test_step_summary_is_appended(
    invoke: Invoke, broken: Path, tmp_path: Path, golden: Golden
) -> None:
    """With GITHUB_STEP_SUMMARY set, a Markdown table of every problem is appended to it."""
    summary = tmp_path / "summary.md"
    summary.write_text("# Tidigare steg\n\n", encoding="utf-8")
    invoke("validate", "-f", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Tidigare steg\n\n### planctl validate:")
    golden("validate-summary.md", text)


def test_clean_data_writes_no_step_summary(invoke: Invoke, tmp_path: Path) -> None:
    """Clean data gives no annotations, exit 0 and leaves the summary alone."""
    summary = tmp_path / "summary.md"
    result = invoke("validate", "-f", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert (result.exit_code, result.stdout) == (0, "")
    assert not summary.exists()


def test_github_escaping() -> None:
    """%, CR and LF are escaped in the message; properties also escape ':' and ','."""
    problem = Problem("dir,a:b%.yaml", 3, 7, "wrong-type", "100% fel\r\nrad två: a, b")
    assert github_annotation(problem) == (
        "::error file=dir%2Ca%3Ab%25.yaml,line=3,col=7,title=planctl [wrong-type]"
        "::100%25 fel%0D%0Arad två: a, b"
    )


def test_github_annotation_without_position() -> None:
    """A problem with no known line gives only the file property."""
    problem = Problem("a.yaml", 0, 0, "empty-file", "filen är tom", Severity.WARNING)
    assert (
        github_annotation(problem)
        == "::warning file=a.yaml,title=planctl [empty-file]::filen är tom"
    )


def many(errors: int, warnings: int) -> list[Problem]:
    made = [Problem("p.yaml", n, 1, "x", f"fel {n}") for n in range(1, errors + 1)]
    made += [
        Problem("p.yaml", 100 + n, 1, "y", f"varning {n}", Severity.WARNING)
        for n in range(1, warnings + 1)
    ]
    return sorted(made)


def test_github_limit_prints_the_rest_plainly() -> None:
    """Beyond 10 errors and 10 warnings per step, the rest are printed as plain lines."""
    lines = problems_github(many(12, 11)).splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert sum(line.startswith("::warning ") for line in lines) == 10
    plain = [line for line in lines if line.startswith("p.yaml:")]
    assert plain == [
        "p.yaml:11:1: fel [x] fel 11",
        "p.yaml:12:1: fel [x] fel 12",
        "p.yaml:111:1: varning [y] varning 11",
    ]


def test_markdown_lists_every_problem_and_escapes_pipes() -> None:
    """The summary table has one row per problem, and '|' in a message cannot break it."""
    problems = [*many(12, 0), Problem("p.yaml", 50, 2, "z", "a | b\nc")]
    table = problems_markdown(problems, 1)
    assert table.count("\n| p.yaml |") == 13
    assert "| a \\| b c |" in table
    assert "3 av problemen syns bara här" in table


def test_junit_parses_back() -> None:
    """The JUnit report is XML with one test case per file; errors fail it, warnings do not."""
    problems = [
        Problem("a.yaml", 2, 3, "wrong-type", "ska vara en text <&>"),
        Problem("b.yaml", 4, 5, "no-measure", "ingen insats", Severity.WARNING),
    ]
    root = ET.fromstring(problems_junit(problems, ["a.yaml", "b.yaml", "c.yaml"]))
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures")) == ("3", "1")
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert list(cases) == ["a.yaml", "b.yaml", "c.yaml"]
    failure = cases["a.yaml"].find("failure")
    assert failure is not None and "ska vara en text <&>" in (failure.text or "")
    assert cases["b.yaml"].find("failure") is None
    assert "no-measure" in (cases["b.yaml"].findtext("system-out") or "")
    assert list(cases["c.yaml"]) == []


def test_strict_turns_warnings_into_errors_in_every_format(invoke: Invoke, data_dir: Path) -> None:
    """--strict fails on a warning and reports it as an error (json, github, junit)."""
    edit(data_dir / "boras_plan.yaml", "insatser: [80]", "insatser: [80, 80]")
    assert invoke("validate", "-f", "json").exit_code == 0
    strict = invoke("validate", "--strict", "-f", "json")
    assert strict.exit_code == 1
    assert [p["severity"] for p in json.loads(strict.stdout)["problems"]] == ["error"]
    assert invoke("validate", "--strict", "-f", "github").stdout.startswith("::error ")
    junit = ET.fromstring(invoke("validate", "--strict", "-f", "junit").stdout)
    assert junit.get("failures") == "1"


def test_unknown_format_is_usage_error(invoke: Invoke) -> None:
    """An unknown --format value exits 2."""
    assert invoke("validate", "--format", "xml").exit_code == 2


def test_github_overflow_lines_stay_one_line_each() -> None:
    """A problem beyond the limit whose message holds a line break stays on one plain line."""
    odd = Problem("p.yaml", 99, 1, "unknown-field", "okänt fält 'a\n::error::falsk'")
    lines = problems_github([*many(10, 0), odd]).splitlines()
    assert lines[-1] == "p.yaml:99:1: fel [unknown-field] okänt fält 'a ::error::falsk'"
    assert not any(line.startswith("::error::falsk") for line in lines)
