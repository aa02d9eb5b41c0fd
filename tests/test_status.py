"""The rules for recording a status, and writing the plan safely."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planctl.errors import ConflictError, DataError, UsageError
from planctl.models import DEFAULT_STATUSES, Catalogue, HistoryEntry, Plan, Status
from planctl.query import match_status
from planctl.store import load_data_dir
from planctl.writing import savefile
from planctl.writing.status import (
    Change,
    Outcome,
    Prepared,
    StatusRequest,
    change_for,
    default_round,
    followup_date,
    parse_date,
    prepare_status,
    split_arguments,
    update_plan,
)
from tests.conftest import TODAY
from tests.helpers import added_lines, lock_held_elsewhere

MAY = dt.date(2018, 5, 31)
JUNE = dt.date(2018, 6, 15)


def _plan(data_dir: Path) -> Plan:
    return load_data_dir(data_dir, today=TODAY).require_valid().plan().model


def _set(
    data_dir: Path,
    request: StatusRequest,
    *,
    dry_run: bool = False,
    snapshot: str | None = None,
    lock_timeout: float = savefile.LOCK_TIMEOUT,
) -> Outcome:
    return update_plan(
        data_dir,
        lambda plan, _catalogue: prepare_status(plan, request, today=TODAY),
        today=TODAY,
        dry_run=dry_run,
        snapshot=snapshot,
        lock_timeout=lock_timeout,
    )


DONE, STARTED, NOT_STARTED = DEFAULT_STATUSES


# --- reading what was typed ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["LB-1", "klart"], DONE),
        (["LB-1", "KLART"], DONE),
        (["LB-1", "Påbörjat"], STARTED),
        (["LB-1", "paborjat"], STARTED),
        (["LB-1", "started"], STARTED),
        (["LB-1", "ej-påbörjat"], NOT_STARTED),
        (["LB-1", "Ej Paborjat"], NOT_STARTED),
        (["LB-1", "ej_paborjat"], NOT_STARTED),
        (["LB-1", "not-started"], NOT_STARTED),
        (["LB-1", "done"], DONE),
        (["LB-1", "k"], DONE),
        (["LB-1", "p"], STARTED),
        (["LB-1", "e"], NOT_STARTED),
    ],
)
def test_status_is_read_in_any_spelling(data_dir: Path, args: list[str], status: Status) -> None:
    """Case, diacritics, '-'/space/'_' and English names all name the same status."""
    ids, typed = split_arguments(args)
    assert ids == ("LB-1",)
    assert match_status(_plan(data_dir), typed) == status


def test_unquoted_two_word_status_is_one_status() -> None:
    """'ej påbörjat' typed without quotes is read as the status, not as a row id 'ej'."""
    assert split_arguments(["LB-1", "AV-2", "ej", "påbörjat"]) == (
        ("LB-1", "AV-2"),
        "ej påbörjat",
    )


def test_unknown_status_lists_valid_values(data_dir: Path) -> None:
    """A status nobody knows is a usage error naming the valid ones of the plan."""
    with pytest.raises(UsageError, match="giltiga: Klart, Påbörjat, Ej påbörjat"):
        prepare_status(_plan(data_dir), StatusRequest(("LB-1",), "kanske", MAY), today=TODAY)


def test_missing_status_or_id_is_a_usage_error() -> None:
    """One word is not enough: an id and a status are needed."""
    with pytest.raises(UsageError, match="minst ett radid och en status"):
        split_arguments(["klart"])


@pytest.mark.parametrize("typed", ["2018-5-31", "31/5 2018", "2018-02-30", "igår"])
def test_bad_dates_are_refused(typed: str) -> None:
    """Only real dates written ÅÅÅÅ-MM-DD are accepted."""
    with pytest.raises(UsageError, match="ÅÅÅÅ-MM-DD"):
        parse_date(typed)


# --- the rules -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2017, 12, 1), "2018-05"),
        (MAY, "2018-05"),
        (dt.date(2018, 6, 1), "2018-10"),
        (dt.date(2018, 10, 31), "2018-10"),
        (dt.date(2018, 11, 1), None),
    ],
)
def test_default_round_is_the_one_the_date_falls_in_or_before(
    data_dir: Path, day: dt.date, expected: str | None
) -> None:
    """The round is the first whose date is on or after the entry's (none after the last)."""
    chosen = default_round(_plan(data_dir), day)
    assert (chosen.id if chosen else None) == expected


def test_same_month_counts_as_in_the_round(data_dir: Path) -> None:
    """A date later in the round's month still belongs to that round."""
    plan = _plan(data_dir)
    mid = plan.model_copy(
        update={"rounds": (plan.rounds[0].model_copy(update={"date": dt.date(2018, 5, 15)}),)}
    )
    chosen = default_round(mid, dt.date(2018, 5, 20))
    assert chosen is not None and chosen.id == "2018-05"


def test_request_chooses_round_and_says_so(data_dir: Path) -> None:
    """Without --round the round is chosen from the date and a notice names it."""
    prepared = prepare_status(
        _plan(data_dir), StatusRequest(("lb-1",), "påbörjat", MAY), today=TODAY
    )
    (change,) = prepared.changes
    # The row had no entry: it had not been followed up, which is not "Ej påbörjat".
    assert change.row_id == "LB-1" and change.previous is None and change.status == STARTED
    assert change.entry.round == "2018-05"
    assert prepared.notices == (
        "uppföljning 2018-05 (Uppföljning maj 2018) vald utifrån datumet 2018-05-31; "
        "ange --round för en annan",
    )


def test_date_after_all_rounds_gets_no_round_and_a_notice(data_dir: Path) -> None:
    """After the last round no round is recorded, and the user is told why."""
    prepared = prepare_status(
        _plan(data_dir), StatusRequest(("LB-1",), "klart", TODAY), today=TODAY
    )
    assert prepared.changes[0].entry.round is None
    assert "efter planens sista omgång (2018-10)" in prepared.notices[0]


def test_explicit_round_is_matched_and_unknown_lists_valid(data_dir: Path) -> None:
    """--round takes a round id; an unknown one is refused with the valid ids."""
    plan = _plan(data_dir)
    prepared = prepare_status(
        plan, StatusRequest(("LB-1",), "klart", MAY, round_id="2018-10"), today=TODAY
    )
    assert prepared.changes[0].entry.round == "2018-10" and prepared.notices == ()
    with pytest.raises(UsageError, match="giltiga: 2018-05, 2018-10"):
        prepare_status(
            plan, StatusRequest(("LB-1",), "klart", MAY, round_id="2019-05"), today=TODAY
        )


def test_same_status_without_note_is_a_noop_once_the_round_has_an_entry(data_dir: Path) -> None:
    """Repeating the status a row already has for this round, without a note, changes nothing."""
    _set(data_dir, StatusRequest(("LB-1",), "ej påbörjat", dt.date(2018, 5, 1)))
    prepared = prepare_status(
        _plan(data_dir), StatusRequest(("LB-1",), "ej påbörjat", MAY), today=TODAY
    )
    assert prepared.changes == ()
    assert prepared.notices[-1].startswith(
        "LB-1: har redan status Ej påbörjat och en post för uppföljning 2018-05 – ingen ändring"
    )


def test_same_status_without_note_confirms_a_round_without_entry(data_dir: Path) -> None:
    """The row's current status, first time for a round and without a note, is a confirmation."""
    _set(data_dir, StatusRequest(("LB-1",), "ej påbörjat", MAY))
    october = StatusRequest(("LB-1",), "ej påbörjat", None, round_id="2018-10")
    prepared = prepare_status(_plan(data_dir), october, today=TODAY)
    assert [(c.entry.status, c.entry.note, c.entry.round) for c in prepared.changes] == [
        ("Ej påbörjat", None, "2018-10")
    ]
    assert prepared.changes[0].entry.date == dt.date(2018, 10, 31)


def test_same_status_with_note_is_a_new_observation(data_dir: Path) -> None:
    """With a note, the same status is recorded again."""
    prepared = prepare_status(
        _plan(data_dir),
        StatusRequest(("LB-1",), "ej påbörjat", MAY, note="Väntar på budget"),
        today=TODAY,
    )
    assert prepared.changes[0].entry.note == "Väntar på budget"


def test_future_date_is_refused(data_dir: Path) -> None:
    """A date after today is refused."""
    with pytest.raises(UsageError, match="ligger i framtiden"):
        prepare_status(
            _plan(data_dir), StatusRequest(("LB-1",), "klart", MAY), today=dt.date(2018, 5, 1)
        )


def test_date_before_last_entry_is_refused(data_dir: Path) -> None:
    """A row's history stays in date order: an earlier date than its last entry is refused."""
    _set(data_dir, StatusRequest(("LB-1",), "påbörjat", JUNE))
    with pytest.raises(UsageError, match=r"LB-1: datumet 2018-05-31 ligger före .*2018-06-15"):
        prepare_status(_plan(data_dir), StatusRequest(("LB-1",), "klart", MAY), today=TODAY)
    row = _plan(data_dir).row("LB-1")
    assert row is not None
    assert change_for(_plan(data_dir), row, DONE, date=JUNE) is not None  # the same day is fine


@pytest.mark.parametrize(
    ("ids", "message"),
    [
        (("LB-1", "XX-9"), "raden 'XX-9' finns inte.*giltiga id:n: LB-1, LB-2"),
        (("LB-1", "lb-1"), "mer än en gång"),
    ],
)
def test_bad_row_ids_are_refused(data_dir: Path, ids: tuple[str, ...], message: str) -> None:
    """Unknown ids list the valid ones; the same row twice is refused."""
    with pytest.raises(UsageError, match=message):
        prepare_status(_plan(data_dir), StatusRequest(ids, "klart", MAY), today=TODAY)


@pytest.mark.parametrize("field", ["note", "by"])
def test_blank_note_or_role_is_refused(data_dir: Path, field: str) -> None:
    """An empty --note or --by is a usage error, not an empty field in the file."""
    request = StatusRequest(
        ("LB-1",),
        "klart",
        MAY,
        note="  " if field == "note" else None,
        by="  " if field == "by" else None,
    )
    with pytest.raises(UsageError, match="får inte vara tom"):
        prepare_status(_plan(data_dir), request, today=TODAY)


def test_followup_date_is_the_round_date_unless_that_is_future(data_dir: Path) -> None:
    """Follow-up entries are dated on the round's date, or today when the round is ahead."""
    rounds = _plan(data_dir).rounds
    assert followup_date(rounds[0], today=TODAY) == MAY
    assert followup_date(rounds[0], today=dt.date(2018, 5, 20)) == dt.date(2018, 5, 20)


# --- writing the real plan ---------------------------------------------------------------------


def test_status_set_on_real_plan_only_adds_lines(data_dir: Path) -> None:
    """On the shipped plan, recording statuses adds exactly the entry lines and nothing else."""
    plan_file = data_dir / "boras_plan.yaml"
    before = plan_file.read_text(encoding="utf-8")
    request = StatusRequest(
        ("LB-1", "AV-10", "KP-11"),
        "påbörjat",
        MAY,
        note='Beslut i "Förhandlingsdelegationen"',
        by="Förhandlingschef",
    )
    outcome = _set(data_dir, request)
    after = plan_file.read_text(encoding="utf-8")
    assert outcome.written and len(outcome.changes) == 3
    lines = added_lines(before, after)
    assert lines[:6] == [
        "    historik:\n",
        '      - datum: "2018-05-31"\n',
        "        status: Påbörjat\n",
        '        notering: "Beslut i \\"Förhandlingsdelegationen\\""\n',
        "        av: Förhandlingschef\n",
        '        uppföljning: "2018-05"\n',
    ]
    assert len(lines) == 18
    row = _plan(data_dir).row("AV-10")
    assert row is not None and row.history[-1].note == 'Beslut i "Förhandlingsdelegationen"'


def test_git_diff_shows_only_added_lines(data_dir: Path, tmp_path: Path) -> None:
    """'git diff --numstat' of the real plan after a status set counts additions only."""
    original = tmp_path / "original.yaml"
    shutil.copyfile(data_dir / "boras_plan.yaml", original)
    _set(data_dir, StatusRequest(("LB-4",), "klart", MAY, by="Förhandlingschef"))
    _set(data_dir, StatusRequest(("LB-4", "KP-2"), "klart", JUNE, note="Uppföljt"))
    result = subprocess.run(
        [
            "git",
            "diff",
            "--no-index",
            "--numstat",
            str(original),
            str(data_dir / "boras_plan.yaml"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr  # 1: the files differ
    added, deleted, _ = result.stdout.split("\t")
    assert (int(added), int(deleted)) == (5 + 4 + 5, 0)


def test_dry_run_returns_diff_and_writes_nothing(data_dir: Path) -> None:
    """--dry-run computes and checks the change, returns its diff, and leaves the file alone."""
    plan_file = data_dir / "boras_plan.yaml"
    before = plan_file.read_bytes()
    outcome = _set(data_dir, StatusRequest(("LB-1",), "klart", MAY), dry_run=True)
    assert not outcome.written
    assert '+      - datum: "2018-05-31"\n' in outcome.diff
    assert plan_file.read_bytes() == before


def test_invalid_change_leaves_file_byte_identical(data_dir: Path) -> None:
    """A change the validation rules reject is never written; the file keeps every byte."""
    plan_file = data_dir / "boras_plan.yaml"
    before = plan_file.read_bytes()
    bad = HistoryEntry.model_validate(
        {"datum": "2018-05-31", "status": "Klart", "uppföljning": "2099-01"}
    )

    def prepare(plan: Plan, _catalogue: Catalogue | None) -> Prepared:
        return Prepared((Change("LB-1", None, DONE, bad),))

    with pytest.raises(DataError) as caught:
        update_plan(data_dir, prepare, today=TODAY)
    assert "inget skrevs" in caught.value.message
    assert [p.rule for p in caught.value.problems] == ["unknown-round"]
    assert plan_file.read_bytes() == before


def test_out_of_order_change_is_caught_by_validation(data_dir: Path) -> None:
    """Even a change that skips the domain checks is stopped by the validate rules."""
    plan_file = data_dir / "boras_plan.yaml"
    _set(data_dir, StatusRequest(("LB-1",), "påbörjat", JUNE))
    before = plan_file.read_bytes()
    early = HistoryEntry.model_validate({"datum": "2018-01-01", "status": "Klart"})
    with pytest.raises(DataError) as caught:
        update_plan(
            data_dir,
            lambda plan, _catalogue: Prepared((Change("LB-1", STARTED, DONE, early),)),
            today=TODAY,
        )
    assert [p.rule for p in caught.value.problems] == ["history-order"]
    assert plan_file.read_bytes() == before


def test_changed_snapshot_is_refused(data_dir: Path) -> None:
    """Changes decided on an older text are not written over a newer file."""
    plan_file = data_dir / "boras_plan.yaml"
    snapshot = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(snapshot + "# en kollegas ändring\n", encoding="utf-8")
    changed = plan_file.read_bytes()
    with pytest.raises(ConflictError, match="ändrats på disken"):
        _set(data_dir, StatusRequest(("LB-1",), "klart", MAY), snapshot=snapshot)
    assert plan_file.read_bytes() == changed


def test_locked_plan_times_out_without_writing(data_dir: Path) -> None:
    """While another writer holds the lock, a status set waits and then gives up."""
    plan_file = data_dir / "boras_plan.yaml"
    before = plan_file.read_bytes()
    with (
        lock_held_elsewhere(plan_file),
        pytest.raises(ConflictError, match="en annan planctl skriver"),
    ):
        _set(data_dir, StatusRequest(("LB-1",), "klart", MAY), lock_timeout=0.2)
    assert plan_file.read_bytes() == before
    assert savefile.lock_path(plan_file).exists()  # left by the killed holder, harmless


WORKER = """
import sys
from planctl.cli import app
row = sys.argv[1]
for k in range(5):
    args = ["status", "set", row, "påbörjat", "--note", f"{row} nr {k}", "--date", "2018-05-31"]
    code = app(args, prog_name="planctl", standalone_mode=False)
    if code:
        sys.exit(code)
"""


def test_concurrent_writers_lose_no_entry(data_dir: Path) -> None:
    """8 processes × 5 status sets on different rows at once: all 40 entries are in the file."""
    rows = ["LB-1", "LB-2", "LB-3", "AV-1", "AV-5", "KP-1", "KP-6", "KP-11"]
    env = {**os.environ, "PLANCTL_DATA": str(data_dir), "PLANCTL_TODAY": "2018-06-01"}
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, row],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for row in rows
    ]
    errors = [(w.wait(timeout=60), w.stderr.read() if w.stderr else "") for w in workers]
    assert all(code == 0 for code, _ in errors), errors
    plan = _plan(data_dir)
    for row_id in rows:
        row = plan.row(row_id)
        assert row is not None
        assert [e.note for e in row.history] == [f"{row_id} nr {k}" for k in range(5)]
    assert sum(len(r.history) for r in plan.rows) == 40
    assert not savefile.lock_path(data_dir / "boras_plan.yaml").exists()


# Runs planctl in a child that stops itself (SIGSTOP) at one named point of the plan write, so
# the test kills it exactly there, however loaded the machine is. The points are found by the
# system calls every write makes (creating the temporary file, renaming it onto the plan), not
# by planctl's own names; nothing in planctl knows about them.
STOP_AT = """
import os, runpy, signal, sys
point = sys.argv.pop(1)
real_open, real_replace = os.open, os.replace

def is_temp(name):
    return os.fspath(name).endswith(".planctl-tmp")

def stop():
    os.kill(os.getpid(), signal.SIGSTOP)

def open_(name, *args, **kwargs):
    if point == "before-temp" and is_temp(name):
        stop()
    return real_open(name, *args, **kwargs)

def replace(source, *args, **kwargs):
    if point == "temp-written" and is_temp(source):
        stop()
    real_replace(source, *args, **kwargs)
    if point == "renamed" and is_temp(source):
        stop()

os.open, os.replace = open_, replace
runpy.run_module("planctl", run_name="__main__")
"""


STOP_TIMEOUT = 120.0  # seconds; generous for a loaded machine


def _kill_at(point: str, arguments: list[str], env: dict[str, str]) -> None:
    """Run ``planctl arguments`` until it stops at ``point``, then SIGKILL it there."""
    writer = subprocess.Popen(
        [sys.executable, "-c", STOP_AT, point, *arguments],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + STOP_TIMEOUT
        pid, status = 0, 0
        while pid == 0 and time.monotonic() < deadline:  # a hang fails, it does not block CI
            pid, status = os.waitpid(writer.pid, os.WUNTRACED | os.WNOHANG)
            if pid == 0:
                time.sleep(0.01)
        assert pid != 0, f"planctl did not reach {point} within {STOP_TIMEOUT} s"
        assert os.WIFSTOPPED(status), f"planctl ended before reaching {point}"
    finally:
        writer.kill()
        writer.wait()


def _temp_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(f".*{savefile.TEMP_SUFFIX}"))


@pytest.mark.parametrize(
    ("point", "written", "temp_left"),
    [
        pytest.param("before-temp", False, False, id="before-temp"),
        pytest.param("temp-written", False, True, id="temp-written"),
        pytest.param("renamed", True, False, id="renamed"),
    ],
)
def test_killed_status_set_leaves_old_or_new_plan(
    data_dir: Path, point: str, *, written: bool, temp_left: bool
) -> None:
    """SIGKILL of 'status set' before, during and after its write leaves the old or new plan.

    A temporary file left by the killed writer is removed by the next write, which succeeds.
    """
    plan_file = data_dir / "boras_plan.yaml"
    old = plan_file.read_bytes()
    env = {**os.environ, "PLANCTL_DATA": str(data_dir), "PLANCTL_TODAY": "2018-06-01"}
    command = ["status", "set", "AV-4", "klart", "-n", "Klar"]
    planctl = [sys.executable, "-m", "planctl"]
    assert subprocess.run([*planctl, *command], env=env, capture_output=True).returncode == 0
    new = plan_file.read_bytes()
    assert new != old
    plan_file.write_bytes(old)

    _kill_at(point, command, env)
    assert plan_file.read_bytes() == (new if written else old)
    assert bool(_temp_files(data_dir)) == temp_left
    assert load_data_dir(data_dir, today=TODAY).errors == ()

    later = [*planctl, "status", "set", "LB-1", "påbörjat", "-n", "Senare"]
    assert subprocess.run(later, env=env, capture_output=True).returncode == 0
    assert _temp_files(data_dir) == []
    notes = {row.id: [entry.note for entry in row.history] for row in _plan(data_dir).rows}
    assert notes["LB-1"][-1] == "Senare"
    assert notes["AV-4"] == (["Klar"] if written else [])
