"""Golden files for the listing commands in every format they print: list, show, measures, history.

Their tables and JSON were checked only by spot assertions; a change to a column, a word or a key
now shows up as a reviewed diff (``pytest --update-golden``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Invoke

Golden = Callable[[str, str], None]

CASES = [
    (("list",), "list.table.txt"),
    (("list", "--format", "json"), "list.json"),
    (("list", "--area", "lonebildning", "--format", "json"), "list-lonebildning.json"),
    (("show", "LB-4"), "show-row.table.txt"),
    (("show", "LB-4", "--format", "json"), "show-row.json"),
    (("show", "84"), "show-measure.table.txt"),
    (("show", "84", "--format", "json"), "show-measure.json"),
    (("measures", "--area", "god-introduktion"), "measures.table.txt"),
    (("measures", "--area", "god-introduktion", "--format", "json"), "measures.json"),
    (("history",), "history.table.txt"),
    (("history", "--format", "json"), "history.json"),
    (("history", "--format", "markdown"), "history.md"),
    (("history", "LB-4", "--since", "2018-05"), "history-lb4.table.txt"),
]


@pytest.mark.parametrize(("args", "name"), CASES, ids=[name for _, name in CASES])
def test_view_matches_golden(
    history_dir: Path, invoke: Invoke, golden: Golden, args: tuple[str, ...], name: str
) -> None:
    """The command's output on the Borås plan with its fixture history is the reviewed one."""
    result = invoke(*args)
    assert result.exit_code == 0, result.stderr
    golden(name, result.stdout)
