"""Recording status changes: the rules for appending to a row's history, and writing them safely.

A row's history only grows. A new entry may not be dated in the future or before the row's last
entry (one for an earlier round is recorded afterwards: :mod:`~planctl.writing.dating`); setting
the status a row already has is a new observation only when it carries a note, otherwise it
changes nothing. The follow-up round defaults to the plan's round that the date falls in or
before.

:func:`update_plan` is the one way planctl writes a plan: under the file's lock it computes the
changes from the current file, adds their lines (:mod:`planctl.yamledit`), checks the new text with
every rule ``planctl validate`` applies, checks that the new plan is the old one plus exactly the
new entries, and replaces the file atomically (:mod:`~planctl.writing.savefile`). Anything wrong,
and the file is left byte for byte as it was. Measured values (:mod:`planctl.indicators`) are
appended to a row's ``mätningar`` through the same function.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from planctl import dates, textgate
from planctl.documents import Loaded
from planctl.errors import ConflictError, DataError, UsageError
from planctl.models import (
    Assessment,
    Catalogue,
    HistoryEntry,
    Measurement,
    Plan,
    Round,
    Row,
    Status,
    Target,
)
from planctl.query import fold, match_round, match_row, match_status
from planctl.rounds import at_round, date_beyond_round, date_for_round, has_entry_for
from planctl.store import DataSet, load_data_dir
from planctl.writing import dating, savefile
from planctl.writing.dating import afterwards_day, afterwards_notice, date_conflict
from planctl.writing.items import assessment_item, entry_item, measurement_item
from planctl.writing.yamledit import (
    Append,
    EditError,
    append_items,
    unified_diff,
)

ROWS_KEY = "åtgärder"
HISTORY_KEY = "historik"
MEASUREMENTS_KEY = "mätningar"
ASSESSMENTS_KEY = "bedömningar"


@dataclass(frozen=True)
class StatusRequest:
    """What ``status set`` was asked to record.

    ``round_id=None`` lets the date choose the round; ``date=None`` lets the round choose the date
    (its date if it has passed, else today), or means today without a round.
    """

    ids: tuple[str, ...]
    status: str  # as typed; matched against the plan's scale by :func:`prepare_status`
    date: dt.date | None
    note: str | None = None
    by: str | None = None
    round_id: str | None = None


@dataclass(frozen=True)
class Change:
    """One entry to append to one row, with the status the row had before (``None``: the row had
    not been followed up)."""

    row_id: str
    previous: Status | None
    status: Status
    entry: HistoryEntry


@dataclass(frozen=True)
class Measured:
    """One measurement to append to one row, with the target it measures."""

    row_id: str
    entry: Measurement
    target: Target


@dataclass(frozen=True)
class Prepared:
    """The entries to write and what the user should be told about the choices made.

    ``changes`` go to the rows' status history, ``measurements`` to their ``mätningar``,
    ``assessments`` to the plan's ``bedömningar``.
    """

    changes: tuple[Change, ...]
    notices: tuple[str, ...] = ()
    measurements: tuple[Measured, ...] = ()
    assessments: tuple[Assessment, ...] = ()


@dataclass(frozen=True)
class Outcome:
    """What :func:`update_plan` did: the file, the changes, the diff, whether it was written."""

    file: str
    changes: tuple[Change, ...]
    notices: tuple[str, ...]
    diff: str
    written: bool
    measurements: tuple[Measured, ...] = ()
    assessments: tuple[Assessment, ...] = ()


# --- reading what the user typed ---------------------------------------------------------------

_NEGATIONS = frozenset({"ej", "inte", "not"})


def split_arguments(args: Sequence[str]) -> tuple[tuple[str, ...], str]:
    """The row ids and the status (as typed) of ``ID [ID…] STATUS``.

    ``ej påbörjat`` typed without quotes arrives as two words and is read as one status.
    """
    words = [a for a in args if a.strip()]
    if len(words) >= 3 and fold(words[-2]) in _NEGATIONS:
        words[-2:] = [f"{words[-2]} {words[-1]}"]
    if len(words) < 2:
        raise UsageError(
            "ange minst ett radid och en status, t.ex. 'planctl status set LB-1 påbörjat'"
        )
    return tuple(words[:-1]), words[-1]


def parse_date(typed: str) -> dt.date:
    """A date written ``ÅÅÅÅ-MM-DD`` (:func:`planctl.dates.parse_date`)."""
    return dates.parse_date(typed)


def text_option(name: str, value: str | None) -> str | None:
    """A note or role as typed, through the input gate and without surrounding space.

    A blank one, or one with a control character (:mod:`planctl.textgate`), is refused (exit 2):
    what ``validate`` would refuse in the file is never written to it.
    """
    if value is None:
        return None
    if not value.strip():
        raise UsageError(f"{name} får inte vara tom")
    return textgate.argument(name, value.strip())


# --- the rules -----------------------------------------------------------------------------------


def default_round(plan: Plan, day: dt.date) -> Round | None:
    """The round ``day`` falls in (same month) or before; ``None`` when it is after them all."""
    for candidate in sorted(plan.rounds, key=lambda r: r.date):
        if day <= candidate.date or (day.year, day.month) == (
            candidate.date.year,
            candidate.date.month,
        ):
            return candidate
    return None


def check_date(day: dt.date, *, today: dt.date, plan: Plan | None = None) -> None:
    """Refuse a date in the future, or before ``plan`` was delivered (:func:`dates.check_date`)."""
    delivered = plan.meta.delivered_date if plan is not None else None
    dates.check_date(day, today=today, delivered=delivered)


def change_for(
    plan: Plan,
    row: Row,
    status: Status,
    *,
    date: dt.date,
    note: str | None = None,
    by: str | None = None,
    round_id: str | None = None,
    confirm: bool = False,
    corrects: int | None = None,
) -> Change | None:
    """The entry recording ``status`` for ``row``, or ``None`` when it would change nothing.

    The entry names the status by its name in the plan's scale. The same status without a note
    changes nothing unless ``confirm`` (see :func:`confirms`) or the entry is a correction
    (``corrects``: the number of the entry it corrects). "The same" is the status at the entry's
    round (:func:`status_for_round`), which is also the change's ``previous``.
    """
    conflict = date_conflict(row, date)
    if conflict is not None:
        raise UsageError(conflict)
    current = status_for_round(plan, row, round_id)
    if status == current and note is None and not confirm and corrects is None:
        return None
    entry = HistoryEntry.model_validate(
        {
            "datum": date.isoformat(),
            "status": status.name,
            "notering": note,
            "av": by,
            "uppföljning": round_id,
            "rättar": corrects,
        }
    )
    return Change(row.id, current, status, entry)


def status_for_round(plan: Plan, row: Row, round_id: str | None) -> Status | None:
    """``row``'s status at ``round_id`` (the one rule of :mod:`planctl.rounds`), or its current
    status without a round: what an entry for that round confirms or changes."""
    if round_id is None or plan.round(round_id) is None:
        return plan.status_on(row)
    found = at_round(plan, row.history, round_id)
    return plan.status_written(found.entry.status) if found is not None else None


def confirms(plan: Plan, row: Row, round_id: str | None) -> bool:
    """Whether recording ``row``'s current status for ``round_id`` is an answer, not a repeat.

    A row reviewed at a round and found unchanged has been followed up: the first entry for that
    round may repeat the status (a confirmation). A second one without a note changes nothing.
    """
    return round_id is not None and not has_entry_for(plan, row.history, round_id)


def unchanged_notice(row: Row, status: Status, round_id: str | None = None) -> str:
    """What to say when a row already has the status asked for and no note came with it."""
    already = f" och en post för uppföljning {round_id}" if round_id is not None else ""
    return (
        f"{row.id}: har redan status {status.name}{already} – ingen ändring "
        "(lägg till --note för att registrera en ny iakttagelse)"
    )


def prepare_status(plan: Plan, request: StatusRequest, *, today: dt.date) -> Prepared:
    """The changes ``status set`` makes to ``plan``; usage errors for anything it refuses.

    With ``--round R`` and no date the entries are dated on R's date if it has passed, else
    today; a row whose last entry is later than that is recorded afterwards, dated today
    (:mod:`planctl.writing.dating`). A date given on or after the next round's date is refused
    for R (:func:`planctl.rounds.date_beyond_round`), one before a row's last entry too. The
    first entry of a round may repeat a row's status at the round without a note: a
    confirmation.
    """
    status = match_status(plan, request.status)
    note = text_option("--note", request.note)
    by = text_option("--by", request.by)
    rows: list[Row] = []
    for typed in request.ids:
        row = match_row(plan, typed)
        if row in rows:
            raise UsageError(f"raden {row.id} anges mer än en gång")
        rows.append(row)
    notices: list[str] = []
    if request.round_id is not None:
        tagged = match_round(plan, request.round_id)
        round_id: str | None = tagged.id
        day = request.date if request.date is not None else date_for_round(tagged, today=today)
        check_date(day, today=today, plan=plan)
        beyond = date_beyond_round(plan, tagged.id, day)
        if beyond is not None:
            tagged_day = date_for_round(tagged, today=today)
            if rows and all(afterwards_day(r, tagged_day, today=today) for r in rows):
                beyond += (  # an earlier date would come before the rows' later entries
                    f"; utan --date registreras posten i efterhand för {tagged.id}, daterad {today}"
                )
            raise UsageError(beyond)
    else:
        day = request.date if request.date is not None else today
        check_date(day, today=today, plan=plan)
        chosen = default_round(plan, day)
        round_id = chosen.id if chosen else None
        if chosen is not None:
            notices.append(
                f"uppföljning {chosen.id} ({chosen.name}) vald utifrån datumet {day}; "
                "ange --round för en annan"
            )
        elif plan.rounds:
            last = max(plan.rounds, key=lambda r: r.date)
            notices.append(
                f"ingen uppföljning vald: datumet {day} ligger efter planens sista "
                f"omgång ({last.id}); ange --round för att koppla posten till en omgång"
            )
    days = {row.id: day for row in rows}
    if request.round_id is not None and request.date is None and round_id is not None:
        for row in rows:  # skipped at the round, followed up later: recorded afterwards
            late = afterwards_day(row, day, today=today)
            if late is not None:
                days[row.id] = late
                notices.append(afterwards_notice(row, round_id, late))
    conflicting = [row for row in rows if date_conflict(row, days[row.id]) is not None]
    conflicts = [c for c in (date_conflict(row, days[row.id]) for row in rows) if c]
    if conflicts and request.round_id is not None and request.date is not None:
        tagged_day = date_for_round(match_round(plan, request.round_id), today=today)
        backfilled = [r for r in conflicting if afterwards_day(r, tagged_day, today=today)]
        if backfilled:
            conflicts.append(
                f"utan --date registreras posten i efterhand för {round_id}, daterad {today}"
            )
        elif all(date_conflict(r, tagged_day) is None for r in conflicting):
            conflicts.append(f"utan --date dateras posten {tagged_day}")
    if conflicts:
        raise UsageError("; ".join(conflicts))
    changes: list[Change] = []
    for row in rows:
        change = change_for(
            plan,
            row,
            status,
            date=days[row.id],
            note=note,
            by=by,
            round_id=round_id,
            confirm=confirms(plan, row, round_id),
        )
        if change is None:
            notices.append(unchanged_notice(row, status, round_id))
        else:
            changes.append(change)
            if days[row.id] == day:  # one recorded afterwards has said so already
                notices += dating.standing_notice(plan, row, change.entry)
    return Prepared(tuple(changes), tuple(notices))


# --- turning changes into text -------------------------------------------------------------------


def apply_changes(
    loaded: Loaded[Plan],
    changes: Sequence[Change],
    measurements: Sequence[Measured] = (),
    assessments: Sequence[Assessment] = (),
) -> str:
    """The plan file's text with the new entries added as lines (nothing else changes)."""
    index = {row.id: position for position, row in enumerate(loaded.model.rows)}
    appends = [
        Append((ROWS_KEY, index[change.row_id]), HISTORY_KEY, (entry_item(change.entry),))
        for change in changes
    ]
    appends += [
        Append((ROWS_KEY, index[m.row_id]), MEASUREMENTS_KEY, (measurement_item(m.entry),))
        for m in measurements
    ]
    if assessments:
        appends.append(Append((), ASSESSMENTS_KEY, tuple(assessment_item(a) for a in assessments)))
    return append_items(loaded.doc, appends)


def expected_plan(
    plan: Plan,
    changes: Sequence[Change],
    measurements: Sequence[Measured] = (),
    assessments: Sequence[Assessment] = (),
) -> Plan:
    """``plan`` with the new entries appended: what the new file must read as."""
    added: dict[str, list[HistoryEntry]] = {}
    for change in changes:
        added.setdefault(change.row_id, []).append(change.entry)
    measured: dict[str, list[Measurement]] = {}
    for item in measurements:
        measured.setdefault(item.row_id, []).append(item.entry)
    rows = tuple(
        row.model_copy(
            update={
                "history": (*row.history, *added.get(row.id, [])),
                "measurements": (*row.measurements, *measured.get(row.id, [])),
            }
        )
        for row in plan.rows
    )
    return plan.model_copy(update={"rows": rows, "assessments": (*plan.assessments, *assessments)})


# --- writing -------------------------------------------------------------------------------

# Given the plan as it is on disk (under the lock) and the catalogue, decide what to append.
Preparer = Callable[[Plan, Catalogue | None], Prepared]


def update_plan(
    root: Path,
    prepare: Preparer,
    *,
    today: dt.date,
    base: Path | None = None,
    plan_id: str | None = None,
    row_ids: Sequence[str] = (),
    snapshot: str | None = None,
    dry_run: bool = False,
    lock_timeout: float = savefile.LOCK_TIMEOUT,
    now: dt.datetime | None = None,
) -> Outcome:
    """Compute the changes from the current plan and write them safely (see the module doc).

    ``snapshot`` is the text the changes were decided on (the interactive follow-up): if the file
    no longer holds it, the write is refused. Without it, the changes are computed from the file
    as it is once the lock is held, so concurrent planctl writers never lose an update. ``now``
    is the instant for plans that name their own time zone (see :func:`load_data_dir`).
    """
    data = load_data_dir(root, today=today, now=now, base=base, plan_id=plan_id).require_valid()
    loaded = data.plan(plan_id, row_ids=row_ids)
    if dry_run:
        _require_snapshot(loaded, snapshot)
        return _apply(root, data, loaded, prepare, today=today, now=now, base=base, write=False)
    savefile.require_writable(loaded.path, shown=loaded.doc.file)  # before any work
    with savefile.locked(loaded.path, shown=loaded.doc.file, timeout=lock_timeout):
        if _read_text(loaded.path) != loaded.doc.text:  # another writer came first
            data = load_data_dir(
                root, today=today, now=now, base=base, plan_id=plan_id
            ).require_valid()
            loaded = data.plan(plan_id, row_ids=row_ids)
        _require_snapshot(loaded, snapshot)
        return _apply(root, data, loaded, prepare, today=today, now=now, base=base, write=True)


def _read_text(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _require_snapshot(loaded: Loaded[Plan], snapshot: str | None) -> None:
    if snapshot is not None and loaded.doc.text != snapshot:
        raise ConflictError(
            f"{loaded.doc.file}: filen har ändrats på disken sedan planctl läste den; "
            "inget skrevs – kör kommandot igen"
        )


def _apply(
    root: Path,
    data: DataSet,
    loaded: Loaded[Plan],
    prepare: Preparer,
    *,
    today: dt.date,
    now: dt.datetime | None,
    base: Path | None,
    write: bool,
) -> Outcome:
    prepared = prepare(loaded.model, data.catalogue.model if data.catalogue else None)
    file = loaded.doc.file
    if not prepared.changes and not prepared.measurements and not prepared.assessments:
        return Outcome(file, (), prepared.notices, "", written=False)
    old = loaded.doc.text
    new = apply_changes(loaded, prepared.changes, prepared.measurements, prepared.assessments)
    # The edit touches one plan: checking it with the catalogue covers every rule it can break.
    checked = load_data_dir(
        root,
        today=today,
        now=now,
        base=base,
        overrides={loaded.path: new},
        plan_id=loaded.model.meta.id,
    )
    if checked.errors:
        raise DataError(
            f"ändringen skulle göra datafilerna ogiltiga ({len(checked.errors)} fel); inget skrevs",
            problems=checked.errors,
        )
    after = next((p for p in checked.plans if p.path == loaded.path), None)
    expected = expected_plan(
        loaded.model, prepared.changes, prepared.measurements, prepared.assessments
    )
    if after is None or after.model != expected:
        raise EditError(
            f"{file}: planctl kunde inte lägga till posterna utan att ändra något annat i filen; "
            "inget skrevs (rapportera gärna filen som ett fel i planctl)"
        )
    if write:
        savefile.replace_file(
            loaded.path, new.encode("utf-8"), expected=old.encode("utf-8"), shown=file
        )
    return Outcome(
        file,
        prepared.changes,
        prepared.notices,
        unified_diff(old, new, file),
        written=write,
        measurements=prepared.measurements,
        assessments=prepared.assessments,
    )


def followup_date(round_: Round, *, today: dt.date) -> dt.date:
    """The date follow-up entries get by default: the round's date, or today if that is earlier."""
    return date_for_round(round_, today=today)
