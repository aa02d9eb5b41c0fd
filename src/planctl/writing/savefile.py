"""Every file planctl writes, written so that no crash, planted link or second writer can misuse it.

One temporary-file scheme serves every write: a file named ``.NAME.<random>.planctl-tmp`` is
created exclusively (``O_CREAT|O_EXCL|O_NOFOLLOW``) in the target's own directory, written,
fsynced, given its mode and then renamed onto the target. A rename within a directory is atomic:
readers see the old file or the new one, never a mix. Nothing planctl writes follows a link it did
not check first.

- :func:`write_output` writes a produced document (a report, a schema): the target's mode is kept
  when it exists (umask-based otherwise); a symlink at the target is written through only when
  it stays inside the repository (or, outside one, the directory the user named).
- :func:`create_file` creates a new file, never replacing one that exists (``link`` + unlink of
  the temporary file, so the new file appears whole or not at all).
- :func:`locked` serialises planctl writers of one file on a sidecar lock file next to the real
  file (``.NAME.lock``). The lock path is checked before it is acquired: a symlink or anything
  but a regular file there is refused. :func:`_acquire` is the one place that takes the lock,
  through the ``filelock`` library (``flock`` on Linux and macOS, ``msvcrt.locking`` on
  Windows; it opens without following links and retries when it locked a removed lock file).
- :func:`replace_file` replaces a data file the caller holds the lock of, but only when the file
  is still what the caller read (content, size and modification time, compared again right
  before the rename) and the user may write it (mode bits, checked by planctl even as root).

Each rename happens with SIGINT blocked and is recorded in :func:`completed`, so a Ctrl-C that
arrives afterwards can be reported honestly ("X was written") instead of as "nothing happened".

The lock needs no ``fcntl``. Files are created in binary mode where the system has one
(``O_BINARY`` on Windows), so line endings are written exactly as given.

Where the system has them (Linux, macOS), the directory is opened once (``O_DIRECTORY``) and
every step names files relative to it (``dir_fd``), so a directory swapped for a link midway
cannot redirect a write; SIGINT is blocked with ``pthread_sigmask``. Where one is missing
(Windows), chosen by feature detection and never by platform name, :class:`_PathFolder` does the
same steps by path: the temporary file is created with ``O_CREAT|O_EXCL`` after an ``lstat`` check
that nothing (no link) is there, the rename is ``os.replace``, the directory is not fsynced
(it cannot be opened), the mode is set with ``os.chmod`` when ``os.fchmod`` is missing, and a
Ctrl-C during the rename is deferred until it is done (:func:`_no_interrupt`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import signal
import stat
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from planctl.errors import (
    ConflictError,
    InputError,
    UsageError,
    os_reason,
    write_error,
    write_failure,
)
from planctl.writing import sidecars
from planctl.writing.folders import FdFolder as _FdFolder
from planctl.writing.folders import Folder as _Folder
from planctl.writing.folders import PathFolder as _PathFolder
from planctl.writing.folders import has_folder_fds as _has_folder_fds

LOCK_TIMEOUT = 15.0
"""Seconds to wait for another planctl to finish writing the same file."""

TEMP_SUFFIX = sidecars.TEMP_SUFFIX
"""The ending of every temporary file planctl creates (``.gitignore`` matches it)."""

_POLL = 0.02
_completed: list[Path] = []
_completed_guard = threading.Lock()


# --- paths -----------------------------------------------------------------------------------


def real_path(path: Path) -> Path:
    """The file a path names, following symlinks (the file that is actually replaced)."""
    return Path(os.path.realpath(path))


def lock_path(path: Path) -> Path:
    """The sidecar lock file of ``path`` (next to the real file, hidden)."""
    target = real_path(path)
    return target.with_name(sidecars.lock_name(target.name))


def absolute(path: Path) -> Path:
    """``path`` made absolute by its own text (``..`` removed), no link followed."""
    return Path(os.path.abspath(path))  # noqa: PTH100 - resolve() would follow links


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def repository_root(path: Path) -> Path | None:
    """The git work tree ``path`` lies in (by its own path, links not followed), if any."""
    start = absolute(path)
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def trusted_target(path: Path, *, shown: str) -> Path:
    """The file to write for ``path``: itself, or where its links lead when that stays trusted.

    Trusted is the repository ``path`` lies in or, outside any repository, the directory the
    user named (``path``'s parent). A link in that tree that leads elsewhere (``rapporter/x ->
    ../../home/u/.bashrc``, a planted ``rapporter -> /etc`` directory link) could have come from
    a pull request and is refused: :class:`InputError` (exit 2), nothing written.
    """
    named = absolute(path)
    target = real_path(named)
    if target == named:
        return target
    trusted = repository_root(named.parent) or named.parent
    where = "arkivet" if trusted != named.parent else f"katalogen {trusted.name or trusted}"
    if not _inside(target, real_path(trusted)):
        raise InputError(
            f"{shown}: sökvägen går via en symbolisk länk till {target}, utanför {where}; "
            "planctl skriver inte dit – ange den riktiga sökvägen eller ta bort länken"
        )
    return target


# --- the one temporary-file scheme ----------------------------------------------------------


def _temp_name(target: Path) -> str:
    return sidecars.temp_name(target.name, secrets.token_hex(6))


def _write_temp(folder: _Folder, target: Path, data: bytes, mode: int) -> str:
    """A new temporary file in ``folder`` holding ``data``; its name."""
    while True:
        name = _temp_name(target)
        try:
            fd = folder.create(name)
            break
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        if hasattr(os, "fchmod"):
            os.fchmod(fd, mode)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            folder.unlink(name)
        raise
    os.close(fd)
    if not hasattr(os, "fchmod") and isinstance(folder, _PathFolder):
        try:
            os.chmod(folder.path / name, mode)  # noqa: PTH101 - the file fchmod would change
        except BaseException:
            with contextlib.suppress(OSError):
                folder.unlink(name)
            raise
    return name


@contextlib.contextmanager
def _directory(folder: Path) -> Iterator[_Folder]:
    if not _has_folder_fds():
        yield _PathFolder(folder)
        return
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
    try:
        yield _FdFolder(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def _no_interrupt() -> Iterator[None]:
    """SIGINT waits while a rename and its record happen (main thread only, where it lands).

    Blocked with ``pthread_sigmask`` where it exists; elsewhere (Windows) the Ctrl-C handler is
    swapped for one that only notes the signal, and ``KeyboardInterrupt`` is raised after.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    if hasattr(signal, "pthread_sigmask"):
        old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def _swap_in(
    target: Path, data: bytes, mode: int, *, last_look: Callable[[], None] | None = None
) -> None:
    """Put ``data`` at ``target`` whole: a temporary file beside it, renamed onto it.

    ``last_look`` runs right before the rename, with SIGINT held, and may raise to stop it.
    The temporary file is removed whenever the rename does not happen. Raises ``OSError``.
    """
    with _directory(target.parent) as folder:
        temp = _write_temp(folder, target, data, mode)
        try:
            with _no_interrupt():
                if last_look is not None:
                    last_look()
                folder.replace(temp, target.name)
                _record(target)
        except BaseException:
            with contextlib.suppress(OSError):
                folder.unlink(temp)
            raise
        folder.sync()


def _record(target: Path) -> None:
    with _completed_guard:
        _completed.append(target)


def completed() -> tuple[Path, ...]:
    """Every file this process has written so far, in order (for an honest Ctrl-C message)."""
    with _completed_guard:
        return tuple(_completed)


def _default_mode() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


# --- writes ----------------------------------------------------------------------------------


def write_output(path: Path, data: bytes, *, shown: str | None = None) -> Path:
    """Write ``data`` to ``path`` whole; returns the file written.

    The target's mode is kept when it exists; a new file gets ``0666`` minus the umask. A named
    pipe or a device (``/dev/stdout``) is written into, never replaced. Links are followed only
    as :func:`trusted_target` allows. Raises :class:`InputError` (exit 2) when the path is
    refused, and :func:`~planctl.errors.write_error`'s error when the system refuses the write
    (a full disk is exit 3); the target is then unchanged.
    """
    shown = shown or str(path)
    if _is_stream(path):
        try:
            with open(path, "wb") as out:  # noqa: PTH123 - a device or pipe, written into
                out.write(data)
        except OSError as exc:
            raise write_error(shown, exc) from None
        return path
    target = trusted_target(path, shown=shown)
    try:
        current = target.lstat()
    except FileNotFoundError:
        mode = _default_mode()
    except OSError as exc:
        raise write_error(shown, exc) from None
    else:
        if stat.S_ISDIR(current.st_mode):
            raise InputError(f"{shown}: är en katalog, inte en fil")
        if not stat.S_ISREG(current.st_mode):
            raise InputError(f"{shown}: är ingen vanlig fil; planctl skriver inte över den")
        mode = stat.S_IMODE(current.st_mode)
    try:
        _swap_in(target, data, mode)
    except OSError as exc:  # a full disk or no permission is exit 3 (try again), a bad path 2
        raise write_error(shown, exc) from None
    return target


def _is_stream(path: Path) -> bool:
    """A pipe or a device the user named (``/dev/stdout``, ``>(cmd)``): written into."""
    named = absolute(path).as_posix()
    if named.startswith(("/dev/", "/proc/self/fd/")):
        try:
            return not stat.S_ISREG(Path(named).stat().st_mode)
        except OSError:
            return False
    try:
        return stat.S_ISFIFO(path.lstat().st_mode)
    except OSError:
        return False


def create_file(path: Path, data: bytes, *, shown: str | None = None) -> Path:
    """Create ``path`` holding ``data``; never replaces anything that exists there (even a link).

    Raises :class:`UsageError` (exit 2) when something exists at ``path``, :class:`InputError`
    (exit 2) when its folder is missing, and :func:`~planctl.errors.write_failure`'s error when
    the system refuses the write; nothing is left behind.
    """
    shown = shown or str(path)
    named = absolute(path)
    folder_path = trusted_target(named.parent, shown=shown)
    try:
        with _directory(folder_path) as folder:
            temp = _write_temp(folder, named, data, _default_mode())
            try:
                with _no_interrupt():
                    folder.link(temp, named.name)
                    _record(folder_path / named.name)
            finally:
                with contextlib.suppress(OSError):
                    folder.unlink(temp)
            folder.sync()
    except FileExistsError:
        raise UsageError(
            f"{shown} finns redan; planctl skriver inte över en befintlig fil – välj ett annat namn"
        ) from None
    except FileNotFoundError:
        raise InputError(f"{shown}: katalogen {Path(shown).parent} finns inte") from None
    except OSError as exc:
        raise write_failure(f"{shown}: kan inte skapas", exc) from None
    return folder_path / named.name


# --- locked replacement of data files -------------------------------------------------------


def check_lock_path(lock: Path, shown: str) -> None:
    """Refuse a lock path that is a symlink or not a regular file (e.g. planted by a commit).

    Checked before the lock is acquired, whatever library acquires it. Raises
    :class:`ConflictError` (exit 3) naming the path.
    """
    try:
        found = lock.lstat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ConflictError(
            f"{shown}: låsfilen {lock} kan inte undersökas ({os_reason(exc)}); inget skrevs"
        ) from None
    if stat.S_ISLNK(found.st_mode):
        raise ConflictError(
            f"{shown}: låsfilen {lock} är en symbolisk länk; planctl låser inte genom en länk – "
            "ta bort den (den hör inte hemma i git); inget skrevs"
        )
    if not stat.S_ISREG(found.st_mode):
        raise ConflictError(
            f"{shown}: låsfilen {lock} är ingen vanlig fil; ta bort den; inget skrevs"
        )


def _acquire(lock: Path, shown: str, timeout: float) -> FileLock:
    """Take the exclusive lock on ``lock`` within ``timeout`` seconds; the held lock."""
    check_lock_path(lock, shown)
    holder = FileLock(lock)
    try:
        holder.acquire(timeout=timeout, poll_interval=_POLL)
    except Timeout:
        raise ConflictError(
            f"{shown}: en annan planctl skriver till filen just nu (låst i mer än "
            f"{timeout:g} s); inget skrevs – försök igen"
        ) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # a link appeared after the check
            check_lock_path(lock, shown)
        raise write_failure(
            f"{shown}: kan inte skapa låsfilen {lock.name}", exc, outcome="inget skrevs"
        ) from None
    return holder


@contextlib.contextmanager
def locked(
    path: Path, *, shown: str | None = None, timeout: float = LOCK_TIMEOUT
) -> Iterator[None]:
    """Hold the write lock of ``path`` for the ``with`` block (waiting up to ``timeout`` s).

    Raises :class:`ConflictError` (exit 3) when the lock path is a link or not a regular file,
    or when another writer holds the lock longer than ``timeout``.
    """
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
    for stale in target.parent.glob(sidecars.temp_glob(target.name)):
        with contextlib.suppress(OSError):
            stale.unlink()


def require_writable(path: Path, *, shown: str | None = None) -> None:
    """Refuse to rewrite a file the user has made read-only (exit 3), even when run as root.

    The mode bits decide: the operating system lets root write anything, so planctl asks for a
    write bit itself (and the operating system's answer for everyone else).
    """
    shown = shown or path.name
    target = real_path(path)
    try:
        mode = target.stat().st_mode
    except OSError as exc:
        raise ConflictError(f"{shown}: kan inte läsas ({os_reason(exc)}); inget skrevs") from None
    if not mode & 0o222 or not os.access(target, os.W_OK):
        raise ConflictError(
            f"{shown}: filen är skrivskyddad (läge {stat.S_IMODE(mode):04o}); planctl skriver inte "
            "över den – ge skrivrätt (chmod u+w) om ändringen är avsedd; inget skrevs"
        )


def _snapshot(target: Path) -> tuple[bytes, tuple[int, int, int, int]] | None:
    """The file's bytes and identity (inode, device, size, mtime); ``None`` while it moves."""
    before = _identity(target.stat())
    data = target.read_bytes()
    return (data, before) if _identity(target.stat()) == before else None


def _identity(found: os.stat_result) -> tuple[int, int, int, int]:
    return found.st_ino, found.st_dev, found.st_size, found.st_mtime_ns


def replace_file(path: Path, data: bytes, *, expected: bytes, shown: str | None = None) -> None:
    """Atomically replace the file at ``path`` with ``data`` if it still holds ``expected``.

    Call it while holding :func:`locked` for ``path``. The file is read again right before the
    rename, its size and modification time compared too, so an edit by another program is not
    overwritten unless it lands in the microseconds between that look and the rename.
    Raises :class:`ConflictError` (exit 3; nothing written) when the file changed since it was
    read, is read-only or cannot be written.
    """
    shown = shown or path.name
    target = real_path(path)
    require_writable(target, shown=shown)
    try:
        first = _snapshot(target)
    except OSError as exc:
        raise ConflictError(
            f"{shown}: kan inte läsas igen före skrivningen ({os_reason(exc)})"
        ) from None
    if first is None or first[0] != expected:
        raise _changed(shown)
    mode = stat.S_IMODE(target.stat().st_mode)

    def last_look() -> None:  # writing and syncing the temporary file took time
        if _snapshot(target) != first:
            raise _changed(shown)

    try:
        _swap_in(target, data, mode, last_look=last_look)
    except OSError as exc:
        raise write_error(shown, exc, outcome="filen är oförändrad") from None


def _changed(shown: str) -> ConflictError:
    return ConflictError(
        f"{shown}: filen har ändrats på disken sedan planctl läste den; inget skrevs – "
        "kör kommandot igen"
    )
