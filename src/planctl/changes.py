"""What changed in the plans between two git revisions, as data for a pull-request comment.

Plans are matched by their id, rows by theirs. A row's history only ever grows, so what a pull
request records is the history entries the base did not have. Each is classified: a real status
change, a confirmation (reviewed, unchanged), a note, or a correction of an earlier entry
(``rättar``). A history that was edited instead of extended is reported too, since reviewers must
notice it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from planctl import gitrev, rounds
from planctl.documents import (
    MAX_FILE_BYTES,
    YAML_SUFFIXES,
    kind_of,
    read_document_file,
    too_large,
    validate_document,
    yaml_files,
)
from planctl.entries import EntryKind as EntryKind  # re-exported: readers of changes use it
from planctl.entries import entry_kind
from planctl.errors import DataError, Problem, Severity, UsageError
from planctl.models import Plan, Row
from planctl.yamlerrors import decode
from planctl.yamlio import Document, read_document

# The row fields a reviewer reads, with their Swedish keys: a change in any is a rewording.
_ROW_FIELDS: tuple[tuple[str, str], ...] = (
    ("proposal", "förslag"),
    ("details", "detaljer"),
    ("owners", "ansvar"),
    ("start", "start"),
    ("end", "slut"),
)


def _field_text(row: Row, name: str) -> str | None:
    """A reviewed field as text; several owners are one comma-separated text."""
    value = getattr(row, name)
    if isinstance(value, tuple):
        return ", ".join(value) or None
    return value if isinstance(value, str) else None


@dataclass(frozen=True)
class FieldChange:
    """One field of a row, before and after (``None`` when absent)."""

    key: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class RowChange:
    """A row whose wording changed."""

    row_id: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class StatusChange:
    """A history entry that is new in the head revision: the status went from ``old`` to ``new``.

    Statuses are as written in the plan; ``old`` is ``None`` when the row had not been followed up.
    ``round`` is the round the entry belongs to by the one rule of :mod:`planctl.rounds`; for a
    correction ``old`` is the corrected entry's status and ``corrects`` its number.
    """

    row_id: str
    proposal: str
    old: str | None
    new: str
    date: dt.date
    note: str | None
    by: str | None
    round: str | None
    kind: EntryKind = EntryKind.CHANGE
    corrects: int | None = None


@dataclass(frozen=True)
class PlanChanges:
    """Everything that changed in one plan, including whether it is new or gone."""

    plan_id: str
    title: str
    base_missing: bool
    head_missing: bool
    added: tuple[Row, ...]
    removed: tuple[Row, ...]
    reworded: tuple[RowChange, ...]
    statuses: tuple[StatusChange, ...]
    history_rewritten: tuple[str, ...]

    def entries(self, kind: EntryKind) -> tuple[StatusChange, ...]:
        """The new entries of one kind, in row order."""
        return tuple(c for c in self.statuses if c.kind is kind)

    @property
    def empty(self) -> bool:
        """Whether nothing a reviewer cares about changed."""
        return not (
            self.base_missing
            or self.head_missing
            or self.added
            or self.removed
            or self.reworded
            or self.statuses
            or self.history_rewritten
        )


@dataclass(frozen=True)
class ChangeReport:
    """The changes of every plan between two revisions, with how to name the revisions."""

    base: str
    head: str
    plans: tuple[PlanChanges, ...]


def _status_changes(plan: Plan, row: Row, first_new: int) -> list[StatusChange]:
    """The entries of ``row`` from number ``first_new`` on, each classified (see EntryKind)."""
    before: dict[int, str | None] = {}
    previous: str | None = None
    for counted in rounds.counted(plan, row.history):
        before[counted.number] = previous
        previous = counted.entry.status
    changes: list[StatusChange] = []
    for number, entry in enumerate(row.history, 1):
        if number < first_new:
            continue
        belongs = rounds.round_for(plan, entry.date, entry.round)
        corrects = entry.corrects
        if corrects is not None and corrects >= number:
            corrects = None  # names no earlier entry: validation reports it
        old: str | None
        old = row.history[corrects - 1].status if corrects else before.get(number, previous)
        kind = entry_kind(old, entry.status, noted=entry.note is not None, corrects=corrects)
        changes.append(
            StatusChange(
                row_id=row.id,
                proposal=row.proposal,
                old=old,
                new=entry.status,
                date=entry.date,
                note=entry.note,
                by=entry.by,
                round=belongs.id if belongs else entry.round,
                kind=kind,
                corrects=corrects,
            )
        )
    return changes


def compare_plans(base: Plan | None, head: Plan | None) -> PlanChanges:
    """The changes from ``base`` to ``head`` (either may be missing, but not both)."""
    either = head or base
    assert either is not None, "compare_plans needs at least one plan"
    base_rows = {r.id: r for r in base.rows} if base else {}
    head_rows = {r.id: r for r in head.rows} if head else {}
    added = tuple(r for r in (head.rows if head else ()) if r.id not in base_rows)
    removed = tuple(r for r in (base.rows if base else ()) if r.id not in head_rows)
    reworded: list[RowChange] = []
    statuses: list[StatusChange] = []
    rewritten: list[str] = []
    for row in head.rows if head is not None else ():
        old = base_rows.get(row.id)
        assert head is not None  # rows come from it
        if old is None:
            statuses += _status_changes(head, row, 1)
            continue
        fields = tuple(
            FieldChange(key, _field_text(old, name), _field_text(row, name))
            for name, key in _ROW_FIELDS
            if _field_text(old, name) != _field_text(row, name)
        )
        if fields:
            reworded.append(RowChange(row.id, fields))
        kept = 0
        while (
            kept < min(len(old.history), len(row.history))
            and old.history[kept] == row.history[kept]
        ):
            kept += 1
        if kept < len(old.history):
            rewritten.append(row.id)
        statuses += _status_changes(head, row, kept + 1)
    return PlanChanges(
        plan_id=either.meta.id,
        title=f"{either.meta.organisation}: {either.meta.title}",
        base_missing=base is None,
        head_missing=head is None,
        added=added,
        removed=removed,
        reworded=tuple(reworded),
        statuses=tuple(statuses),
        history_rewritten=tuple(rewritten),
    )


def _plan_of(doc: Document) -> tuple[Plan | None, list[Problem]]:
    if kind_of(doc) is not Plan:
        return None, list(doc.problems)
    plan, problems = validate_document(doc, Plan)
    return plan, [*doc.problems, *problems]


def _refuse(problems: list[Problem], where: str) -> None:
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        raise DataError(f"planen {where} har fel och kan inte jämföras", problems=tuple(errors))


def plans_at_commit(
    commit: str, folder: PurePosixPath, *, root: Path, label: str
) -> dict[str, Plan]:
    """The plans in ``folder`` at ``commit``, by id; files named ``label:path`` in problems."""
    plans: dict[str, Plan] = {}
    for path in gitrev.files_at(commit, folder, root=root):
        if path.suffix not in YAML_SUFFIXES:
            continue
        shown = f"{label}:{path.as_posix()}"
        size = gitrev.size_at(commit, path, root=root)
        if size > MAX_FILE_BYTES:  # the same cap as every read from disk
            doc = Document(file=shown, text="")
            _refuse([doc.problem(doc.locate(()), "file-too-large", too_large(size))], shown)
        text, problems = decode(gitrev.read_at(commit, path, root=root), shown)
        doc = read_document(text, shown) if text else Document(file=shown, text="")
        plan, found = _plan_of(doc)
        _refuse([*problems, *found], f"i {shown}")
        if plan is not None:
            plans[plan.meta.id] = plan
    return plans


def plans_on_disk(folder: Path, *, base: Path | None) -> dict[str, Plan]:
    """The plans in the working tree's ``folder``, by id."""
    plans: dict[str, Plan] = {}
    for path in yaml_files(folder):
        doc = read_document_file(path, base=base)
        plan, found = _plan_of(doc)
        _refuse(found, f"i {doc.file}")
        if plan is not None:
            plans[plan.meta.id] = plan
    return plans


def changes_between(
    data_dir: Path, base_rev: str, head_rev: str | None, *, cwd: Path | None = None
) -> ChangeReport:
    """Compare the plans in ``data_dir`` at ``base_rev`` with ``head_rev`` (None: working tree)."""
    root = gitrev.repo_root(data_dir)
    try:
        folder = PurePosixPath(data_dir.resolve().relative_to(root.resolve()).as_posix())
    except ValueError:
        raise UsageError(f"datakatalogen {data_dir} ligger inte i git-arkivet {root}") from None
    if folder == PurePosixPath("."):
        folder = PurePosixPath()
    base_commit = gitrev.resolve(base_rev, root=root)
    base_label = f"{base_rev} ({base_commit[:7]})" if base_rev != base_commit else base_commit[:7]
    before = plans_at_commit(base_commit, folder, root=root, label=base_rev)
    if head_rev is None:
        head_label = "arbetskopian"
        after = plans_on_disk(data_dir, base=cwd)
    else:
        head_commit = gitrev.resolve(head_rev, root=root)
        head_label = (
            f"{head_rev} ({head_commit[:7]})" if head_rev != head_commit else head_commit[:7]
        )
        after = plans_at_commit(head_commit, folder, root=root, label=head_rev)
    ids = [*after, *(i for i in before if i not in after)]
    return ChangeReport(
        base=base_label,
        head=head_label,
        plans=tuple(compare_plans(before.get(i), after.get(i)) for i in ids),
    )
