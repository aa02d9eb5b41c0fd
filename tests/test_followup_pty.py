"""``planctl followup`` driven as a person would, in a pseudo-terminal (pexpect).

Enter confirms, ``s`` skips, ``b`` goes back; Ctrl-C keeps the answers in a draft and the next
run resumes them; a colleague's ``status set`` during the meeting lands beside the answers, and an
answer for a row the colleague changed is printed as the command that replays it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from planctl.models import Plan
from planctl.store import load_data_dir
from tests.conftest import TODAY

PROMPT = r"Status \(Enter = bekräfta"
NOTE = r"Notering \(Enter = ingen\)"
TIMEOUT = 30


def _env(data_dir: Path) -> dict[str, str]:
    env = {**os.environ, "PLANCTL_TODAY": TODAY.isoformat(), "NO_COLOR": "1", "COLUMNS": "100"}
    env["PLANCTL_DATA"] = str(data_dir)
    return env


def _spawn(data_dir: Path, *args: str) -> pexpect.spawn[str]:
    child = pexpect.spawn(
        sys.executable,
        ["-m", "planctl", "followup", *args],
        cwd=str(data_dir.parent),
        env=_env(data_dir),
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(40, 100),
    )
    return child


def _answer(child: pexpect.spawn[str], status: str = "", note: str = "") -> None:
    child.expect(PROMPT)
    child.sendline(status)
    child.expect(NOTE)
    child.sendline(note)


def _plan(data_dir: Path) -> Plan:
    return load_data_dir(data_dir, today=TODAY).require_valid().plan().model


def _history(data_dir: Path, row_id: str) -> list[tuple[str, str | None, str | None]]:
    """The row's entries after the May round every test starts from."""
    row = _plan(data_dir).row(row_id)
    assert row is not None
    return [(e.status, e.note, e.round) for e in row.history[1:]]


@pytest.fixture(autouse=True)
def may_recorded(data_dir: Path) -> None:
    """Round 2018-05 recorded for Lönebildning: every row has a status the meeting can confirm."""
    rows = ["LB-1", "LB-2", "LB-3", "LB-4", "LB-5", "LB-6"]
    done = _status_set(data_dir, *rows, "ej-paborjat", "--round", "2018-05")
    assert done.returncode == 0, done.stderr


def _finish(child: pexpect.spawn[str], answer: str = "ja") -> None:
    child.expect(r"\(ja/nej\)")
    child.sendline(answer)
    child.expect(pexpect.EOF)
    child.close()


def _draft(data_dir: Path, round_id: str) -> Path:
    return data_dir / f".boras_plan.yaml.{round_id}.utkast.json"


def _status_set(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planctl", "status", "set", *args],
        cwd=data_dir.parent,
        env=_env(data_dir),
        capture_output=True,
        text=True,
        check=False,
    )


def test_enter_confirms_s_skips_b_goes_back(data_dir: Path) -> None:
    """Enter records the unchanged status, s records nothing, b asks the previous row again."""
    child = _spawn(data_dir, "2018-10", "--area", "lonebildning")
    child.expect(r"\[1/6\] LB-1")
    child.expect("Period: Hösten 2017")
    child.expect(r"Senast: Ej påbörjat \(2018-05-31\)")
    _answer(child, "k", "Beslut")  # LB-1: new status
    _answer(child)  # LB-2: Enter confirms
    child.expect(PROMPT)  # LB-3
    child.sendline("b")  # back to LB-2
    child.expect(r"\[2/6\] LB-2")
    child.expect(PROMPT)
    child.sendline("s")  # LB-2 skipped after all
    child.expect(r"\[3/6\] LB-3")
    _answer(child)  # LB-3 confirmed
    for _ in range(3):
        child.expect(PROMPT)
        child.sendline("s")
    child.expect("Spara 2 svar")
    _finish(child)
    assert child.exitstatus == 0
    assert _history(data_dir, "LB-1") == [("Klart", "Beslut", "2018-10")]
    assert _history(data_dir, "LB-2") == []
    assert _history(data_dir, "LB-3") == [("Ej påbörjat", None, "2018-10")]
    assert not _draft(data_dir, "2018-10").exists()


def test_ctrl_c_after_five_answers_then_resume_keeps_all_five(data_dir: Path) -> None:
    """Five answers, Ctrl-C: exit 130, plan untouched, draft kept; resuming writes all of them."""
    before = (data_dir / "boras_plan.yaml").read_bytes()
    child = _spawn(data_dir, "2018-10", "--area", "lonebildning")
    answers = [("p", "ett"), ("", ""), ("k", "tre"), ("", "fyra"), ("s", None)]
    for status, note in answers:
        if note is None:
            child.expect(PROMPT)
            child.sendline(status)
        else:
            _answer(child, status, note)
    child.expect(r"\[6/6\] LB-6")
    child.expect(PROMPT)
    child.sendintr()
    child.expect("5 svar finns kvar i utkastet")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert (data_dir / "boras_plan.yaml").read_bytes() == before
    assert _draft(data_dir, "2018-10").exists()

    resumed = _spawn(data_dir, "2018-10", "--area", "lonebildning")
    resumed.expect("Det finns ett utkast för 2018-10 med 5 svar")
    resumed.expect(r"\(ja/nej\)")
    resumed.sendline("ja")
    resumed.expect(r"\[6/6\] LB-6")  # the first unanswered row
    _answer(resumed, "p", "sex")
    resumed.expect("Spara 5 svar")
    _finish(resumed)
    assert resumed.exitstatus == 0
    assert _history(data_dir, "LB-1") == [("Påbörjat", "ett", "2018-10")]
    assert _history(data_dir, "LB-2") == [("Ej påbörjat", None, "2018-10")]
    assert _history(data_dir, "LB-3") == [("Klart", "tre", "2018-10")]
    assert _history(data_dir, "LB-4") == [("Ej påbörjat", "fyra", "2018-10")]
    assert _history(data_dir, "LB-5") == []
    assert _history(data_dir, "LB-6") == [("Påbörjat", "sex", "2018-10")]
    assert not _draft(data_dir, "2018-10").exists()


def test_colleagues_status_set_on_another_row_lands_beside_the_meeting(data_dir: Path) -> None:
    """A status set on AV-1 while the meeting records LB-1: both are in the file."""
    child = _spawn(data_dir, "2018-10", "--area", "lonebildning")
    _answer(child, "k", "Mötet")
    child.expect(PROMPT)
    colleague = _status_set(data_dir, "AV-1", "klart", "--round", "2018-10", "--note", "Kollega")
    assert colleague.returncode == 0, colleague.stderr
    child.sendline("s")
    for _ in range(4):
        child.expect(PROMPT)
        child.sendline("s")
    _finish(child)
    assert child.exitstatus == 0
    assert _history(data_dir, "LB-1") == [("Klart", "Mötet", "2018-10")]
    row = _plan(data_dir).row("AV-1")
    assert row is not None and [(e.status, e.note) for e in row.history] == [("Klart", "Kollega")]


def test_same_row_changed_by_colleague_prints_the_replay_command(data_dir: Path) -> None:
    """The colleague's LB-1 entry stays; the meeting's LB-1 answer is printed and kept."""
    child = _spawn(data_dir, "2018-10", "--area", "lonebildning", "--by", "Sekreterare")
    _answer(child, "p", "Mötets svar")  # LB-1
    _answer(child, "k", "")  # LB-2
    colleague = _status_set(data_dir, "LB-1", "klart", "--round", "2018-10", "--note", "Kollega")
    assert colleague.returncode == 0, colleague.stderr
    for _ in range(4):
        child.expect(PROMPT)
        child.sendline("s")
    child.expect(r"\(ja/nej\)")
    child.sendline("ja")
    child.expect("1 svar skrevs inte")
    child.expect(pexpect.EOF)
    output = child.before or ""
    child.close()
    assert child.exitstatus == 3
    command = (
        "planctl status set LB-1 'Påbörjat' --round 2018-10 --date 2018-10-31 "
        "--plan boras-socialsekreterare-2017 --note 'Mötets svar' --by Sekreterare"
    )
    assert command in " ".join(output.split())
    assert _history(data_dir, "LB-1") == [("Klart", "Kollega", "2018-10")]
    assert _history(data_dir, "LB-2") == [("Klart", None, "2018-10")]
    assert _draft(data_dir, "2018-10").exists()
    replayed = _status_set(
        data_dir, "LB-1", "Påbörjat", "--round", "2018-10", "--date", "2018-10-31",
        "--plan", "boras-socialsekreterare-2017", "--note", "Mötets svar", "--by", "Sekreterare",
    )  # fmt: skip
    assert replayed.returncode == 0, replayed.stderr
    assert _history(data_dir, "LB-1")[-1] == ("Påbörjat", "Mötets svar", "2018-10")
