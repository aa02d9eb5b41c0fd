"""Writing whole files: a new plan, a produced report or schema.

Both go through :mod:`planctl.writing.savefile`, the one writer of every file: a new file is
created exclusively (never over one that exists, never through a link); a produced document
replaces its file whole, through a temporary file, and is never a data file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planctl.documents import YAML_SUFFIXES, display_path, real_path
from planctl.errors import DataError, UsageError
from planctl.store import is_data_file, load_files
from planctl.writing import savefile


def check_new_plan(
    path: Path, text: str, *, today: dt.date, base: Path | None = None, catalogue: Path | None
) -> None:
    """Refuse a new plan file that the data directory would not read or that has errors.

    ``text`` is checked with every rule ``planctl validate`` applies, against ``catalogue``;
    warnings (such as the draft rows') are fine. Nothing is written here.
    """
    shown = display_path(path, base)
    if path.suffix not in YAML_SUFFIXES:
        raise UsageError(
            f"{shown}: en planfil ska sluta på .yaml (eller .yml), annars hittar planctl den inte"
        )
    checked = load_files(
        [path], today=today, base=base, extra_catalogue=catalogue, overrides={path: text}
    )
    if checked.errors:
        raise DataError(
            f"{shown}: den nya planen skulle få {len(checked.errors)} fel; inget skrevs",
            problems=checked.errors,
        )


def create_file(path: Path, text: str, *, base: Path | None = None) -> None:
    """Write ``text`` to a new file (UTF-8, LF), never replacing one that exists.

    Through :func:`planctl.writing.savefile.create_file`: the file appears whole or not at all,
    and nothing that exists at ``path`` (a file, a planted link) is replaced or followed.
    """
    savefile.create_file(path, text.encode("utf-8"), shown=display_path(path, base))


def save_output(
    path: Path, content: bytes, *, base: Path | None = None, data_root: Path | None = None
) -> str:
    """Write a produced document to ``path`` whole (:func:`~planctl.writing.savefile.write_output`).

    A data file is never an output: a plan or the catalogue anywhere, or any file in
    ``data_root`` or in a folder holding a catalogue, is refused with :class:`UsageError`
    (exit 2) whatever the format, so a report cannot replace a plan. Returns the name shown.
    """
    shown = display_path(path, base)
    if _in_git_directory(path):
        raise UsageError(
            f"{shown} ligger i git-arkivets egen katalog (.git); planctl skriver inte utdata "
            "där – välj en annan fil (t.ex. i rapporter/)"
        )
    if is_data_file(path, data_root=data_root):
        raise UsageError(
            f"{shown} är en datafil eller ligger i datakatalogen; planctl skriver inte utdata "
            "över data – välj en annan fil (t.ex. i rapporter/)"
        )
    savefile.write_output(path, content, shown=shown)
    return shown


def _in_git_directory(path: Path) -> bool:
    """Whether ``path`` (as named, or where its links lead) is ``.git`` or lies inside one.

    A report written over ``.git/config`` or ``.git/HEAD`` would break the repository.
    """
    return any(".git" in candidate.parts for candidate in (path.absolute(), real_path(path)))
