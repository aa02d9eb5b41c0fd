"""The writing commands on the command line: status set, history, followup."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planctl.store import load_data_dir
from tests.conftest import REPO, TODAY, Invoke
from tests.helpers import added_lines


def _plan_text(data_dir: Path) -> str:
    return (data_dir / "boras_plan.yaml").read_bytes().decode("utf-8")


def _history(data_dir: Path, row_id: str) -> list[dict[str, object]]:
    plan = load_data_dir(data_dir, today=TODAY).require_valid().plan().model
    row = plan.row(row_id)
    assert row is not None
    return [e.model_dump(mode="json", exclude_none=True) for e in row.history]


@pytest.mark.parametrize(
    "command", [["status"], ["status", "set"], ["history"], ["followup"]], ids=" ".join
)
def test_new_commands_have_swedish_help(invoke: Invoke, command: list[str]) -> None:
    """Every new command answers -h with Swedish help and exit 0."""
    result = invoke(*command, "-h")
    assert result.exit_code == 0
    assert "Användning: planctl" in result.stdout


def test_readme_documents_every_command() -> None:
    """Each command has its own subsection in the README."""
    from planctl.cli import app

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    names = [c.name for c in app.registered_commands] + ["status set"]
    assert "followup" in names and "history" in names
    for name in names:
        assert f"### `planctl {name}" in readme, name


# --- status set ---------------------------------------------------------------------------------


def test_status_set_records_entry_and_names_the_chosen_round(
    invoke: Invoke, data_dir: Path
) -> None:
    """A status set adds one entry, says which round the date chose and what was written."""
    before = _plan_text(data_dir)
    result = invoke("status", "set", "LB-4", "påbörjat", "--date", "2018-05-31")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == (
        "planctl: uppföljning 2018-05 (Uppföljning maj 2018) vald utifrån datumet 2018-05-31; "
        "ange --round för en annan\n"
        "1 post tillagd i data/boras_plan.yaml:\n"
        "  LB-4: Ej uppföljd → Påbörjat (2018-05-31, uppföljning 2018-05)\n"
    )
    assert added_lines(before, _plan_text(data_dir)) == [
        "    historik:\n",
        '      - datum: "2018-05-31"\n',
        "        status: Påbörjat\n",
        '        uppföljning: "2018-05"\n',
    ]


def test_status_set_with_every_option_on_several_rows(invoke: Invoke, data_dir: Path) -> None:
    """--note, --date, --by and --round end up in each row's new entry."""
    result = invoke(
        "status", "set", "lb-1", "AV-2", "KP-9", "KLART",
        "--note", "Klart enligt beslut 12/5",
        "--date", "2018-05-20",
        "--by", "Förhandlingschef",
        "--round", "2018-10",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "vald utifrån" not in result.stderr
    assert "3 poster tillagda" in result.stderr
    for row_id in ("LB-1", "AV-2", "KP-9"):
        assert _history(data_dir, row_id) == [
            {
                "date": "2018-05-20",
                "status": "Klart",
                "note": "Klart enligt beslut 12/5",
                "by": "Förhandlingschef",
                "round": "2018-10",
            }
        ]


def test_status_set_defaults_to_today_after_the_last_round(invoke: Invoke, data_dir: Path) -> None:
    """Without --date the entry is dated today; after the last round no round is recorded."""
    result = invoke("status", "set", "AV-1", "not-started", "-n", "Ingen finansiering än")
    assert result.exit_code == 0, result.stderr
    assert "ingen uppföljning vald" in result.stderr
    assert _history(data_dir, "AV-1") == [
        {"date": TODAY.isoformat(), "status": "Ej påbörjat", "note": "Ingen finansiering än"}
    ]


def test_unquoted_ej_paborjat_is_understood(invoke: Invoke, data_dir: Path) -> None:
    """'ej påbörjat' typed as two words is one status, not a row named 'ej'."""
    result = invoke("status", "set", "LB-2", "ej", "påbörjat", "--note", "Skjuts upp")
    assert result.exit_code == 0, result.stderr
    assert _history(data_dir, "LB-2")[0]["status"] == "Ej påbörjat"


def test_dry_run_prints_diff_and_writes_nothing(invoke: Invoke, data_dir: Path) -> None:
    """--dry-run shows the diff on stdout, says nothing was written, and leaves the file."""
    before = _plan_text(data_dir)
    result = invoke("status", "set", "KP-11", "started", "-d", "2018-05-31", "--dry-run")
    assert result.exit_code == 0
    assert result.stdout.startswith("--- a/data/boras_plan.yaml\n+++ b/data/boras_plan.yaml\n")
    assert '+      - datum: "2018-05-31"\n' in result.stdout
    assert "Torrkörning – inget skrevs. 1 post skulle läggas till" in result.stderr
    assert _plan_text(data_dir) == before


def test_same_status_without_note_is_a_noop_that_says_so(invoke: Invoke, data_dir: Path) -> None:
    """Re-setting a row's current status without a note writes nothing and explains why."""
    assert invoke("status", "set", "LB-1", "ej-paborjat", "-d", "2018-05-01").exit_code == 0
    before = _plan_text(data_dir)
    result = invoke("status", "set", "LB-1", "ej-paborjat", "-d", "2018-05-31")
    assert result.exit_code == 0
    assert (
        "LB-1: har redan status Ej påbörjat och en post för uppföljning 2018-05 – ingen ändring"
        in result.stderr
    )
    assert "Inga ändringar; data/boras_plan.yaml är oförändrad." in result.stderr
    assert _plan_text(data_dir) == before


def test_same_status_at_a_new_round_is_a_confirmation_unless_noted(invoke: Invoke) -> None:
    """The same status for a new round says (bekräftad) without a note, (ny notering) with one,
    and a correction says (rättelse)."""
    first = invoke("status", "set", "LB-1", "påbörjat", "--round", "2018-05", "-d", "2018-05-20")
    assert first.exit_code == 0, first.stderr
    confirmed = invoke("status", "set", "LB-1", "påbörjat", "--round", "2018-10")
    assert confirmed.exit_code == 0, confirmed.stderr
    assert "LB-1: Påbörjat → Påbörjat (bekräftad) (2018-10-31, uppföljning 2018-10)" in (
        confirmed.stderr
    )
    assert "ny notering" not in confirmed.stderr
    noted = invoke("status", "set", "LB-2", "ej-paborjat", "--note", "Väntar", "-d", "2018-05-31")
    assert noted.exit_code == 0, noted.stderr
    assert "LB-2: Ej uppföljd → Ej påbörjat (2018-05-31" in noted.stderr
    again = invoke("status", "set", "LB-2", "ej-paborjat", "--note", "Fortfarande", "-r", "2018-10")
    assert "LB-2: Ej påbörjat → Ej påbörjat (ny notering) (2018-10-31" in again.stderr
    fixed = invoke("status", "correct", "LB-2", "ej-paborjat", "-e", "2", "--note", "Rättad")
    assert fixed.exit_code == 0, fixed.stderr
    assert "(rättelse)" in fixed.stderr and "ny notering" not in fixed.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["LB-1", "kanske"], "okänd status 'kanske'; giltiga: Klart, Påbörjat, Ej"),
        (["XX-1", "klart"], "raden 'XX-1' finns inte i planen; giltiga id:n: LB-1"),
        (["klart"], "ange minst ett radid och en status"),
        (["LB-1", "klart", "-d", "31/5"], "'31/5' är inget giltigt datum"),
        (["LB-1", "klart", "-d", "2027-01-01"], "datumet 2027-01-01 ligger i framtiden"),
        (["LB-1", "klart", "-r", "2019-05"], "giltiga: 2018-05, 2018-10"),
        (["LB-1", "klart", "--note", ""], "--note får inte vara tom"),
        (["LB-1", "klart", "--plan", "annan"], "okänd plan 'annan'"),
    ],
)
def test_refused_requests_exit_2_and_leave_the_file(
    invoke: Invoke, data_dir: Path, args: list[str], message: str
) -> None:
    """Bad statuses, rows, dates, rounds and plans are usage errors; nothing is written."""
    before = _plan_text(data_dir)
    result = invoke("status", "set", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert _plan_text(data_dir) == before


def test_date_before_last_entry_is_refused(invoke: Invoke, data_dir: Path) -> None:
    """A date earlier than the row's last entry is refused with both dates."""
    assert invoke("status", "set", "LB-1", "påbörjat", "-d", "2018-06-01").exit_code == 0
    before = _plan_text(data_dir)
    result = invoke("status", "set", "LB-1", "klart", "-d", "2018-05-31")
    assert result.exit_code == 2
    assert "LB-1: datumet 2018-05-31 ligger före radens senaste post (2018-06-01)" in result.stderr
    assert _plan_text(data_dir) == before


def test_broken_plan_is_not_written(invoke: Invoke, data_dir: Path) -> None:
    """When the data files already have errors, status set refuses with exit 1."""
    plan_file = data_dir / "boras_plan.yaml"
    broken = plan_file.read_bytes().replace(b"    ansvar: Kommunchef\n", b"    ansvr: Kommunchef\n")
    plan_file.write_bytes(broken)
    result = invoke("status", "set", "LB-1", "klart", "-d", "2018-05-31")
    assert result.exit_code == 1
    assert "okänt fält 'ansvr'" in result.stderr
    assert plan_file.read_bytes() == broken


def test_crlf_plan_without_final_newline_keeps_both(invoke: Invoke, data_dir: Path) -> None:
    """A CRLF plan without a final newline gets CRLF lines at its end and still no newline."""
    plan_file = data_dir / "boras_plan.yaml"
    original = plan_file.read_bytes().rstrip(b"\n").replace(b"\n", b"\r\n")
    plan_file.write_bytes(original)
    result = invoke("status", "set", "KP-11", "LB-1", "klart", "-d", "2018-05-31", "-n", "Åtgärdat")
    assert result.exit_code == 0, result.stderr
    new = plan_file.read_bytes()
    assert not new.endswith(b"\n")
    assert new.count(b"\n") == new.count(b"\r\n")
    tail = (
        '    insatser: [5, 9]\r\n    historik:\r\n      - datum: "2018-05-31"\r\n'
        '        status: Klart\r\n        notering: "Åtgärdat"\r\n        uppföljning: "2018-05"'
    )
    assert new.endswith(tail.encode())  # KP-11 is the last row
    # With the missing newline put back on both sides, only lines were added.
    assert len(added_lines((original + b"\r\n").decode(), (new + b"\r\n").decode())) == 5 + 5
    assert _history(data_dir, "KP-11")[0]["note"] == "Åtgärdat"
    assert len(_history(data_dir, "LB-1")) == 1


def test_symlinked_plan_is_written_through_the_link(invoke: Invoke, data_dir: Path) -> None:
    """A plan that is a symlink (within the data directory) stays a symlink; its target gets the
    entry, mode kept."""
    plan_file = data_dir / "boras_plan.yaml"
    (data_dir / "arkiv").mkdir()
    real = data_dir / "arkiv" / "elsewhere.yaml"
    plan_file.rename(real)
    real.chmod(0o664)
    plan_file.symlink_to(real)
    result = invoke("status", "set", "LB-1", "klart", "-d", "2018-05-31")
    assert result.exit_code == 0, result.stderr
    assert plan_file.is_symlink()
    assert "historik:" in real.read_text(encoding="utf-8")
    assert real.stat().st_mode & 0o777 == 0o664


# --- history ------------------------------------------------------------------------------------


@pytest.fixture
def with_history(invoke: Invoke) -> Invoke:
    """The plan after three recorded changes on two rows."""
    for args in (
        ["LB-4", "påbörjat", "-d", "2018-05-31", "--by", "Förhandlingschef"],
        ["AV-8", "påbörjat", "-d", "2018-04-10", "-n", "Mätning | del 1"],
        ["LB-4", "klart", "-d", "2018-10-15", "-n", "Infört"],
    ):
        assert invoke("status", "set", *args).exit_code == 0
    return invoke


def test_history_of_plan_in_date_order(with_history: Invoke) -> None:
    """Without an id every change in the plan is listed in date order with before and after."""
    result = with_history("history", "--format", "json")
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert [(r["date"], r["id"], r["previous"], r["status"]) for r in records] == [
        ("2018-04-10", "AV-8", None, "Påbörjat"),  # not followed up before
        ("2018-05-31", "LB-4", None, "Påbörjat"),
        ("2018-10-15", "LB-4", "Påbörjat", "Klart"),
    ]
    assert set(records[0]) == {
        "area", "by", "date", "id", "note", "plan", "previous", "round", "status",
        "number", "belongs_to", "corrects", "corrected_by",
    }  # fmt: skip


def test_history_of_one_row_as_table(with_history: Invoke) -> None:
    """With an id only that row's entries are shown, in a table with Swedish headings."""
    result = with_history("history", "lb-4")
    assert result.exit_code == 0
    assert "LB-4: Höjt mentorstillägg" in result.stdout
    assert "Datum" in result.stdout and "Notering" in result.stdout
    assert "Infört" in result.stdout and "AV-8" not in result.stdout


@pytest.mark.parametrize(
    ("since", "dates"),
    [
        ("2018-05-31", ["2018-05-31", "2018-10-15"]),
        ("2018-10", ["2018-10-15"]),
        ("2018-05", ["2018-04-10", "2018-05-31", "2018-10-15"]),
    ],
)
def test_history_since_date_or_round(with_history: Invoke, since: str, dates: list[str]) -> None:
    """--since takes a date, or a round (its entries and everything from its date on)."""
    result = with_history("history", "--since", since, "-f", "json")
    assert result.exit_code == 0
    assert [r["date"] for r in json.loads(result.stdout)] == dates


def test_history_as_markdown_escapes_cells(with_history: Invoke) -> None:
    """Markdown output is a table with a heading; a '|' inside a note is escaped."""
    result = with_history("history", "--format", "markdown")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "## Borås Stad: statushistorik"
    assert lines[2] == "| Datum | Id | Från | Till | Uppföljning | Av | Notering |"
    assert (
        "| 2018-04-10 | AV-8 | Ej uppföljd | Påbörjat | 2018-05 |  | Mätning \\| del 1 |" in lines
    )


def test_history_empty_says_so(invoke: Invoke) -> None:
    """A plan without history shows an empty table that says so (and [] in JSON)."""
    assert "(ingen historik)" in invoke("history").stdout
    assert json.loads(invoke("history", "-f", "json").stdout) == []
    assert "_Ingen historik._" in invoke("history", "-f", "markdown").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["XX-1"], "raden 'XX-1' finns inte"),
        (["--since", "igår"], "uppföljning (2018-05, 2018-10) eller ett giltigt datum"),
    ],
)
def test_history_bad_input_exits_2(invoke: Invoke, args: list[str], message: str) -> None:
    """An unknown row or an unreadable --since is a usage error."""
    result = invoke("history", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_history_unknown_format_is_swedish(invoke: Invoke) -> None:
    """An unknown --format is a Swedish usage error listing the formats, with no English left."""
    result = invoke("history", "--format", "csv")
    assert result.exit_code == 2
    text = " ".join(result.stderr.split())
    assert "okänt värde 'csv' för --format; giltiga: table, json, markdown" in text
    assert "Value error" not in text and "is not one of" not in text


def test_indicator_set_without_round_names_the_option(invoke: Invoke) -> None:
    """A missing required option is named with both its spellings inside matching quotes."""
    result = invoke("indicator", "set", "LB-4", "1500")
    assert result.exit_code == 2
    assert "flaggan '--round' / '-r' saknas" in result.stderr


# --- followup -----------------------------------------------------------------------------------

# Answers for the six Lönebildning rows: status, then note (empty = Enter).
# Rows never followed up need a status (Enter confirms only a status the row already has).
MEETING = "k\nBeslut i delegationen\ne\n\npåbörjat\n\ne\n\nej-paborjat\nVäntar\ne\n\n"


def test_followup_records_answers_after_confirmation(invoke: Invoke, data_dir: Path) -> None:
    """The meeting walks the area's rows; Enter confirms; everything is written after 'ja'."""
    before = _plan_text(data_dir)
    result = invoke(
        "followup", "2018-05", "--area", "lonebildning", "--by", "Sekreterare",
        input=MEETING + "ja\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("Status (ange klart, påbörjat, ej påbörjat, s = hoppa över") == 6
    assert "[6/6] LB-6" in result.stdout
    assert "Sammanfattning:" in result.stdout
    assert "LB-1: ny status Klart – Beslut i delegationen" in result.stdout
    assert "LB-2: ny status Ej påbörjat" in result.stdout
    assert "Spara 6 svar i data/boras_plan.yaml? (ja/nej)" in result.stdout
    assert "6 poster tillagda i data/boras_plan.yaml" in result.stderr
    added = added_lines(before, _plan_text(data_dir))
    assert len(added) == 6 * 5 + 2  # historik: and 4 lines per entry, +1 for each of 2 notes
    assert _history(data_dir, "LB-1") == [
        {
            "date": "2018-05-31",
            "status": "Klart",
            "note": "Beslut i delegationen",
            "by": "Sekreterare",
            "round": "2018-05",
        }
    ]
    assert _history(data_dir, "LB-5")[0]["note"] == "Väntar"  # same status, with a note
    assert _history(data_dir, "LB-2") == [
        {"date": "2018-05-31", "status": "Ej påbörjat", "by": "Sekreterare", "round": "2018-05"}
    ]
    assert not (data_dir / ".boras_plan.yaml.2018-05.utkast.json").exists()


def test_followup_answer_nej_keeps_the_draft(invoke: Invoke, data_dir: Path) -> None:
    """Answering 'nej' leaves the plan byte-identical and the answers in the draft."""
    before = _plan_text(data_dir)
    result = invoke("followup", "2018-05", "-a", "lönevillkor", input=MEETING + "kanske\nnej\n")
    assert result.exit_code == 0
    assert "Svara ja eller nej." in result.stdout
    assert "Inget skrevs. Utkastet finns kvar" in result.stdout
    assert _plan_text(data_dir) == before
    assert (data_dir / ".boras_plan.yaml.2018-05.utkast.json").exists()


def test_followup_interrupted_keeps_answers_in_draft(invoke: Invoke, data_dir: Path) -> None:
    """Input ending mid-meeting exits 130, writes nothing to the plan, keeps the answers."""
    before = _plan_text(data_dir)
    result = invoke("followup", "2018-05", "--area", "lonebildning", input="k\nNotering\np\n")
    assert result.exit_code == 130
    assert "Avbrutet – 1 svar finns kvar i utkastet" in result.stderr
    assert _plan_text(data_dir) == before
    resumed = invoke(
        "followup", "2018-05", "--area", "lonebildning", input="ja\n" + "e\n\n" * 5 + "ja\n"
    )
    assert resumed.exit_code == 0, resumed.stderr
    assert "Det finns ett utkast för 2018-05 med 1 svar" in resumed.stdout
    assert [e["note"] for e in _history(data_dir, "LB-1")] == ["Notering"]


def test_followup_repeats_unclear_status_and_records_later_rows_afterwards(
    invoke: Invoke, data_dir: Path
) -> None:
    """An unknown status is asked again; a row with a later entry is recorded afterwards (dated
    today, tagged with the round), or skipped with the reason when --date names the day."""
    assert invoke("status", "set", "LB-2", "klart", "-d", "2018-10-15").exit_code == 0
    dated = invoke(
        "followup", "2018-05", "--area", "lonebildning", "--date", "2018-05-31", input="s\n" * 5
    )
    assert dated.exit_code == 0, dated.stderr
    assert "Hoppas över: LB-2: datumet 2018-05-31 ligger före radens senaste post" in dated.stdout
    answers = "nej\n" + "xyz\nklart\n\n" + "p\n\n" + "e\n\n" * 4 + "ja\n"  # not the draft
    result = invoke("followup", "2018-05", "--area", "lonebildning", input=answers)
    assert result.exit_code == 0, result.stderr
    assert "okänd status 'xyz'; giltiga: Klart, Påbörjat, Ej påbörjat" in result.stdout
    assert "Obs: LB-2: posten registreras i efterhand för uppföljning 2018-05" in result.stdout
    assert [e["status"] for e in _history(data_dir, "LB-1")] == ["Klart"]
    assert _history(data_dir, "LB-2")[1:] == [
        {"date": TODAY.isoformat(), "status": "Påbörjat", "round": "2018-05"}
    ]


def test_followup_skipping_every_row_writes_nothing(invoke: Invoke, data_dir: Path) -> None:
    """'s' on every row records no answer, asks no final question and leaves the file alone."""
    before = _plan_text(data_dir)
    result = invoke("followup", "2018-10", "--area", "lonebildning", input="s\n" * 6)
    assert result.exit_code == 0
    assert "Inga svar att spara; inget skrevs." in result.stdout
    assert "(ja/nej)" not in result.stdout
    assert _plan_text(data_dir) == before


def test_followup_keeps_a_colleagues_edit_and_writes_the_answers(
    invoke: Invoke, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A comment added to the plan during the meeting stays; the answers are written too."""
    from planctl.cli import followup as followup_command

    plan_file = data_dir / "boras_plan.yaml"

    def colleague_edits_then_yes(question: str) -> bool:
        plan_file.write_text(_plan_text(data_dir) + "# en kollegas ändring\n", encoding="utf-8")
        return True

    monkeypatch.setattr(followup_command, "_confirm", colleague_edits_then_yes)
    result = invoke("followup", "2018-05", "--area", "lonebildning", input="k\n\n" + "e\n\n" * 5)
    assert result.exit_code == 0, result.stderr
    assert "# en kollegas ändring\n" in _plan_text(data_dir)
    assert [e["status"] for e in _history(data_dir, "LB-1")] == ["Klart"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["2019-05"], "giltiga: 2018-05, 2018-10"),
        (["2018-05", "--date", "2030-01-01"], "ligger i framtiden"),
        (["2018-05", "--area", "ekonomi"], "okänt område 'ekonomi'"),
        (["2018-05", "--by", "  "], "--by får inte vara tom"),
    ],
)
def test_followup_bad_input_exits_2(invoke: Invoke, args: list[str], message: str) -> None:
    """An unknown round or area, a future date or a blank --by stops before any question."""
    result = invoke("followup", *args, input="")
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Ny status" not in result.stdout


def test_skipped_rows_warn_until_confirmed_by_status_set(invoke: Invoke, data_dir: Path) -> None:
    """A row with no entry for a round gets missing-round-entry; confirming it silences it."""
    first = invoke("status", "set", "LB-1", "klart", "--round", "2018-05", "-d", "2018-05-31")
    assert first.exit_code == 0, first.stderr
    check = invoke("validate", "--format", "json")
    assert check.exit_code == 0  # warnings do not fail CI
    warned = {
        p["message"].split(":")[0]: p["message"]
        for p in json.loads(check.stdout)["problems"]
        if p["rule"] == "missing-round-entry"
    }
    assert "LB-2" in warned and "LB-1" not in warned
    assert "planctl followup 2018-05" in warned["LB-2"]
    assert "planctl status set LB-2 STATUS --round 2018-05" in warned["LB-2"]
    confirmed = invoke(
        "status", "set", "LB-2", "ej-paborjat", "--round", "2018-05", "-d", "2018-05-31"
    )
    assert confirmed.exit_code == 0, confirmed.stderr
    after = json.loads(invoke("validate", "--format", "json").stdout)["problems"]
    assert not any(p["message"].startswith("LB-2:") for p in after)


# --- the real program ---------------------------------------------------------------------------


def test_python_m_planctl_status_set_end_to_end(data_dir: Path) -> None:
    """'python -m planctl status set' in a subprocess writes the entry and validates after."""
    env = {**os.environ, "PLANCTL_TODAY": "2018-06-01", "NO_COLOR": "1"}
    env.pop("PLANCTL_DATA", None)
    command = [sys.executable, "-m", "planctl", "status", "set", "KP-7", "klart", "-n", "VFU ok"]
    result = subprocess.run(
        command, cwd=data_dir.parent, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "1 post tillagd i data/boras_plan.yaml" in result.stderr
    assert "uppföljning 2018-10 (Uppföljning oktober 2018) vald" in result.stderr
    check = subprocess.run(
        [sys.executable, "-m", "planctl", "validate"],
        cwd=data_dir.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout


def test_core_modules_import_neither_typer_nor_rich() -> None:
    """The writing core stays free of the CLI and output libraries."""
    code = (
        "import sys, planctl.writing.status, planctl.writing.yamledit\n"
        "import planctl.writing.savefile, planctl.report\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'click')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
