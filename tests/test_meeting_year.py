"""A real-shaped follow-up year replayed through the CLI: every view agrees on every row's state.

Round 2018-05 is recorded with ``status set --round`` and no ``--date`` (months later, as the
README's example does); round 2018-10 with ``followup --date`` after the round's date; then a
correction and the group's assessments. ``report --round``, ``diff``, ``history --since``,
``summary`` and ``changes`` must then say the same thing about each of the 27 rows.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from planctl.changes import changes_between
from planctl.entries import EntryKind
from planctl.models import Plan
from planctl.store import load_data_dir
from tests.conftest import TODAY, Invoke
from tests.gittools import git

NOT, STARTED, DONE = "Ej påbörjat", "Påbörjat", "Klart"
NONE = None  # ej uppföljd: no status yet

# What the secretary records in May (status set) and says in October (followup answers).
MAY_SET = {
    "LB-4": ("påbörjat", "Beslut i maj"),
    "KP-5": ("påbörjat", None),
    "AV-1": ("klart", None),
    "AV-3": ("ej-paborjat", None),
}
OCTOBER = {"LB-4": ("k", ""), "KP-5": ("k", "Klart i oktober"), "AV-2": ("p", "")}


def _plan(data_dir: Path) -> Plan:
    return load_data_dir(data_dir, today=TODAY).require_valid().plan().model


def _json(invoke: Invoke, *args: str) -> Any:
    result = invoke(*args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def year(invoke: Invoke, data_dir: Path) -> dict[str, dict[str, str | None]]:
    """Record the year; return the expected status of every row at each round."""
    root = data_dir.parent
    for row_id, (status, note) in MAY_SET.items():
        args = ["status", "set", row_id, status, "--round", "2018-05"]
        result = invoke(*args, *(["--note", note] if note else []))
        assert result.exit_code == 0, result.stderr
    git("init", "-q", cwd=root)
    git("add", "data", cwd=root)
    git("commit", "-q", "-m", "Uppföljning maj 2018", cwd=root)
    rows = [row.id for row in _plan(data_dir).rows]
    # Enter confirms a row that has a status (AV-1); the rest never followed up get one.
    answers = "".join(
        f"{OCTOBER[r][0]}\n{OCTOBER[r][1]}\n"
        if r in OCTOBER
        else ("\n\n" if r in MAY_SET else "e\n\n")
        for r in rows
    )
    meeting = invoke("followup", "2018-10", "--date", "2018-11-05", input=answers + "ja\n")
    assert meeting.exit_code == 0, meeting.stderr
    fix = invoke(
        "status", "correct", "AV-1", "påbörjat", "--entry", "1", "--note", "Inte klart i maj"
    )
    assert fix.exit_code == 0, fix.stderr
    for extra in ([], ["--area", "arbetsvillkor"]):
        said = invoke("comment", "2018-10", *extra, "Arbetet går framåt", "--by", "Arbetsgruppen")
        assert said.exit_code == 0, said.stderr
    may: dict[str, str | None] = dict.fromkeys(rows, NONE)
    may |= {"LB-4": STARTED, "KP-5": STARTED, "AV-1": STARTED, "AV-3": NOT}
    october: dict[str, str | None] = dict.fromkeys(rows, NOT)
    october |= {"LB-4": DONE, "KP-5": DONE, "AV-1": DONE, "AV-2": STARTED}
    return {"2018-05": may, "2018-10": october}


def _report_rows(record: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for area in record["areas"] for row in area["rows"]}


def test_report_round_shows_each_rounds_state_and_the_previous_one(
    invoke: Invoke, year: dict[str, dict[str, str | None]]
) -> None:
    """report --round gives every row its state at that round and at the round before."""
    for round_id, expected in year.items():
        rows = _report_rows(_json(invoke, "report", "--round", round_id, "-f", "json"))
        assert {r: row["status"] for r, row in rows.items()} == expected
    october = _report_rows(_json(invoke, "report", "--round", "2018-10", "-f", "json"))
    assert {r: row["previous_round_status"] for r, row in october.items()} == year["2018-05"]
    assert october["LB-4"]["note"] is None  # Klart in October has no note; May's is not shown
    assert october["KP-5"]["note"] == "Klart i oktober"


def test_report_round_filters_status_by_the_rounds_state(
    invoke: Invoke, year: dict[str, dict[str, str | None]]
) -> None:
    """report --round R --status S lists exactly the rows whose state at R is S (entries dated
    after the round's day included), not the rows with S on the round's date."""
    for round_id, expected in year.items():
        for status in {s for s in expected.values() if s is not None}:
            record = _json(invoke, "report", "--round", round_id, "--status", status, "-f", "json")
            wanted = {r for r, s in expected.items() if s == status}
            assert set(_report_rows(record)) == wanted, (round_id, status)


def test_diff_lists_exactly_the_rows_whose_state_moved(
    invoke: Invoke, year: dict[str, dict[str, str | None]]
) -> None:
    """diff 2018-05 2018-10 has a row exactly when its two round states differ, from → to."""
    moved = {
        r: (year["2018-05"][r], year["2018-10"][r])
        for r in year["2018-10"]
        if year["2018-05"][r] != year["2018-10"][r]
    }
    rows = _report_rows(_json(invoke, "diff", "2018-05", "2018-10", "-f", "json"))
    assert {r: (row["previous_status"], row["status"]) for r, row in rows.items()} == moved


def test_history_since_round_ends_in_each_rows_state(
    invoke: Invoke, year: dict[str, dict[str, str | None]]
) -> None:
    """history --since 2018-10: every row has an entry, and the last counting one is its state."""
    records = _json(invoke, "history", "--since", "2018-10", "-f", "json")
    last: dict[str, str | None] = {}
    for record in records:
        assert record["belongs_to"] == "2018-10"
        if record["corrected_by"] is None:
            last[record["id"]] = record["status"]
    assert last == year["2018-10"]


def test_summary_names_the_latest_round_and_counts_its_state(
    invoke: Invoke, year: dict[str, dict[str, str | None]]
) -> None:
    """summary: latest follow-up 2018-10 on its date, counts from the October state."""
    plan = _json(invoke, "summary", "-f", "json")["plans"][0]
    assert plan["latest_follow_up"] == {"date": "2018-10-31", "round": "2018-10"}
    states = list(year["2018-10"].values())
    assert (plan["done"], plan["started"], plan["not_started"]) == (
        states.count(DONE),
        states.count(STARTED),
        states.count(NOT),
    )


def test_changes_counts_real_changes_and_lists_the_rest_apart(
    invoke: Invoke, data_dir: Path, year: dict[str, dict[str, str | None]]
) -> None:
    """changes since May: real changes, one correction, and confirmations/notes, row by row."""
    report = changes_between(data_dir, "main", None, cwd=data_dir.parent)
    (plan,) = report.plans
    changed = {c.row_id: (c.old, c.new) for c in plan.entries(EntryKind.CHANGE)}
    assert changed == {
        r: (year["2018-05"][r], year["2018-10"][r])
        for r in year["2018-10"]
        if year["2018-05"][r] != year["2018-10"][r]
    }
    (fix,) = plan.entries(EntryKind.CORRECTION)
    assert (fix.row_id, fix.old, fix.new, fix.round) == (
        "AV-1",
        DONE,
        STARTED,
        "2018-05",
    )
    latest: dict[str, str | None] = {}
    for change in plan.statuses:
        if change.kind is not EntryKind.CORRECTION:
            latest[change.row_id] = change.new
    assert latest == year["2018-10"]
    assert not plan.history_rewritten
    markdown = invoke("changes", "main").stdout
    assert f"**Statusändringar ({len(changed)})**" in markdown
    assert "**Rättelser (1)**" in markdown
    assert f"bekräftelser och noteringar ({len(year['2018-10']) - len(changed)})" in markdown


def test_round_report_shows_the_groups_assessment_in_every_format(
    invoke: Invoke, year: dict[str, dict[str, str | None]], tmp_path: Path
) -> None:
    """The assessments of 2018-10 appear at the top and under Arbetsvillkor in every format."""
    record = _json(invoke, "report", "--round", "2018-10", "-f", "json")
    assert [a["text"] for a in record["assessments"]] == ["Arbetet går framåt"]
    by_area = {a["id"]: [x["text"] for x in a["assessments"]] for a in record["areas"]}
    assert by_area["arbetsvillkor"] == ["Arbetet går framåt"]
    assert by_area["lönebildning"] == []
    for fmt in ("table", "markdown", "html"):
        text = invoke("report", "--round", "2018-10", "-f", fmt).stdout
        assert text.count("Arbetsgruppens bedömning") == 2, fmt
        assert "Förra uppföljningen" in text, fmt
    # The CSV is one tidy table of rows: the previous round is a column, assessments are not rows.
    header = invoke("report", "--round", "2018-10", "-f", "csv").stdout.lstrip("\ufeff")
    assert "förra_uppföljningen" in header.splitlines()[0].split(";")
    from openpyxl import load_workbook

    target = tmp_path / "r.xlsx"
    assert invoke("report", "--round", "2018-10", "-o", str(target)).exit_code == 0
    cells = [
        str(c.value) for ws in load_workbook(target).worksheets for r in ws.iter_rows() for c in r
    ]
    assert cells.count("Arbetsgruppens bedömning") == 2
    assert any(c.startswith("Förra uppföljningen") for c in cells)
    import docx

    word = tmp_path / "r.docx"
    assert invoke("report", "--round", "2018-10", "-o", str(word)).exit_code == 0
    document = docx.Document(str(word))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs.count("Arbetsgruppens bedömning") == 2
    assert sum(p.startswith("Arbetet går framåt") for p in paragraphs) == 2
    headings = [c.text for t in document.tables for c in t.rows[0].cells]
    assert any(h.startswith("Förra uppföljningen") for h in headings)


def test_validate_names_only_rows_skipped(
    invoke: Invoke, year: dict[str, dict[str, str | None]]
) -> None:
    """Every row answered in October, three set in May: only May's skipped rows are named."""
    problems = _json(invoke, "validate", "--format", "json")["problems"]
    named = {
        (p["message"].split(":")[0], "'2018-10'" in p["message"])
        for p in problems
        if p["rule"] == "missing-round-entry"
    }
    assert named == {(r, False) for r in year["2018-05"] if r not in MAY_SET}


def test_full_meeting_without_changes_leaves_no_missing_round_entry(
    invoke: Invoke, data_dir: Path
) -> None:
    """After May, October's followup with Enter on every row confirms them all: no warning."""
    rows = len(_plan(data_dir).rows)
    may = invoke("followup", "2018-05", input="e\n\n" * rows + "ja\n")
    assert may.exit_code == 0, may.stderr
    result = invoke("followup", "2018-10", input="\n\n" * rows + "ja\n")
    assert result.exit_code == 0, result.stderr
    assert f"{rows} poster tillagda" in result.stderr
    problems = _json(invoke, "validate", "--format", "json")["problems"]
    assert [p for p in problems if p["rule"] == "missing-round-entry"] == []
    plan = _plan(data_dir)
    assert {s.name if s else None for s in map(plan.status_on, plan.rows)} == {NOT}
