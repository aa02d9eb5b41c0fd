"""Writing whole files: a new plan, a produced report or schema.

A new file is created exclusively (never over one that exists); a produced document replaces its
file whole, through a temporary file.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from planctl.documents import YAML_SUFFIXES, display_path
from planctl.errors import DataError, InputError, UsageError, os_reason
from planctl.store import load_files


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

    The file is opened for exclusive creation, so a file that appears between a check and the
    write is not overwritten either. A write that fails half-way removes what it wrote.
    """
    shown = display_path(path, base)
    try:
        handle = path.open("x", encoding="utf-8", newline="\n")
    except FileExistsError:
        raise UsageError(
            f"{shown} finns redan; planctl skriver inte över en befintlig fil – välj ett annat namn"
        ) from None
    except FileNotFoundError:
        raise InputError(
            f"{shown}: katalogen {display_path(path.parent, base)} finns inte"
        ) from None
    except OSError as exc:
        raise InputError(f"{shown}: kan inte skapas ({os_reason(exc)})") from None
    try:
        with handle:
            handle.write(text)
    except OSError as exc:
        path.unlink(missing_ok=True)
        raise InputError(f"{shown}: kunde inte skrivas ({os_reason(exc)})") from None


def save_output(path: Path, content: bytes, *, base: Path | None = None) -> str:
    """Write a produced document to ``path`` whole (via a temporary file); returns its name.

    Through a symlink the link's target is replaced and the link stays. What is not a regular
    file (``/dev/stdout``, a pipe, a device) is written into, never replaced by a file.
    """
    shown = display_path(path, base)
    try:
        special = path.exists() and not path.is_file()
    except OSError:
        special = False
    temporary = None
    try:
        if special:
            with path.open("wb") as out:
                out.write(content)
            return shown
        target = Path(os.path.realpath(path))
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_bytes(content)
        temporary.replace(target)
    except OSError as exc:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise InputError(f"{shown}: kan inte skrivas ({os_reason(exc)})") from None
    return shown
