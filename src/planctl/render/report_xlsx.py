"""The follow-up report as an Excel workbook: a summary sheet, then one sheet per area.

Headers are styled and frozen, columns sized and wrapped, pages set up for A4 landscape, and the
summary's share done carries a data bar as its progress bar. Every text from the YAML is stored as
a string cell: openpyxl would otherwise store a text beginning with ``=`` as a formula, and in a
string cell ``=``, ``+``, ``-`` and ``@`` never run, so no ``'`` prefix is needed (unlike CSV).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.formatting.rule import DataBarRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from planctl.models import Assessment
from planctl.render import report_text as texts
from planctl.render.escape import visible
from planctl.render.report_tables import indicator_table, rows_table, summary_table
from planctl.render.tables import (
    MARK,
    XLSX,
    Cell,
    Change,
    Kind,
    Mark,
    Note,
    Point,
    Target,
    Trend,
    cell_text,
    widths,
)
from planctl.report import Counts, Report, Section
from planctl.scale import Status

Value = str | int | float | dt.date | None

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)
DELAYED_FONT = Font(bold=True, color="C00000")
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="top")
SHEET_NAME_MAX = 31
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_name(name: str, taken: Sequence[str]) -> str:
    """A valid, unique sheet name: no ``[]:*?/\\``, at most 31 characters."""
    clean = _SHEET_NAME_FORBIDDEN.sub("-", name).strip("'") or "Område"
    if len(clean) > SHEET_NAME_MAX:
        clean = clean[: SHEET_NAME_MAX - 1] + "…"
    candidate, number = clean, 2
    while candidate.casefold() in (t.casefold() for t in taken):
        suffix = f" ({number})"
        candidate = clean[: SHEET_NAME_MAX - len(suffix)] + suffix
        number += 1
    return candidate


def _put(ws: Worksheet, row: int, column: int, value: Value) -> None:
    cell = ws.cell(row=row, column=column)
    # xlsx cannot hold control characters at all (openpyxl raises IllegalCharacterError).
    cell.value = visible(value) if isinstance(value, str) else value
    if isinstance(value, str):
        cell.data_type = "s"  # text, even when it begins with "=" (never a formula)
    elif isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"


def _header(ws: Worksheet, row: int, headings: Sequence[str], widths: Sequence[float]) -> None:
    for column, (heading, width) in enumerate(zip(headings, widths, strict=True), start=1):
        _put(ws, row, column, heading)
        cell = ws.cell(row=row, column=column)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.freeze_panes = f"A{row + 1}"
    ws.print_title_rows = f"{row}:{row}"


def _page_setup(ws: Worksheet) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _preamble(
    ws: Worksheet, report: Report, heading: str, assessments: Sequence[Assessment] = ()
) -> int:
    """Title, identification and the group's assessments atop a sheet; returns the next row."""
    _put(ws, 1, 1, heading)
    ws.cell(row=1, column=1).font = TITLE_FONT
    row = 2
    fields = list(texts.header_fields(report))
    fields += [(texts.ASSESSMENT, said) for said in texts.assessment_lines(assessments)]
    for label, value in fields:
        _put(ws, row, 1, label)
        ws.cell(row=row, column=1).font = BOLD
        _put(ws, row, 2, value)
        row += 1
    return row + 1


def render_xlsx(report: Report) -> bytes:
    """The whole report as the bytes of an ``.xlsx`` file."""
    book = Workbook()
    summary = book.active
    assert summary is not None
    _summary_sheet(summary, report)
    for section in report.sections:
        ws = book.create_sheet(sheet_name(section.area_name, book.sheetnames))
        _section_sheet(ws, report, section)
    if report.indicators:
        ws = book.create_sheet(sheet_name(texts.INDICATORS, book.sheetnames))
        _indicator_sheet(ws, report)
    if report.progress:
        from planctl.render.report_xlsx_chart import SHEET, progress_sheet

        progress_sheet(book.create_sheet(sheet_name(SHEET, book.sheetnames)), report)
    book.properties.title = texts.title(report)
    book.properties.creator = "planctl"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _summary_sheet(ws: Worksheet, report: Report) -> None:
    """The summary table (:func:`~planctl.render.report_tables.summary_table`); in a report of
    changes a count is its value now, and its value before has a column of its own (``Klart
    före``, :func:`~planctl.render.report_tables.before_column`): a spreadsheet keeps numbers as
    numbers."""
    summary = summary_table(report).shown_in(XLSX)
    ws.title = summary.title
    top = _preamble(ws, report, texts.title(report), report.assessments)
    _header(ws, top, summary.headings, widths(summary.columns))
    shares = [i + 1 for i, c in enumerate(summary.columns) if c.kind is Kind.PERCENT]
    row = top
    for position, cells in enumerate(summary.rows):
        row += 1
        for column, (spec, value) in enumerate(zip(summary.columns, cells, strict=True), start=1):
            _put(ws, row, column, _typed(value, spec.kind))
            if summary.is_total(position):
                ws.cell(row=row, column=column).font = BOLD
        for column in shares:
            ws.cell(row=row, column=column).number_format = "0%"
    for column in shares:
        letter = get_column_letter(column)
        ws.conditional_formatting.add(
            f"{letter}{top + 1}:{letter}{row}",
            DataBarRule(  # type: ignore[no-untyped-call]  # openpyxl's stubs leave it untyped
                start_type="num", start_value=0, end_type="num", end_value=1, color="2E7D32"
            ),
        )
    _put(ws, row + 2, 1, texts.LEGEND_TEXT)
    _page_setup(ws)


def _typed(value: Cell, kind: Kind = Kind.TEXT) -> Value:
    """A cell as the workbook stores it: numbers, dates and texts as they are, a changed count
    as its value now, yes and no and statuses as words, a mark ``X`` (how the row is late has a
    column of its own), a cell that combines several values as the documents write it."""
    if kind is Kind.STATUS or isinstance(value, Status):
        return cell_text(value, Kind.STATUS)
    if isinstance(value, Change):
        return value.now
    if isinstance(value, Mark):
        return MARK
    if isinstance(value, bool):
        return cell_text(value, Kind.BOOLEAN)
    if isinstance(value, Note | Counts | Target | Point | Trend):
        return cell_text(value, Kind.TEXT)
    return value


CENTRED = frozenset({Kind.MARK, Kind.STATUS, Kind.LATE, Kind.BOOLEAN})


def _section_sheet(ws: Worksheet, report: Report, section: Section) -> None:
    """An area's rows (:func:`~planctl.render.report_tables.rows_table`): marks, statuses,
    lateness and funding centred, lateness in red."""
    table = rows_table(report, section).shown_in(XLSX)
    top = _preamble(ws, report, section.area_name, section.assessments)
    _put(ws, top - 1, 1, " · ".join(texts.section_lines(section)))
    _header(ws, top + 1, table.headings, widths(table.columns))
    row = top + 1
    if not section.rows:
        _put(ws, row + 1, 1, texts.empty_text(report, section))
    for cells in table.rows:
        row += 1
        for column, (spec, value) in enumerate(zip(table.columns, cells, strict=True), start=1):
            _put(ws, row, column, _typed(value, spec.kind))
            cell = ws.cell(row=row, column=column)
            cell.alignment = CENTER if spec.kind in CENTRED else WRAP
            if spec.kind is Kind.LATE and value is not None:
                cell.font = DELAYED_FONT
    last = get_column_letter(len(table.columns))
    ws.auto_filter.ref = f"A{top + 1}:{last}{max(row, top + 1)}"
    _page_setup(ws)


def _indicator_sheet(ws: Worksheet, report: Report) -> None:
    """The measured targets (:func:`~planctl.render.report_tables.indicator_table`), a target
    not met in red."""
    table = indicator_table(report).shown_in(XLSX)
    top = _preamble(ws, report, table.title)
    _header(ws, top, table.headings, widths(table.columns))
    row = top
    for values in table.rows:
        row += 1
        for column, (spec, value) in enumerate(zip(table.columns, values, strict=True), start=1):
            _put(ws, row, column, _typed(value, spec.kind))
            ws.cell(row=row, column=column).alignment = WRAP
            if spec.kind is Kind.MET and value is False:
                ws.cell(row=row, column=column).font = DELAYED_FONT
    ws.auto_filter.ref = f"A{top}:{get_column_letter(len(table.columns))}{max(row, top)}"
    _page_setup(ws)
