"""Saving a file so that no crash, no full disk and no second writer can break or lose it.

- :func:`locked` serialises planctl writers of one file with the ``filelock`` library on a
  sidecar lock file next to the real file (``.NAME.lock``): ``flock`` on Linux and macOS,
  ``msvcrt.locking`` on Windows. The lock file is removed when the lock is released; a waiter that
  locked a removed lock file notices (filelock checks the inode still has a name) and tries
  again, so removing it is safe.
- :func:`replace_file` writes a temporary file in the same directory, flushes and fsyncs it, gives
  it the original's permissions and renames it over the original (then fsyncs the directory).
  A rename within a directory is atomic: readers see the old file or the new one, never a mix.
  Through a symlink, the link's target is replaced and the link stays a link.
- Before replacing, the file on disk is compared with what the caller read. If anyone changed it
  in between, nothing is written.

Portable: nothing here needs ``fcntl``, ``O_DIRECTORY`` or ``fchmod``. Files are opened in binary
mode on Windows too (``O_BINARY``), so a file's line endings are written exactly as given; the
directory is fsynced where the system allows opening a directory.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from planctl.errors import ConflictError, os_reason

LOCK_TIMEOUT = 15.0
"""Seconds to wait for another planctl to finish writing the same file."""

_POLL = 0.02
# Flags that only some systems have: close-on-exec (POSIX) and binary mode (Windows, where a file
# opened without it turns "\n" into "\r\n" on write).
_PORTABLE_FLAGS = getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_TEMP_SUFFIX = ".planctl-tmp"


def real_path(path: Path) -> Path:
    """The file a path names, following symlinks (the file that is actually replaced)."""
    return Path(os.path.realpath(path))


def lock_path(path: Path) -> Path:
    """The sidecar lock file of ``path`` (next to the real file, hidden)."""
    target = real_path(path)
    return target.with_name(f".{target.name}.lock")


def _acquire(lock: Path, shown: str, timeout: float) -> FileLock:
    """Take the write lock on ``lock`` within ``timeout`` seconds; the held lock."""
    holder = FileLock(lock)
    try:
        holder.acquire(timeout=timeout, poll_interval=_POLL)
    except Timeout:
        raise ConflictError(
            f"{shown}: en annan planctl skriver till filen just nu (låst i mer än "
            f"{timeout:g} s); inget skrevs – försök igen"
        ) from None
    except OSError as exc:
        raise ConflictError(
            f"{shown}: kan inte skapa låsfilen {lock.name} ({os_reason(exc)}); inget skrevs"
        ) from None
    return holder


@contextlib.contextmanager
def locked(
    path: Path, *, shown: str | None = None, timeout: float = LOCK_TIMEOUT
) -> Iterator[None]:
    """Hold the write lock of ``path`` for the ``with`` block (waiting up to ``timeout`` s)."""
    lock = lock_path(path)
    holder = _acquire(lock, shown or path.name, timeout)
    try:
        _remove_stale_temps(real_path(path))
        yield
    finally:
        with contextlib.suppress(OSError):
            lock.unlink()
        holder.release()


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
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | _PORTABLE_FLAGS, 0o600)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            _set_mode(fd, temp, mode)
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


def _set_mode(fd: int, path: Path, mode: int) -> None:
    """Give the temporary file the original's permissions (by path where fchmod is missing)."""
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # Windows before Python 3.13: only the read-only bit exists, set by path
        path.chmod(mode)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable where the system lets a directory be opened (not Windows)."""
    directory_flag = getattr(os, "O_DIRECTORY", None)
    if directory_flag is None:
        return
    try:
        fd = os.open(folder, os.O_RDONLY | directory_flag)
    except OSError:  # pragma: no cover - directories can always be opened on Linux
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
