"""Every format of the follow-up report: golden files, and read-backs as the receiver reads them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from planctl.models import Plan
from planctl.query import RowFilter
from planctl.render.csvdoc import neutralise
from planctl.render.markdown import markdown_cell as md_escape
from planctl.render.report import render_report, report_format_for
from planctl.render.report_xlsx import sheet_name
from planctl.report import Moment, Report, build_report
from planctl.store import load_data_dir
from tests.conftest import TODAY, Invoke

NOW = {"PLANCTL_NOW": "2026-11-23T09:30"}
Golden = Callable[[str, str], None]


@pytest.fixture
def plan(history_dir: Path) -> Plan:
    """The Borås plan with the fixture history."""
    return load_data_dir(history_dir, today=TODAY).require_valid().plan().model


def make_report(plan: Plan, *, since: Moment | None = None, **wanted: object) -> Report:
    return build_report(
        plan,
        wanted=RowFilter(**wanted),  # type: ignore[arg-type]
        as_of=Moment(TODAY),
        since=since,
        produced=dt.datetime(2026, 11, 23, 9, 30),
    )


# --- golden files ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("markdown", "report.md"),
        ("csv", "report.csv"),
        ("json", "report.json"),
        ("html", "report.html"),
    ],
)
def test_report_golden(
    history_dir: Path, invoke: Invoke, golden: Golden, fmt: str, name: str
) -> None:
    """Each text format of the Borås report with the fixture history matches its golden file."""
    result = invoke("report", "--format", fmt, env=NOW)
    assert result.exit_code == 0, result.stderr
    golden(name, without_charts(result.stdout))


def without_charts(text: str) -> str:
    """``text`` with each inline SVG chart cut to its outline: the drawing is matplotlib's and
    changes with its version; the chart's numbers are checked in test_chart.py."""
    return re.sub(r"(<svg[^>]*>).*?(</svg>)", r"\1…\2", text, flags=re.DOTALL)


def test_report_table_golden_at_80_columns(
    history_dir: Path, invoke: Invoke, golden: Golden
) -> None:
    """The terminal table fits 80 columns, has no colour codes and matches its golden file."""
    result = invoke("report", env={**NOW, "COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "\x1b[" not in result.stdout
    golden("report.table.txt", result.stdout)


def test_report_table_golden_wide(history_dir: Path, invoke: Invoke, golden: Golden) -> None:
    """From 120 columns the table has the appendix's own Ansvar and Start columns."""
    result = invoke("report", "--area", "lonebildning", env={**NOW, "COLUMNS": "130"})
    header = next(line for line in result.stdout.splitlines() if line.startswith(" Id "))
    assert "Ansvar" in header and "Start" in header
    golden("report-lonebildning.wide.txt", result.stdout)


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (("diff", "2018-05", "2018-10"), "diff.table.txt"),
        (("diff", "2018-05", "2018-10", "--format", "markdown"), "diff.md"),
        (("diff", "2018-05", "2018-10", "--format", "json"), "diff.json"),
        (("report", "--round", "2018-05", "--format", "markdown"), "report-2018-05.md"),
    ],
)
def test_time_travel_golden(
    history_dir: Path, invoke: Invoke, golden: Golden, args: tuple[str, ...], name: str
) -> None:
    """A past round and the changes between two rounds match their golden files."""
    result = invoke(*args, env={**NOW, "COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    golden(name, result.stdout)


def xlsx_dump(data: bytes) -> str:
    """Every sheet of a workbook as text: layout, styles that matter, and every non-empty cell."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    lines = []
    for ws in book.worksheets:
        widths = {k: v.width for k, v in sorted(ws.column_dimensions.items()) if v.width}
        lines.append(f"== {ws.title} {ws.dimensions} freeze={ws.freeze_panes}")
        lines.append(
            f"   widths={widths} filter={ws.auto_filter.ref} paper={ws.page_setup.paperSize}"
        )
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                marks = "b" if cell.font.bold else ""
                marks += "F" if cell.fill.fgColor.rgb not in (None, "00000000") else ""
                value = (
                    cell.value.isoformat() if isinstance(cell.value, dt.datetime) else cell.value
                )
                lines.append(f"{cell.coordinate} {cell.data_type}{marks} {value!r}")
    return "\n".join(lines) + "\n"


def test_report_xlsx_golden(history_dir: Path, invoke: Invoke, golden: Golden) -> None:
    """The workbook's cells, layout and header styles match the golden cell dump."""
    out = history_dir.parent / "rapport.xlsx"
    result = invoke("report", "--output", str(out), env=NOW)
    assert result.exit_code == 0, result.stderr
    golden("report.xlsx.txt", xlsx_dump(out.read_bytes()))


# --- read back as the receiving tool does -----------------------------------------------------


def test_csv_reads_back_with_excel_semantics(plan: Plan) -> None:
    """The CSV has a BOM, CRLF and ';', and Excel's dialect reads back every field as written."""
    data = render_report(make_report(plan), "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == data.count(b"\n")
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), dialect="excel", delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["område_id", "område", "id"]
    assert len(body) == 27 and all(len(row) == len(header) for row in body)
    by_id = {row[2]: dict(zip(header, row, strict=True)) for row in body}
    assert (
        by_id["KP-2"]["status"] == "Ej påbörjat" and by_id["KP-2"]["försenad"] == "start försenad"
    )
    # LB-3 has never been followed up: no status, no meaning, never late.
    assert [by_id["LB-3"][h] for h in ("status", "betyder", "försenad")] == ["Ej uppföljd", "", ""]
    assert by_id["LB-1"]["behöver_finansiering"] == "ja"
    assert by_id["KP-6"]["ansvar"] == "Kommunchef, förvaltningschef mfl"
    assert by_id["AV-3"]["notering"].startswith("Lokalfrågan utreds <script>")
    # Formula injection: cells that Excel would run start with a quote.
    assert by_id["LB-4"]["notering"].startswith("'=SUMMA(")
    assert by_id["LB-6"]["notering"].startswith("'@HSV")
    assert by_id["AV-4"]["notering"].startswith("'-20 %")


def test_report_csv_is_one_tidy_table_for_pandas(plan: Plan, tmp_path: Path) -> None:
    """pandas reads the report CSV as documented: one row per plan row, the documented columns."""
    import pandas as pd

    path = tmp_path / "rapport.csv"
    path.write_bytes(render_report(make_report(plan), "csv"))
    frame = pd.read_csv(path, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(frame.columns) == [
        "område_id", "område", "id", "förslag", "ansvar", "start", "slut", "status", "betyder",
        "statusdatum", "försenad", "behöver_finansiering", "notering", "noteringsdatum",
    ]  # fmt: skip
    assert len(frame) == len(plan.rows) == 27
    assert list(frame["id"]) == [row.id for row in plan.rows]
    assert frame["id"].is_unique
    late = frame[frame["försenad"] != ""]
    assert len(late) == make_report(plan).counts.delayed
    assert set(frame["status"]) == {"Klart", "Påbörjat", "Ej påbörjat", "Ej uppföljd"}
    assert set(frame["betyder"]) == {"klar", "pågår", "ej-startad", ""}
    assert frame.loc[frame["id"] == "KP-9", "statusdatum"].item() == "2018-01-10"


def test_list_csv_is_one_tidy_table_for_pandas(invoke: Invoke, tmp_path: Path) -> None:
    """list --format csv is the same dialect: pandas reads one row per row listed."""
    import pandas as pd

    from planctl.render.rows import ROW_COLUMNS

    result = invoke("list", "--format", "csv", "--area", "lonebildning")
    assert result.exit_code == 0, result.stderr
    data = result.stdout_bytes
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\r\n") == data.count(b"\n")
    path = tmp_path / "rader.csv"
    path.write_bytes(data)
    frame = pd.read_csv(path, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(ROW_COLUMNS)
    assert list(frame["id"]) == ["LB-1", "LB-2", "LB-3", "LB-4", "LB-5", "LB-6"]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+46 33 35 70 00", "'+46 33 35 70 00"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tdold", "'\tdold"),
        ("\rdold", "\ufffddold"),  # a lone CR is a control character: shown, never kept
        ("Klart", "Klart"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_csv_neutralises_formulas(cell: str, expected: str) -> None:
    """A cell starting with = + - @ or tab gets a leading quote; others stay as written."""
    assert neutralise(cell) == expected


def test_xlsx_cell_by_cell(plan: Plan) -> None:
    """The workbook has a summary and one sheet per area, with styled headers and string cells."""
    book = openpyxl.load_workbook(io.BytesIO(render_report(make_report(plan), "xlsx")))
    assert book.sheetnames == [
        "Sammanfattning",
        "Lönebildning",
        "Arbetsvillkor",
        "Kompetens- och personalförsörj…",
        "Mål och mätvärden",
        "Framsteg",
    ]
    summary = book["Sammanfattning"]
    assert summary["A1"].value == "Uppföljningsrapport – Borås Stad"
    assert summary["B3"].value == "läget 2026-11-23"
    assert summary["B4"].value == "2026-11-23 09:30"
    assert [c.value for c in summary[6]] == [
        "Område",
        "Klart",
        "Påbörjat",
        "Ej påbörjat",
        "Ej uppföljda",
        "Försenade",
        "Rader",
        "Andel klart",
    ]
    assert all(c.font.bold and c.fill.fgColor.rgb == "001F4E79" for c in summary[6])
    assert [c.value for c in summary[10]][:7] == ["Hela planen", 9, 5, 1, 12, 1, 27]
    assert summary["H10"].value == pytest.approx(9 / 27)
    assert summary["H10"].number_format == "0%"
    assert summary.conditional_formatting  # the data bar is the progress bar
    area = book["Lönebildning"]
    assert area.freeze_panes == "A8"
    assert area.column_dimensions["B"].width == 60
    assert [c.value for c in area[8]][:8] == [
        "LB-1",
        "Fortsatt och förstärkt erfarenhetsatsning och löneutveckling för "
        "socialsekreterare som väljer att stanna i Borås Stad.",
        "Förhandlingsdelegationen",
        "Hösten 2017",
        "X",
        None,
        None,
        None,
    ]
    formula_like = area["J11"]
    assert formula_like.value == "=SUMMA(A1:A3) – tillägget följs upp i löneöversynen"
    assert formula_like.data_type == "s"  # a string, never a formula
    assert area["K11"].value == dt.datetime(2018, 5, 20)
    assert area["H10"].value is None  # LB-3 has not been followed up: never late
    assert book["Kompetens- och personalförsörj…"]["H9"].value == "start försenad"  # KP-2
    assert area.page_setup.paperSize == 9  # A4 in the OOXML numbering


def test_json_structure(plan: Plan) -> None:
    """The JSON names its schema, the plan and the moment, and nests rows under areas."""
    data = json.loads(render_report(make_report(plan), "json"))
    assert data["schema"] == "planctl-report/2"
    assert data["plan"]["id"] == "boras-socialsekreterare-2017"
    assert data["as_of"] == {"date": "2026-11-23", "round": None, "round_name": None}
    assert data["since"] is None and data["previous_counts"] is None
    assert data["produced"] == "2026-11-23T09:30:00"
    assert data["counts"]["share_done"] == 0.3333
    assert [a["id"] for a in data["areas"]] == [
        "lönebildning",
        "arbetsvillkor",
        "kompetens-och-personalförsörjning",
    ]
    row = data["areas"][0]["rows"][2]
    assert row["id"] == "LB-3" and row["delayed"] is False and row["status"] is None
    late = data["areas"][2]["rows"][1]
    assert (
        late["id"] == "KP-2" and late["status"] == "Ej påbörjat" and late["meaning"] == "ej-startad"
    )
    assert late["delayed"] is True and late["late"] == "start försenad"
    assert [s["name"] for s in data["statuses"]] == ["Klart", "Påbörjat", "Ej påbörjat"]
    assert data["counts"]["not_followed_up"] == 12 and "Ej uppföljd" in data["legend"]


def test_html_escapes_every_yaml_text(plan: Plan) -> None:
    """Markup in a note is shown as text, and the document is Swedish and self-contained."""
    html = render_report(make_report(plan), "html").decode("utf-8")
    assert "<script" not in html and "<b>på" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<html lang="sv">' in html and "@page { size: A4" in html
    # Only references inside the document itself (the inline charts' clip paths and markers).
    assert not re.search(r"""(src|href)=["'](?!#)|url\((?!#)|@import""", html)
    assert "<svg" in html  # the progress charts are inline


def test_html_keeps_area_heading_with_its_table_in_print() -> None:
    """In print an area's heading and counts line never stay alone at the foot of a page."""
    from planctl.render.report_html import CSS

    rules = dict(re.findall(r"^([^{@\n]+?)\s*\{([^}]*)\}", CSS, flags=re.MULTILINE))
    assert "break-after: avoid" in rules["h2"]
    assert "break-after: avoid" in rules[".counts"]


def test_markdown_escapes_markup_and_pipes() -> None:
    """Markdown escaping keeps tags, pipes, brackets and emphasis as literal text."""
    assert md_escape("a | b") == "a \\| b"
    assert md_escape("<script>x</script>") == "\\<script\\>x\\</script\\>"
    assert md_escape("*viktigt* [länk](x)") == "\\*viktigt\\* \\[länk\\](x)"
    assert md_escape("rad 1\nrad 2") == "rad 1<br>rad 2"


def test_empty_report_says_so(plan: Plan) -> None:
    """A report with no changes says so in every text format instead of printing empty tables."""
    report = make_report(plan, since=Moment(TODAY))
    for fmt in ("markdown", "html", "table"):
        assert "Inga rader har bytt status." in render_report(report, fmt).decode("utf-8")


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("r.md", "markdown"), ("R.XLSX", "xlsx"), ("r.htm", "html"), ("r.txt", "table")],
)
def test_format_from_extension(name: str, fmt: str) -> None:
    """The output file's extension chooses the format."""
    assert report_format_for(Path(name)) == fmt


def test_sheet_names_are_valid_and_unique() -> None:
    """Sheet names drop characters Excel forbids, fit 31 characters and never repeat."""
    assert sheet_name("A/B: C?", []) == "A-B- C-"
    long = "Kompetens- och personalförsörjning"
    assert len(sheet_name(long, [])) == 31
    assert sheet_name("Lönebildning", ["lönebildning"]) == "Lönebildning (2)"
