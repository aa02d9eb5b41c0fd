"""indicator set, and targets with their measured values in report and show, on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import REPO, Invoke
from tests.helpers import added_lines

NOW = {"PLANCTL_NOW": "2026-11-23T09:30"}


def _plan_text(data_dir: Path) -> str:
    return (data_dir / "boras_plan.yaml").read_bytes().decode("utf-8")


@pytest.mark.parametrize("command", [["indicator"], ["indicator", "set"]], ids=" ".join)
def test_indicator_commands_have_swedish_help(invoke: Invoke, command: list[str]) -> None:
    """indicator and indicator set answer -h with Swedish help and exit 0."""
    result = invoke(*command, "-h")
    assert result.exit_code == 0
    assert "Användning: planctl" in result.stdout


def test_date_help_says_what_an_undated_value_gets(invoke: Invoke, data_dir: Path) -> None:
    """--date's help names the default the value gets: the round's date once it has passed."""
    shown = invoke("indicator", "set", "--help", env={"COLUMNS": "300"}).stdout
    assert "Standard: med --round omgångens datum om det har passerat, annars i dag." in shown
    before = _plan_text(data_dir)
    assert invoke("indicator", "set", "LB-4", "1500", "--round", "2018-05").exit_code == 0
    assert '      - datum: "2018-05-31"\n' in added_lines(before, _plan_text(data_dir))


def test_readme_documents_indicator_set() -> None:
    """The README has the indicator set subsection right after status set, and the new keys."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    heading = "### `planctl indicator set` – mätvärden för mål"
    assert readme.index("### `planctl status set`") < readme.index(heading)
    assert "mätningar:" in readme and "mål:" in readme


def test_indicator_set_records_and_says_whether_the_target_is_met(
    invoke: Invoke, data_dir: Path
) -> None:
    """A value with unit and decimal comma is appended and reported with the target's verdict."""
    before = _plan_text(data_dir)
    result = invoke(
        "indicator", "set", "KP-1", "12,5 %", "--round", "2018-10", "--date", "2018-10-31",
        "--note", "Två av fyra", "--by", "Förhandlingschef",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "1 post tillagd i data/boras_plan.yaml:\n"
        "  KP-1: 12,5\u00a0% – mål minst 25\u00a0%: ej uppfyllt (2018-10-31, uppföljning 2018-10)\n"
    )
    assert added_lines(before, _plan_text(data_dir)) == [
        "    mätningar:\n",
        '      - datum: "2018-10-31"\n',
        "        värde: 12.5\n",
        '        notering: "Två av fyra"\n',
        "        av: Förhandlingschef\n",
        '        uppföljning: "2018-10"\n',
    ]


def test_dry_run_shows_the_diff_and_writes_nothing(invoke: Invoke, data_dir: Path) -> None:
    """--dry-run prints the diff on stdout and leaves the file as it was."""
    before = _plan_text(data_dir)
    result = invoke(
        "indicator", "set", "84", "11", "-r", "2018-10", "-d", "2018-10-31", "--dry-run"
    )
    assert result.exit_code == 0, result.stderr
    assert "+        insats: 84\n" in result.stdout
    assert "Torrkörning – inget skrevs" in result.stderr
    assert _plan_text(data_dir) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["LB-4", "90 %"],
            "planctl: fel: LB-4 (radens eget mål): fel enhet '%'; målet minst 1500 kr "
            "(mentorstillägg under uppdragstiden) mäts i kronor – ange ett tal, 0 eller mer "
            "(kronor), t.ex. '1500 kr'\n",
        ),
        (
            ["KP-1", "150"],
            "planctl: fel: KP-1 (radens eget mål): 150 går inte som procent: ska vara ett tal "
            "från 0 till 100 (procent); målet är minst 25 % (studietid med bibehållen lön vid "
            "vidareutbildning, andel av en heltid)\n",
        ),
        (
            ["KP-7", "2,5"],
            "planctl: fel: KP-7 (mål för insats 15): 2,5 går inte som antal per år: ska vara ett "
            "heltal, 0 eller mer (antal per år); målet är minst 2 per år (antal "
            "socionomstudenter som tas emot för verksamhetsförlagd utbildning per år)\n",
        ),
        (
            ["LB-5", "3"],
            "planctl: fel: LB-5: raden har inget mål att mäta – inget eget mål (mål:) och ingen "
            "kopplad insats med mål (kopplade insatser: 10). Rader med mål: LB-1, LB-2, LB-3, "
            "LB-4, AV-2, AV-3, AV-6, KP-1, KP-7\n",
        ),
        (
            ["7", "90"],
            "planctl: fel: insats 7 genomförs av flera rader (LB-1, LB-2, LB-3); ange raden, "
            "t.ex. 'planctl indicator set LB-1 VÄRDE --measure 7 --round OMGÅNG'\n",
        ),
        (
            ["101", "1"],
            "planctl: fel: ingen rad i planen genomför insats 101; koppla den till en rad under "
            "'insatser' först\n",
        ),
    ],
    ids=["wrong-unit", "out-of-range", "not-whole", "no-target", "several-rows", "no-row"],
)
def test_refused_values_exit_2_with_a_clear_message(
    invoke: Invoke, data_dir: Path, args: list[str], message: str
) -> None:
    """Wrong unit, out of range, no target or an unresolvable measure: exit 2, file untouched."""
    before = _plan_text(data_dir)
    result = invoke("indicator", "set", *args, "--round", "2018-10", "--date", "2018-10-31")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == message
    assert _plan_text(data_dir) == before


def test_negative_value_after_double_dash_is_refused(invoke: Invoke) -> None:
    """A negative amount (typed after --) is out of range for kronor."""
    result = invoke("indicator", "set", "--round", "2018-10", "--", "LB-4", "-100")
    assert result.exit_code == 2
    assert "-100 går inte som kronor" in result.stderr


def test_round_is_required(invoke: Invoke) -> None:
    """indicator set without --round is a usage error."""
    result = invoke("indicator", "set", "LB-4", "1500")
    assert result.exit_code == 2
    assert "--round" in result.stderr


def test_running_the_same_indicator_set_twice_adds_one_entry(
    invoke: Invoke, data_dir: Path
) -> None:
    """A repeated identical value (same day and round, no note) is a no-op that says so."""
    args = ("indicator", "set", "LB-4", "1500 kr", "--round", "2018-10", "--date", "2018-10-31")
    assert invoke(*args).exit_code == 0
    once = _plan_text(data_dir)
    again = invoke(*args)
    assert again.exit_code == 0, again.stderr
    assert "värdet 1500 kr är redan registrerat 2018-10-31 för uppföljning 2018-10" in again.stderr
    assert "Inga ändringar" in again.stderr
    assert _plan_text(data_dir) == once
    noted = invoke(*args, "--note", "Kontrollerat igen")
    assert noted.exit_code == 0, noted.stderr
    added = added_lines(once, _plan_text(data_dir))
    assert len(added) == 4 and '        notering: "Kontrollerat igen"\n' in added


# --- report and show ---------------------------------------------------------------------------


def test_report_shows_met_not_met_and_trend(history_dir: Path, invoke: Invoke) -> None:
    """The Markdown report lists each measured target with verdict and trend since last round."""
    result = invoke("report", "--format", "markdown", env=NOW)
    assert result.exit_code == 0, result.stderr
    section = result.stdout.split("## Mål och mätvärden\n", 1)[1]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "| Id |" not in line]
    lines = {line[2:].split(" | ")[0]: line for line in rows}
    # A falling value is worse for a floor (KP-1, minst 25 %), better for a ceiling (AV-6).
    assert "| **nej** | ↓ från 25\u00a0%, sämre |" in lines["KP-1"]
    assert "| **ja** | ↓ från 15\u00a0st, bättre |" in lines["AV-6"]
    assert "| **ja** | → från 1\u00a0500\u00a0kr |" in lines["LB-4"]
    assert "| **ja** |  |" in lines["KP-7"]


def test_report_without_measurements_has_no_indicator_section(invoke: Invoke) -> None:
    """The shipped plan has targets but no values: the report has no indicator section."""
    result = invoke("report", "--format", "markdown", env=NOW)
    assert result.exit_code == 0, result.stderr
    assert "Mål och mätvärden" not in result.stdout
    data = json.loads(invoke("report", "--format", "json", env=NOW).stdout)
    assert data["indicators"] == []


def test_report_json_indicator_contract(history_dir: Path, invoke: Invoke) -> None:
    """Each indicator has row, measure, target, latest, previous, met, trend, improving, note."""
    data = json.loads(invoke("report", "--format", "json", env=NOW).stdout)
    assert data["schema"] == "planctl-report/2"
    by_row = {i["row"]: i for i in data["indicators"]}
    assert list(by_row) == ["LB-4", "AV-6", "KP-1", "KP-7"]
    assert by_row["KP-1"] == {
        "row": "KP-1",
        "measure": None,
        "target": {
            "measured": "studietid med bibehållen lön vid vidareutbildning, andel av en heltid",
            "value": 25,
            "unit": "procent",
            "direction": "minst",
        },
        "latest": {"value": 12.5, "date": "2018-10-31", "round": "2018-10"},
        "note": "Två av fyra fick 25 %, två fick 0 %",
        "met": False,
        "previous": {"value": 25, "date": "2018-05-31", "round": "2018-05"},
        "trend": "down",
        "improving": False,
    }
    assert by_row["AV-6"]["improving"] is True and by_row["LB-4"]["improving"] is None
    assert (by_row["AV-6"]["measure"], by_row["KP-7"]["previous"]) == (84, None)
    assert all("indicators" not in row for area in data["areas"] for row in area["rows"])


def test_show_row_lists_targets_latest_value_and_measurements(
    history_dir: Path, invoke: Invoke
) -> None:
    """show KP-1 prints the target, latest value, verdict, trend and every measurement."""
    result = invoke("show", "KP-1")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Mål och mätvärden" in out
    assert (
        "Senaste: 12,5\u00a0% (2018-10-31, 2018-10) · ej uppfyllt · ↓ från 25\u00a0% (2018-05)"
        in out
    )
    assert "insats 37" not in out  # measure 37 has no target


def test_show_json_has_targets_measurements_and_indicators(
    history_dir: Path, invoke: Invoke
) -> None:
    """show --format json gives the row's own targets, its measurements and indicator standings."""
    record = json.loads(invoke("show", "AV-6", "--format", "json").stdout)
    assert record["targets"] == []
    assert [m["value"] for m in record["measurements"]] == [15, 12]
    [indicator] = record["indicators"]
    assert (indicator["measure"], indicator["met"], indicator["trend"]) == (84, True, "down")
    unmeasured = json.loads(invoke("show", "LB-1", "--format", "json").stdout)["indicators"]
    assert [(i["measure"], i["latest"], i["met"]) for i in unmeasured] == [(7, None, None)]
