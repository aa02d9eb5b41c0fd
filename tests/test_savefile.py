"""Atomic, locked file replacement: no crash or second writer can break or lose a file."""

from __future__ import annotations

import errno
import os
import random
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from planctl.errors import ConflictError
from planctl.writing import savefile
from tests.helpers import lock_held_elsewhere

OLD = b"plan: gammal\n"
NEW = b"plan: ny\nrad: tillagd\n"


def _temps(folder: Path) -> list[Path]:
    return list(folder.glob("*.planctl-tmp"))


def test_replace_writes_new_bytes_and_keeps_permissions(tmp_path: Path) -> None:
    """The file gets the new bytes and keeps its mode; no temporary file is left."""
    target = tmp_path / "plan.yaml"
    target.write_bytes(OLD)
    target.chmod(0o640)
    with savefile.locked(target):
        savefile.replace_file(target, NEW, expected=OLD)
    assert target.read_bytes() == NEW
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert _temps(tmp_path) == []
    assert not savefile.lock_path(target).exists()


def test_replace_through_symlink_updates_the_target(tmp_path: Path) -> None:
    """Through a symlink the target is replaced and the link stays a link."""
    real = tmp_path / "real"
    real.mkdir()
    target = real / "plan.yaml"
    target.write_bytes(OLD)
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    with savefile.locked(link):
        savefile.replace_file(link, NEW, expected=OLD)
    assert link.is_symlink()
    assert target.read_bytes() == NEW
    assert savefile.lock_path(link) == real / ".plan.yaml.lock"


def test_changed_file_is_not_overwritten(tmp_path: Path) -> None:
    """When the file no longer holds what was read, nothing is written."""
    target = tmp_path / "plan.yaml"
    target.write_bytes(b"plan: someone else's edit\n")
    with savefile.locked(target), pytest.raises(ConflictError, match="ändrats på disken"):
        savefile.replace_file(target, NEW, expected=OLD)
    assert target.read_bytes() == b"plan: someone else's edit\n"


def test_failed_write_leaves_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk during the write leaves the original untouched and removes the temp file."""
    target = tmp_path / "plan.yaml"
    target.write_bytes(OLD)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with savefile.locked(target), pytest.raises(ConflictError, match="oförändrad"):
        savefile.replace_file(target, NEW, expected=OLD)
    assert target.read_bytes() == OLD
    assert _temps(tmp_path) == []


def test_lock_held_elsewhere_times_out(tmp_path: Path) -> None:
    """A second writer waits for the lock and gives up with a retry message after the timeout."""
    target = tmp_path / "plan.yaml"
    target.write_bytes(OLD)
    with lock_held_elsewhere(target):
        started = time.monotonic()
        with (
            pytest.raises(ConflictError, match="försök igen"),
            savefile.locked(target, timeout=0.3),
        ):
            pass  # pragma: no cover - the lock is never granted
        assert 0.3 <= time.monotonic() - started < 3
    with savefile.locked(target, timeout=1):  # released by the kernel when the holder died
        savefile.replace_file(target, NEW, expected=OLD)
    assert target.read_bytes() == NEW


def test_lock_serialises_threads_and_survives_lock_file_removal(tmp_path: Path) -> None:
    """Many lockers never overlap, although each holder removes the lock file on release."""
    target = tmp_path / "plan.yaml"
    target.write_bytes(OLD)
    inside = 0
    overlaps = 0
    guard = threading.Lock()

    def work() -> None:
        nonlocal inside, overlaps
        for _ in range(20):
            with savefile.locked(target):
                with guard:
                    inside += 1
                    overlaps += inside > 1
                time.sleep(0.0005)
                with guard:
                    inside -= 1

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert overlaps == 0
    assert not savefile.lock_path(target).exists()


WRITER = """
import sys
from pathlib import Path
from planctl.writing import savefile
path, old, new = Path(sys.argv[1]), Path(sys.argv[2]).read_bytes(), Path(sys.argv[3]).read_bytes()
current = path.read_bytes()
print("igång", flush=True)
while True:
    with savefile.locked(path):
        data = new if current == old else old
        savefile.replace_file(path, data, expected=current)
        current = data
"""


def test_killed_writer_leaves_old_or_new_file(tmp_path: Path) -> None:
    """SIGKILL at random moments of a busy writer (30 runs) always leaves the old or new file."""
    from planctl.store import load_data_dir
    from tests.conftest import DATA, TODAY

    data = tmp_path / "data"
    data.mkdir()
    (data / "measures.yaml").write_bytes((DATA / "measures.yaml").read_bytes())
    plan = data / "boras_plan.yaml"
    old = (DATA / "boras_plan.yaml").read_bytes()
    new = old.replace(
        b"    insatser: [7]\n  - id: LB-2",
        b'    insatser: [7]\n    historik:\n      - datum: "2018-05-31"\n'
        b"        status: Klart\n  - id: LB-2",
    )
    assert new != old
    (tmp_path / "old").write_bytes(old)
    (tmp_path / "new").write_bytes(new)
    plan.write_bytes(old)
    rng = random.Random(3)
    seen: set[bytes] = set()
    torn = 0
    for _ in range(30):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(plan), str(tmp_path / "old"), str(tmp_path / "new")],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "igång"
        time.sleep(rng.uniform(0.001, 0.04))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        content = plan.read_bytes()
        assert content in (old, new)
        seen.add(content)
        torn += bool(_temps(data))
        assert load_data_dir(data, today=TODAY).errors == ()
    assert seen == {old, new}, "the writer should have been caught in both states"
    assert torn > 0, "no kill landed in the middle of a write"
    with savefile.locked(plan):  # the next writer clears what killed ones left behind
        pass
    assert _temps(data) == []
    assert sorted(p.name for p in data.iterdir()) == ["boras_plan.yaml", "measures.yaml"]
