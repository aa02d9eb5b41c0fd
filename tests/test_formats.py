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
    chosen_format,
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


# Arguments each command with -o needs to get as far as writing (changes needs a git repository).
OUTPUT_ARGS = {
    "show": ["LB-1"],
    "diff": ["2018-05", "2018-10"],
    "changes": ["HEAD"],
    "schema": ["plan"],
}
NOT_A_FORMAT_OPTION = {"import"}  # -o names the plan file, checked as YAML by its own rule


def _commands_with_output() -> dict[str, bool]:
    """Every command that has -o/--output, and whether it also has --format."""
    from tests.test_cli import _leaf_commands

    found: dict[str, bool] = {}
    for name, command in _leaf_commands():
        flags = {flag for p in command.params for flag in p.opts}
        if "--output" in flags and name not in NOT_A_FORMAT_OPTION:
            found[name] = "--format" in flags
    return found


def test_every_command_with_output_is_checked_below() -> None:
    """The suffix test below covers every command that has -o (a new one is covered or fails)."""
    assert set(_commands_with_output()) == set(OUTPUT_ARGS) | {
        "list",
        "measures",
        "history",
        "coverage",
        "summary",
        "remind",
        "report",
        "chart",
    }


@pytest.mark.parametrize("command", sorted(_commands_with_output()))
def test_suffix_naming_another_format_is_refused(
    invoke: Invoke, data_dir: Path, tmp_path: Path, command: str
) -> None:
    """-o rapport.xlsx with --format csv (any command with -o) is a usage error; nothing written."""
    from tests.gittools import git

    if command == "changes":
        git("init", "-q", cwd=data_dir.parent)
        git("add", "data", cwd=data_dir.parent)
        git("commit", "-q", "-m", "Planen", cwd=data_dir.parent)
    has_format = _commands_with_output()[command]
    fmt = choices(COMMANDS[command])[0] if has_format else "json"
    target = tmp_path / "utdata.xlsx"
    args = [*OUTPUT_ARGS.get(command, []), "-o", str(target)]
    refused = invoke(*command.split(), *args, *(["--format", fmt] if has_format else []))
    assert refused.exit_code == 2, refused.stderr
    assert f"filnamnet 'utdata.xlsx' anger formatet xlsx men {fmt} skrivs" in refused.stderr
    assert not target.exists()


@pytest.mark.parametrize(
    ("name", "fmt", "ok"),
    [
        ("r.csv", "csv", True),
        ("R.CSV", "csv", True),
        ("r.htm", "html", True),
        ("r.data", "csv", True),  # no format claims the suffix: --format decides
        ("r", "json", True),
        ("r.txt", "json", True),  # .txt promises text, and JSON is text
        ("r.txt", "xlsx", False),  # but not a binary format
        ("r.xlsx", "csv", False),
        ("r.md", "json", False),
        ("r.json", "table", False),
    ],
)
def test_chosen_format_and_suffix(name: str, fmt: str, ok: bool) -> None:
    """--format is taken when the suffix agrees or claims nothing, and refused when it disagrees."""
    if ok:
        assert chosen_format("report", fmt, Path(name)) == fmt
    else:
        with pytest.raises(UsageError, match="anger formatet"):
            chosen_format("report", fmt, Path(name))
    assert chosen_format("report", None, None) == "table"


DASH_COMMANDS = ["list", "measures", "show", "history", "coverage", "summary", "remind"]


@pytest.mark.parametrize("command", [*DASH_COMMANDS, "report", "diff", "changes"])
def test_output_dash_is_standard_out(
    invoke: Invoke, data_dir: Path, tmp_path: Path, command: str
) -> None:
    """``-o -`` prints what the command prints without -o, on every command that prints data,
    and leaves no file named '-' behind."""
    from tests.gittools import git

    if command == "changes":
        git("init", "-q", cwd=data_dir.parent)
        git("add", "data", cwd=data_dir.parent)
        git("commit", "-q", "-m", "Planen", cwd=data_dir.parent)
    fmt = next(f for f in choices(COMMANDS[command]) if f in ("json", "markdown"))
    args = [*OUTPUT_ARGS.get(command, []), "--format", fmt]
    dashed = invoke(command, *args, "-o", "-")
    assert dashed.exit_code == 0, dashed.stderr
    plain = invoke(command, *args)
    assert dashed.stdout == plain.stdout and plain.stdout
    assert not (Path.cwd() / "-").exists() and not (tmp_path / "-").exists()


def test_txt_takes_the_first_text_format_of_a_command_without_table(
    invoke: Invoke, data_dir: Path, tmp_path: Path
) -> None:
    """``.txt`` promises plain text, so ``changes -o c.txt`` writes its Markdown (the README's
    "till .txt går varje textformat"), where it was refused for want of a 'table' format."""
    from tests.gittools import git

    git("init", "-q", cwd=data_dir.parent)
    git("add", "data", cwd=data_dir.parent)
    git("commit", "-q", "-m", "Planen", cwd=data_dir.parent)
    target = tmp_path / "c.txt"
    written = invoke("changes", "HEAD", "-o", str(target))
    assert written.exit_code == 0, written.stderr
    assert "(markdown)" in written.stderr
    assert format_for_path("changes", Path("c.txt")) == "markdown"
    assert format_for_path("report", Path("r.txt")) == "table"
