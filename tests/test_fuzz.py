"""Property-based: mutated versions of the real data never get past the error boundary."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from planctl.cli import app
from planctl.store import load_data_dir
from tests.conftest import DATA, HISTORY_PLAN, TODAY

PLAN = (DATA / "boras_plan.yaml").read_text(encoding="utf-8")
HISTORY = HISTORY_PLAN.read_text(encoding="utf-8")  # with statuses, rounds and notes to break
CATALOGUE = (DATA / "measures.yaml").read_text(encoding="utf-8")
NOISE = st.text(alphabet=":-&*!?|>{}[],#'\"\t\n åäö0123456789abc%@`", max_size=12)


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str:
    lines = text.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["insert", "delete", "duplicate", "swap", "dedent"]))
        index = draw(st.integers(0, len(lines) - 1))
        line = lines[index]
        if kind == "insert":
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(NOISE) + line[at:]
        elif kind == "delete":
            start = draw(st.integers(0, len(line)))
            lines[index] = line[:start] + line[start + draw(st.integers(0, 10)) :]
        elif kind == "duplicate":
            lines.insert(index, line)
        elif kind == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        else:
            lines[index] = line.lstrip(" ")
    return "".join(lines)


def run_commands(root: Path) -> None:
    env = {"PLANCTL_DATA": str(root), "PLANCTL_TODAY": TODAY.isoformat(), "NO_COLOR": "1"}
    for args in (
        ["validate"],
        ["list"],
        ["list", "--format", "json", "--area", "lön"],
        ["show", "LB-1"],
        ["show", "7"],
        ["measures", "--search", "a"],
        ["report"],
        ["report", "--format", "json", "--round", "2018-05"],
        ["report", "--format", "csv", "--changes-since", "2018-05"],
        ["diff", "2018-05", "2018-10", "--format", "markdown"],
        ["history", "--since", "2018-05"],
        ["coverage", "--by-row"],
        ["summary", "--format", "json"],
    ):
        result = CliRunner().invoke(app, args, env=env)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        assert result.exit_code in (0, 1, 2), (args, result.exit_code)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    plan=st.one_of(mutated(PLAN), mutated(HISTORY)),
    catalogue=st.one_of(st.just(CATALOGUE), mutated(CATALOGUE)),
)
def test_mutated_files_never_crash(plan: str, catalogue: str) -> None:
    """Loader and every read-only command (report, diff, history too) end in an exit code."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        root.mkdir()
        (root / "boras_plan.yaml").write_text(plan, encoding="utf-8")
        (root / "measures.yaml").write_text(catalogue, encoding="utf-8")
        load_data_dir(root, today=TODAY)
        run_commands(root)


@settings(max_examples=60, deadline=None)
@given(raw=st.binary(max_size=200))
def test_arbitrary_bytes_never_crash(raw: bytes) -> None:
    """Any bytes at all, as a plan file, end in problems, not an exception."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        shutil.copytree(DATA, root)
        (root / "boras_plan.yaml").write_bytes(raw)
        data = load_data_dir(root, today=TODAY)
        assert data.problems or data.plans
