"""Property tests: odd text written through the real commands, then every output parsed.

Hypothesis makes notes and roles out of the troublesome kinds of text issue 11 found: control
characters, Rich markup, decomposed (NFD) letters, bidi overrides and spreadsheet formula
prefixes. Each is written with `planctl status set`. Text the input gate refuses must end in exit
2 with a Swedish message and no traceback, leaving the file as it was; text it accepts must come
out of every format as what the format claims to be (JSON loads, JUnit XML is well-formed, the
xlsx opens, the CSV reads back the note, the HTML has no live markup, the terminal output has no
control characters).
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planctl import textgate
from tests.conftest import Invoke

PLAN = "boras_plan.yaml"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

PIECES = st.sampled_from(
    [
        "[/]",
        "[bold]",
        "[alf]",
        "=SUM(A1)",
        "+46",
        "-5",
        "@here",
        "<script>alert(1)</script>",
        "&amp;",
        "::error::",
        "%0A",
        "o\u0308",  # ö decomposed
        "A\u030a",  # Å decomposed
        "\u202e",
        "\u2066",
        "\x1b[2J",
        "\x0b",
        "\x85",
        "\x07",
        "\t",
        "Förhandlingschef",
        "klart",
        " ",
    ]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(min_size=1, max_size=4)), min_size=1, max_size=5).map(
    "".join
)

SETTINGS = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)


def _expected(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


@SETTINGS
@given(note=TEXTS, role=TEXTS)
@example(note="=Se bilaga [/] <b>o\u0308</b>", role="Gäller [alf] och [ifo]")
@example(note="Klart\x0bsen", role="Förhandlingschef")
def test_odd_notes_and_roles_through_every_output(
    invoke: Invoke, data_dir: Path, tmp_path: Path, note: str, role: str
) -> None:
    """Refused text exits 2 in Swedish; accepted text parses in every format, harmlessly."""
    path = data_dir / PLAN
    original = path.read_bytes()
    try:
        written = invoke(
            "status", "set", "LB-4", "påbörjat", "--date", "2018-05-31",
            "--note", note, "--by", role,
        )  # fmt: skip
        refused = not note.strip() or not role.strip()
        refused = refused or any(textgate.first_forbidden(t) is not None for t in (note, role))
        if refused:
            assert written.exit_code == 2, written.stderr
            assert "Traceback" not in written.stderr
            assert written.stderr.startswith("planctl: fel: ")
            assert not CONTROL.search(written.stderr)
            assert path.read_bytes() == original
            return
        assert written.exit_code == 0, written.stderr
        _check_outputs(invoke, tmp_path, _expected(note), _expected(role))
    finally:
        path.write_bytes(original)


def _check_outputs(invoke: Invoke, tmp_path: Path, note: str, role: str) -> None:
    history = json.loads(invoke("history", "LB-4", "-f", "json").stdout)
    assert (history[-1]["note"], history[-1]["by"]) == (note, role)
    report = json.loads(invoke("report", "--as-of", "2018-06-01", "-f", "json").stdout)
    notes = [row["note"] for area in report["areas"] for row in area["rows"]]
    assert note in notes

    junit = invoke("validate", "-f", "junit")
    assert junit.exit_code == 0
    ET.fromstring(junit.stdout)

    for args in (("show", "LB-4"), ("history", "LB-4"), ("report",), ("list",)):
        shown = invoke(*args, env={"COLUMNS": "80"})
        assert shown.exit_code == 0, (args, shown.stderr)
        assert not CONTROL.search(shown.stdout.replace("\n", "")), args

    text = invoke("report", "--as-of", "2018-06-01", "-f", "csv").stdout
    cells = [
        cell
        for row in csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";")
        for cell in row
    ]
    assert note in cells or "'" + note in cells

    html = invoke("report", "--as-of", "2018-06-01", "-f", "html").stdout
    tags = _Tags()
    tags.feed(html)
    assert "script" not in tags.tags and "bold" not in tags.tags

    target = tmp_path / "rapport.xlsx"
    target.unlink(missing_ok=True)
    assert invoke("report", "--as-of", "2018-06-01", "-o", str(target)).exit_code == 0
    book = openpyxl.load_workbook(target)
    values = {c.value for ws in book.worksheets for row in ws.iter_rows() for c in row}
    assert note in values


@SETTINGS
@given(row=TEXTS)
def test_odd_ids_and_search_words_are_refused_or_harmless(invoke: Invoke, row: str) -> None:
    """Any typed id or search text ends in exit 0, 1 or 2, in Swedish, with no traceback."""
    for args in (("show", row), ("list", "--search", row), ("history", row)):
        result = invoke(*args)
        assert result.exit_code in (0, 1, 2), (args, result.stderr)
        assert "Traceback" not in result.stderr
        assert not CONTROL.search(result.stdout.replace("\n", ""))
        assert not CONTROL.search(result.stderr.replace("\n", ""))
