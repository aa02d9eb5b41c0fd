"""One table model and one CSV dialect: every spreadsheet format writes the same columns.

Drift classes from the issue: the CSV indicator block had 14 columns and the XLSX sheet 13, and
bättre/sämre reached Markdown, HTML and JSON but neither CSV nor XLSX; coverage and summary wrote
CSV with LF line ends while the report used CRLF.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest

from planctl.coverage import AreaCoverage, Coverage
from planctl.query import RowFilter
from planctl.render.coverage import coverage_csv
from planctl.render.report import render_report
from planctl.render.report_tables import indicator_table
from planctl.render.summary import summary_csv
from planctl.render.tables import Column, DataTable, Kind, cell_text, table_lines
from planctl.report import Moment, Report, build_report
from planctl.store import load_data_dir
from planctl.summary import PlanSummary, Summary
from tests.conftest import TODAY


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
    model = indicator_table(report)
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
