"""A follow-up meeting that survives interruption: answers, their draft, and applying them.

``planctl followup`` asks row by row. Every answer is saved at once to a draft beside the plan
(``.<planfil>.<omgång>.utkast.json``, ignored by git), through the same whole-file writer as
every produced file (:func:`planctl.writing.savefile.write_output`; the draft is not data, so it
may live beside the plan). Ctrl-C, end of input or a crash
leave the draft; ``followup`` on the same round offers to continue it.

At the end the answers are applied to the plan file *as it is then* (under its lock, by
:func:`planctl.writing.status.update_plan`): an answer whose row got no new entry since it was
given is written; one whose row changed meanwhile clashes, is not written, stays in the draft,
and is printed as the exact ``planctl status set`` command that replays it. Nothing said at the
meeting is lost.
"""

from __future__ import annotations

import datetime as dt
import json
import shlex
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from planctl.errors import InputError
from planctl.models import Plan, Row, Status
from planctl.query import match_status
from planctl.writing import savefile, sidecars
from planctl.writing.dating import afterwards_day, afterwards_notice, date_conflict
from planctl.writing.status import Change, Prepared, change_for, confirms, status_for_round

CONFIRM = "bekräfta"  # Enter: reviewed, status unchanged
SET = "status"  # a status (and maybe a note) was given
SKIP = "hoppa"  # s: no entry for this row


@dataclass(frozen=True)
class Answer:
    """One row's answer: what was said, and how many history entries the row had then."""

    row: str
    action: str
    status: str | None = None
    note: str | None = None
    seen: int = 0


@dataclass
class Draft:
    """The answers of one meeting so far, in the order given (one per row, the latest wins)."""

    plan: str
    round: str
    date: str
    by: str | None = None
    answers: list[Answer] = field(default_factory=list)
    date_given: bool = False  # --date: rows with a later entry are skipped, not recorded afterwards

    def answer(self, given: Answer) -> None:
        """Record ``given``, replacing an earlier answer for the same row."""
        self.answers = [a for a in self.answers if a.row != given.row] + [given]

    def forget(self, row_id: str) -> None:
        """Drop the answer for ``row_id`` (the user went back to it)."""
        self.answers = [a for a in self.answers if a.row != row_id]

    def of(self, row_id: str) -> Answer | None:
        """The answer for ``row_id``, if any."""
        return next((a for a in self.answers if a.row == row_id), None)

    @property
    def day(self) -> dt.date:
        """The date the entries get."""
        return dt.date.fromisoformat(self.date)


def draft_path(plan_path: Path, round_id: str) -> Path:
    """Where the draft of ``round_id``'s meeting for the plan at ``plan_path`` is kept."""
    return plan_path.with_name(sidecars.draft_name(plan_path.name, round_id))


def save_draft(path: Path, draft: Draft) -> None:
    """Write ``draft`` whole (a temporary file renamed over the old one)."""
    text = json.dumps(asdict(draft), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    savefile.write_output(path, text.encode("utf-8"), shown=path.name)


def load_draft(path: Path) -> Draft | None:
    """The draft at ``path``, or ``None`` when there is none; a damaged one is an input error."""
    try:
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise InputError(
            f"{path.name}: utkastet går inte att läsa ({exc}); flytta undan filen och börja om"
        ) from None
    try:
        return Draft(
            plan=str(raw["plan"]),
            round=str(raw["round"]),
            date=str(raw["date"]),
            by=raw.get("by"),
            answers=[Answer(**a) for a in raw["answers"]],
            date_given=bool(raw.get("date_given", False)),
        )
    except (KeyError, TypeError) as exc:
        raise InputError(
            f"{path.name}: utkastet är inte ett planctl-utkast ({exc}); flytta undan filen"
        ) from None


def discard_draft(path: Path) -> None:
    """Remove the draft once every answer is in the plan file."""
    path.unlink(missing_ok=True)


@dataclass(frozen=True)
class Applied:
    """What the answers become against the plan as it is now."""

    prepared: Prepared
    clashes: tuple[Answer, ...]


def entry_day(row: Row, draft: Draft, *, today: dt.date) -> dt.date | None:
    """The date ``row``'s entry gets: the meeting's, or ``today`` when the row has a later entry
    and is recorded afterwards (:mod:`planctl.writing.dating`); ``None`` when it cannot be
    recorded (a later entry, and the meeting's date was given with ``--date``)."""
    if date_conflict(row, draft.day) is None:
        return draft.day
    return None if draft.date_given else afterwards_day(row, draft.day, today=today)


def apply_answers(plan: Plan, draft: Draft, *, today: dt.date) -> Applied:
    """The entries the answers add to ``plan``; answers whose row changed since are clashes.

    A confirmation becomes an entry with the row's status at the round and no note when the row
    has no entry for the round yet; a status or a note always becomes one (unless it repeats what
    the row already has for the round, which changes nothing). An entry is dated as
    :func:`entry_day` says.
    """
    changes: list[Change] = []
    clashes: list[Answer] = []
    notices: list[str] = []
    for answer in draft.answers:
        if answer.action == SKIP:
            continue
        row = plan.row(answer.row)
        if row is None or len(row.history) != answer.seen:
            clashes.append(answer)
            continue
        day = entry_day(row, draft, today=today)
        if day is None:
            clashes.append(answer)
            continue
        current = status_for_round(plan, row, draft.round)
        status = match_status(plan, answer.status) if answer.status else current
        if status is None:  # Enter on a row never followed up: nothing to confirm
            continue
        if day != draft.day:
            notices.append(afterwards_notice(row, draft.round, day))
        change = change_for(
            plan,
            row,
            status,
            date=day,
            note=answer.note,
            by=draft.by,
            round_id=draft.round,
            confirm=confirms(plan, row, draft.round),
        )
        if change is not None:
            changes.append(change)
    return Applied(Prepared(tuple(changes), tuple(notices)), tuple(clashes))


def replay_command(
    draft: Draft, answer: Answer, current: Status | None, *, dated: bool = True
) -> str:
    """The ``planctl status set`` command that records ``answer`` by hand (without ``--date``
    unless ``dated``: then ``status set`` dates it, recording it afterwards if need be)."""
    status = answer.status or (current.name if current else "STATUS")
    words = ["planctl", "status", "set", answer.row, status, "--round", draft.round]
    words += ["--date", draft.date] if dated else []
    words += ["--plan", draft.plan]
    if answer.note:
        words += ["--note", answer.note]
    if draft.by:
        words += ["--by", draft.by]
    return shlex.join(words)
