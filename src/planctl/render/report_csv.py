"""The follow-up report as CSV, in the one dialect of :mod:`planctl.render.csvdoc`.

The file has three blocks separated by an empty line: what the report is, the rows, and the
counts per area; a fourth with the measured targets follows when there are any. Percentages are
whole numbers; measured values are written with a decimal comma, as Swedish Excel reads them.
"""

from __future__ import annotations

from planctl.render import report_text as texts
from planctl.render import words
from planctl.render.csvdoc import CsvWriter
from planctl.render.report_tables import indicator_table
from planctl.render.tables import table_lines
from planctl.report import Report


def render_csv(report: Report) -> str:
    """The whole report as CSV text (BOM first, ``;`` and CRLF)."""
    writer = CsvWriter()
    write = writer.row

    write([texts.title(report)])
    for label, value in texts.header_fields(report):
        write([label, value])
    write(["Förklaring", texts.LEGEND_TEXT])
    for section_name, assessments in texts.all_assessments(report):
        for said in texts.assessment_lines(assessments):
            write([f"{texts.ASSESSMENT} ({section_name})", said])
    write([])
    headings = [texts.H_AREA, texts.H_ID, texts.H_PROPOSAL, texts.H_RESPONSIBLE, texts.H_START]
    headings += [texts.H_END, *(s.name for s in report.scale)]
    if report.is_changes:
        headings.append("Status före")
    if texts.has_previous_round(report):
        headings.append(texts.previous_round_heading(report))
    headings += ["Status", texts.H_DELAYED, texts.H_FUNDING, texts.H_NOTE, texts.H_NOTE_DATE]
    write(headings)
    for section in report.sections:
        for row in section.rows:
            cells: list[str | int] = [
                section.area_name,
                row.id,
                row.proposal,
                row.responsible,
                row.start,
                row.end or "",
                *(texts.MARK if s == row.status else "" for s in report.scale),
            ]
            if report.is_changes:
                cells.append(texts.status_label(row.previous))
            if texts.has_previous_round(report):
                cells.append(texts.previous_round_label(row))
            cells += [
                texts.status_label(row.status),
                row.late.value if row.late else "",
                "ja" if row.needs_funding else "",
                row.note or "",
                row.note_date.isoformat() if row.note_date else "",
            ]
            write(cells)
    write([])
    counted = texts.count_headings(report)
    summary: list[str | int] = [texts.H_AREA, *counted, texts.H_TOTAL, f"{texts.H_SHARE} %"]
    if report.is_changes:
        summary += [f"{h} före" for h in counted] + ["Bytt status"]
    if report.costs.any:
        summary += [texts.H_COST_ONCE, texts.H_COST_PER_YEAR]
    write(summary)
    for line in texts.summary_lines(report):
        values: list[str | int] = [line.label, *texts.count_values(report, line.counts)]
        values += [line.counts.total, words.percent(line.counts.share_done)]
        if line.previous is not None:
            values += [*texts.count_values(report, line.previous), line.changed]
        if report.costs.any:
            values += [line.costs.once, line.costs.per_year]
        write(values)
    if report.indicators:
        write([])
        writer.rows(table_lines(indicator_table(report)))
    return writer.text()
