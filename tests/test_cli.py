"""The command line: exit codes, stdout and stderr of list, measures, show and validate."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, Invoke
from tests.test_store import edit, line_of


def test_version(invoke: Invoke) -> None:
    """--version prints the version and exits 0."""
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout.startswith("planctl 0.")


@pytest.mark.parametrize(
    "command", ["list", "measures", "show", "validate", "coverage", "new", "summary"]
)
def test_help_is_swedish(invoke: Invoke, command: str) -> None:
    """Every command's help is in Swedish."""
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Användning: planctl" in result.stdout
    assert "Visa den här hjälpen" in result.stdout
    assert "Show this message" not in result.stdout


ALL_COMMANDS = [
    [],
    *([c] for c in ("list", "report", "diff", "measures", "show", "validate", "schema")),
    *([c] for c in ("changes", "coverage", "new", "summary", "history", "followup")),
    ["status"],
    ["status", "set"],
    ["indicator"],
    ["indicator", "set"],
]


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=lambda c: " ".join(c) or "planctl")
def test_help_has_no_english_or_python_type_names(invoke: Invoke, command: list[str]) -> None:
    """Help shows Swedish value types, none for flags, and a plain usage line."""
    result = invoke(*command, "--help", env={"COLUMNS": "200"})
    assert result.exit_code == 0
    text = result.stdout
    for english in ("<str>", "<bool>", "<path>", "<int", "list[", " range", "Usage", "Options"):
        assert english not in text, english
    usage = next(line for line in text.splitlines() if "Användning:" in line)
    assert "{" not in usage and "[[" not in usage and "ROUND" not in usage
    assert re.search(r"--help\s+-h\s+Visa den här hjälpen", text)  # no type after a flag


@pytest.mark.parametrize(
    ("args", "swedish"),
    [
        (["list", "--format", "yaml"], "okänt värde 'yaml' för --format; giltiga: table, json"),
        (["validate", "--format", "xml"], "'xml' för --format; giltiga: text, github, json, junit"),
        (["summary", "--top", "x"], "'--top': ska vara ett heltal"),
        (["summary", "--top", "0"], "'--top': ska vara minst 1"),
        (["show", "LB-4", "extra"], "oväntade extra argument: extra"),
        (["list", "--aera", "x"], "okänd flagga '--aera' – menade du '--area' eller '--start'?"),
    ],
)
def test_usage_errors_are_swedish(invoke: Invoke, args: list[str], swedish: str) -> None:
    """Typer's usage errors (bad choice, number, extra argument, typo'd flag) read in Swedish."""
    result = invoke(*args, env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert swedish in result.stderr, result.stderr
    for english in ("Value error", "Input should", "Got unexpected", "Possible options"):
        assert english not in result.stderr


def test_no_arguments_shows_help(invoke: Invoke) -> None:
    """planctl alone lists the commands."""
    result = invoke()
    assert "Kommandon" in result.stdout and "validate" in result.stdout


def test_list_area_without_diacritics(invoke: Invoke) -> None:
    """list --area lonebildning shows the six pay rows, in table form."""
    result = invoke("list", "--area", "lonebildning")
    assert result.exit_code == 0, result.stderr
    assert "6 av 27 rader" in result.stdout
    for row_id in ("LB-1*", "LB-2*", "LB-3*", "LB-4", "LB-5", "LB-6"):
        assert row_id in result.stdout
    assert "AV-1" not in result.stdout
    assert "kräver särskilda resurser" in result.stdout


@pytest.mark.parametrize("width", ["80", "100", "119", "120", "160"])
def test_list_table_cuts_no_word(invoke: Invoke, width: str) -> None:
    """list fits any width without cutting a role or a start: own columns from 120, else a line."""
    result = invoke("list", env={"COLUMNS": width})
    assert result.exit_code == 0
    assert "…" not in result.stdout
    for word in ("Förhandlingsdelegationen", "Lokalförsörjningschef", "löneöversyn"):
        assert word in result.stdout
    wide = int(width) >= 120
    assert ("Förhandlingsdelegationen · Hösten 2017" in result.stdout) is not wide
    assert ("Ansvar" in result.stdout) is wide
    assert max(len(line) for line in result.stdout.splitlines()) <= int(width)


def test_list_says_when_nothing_matches(invoke: Invoke) -> None:
    """A filter that leaves no rows says so under the empty table."""
    result = invoke("list", "--start", "HT2099")
    assert result.exit_code == 0
    assert "0 av 27 rader" in result.stdout and "Inga rader matchar urvalet." in result.stdout


def test_list_json_contract(invoke: Invoke) -> None:
    """list --format json is plain JSON with the documented keys."""
    result = invoke("list", "--area", "lönevillkor", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == [f"LB-{i}" for i in range(1, 7)]
    first = rows[0]
    for key in ("id", "area", "area_name", "proposal", "responsible", "start", "needs_funding"):
        assert key in first
    assert first["measures"] == [7] and first["status"] is None and first["meaning"] is None
    assert first["area_name"] == "Lönebildning"
    assert first["start_period"] == {"first": "2017-07-01", "last": "2017-12-31"}
    assert first["owners"] == ["Förhandlingsdelegationen"] and first["end"] is None
    assert "\x1b[" not in result.stdout


def test_list_status_and_start_filters(invoke: Invoke) -> None:
    """Status and start filters narrow the list; rows never followed up are 'ej uppföljd'."""
    result = invoke("list", "--status", "ej-uppfoljd", "--start", "våren 2018", "-f", "json")
    ids = [r["id"] for r in json.loads(result.stdout)]
    assert ids == ["LB-2", "LB-3", "AV-8", "AV-10", "KP-2", "KP-3", "KP-4", "KP-9", "KP-10"]
    assert json.loads(invoke("list", "--status", "klart", "-f", "json").stdout) == []
    assert json.loads(invoke("list", "--status", "ej-paborjat", "-f", "json").stdout) == []


def test_list_unknown_area_is_usage_error(invoke: Invoke) -> None:
    """An unknown area exits 2 with a Swedish message listing the valid areas."""
    result = invoke("list", "--area", "ekonomi")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "okänt område 'ekonomi'; giltiga: lönebildning" in result.stderr
    assert "lönebildning" in result.stderr


def test_unknown_option_is_swedish_usage_error(invoke: Invoke) -> None:
    """Typer's own usage errors are in Swedish and exit 2."""
    result = invoke("list", "--areaa", "x")
    assert result.exit_code == 2
    assert "okänd flagga" in result.stderr


def test_measures_area_and_search(invoke: Invoke) -> None:
    """measures filters the catalogue by area and text."""
    result = invoke("measures", "--area", "god", "--search", "mentor", "-f", "json")
    assert [m["id"] for m in json.loads(result.stdout)] == [74, 80]
    table = invoke("measures", "--search", "arbetsledare ska inte")
    assert "84" in table.stdout and "högst 12" in table.stdout


def test_show_row(invoke: Invoke) -> None:
    """show LB-4 prints the row in full with its linked measure and empty history."""
    result = invoke("show", "lb-4")
    assert result.exit_code == 0
    out = result.stdout
    assert "Höjt mentorstillägg" in out and "Förhandlingschef" in out
    assert "Hösten 2017 (2017-07-01–2017-12-31)" in out
    assert "80. Alla nyanställda får en mentor" in out
    assert "ingen historik än – ej uppföljd" in out
    # The plan says nothing about LB-4's funding: nothing is shown, never "inom ram".
    assert "Finansiering" not in out and "inom ram" not in out


def test_show_measure_lists_rows(invoke: Invoke) -> None:
    """show 7 prints the measure, its target and the rows that carry it out."""
    result = invoke("show", "7", "--format", "json")
    record = json.loads(result.stdout)
    assert [r["id"] for r in record["plan_rows"]] == ["LB-1", "LB-2", "LB-3"]
    assert record["targets"][0]["value"] == 90


def test_show_unknown(invoke: Invoke) -> None:
    """An unknown id or number exits 2 and says so."""
    assert "finns inte" in invoke("show", "XX-9").stderr
    assert invoke("show", "XX-9").exit_code == 2
    assert invoke("show", "500").exit_code == 2


def test_validate_clean(invoke: Invoke) -> None:
    """validate on the shipped data exits 0 and says OK on stderr."""
    result = invoke("validate")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "OK: 2 filer" in result.stderr


def test_validate_typo_points_at_line(invoke: Invoke, data_dir: Path) -> None:
    """A typo in a key is reported with file:line:column and a suggestion; exit 1."""
    plan = data_dir / "boras_plan.yaml"
    edit(plan, "    ansvar: Personalchef", "    ansvr: Personalchef")
    result = invoke("validate", str(plan))
    assert result.exit_code == 1
    line = line_of(plan, "ansvr:")
    assert f"boras_plan.yaml:{line}:5: fel [unknown-field]" in result.stdout
    assert "menade du 'ansvar'" in result.stdout
    assert "1 fel och 0 varningar i 1 fil" in result.stderr


def test_validate_typo_is_one_problem_but_a_missing_field_stays(
    invoke: Invoke, data_dir: Path
) -> None:
    """A misspelt key is not also reported as the field it meant; a field simply gone still is."""
    plan = data_dir / "boras_plan.yaml"
    edit(plan, "    ansvar: Personalchef", "    ansvr: Personalchef")
    edit(plan, '    ansvar: Kommunchef\n    start: "Hösten 2017"\n', "    kommentar: x\n")
    result = invoke("validate", str(plan))
    assert result.exit_code == 1
    assert result.stdout.count("[unknown-field]") == 2
    assert result.stdout.count("[missing-field]") == 1
    assert "fältet 'start' saknas i åtgärder[AV-5]" in result.stdout


def test_validate_json(invoke: Invoke, data_dir: Path) -> None:
    """validate --format json lists every problem as data."""
    edit(data_dir / "boras_plan.yaml", "insatser: [80]", "insatser: [800]")
    result = invoke("validate", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert [(p["rule"], p["severity"]) for p in report["problems"]] == [
        ("unknown-measure", "error")
    ]


def test_validate_strict_fails_on_warnings(invoke: Invoke, data_dir: Path) -> None:
    """Warnings pass by default and fail with --strict."""
    edit(data_dir / "boras_plan.yaml", "insatser: [80]", "insatser: [80, 80]")
    assert invoke("validate").exit_code == 0
    assert invoke("validate", "--strict").exit_code == 1


def test_validate_missing_file_exits_2(invoke: Invoke) -> None:
    """A file that cannot be read exits 2."""
    result = invoke("validate", "saknas.yaml")
    assert result.exit_code == 2
    assert "saknas.yaml: filen finns inte" in result.stderr


def test_commands_refuse_invalid_data(invoke: Invoke, data_dir: Path) -> None:
    """list on broken data exits 1 and lists the problems on stderr."""
    edit(data_dir / "boras_plan.yaml", "    ansvar: Personalchef", "    ansvar: {x: y}")
    result = invoke("list")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "[wrong-type]" in result.stderr and "planctl: fel:" in result.stderr


def test_missing_data_dir(invoke: Invoke, tmp_path: Path) -> None:
    """A missing data directory is a clear error naming it."""
    result = invoke("list", env={"PLANCTL_DATA": str(tmp_path / "ingen")})
    assert result.exit_code == 2
    assert "ingen" in result.stderr and "PLANCTL_DATA" in result.stderr


def test_data_dir_option(invoke: Invoke, data_dir: Path) -> None:
    """--data-dir before the command chooses the directory."""
    result = invoke("--data-dir", str(data_dir), "list", "-f", "json", env={"PLANCTL_DATA": ""})
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 27


def test_validate_loose_files_use_catalogue_beside_them(invoke: Invoke, tmp_path: Path) -> None:
    """Plans kept outside data/ are checked against the catalogue next to them."""
    folder = tmp_path / "planer"
    folder.mkdir()
    shutil.copy(DATA / "measures.yaml", folder / "measures.yaml")
    plan = folder / "boras_plan.yaml"
    shutil.copy(DATA / "boras_plan.yaml", plan)
    edit(plan, "insatser: [80]", "insatser: [999]")
    result = invoke("validate", str(plan), env={"PLANCTL_DATA": str(tmp_path / "saknas")})
    assert result.exit_code == 1
    assert "[unknown-measure]" in result.stdout


def test_validate_accepts_a_directory(invoke: Invoke, data_dir: Path) -> None:
    """A directory argument means the YAML files in it."""
    result = invoke("validate", str(data_dir))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "OK: 2 filer kontrollerade" in result.stderr
    edit(data_dir / "boras_plan.yaml", "insatser: [80]", "insatser: [800]")
    broken = invoke("validate", str(data_dir))
    assert broken.exit_code == 1 and "[unknown-measure]" in broken.stdout


def _leaf_commands() -> list[tuple[str, Any]]:
    """Every command planctl runs (``status set``, not ``status``), with its click command."""
    import typer

    from planctl.cli import app

    found: list[tuple[str, Any]] = []

    def walk(command: Any, path: list[str]) -> None:
        if not hasattr(command, "list_commands"):
            found.append((" ".join(path), command))
            return
        for name in command.list_commands(None):
            walk(command.get_command(None, name), [*path, name])

    walk(typer.main.get_command(app), [])
    return found


def test_option_help_names_only_options_its_command_has() -> None:
    """An option's help that points to another flag points to one this command (or planctl) has."""
    import typer

    from planctl.cli import app

    global_flags = {o for p in typer.main.get_command(app).params for o in p.opts}
    leaves = _leaf_commands()
    assert len(leaves) > 15
    for name, command in leaves:
        own = {o for p in command.params for o in getattr(p, "opts", ())} | global_flags
        for param in command.params:
            named = re.findall(r"(?<![\w-])--[a-z][a-z-]*", getattr(param, "help", None) or "")
            assert set(named) <= own, (name, param.opts, set(named) - own)


@pytest.mark.parametrize(
    "args",
    [
        ["show", "²"],
        ["status", "correct", "LB-4", "klart", "--entry", "²", "--dry-run"],
        ["indicator", "set", "²", "5", "--round", "2018-05", "--dry-run"],
        ["indicator", "correct", "LB-4", "5", "--entry", "³", "--dry-run"],
        ["new", "ny.yaml", "--measures", "7,²", "--organisation", "X", "--title", "Y"],
    ],
    ids=["show", "status-correct", "indicator-set", "indicator-correct", "new"],
)
def test_a_digit_that_is_no_number_is_a_usage_error(invoke: Invoke, args: list[str]) -> None:
    """A superscript (a Unicode digit int() refuses) typed as a number is an error, not a crash."""
    result = invoke(*args)
    assert result.exit_code == 2, result.stderr
    assert "planctl: fel:" in result.stderr


def test_a_measure_number_in_full_width_digits_is_shown(invoke: Invoke) -> None:
    """Any decimal digits name a measure (７ is 7), as int() reads them."""
    assert json.loads(invoke("show", "７", "--format", "json").stdout)["id"] == 7
