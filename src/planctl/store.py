"""Finding, reading and validating the data files into models.

A data directory holds the catalogue (the file whose top key is ``katalog:``, normally
``measures.yaml``) and one or more plans (top key ``plan:``). Reading never raises for bad data:
every YAML problem, every schema problem (with the Swedish key path and the position of the node)
and every cross-file problem is collected, so ``validate`` can show them all at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from planctl.checks import check_catalogue, check_plan
from planctl.documents import (
    YAML_SUFFIXES,
    Loaded,
    display_path,
    kind_of,
    read_document_file,
    read_head,
    real_path,
    validate_document,
    yaml_files,
)
from planctl.errors import DataError, InputError, Problem, Severity, UsageError
from planctl.models import Catalogue, Plan
from planctl.moments import plan_today
from planctl.partial import check_partial_plan
from planctl.prose import check_text
from planctl.query import match_one, match_row
from planctl.yamlio import Document, paused_gc

DATA_DIR_NAME = "data"


@dataclass(frozen=True)
class DataSet:
    """Everything read from a data directory (or a list of files), with all problems found."""

    root: Path | None
    catalogue: Loaded[Catalogue] | None
    plans: tuple[Loaded[Plan], ...]
    problems: tuple[Problem, ...] = ()
    files: tuple[str, ...] = field(default=())

    @property
    def errors(self) -> tuple[Problem, ...]:
        """Only the problems that are errors."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    def require_valid(self) -> DataSet:
        """Raise :class:`DataError` listing every error, or return ``self`` when there is none."""
        if self.errors:
            raise data_error(self.errors)
        return self

    def plan(self, plan_id: str | None = None, *, row_ids: Sequence[str] = ()) -> Loaded[Plan]:
        """The plan ``plan_id`` names, or the only plan when none is named.

        ``plan_id`` matches a plan's id or organisation as areas do: any case, without å/ä/ö
        (``malmo-stad`` for ``malmö-stad``), or a unique prefix. Without it, and with several
        plans, ``row_ids`` choose the one plan that has all those rows. Anything else is a usage
        error (exit 2) listing the plans.
        """
        self.require_plans()
        ids = ", ".join(sorted(p.model.meta.id for p in self.plans))
        if plan_id is not None:
            choices = [(p, (p.model.meta.id, p.model.meta.organisation)) for p in self.plans]
            choices.sort(key=lambda choice: choice[1][0])
            return match_one("plan", plan_id, choices)
        if len(self.plans) == 1:
            return self.plans[0]
        if row_ids:
            having = [p for p in self.plans if all(_has_row(p.model, r) for r in row_ids)]
            if len(having) == 1:
                return having[0]
            if having:
                found = ", ".join(sorted(p.model.meta.id for p in having))
                raise UsageError(
                    f"raden {', '.join(row_ids)} finns i flera planer; välj en med --plan ({found})"
                )
        raise UsageError(f"det finns flera planer; välj en med --plan ({ids})")

    def require_plans(self) -> tuple[Loaded[Plan], ...]:
        """Every plan, or a clear error when the data directory has none."""
        if not self.plans:
            raise no_plans(self.root)
        return self.plans

    def require_catalogue(self) -> Catalogue:
        """The catalogue, or a clear error when the data directory has none."""
        if self.catalogue is None:
            raise no_catalogue(self.root)
        return self.catalogue.model


def _has_row(plan: Plan, typed: str) -> bool:
    try:
        match_row(plan, typed)
    except UsageError:
        return False
    return True


def no_plans(root: Path | None) -> InputError:
    """The error for a data directory without any plan."""
    where = f" i {root}" if root else ""
    return InputError(f"ingen plan hittades{where} (en YAML-fil med 'plan:' överst)")


def no_catalogue(root: Path | None) -> InputError:
    """The error for a data directory without the catalogue."""
    where = f" i {root}" if root else ""
    return InputError(f"ingen katalog hittades{where} (en YAML-fil med 'katalog:' överst)")


def data_error(errors: tuple[Problem, ...]) -> DataError:
    return DataError(
        f"datafilerna har {len(errors)} fel; rätta dem (se 'planctl validate')", problems=errors
    )


def find_data_dir(*, explicit: Path | None, env: str | None, cwd: Path) -> Path:
    """The data directory: ``explicit``, else ``env``, else ``./data`` from ``cwd`` upwards."""
    if explicit is not None or env:
        chosen = explicit if explicit is not None else Path(env or "")
        if not chosen.is_dir():
            origin = "--data-dir" if explicit is not None else "PLANCTL_DATA"
            raise InputError(f"datakatalogen {chosen} ({origin}) finns inte eller är ingen katalog")
        return chosen
    looked: list[str] = []
    for folder in (cwd, *cwd.parents):
        candidate = folder / DATA_DIR_NAME
        looked.append(str(candidate))
        if candidate.is_dir():
            return candidate
    raise InputError(
        "hittade ingen datakatalog; ange --data-dir eller PLANCTL_DATA. Letade efter: "
        + ", ".join(looked[:6])
        + (" …" if len(looked) > 6 else "")
    )


def load_files(
    paths: list[Path],
    *,
    today: dt.date,
    base: Path | None = None,
    root: Path | None = None,
    extra_catalogue: Path | None = None,
    overrides: Mapping[Path, str] | None = None,
    preloaded: Loaded[Catalogue] | None = None,
    now: dt.datetime | None = None,
) -> DataSet:
    """Read, validate and cross-check ``paths``; every problem is in the result.

    ``overrides`` maps files to texts that replace their content on disk: the same rules then
    check a change that has not been written yet. ``preloaded`` is a catalogue already read,
    used when ``paths`` hold none. With ``now`` (the instant the CLI read), a plan that names
    its own time zone (``tidszon``) is checked against its own "today" instead of ``today``.
    """
    with paused_gc():
        return _load_files(
            paths,
            today=today,
            now=now,
            base=base,
            root=root,
            extra_catalogue=extra_catalogue,
            overrides=overrides,
            preloaded=preloaded,
        )


def _load_files(
    paths: list[Path],
    *,
    today: dt.date,
    base: Path | None,
    root: Path | None,
    extra_catalogue: Path | None,
    overrides: Mapping[Path, str] | None,
    preloaded: Loaded[Catalogue] | None = None,
    now: dt.datetime | None = None,
) -> DataSet:
    problems: list[Problem] = []
    catalogue: Loaded[Catalogue] | None = None
    plans: list[Loaded[Plan]] = []
    failed_plans: list[Document] = []
    shown: list[str] = []
    replaced = {real_path(p): text for p, text in (overrides or {}).items()}
    for path in paths:
        doc = read_document_file(path, base=base, text=replaced.get(real_path(path)))
        shown.append(doc.file)
        problems.extend(doc.problems)
        kind = kind_of(doc)
        if kind is None:
            if doc.data is None and not doc.problems:
                problems.append(doc.problem(doc.locate(()), "empty-file", "filen är tom"))
            elif doc.data is not None:
                problems.append(
                    doc.problem(
                        doc.locate(()),
                        "unknown-file-kind",
                        "filen är varken en katalog ('katalog:' överst) "
                        "eller en plan ('plan:' överst)",
                    )
                )
            continue
        model, found = validate_document(doc, kind)
        problems.extend(found)
        if model is None:
            if kind is Plan:
                failed_plans.append(doc)
            continue
        # Prose checks read the raw tree (with its Swedish keys); after them the model holds
        # the values, and dropping the tree halves the memory of a national directory.
        problems.extend(check_text(doc))
        doc.data = None
        if isinstance(model, Catalogue):
            if catalogue is not None:
                problems.append(
                    doc.problem(
                        doc.locate(()),
                        "duplicate-catalogue",
                        f"det finns redan en katalog ({catalogue.doc.file}); bara en är tillåten",
                    )
                )
                continue
            catalogue = Loaded(model, doc, path)
        else:
            plans.append(Loaded(model, doc, path))
    if catalogue is None and preloaded is not None:
        catalogue = preloaded
    if catalogue is None and extra_catalogue is not None:
        doc = read_document_file(extra_catalogue, base=base)
        cat_model, _ = validate_document(doc, Catalogue)
        if cat_model is not None and not any(p.severity is Severity.ERROR for p in doc.problems):
            catalogue = Loaded(cat_model, doc, extra_catalogue)
    if catalogue is not None and catalogue.doc.file in shown:
        problems.extend(check_catalogue(catalogue))
    for failed in failed_plans:
        problems.extend(
            check_partial_plan(
                failed, catalogue, today_of=lambda p: plan_today(p, today=today, now=now)
            )
        )
    seen_ids: dict[str, Loaded[Plan]] = {}
    for loaded in plans:
        own = plan_today(loaded.model, today=today, now=now)
        problems.extend(check_plan(loaded, catalogue, today=own))
        earlier = seen_ids.get(loaded.model.meta.id)
        if earlier is not None:
            problems.append(
                loaded.doc.problem(
                    loaded.doc.locate(("plan", "id")),
                    "duplicate-id",
                    f"planens id '{loaded.model.meta.id}' används redan av {earlier.doc.file}",
                )
            )
        seen_ids.setdefault(loaded.model.meta.id, loaded)
    return DataSet(
        root=root,
        catalogue=catalogue,
        plans=tuple(plans),
        problems=tuple(sorted(set(problems), key=problem_order)),
        files=tuple(shown),
    )


def problem_order(problem: Problem) -> tuple[str, int, int, str, str]:
    return (problem.file, problem.line, problem.column, problem.rule, problem.message)


def data_dir_files(root: Path, *, base: Path | None = None) -> list[Path]:
    """The YAML files of a data directory; an empty directory is an :class:`InputError`."""
    files = yaml_files(root)
    if not files:
        raise InputError(f"datakatalogen {display_path(root, base)} innehåller inga YAML-filer")
    return files


def load_data_dir(
    root: Path,
    *,
    now: dt.datetime | None = None,
    today: dt.date,
    base: Path | None = None,
    overrides: Mapping[Path, str] | None = None,
    plan_id: str | None = None,
) -> DataSet:
    """Read the YAML files of a data directory (``overrides`` as in :func:`load_files`).

    With ``plan_id``, only the catalogue and the file of that plan are read when they can be
    told apart cheaply: a command on one plan of a regional directory neither waits for nor
    fails on the others (``validate`` still reads everything).
    """
    files = data_dir_files(root, base=base)
    if plan_id is not None:
        files = _files_for_plan(files, plan_id) or files
    return load_files(files, today=today, now=now, base=base, root=root, overrides=overrides)


_CATALOGUE_TOP = re.compile(r"^katalog:", re.MULTILINE)
_PLAN_TOP = re.compile(r"^plan:", re.MULTILINE)
_PLAN_TOP_ID = re.compile(
    r"^plan:[ \t]*(?:#[^\n]*)?\r?\n(?:[ \t]*(?:#[^\n]*)?\r?\n|[ \t]+(?!id:)[^\n]*\n)*?"
    r"[ \t]+id:[ \t]*[\"']?([^\"'\s#]+)",
    re.MULTILINE,
)


def _files_for_plan(files: list[Path], plan_id: str) -> list[Path] | None:
    """The catalogue and the one file whose ``plan.id`` is ``plan_id``; None when unsure."""
    keep: list[Path] = []
    matches = 0
    for path in files:
        text = read_head(path)
        if text is None:
            return None
        if _CATALOGUE_TOP.search(text):
            keep.append(path)
            continue
        found = _PLAN_TOP_ID.search(text)
        if found is None:
            return None  # an unusual file: let the full read report on it
        if found.group(1) == plan_id:
            keep.append(path)
            matches += 1
    return keep if matches == 1 else None


def expand_paths(paths: list[Path], *, base: Path | None = None) -> list[Path]:
    """Files as given, with each directory replaced by the YAML files directly in it."""
    out: list[Path] = []
    for path in paths:
        out.extend(data_dir_files(path, base=base) if path.is_dir() else [path])
    return list(dict.fromkeys(out))


def catalogue_for(files: list[Path], *, data_root: Path | None) -> Path | None:
    """The catalogue to check loose files against: the data directory's, else one beside them.

    A repository that keeps its plans in another folder than ``data/`` (with the catalogue next
    to them) is checked as fully as the standard layout, e.g. from a pre-commit hook.
    """
    if data_root is not None:
        found = catalogue_file(data_root)
        if found is not None:
            return found
    for folder in dict.fromkeys(path.parent for path in files):
        found = catalogue_file(folder)
        if found is not None:
            return found
    return None


def is_data_file(path: Path, *, data_root: Path | None) -> bool:
    """Whether planctl reads ``path`` as data: a plan or catalogue anywhere, or any file in
    ``data_root`` (or a folder below it) or in a folder holding a catalogue (links followed, and
    the link itself)."""
    root = real_path(data_root) if data_root is not None else None
    for candidate in dict.fromkeys((path, real_path(path))):
        folder = real_path(candidate.parent)
        if root is not None and (folder == root or root in folder.parents):
            return True
        if catalogue_file(folder) is not None:
            return True
        head = read_head(candidate) if candidate.suffix in YAML_SUFFIXES else None
        if head is not None and (_CATALOGUE_TOP.search(head) or _PLAN_TOP.search(head)):
            return True
    return False


def catalogue_file(root: Path) -> Path | None:
    """The catalogue file of a data directory, by convention ``measures.yaml``."""
    for name in ("measures.yaml", "measures.yml"):
        if (root / name).is_file():
            return root / name
    return None


def is_catalogue_file(path: Path) -> bool:
    """Whether ``path`` starts like a catalogue (``katalog:`` near the top); False if unreadable."""
    head = read_head(path)
    return head is not None and bool(_CATALOGUE_TOP.search(head))
