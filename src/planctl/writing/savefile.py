"""Saving a file so that no crash, no full disk and no second writer can break or lose it.

- :func:`locked` serialises planctl writers of one file with ``fcntl.flock`` on a sidecar lock
  file next to the real file (``.NAME.lock``). The lock file is removed when the lock is released;
  a waiter that locked a removed lock file notices (its inode is no longer the path's) and tries
  again, so removing it is safe.
- :func:`replace_file` writes a temporary file in the same directory, flushes and fsyncs it, gives
  it the original's permissions and renames it over the original (then fsyncs the directory).
  A rename within a directory is atomic: readers see the old file or the new one, never a mix.
  Through a symlink, the link's target is replaced and the link stays a link.
- Before replacing, the file on disk is compared with what the caller read. If anyone changed it
  in between, nothing is written.

POSIX only (``fcntl``), like the rest of planctl's tooling.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

from planctl.errors import ConflictError, os_reason

LOCK_TIMEOUT = 15.0
"""Seconds to wait for another planctl to finish writing the same file."""

_POLL = 0.02
_TEMP_SUFFIX = ".planctl-tmp"


def real_path(path: Path) -> Path:
    """The file a path names, following symlinks (the file that is actually replaced)."""
    return Path(os.path.realpath(path))


def lock_path(path: Path) -> Path:
    """The sidecar lock file of ``path`` (next to the real file, hidden)."""
    target = real_path(path)
    return target.with_name(f".{target.name}.lock")


def _acquire(lock: Path, shown: str, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    while True:
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            raise ConflictError(
                f"{shown}: kan inte skapa låsfilen {lock.name} ({os_reason(exc)}); inget skrevs"
            ) from None
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    os.close(fd)
                    raise
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise ConflictError(
                        f"{shown}: en annan planctl skriver till filen just nu (låst i mer än "
                        f"{timeout:g} s); inget skrevs – försök igen"
                    ) from None
                time.sleep(_POLL)
        # The holder before us may have removed the lock file; then our lock guards nothing.
        try:
            same = os.path.samestat(os.fstat(fd), lock.stat())
        except FileNotFoundError:
            same = False
        if same:
            return fd
        os.close(fd)


@contextlib.contextmanager
def locked(
    path: Path, *, shown: str | None = None, timeout: float = LOCK_TIMEOUT
) -> Iterator[None]:
    """Hold the write lock of ``path`` for the ``with`` block (waiting up to ``timeout`` s)."""
    lock = lock_path(path)
    fd = _acquire(lock, shown or path.name, timeout)
    try:
        _remove_stale_temps(real_path(path))
        yield
    finally:
        with contextlib.suppress(OSError):
            lock.unlink()
        os.close(fd)


def _remove_stale_temps(target: Path) -> None:
    """Temporary files left by a writer that was killed (only lock holders create them)."""
    for stale in target.parent.glob(f".{target.name}.*{_TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            stale.unlink()


def replace_file(path: Path, data: bytes, *, expected: bytes, shown: str | None = None) -> None:
    """Atomically replace the file at ``path`` with ``data`` if it still holds ``expected``.

    Call it while holding :func:`locked` for ``path``. Raises :class:`ConflictError` (nothing
    written) when the file changed since it was read or cannot be written.
    """
    shown = shown or path.name
    target = real_path(path)
    try:
        current = target.read_bytes()
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError as exc:
        raise ConflictError(
            f"{shown}: kan inte läsas igen före skrivningen ({os_reason(exc)})"
        ) from None
    if current != expected:
        raise ConflictError(
            f"{shown}: filen har ändrats på disken sedan planctl läste den; inget skrevs – "
            "kör kommandot igen"
        )
    temp = target.with_name(f".{target.name}.{os.getpid()}{_TEMP_SUFFIX}")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o600)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fchmod(fd, mode)
            os.fsync(fd)
        finally:
            os.close(fd)
        temp.replace(target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise ConflictError(
            f"{shown}: kunde inte skrivas ({os_reason(exc)}); filen är oförändrad"
        ) from None
    _fsync_dir(target.parent)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (some file systems do not allow it; that is fine)."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:  # pragma: no cover - directories can always be opened on Linux
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
