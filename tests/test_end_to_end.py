"""planctl as a real process, the way users and CI run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO
from tests.test_store import edit


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PLANCTL_TODAY": "2026-11-23", "NO_COLOR": "1"}
    env.pop("PLANCTL_DATA", None)
    return subprocess.run(
        [sys.executable, "-m", "planctl", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def test_list_from_repository_root() -> None:
    """From the repository, planctl finds ./data and lists the Borås plan as JSON."""
    result = run("list", "--area", "lonebildning", "--format", "json", cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert [r["id"] for r in json.loads(result.stdout)] == [f"LB-{i}" for i in range(1, 7)]


def test_validate_typo_as_process(data_dir: Path) -> None:
    """A typo in a copied data directory fails validate with exit 1 and a position."""
    edit(data_dir / "boras_plan.yaml", "    ansvar: Personalchef", "    ansvr: Personalchef")
    result = run("validate", cwd=data_dir.parent)
    assert result.returncode == 1
    assert "data/boras_plan.yaml:" in result.stdout and "[unknown-field]" in result.stdout
    assert "Traceback" not in result.stderr


def test_piped_table_is_plain(data_dir: Path) -> None:
    """A table piped to another program carries no colour codes."""
    result = run("show", "LB-4", cwd=data_dir.parent)
    assert result.returncode == 0
    assert "\x1b[" not in result.stdout and "Höjt mentorstillägg" in result.stdout
