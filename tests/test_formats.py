"""The registry of output formats: every --format offers exactly what the registry lists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planctl.errors import UsageError
from planctl.render.formats import (
    FORMATS,
    SUPPORTED,
    choices,
    format_for_path,
    is_binary,
    suffix_list,
)
from tests.conftest import Invoke

COMMANDS = {"diff": "report", **{name: name for name in SUPPORTED}}
ARGS = {"show": ["LB-1"], "diff": ["2018-05", "2018-10"], "changes": ["main"]}


@pytest.mark.parametrize(("command", "output"), sorted(COMMANDS.items()))
def test_format_choices_come_from_the_registry(invoke: Invoke, command: str, output: str) -> None:
    """Each command's --format accepts exactly the registry's formats and its help names them."""
    refused = invoke(command, *ARGS.get(command, []), "--format", "nonsens", env={"COLUMNS": "300"})
    assert refused.exit_code == 2
    listed = re.search(r"giltiga: (.+?)\s*│", refused.stderr)
    assert listed is not None, refused.stderr
    assert tuple(listed.group(1).split(", ")) == choices(output)
    shown = invoke(command, "--help", env={"COLUMNS": "300"}).stdout
    assert all(name in shown for name in choices(output))


@pytest.mark.parametrize(("command", "output"), sorted(COMMANDS.items()))
def test_output_help_names_exactly_the_commands_suffixes(
    invoke: Invoke, command: str, output: str
) -> None:
    """-o/--output's help lists the suffixes of this command's formats, no other command's."""
    shown = invoke(command, "--help", env={"COLUMNS": "300"}).stdout
    line = next((x for x in shown.splitlines() if re.match(r"│\s+--output\b", x)), None)
    if line is None:  # validate prints, it writes no file
        assert command == "validate"
        return
    assert ", ".join(re.findall(r"(?<![\w.])\.[a-z]+\b", line)) == suffix_list(output)


def test_every_listed_format_is_registered() -> None:
    """An output can only offer a format the registry describes."""
    assert {n for names in SUPPORTED.values() for n in names} <= set(FORMATS)


def test_format_from_file_name_and_binary() -> None:
    """A suffix picks the format (any case); an unknown suffix is a usage error; xlsx is binary."""
    assert format_for_path("report", Path("Rapport.XLSX")) == "xlsx"
    assert format_for_path("report", Path("r.htm")) == "html"
    with pytest.raises(UsageError, match=r"\.txt, \.md, \.markdown"):
        format_for_path("report", Path("r.pdf2"))
    assert is_binary("xlsx") and not is_binary("csv")


@pytest.mark.parametrize(
    ("args", "file", "fmt"),
    [
        (["list"], "rader.json", "json"),
        (["measures"], "insatser.json", "json"),
        (["show", "LB-4"], "rad.json", "json"),
        (["history"], "historik.md", "markdown"),
        (["coverage"], "tackning.csv", "csv"),
        (["summary"], "sammanstallning.md", "markdown"),
        (["remind"], "paminnelse.csv", "csv"),
        (["remind"], "paminnelse.md", "markdown"),
    ],
)
def test_output_option_alike_on_every_data_command(
    invoke: Invoke, tmp_path: Path, args: list[str], file: str, fmt: str
) -> None:
    """-o FIL writes what --format prints, the format taken from the file's suffix."""
    target = tmp_path / file
    written = invoke(*args, "-o", str(target))
    assert written.exit_code == 0, written.stderr
    assert f"({fmt})" in written.stderr and written.stdout == ""
    printed = invoke(*args, "--format", fmt)
    assert target.read_bytes().decode("utf-8").replace("\r\n", "\n") == printed.stdout


def test_output_table_is_plain_text(invoke: Invoke, tmp_path: Path) -> None:
    """A .txt file gets the terminal table without colour codes."""
    target = tmp_path / "rader.txt"
    assert invoke("list", "-o", str(target)).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "LB-1" in text and "\x1b[" not in text


def test_remind_table_to_a_file_is_the_terminal_table(invoke: Invoke, tmp_path: Path) -> None:
    """remind -o x.txt writes the table people see, not Markdown under a .txt name."""
    target = tmp_path / "paminnelse.txt"
    written = invoke("remind", "-o", str(target))
    assert written.exit_code == 0, written.stderr
    assert "(table)" in written.stderr
    text = target.read_text(encoding="utf-8")
    assert "Förhandlingschef" in text and "## " not in text and "\x1b[" not in text


def test_remind_refuses_a_suffix_it_cannot_write(invoke: Invoke, tmp_path: Path) -> None:
    """An unknown suffix is a usage error naming the suffixes remind writes; nothing is written."""
    target = tmp_path / "paminnelse.json"
    refused = invoke("remind", "-o", str(target))
    assert refused.exit_code == 2
    assert ".csv" in refused.stderr and not target.exists()


@pytest.mark.parametrize(
    "command", ["list", "measures", "history", "coverage", "summary", "remind"]
)
def test_output_below_the_data_directory_is_refused(
    invoke: Invoke, data_dir: Path, command: str
) -> None:
    """No command that prints data writes its output anywhere below the data directory."""
    folder = data_dir / "rapporter"
    folder.mkdir()
    suffix = {"history": ".md", "summary": ".md", "remind": ".md", "coverage": ".csv"}
    target = folder / f"utdata{suffix.get(command, '.json')}"
    refused = invoke(command, "-o", str(target))
    assert refused.exit_code == 2, refused.stdout
    assert "datakatalogen" in refused.stderr and not target.exists()
