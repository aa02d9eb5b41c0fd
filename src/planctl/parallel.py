"""Checking many files on every core: ``validate`` and ``summary`` over a whole directory.

The catalogue is read once per worker; each plan is then read, checked against it and let go, so
memory stays at about one plan per process however large the directory is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planctl.documents import Loaded, read_document_file
from planctl.errors import PlanctlError, Problem, Severity
from planctl.models import Catalogue, Plan
from planctl.store import (
    catalogue_for,
    data_dir_files,
    data_error,
    expand_paths,
    is_catalogue_file,
    load_files,
    problem_order,
)

PARALLEL_MIN_FILES = 40


@dataclass(frozen=True)
class CheckResult:
    """Every file read and every problem, without the plan models (which stay in the workers).

    ``catalogue`` is the catalogue model when one was read; ``results`` holds what ``each_plan``
    returned for every valid plan, in file order (only when no file has an error).
    """

    files: tuple[str, ...]
    problems: tuple[Problem, ...]
    catalogue: Catalogue | None = None
    results: tuple[Any, ...] = ()

    def require_valid(self) -> CheckResult:
        """Raise :class:`DataError` listing every error, as :meth:`DataSet.require_valid` does."""
        errors = tuple(p for p in self.problems if p.severity is Severity.ERROR)
        if errors:
            raise data_error(errors)
        return self


def check_paths(
    paths: list[Path],
    *,
    today: dt.date,
    base: Path | None = None,
    root: Path | None = None,
    extra_catalogue: Path | None = None,
    jobs: int = 1,
    each_plan: Callable[[Plan], Any] | None = None,
    now: dt.datetime | None = None,
) -> CheckResult:
    """Every problem in ``paths``, file by file, using up to ``jobs`` processes.

    The catalogue is read once; then each plan is read, checked against it and let go, so memory
    stays at about one plan per process whatever the directory's size. The problems are the
    same :func:`load_files` finds (a test holds that). ``each_plan`` (a picklable function) is
    applied to every plan where it was read, so a command over all plans (``summary``) gets
    small results back instead of the models.
    """
    catalogues = [p for p in paths if is_catalogue_file(p)]
    if len(catalogues) > 1:  # let one pass see them all and report the duplicate
        data = load_files(
            paths, today=today, now=now, base=base, root=root, extra_catalogue=extra_catalogue
        )
        each = tuple(each_plan(p.model) for p in data.plans) if each_plan else ()
        model = data.catalogue.model if data.catalogue else None
        return CheckResult(data.files, data.problems, model, () if data.errors else each)
    shared = catalogues[0] if catalogues else extra_catalogue
    plans = [p for p in paths if p not in catalogues]
    parallel = jobs >= 2 and len(paths) >= PARALLEL_MIN_FILES
    chunks = [plans[i::jobs] for i in range(jobs)] if parallel else [plans]
    tasks = [(chunk, today, now, base, root, shared, catalogues, each_plan) for chunk in chunks]
    results: list[_ChunkResult]
    if parallel:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            results = list(pool.map(_check_chunk, tasks))
    else:
        results = [_check_chunk(task) for task in tasks]
    problems: set[Problem] = set()
    shown: dict[str, str] = {}
    catalogue: Catalogue | None = None
    by_file: dict[str, Any] = {}
    all_ids: list[tuple[str, str, str]] = []
    for files, found, plan_ids, cat, outputs in results:
        problems.update(found)
        shown.update(files)
        catalogue = catalogue or cat
        by_file.update(outputs)
        all_ids.extend(plan_ids)
    order = {str(path): index for index, path in enumerate(paths)}
    owners: dict[str, str] = {}
    for plan_id, name, path in sorted(all_ids, key=lambda item: order[item[2]]):
        earlier = owners.setdefault(plan_id, name)
        if earlier != name:
            doc = read_document_file(Path(path), base=base)
            problems.add(
                doc.problem(
                    doc.locate(("plan", "id")),
                    "duplicate-id",
                    f"planens id '{plan_id}' används redan av {earlier}",
                )
            )
    ordered = sorted(problems, key=problem_order)
    clean = not any(p.severity is Severity.ERROR for p in ordered)
    return CheckResult(
        tuple(shown[str(p)] for p in paths),
        tuple(ordered),
        catalogue,
        tuple(by_file[str(p)] for p in paths if str(p) in by_file) if clean else (),
    )


_ChunkTask = tuple[
    list[Path],
    dt.date,
    dt.datetime | None,
    Path | None,
    Path | None,
    Path | None,
    list[Path],
    Callable[[Plan], Any] | None,
]
_ChunkResult = tuple[
    dict[str, str], list[Problem], list[tuple[str, str, str]], Catalogue | None, dict[str, Any]
]


def _check_chunk(task: _ChunkTask) -> _ChunkResult:
    """Check one share of the plans, one file at a time, against the shared catalogue."""
    chunk, today, now, base, root, catalogue_path, catalogue_files, each_plan = task
    shown: dict[str, str] = {}
    problems: list[Problem] = []
    catalogue: Loaded[Catalogue] | None = None
    if catalogue_path is not None:
        # Every worker reads the catalogue (a listed one is checked too; the problems of the
        # workers are merged as a set, so each is reported once).
        listed = catalogue_path in catalogue_files
        data = load_files(
            [catalogue_path] if listed else [],
            today=today,
            base=base,
            root=root,
            extra_catalogue=catalogue_path,
        )
        catalogue = data.catalogue
        problems.extend(data.problems)
        if listed:
            shown[str(catalogue_path)] = data.files[0]
    ids: list[tuple[str, str, str]] = []
    outputs: dict[str, Any] = {}
    for path in chunk:
        data = load_files([path], today=today, now=now, base=base, root=root, preloaded=catalogue)
        shown[str(path)] = data.files[0]
        problems.extend(data.problems)
        for loaded in data.plans:
            ids.append((loaded.model.meta.id, loaded.doc.file, str(path)))
            if each_plan is not None:
                outputs[str(path)] = each_plan(loaded.model)
    return shown, problems, ids, catalogue.model if catalogue else None, outputs


def check_selection(
    files: list[Path],
    *,
    data_root: Callable[[], Path],
    today: dt.date,
    base: Path | None = None,
    jobs: int = 1,
    now: dt.datetime | None = None,
) -> CheckResult:
    """What ``validate`` checks: ``files`` (directories expanded), or the whole data directory.

    Loose files are checked against the data directory's catalogue when there is one, else a
    catalogue beside them (:func:`planctl.store.catalogue_for`); without ``files`` every YAML file
    of ``data_root()`` is. ``data_root`` raises (exit 2) when no data directory is found; with
    ``files`` that is not an error.
    """
    if not files:
        root = data_root()
        return check_paths(
            data_dir_files(root, base=base), today=today, now=now, base=base, root=root, jobs=jobs
        )
    try:
        found: Path | None = data_root()
    except PlanctlError:
        found = None
    paths = expand_paths(files, base=base)
    return check_paths(
        paths,
        today=today,
        now=now,
        base=base,
        extra_catalogue=catalogue_for(paths, data_root=found),
        jobs=jobs,
    )
