"""The output gate: every writer keeps odd text harmless, even from files that bypassed validation.

Regression tests for issue 11's output classes: control characters (4), Rich markup (5) and cut
words (8). The input gate refuses such text in valid files; these tests feed it to the writers
directly (a plan read despite its problems), as a hand-edited file or an old git revision would.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import openpyxl
import pytest

from planctl.errors import Problem, Severity
from planctl.models import Plan
from planctl.query import RowFilter
from planctl.render.escape import visible
from planctl.render.report import render_report
from planctl.render.validation import problems_github, problems_junit
from planctl.report import Moment, build_report
from planctl.store import load_data_dir
from tests.conftest import TODAY, Invoke

PLAN = "boras_plan.yaml"
ODD = "Ny\x0brutin \x1b[31mröd\x1b[0m [/] [bold]x[/bold] \u202eredan\x85 =SUM(A1)"
ESCAPES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def odd_plan(data_dir: Path) -> Plan:
    """The Borås plan with control characters and markup in a note and a role, read anyway."""
    path = data_dir / PLAN
    text = path.read_text(encoding="utf-8")
    written = ODD.replace("\x0b", "\\v").replace("\x1b", "\\e").replace("\x85", "\\N")
    entry = (
        f'    ansvar: "{written}"\n    historik:\n      - datum: "2018-05-31"\n'
        f'        status: Påbörjat\n        notering: "{written}"\n'
    )
    path.write_text(text.replace("    ansvar: Personalchef\n", entry, 1), encoding="utf-8")
    data = load_data_dir(data_dir, today=TODAY)
    # The untagged entry also leaves other rows without one for its round: a warning only.
    assert {p.rule for p in data.problems if p.severity is Severity.ERROR} == {"control-character"}
    plan = data.plans[0].model
    assert isinstance(plan, Plan)
    return plan


def test_control_characters_are_harmless_in_every_report_format(data_dir: Path) -> None:
    """table, Markdown, CSV, xlsx, HTML and JSON all parse, and none passes an escape through."""
    plan = odd_plan(data_dir)
    report = build_report(
        plan, wanted=RowFilter(), as_of=Moment(dt.date(2018, 6, 1)), produced=TODAY
    )
    for fmt in ("table", "markdown", "csv", "html"):
        text = render_report(report, fmt).decode("utf-8")
        assert not ESCAPES.search(text.replace("\r\n", "\n")), fmt
        assert "\ufffd" in text, fmt
    rows = list(
        csv.reader(io.StringIO(render_report(report, "csv").decode("utf-8-sig")), delimiter=";")
    )
    assert any(any("röd" in cell for cell in row) for row in rows)
    raw = render_report(report, "json").decode("utf-8")
    assert not ESCAPES.search(raw)
    assert json.dumps(ODD)[1:-1] in json.dumps(json.loads(raw))  # the exact text, escaped
    book = openpyxl.load_workbook(io.BytesIO(render_report(report, "xlsx")))
    cells = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert any(isinstance(v, str) and "röd" in v for v in cells)
    with zipfile.ZipFile(io.BytesIO(render_report(report, "xlsx"))) as archive:
        for name in archive.namelist():
            if name.endswith(".xml"):
                ET.fromstring(archive.read(name))  # well-formed XML throughout
    html = render_report(report, "html").decode("utf-8")
    assert "[bold]" in html and "<bold>" not in html


def test_junit_and_github_stay_well_formed_with_control_characters() -> None:
    """A problem quoting a control character keeps JUnit well-formed and an annotation one line."""
    problem = Problem("data/p\x1b.yaml", 3, 5, "unknown-field", f"okänt fält '{ODD}'")
    root = ET.fromstring(problems_junit([problem], [problem.file]))
    assert "\x1b" not in ET.tostring(root, encoding="unicode")
    annotation = problems_github([problem])
    assert annotation.count("\n") == 1 and not ESCAPES.search(annotation)


def test_visible_replaces_each_control_character() -> None:
    """Each refused character becomes exactly one U+FFFD; ordinary text is untouched."""
    assert visible("a\x1bb\u202ec\td\ne") == "a\ufffdb\ufffdc\td\ne"
    assert visible("åäö [x] – “citat”") == "åäö [x] – “citat”"


@pytest.mark.parametrize("width", ["120", "80"])
def test_rich_markup_in_text_is_shown_literally(invoke: Invoke, data_dir: Path, width: str) -> None:
    """`[/]` and `[alf]` in notes and roles are text in show, history and list (no MarkupError)."""
    note, role = "Se bilaga [/] i protokollet", "Gäller [alf] och [ifo]"
    done = invoke(
        "status", "set", "LB-4", "påbörjat", "--date", "2018-05-31", "--note", note, "--by", role
    )
    assert done.exit_code == 0, done.stderr
    path = data_dir / PLAN
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "    ansvar: Personalchef", f'    ansvar: "{role}"', 1
        ),
        encoding="utf-8",
    )
    env = {"COLUMNS": width}
    for args in (("show", "LB-4"), ("history", "LB-4"), ("list",)):
        result = invoke(*args, env=env)
        assert result.exit_code == 0, (args, result.stderr)
        flat = " ".join(result.stdout.split())
        assert "[alf]" in flat and "[ifo]" in flat, args
        if args[0] != "list":
            assert "[/]" in flat, args


WHOLE_WORDS = (
    "arbetsbelastning",
    "Hälsofrämjande",
    "Förhandlingschef",
    "introduktion",
)


@pytest.mark.parametrize("width", ["80", "100"])
@pytest.mark.parametrize(
    "args",
    [("coverage",), ("measures",), ("history",), ("summary",), ("list",), ("report",)],
)
def test_no_table_cuts_or_breaks_a_word(
    invoke: Invoke, data_dir: Path, width: str, args: tuple[str, ...]
) -> None:
    """At 80 columns (or piped) cells wrap at spaces: no `…`, no word split over lines."""
    invoke(
        "status", "set", "LB-4", "påbörjat", "--date", "2018-05-31",
        "--by", "Förhandlingschef", "--note", "Förhandlingschefen har börjat",
    )  # fmt: skip
    result = invoke(*args, env={"COLUMNS": width})
    assert result.exit_code == 0, result.stderr
    assert "…" not in result.stdout
    for line in result.stdout.splitlines():
        assert len(line) <= int(width), line
    words = set(result.stdout.split())
    fragments = {w.strip(",.()") for w in words}
    for word in WHOLE_WORDS:
        broken = [f for f in fragments if f and f != word and word.startswith(f) and len(f) > 3]
        assert not broken, (word, broken)
    if args == ("summary",):
        assert "boras-socialsekreterare-2017" in result.stdout
        # A heading written over two lines ("Förse-\nnade") is one word again when stacked.
        assert "Förse- nade" not in result.stdout
