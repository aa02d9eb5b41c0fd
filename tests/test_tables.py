"""One table model and one CSV dialect: every format writes the columns declared once.

Drift classes from the issue: the CSV indicator block had 14 columns and the XLSX sheet 13, and
bättre/sämre reached Markdown, HTML and JSON but neither CSV nor XLSX; coverage and summary wrote
CSV with LF line ends while the report used CRLF.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from planctl.coverage import AreaCoverage, Coverage
from planctl.models import Meaning
from planctl.moments import round_moment
from planctl.query import RowFilter
from planctl.render import report_tables
from planctl.render.coverage import coverage_csv
from planctl.render.report import render_report
from planctl.render.report_tables import indicator_table
from planctl.render.summary import summary_csv
from planctl.render.tables import (
    Change,
    Column,
    DataTable,
    Kind,
    Mark,
    Note,
    Point,
    Role,
    Target,
    Trend,
    cell_text,
    paper_widths,
    table_lines,
)
from planctl.report import Moment, Report, build_report
from planctl.scale import Status
from planctl.store import load_data_dir
from planctl.summary import PlanSummary, Summary
from tests.conftest import FIXTURES, TODAY


@pytest.fixture
def report(history_dir: Path) -> Report:
    """The Borås report with the fixture history, which has measured targets."""
    plan = load_data_dir(history_dir, today=TODAY).require_valid().plan().model
    catalogue = load_data_dir(history_dir, today=TODAY).require_catalogue()
    return build_report(
        plan, wanted=RowFilter(), as_of=Moment(TODAY), produced=dt.date(2026, 1, 1),
        catalogue=catalogue,
    )  # fmt: skip


def _csv_blocks(text: str) -> list[list[list[str]]]:
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    blocks: list[list[list[str]]] = [[]]
    for row in rows:
        if row:
            blocks[-1].append(row)
        else:
            blocks.append([])
    return blocks


def test_indicator_columns_identical_in_model_and_xlsx(report: Report) -> None:
    """The XLSX indicator sheet has the table model's columns and values; the report CSV is one
    table of plan rows (issue 16), so the indicators are not a block in it."""
    assert report.indicators, "the fixture must have measured targets"
    csv_blocks = _csv_blocks(render_report(report, "csv").decode("utf-8"))
    assert [b for b in csv_blocks if b] == csv_blocks[:1]  # one block: the rows
    model = indicator_table(report).shown_in("xlsx")
    book = openpyxl.load_workbook(io.BytesIO(render_report(report, "xlsx")))
    sheet = book[model.title]
    rows = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    heading_at = next(i for i, r in enumerate(rows) if r[0] == "Id")
    xlsx_headings = [c for c in rows[heading_at] if c is not None]
    assert xlsx_headings == model.headings
    model_lines = table_lines(model)
    assert len(rows) - heading_at - 1 == len(model_lines) - 1 == len(report.indicators)
    assert "Utveckling" in xlsx_headings  # bättre/sämre is in the spreadsheet too
    improving = xlsx_headings.index("Utveckling")
    assert {r[improving] for r in rows[heading_at + 1 :]} >= {"bättre", "sämre"}


def test_one_csv_dialect_everywhere(report: Report) -> None:
    """Report, coverage and summary CSV: BOM, ';', CRLF line ends and defused formulas."""
    area = AreaCoverage("a", "=SUM(A1)", (1,), (2,))
    coverage = Coverage("p", "Kommun", "k", (area,))
    plan = PlanSummary("p", "-Kommun", "Plan", 8, 5, 2, 1, 0, 0, 0, None)
    summary = Summary(dt.date(2026, 1, 1), (plan,), (), (), ())
    texts = {
        "report": render_report(report, "csv").decode("utf-8"),
        "coverage": coverage_csv(coverage),
        "summary": summary_csv(summary),
    }
    for name, text in texts.items():
        assert text.startswith("\ufeff"), name
        body = text[1:]
        assert body.endswith("\r\n") and "\n" not in body.replace("\r\n", ""), name
        assert all(";" in line for line in body.splitlines()[1:] if line), name
    assert "'=SUM(A1)" in texts["coverage"] and "'-Kommun" in texts["summary"]


def test_table_model_checks_rows_and_formats_cells_by_kind() -> None:
    """A row must fill every column; numbers get a decimal comma, dates ISO, None is empty."""
    columns = (Column("Namn"), Column("Värde", Kind.NUMBER), Column("Dag", Kind.DATE))
    table = DataTable("T", columns, (("a", 2.5, dt.date(2018, 5, 31)), ("b", None, None)))
    assert table_lines(table) == [
        ["Namn", "Värde", "Dag"],
        ["a", "2,5", "2018-05-31"],
        ["b", "", ""],
    ]
    assert cell_text(3, Kind.INTEGER) == "3"
    with pytest.raises(ValueError, match="2 cells for 3 columns"):
        DataTable("T", columns, (("a", 1),))


# --- must show: a column or a status added once appears in every format --------------------

# The formats the table model drives; JSON keeps its versioned schema (planctl-report/2) and
# shows a new status by construction (its statuses, counts and rows), a new column only by a
# schema change.
TABLE_FORMATS = ("table", "markdown", "csv", "xlsx", "html", "docx")


def _docx_text(data: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _docx_tables(report: Report) -> list[Any]:
    from docx import Document

    return list(Document(io.BytesIO(render_report(report, "docx"))).tables)


def _xlsx_text(data: bytes) -> str:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return "\n".join(
        str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row
    )


def shown_text(report: Report, fmt: str) -> str:
    """Everything a reader of ``fmt`` sees of ``report``, as text."""
    data = render_report(report, fmt, width=200)
    if fmt == "xlsx":
        return _xlsx_text(data)
    if fmt == "docx":
        return _docx_text(data)
    return data.decode("utf-8")


@pytest.mark.parametrize("fmt", TABLE_FORMATS)
def test_a_column_added_to_the_rows_table_appears_in_every_format(
    report: Report, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One column declared in ``row_fields`` (and nowhere else) reaches every format, heading
    (the key in the CSV) and cells."""
    declared = report_tables.row_fields

    def with_extra(shown: Report) -> list[tuple[Column, report_tables.RowCell]]:
        extra = Column("Kontrollkolumn", key="kontrollkolumn")
        return [*declared(shown), (extra, lambda section, row: f"k{row.id}")]

    monkeypatch.setattr(report_tables, "row_fields", with_extra)
    text = shown_text(report, fmt)
    assert ("kontrollkolumn" if fmt == "csv" else "Kontrollkolumn") in text
    assert all(f"k{row.id}" in text for row in report.rows)


@pytest.mark.parametrize("fmt", TABLE_FORMATS)
def test_a_column_added_to_the_summary_appears_in_every_format(
    report: Report, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One column declared in ``summary_fields`` reaches every format that has a summary (the
    tidy CSV has none: counts come from ``planctl summary``)."""
    declared = report_tables.summary_fields

    def with_extra(shown: Report) -> list[tuple[Column, report_tables.LineCell]]:
        extra = Column("Kontrollsumma", Kind.COUNT, key="kontrollsumma")
        return [*declared(shown), (extra, lambda line: 9000 + line.counts.total)]

    monkeypatch.setattr(report_tables, "summary_fields", with_extra)
    text = shown_text(report, fmt)
    if fmt == "csv":
        assert "Kontrollsumma" not in text
        return
    assert "Kontrollsumma" in text
    assert str(9000 + report.counts.total) in text


# The formats with a section of measured targets: the tidy CSV has only plan rows.
INDICATOR_FORMATS = ("table", "markdown", "xlsx", "html", "docx")


@pytest.mark.parametrize("fmt", INDICATOR_FORMATS)
def test_a_column_added_to_the_measured_targets_appears_in_every_format(
    report: Report, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One column declared in ``indicator_fields`` reaches every format that shows the measured
    targets, heading and cells."""
    declared = report_tables.indicator_fields

    def with_extra(shown: Report) -> list[tuple[Column, report_tables.IndicatorCell]]:
        extra = Column("Kontrollmått", key="kontrollmått")
        return [*declared(shown), (extra, lambda item: f"m{item.row_id}")]

    monkeypatch.setattr(report_tables, "indicator_fields", with_extra)
    text = shown_text(report, fmt)
    assert "Kontrollmått" in text
    assert all(f"m{item.row_id}" in text for item in report.indicators)


def test_the_measured_targets_say_the_same_in_every_document(report: Report) -> None:
    """Each document's section of measured targets names every target, what it measures, its
    latest value with the day and the round it was measured, and its note (a drift fix: the
    terminal left the round out)."""
    for fmt in ("table", "markdown", "html", "docx"):
        text = shown_text(report, fmt)
        if fmt == "docx":
            section = "\n".join(c.text for row in _docx_tables(report)[-1].rows for c in row.cells)
        else:
            section = text[text.index("Mål och mätvärden") :]
        for item in report.indicators:
            latest = item.standing.latest
            assert latest is not None and latest.round is not None
            measured = item.standing.indicator.target.measured.split()[0]
            assert all(s in section for s in (item.row_id, measured, latest.date.isoformat()))
            assert re.search(rf"{latest.round}(?![-\d])", section), (fmt, latest.round)
            assert latest.note is None or latest.note.split()[0] in section


def test_a_status_added_to_a_plans_scale_appears_in_every_format(tmp_path: Path) -> None:
    """A fifth status in Exempelstad's ``statusar:`` (Vilande, meaning pågår) and one row in it:
    every format names it, JSON included."""
    text = (FIXTURES / "other_scale" / "exempelstad.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    betyder: utgår\n",
        "    betyder: utgår\n  - id: vilande\n    namn: Vilande\n    betyder: pågår\n",
        1,
    )
    r3 = '    slut: "Senast december 2026"\n    historik:\n      - datum: "2026-08-31"\n'
    assert text.count(r3 + "        status: Pågår") == 1
    text = text.replace(r3 + "        status: Pågår", r3 + "        status: Vilande")
    (tmp_path / "exempelstad.yaml").write_text(text, encoding="utf-8")
    plan = load_data_dir(tmp_path, today=TODAY).require_valid().plan().model
    assert [s.name for s in plan.scale][-1] == "Vilande"
    shown = build_report(plan, wanted=RowFilter(), as_of=Moment(TODAY), produced=TODAY)
    for fmt in (*TABLE_FORMATS, "json"):
        assert "Vilande" in shown_text(shown, fmt), fmt
    marks = report_tables.rows_table(shown, shown.sections[0]).shown_in("markdown")
    assert "Vilande" in marks.headings  # a mark column of its own, as every status has


def test_cells_are_written_by_their_kind() -> None:
    """Shares as percent, yes/no, a changed count with an arrow, a late mark, a dated note, an
    unfollowed status as *Ej uppföljd*."""
    status = Status.model_validate({"id": "klart", "namn": "Klart", "betyder": "klar"})
    assert status.meaning is Meaning.DONE
    assert cell_text(5 / 8, Kind.PERCENT) == "63\u00a0%"
    assert [cell_text(v, Kind.BOOLEAN) for v in (True, False, None)] == ["ja", "nej", ""]
    assert cell_text(Change(3, 9), Kind.COUNT) == "3 → 9"
    assert cell_text(Change(4, 4), Kind.COUNT) == "4"
    assert cell_text(Mark(status, "start försenad"), Kind.MARK) == "X start försenad"
    assert cell_text(Note("Klart", dt.date(2018, 5, 20)), Kind.NOTE) == "2018-05-20: Klart"
    assert cell_text(None, Kind.STATUS) == "Ej uppföljd"
    assert cell_text(status, Kind.STATUS) == "Klart"
    point = Point("1500\u00a0kr", dt.date(2018, 10, 31), "2018-10")
    assert cell_text(point, Kind.POINT) == "1500\u00a0kr (2018-10-31, 2018-10)"
    assert cell_text(Trend("↑ från 12 st", "sämre"), Kind.TREND) == "↑ från 12 st, sämre"
    target = Target("minst 25\u00a0%", "studietid (radens eget mål)", "Två av fyra")
    assert cell_text(target, Kind.TARGET).split("\n") == [
        "minst 25\u00a0%",
        "studietid (radens eget mål)",
        "Notering: Två av fyra",
    ]
    assert [cell_text(v, Kind.MET) for v in (True, False)] == ["ja", "nej"]


def test_a_format_sees_only_the_columns_declared_for_it() -> None:
    """``shown_in`` keeps the columns (and their cells) a format shows, in declared order."""
    columns = (
        Column("Id", key="id"),
        Column("Betyder", key="betyder", formats=frozenset({"csv"})),
        Column("Klart", Kind.MARK, formats=frozenset({"markdown", "csv"})),
    )
    table = DataTable("T", columns, (("A-1", "klar", None),))
    assert table.shown_in("markdown").headings == ["Id", "Klart"]
    assert table_lines(table.shown_in("csv"), header="key") == [
        ["id", "betyder", "Klart"],
        ["A-1", "klar", ""],
    ]
    assert table.shown_in("html").rows == (("A-1",),)


def test_paper_widths_fill_the_page_and_shrink_alike() -> None:
    """Fixed columns keep their width on a wide page and shrink in proportion on a narrow one;
    the sharing columns split what is left."""
    columns = (Column("Id", paper=2.0), Column("Förslag", paper=4.0, rest=0.6),
               Column("Not", paper=2.0, rest=0.4))  # fmt: skip
    assert paper_widths(columns, 12.0) == pytest.approx([2.0, 6.0, 4.0])
    narrow = paper_widths(columns, 4.0)
    assert sum(narrow) == pytest.approx(4.0) and narrow[0] == pytest.approx(1.0)


def _exempelstad_with_status_ids(tmp_path: Path, ids: dict[str, str]) -> Report:
    """Exempelstad's report with its statuses' ids replaced (``ids``: old id to new id)."""
    text = (FIXTURES / "other_scale" / "exempelstad.yaml").read_text(encoding="utf-8")
    for old, new in ids.items():
        assert text.count(f"  - id: {old}\n") == 1
        text = text.replace(f"  - id: {old}\n", f"  - id: {new}\n")
    (tmp_path / "exempelstad.yaml").write_text(text, encoding="utf-8")
    plan = load_data_dir(tmp_path, today=TODAY).require_valid().plan().model
    return build_report(plan, wanted=RowFilter(), as_of=Moment(TODAY), produced=TODAY)


@pytest.mark.parametrize("width", [80, 130])
def test_a_status_whose_id_is_a_column_key_keeps_its_own_column(tmp_path: Path, width: int) -> None:
    """A plan's status ids are its own words: statuses with the ids ``förslag``, ``ansvar``,
    ``id`` and ``område`` still get their X (a status column's key is ``status:förslag``, and
    writers lay columns out by role, not key), and the proposal is not repeated in a status
    column."""
    shown = _exempelstad_with_status_ids(
        tmp_path,
        {"pågår": "förslag", "genomförd": "ansvar", "ej-påbörjad": "id", "ej-aktuell": "område"},
    )
    names = [n for s in shown.sections for t in [report_tables.rows_table(shown, s)]
             for n in t.names]  # fmt: skip
    assert "status:förslag" in names
    text = render_report(shown, "table", width=width).decode("utf-8")
    assert text.count("Nya former") == 1  # R-3, whose status is Pågår (id förslag)
    reference = render_report(_exempelstad_with_status_ids(tmp_path, {}), "table", width=width)
    assert text == reference.decode("utf-8")


def test_a_table_refuses_a_key_shown_twice_in_a_format() -> None:
    """Two columns with one key in the same format is a declaration error, not a layout that
    silently picks one; the same key in formats apart is how a section varies by format."""
    apart = (
        Column("Id", key="id", formats=frozenset({"csv"})),
        Column("Id", key="id", formats=frozenset({"html"})),
    )
    assert DataTable("t", apart, (("a", "a*"),)).names == ["id", "id"]
    with pytest.raises(ValueError, match="shows the key id twice"):
        DataTable("t", (Column("Id", key="id"), Column("Id", key="id")), ())


def test_an_area_without_rows_says_so_in_every_format(tmp_path: Path) -> None:
    """An area the plan has no proposals in says *planen har inga förslag i området* in every
    format that lists areas, Word included (it said *matchar urvalet*, as for a filter)."""
    text = (FIXTURES / "other_scale" / "exempelstad.yaml").read_text(encoding="utf-8")
    area = "  - id: kompetens\n    namn: Kompetensutveckling\n"
    assert text.count(area) == 1
    text = text.replace(area, area + "  - id: tomt\n    namn: Tomt område\n")
    (tmp_path / "exempelstad.yaml").write_text(text, encoding="utf-8")
    plan = load_data_dir(tmp_path, today=TODAY).require_valid().plan().model
    shown = build_report(plan, wanted=RowFilter(), as_of=Moment(TODAY), produced=TODAY)
    for fmt in ("table", "markdown", "xlsx", "html", "docx"):
        said = " ".join(shown_text(shown, fmt).split())
        assert "planen har inga förslag i området" in said, fmt


@pytest.mark.parametrize("section", ["row_fields", "indicator_fields"])
@pytest.mark.parametrize("fmt", ["table", "markdown", "html", "docx"])
def test_a_number_column_added_to_a_section_is_right_aligned(
    report: Report, fmt: str, section: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A column of a numeric kind added to the rows or the measured targets is right-aligned in
    every document, as :data:`~planctl.render.tables.NUMERIC` says (not only in the summary)."""
    declared = getattr(report_tables, section)
    extra = Column("Kontrollantal", Kind.INTEGER, key="kontrollantal")

    def with_extra(shown: Report) -> list[tuple[Column, Any]]:
        return [*declared(shown), (extra, lambda *_: 7)]

    monkeypatch.setattr(report_tables, section, with_extra)
    data = render_report(report, fmt, width=200)
    if fmt == "table":
        lines = data.decode("utf-8").splitlines()
        header = next(i for i, line in enumerate(lines) if "Kontrollantal" in line)
        end = lines[header].index("Kontrollantal") + len("Kontrollantal")
        assert lines[header + 2][end - 1] == "7"
    elif fmt == "markdown":
        lines = data.decode("utf-8").splitlines()
        header = next(i for i, line in enumerate(lines) if "Kontrollantal" in line)
        position = [c.strip() for c in lines[header].split("|")].index("Kontrollantal")
        assert lines[header + 1].split("|")[position].strip() == "--:"
    elif fmt == "html":
        text = data.decode("utf-8")
        assert '<th class="num">Kontrollantal</th>' in text
        assert '<td class="num">7</td>' in text
    else:
        from docx import Document
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        document = Document(io.BytesIO(data))
        cells = [
            cell
            for table in document.tables
            if "Kontrollantal" in [c.text for c in table.rows[0].cells]
            for row in table.rows[1:]
            for cell in row.cells
            if cell.text == "7"
        ]
        assert cells
        assert all(c.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT for c in cells)


def _white_space(css: str, classes: set[str]) -> str:
    """The ``white-space`` the report's CSS gives a ``td`` with ``classes`` (the most specific
    ``td.a.b`` rule that matches and sets it)."""
    found = ""
    best = -1
    for selector, body in re.findall(r"(?m)^((?:tr\.\w+ )?td(?:\.[\w-]+)+) \{([^}]*)\}", css):
        wanted = set(selector.split(" ")[-1].split(".")[1:])
        setting = re.search(r"white-space:\s*([\w-]+)", body)
        if setting and wanted <= classes and len(wanted) >= best:
            found, best = setting.group(1), len(wanted)
    return found


def test_a_long_status_name_wraps_in_the_html_status_columns(tmp_path: Path) -> None:
    """A status is the plan's own words: in Förra uppföljningen (and Från/Till) the HTML cell
    may wrap, so a long name stays in its fixed-width column on paper instead of running over
    the note (the X columns keep ``nowrap``)."""
    from planctl.render.report_html import CSS

    name = "Nästan klar (återstår uppföljning i nämnden)"
    text = (FIXTURES / "other_scale" / "exempelstad.yaml").read_text(encoding="utf-8")
    text = text.replace("    namn: Pågår\n", f'    namn: "{name}"\n', 1)
    text = text.replace("status: Pågår", f'status: "{name}"')
    text = text.replace(
        '      - datum: "2026-08-31"\n        status: Ej påbörjad\n',
        f'      - datum: "2026-04-30"\n        status: "{name}"\n        uppföljning: "2026-04"\n'
        '      - datum: "2026-08-31"\n        status: Ej påbörjad\n',
        1,
    )
    (tmp_path / "exempelstad.yaml").write_text(text, encoding="utf-8")
    plan = load_data_dir(tmp_path, today=TODAY).require_valid().plan().model
    for since in (None, round_moment(plan, "2026-04")):
        shown = build_report(
            plan, wanted=RowFilter(), as_of=round_moment(plan, "2026-08"), since=since,
            produced=TODAY,
        )  # fmt: skip
        html = render_report(shown, "html").decode("utf-8")
        cells = re.findall(r'<td class="([^"]*)">' + re.escape(name) + "</td>", html)
        assert cells, since
        assert all(_white_space(CSS, set(c.split())) != "nowrap" for c in cells), cells
        assert _white_space(CSS, {"mark"}) == "nowrap"


def test_the_word_summary_fits_the_page_with_a_long_scale(tmp_path: Path, report: Report) -> None:
    """Word's summary takes its widths from the columns (Område 6 cm, each number 2.5 cm, as
    before) and narrows them alike when a scale with many statuses would run past the margin."""
    from docx import Document

    def widths(shown: Report) -> tuple[list[float], float]:
        document = Document(io.BytesIO(render_report(shown, "docx")))
        section = document.sections[0]
        page = [section.page_width, section.left_margin, section.right_margin]
        page_width, left, right = (0.0 if v is None else v.cm for v in page)
        return [round(c.width.cm, 2) for c in document.tables[0].columns], page_width - left - right

    borås, _ = widths(report)
    assert borås == [6.0] + [2.5] * (len(borås) - 1)
    text = (FIXTURES / "other_scale" / "exempelstad.yaml").read_text(encoding="utf-8")
    extra = "".join(
        f"  - id: extra-{n}\n    namn: Extra {n}\n    betyder: pågår\n" for n in range(1, 6)
    )
    text = text.replace("    betyder: utgår\n", "    betyder: utgår\n" + extra, 1)
    (tmp_path / "exempelstad.yaml").write_text(text, encoding="utf-8")
    plan = load_data_dir(tmp_path, today=TODAY).require_valid().plan().model
    for since in (None, round_moment(plan, "2026-04")):
        shown = build_report(plan, wanted=RowFilter(), as_of=Moment(TODAY), since=since,
                             produced=TODAY)  # fmt: skip
        columns, width = widths(shown)
        assert len(columns) >= 12
        assert sum(columns) <= width + 0.1  # each width rounded to 0.01 cm


# --- layout by declaration: writers read a column's role, never its key -----------------------


@pytest.fixture
def changes(history_dir: Path) -> Report:
    """The Borås report of changes since the fixture history's first round (2018-05)."""
    plan = load_data_dir(history_dir, today=TODAY).require_valid().plan().model
    return build_report(
        plan, wanted=RowFilter(), as_of=Moment(TODAY), since=round_moment(plan, "2018-05"),
        produced=dt.date(2026, 1, 1),
    )  # fmt: skip


SECTIONS = ("summary_fields", "row_fields", "indicator_fields")


def _documents(shown: Report) -> dict[str, bytes | str]:
    """Every format but the tidy CSV (whose header is the keys), the terminal at a narrow and a
    wide width, the workbook as its cell dump."""
    from tests.test_render_report import xlsx_dump

    out: dict[str, bytes | str] = {
        f"table{width}": render_report(shown, "table", width=width) for width in (80, 130)
    }
    out |= {fmt: render_report(shown, fmt) for fmt in ("markdown", "html", "docx")}
    out["xlsx"] = xlsx_dump(render_report(shown, "xlsx"))
    return out


@pytest.mark.parametrize("kind", ["report", "changes"])
def test_no_writer_lays_a_column_out_by_its_key(
    kind: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every column's key renamed where the sections are declared, every document reads the
    same, byte for byte: writers lay a column out by its kind and role (the id, the proposal,
    the columns folded under it), never by comparing keys."""
    shown: Report = request.getfixturevalue(kind)
    before = _documents(shown)
    for section in SECTIONS:
        declared = getattr(report_tables, section)

        def renamed(report: Report, declared: Any = declared) -> list[tuple[Column, Any]]:
            return [(replace(c, key=f"x-{c.name}"), cell) for c, cell in declared(report)]

        monkeypatch.setattr(report_tables, section, renamed)
    assert report_tables.rows_table(shown, shown.sections[0]).names[0].startswith("x-")
    after = _documents(shown)
    assert [f for f in before if before[f] != after[f]] == []


def _with_row_column(monkeypatch: pytest.MonkeyPatch, column: Column) -> None:
    """``column`` added to every area's table, its cell ``c`` and the row's id and words."""
    declared = report_tables.row_fields

    def with_extra(shown: Report) -> list[tuple[Column, report_tables.RowCell]]:
        return [*declared(shown), (column, lambda section, row: f"c{row.id} med fyra ord")]

    monkeypatch.setattr(report_tables, "row_fields", with_extra)


def test_a_column_declared_fold_goes_under_the_proposal_on_a_narrow_terminal(
    report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A column declared :attr:`Role.FOLD` (whatever its key) has a column of its own on a wide
    terminal and goes on the line under the proposal on a narrow one, as Ansvar and Start do."""
    from planctl.render.report_table import _section_table

    _with_row_column(monkeypatch, Column("Kontrollvikt", key="kontrollvikt", role=Role.FOLD))
    narrow = render_report(report, "table", width=80).decode("utf-8")
    wide = render_report(report, "table", width=200).decode("utf-8")
    assert "Kontrollvikt" not in narrow and "Kontrollvikt" in wide
    for section in report.sections:
        table = _section_table(report, section, wide=False)
        headings = [str(c.header) for c in table.columns]
        assert "Kontrollvikt" not in headings and "Ansvar" not in headings
        lead = [str(cell) for cell in table.columns[headings.index("Förslag")].cells]
        for row, text in zip(section.rows, lead, strict=True):
            assert f" · c{row.id} med fyra ord" in text, row.id  # after Ansvar and Start
        table = _section_table(report, section, wide=True)
        assert "Kontrollvikt" in [str(c.header) for c in table.columns]


def test_a_column_declared_id_is_kept_whole_in_the_terminal_and_html(
    report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A column declared :attr:`Role.ID` (whatever its key) never wraps on a terminal and is
    ``td.id`` (bold, unbroken) in HTML, as the row id is; the id's own key gives neither."""
    from rich.table import Table

    from planctl.render.report_table import _add_column

    table = Table()
    _add_column(table, Column("Kontrollnamn", key="kontrollnamn", role=Role.ID))
    _add_column(table, Column("Id", key="id"))
    assert [c.no_wrap for c in table.columns] == [True, False]
    _with_row_column(monkeypatch, Column("Kontrollnamn", key="kontrollnamn", role=Role.ID))
    html = render_report(report, "html").decode("utf-8")
    assert all(f'<td class="id">c{row.id} med fyra ord</td>' in html for row in report.rows)


# --- a report of changes: each count's value before is declared once ---------------------------


def test_each_count_has_its_value_before_declared_once_in_a_report_of_changes(
    report: Report, changes: Report
) -> None:
    """In a report of changes every count column has a ``… före`` column declared in the table
    model, shown in the spreadsheets only (the documents write ``3 → 9`` in the count's cell);
    a report of one moment has none."""
    counts = report_tables.summary_counts(changes)
    before = [c for c in report_tables.summary_table(changes).columns if c.heading.endswith("före")]
    assert [c.heading for c in before] == [f"{c.heading} före" for c, _ in counts]
    assert all(c.formats == frozenset({"csv", "xlsx"}) for c in before)
    assert not [c for c in report_tables.summary_table(report).columns if "före" in c.heading]


@pytest.mark.parametrize("fmt", ["table", "markdown", "xlsx", "html", "docx"])
def test_a_count_added_to_the_summary_shows_its_change_in_every_format(
    changes: Report, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One count declared in ``summary_counts`` (and nowhere else): in a report of changes the
    workbook has it now and in its ``… före`` column after the table's own, each document has
    ``före → nu`` in its one cell."""
    declared = report_tables.summary_counts

    def with_extra(shown: Report) -> list[tuple[Column, report_tables.Tally]]:
        extra = Column("Kontrollräkning", Kind.COUNT, key="kontrollräkning")
        return [*declared(shown), (extra, lambda counts: 100 + counts.done)]

    monkeypatch.setattr(report_tables, "summary_counts", with_extra)
    assert changes.previous_counts is not None
    now, then = 100 + changes.counts.done, 100 + changes.previous_counts.done
    assert now != then
    if fmt == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO(render_report(changes, "xlsx")))
        rows = list(book["Sammanfattning"].iter_rows(values_only=True))
        header = next(r for r in rows if r[0] == "Område")
        total = next(r for r in rows if r[0] == "Hela planen")
        assert header.count("Kontrollräkning") == header.count("Kontrollräkning före") == 1
        assert header.index("Kontrollräkning före") > header.index("Andel klart")
        assert total[header.index("Kontrollräkning")] == now
        assert total[header.index("Kontrollräkning före")] == then
        return
    text = shown_text(changes, fmt)
    assert "Kontrollräkning" in text and "Kontrollräkning före" not in text
    assert f"{then} → {now}" in text
