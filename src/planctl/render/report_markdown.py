"""The follow-up report as GitHub-flavoured Markdown, for pull requests and wikis.

Every text from the YAML is escaped: Markdown punctuation and ``<``/``>`` get a backslash (so a
``<script>`` shows as text), a ``|`` cannot split a table cell and line breaks become ``<br>``.
"""

from __future__ import annotations

from collections.abc import Sequence

from planctl.models import Assessment
from planctl.render import report_text as texts
from planctl.render import words
from planctl.render.markdown import LEFT, RIGHT, table_lines
from planctl.render.markdown import markdown_cell as escape
from planctl.render.report_tables import SUMMARY, indicator_table, rows_table, summary_table
from planctl.render.tables import (
    MARKDOWN,
    NUMERIC,
    Cell,
    Column,
    Kind,
    Mark,
    Note,
    cell_text,
    mark_text,
)
from planctl.report import Report, Section


def render_markdown(report: Report) -> str:
    """The whole report as one Markdown document."""
    lines = [f"# {escape(texts.title(report))}", ""]
    lines += [f"- **{label}:** {escape(value)}" for label, value in texts.header_fields(report)]
    lines.append("")
    lines += _assessments(report.assessments, level="##")
    lines += [f"## {SUMMARY}", "", *_summary(report), ""]
    if not report.sections:
        lines += [f"*{texts.empty_text(report)}*", ""]
    for section in report.sections:
        lines += _section(report, section)
    if report.indicators:
        lines += _indicators(report)
    if texts.needs_funding_note(report):
        lines += [escape(words.FUNDING_NOTE), ""]
    lines += [f"*{escape(texts.LEGEND_TEXT)}*", ""]
    return "\n".join(lines)


def _summary(report: Report) -> list[str]:
    summary = summary_table(report).shown_in(MARKDOWN)
    headings = [escape(h) for h in summary.headings]
    align = [RIGHT if c.kind in NUMERIC else LEFT for c in summary.columns]
    rows = []
    for position, row in enumerate(summary.rows):
        cells = []
        for column, value in zip(summary.columns, row, strict=True):
            text = escape(cell_text(value, column.kind))
            if column.kind is Kind.BAR:
                cells.append(f"`{cell_text(value, column.kind)}`")
            elif summary.is_total(position):
                cells.append(f"**{text}**")
            else:
                cells.append(text)
        rows.append(cells)
    return table_lines(headings, rows, rules=align)


def _assessments(assessments: Sequence[Assessment], *, level: str) -> list[str]:
    if not assessments:
        return []
    lines = [f"{level} {texts.ASSESSMENT}", ""]
    lines += [escape(line) + "  " for line in texts.assessment_lines(assessments)]
    return [*lines, ""]


def _section(report: Report, section: Section) -> list[str]:
    lines = [f"## {escape(section.area_name)}", ""]
    for said in texts.section_lines(section):
        lines += [escape(said), ""]
    lines += _assessments(section.assessments, level="###")
    if not section.rows:
        return [*lines, f"*{texts.empty_text(report, section)}*", ""]
    table = rows_table(report, section).shown_in(MARKDOWN)
    headings = [escape(h) for h in table.headings]
    align = [_align(c, centred=Kind.MARK) for c in table.columns]
    rows = [[_cell(c, v) for c, v in zip(table.columns, row, strict=True)] for row in table.rows]
    return [*lines, *table_lines(headings, rows, rules=align), ""]


def _align(column: Column, *, centred: Kind) -> str:
    """A column's alignment row cell: ``centred`` marks in the middle, numbers to the right."""
    if column.kind is centred:
        return ":-:"
    return RIGHT if column.kind in NUMERIC else LEFT


def _cell(column: Column, value: Cell) -> str:
    """One cell of an area's table: marks and the status arrived at in bold, the note after its
    day."""
    if isinstance(value, Mark):
        return f"**{mark_text(value)}**"
    if isinstance(value, Note):
        return f"{value.day.isoformat()}: {escape(value.text)}" if value.day else escape(value.text)
    text = escape(cell_text(value, column.kind))
    return f"**{text}**" if column.strong and text else text


def _indicators(report: Report) -> list[str]:
    """The measured targets (:func:`~planctl.render.report_tables.indicator_table`), met or
    not in bold."""
    table = indicator_table(report).shown_in(MARKDOWN)
    headings = [escape(h) for h in table.headings]
    align = [_align(c, centred=Kind.MET) for c in table.columns]
    rows = []
    for row in table.rows:
        cells = []
        for column, value in zip(table.columns, row, strict=True):
            text = escape(cell_text(value, column.kind))
            cells.append(f"**{text}**" if column.kind is Kind.MET and text else text)
        rows.append(cells)
    return [f"## {table.title}", "", *table_lines(headings, rows, rules=align), ""]
