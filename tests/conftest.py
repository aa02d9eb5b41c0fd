"""Shared fixtures: a private copy of the data, a CLI runner with pinned width, date and colour."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl.cli import app

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
GOLDEN = Path(__file__).resolve().parent / "golden"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
HISTORY_PLAN = FIXTURES / "boras_with_history.yaml"
TODAY = dt.date(2026, 11, 23)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite golden files from the current output (review the diff before committing).",
    )


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A private copy of the shipped data directory, safe to modify."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def history_dir(data_dir: Path) -> Path:
    """``data_dir`` with the Borås plan replaced by its copy that has a fixture history."""
    shutil.copyfile(HISTORY_PLAN, data_dir / "boras_plan.yaml")
    return data_dir


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str
    stdout_bytes: bytes = b""  # for binary formats (docx, xlsx, pdf) written to a pipe


Invoke = Callable[..., Outcome]


@pytest.fixture
def invoke(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """Run ``planctl ARGS`` in-process against ``data_dir`` with a fixed date and width."""
    monkeypatch.chdir(data_dir.parent)

    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Outcome:
        base_env = {
            "PLANCTL_DATA": str(data_dir),
            "PLANCTL_TODAY": TODAY.isoformat(),
            "COLUMNS": "100",
            "NO_COLOR": "1",
            "TERM": "dumb",
        }
        base_env.update(env or {})
        result = CliRunner().invoke(app, list(args), input=input, env=base_env)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Outcome(result.exit_code, result.stdout, result.stderr, result.stdout_bytes)

    return run


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare ``text`` with ``tests/golden/NAME``; ``--update-golden`` rewrites the file."""

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if request.config.getoption("--update-golden"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="")
            return
        assert path.exists(), f"golden file {name} missing; run pytest --update-golden and review"
        # Bytes, not read_text(): line ends are part of a format (CSV has CRLF) and must not be
        # translated before the comparison.
        expected = path.read_bytes().decode("utf-8")
        assert text == expected, f"output differs from golden file {name}"

    return check
