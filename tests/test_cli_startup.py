"""A run builds only the command it names; what users see is the same as with the whole app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from planctl.cli.app import COMMAND_NAMES, build_app, command_named
from planctl.cli.swedish import Group
from tests.conftest import Invoke


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["list"], "list"),
        (["list", "-f", "json"], "list"),
        (["--data-dir", "data", "report", "--round", "2018-10"], "report"),
        (["--data-dir=data", "status", "set", "LB-1", "klart"], "status"),
        (["indicator", "correct"], "indicator"),
        (["--help"], None),
        (["-h", "list"], None),
        (["--version"], None),
        (["lst"], None),
        (["--data-dir"], None),
        ([], None),
    ],
)
def test_command_named(args: list[str], expected: str | None) -> None:
    """The first word after the global options, when it is a command; else None (whole app)."""
    assert command_named(args) == expected


def _commands(only: str | None) -> list[str]:
    group = typer.main.get_command(build_app(only))
    assert isinstance(group, Group)
    return list(group.commands)


def test_whole_app_has_every_command_and_one_command_only_itself() -> None:
    """The whole app lists every command; built for one, it holds exactly that one."""
    assert set(_commands(None)) == COMMAND_NAMES
    for name in COMMAND_NAMES:
        assert _commands(name) == [name]


@pytest.mark.parametrize("name", sorted(COMMAND_NAMES))
def test_a_command_run_alone_helps_as_in_the_whole_app(
    invoke: Invoke, data_dir: Path, name: str
) -> None:
    """`planctl NAME --help` as a program prints what the whole app prints for it."""
    whole = invoke(name, "--help")
    env = {
        **os.environ,
        "PLANCTL_DATA": str(data_dir),
        "COLUMNS": "100",
        "NO_COLOR": "1",
        "TERM": "dumb",
    }
    alone = subprocess.run(
        [sys.executable, "-m", "planctl", name, "--help"],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert alone.returncode == whole.exit_code == 0
    assert alone.stdout == whole.stdout


def test_a_typo_still_gets_the_whole_app_suggestion(data_dir: Path) -> None:
    """An unknown command is answered by the whole app, with its list of commands."""
    env = {**os.environ, "PLANCTL_DATA": str(data_dir), "COLUMNS": "100", "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "planctl", "lst"],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 2
    assert "lst" in done.stderr and "list" in done.stderr


def test_main_leaves_the_garbage_collector_as_it_found_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``main`` in-process freezes nothing and leaves the collector on, even when it exits."""
    import gc

    from planctl.__main__ import main

    monkeypatch.setattr(sys, "argv", ["planctl", "--version"])
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code in (0, None)
    assert "planctl" in capsys.readouterr().out
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_the_collector_runs_while_a_report_draws_its_charts(
    monkeypatch: pytest.MonkeyPatch, history_dir: Path, tmp_path: Path
) -> None:
    """A Word report's charts are reference cycles: the collector frees them during the run."""
    import gc

    from planctl.__main__ import main

    out = tmp_path / "rapport.docx"
    monkeypatch.setenv("PLANCTL_DATA", str(history_dir))
    monkeypatch.setenv("PLANCTL_TODAY", "2026-11-23")
    monkeypatch.setattr(sys, "argv", ["planctl", "report", "-o", str(out)])
    collections: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "stop":
            collections.append(info["collected"])

    gc.collect()
    gc.callbacks.append(count)
    try:
        with pytest.raises(SystemExit) as exited:
            main()
    finally:
        gc.callbacks.remove(count)
    assert exited.value.code in (0, None)
    assert out.stat().st_size > 0
    assert collections and sum(collections) > 0
