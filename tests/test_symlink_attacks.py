"""Planted links at every path planctl writes or locks change nothing outside the intended target.

A pull request can add symbolic links anywhere in a plan repository. Hypothesis plants links (out
of the repository, to a data file, dangling, in a loop) at every path a writing command writes,
locks or uses for a temporary file, and at the folder it writes into; then it runs the command
and compares a hash of the whole tree (repository and a victim folder outside it) before and
after. Only the command's own target may change (and planctl's own stale temporary files next to
it may disappear).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from planctl.cli.app import app
from tests.conftest import DATA, TODAY

PLAN = "data/boras_plan.yaml"
# Each writing command, the file it means to write, and the other paths it touches.
COMMANDS: dict[str, tuple[tuple[str, ...], str]] = {
    "status set": (("status", "set", "LB-4", "påbörjat", "-d", "2018-05-20"), PLAN),
    "indicator set": (
        ("indicator", "set", "LB-4", "1600", "-r", "2018-10", "-d", "2018-10-31"),
        PLAN,
    ),
    "report -o": (
        ("report", "-f", "markdown", "-o", "rapporter/rapport.md"),
        "rapporter/rapport.md",
    ),
    "diff -o": (("diff", "2018-05", "2018-10", "-o", "rapporter/diff.csv"), "rapporter/diff.csv"),
    "schema -o": (("schema", "-o", "rapporter/plan.schema.json"), "rapporter/plan.schema.json"),
    "new": (
        (
            "new",
            "data/ny.yaml",
            "--organisation",
            "Ny kommun",
            "--title",
            "Ny plan",
            "--measures",
            "7",
        ),
        "data/ny.yaml",
    ),
}
KINDS = ("outside", "data-file", "dangling", "loop", "outside-folder")


def _spots(target: str) -> list[str]:
    """Every path the command writes, locks or names a temporary file after, and its folder."""
    folder, name = target.rsplit("/", 1)
    return [
        target,
        f"{folder}/.{name}.lock",
        f"{folder}/.{name}.tmp",
        f"{folder}/.{name}.planctl-tmp",
        f"{folder}/.{name}.0.planctl-tmp",
        folder,
    ]


def _plant(root: Path, spot: str, kind: str) -> None:
    path = root / "repo" / spot
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)  # the folder itself becomes a link
    else:
        path.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    target = {
        "outside": root / "outside" / "victim.txt",
        "data-file": root / "repo" / "data" / "measures.yaml",
        "dangling": root / "outside" / "saknas",
        "loop": path,
        "outside-folder": root / "outside",
    }[kind]
    path.symlink_to(target)


def _tree(root: Path) -> dict[str, tuple[str, str]]:
    """Every entry under ``root`` (links not followed): its kind and content hash or link text."""
    found: dict[str, tuple[str, str]] = {}
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            path = Path(folder) / name
            key = path.relative_to(root).as_posix()
            if path.is_symlink():
                found[key] = ("link", str(path.readlink()))
            elif path.is_dir():
                found[key] = ("dir", "")
            else:
                found[key] = ("file", hashlib.sha256(path.read_bytes()).hexdigest())
    return found


@contextlib.contextmanager
def _world() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        root = Path(name)
        repo = root / "repo"
        (repo / ".git").mkdir(parents=True)
        shutil.copytree(DATA, repo / "data")
        (repo / "rapporter").mkdir()
        (repo / "rapporter" / "rapport.md").write_text("förra rapporten\n", encoding="utf-8")
        (root / "outside").mkdir()
        (root / "outside" / "victim.txt").write_text("export SAFE=1\n", encoding="utf-8")
        yield root


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(data=st.data(), command=st.sampled_from(sorted(COMMANDS)))
def test_planted_links_change_nothing_but_the_target(data: st.DataObject, command: str) -> None:
    """Whatever links are planted, no file outside the command's target changes."""
    args, target = COMMANDS[command]
    plants = data.draw(
        st.lists(
            st.tuples(st.sampled_from(_spots(target)), st.sampled_from(KINDS)),
            min_size=1,
            max_size=3,
            unique_by=lambda plant: plant[0],
        )
    )
    folder = target.rsplit("/", 1)[0]
    if any(spot == folder for spot, _ in plants):  # a linked folder replaces what was inside
        plants = [plant for plant in plants if plant[0] == folder]
    with _world() as root:
        for spot, kind in plants:
            _plant(root, spot, kind)
        before = _tree(root)
        cwd = Path.cwd()
        os.chdir(root / "repo")
        try:
            env = {"PLANCTL_DATA": str(root / "repo" / "data"), "PLANCTL_TODAY": str(TODAY)}
            result = CliRunner().invoke(app, list(args), env=env)
        finally:
            os.chdir(cwd)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exception
        )
        after = _tree(root)
        changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
        removed_temps = {k for k in changed if k.endswith(".planctl-tmp") and k not in after}
        assert changed - removed_temps <= {f"repo/{target}"}, (plants, result.stderr)
        assert after["outside/victim.txt"] == before["outside/victim.txt"]
