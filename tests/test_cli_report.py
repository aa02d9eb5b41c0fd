"""The report and diff commands: options, time travel, output files and exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, TODAY, Invoke

NOW = {"PLANCTL_NOW": "2026-11-23T09:30"}
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7])(?:;[0-9;]*)?m")


def report_json(invoke: Invoke, *args: str) -> dict[str, Any]:
    result = invoke("report", "--format", "json", *args, env=NOW)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def row_statuses(data: dict[str, Any]) -> dict[str, str]:
    return {row["id"]: row["status"] for area in data["areas"] for row in area["rows"]}


def test_report_on_plan_without_history(invoke: Invoke) -> None:
    """The shipped plan has no history: the blank appendix, 27 rows *ej uppföljda* and none
    late (the source's own template is blank before the first follow-up)."""
    result = invoke("report", env=NOW)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    total = next(line for line in result.stdout.splitlines() if "Hela planen" in line)
    # Klart, Påbörjat, Ej påbörjat, Ej uppföljda, Försenade
    assert total.split()[2:7] == ["0", "0", "0", "27", "0"]
    assert "Uppföljningsrapport – Borås Stad" in result.stdout
    assert "Framtagen 2026-11-23 09:30" in result.stdout


@pytest.mark.parametrize("typed", ["lonebildning", "lönevillkor", "LÖNEBILDNING", "löne"])
def test_area_matches_like_list(history_dir: Path, invoke: Invoke, typed: str) -> None:
    """--area takes the same names, aliases and prefixes as list."""
    data = report_json(invoke, "--area", typed)
    assert [a["id"] for a in data["areas"]] == ["lönebildning"]
    assert data["filters"]["area"] == "lönebildning"


def test_status_and_responsible_filters(history_dir: Path, invoke: Invoke) -> None:
    """--status (as of the moment shown) and --responsible narrow the rows."""
    data = report_json(invoke, "--round", "2018-05", "--status", "klart")
    assert row_statuses(data) == {"LB-4": "Klart", "KP-7": "Klart", "KP-9": "Klart"}
    data = report_json(invoke, "--responsible", "lokalförsörjning", "--status", "started")
    assert row_statuses(data) == {"AV-3": "Påbörjat"}


def test_round_and_as_of_show_the_status_then(history_dir: Path, invoke: Invoke) -> None:
    """--round shows the status on the round's date, --as-of on any date, from the history."""
    may = report_json(invoke, "--round", "2018-05")
    assert may["as_of"] == {
        "date": "2018-05-31",
        "round": "2018-05",
        "round_name": "Uppföljning maj 2018",
    }
    assert row_statuses(may)["LB-1"] == "Påbörjat"
    summer = report_json(invoke, "--as-of", "2018-06-15")
    assert row_statuses(summer)["KP-1"] == "Påbörjat"  # entered 2018-06-10
    assert row_statuses(summer)["LB-1"] == "Påbörjat"
    october = report_json(invoke, "--round", "2018-10")
    assert row_statuses(october)["LB-1"] == "Klart"
    assert row_statuses(october)["KP-2"] == "Ej påbörjat"  # went back


def test_changes_since_a_date_or_round(history_dir: Path, invoke: Invoke) -> None:
    """--changes-since lists only rows that moved, from → to, since a round or a date."""
    data = report_json(invoke, "--as-of", "2018-06-30", "--changes-since", "2018-05")
    moved = {
        row["id"]: (row["previous_status"], row["status"])
        for area in data["areas"]
        for row in area["rows"]
    }
    assert moved == {"KP-1": (None, "Påbörjat")}  # KP-1 had not been followed up before
    assert data["since"]["round"] == "2018-05"
    by_date = report_json(invoke, "--round", "2018-10", "--changes-since", "2018-05-31")
    assert len(row_statuses(by_date)) == 9
    assert by_date["since"] == {"date": "2018-05-31", "round": None, "round_name": None}


def test_diff_equals_report_changes_since(history_dir: Path, invoke: Invoke) -> None:
    """diff A B is the report of changes since round A, as of round B."""
    diff = invoke("diff", "2018-05", "2018-10", "--format", "json", env=NOW)
    report = invoke(
        "report", "--round", "2018-10", "--changes-since", "2018-05", "-f", "json", env=NOW
    )
    assert diff.exit_code == 0 and diff.stdout == report.stdout


def test_diff_table_shows_from_and_to(history_dir: Path, invoke: Invoke) -> None:
    """The diff table lists each moved row with its old and new status."""
    result = invoke("diff", "2018-05", "2018-10", "--area", "kompetens", env=NOW)
    assert result.exit_code == 0, result.stderr
    kp2 = next(line for line in result.stdout.splitlines() if line.startswith(" KP-2"))
    assert kp2.split()[-3:] == ["Påbörjat", "Ej", "påbörjat"]
    assert "Ändringar i uppföljningen" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("report", "--round", "2019-05"),
            "okänd uppföljning '2019-05' – menade du '2018-05'? giltiga: 2018-05, 2018-10",
        ),
        (("report", "--round", "2018-05", "--as-of", "2018-06-01"), "inte båda"),
        (("report", "--as-of", "igår"), "'igår' är inget giltigt datum"),
        (("report", "--changes-since", "2018-10", "--round", "2018-05"), "ligger efter"),
        (("diff", "2018-10", "2018-05"), "ange den tidigare först"),
        (("diff", "2018-05", "hösten"), "varken en uppföljning"),
        (("report", "--area", "löner-x"), "okänt område 'löner-x'"),
        (("report", "--status", "kanske"), "okänd status 'kanske'"),
        (("report", "--output", "rapport.odt"), "kan inte avgöra formatet"),
    ],
)
def test_usage_errors_exit_2(
    history_dir: Path, invoke: Invoke, args: tuple[str, ...], message: str
) -> None:
    """Unknown rounds, bad dates, reversed ranges and unknown extensions exit 2 saying why."""
    result = invoke(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_unknown_format_is_a_swedish_usage_error(invoke: Invoke) -> None:
    """An unknown --format lists the valid ones in Swedish, with no English left in."""
    result = invoke("report", "--format", "odt")
    assert result.exit_code == 2
    message = " ".join(result.stderr.replace("│", " ").split())
    expected = "'odt' för --format; giltiga: table, markdown, csv, xlsx, json, html, docx, pdf"
    assert expected in message
    assert "Value error" not in message and "is not one of" not in message


def test_output_file_format_from_extension(history_dir: Path, invoke: Invoke) -> None:
    """--output writes the file in the format its extension names and reports it on stderr."""
    out = history_dir.parent / "uppföljning.csv"
    result = invoke("report", "--output", str(out), env=NOW)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == "planctl: skrev uppföljning.csv (csv)\n"
    assert out.read_bytes().startswith("\ufeffområde_id;område;id;".encode())


@pytest.mark.parametrize("flag", ["-o", "-O"])
@pytest.mark.parametrize("command", [("report",), ("diff", "2018-05", "2018-10")])
def test_short_output_flag(
    history_dir: Path, invoke: Invoke, flag: str, command: tuple[str, ...]
) -> None:
    """report and diff take -o FIL like schema does (and -O as before)."""
    out = history_dir.parent / "rapport.md"
    result = invoke(*command, flag, str(out), env=NOW)
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("# ")


def test_explicit_format_wins_over_extension(history_dir: Path, invoke: Invoke) -> None:
    """--format decides even when the file's extension says something else."""
    out = history_dir.parent / "rapport.txt"
    result = invoke("report", "--format", "json", "--output", str(out), env=NOW)
    assert result.exit_code == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "planctl-report/2"


def test_output_into_missing_directory_is_an_error(history_dir: Path, invoke: Invoke) -> None:
    """A file that cannot be written is a clear error with exit 2, not a traceback."""
    result = invoke("report", "--output", str(history_dir.parent / "saknas" / "r.html"))
    assert result.exit_code == 2
    assert "kan inte skrivas" in result.stderr


def test_xlsx_to_a_pipe(history_dir: Path, invoke: Invoke) -> None:
    """xlsx on a pipe is the workbook's bytes (a zip file)."""
    result = invoke("report", "--format", "xlsx")
    assert result.exit_code == 0
    assert result.stdout.startswith("PK\x03\x04")


def test_colour_only_without_no_color(history_dir: Path, invoke: Invoke) -> None:
    """A colour terminal gets colours, but never when NO_COLOR is set (bold may stay)."""
    coloured = invoke("report", env={"NO_COLOR": "", "FORCE_COLOR": "1", "TERM": "xterm"})
    plain = invoke("report", env={"NO_COLOR": "1", "FORCE_COLOR": "1", "TERM": "xterm"})
    assert COLOUR.search(coloured.stdout)
    assert not COLOUR.search(plain.stdout)


def test_produced_is_only_the_day_when_only_the_day_is_pinned(
    history_dir: Path, invoke: Invoke
) -> None:
    """With PLANCTL_TODAY but no PLANCTL_NOW the report says only the day it was produced."""
    data = json.loads(invoke("report", "-f", "json").stdout)
    assert data["produced"] == TODAY.isoformat()


def test_bad_planctl_now(invoke: Invoke) -> None:
    """An unreadable PLANCTL_NOW is a usage error."""
    result = invoke("report", env={"PLANCTL_NOW": "i morgon"})
    assert result.exit_code == 2
    assert "PLANCTL_NOW='i morgon' är ingen tidpunkt" in result.stderr


@pytest.mark.parametrize("command", ["report", "diff"])
def test_help_is_swedish(invoke: Invoke, command: str) -> None:
    """report and diff have Swedish help naming their options."""
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Användning:" in result.stdout and "--format" in result.stdout


def test_end_to_end_subprocess(history_dir: Path, tmp_path: Path) -> None:
    """The installed program writes every format; piped table output has no escape codes."""
    env = {
        **os.environ,
        "PLANCTL_DATA": str(history_dir),
        "PLANCTL_TODAY": TODAY.isoformat(),
        "TERM": "xterm",
    }
    env.pop("NO_COLOR", None)
    piped = subprocess.run(
        [sys.executable, "-m", "planctl", "report"],
        capture_output=True,
        env=env,
        cwd=REPO,
        check=False,
        timeout=60,
    )
    assert piped.returncode == 0, piped.stderr
    assert b"\x1b[" not in piped.stdout
    assert b"Hela planen" in piped.stdout
    for suffix in ("md", "csv", "xlsx", "json", "html"):
        out = tmp_path / f"rapport.{suffix}"
        done = subprocess.run(
            [sys.executable, "-m", "planctl", "report", "--output", str(out)],
            capture_output=True,
            env=env,
            cwd=REPO,
            check=False,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert out.stat().st_size > 1000


def test_as_of_in_the_future_is_refused(history_dir: Path, invoke: Invoke) -> None:
    """--as-of after today is a usage error; nobody knows the status then."""
    result = invoke("report", "--as-of", "2030-01-01")
    assert result.exit_code == 2
    assert "ligger i framtiden" in result.stderr
