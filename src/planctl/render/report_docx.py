"""The follow-up report as a Word document: the committee's appendix, ready to edit and file.

Built with python-docx (imported only when a Word report is asked for) on Word's own template,
so headings are Word's "Rubrik 1" and tables use "Tabellrutnät" (Table Grid): the secretary can
restyle or edit the document in Word before it goes to the committee. Every page is A4 with the
plan's title and the appendix label (``Bilaga 2``, case number) in the header and "Sida X av Y"
in the footer as PAGE and NUMPAGES fields. Area tables repeat their header row on every page and
never split a row across pages.

The file is deterministic: the package's timestamps and document properties come from the
report, not the clock.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from typing import TYPE_CHECKING

from planctl.errors import MissingSoftwareError, missing_package
from planctl.models import Assessment
from planctl.render import appendix, progress
from planctl.render import report_text as words
from planctl.render.appendix import DocumentOptions
from planctl.render.report_tables import indicator_table, rows_table, summary_table
from planctl.render.tables import (
    DOCX,
    NUMERIC,
    Cell,
    Column,
    Kind,
    Mark,
    cell_text,
    mark_text,
    paper_widths,
)
from planctl.report import Report, Section

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table, _Row
    from docx.text.paragraph import Paragraph

A4 = (21.0, 29.7)  # cm
MARGIN = 1.8  # cm, all round
HEADER_FILL = "D9E2F3"


def render_docx(report: Report, options: DocumentOptions | None = None) -> bytes:
    """The whole report as the bytes of a ``.docx`` file.

    Raises :class:`~planctl.errors.MissingSoftwareError` (exit 2) when python-docx is missing.
    """
    try:
        import docx
    except ImportError as exc:
        raise missing_package("Word-rapporten", "python-docx") from exc
    options = options or DocumentOptions()
    document = docx.Document()
    landscape = appendix.landscape(report, options)
    _page(document, report, options, landscape=landscape)
    width = (A4[1] if landscape else A4[0]) - 2 * MARGIN
    _front(document, report)
    _summary(document, report, width=width)
    _assessments(document, report.assessments, level=1)
    _chart(document, report, None, width=min(width, 17.0))
    if not report.sections:
        document.add_paragraph(words.empty_text(report))
    for section in report.sections:
        _section(document, report, section, width=width)
    if report.indicators:
        _indicators(document, report, width=width)
    document.add_heading(appendix.LEGEND, level=1)
    for line in appendix.legend_lines(report):
        document.add_paragraph(line)
    properties = document.core_properties
    properties.title = words.title(report)
    properties.subject = report.plan_title
    properties.author = "planctl"
    properties.last_modified_by = "planctl"
    properties.comments = ""
    properties.revision = 1
    stamp = _stamp(report.produced)
    properties.created = stamp
    properties.modified = stamp
    properties.last_printed = stamp
    out = io.BytesIO()
    document.save(out)
    return _fixed_times(out.getvalue(), stamp)


def _stamp(produced: dt.datetime | dt.date) -> dt.datetime:
    if isinstance(produced, dt.datetime):
        return produced.replace(tzinfo=None, microsecond=0)
    return dt.datetime(produced.year, produced.month, produced.day)


def _fixed_times(data: bytes, stamp: dt.datetime) -> bytes:
    """The same package with every member dated ``stamp``: the same report gives the same bytes."""
    when = (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute, 0)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=when)
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


# --- page, header and footer ------------------------------------------------------------------


def _page(document: Document, report: Report, options: DocumentOptions, *, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Cm, Pt

    section = document.sections[0]
    short, long = Cm(A4[0]), Cm(A4[1])
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN))
    section.header_distance = Cm(1.0)
    section.footer_distance = Cm(1.0)
    text_width = (A4[1] if landscape else A4[0]) - 2 * MARGIN
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10)
    document.styles["Table Grid"].font.size = Pt(9)
    for name in ("Header", "Footer"):
        # The template's tab stops are for a portrait Letter page; one right stop at the margin.
        tabs = document.styles[name].paragraph_format.tab_stops
        tabs.clear_all()
        tabs.add_tab_stop(Cm(text_width), WD_TAB_ALIGNMENT.RIGHT)

    header = section.header.paragraphs[0]
    header.style = document.styles["Header"]
    header.add_run(report.plan_title).font.size = Pt(8)
    label = appendix.appendix_label(options)
    if label:
        header.add_run("\t")
        header.add_run(label).bold = True
    case = appendix.case_label(options)
    if case:
        line = section.header.add_paragraph(style=document.styles["Header"])
        line.add_run("\t" + case)

    footer = section.footer.paragraphs[0]
    footer.style = document.styles["Footer"]
    footer.add_run(f"{words.title(report)}, {words.shown_label(report)}").font.size = Pt(8)
    footer.add_run("\tSida ")
    _field(footer, "PAGE", "1")
    footer.add_run(" av ")
    _field(footer, "NUMPAGES", "1")


def _field(paragraph: Paragraph, code: str, shown: str) -> None:
    """A Word field (``PAGE``, ``NUMPAGES``) that Word and LibreOffice fill in when laying out."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = f" {code} "
    paragraph.add_run()._r.append(instruction)
    char("separate")
    paragraph.add_run(shown)
    char("end")


# --- content -----------------------------------------------------------------------------------


def _front(document: Document, report: Report) -> None:
    document.add_heading(words.title(report), level=0)
    document.add_paragraph(report.plan_title, style="Subtitle")
    for label, value in words.header_fields(report, plan=False):  # the subtitle names the plan
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)


def _summary(document: Document, report: Report, *, width: float) -> None:
    summary = summary_table(report).shown_in(DOCX)
    document.add_heading(summary.title, level=1)
    rows = [
        [cell_text(v, c.kind) for v, c in zip(row, summary.columns, strict=True)]
        for row in summary.rows
    ]
    widths = paper_widths(summary.columns, width)
    right = [i for i, c in enumerate(summary.columns) if c.kind in NUMERIC]
    table = _table(document, summary.headings, rows, widths=widths, right=right)
    if summary.total:
        for cell in table.rows[-1].cells:  # the whole plan
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.bold = True


def _assessments(document: Document, assessments: Sequence[Assessment], *, level: int) -> None:
    """The working group's assessments of the round (*Arbetsgruppens bedömning*), if any."""
    if not assessments:
        return
    document.add_heading(words.ASSESSMENT, level=level)
    for line in words.assessment_lines(assessments):
        document.add_paragraph(line)


def _chart(document: Document, report: Report, area_id: str | None, *, width: float) -> None:
    if not report.progress:
        return
    from docx.shared import Cm

    from planctl.render.chart import chart_png

    try:
        image = chart_png(progress.progress_chart(report, area_id), width=width / 2.54, height=2.6)
    except MissingSoftwareError:
        return  # the report is complete without its picture; `planctl chart` says what is missing
    document.add_picture(io.BytesIO(image), width=Cm(width))


def _section(document: Document, report: Report, section: Section, *, width: float) -> None:
    document.add_heading(section.area_name, level=1)
    counts = document.add_paragraph(words.counts_sentence(section.counts))
    counts.paragraph_format.keep_with_next = True  # never a heading and counts alone at a foot
    _assessments(document, section.assessments, level=2)
    if not section.rows:
        document.add_paragraph(words.empty_text(report, section))
        return
    table = rows_table(report, section).shown_in(DOCX)
    rows = [[_text(c, v) for c, v in zip(table.columns, row, strict=True)] for row in table.rows]
    widths = paper_widths(table.columns, width)
    marks = [i for i, c in enumerate(table.columns) if c.kind in (Kind.MARK, Kind.STATUS)]
    right = [i for i, c in enumerate(table.columns) if c.kind in NUMERIC]
    _table(document, table.headings, rows, widths=widths, right=right, centre=marks)
    _chart(document, report, section.area_id, width=min(width, 17.0))


def _text(column: Column, value: Cell) -> str:
    """A cell as Word shows it: a mark with how the row is late on a second line."""
    if isinstance(value, Mark):
        return mark_text(value, sep="\n")
    return cell_text(value, column.kind)


def _indicators(document: Document, report: Report, *, width: float) -> None:
    """The measured targets (:func:`~planctl.render.report_tables.indicator_table`)."""
    table = indicator_table(report).shown_in(DOCX)
    document.add_heading(table.title, level=1)
    rows = [[_text(c, v) for c, v in zip(table.columns, row, strict=True)] for row in table.rows]
    right = [i for i, c in enumerate(table.columns) if c.kind in NUMERIC]
    widths = paper_widths(table.columns, width)
    _table(document, table.headings, rows, widths=widths, right=right)


def _table(
    document: Document,
    headings: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    widths: Sequence[float],
    right: Sequence[int] = (),
    centre: Sequence[int] = (),
) -> Table:
    """A Table Grid table with a bold, shaded header row repeated on every page.

    No row is split across pages; column widths are fixed (cm) so every area's table lines up.
    """
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    table: Table = document.add_table(rows=1, cols=len(headings))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    header = table.rows[0]
    _row_properties(header, header_row=True)
    for cell, heading in zip(header.cells, headings, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(heading).bold = True
        _shade(cell._tc, HEADER_FILL)
    for cells in rows:
        row = table.add_row()  # type: ignore[no-untyped-call]  # python-docx leaves it untyped
        _row_properties(row, header_row=False)
        for index, (cell, text) in enumerate(zip(row.cells, cells, strict=True)):
            lines = text.split("\n")
            cell.text = lines[0]
            for extra in lines[1:]:
                cell.add_paragraph(extra)
            if index in right or index in centre:
                for paragraph in cell.paragraphs:
                    paragraph.alignment = (
                        WD_ALIGN_PARAGRAPH.RIGHT if index in right else WD_ALIGN_PARAGRAPH.CENTER
                    )
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)
    return table


def _row_properties(row: _Row, *, header_row: bool) -> None:
    from docx.oxml import OxmlElement

    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header_row:
        properties.append(OxmlElement("w:tblHeader"))


def _shade(tc: object, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tc.get_or_add_tcPr().append(shading)  # type: ignore[attr-defined]
