"""Reading files as they were at a git revision, through the ``git`` program.

Only what ``planctl changes`` needs: the repository's top folder, a revision's commit, the files of
a folder at that commit and one file's bytes (``git show REV:path``). Every call reads single
objects, so a shallow CI checkout works as long as the base commit has been fetched.
"""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath

from planctl.errors import InputError, UsageError


def _git(args: list[str], *, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, check=False, stdin=subprocess.DEVNULL
        )
    except FileNotFoundError:
        raise InputError("programmet git hittades inte; installera git") from None


def repo_root(folder: Path) -> Path:
    """The top folder of the git repository ``folder`` lies in."""
    done = _git(["rev-parse", "--show-toplevel"], cwd=folder)
    if done.returncode != 0:
        raise UsageError(
            f"{folder} ligger inte i ett git-arkiv; 'planctl changes' jämför två versioner i git"
        )
    return Path(done.stdout.decode().strip())


def resolve(revision: str, *, root: Path) -> str:
    """The full commit id ``revision`` names; an unknown one is a usage error (exit 2)."""
    if revision.startswith("-"):
        raise UsageError(f"okänd revision '{revision}'")
    done = _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], cwd=root)
    if done.returncode != 0:
        # 'origin/main' is fetched from the remote 'origin' as 'main'; naming the remote-tracking
        # ref as well makes it exist even in a single-branch (shallow) clone.
        remote, _, branch = revision.partition("/")
        fetch = f"{remote} {branch}:refs/remotes/{revision}" if branch else f"origin {revision}"
        raise UsageError(
            f"okänd revision '{revision}' i git-arkivet; i en grund kloning (shallow clone) "
            f"måste den hämtas först, t.ex. git fetch --depth=1 {fetch}"
        )
    return done.stdout.decode().strip()


def files_at(commit: str, folder: PurePosixPath, *, root: Path) -> list[PurePosixPath]:
    """The files directly in ``folder`` (relative to the repository) at ``commit``, by name."""
    spec = f"{folder.as_posix()}/" if folder.parts else ""
    done = _git(["ls-tree", "--name-only", "-z", commit, "--", spec or "."], cwd=root)
    if done.returncode != 0:  # pragma: no cover - the commit was resolved just before
        raise InputError(f"kan inte lista {folder} vid {commit[:12]}: {done.stderr.decode()}")
    names = [n for n in done.stdout.decode().split("\0") if n]
    return sorted(PurePosixPath(n) for n in names)


def size_at(commit: str, path: PurePosixPath, *, root: Path) -> int:
    """The size in bytes of ``path`` at ``commit`` (asked before reading it, to cap reads)."""
    done = _git(["cat-file", "-s", f"{commit}:{path.as_posix()}"], cwd=root)
    if done.returncode != 0:
        raise InputError(f"kan inte läsa {path} vid {commit[:12]}: {done.stderr.decode().strip()}")
    return int(done.stdout.decode().strip())


def read_at(commit: str, path: PurePosixPath, *, root: Path) -> bytes:
    """The bytes of ``path`` (relative to the repository) at ``commit``."""
    done = _git(["show", f"{commit}:{path.as_posix()}"], cwd=root)
    if done.returncode != 0:
        raise InputError(f"kan inte läsa {path} vid {commit[:12]}: {done.stderr.decode().strip()}")
    return done.stdout
