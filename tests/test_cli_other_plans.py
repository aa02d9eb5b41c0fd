"""Any municipality's plan through the CLI: its own status columns in every report format, its
status words in ``status set``, and Borås's report before and after its first follow-up round."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import FIXTURES, Invoke

SCALE = ["Genomförd", "Pågår", "Ej påbörjad", "Ej aktuell"]
LEGEND_START = "Försenad: ej startad fast startperioden är slut"


@pytest.fixture
def other(tmp_path: Path) -> dict[str, str]:
    """A data directory with only Exempelstad's plan (its own scale, no catalogue)."""
    target = tmp_path / "exempel"
    shutil.copytree(FIXTURES / "other_scale", target)
    return {"PLANCTL_DATA": str(target), "PLANCTL_NOW": "2026-11-23T09:30"}


def _plan_text(env: dict[str, str]) -> str:
    return (Path(env["PLANCTL_DATA"]) / "exempelstad.yaml").read_text(encoding="utf-8")


def test_other_plan_validates_without_errors(invoke: Invoke, other: dict[str, str]) -> None:
    """The plan validates (exit 0); the row without owner and the row not followed up are the
    only remarks, as warnings."""
    result = invoke("validate", env=other)
    assert result.exit_code == 0, result.stdout
    rules = sorted(line.split("[")[1].split("]")[0] for line in result.stdout.splitlines())
    assert rules == ["missing-round-entry", "no-responsible"]
    assert "0 fel och 2 varningar" in result.stderr


@pytest.mark.parametrize("typed", ["pågår", "pagar", "Pågående"])
def test_status_set_takes_the_plans_words(
    invoke: Invoke, other: dict[str, str], typed: str
) -> None:
    """status set R-4 pågår records the plan's own status name; list finds it by that name."""
    result = invoke("status", "set", "R-4", typed, "--date", "2026-09-01", env=other)
    assert result.exit_code == 0, result.stderr
    assert "R-4: Ej uppföljd → Pågår (2026-09-01)" in result.stderr
    assert "        status: Pågår\n" in _plan_text(other)
    listed = json.loads(invoke("list", "--status", "pågår", "-f", "json", env=other).stdout)
    assert [r["id"] for r in listed] == ["R-3", "R-8", "R-4", "R-5"]


def test_wrong_status_word_lists_this_plans_statuses(invoke: Invoke, other: dict[str, str]) -> None:
    """A word the plan has no status for lists its statuses, and nothing is written."""
    before = _plan_text(other)
    result = invoke("status", "set", "R-4", "klart-ish", env=other)
    assert result.exit_code == 2
    assert "giltiga: Genomförd, Pågår, Ej påbörjad, Ej aktuell" in result.stderr
    assert _plan_text(other) == before


def _markdown_header(text: str, first: str) -> list[str]:
    line = next(row for row in text.splitlines() if row.startswith(f"| {first} |"))
    return [cell.strip() for cell in line.strip("|").split("|")]


def test_every_report_format_has_exactly_the_plans_status_columns(
    invoke: Invoke, other: dict[str, str], tmp_path: Path
) -> None:
    """Table, Markdown, CSV, JSON, HTML and Excel all show Genomförd, Pågår, Ej påbörjad, Ej
    aktuell as the status columns, and none of the template's; each carries the legend."""
    wide = {**other, "COLUMNS": "160"}
    table = invoke("report", env=wide).stdout
    lines = table.splitlines()
    at = next(i for i, line in enumerate(lines) if line.lstrip().startswith("Id "))
    # Two-word headings wrap: "Ej" on the line above, "påbörjad" on the heading line.
    assert lines[at].split()[-4:] == ["Genomförd", "Pågår", "påbörjad", "aktuell"]
    assert lines[at - 1].split() == ["Ej", "Ej"]
    assert "Klart" not in table and "Påbörjat" not in table
    assert LEGEND_START in table.replace("\n", " ")

    markdown = invoke("report", "-f", "markdown", env=other).stdout
    assert _markdown_header(markdown, "Id")[4:-1] == SCALE
    assert _markdown_header(markdown, "Område")[1:7] == [*SCALE, "Ej uppföljda", "Försenade"]
    assert LEGEND_START in markdown

    # The CSV is one tidy table (one row per plan row): the status is a column of the plan's
    # names, and its columns are defined in the README instead of a legend line.
    data = invoke("report", "-f", "csv", env=other).stdout
    records = list(csv.DictReader(io.StringIO(data.lstrip("\ufeff"), newline=""), delimiter=";"))
    assert {r["status"] for r in records} == {*SCALE, "Ej uppföljd"}

    record = json.loads(invoke("report", "-f", "json", env=other).stdout)
    assert [s["name"] for s in record["statuses"]] == SCALE
    per_status = [(s["name"], s["count"]) for s in record["counts"]["statuses"]]
    assert per_status == [("Genomförd", 1), ("Pågår", 3), ("Ej påbörjad", 2), ("Ej aktuell", 1)]
    assert record["legend"].startswith(LEGEND_START)

    html = invoke("report", "-f", "html", env=other).stdout
    marks = html.split('<th class="mark">')[1:5]
    assert [m.split("<")[0] for m in marks] == SCALE
    assert LEGEND_START in html

    out = tmp_path / "rapport.xlsx"
    assert invoke("report", "--output", str(out), env=other).exit_code == 0
    book = openpyxl.load_workbook(out)
    sheet = book["Rekrytering"]
    heading_row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "Id")
    assert list(heading_row[4:8]) == SCALE
    summary = [r for r in book["Sammanfattning"].iter_rows(values_only=True) if r[0]]
    assert any(str(r[0]).startswith(LEGEND_START) for r in summary)


def test_report_counts_lateness_and_not_followed_up_by_hand(
    invoke: Invoke, other: dict[str, str]
) -> None:
    """Counted by hand on 2026-11-23 (see tests/test_other_plans.py): 1 Genomförd (R-1), 3 Pågår
    (R-3; R-8 and R-5 past their end), 2 Ej påbörjad (R-2 past Q3 2026; R-6 löpande), 1 Ej
    aktuell (R-7), 1 ej uppföljd (R-4), 3 late; share done 1 of the 7 not dropped."""
    record = json.loads(invoke("report", "-f", "json", env=other).stdout)
    counts = record["counts"]
    per_status = [(s["name"], s["count"]) for s in counts["statuses"]]
    assert per_status == [("Genomförd", 1), ("Pågår", 3), ("Ej påbörjad", 2), ("Ej aktuell", 1)]
    assert (counts["not_followed_up"], counts["delayed"], counts["total"]) == (1, 3, 8)
    assert round(counts["share_done"] * 100) == 14
    # The costs with an amount: R-1 15 000 kr once, R-5 800 kr a year (R-2's "1+1 årsarbetare"
    # has no amount).
    assert record["costs"] == {"once": 15000, "per_year": 800}
    areas = {a["name"]: a["costs"] for a in record["areas"]}
    assert areas["Rekrytering"] == {"once": 15000, "per_year": 0}
    assert areas["Arbetsmiljö"] == {"once": 0, "per_year": 800}
    data = invoke("report", "-f", "csv", env=other).stdout
    rows = list(csv.DictReader(io.StringIO(data.lstrip("\ufeff"), newline=""), delimiter=";"))
    by_id = {row["id"]: row for row in rows}
    late = {row_id: row["försenad"] for row_id, row in by_id.items() if row["försenad"]}
    assert late == {
        "R-2": "start försenad",
        "R-8": "slutdatum passerat",
        "R-5": "slutdatum passerat",
    }
    assert (by_id["R-4"]["status"], by_id["R-4"]["betyder"]) == ("Ej uppföljd", "")
    assert by_id["R-3"]["ansvar"] == "ej angivet"
    assert by_id["R-8"]["ansvar"] == "HR-chef, Kommunikationschef"
    markdown = invoke("report", "-f", "markdown", env=other).stdout
    assert "## Kompetensutveckling" in markdown and "Inga rader: planen har inga" in markdown


def test_show_gives_owners_period_and_cost(invoke: Invoke, other: dict[str, str]) -> None:
    """show prints every owner, the periods read from start and end, the funding the plan states
    and the cost with its amount."""
    out = invoke("show", "R-1", env={**other, "COLUMNS": "120"}).stdout
    assert "Kommunchef, Förvaltningschef" in out
    assert "2025 (2025-01-01–2025-12-31)" in out
    assert "kräver särskilda resurser" in out
    assert "15 000 kronor per anställd (15\u00a0000\u00a0kr engångskostnad)" in out
    r3 = invoke("show", "R-3", env={**other, "COLUMNS": "120"}).stdout
    assert "ej angivet" in r3 and "Senast december 2026 (2026-12-01–2026-12-31)" in r3
    assert "Finansiering" not in r3


# --- several plans --------------------------------------------------------------------------


@pytest.fixture
def two_plans(data_dir: Path) -> Path:
    """The shipped Borås data with Exempelstad's plan beside it."""
    shutil.copy(FIXTURES / "other_scale" / "exempelstad.yaml", data_dir)
    return data_dir


def test_row_id_in_one_plan_needs_no_plan_option(invoke: Invoke, two_plans: Path) -> None:
    """show, status set and history find the only plan that has the row; --plan matches ASCII
    spellings and prefixes; PLANCTL_PLAN sets the default."""
    assert invoke("show", "R-8").exit_code == 0
    assert invoke("show", "LB-4").exit_code == 0
    done = invoke("status", "set", "R-4", "genomford", "--date", "2026-09-01")
    assert done.exit_code == 0, done.stderr
    assert invoke("history", "R-4", "-f", "json").exit_code == 0
    refused = invoke("list")
    assert refused.exit_code == 2 and "välj en med --plan" in refused.stderr
    listed = json.loads(invoke("list", "--plan", "exempel", "-f", "json").stdout)
    assert {r["plan"] for r in listed} == {"exempelstad-2025"}
    by_env = json.loads(invoke("list", "-f", "json", env={"PLANCTL_PLAN": "boras"}).stdout)
    assert {r["plan"] for r in by_env} == {"boras-socialsekreterare-2017"}


def test_summary_over_two_scales_compares_by_meaning(invoke: Invoke, two_plans: Path) -> None:
    """summary puts Borås (not followed up yet) and Exempelstad (its own scale) in the same
    columns of meaning."""
    record = json.loads(invoke("summary", "-f", "json").stdout)
    got = {
        p["id"]: (p["done"], p["started"], p["not_started"], p["dropped"], p["not_followed_up"])
        for p in record["plans"]
    }
    assert got == {
        "boras-socialsekreterare-2017": (0, 0, 0, 0, 27),
        "exempelstad-2025": (1, 3, 2, 1, 1),
    }
    table = invoke("summary", env={"COLUMNS": "120"}).stdout
    assert "Ej\n" in table or "startad" in table


# --- Borås before and after its first round -------------------------------------------------

ROUND_2018_05 = {
    "klart": ["LB-4", "KP-7", "KP-9"],
    "påbörjat": ["LB-1", "LB-2", "LB-5", "AV-1", "AV-2", "AV-4", "AV-6", "KP-2"],
}
OLD_SUMMARY = [
    "| Område | Klart | Påbörjat | Ej påbörjat | Försenade | Andel klart | Framsteg |",
    "|---|--:|--:|--:|--:|--:|---|",
    "| Lönebildning | 1 | 3 | 2 | 1 | 17\u00a0% | `█▒▒▒▒▒░░░░` |",
    "| Arbetsvillkor | 0 | 4 | 6 | 4 | 0\u00a0% | `▒▒▒▒░░░░░░` |",
    "| Kompetens- och personalförsörjning | 2 | 1 | 8 | 5 | 18\u00a0% | `█▒░░░░░░░░` |",
    "| **Hela planen** | **3** | **8** | **16** | **10** | **11\u00a0%** | `█▒▒▒░░░░░░` |",
]


def test_boras_blank_before_and_as_today_after_round_2018_05(invoke: Invoke) -> None:
    """The shipped plan reports 27 rows *ej uppföljda* and none late. Once round 2018-05 is
    recorded for every row (the rest as Ej påbörjat), the summary has the template's columns and
    the counts planctl reported for that round before plans had their own scales."""
    before = invoke("report", "-f", "json").stdout
    counts = json.loads(before)["counts"]
    assert (counts["not_followed_up"], counts["delayed"], counts["total"]) == (27, 0, 27)
    rest = json.loads(invoke("list", "-f", "json").stdout)
    recorded = {row_id for ids in ROUND_2018_05.values() for row_id in ids}
    ROUND_2018_05["ej påbörjat"] = [r["id"] for r in rest if r["id"] not in recorded]
    for status, ids in ROUND_2018_05.items():
        done = invoke("status", "set", *ids, status, "--date", "2018-05-31", "--round", "2018-05")
        assert done.exit_code == 0, done.stderr
    markdown = invoke("report", "--round", "2018-05", "-f", "markdown").stdout.splitlines()
    start = markdown.index(OLD_SUMMARY[0])
    assert markdown[start : start + len(OLD_SUMMARY)] == OLD_SUMMARY
    header = _markdown_header("\n".join(markdown), "Id")
    assert header[4:7] == ["Klart", "Påbörjat", "Ej påbörjat"]
