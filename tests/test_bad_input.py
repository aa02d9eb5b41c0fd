"""No wrong answer from odd input: each fault class of issue 11, as a regression test.

Each test is named after the class of input it covers (not the one example that found it); the
property tests over every output are in ``test_bad_input_properties.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import typing
import unicodedata
from pathlib import Path
from typing import Any

import pydantic_core.core_schema
import pytest

from planctl import dates, textgate
from planctl.documents import schema_message
from planctl.errors import UsageError
from planctl.indicators import parse_value, value_problem
from planctl.models import Plan, Unit
from planctl.store import load_data_dir
from planctl.yamlerrors import _SYNTAX_SV, syntax_message
from planctl.yamlio import read_document
from tests.conftest import TODAY, Invoke

PLAN = "boras_plan.yaml"

# Words that only English messages have; none may reach a user.
ENGLISH = re.compile(
    r"\b(should|input|valid|found|expected|exceeded|maximum|allowed|character|unable|"
    r"number|string|field|required|instance|error|the|not|cannot|could)\b",
    re.IGNORECASE,
)


def problems(data_dir: Path) -> list[str]:
    data = load_data_dir(data_dir, today=TODAY)
    return [f"{p.rule} {p.line}:{p.column} {p.message}" for p in data.problems]


def edit(data_dir: Path, old: str, new: str, name: str = PLAN) -> None:
    path = data_dir / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- 1. the catalogue gone -------------------------------------------------------------------


def test_missing_catalogue_is_unknown_catalogue(data_dir: Path, invoke: Invoke) -> None:
    """A plan naming a catalogue that is not there fails validate, even with unknown links."""
    (data_dir / "measures.yaml").unlink()
    edit(data_dir, "insatser: [80]", "insatser: [999]")
    result = invoke("validate")
    assert result.exit_code == 1
    assert "[unknown-catalogue]" in result.stdout
    assert "OK" not in result.stdout
    single = invoke("validate", str(data_dir / PLAN))
    assert single.exit_code == 1 and "[unknown-catalogue]" in single.stdout


# --- 2. "today" in Sweden ---------------------------------------------------------------------


def test_today_is_swedish_whatever_the_machine_zone() -> None:
    """00:30 in Stockholm is the next day there, though still the day before in UTC."""
    instant = dt.datetime(2026, 6, 1, 22, 30, tzinfo=dt.UTC)  # 00:30 in Stockholm (CEST)
    assert dates.local_date(instant) == dt.date(2026, 6, 2)
    assert dates.local_date(instant, "UTC") == dt.date(2026, 6, 1)
    assert dates.local_date(instant, "Europe/Helsinki") == dt.date(2026, 6, 2)


def test_unknown_time_zone_in_plan_is_refused(data_dir: Path) -> None:
    """A plan's `tidszon` must be a real IANA zone name."""
    edit(data_dir, "  katalog: vision-101", "  katalog: vision-101\n  tidszon: Europe/Borås")
    assert any("okänd tidszon" in p for p in problems(data_dir))
    edit(data_dir, "tidszon: Europe/Borås", "tidszon: Europe/Helsinki")
    assert problems(data_dir) == []


# --- 3/10/11. numbers that are not numbers ----------------------------------------------------

TARGET_LINE = "        värde: 1500"


@pytest.mark.parametrize("written", ["nan", ".nan", "inf", ".inf", "-.inf", "1e999", "-1e999"])
def test_non_finite_numbers_are_refused(data_dir: Path, written: str) -> None:
    """NaN and infinities, however YAML spells them, are no target value."""
    edit(data_dir, TARGET_LINE, f"        värde: {written}")
    found = problems(data_dir)
    assert found, written
    assert all("inf" not in p.split(" ", 2)[0] for p in found)


def test_targets_are_range_checked_by_unit(data_dir: Path) -> None:
    """A target of 150 % (or -5 kronor) is refused like a measured value would be."""
    edit(data_dir, TARGET_LINE, "        värde: -5")
    [found] = problems(data_dir)
    assert found.startswith("target-value") and "kronor" in found


def test_decimal_comma_gets_one_swedish_message(data_dir: Path) -> None:
    """`värde: 12,5` is one problem that suggests the point, without internal paths."""
    edit(data_dir, TARGET_LINE, "        värde: 12,5")
    [found] = problems(data_dir)
    assert "12.5" in found and "decimalpunkt" in found
    assert ".float" not in found and ".int" not in found
    assert not ENGLISH.search(found.split(" ", 2)[2].replace("'12,5'", ""))


def test_amounts_keep_their_exact_value() -> None:
    """Typed values are never rounded through a float: what is accepted is what was typed."""
    assert parse_value("999 999 999 999 999 kr") == (999_999_999_999_999, "kr")
    assert parse_value("0,1") == (0.1, "")
    assert repr(parse_value("12345,6789")[0]) == "12345.6789"


@pytest.mark.parametrize(
    "typed", ["12345678901234567891 kr", "1" + "0" * 400 + ",5", "1234567890,1234567"]
)
def test_too_large_values_get_a_range_message(typed: str) -> None:
    """A value beyond 15 digits is refused with the range, never as 'inf' or a rounded value."""
    with pytest.raises(UsageError) as caught:
        parse_value(typed)
    assert "högst 15 siffror" in caught.value.message
    assert "inf" not in caught.value.message


def test_too_large_values_in_files_get_a_range_message() -> None:
    """Huge or non-finite values in a file get the same range message."""
    assert "15 siffror" in (value_problem(10**20, Unit.KRONOR) or "")
    assert "inget tal" in (value_problem(float("nan"), Unit.KRONOR) or "")


def test_huge_value_is_refused_by_indicator_set(invoke: Invoke, data_dir: Path) -> None:
    """`indicator set … "12345678901234567891 kr"` writes nothing and explains the range."""
    before = (data_dir / PLAN).read_bytes()
    result = invoke(
        "indicator", "set", "LB-4", "12345678901234567891 kr", "--round", "2018-05",
        "--date", "2018-05-31",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "15 siffror" in result.stderr
    assert (data_dir / PLAN).read_bytes() == before


def test_exact_integer_is_written_as_typed(invoke: Invoke, data_dir: Path) -> None:
    """A 15-digit amount is written digit for digit."""
    result = invoke(
        "indicator", "set", "LB-4", "123456789012345 kr", "--round", "2018-05",
        "--date", "2018-05-31",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "värde: 123456789012345\n" in (data_dir / PLAN).read_text(encoding="utf-8")


# --- 4/7. control characters and normalisation on the way in ---------------------------------


@pytest.mark.parametrize(
    ("written", "char"),
    [
        ('"Ny rutin\\vklar"', "\x0b"),  # Word's Shift+Enter, escaped
        ('"\\e[31mröd"', "\x1b"),  # ESC, escaped
        ("Ny rutin\x0bklar", "\x0b"),  # raw vertical tab
        ("Ny\x1b[2Jrutin", "\x1b"),  # raw ESC
        ("Ny rutin\x85klar", "\x85"),  # raw NEL (C1)
        ('"Ny \\x9b rutin"', "\x9b"),  # C1 escaped
        ("Klart \u202eredan", "\u202e"),  # bidi override, raw
        ('"Klart \\u2066redan"', "\u2066"),  # bidi isolate, escaped
    ],
)
def test_control_characters_in_files_are_refused(data_dir: Path, written: str, char: str) -> None:
    """Every kind of control character is `control-character` at its line, in Swedish."""
    text = (data_dir / PLAN).read_text(encoding="utf-8")
    line = text.splitlines().index("    ansvar: Personalchef") + 1
    edit(data_dir, "    ansvar: Personalchef", f"    ansvar: {written}")
    found = load_data_dir(data_dir, today=TODAY).problems
    gate = [p for p in found if p.rule == "control-character"]
    assert len(gate) == 1, found
    assert gate[0].line == line
    assert f"U+{ord(char):04X}" in gate[0].message
    assert "osynligt tecken" in gate[0].message


def test_tab_and_newline_in_block_scalars_are_text(data_dir: Path) -> None:
    """A block scalar may hold tabs and line breaks: they are ordinary text."""
    edit(data_dir, "    ansvar: Personalchef", "    ansvar: |\n      Personal\tchef\n      HR")
    assert problems(data_dir) == []


def test_decomposed_keys_and_ids_are_read_as_composed(data_dir: Path) -> None:
    """NFD text (macOS, PDFs) reads as NFC: keys match, ids are lower case, notes are stored NFC."""
    text = (data_dir / PLAN).read_text(encoding="utf-8")
    (data_dir / PLAN).write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    data = load_data_dir(data_dir, today=TODAY)
    assert data.problems == ()
    plan = data.plans[0].model
    assert isinstance(plan, Plan)
    assert any(area.id == "lönebildning" for area in plan.areas)
    assert all(unicodedata.is_normalized("NFC", row.proposal) for row in plan.rows)


def test_decomposed_text_in_escapes_is_composed() -> None:
    """A combining mark written as an escape is composed too."""
    doc = read_document('a: "o\\u0308"\n', "f")
    assert doc.data == {"a": "ö"}


@pytest.mark.parametrize("note", ["Ny rutin\x0bklar", "\x1b[2J", "Klart \u202eredan", "\x07"])
def test_control_characters_typed_are_refused(invoke: Invoke, data_dir: Path, note: str) -> None:
    """`status set --note/--by` refuse what validate would refuse; nothing is written."""
    before = (data_dir / PLAN).read_bytes()
    for option in ("--note", "--by"):
        result = invoke("status", "set", "LB-4", "klart", option, note)
        assert result.exit_code == 2, result.stderr
        assert "osynligt tecken" in result.stderr
        assert "Traceback" not in result.stderr
    assert (data_dir / PLAN).read_bytes() == before


def test_decomposed_note_typed_is_stored_composed(invoke: Invoke, data_dir: Path) -> None:
    """A note typed in NFD is written in NFC."""
    note = unicodedata.normalize("NFD", "Förhandlingschefen är klar")
    result = invoke("status", "set", "LB-4", "klart", "--note", note, "--date", "2018-05-31")
    assert result.exit_code == 0, result.stderr
    text = (data_dir / PLAN).read_text(encoding="utf-8")
    assert '"Förhandlingschefen är klar"' in text


def test_gate_argument_normalises_and_refuses() -> None:
    """The command-line gate composes text and refuses control characters with their position."""
    assert textgate.argument("--note", "o\u0308") == "ö"
    with pytest.raises(UsageError, match="tecken 3"):
        textgate.argument("--note", "ab\x1b")


# --- 5/16. Swedish messages everywhere -------------------------------------------------------


def test_every_pydantic_error_type_has_a_swedish_message() -> None:
    """No pydantic error type reaches a user in English."""
    for kind in typing.get_args(pydantic_core.core_schema.ErrorType):
        rule, message = schema_message(kind, "x", {"error": "fel"}, "Input should be English")
        assert rule in {"wrong-type", "invalid-value", "out-of-range", "empty-list"}, kind
        assert not ENGLISH.search(message), (kind, message)


def test_every_yaml_reader_message_is_swedish() -> None:
    """libyaml's and PyYAML's problem texts all become Swedish, and unknown ones too."""
    for english in [*_SYNTAX_SV, "a message nobody has seen yet"]:
        assert not ENGLISH.search(syntax_message(english)), english
    for text in ['a: "\\uZZ"\n', 'a: "\\q"\n', "[" * 60 + "\n", "a: b: c\n", "a: x\ufeffy\n"]:
        for problem in read_document(text, "f").problems:
            assert not ENGLISH.search(problem.message), problem


# --- 12/13. dates and paths -------------------------------------------------------------------


@pytest.mark.parametrize("day", ["0001-01-01", "1999-12-31", "2017-09-30"])
def test_dates_before_the_plan_are_refused(invoke: Invoke, data_dir: Path, day: str) -> None:
    """A date before the plan was delivered (or before 2000) is refused as a typo."""
    before = (data_dir / PLAN).read_bytes()
    result = invoke("status", "set", "LB-4", "klart", "--date", day)
    assert result.exit_code == 2
    assert "troligen ett skrivfel" in result.stderr
    assert (data_dir / PLAN).read_bytes() == before


def test_future_moments_are_refused_by_report(invoke: Invoke) -> None:
    """`report --as-of` refuses the future, and says so in Swedish."""
    result = invoke("report", "--as-of", "9999-12-31")
    assert result.exit_code == 2 and "framtiden" in result.stderr


def test_json_has_no_non_finite_numbers(invoke: Invoke) -> None:
    """Every JSON output parses strictly (no NaN or Infinity)."""
    for args in (("list", "-f", "json"), ("show", "LB-4", "-f", "json")):
        result = invoke(*args)
        assert result.exit_code == 0
        json.loads(result.stdout, parse_constant=lambda name: pytest.fail(name))


def test_today_is_swedish_for_writer_and_validator_in_any_time_zone(data_dir: Path) -> None:
    """A writer at UTC+14 and a validator at UTC-12 agree on Sweden's date: no future-date."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANCTL_")}
    env["PLANCTL_DATA"] = str(data_dir)

    def planctl(zone: str, *args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "planctl", *args]
        return subprocess.run(
            command, env={**env, "TZ": zone}, capture_output=True, text=True, check=False
        )

    written = planctl("Etc/GMT-14", "status", "set", "LB-4", "klart", "--note", "Klart i dag")
    assert written.returncode == 0, written.stderr
    checked = planctl("Etc/GMT+12", "validate")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "future-date" not in checked.stdout
    sweden = dates.local_date(dt.datetime.now(dt.UTC))
    text = (data_dir / PLAN).read_text(encoding="utf-8")
    assert f'datum: "{sweden.isoformat()}"' in text


def test_plan_time_zone_decides_its_today(data_dir: Path) -> None:
    """A plan naming Pacific/Kiritimati (UTC+14) accepts an entry dated its own today."""
    instant = dt.datetime.now(dt.UTC)
    ahead = dates.local_date(instant, "Pacific/Kiritimati")
    edit(data_dir, "  katalog: vision-101", "  katalog: vision-101\n  tidszon: Pacific/Kiritimati")
    edit(
        data_dir,
        "    ansvar: Personalchef",
        f'    ansvar: Personalchef\n    historik:\n      - datum: "{ahead}"\n'
        "        status: Påbörjat",
    )
    swedish = dates.local_date(instant)
    data = load_data_dir(data_dir, today=swedish, now=instant)
    assert [p.rule for p in data.problems if p.rule == "future-date"] == []


# --- 6/9/13/15/16. output streams, exit codes, empty paths -----------------------------------


def _run(
    data_dir: Path, *args: str, env: dict[str, str] | None = None, **kw: Any
) -> subprocess.CompletedProcess[bytes]:
    """``python -m planctl ARGS`` as a separate process, without the caller's locale."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("PLANCTL_", "LC_", "LANG"))}
    base.update({"PLANCTL_DATA": str(data_dir), "PLANCTL_TODAY": TODAY.isoformat()})
    base.update(env or {})
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kw}
    return subprocess.run(
        [sys.executable, "-m", "planctl", *args], env=base, check=False, **streams
    )


@pytest.mark.parametrize(
    "env",
    [{"PYTHONIOENCODING": "cp1252"}, {"PYTHONIOENCODING": "latin-1"}, {"LC_ALL": "C"}],
)
@pytest.mark.parametrize(
    "args", [("report",), ("coverage",), ("diff", "2018-05", "2018-10"), ("--help",), ("list",)]
)
def test_output_is_utf8_whatever_the_locale(
    data_dir: Path, env: dict[str, str], args: tuple[str, ...]
) -> None:
    """A Windows redirect (cp1252) or a Latin-1 locale gets UTF-8, never a traceback."""
    done = _run(data_dir, *args, env=env)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in done.stderr
    done.stdout.decode("utf-8")  # strict: the file is UTF-8


@pytest.mark.parametrize(
    "args", [("list",), ("report", "-f", "json"), ("history", "-f", "json"), ("--help",)]
)
def test_closed_stdout_ends_quietly_with_141(data_dir: Path, args: tuple[str, ...]) -> None:
    """A reader that went away (`| head -1`) ends quietly with 128+SIGPIPE, not 1."""
    import os

    read, write = os.pipe()
    os.close(read)
    done = _run(data_dir, *args, stdout=write)
    os.close(write)
    assert done.returncode == 141, done.stderr
    assert done.stderr == b""


def test_closed_stdout_descriptor_ends_quietly_with_141(data_dir: Path) -> None:
    """`planctl list >&-` ends quietly too; a command that prints nothing still works."""
    import os

    done = _run(data_dir, "list", preexec_fn=lambda: os.close(1))
    assert (done.returncode, done.stderr) == (141, b"")
    checked = _run(data_dir, "validate", preexec_fn=lambda: os.close(1))
    assert checked.returncode == 0, checked.stderr


def test_read_failure_is_not_called_a_write_failure(data_dir: Path) -> None:
    """A path too long to read is exit 2 about reading, not "kunde inte skriva" (exit 3)."""
    done = _run(data_dir, "validate", str(data_dir / ("a" * 300 + ".yaml")))
    assert done.returncode == 2
    assert b"kunde inte skriva" not in done.stderr
    assert b"Traceback" not in done.stderr


def test_full_disk_on_output_is_exit_3_with_the_file_name(data_dir: Path) -> None:
    """`-o` on a full disk names the file and ends with exit 3 (try again), not 2."""
    import errno

    from planctl.errors import ConflictError, write_error

    failure = write_error("rapport.xlsx", OSError(errno.ENOSPC, "No space left on device"))
    assert isinstance(failure, ConflictError) and failure.exit_code == 3
    assert "rapport.xlsx" in failure.message and "disken är full" in failure.message
    assert "No space" not in failure.message
    with Path("/dev/full").open("wb") as full:
        done = _run(data_dir, "report", "-f", "csv", stdout=full)
    assert done.returncode == 3 and b"disken \xc3\xa4r full" in done.stderr


@pytest.mark.parametrize(
    "args",
    [("--data-dir", "", "list"), ("--data-dir=", "list"), ("validate", ""), ("list", "-o", "")],
)
def test_empty_paths_are_usage_errors(invoke: Invoke, args: tuple[str, ...]) -> None:
    """An empty path never silently means the current directory."""
    result = invoke(*args)
    assert result.exit_code == 2
    assert "får inte vara tom" in result.stderr


def test_followup_with_stdin_closed_gets_a_swedish_message(data_dir: Path) -> None:
    """`followup <&-` (and an empty stdin) ends with a Swedish message and no traceback."""
    import os
    import subprocess

    for options in ({"preexec_fn": lambda: os.close(0)}, {"stdin": subprocess.DEVNULL}):
        done = _run(data_dir, "followup", "2018-05", **options)
        assert b"Traceback" not in done.stderr, done.stderr
        assert done.returncode in (1, 2, 130)
        assert "inget skrevs" in done.stderr.decode("utf-8").casefold()
