"""Faults while writing: a full disk, a read-only file system, missing permissions.

CI runs as root, for whom permission bits do not apply, so the operating system's refusals are
simulated at the system call; the real-permission test runs only as an ordinary user.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from tests.conftest import Invoke

SET = ("status", "set", "LB-4", "påbörjat", "--date", "2018-05-20", "--note", "Beslut fattat")


def refuse(monkeypatch: pytest.MonkeyPatch, call: str, code: int) -> None:
    """Make ``os.<call>`` fail with ``code`` for the whole command (for ``open``: opening for
    writing, the lock file excepted)."""
    real = getattr(os, call)

    def failing(*args: object, **kwargs: object) -> object:
        first = args[0] if args else None
        if call == "open" and (
            (isinstance(first, str | Path) and str(first).endswith(".lock"))
            or not int(str(args[1])) & (os.O_WRONLY | os.O_RDWR)
        ):
            return real(*args, **kwargs)  # reading and the lock work; the write is what fails
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, call, failing)


@pytest.mark.parametrize(
    ("call", "code", "reason"),
    [
        ("write", errno.ENOSPC, "disken är full"),
        ("fsync", errno.EIO, "in/ut-fel på disken"),
        ("open", errno.EROFS, "filsystemet är skrivskyddat"),
        ("open", errno.EACCES, "behörighet saknas"),
    ],
)
def test_failed_write_keeps_old_file(
    invoke: Invoke,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    call: str,
    code: int,
    reason: str,
) -> None:
    """A write the system refuses exits 3 with a Swedish reason; the plan is byte-identical."""
    plan = data_dir / "boras_plan.yaml"
    before = plan.read_bytes()
    refuse(monkeypatch, call, code)
    result = invoke(*SET)
    assert result.exit_code == 3, result.stderr
    assert reason in result.stderr and "oförändrad" in result.stderr
    assert plan.read_bytes() == before
    leftovers = [p.name for p in data_dir.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_lock_cannot_be_created(
    invoke: Invoke, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A directory where not even the lock file can be made gives a clear error, exit 3."""
    plan = data_dir / "boras_plan.yaml"
    before = plan.read_bytes()

    real = os.open

    def no_lock(*args: object, **kwargs: object) -> int:
        if not str(args[0]).endswith(".lock"):
            return real(*args, **kwargs)  # type: ignore[arg-type]  # passed through unchanged
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(os, "open", no_lock)
    result = invoke(*SET)
    assert result.exit_code == 3
    assert "låsfilen" in result.stderr and "skrivskyddat" in result.stderr
    assert plan.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores permission bits")
def test_read_only_directory_for_real(invoke: Invoke, data_dir: Path) -> None:
    """With a truly read-only data directory, status set refuses cleanly."""
    plan = data_dir / "boras_plan.yaml"
    before = plan.read_bytes()
    data_dir.chmod(0o555)
    try:
        result = invoke(*SET)
    finally:
        data_dir.chmod(0o755)
    assert result.exit_code == 3
    assert "behörighet saknas" in result.stderr
    assert plan.read_bytes() == before


def test_unreadable_plan_is_input_error(
    invoke: Invoke, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plan file that cannot be read is named with a Swedish reason, exit 2."""
    real = os.open

    def denied(path: str | Path, *args: int, **kwargs: object) -> int:
        if Path(path).name == "boras_plan.yaml":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        return real(path, *args, **kwargs)  # type: ignore[arg-type]  # passed through unchanged

    monkeypatch.setattr(os, "open", denied)
    result = invoke("list")
    assert result.exit_code == 2
    assert "boras_plan.yaml: kan inte läsas (behörighet saknas)" in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args", [["--version"], ["list"], ["show", "LB-4", "--format", "json"], ["report"]]
)
def test_output_to_a_full_disk(data_dir: Path, args: list[str]) -> None:
    """Output that cannot be written ends in one Swedish line and exit 3, not a traceback."""
    import subprocess
    import sys

    env = {**os.environ, "PLANCTL_DATA": str(data_dir), "PLANCTL_TODAY": "2026-11-23"}
    with Path("/dev/full").open("w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "planctl", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
    assert result.returncode == 3, result.stderr
    assert result.stderr == "planctl: fel: kunde inte skriva utdata (disken är full)\n"


@pytest.mark.parametrize(
    ("code", "exit_code"),
    [
        (errno.ENOSPC, 3),
        (errno.EDQUOT, 3),
        (errno.EIO, 3),
        (errno.EROFS, 3),
        (errno.EFBIG, 3),
        (errno.EACCES, 3),
        (errno.EPERM, 3),
        (errno.ENOENT, 2),
        (errno.ENOTDIR, 2),
        (errno.EISDIR, 2),
    ],
)
def test_one_mapping_from_write_failure_to_exit_code(code: int, exit_code: int) -> None:
    """Every writer asks one function: a refused write is 3, a path that cannot be a file 2."""
    from planctl.errors import write_error, write_failure

    failure = write_failure("kunde inte skriva utdata", OSError(code, os.strerror(code)))
    assert failure.exit_code == exit_code
    assert write_error("r.csv", OSError(code, os.strerror(code))).exit_code == exit_code


@pytest.mark.parametrize(
    ("code", "reason"),
    [(errno.ENOSPC, "disken är full"), (errno.EIO, "in/ut-fel"), (errno.EACCES, "behörighet")],
)
@pytest.mark.parametrize("writer", ["plan", "output", "new-file"])
def test_same_write_failure_same_exit_code_whoever_writes(
    invoke: Invoke,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    writer: str,
    code: int,
    reason: str,
) -> None:
    """A full disk, an I/O error or no permission is exit 3 for a plan, -o and a new file alike."""
    args = {
        "plan": SET,
        "output": ("report", "-o", str(tmp_path / "rapport.csv")),
        "new-file": ("init", str(tmp_path / "ny"), "--organisation", "Exempelkommun"),
    }[writer]
    refuse(monkeypatch, "write", code)
    result = invoke(*args)
    assert result.exit_code == 3, result.stderr
    assert reason in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["report", "-f", "csv"], ["list", "-f", "json"]])
def test_output_option_to_a_full_disk_is_exit_3(data_dir: Path, args: list[str]) -> None:
    """`-o /dev/full` is exit 3 like `> /dev/full`, naming the file."""
    import subprocess
    import sys

    env = {**os.environ, "PLANCTL_DATA": str(data_dir), "PLANCTL_TODAY": "2026-11-23"}
    result = subprocess.run(
        [sys.executable, "-m", "planctl", *args, "-o", "/dev/full"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 3, result.stderr
    assert (
        result.stderr
        == "planctl: fel: /dev/full: kan inte skrivas (disken är full); inget skrevs\n"
    )
