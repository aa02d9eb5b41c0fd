"""Where an import goes, checking it with validate's rules, and writing it.

``planctl import`` writes a new plan file and never replaces one – with one exception that
loses nothing: the empty plan ``planctl init`` created (no areas, no rows, no history) is filled
in, keeping its ``plan:`` block and follow-up rounds. The text is checked with every rule of
``planctl validate`` against the data directory's catalogue before anything is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from planctl.errors import DataError, UsageError
from planctl.importing import import_file
from planctl.importing.planfile import ImportResult
from planctl.importing.values import FollowUp, PlanHead
from planctl.newplan import plan_slug


@dataclass(frozen=True)
class PlannedImport:
    """An import ready to write: its target file, the text, and what it replaces (if anything).

    ``replaces`` holds the bytes of the empty plan being filled in, ``None`` for a new file.
    """

    target: Path
    result: ImportResult
    replaces: bytes | None


def _head(
    *, organisation: str | None, title: str | None, plan_id: str | None, source: Path
) -> PlanHead:
    if not organisation or not organisation.strip():
        raise UsageError(
            "ange --organisation (kommunen eller organisationen planen gäller); den behövs när "
            "datakatalogen inte har en tom plan från planctl init att fylla i"
        )
    slug = plan_id.strip() if plan_id else plan_slug(organisation)
    if not slug or plan_slug(slug) != slug:
        raise UsageError(
            f"kan inte bilda ett id av '{plan_id or organisation}'; ange --id med gemener, "
            "siffror och bindestreck"
        )
    return PlanHead(slug, (title or "").strip() or f"Handlingsplan ({source.stem})", organisation)


def plan_import(
    source: Path,
    *,
    data_dir: Path | None,
    output: Path | None,
    organisation: str | None,
    title: str | None,
    plan_id: str | None,
    area_from: str,
    follow_up: FollowUp | None,
    today: dt.date,
    base: Path | None,
) -> PlannedImport:
    """Read ``source`` and decide where its plan goes (see the module docstring); no writing.

    Raises :class:`~planctl.errors.InputError` for an unreadable source, :class:`UsageError`
    when the target exists or the plan cannot be named, :class:`DataError` (exit 1) when the
    result would not validate.
    """
    from planctl.documents import display_path
    from planctl.store import catalogue_file, load_data_dir, load_files

    shown = display_path(source, base)
    empty = None
    if output is None and data_dir is not None and data_dir.is_dir():
        loaded = load_data_dir(data_dir, today=today, base=base) if _has_yaml(data_dir) else None
        plans = loaded.plans if loaded is not None else ()
        empties = [p for p in plans if not p.model.rows and not p.model.areas]
        if len(plans) == 1 and empties and not (organisation or plan_id):
            empty = empties[0]
    if empty is not None:
        meta = empty.model.meta
        head = PlanHead(
            meta.id,
            title.strip() if title else meta.title,
            meta.organisation,
            tuple((r.id, r.name, r.date) for r in empty.model.rounds),
        )
        target = empty.path
        replaces: bytes | None = target.read_bytes()
    else:
        head = _head(organisation=organisation, title=title, plan_id=plan_id, source=source)
        if output is not None:
            target = output
        elif data_dir is not None:
            target = data_dir / f"{head.plan_id}.yaml"
        else:
            raise UsageError("hittade ingen datakatalog; ange --output FIL eller --data-dir")
        if target.exists():
            raise UsageError(
                f"{display_path(target, base)} finns redan; planctl import skriver inte över en "
                "fil – ange en annan med --output"
            )
        replaces = None
    result = import_file(
        source, head=head, today=today, shown=shown, area_from=area_from, follow_up=follow_up
    )
    catalogue = catalogue_file(data_dir) if data_dir is not None and data_dir.is_dir() else None
    files = [target] + ([catalogue] if catalogue is not None else [])
    checked = load_files(files, today=today, base=base, overrides={target: result.text})
    if checked.errors:
        raise DataError(
            f"{shown}: planen som importen ger skulle få {len(checked.errors)} fel; inget skrevs",
            problems=checked.errors,
        )
    return PlannedImport(target=target, result=result, replaces=replaces)


def _has_yaml(folder: Path) -> bool:
    return any(p.suffix in (".yaml", ".yml") for p in folder.iterdir())


def write_import(planned: PlannedImport, *, base: Path | None) -> None:
    """Write a planned import: a new file, or the empty plan replaced if it is still unchanged."""
    from planctl.documents import display_path
    from planctl.writing import savefile
    from planctl.writing.files import create_file

    if planned.replaces is None:
        create_file(planned.target, planned.result.text, base=base)
        return
    shown = display_path(planned.target, base)
    with savefile.locked(planned.target, shown=shown):
        savefile.replace_file(
            planned.target,
            planned.result.text.encode("utf-8"),
            expected=planned.replaces,
            shown=shown,
        )
