"""The two ways savefile works in one directory, chosen by what the system has.

:class:`FdFolder` holds the directory open and names every file relative to it (``dir_fd``,
``O_NOFOLLOW``; Linux and macOS). :class:`PathFolder` does the same steps by path where those
are missing (Windows): an ``lstat`` check, then ``O_CREAT|O_EXCL``, ``os.replace``, no directory
fsync. :func:`has_folder_fds` decides by feature detection, never by platform name.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path


def create_flags() -> int:
    """Flags of an exclusive new file (asked each time: tests take features away)."""
    # O_BINARY: on Windows a file opened without it turns "\n" into "\r\n" on write.
    return (
        os.O_WRONLY
        | os.O_CREAT
        | os.O_EXCL
        | getattr(os, "O_NOFOLLOW", 0)
        | getattr(os, "O_CLOEXEC", 0)
        | getattr(os, "O_BINARY", 0)
    )


def has_folder_fds() -> bool:
    """True where a directory can be opened and named files relative to it (not on Windows)."""
    wanted = (os.open, os.unlink, os.rename, os.link)  # os.replace is listed as os.rename
    return hasattr(os, "O_DIRECTORY") and all(call in os.supports_dir_fd for call in wanted)


class FdFolder:
    """A directory held open; every name is relative to it (``dir_fd``), links not followed."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def create(self, name: str) -> int:
        return os.open(name, create_flags(), 0o600, dir_fd=self.fd)

    def unlink(self, name: str) -> None:
        os.unlink(name, dir_fd=self.fd)

    def replace(self, source: str, name: str) -> None:
        os.replace(source, name, src_dir_fd=self.fd, dst_dir_fd=self.fd)

    def link(self, source: str, name: str) -> None:
        os.link(source, name, src_dir_fd=self.fd, dst_dir_fd=self.fd, follow_symlinks=False)

    def sync(self) -> None:
        """Make the rename itself durable (some file systems do not allow it; that is fine)."""
        with contextlib.suppress(OSError):
            os.fsync(self.fd)


class PathFolder:
    """The same steps by path, where ``dir_fd`` or ``O_DIRECTORY`` is missing (Windows)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def create(self, name: str) -> int:
        where = self.path / name
        if where.is_symlink() or os.path.lexists(where):
            raise FileExistsError(errno.EEXIST, "finns redan", str(where))
        return os.open(where, create_flags(), 0o600)

    def unlink(self, name: str) -> None:
        (self.path / name).unlink()

    def replace(self, source: str, name: str) -> None:
        (self.path / source).replace(self.path / name)

    def link(self, source: str, name: str) -> None:
        # The source is the temporary file just created exclusively: never a link.
        os.link(self.path / source, self.path / name)

    def sync(self) -> None:
        """A directory cannot be opened here, so the rename is not fsynced."""


Folder = FdFolder | PathFolder
