"""Every broken file of the corpus ends in one clear Swedish problem at the right place."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from planctl.documents import MAX_FILE_BYTES
from tests.conftest import DATA, Invoke

CORPUS = Path(__file__).resolve().parent / "data" / "invalid"


def expected() -> list[tuple[str, str, int, int]]:
    rows = []
    for line in (CORPUS / "expected.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, rule, row, column = line.split("\t")
        rows.append((name, rule, int(row), int(column)))
    return rows


CASES = expected()


def test_corpus_is_large_and_complete() -> None:
    """The corpus has at least 40 cases and every file in it is listed."""
    listed = {name for name, *_ in CASES}
    on_disk = {p.name for p in CORPUS.iterdir() if p.suffix == ".yaml"}
    assert len(CASES) >= 40
    assert listed == on_disk


@pytest.mark.parametrize(("name", "rule", "line", "column"), CASES, ids=[c[0] for c in CASES])
def test_broken_file(invoke: Invoke, name: str, rule: str, line: int, column: int) -> None:
    """validate reports the expected rule at the expected line and column, exit 1."""
    path = CORPUS / name
    result = invoke("--data-dir", str(DATA), "validate", str(path), env={"PLANCTL_DATA": ""})
    assert result.exit_code == 1, result.stdout + result.stderr
    assert f"{path.as_posix()}:{line}:{column}: fel [{rule}]" in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_python_tag_runs_nothing(invoke: Invoke, tmp_path: Path) -> None:
    """A python/object tag is refused and its command never runs."""
    target = tmp_path / "hacked"
    text = (CORPUS / "python_tag.yaml").read_text(encoding="utf-8")
    evil = tmp_path / "evil.yaml"
    evil.write_text(text.replace("touch hacked", f"touch {target}"), encoding="utf-8")
    result = invoke("--data-dir", str(DATA), "validate", str(evil), env={"PLANCTL_DATA": ""})
    assert result.exit_code == 1 and "[tag]" in result.stdout
    assert not target.exists()


def test_huge_file_refused_without_reading(tmp_path: Path) -> None:
    """A 50 MB file is refused at once as too large, with little memory, exit 1."""
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as out:
        out.write(b"plan:\n  titel: ")
        out.write(b"x" * (50 * 1024 * 1024))
        out.write(b"\n")
    assert huge.stat().st_size > MAX_FILE_BYTES
    env = {**os.environ, "PLANCTL_TODAY": "2026-11-23"}
    # A fresh parent whose only child is planctl: RUSAGE_CHILDREN of this test process also
    # counts every earlier test's subprocesses, so its peak says nothing about planctl's.
    measure = (
        "import resource, subprocess, sys\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=30)\n"
        "sys.stdout.write(done.stdout)\n"
        "print('peak', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "sys.exit(done.returncode)\n"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            measure,
            sys.executable,
            "-m",
            "planctl",
            "--data-dir",
            str(DATA),
            "validate",
            str(huge),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    peak_kb = int(result.stdout.rsplit("peak ", 1)[1])
    assert result.returncode == 1
    assert "[file-too-large]" in result.stdout
    assert peak_kb < 300 * 1024  # kilobytes on Linux
