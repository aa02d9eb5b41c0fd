"""No text from the files or the command line can act in a CI log or a Markdown output.

GitHub's runner executes a line of a step's output that starts (after white space) with ``::`` or
``##[``; Markdown in a pull-request comment or job summary renders HTML, mentions people and
splits tables at ``|``. Hostile text goes through every field of a plan, its file name, the
notes and roles planctl writes, and the arguments, into every command's every output format.
"""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from planctl.render.escape import COMMAND_GUARD, InertStream, inert, write_commands
from planctl.render.markdown import markdown_cell, markdown_table
from planctl.store import load_data_dir
from tests.conftest import DATA, TODAY
from tests.gittools import git

PAYLOAD = (
    "x\n::error::x\n  ::add-mask::hemlig\n##[error]y @everyone @org/team | "
    "<img src=x onerror=alert(1)> `kod`"
)
RAW_HTML = re.compile(r"(?<!\\)<img")
LIVE_MENTION = re.compile(r"@(everyone|org)")
FILE_NAME = "a`<img src=x>` | b\n::error::f @everyone.yaml"
# Planctl's own annotations (validate --format github): the only lines that may start with "::".
ANNOTATION = re.compile(r"::(error|warning) file=[^:\n]*,title=planctl \[[a-z-]+\]::[^\n]*")
# Keys whose values are identifiers, dates, numbers or words of a fixed set, not free text.
NOT_FREE_TEXT = {"id", "datum", "status", "termin", "katalog", "omgång", "lämnad_datum", "enhet"}


# --- the stream guard -----------------------------------------------------------------------------


def test_inert_stream_guards_every_line_start_however_it_is_written() -> None:
    """A line that would start a workflow command gets the guard, even when written in pieces."""
    raw = io.StringIO()
    stream = InertStream(raw)
    for piece in ["ok\n", ":", ":error::x\n", "  #", "#[warning]y\n", "a::b\n", "::"]:
        stream.write(piece)
    stream.flush()
    assert raw.getvalue() == (
        f"ok\n{COMMAND_GUARD}::error::x\n{COMMAND_GUARD}  ##[warning]y\na::b\n{COMMAND_GUARD}::"
    )
    assert not _command_lines(raw.getvalue())


def test_inert_stream_passes_planctls_own_commands_only() -> None:
    """write_commands is the one way around the guard; data written after it is guarded again."""
    raw = io.StringIO()
    stream = InertStream(raw)
    write_commands(stream, "::error file=a.yaml,title=planctl [x]::fel\n")
    stream.write("::error::falsk\n")
    assert (
        raw.getvalue()
        == f"::error file=a.yaml,title=planctl [x]::fel\n{COMMAND_GUARD}::error::falsk\n"
    )
    assert inert("a\n ::x\n") == f"a\n{COMMAND_GUARD} ::x\n"


def test_markdown_cell_neutralises_every_kind_of_markup() -> None:
    """Separators, HTML, backticks and line breaks are escaped, @mentions notify nobody."""
    cell = markdown_cell(PAYLOAD)
    assert "\n" not in cell and not RAW_HTML.search(cell) and "\\`kod\\`" in cell
    assert not LIVE_MENTION.search(cell)
    table = markdown_table(["a", "b"], [[PAYLOAD, FILE_NAME]])
    assert {_columns(line) for line in table.splitlines()} == {2}


# --- every command, every format ------------------------------------------------------------------


def _command_lines(text: str) -> list[str]:
    """Lines a GitHub runner would execute (Python splits on at least the runner's breaks)."""
    return [
        line
        for line in text.splitlines()
        if line.lstrip().startswith(("::", "##[")) and not ANNOTATION.fullmatch(line)
    ]


def _columns(line: str) -> int:
    """The cells of a Markdown table line (``\\|`` is text, not a separator)."""
    return len(re.split(r"(?<!\\)\|", line.strip())) - 2


def _tables(text: str) -> Iterator[list[str]]:
    block: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            block.append(line)
        elif block:
            yield block
            block = []


def _poison(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _poison(v, str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(v, key) for v in value]
    if isinstance(value, str) and key not in NOT_FREE_TEXT:
        return value + " " + PAYLOAD
    return value


def _poisoned_data(folder: Path) -> Path:
    """The seed data with the payload in every free-text field that still validates."""
    data = folder / "data"
    shutil.copytree(DATA, data)
    for name in ("boras_plan.yaml", "measures.yaml"):
        path = data / name
        tree = yaml.safe_load(path.read_text(encoding="utf-8"))
        keys = sorted({k for k in _keys(tree)} - NOT_FREE_TEXT)
        good = path.read_text(encoding="utf-8")
        for key in keys:
            trial = _poison_key(yaml.safe_load(good), key)
            path.write_text(yaml.safe_dump(trial, allow_unicode=True, sort_keys=False), "utf-8")
            if load_data_dir(data, today=TODAY).errors:
                path.write_text(good, encoding="utf-8")
            else:
                good = path.read_text(encoding="utf-8")
    return data


def _keys(tree: Any) -> Iterator[str]:
    if isinstance(tree, dict):
        for k, v in tree.items():
            yield str(k)
            yield from _keys(v)
    elif isinstance(tree, list):
        for v in tree:
            yield from _keys(v)


def _poison_key(tree: Any, key: str) -> Any:
    if isinstance(tree, dict):
        return {
            k: (_poison(v, k) if k == key and not isinstance(v, dict) else _poison_key(v, key))
            for k, v in tree.items()
        }
    if isinstance(tree, list):
        return [_poison_key(v, key) for v in tree]
    return tree


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git work tree whose plan carries the payload in every field, notes and roles too."""
    repo = tmp_path_factory.mktemp("repo")
    data = _poisoned_data(repo)
    git("init", "-q", cwd=repo)
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "bas", cwd=repo)
    return data


def _runs() -> list[tuple[str, ...]]:
    runs: list[tuple[str, ...]] = [
        ("validate",),
        ("validate", "-f", "github"),
        ("validate", "-f", "json"),
        ("validate", "-f", "junit"),
        ("measures",),
        ("measures", "-f", "json"),
        ("show", "LB-4"),
        ("show", "LB-4", "-f", "json"),
        ("show", "7"),
        ("list",),
        ("list", "-f", "json"),
        ("diff", "2018-05", "2018-10"),
        ("diff", "2018-05", "2018-10", "-f", "markdown"),
        ("history",),
        ("history", "-f", "json"),
        ("history", "-f", "markdown"),
        ("changes", "HEAD"),
        ("schema",),
        # Arguments that name nothing: the error message quotes them.
        ("show", PAYLOAD),
        ("list", "--area", PAYLOAD),
        ("report", "--responsible", PAYLOAD),
        ("status", "set", "LB-1", PAYLOAD),
        ("changes", PAYLOAD),
    ]
    runs += [("report", "-f", f) for f in ("table", "markdown", "csv", "json", "html")]
    for command in ("coverage", "summary"):
        runs += [(command, "-f", f) for f in ("table", "markdown", "json", "csv")]
    runs += [("coverage", "--by-row", "-f", "markdown")]
    return runs


@pytest.fixture(scope="module")
def outputs(poisoned: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """stdout and stderr of every command after writes that carry the payload too."""
    from typer.testing import CliRunner

    from planctl.cli.app import app

    summary = tmp_path_factory.mktemp("summary") / "step-summary.md"
    env = {
        "PLANCTL_DATA": str(poisoned),
        "PLANCTL_TODAY": TODAY.isoformat(),
        "COLUMNS": "100",
        "NO_COLOR": "1",
        "TERM": "dumb",
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    seen: dict[str, str] = {}
    monkey = pytest.MonkeyPatch()
    monkey.chdir(poisoned.parent)
    try:
        writes: list[tuple[str, ...]] = [
            ("status", "set", "LB-1", "klart", "-d", "2018-05-20", "-n", PAYLOAD, "--by", PAYLOAD),
            ("status", "set", "LB-2", "påbörjat", "-d", "2018-05-21", "--by", PAYLOAD),
            (
                "indicator",
                "set",
                "LB-4",
                "1600",
                "-r",
                "2018-10",
                "-d",
                "2018-10-31",
                "-n",
                PAYLOAD,
                "--by",
                PAYLOAD,
            ),
            ("status", "set", "LB-3", "klart", "-n", PAYLOAD, "--dry-run"),
        ]
        for args in [*writes, *_runs()]:
            result = CliRunner().invoke(app, list(args), env=env)
            if result.exception is not None and not isinstance(result.exception, SystemExit):
                raise result.exception
            seen[" ".join(args)] = result.stdout + result.stderr
        # A plan under a hostile file name, and a key the schema does not know.
        plan = poisoned / "boras_plan.yaml"
        text = plan.read_text(encoding="utf-8")
        (poisoned / FILE_NAME).write_text(
            text.replace("plan:\n", f"plan:\n  {yaml.safe_dump(PAYLOAD).strip()}: 1\n", 1),
            encoding="utf-8",
        )
        plan.unlink()
        for args in (("validate",), ("validate", "-f", "github"), ("list",), ("changes", "HEAD")):
            result = CliRunner().invoke(app, list(args), env=env)
            seen["felaktig " + " ".join(args)] = result.stdout + result.stderr
        seen["step summary"] = summary.read_text(encoding="utf-8")
    finally:
        monkey.undo()
    return seen


def test_payload_reached_the_outputs(outputs: dict[str, str]) -> None:
    """The test is real: the payload's words appear in the outputs (escaped, not dropped)."""
    assert sum("add-mask" in text for text in outputs.values()) >= 20
    assert any("onerror" in text for text in outputs.values())


def test_no_output_line_starts_a_workflow_command(outputs: dict[str, str]) -> None:
    """In every command's every format, stdout and stderr: no line the runner would execute."""
    bad = {name: _command_lines(text) for name, text in outputs.items()}
    assert {name: lines for name, lines in bad.items() if lines} == {}


def test_every_markdown_table_keeps_its_columns(outputs: dict[str, str]) -> None:
    """Every Markdown table (report, history, changes, diff, coverage, summary, job summary)
    has as many cells in each row as in its header, and no raw HTML or live mention."""
    checked = 0
    for name, text in outputs.items():
        for table in _tables(text):
            if set(table[1].replace("|", "").strip()) - set("-: "):
                continue  # a Rich box, not a Markdown table
            checked += 1
            assert {_columns(line) for line in table} == {_columns(table[0])}, (name, table)
            body = "\n".join(table)
            assert not RAW_HTML.search(body) and not LIVE_MENTION.search(body), name
    assert checked >= 8
