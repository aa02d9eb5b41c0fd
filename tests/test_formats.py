"""The registry of output formats: every --format offers exactly what the registry lists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planctl.errors import UsageError
from planctl.render.formats import FORMATS, SUPPORTED, choices, format_for_path, is_binary
from tests.conftest import Invoke

COMMANDS = {"diff": "report", **{name: name for name in SUPPORTED}}
ARGS = {"show": ["LB-1"], "diff": ["2018-05", "2018-10"]}


@pytest.mark.parametrize(("command", "output"), sorted(COMMANDS.items()))
def test_format_choices_come_from_the_registry(invoke: Invoke, command: str, output: str) -> None:
    """Each command's --format accepts exactly the registry's formats and its help names them."""
    refused = invoke(command, *ARGS.get(command, []), "--format", "nonsens", env={"COLUMNS": "300"})
    assert refused.exit_code == 2
    listed = re.search(r"giltiga: (.+?)\s*│", refused.stderr)
    assert listed is not None, refused.stderr
    assert tuple(re.findall(r"'([^']+)'", listed.group(1))) == choices(output)
    shown = invoke(command, "--help", env={"COLUMNS": "300"}).stdout
    assert all(name in shown for name in choices(output))


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
