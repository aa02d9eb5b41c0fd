"""The write path without what Windows lacks, and CRLF files kept CRLF.

The commands run in a child process that takes away every POSIX-only feature the write path
could use: ``fcntl`` cannot be imported, ``os.supports_dir_fd`` is empty, ``os.O_NOFOLLOW``,
``os.O_DIRECTORY``, ``os.fchmod`` and ``signal.pthread_sigmask`` are gone. Locking then goes
through filelock's portable lock, writes go by path, and files are still replaced whole, line
endings and all, and a planted link is still refused.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from planctl.writing import folders, savefile
from tests.conftest import TODAY

WINDOWS_LIKE = """
import os, signal, sys
sys.modules["fcntl"] = None  # import fcntl now raises ImportError, as on Windows
os.supports_dir_fd.clear()
for name in ("O_NOFOLLOW", "O_DIRECTORY", "fchmod"):
    delattr(os, name)
del signal.pthread_sigmask
import filelock
print("lock:", filelock.FileLock.__name__, file=sys.stderr)
from planctl.writing import folders
print("folder fds:", folders.has_folder_fds(), file=sys.stderr)
from planctl.cli import run
sys.argv = ["planctl", *sys.argv[1:]]
run()
"""


def _windows_like(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-c", WINDOWS_LIKE, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PLANCTL_TODAY": TODAY.isoformat(), "NO_COLOR": "1"},
        cwd=cwd,
        check=False,
    )
    assert "folder fds: False" in done.stderr  # the path-based fallback is what ran
    return done


def _status_set_windows_like(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return _windows_like(data_dir.parent, "--data-dir", str(data_dir), "status", "set", *args)


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


def test_report_file_without_posix_features(data_dir: Path) -> None:
    """report -o r.html writes a whole file by path, with a umask-based mode, and no leftovers."""
    done = _windows_like(data_dir.parent, "--data-dir", str(data_dir), "report", "-o", "r.html")
    assert done.returncode == 0, done.stderr
    out = data_dir.parent / "r.html"
    assert "Borås" in out.read_text(encoding="utf-8")
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()
    assert not list(data_dir.parent.glob(".*.planctl-tmp"))


def test_report_kept_mode_without_fchmod(data_dir: Path) -> None:
    """Without os.fchmod the replaced report keeps its mode (set by os.chmod instead)."""
    out = data_dir.parent / "r.html"
    out.write_text("gammal", encoding="utf-8")
    out.chmod(0o640)
    done = _windows_like(data_dir.parent, "--data-dir", str(data_dir), "report", "-o", "r.html")
    assert done.returncode == 0, done.stderr
    assert out.stat().st_mode & 0o777 == 0o640
    assert "Borås" in out.read_text(encoding="utf-8")


def test_planted_link_refused_without_posix_features(data_dir: Path, tmp_path: Path) -> None:
    """A link at the report target leading out of the folder is refused; its target untouched."""
    outside = tmp_path / "utanför"
    outside.mkdir()
    victim = outside / "bashrc"
    victim.write_text("orörd\n", encoding="utf-8")
    work = tmp_path / "arbete"
    work.mkdir()
    (work / "r.html").symlink_to(victim)
    done = _windows_like(work, "--data-dir", str(data_dir), "report", "-o", "r.html")
    assert done.returncode == 2, done.stderr
    assert "symbolisk länk" in done.stderr
    assert "Traceback" not in done.stderr
    assert victim.read_text(encoding="utf-8") == "orörd\n"
    assert (work / "r.html").is_symlink()


def test_init_without_posix_features(tmp_path: Path) -> None:
    """init creates a new municipality's files by path; a second init replaces nothing."""
    town = tmp_path / "kommun"
    done = _windows_like(tmp_path, "init", str(town), "--organisation", "Borås Stad")
    assert done.returncode == 0, done.stderr
    written = {
        p.relative_to(town).as_posix(): p.read_bytes() for p in town.rglob("*") if p.is_file()
    }
    assert written and not [name for name in written if name.endswith(".planctl-tmp")]
    again = _windows_like(tmp_path, "init", str(town), "--organisation", "Borås Stad")
    assert again.returncode != 0 and "Traceback" not in again.stderr
    assert {
        p.relative_to(town).as_posix(): p.read_bytes() for p in town.rglob("*") if p.is_file()
    } == written


@pytest.mark.skipif(not hasattr(os, "O_DIRECTORY"), reason="a system without directory fds")
def test_posix_keeps_the_directory_fd_path() -> None:
    """Where the system has them, writes still name files relative to an open directory."""
    assert folders.has_folder_fds()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_ctrl_c_deferred_past_the_rename_without_sigmask(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without pthread_sigmask a Ctrl-C during the rename lands after it, as KeyboardInterrupt."""
    monkeypatch.delattr(signal, "pthread_sigmask")
    finished = []
    with pytest.raises(KeyboardInterrupt), savefile._no_interrupt():
        signal.raise_signal(signal.SIGINT)
        finished.append(True)  # the body (the rename) still ran to its end
    assert finished == [True]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
