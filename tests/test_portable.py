"""The write path without ``fcntl`` (which Windows lacks), and CRLF files kept CRLF.

``status set`` runs in a child process where ``fcntl`` cannot be imported. Locking then goes
through filelock's portable lock, and the file is still replaced whole, line endings and all.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import TODAY

WINDOWS_LIKE = """
import os, sys
sys.modules["fcntl"] = None  # import fcntl now raises ImportError, as on Windows
import filelock
print("lock:", filelock.FileLock.__name__, file=sys.stderr)
from planctl.cli import run
sys.argv = ["planctl", *sys.argv[1:]]
run()
"""


def _status_set_windows_like(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WINDOWS_LIKE, "--data-dir", str(data_dir), "status", "set", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PLANCTL_TODAY": TODAY.isoformat(), "NO_COLOR": "1"},
        cwd=data_dir.parent,
        check=False,
    )


def test_write_path_without_fcntl_keeps_crlf(data_dir: Path) -> None:
    """status set writes a CRLF plan without fcntl, and every line stays CRLF."""
    plan = data_dir / "boras_plan.yaml"
    lf = plan.read_bytes()
    assert b"\r\n" not in lf
    plan.write_bytes(lf.replace(b"\n", b"\r\n"))
    done = _status_set_windows_like(data_dir, "LB-1", "påbörjat", "--date", "2018-05-31")
    assert done.returncode == 0, done.stderr
    assert "lock: SoftFileLock" in done.stderr  # the portable lock, not fcntl's
    written = plan.read_bytes()
    assert written.count(b"\n") == written.count(b"\r\n")  # no bare LF anywhere
    assert written.startswith(lf.replace(b"\n", b"\r\n")[:200])
    entry = '      - datum: "2018-05-31"\r\n        status: Påbörjat\r\n'
    assert entry.encode() in written
    assert not (data_dir / ".boras_plan.yaml.lock").exists()
    assert not list(data_dir.glob("*.planctl-tmp")) and not list(data_dir.glob(".*.planctl-tmp"))


def test_write_path_without_fcntl_keeps_lf(data_dir: Path) -> None:
    """The same write on an LF file adds LF lines only (no CRLF creeps in)."""
    plan = data_dir / "boras_plan.yaml"
    done = _status_set_windows_like(data_dir, "LB-2", "klart", "--date", "2018-05-31")
    assert done.returncode == 0, done.stderr
    assert b"\r" not in plan.read_bytes()
