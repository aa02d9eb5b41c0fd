"""The progress sheet of the Excel report: per round counts with a native, editable Excel chart.

One block per chart (the whole plan, then each area): a table with one row per follow-up round
and one column per status meaning, and beside it a stacked column chart whose series refer to
those cells, so the numbers stay visible and the chart can be restyled in Excel. The numbers are
:func:`planctl.render.progress.progress_chart`'s, the same as every other format's.
"""

from __future__ import annotations

from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from planctl.render.progress import PROGRESS, PROGRESS_AXIS, ProgressChart, progress_chart
from planctl.render.report_text import H_ROUND
from planctl.report import Report

SHEET = "Framsteg"
BLOCK_HEIGHT = 18  # rows per block: the chart is about 15 rows high


def progress_sheet(ws: Worksheet, report: Report) -> None:
    """Fill ``ws`` with one table and chart per area and for the whole plan."""
    ws["A1"] = PROGRESS
    ws["A1"].font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = 14
    top = 3
    for area_id in [None, *(s.area_id for s in report.sections)]:
        chart = progress_chart(report, area_id)
        _block(ws, chart, top)
        top += max(BLOCK_HEIGHT, len(chart.rounds) + 4)


def _block(ws: Worksheet, chart: ProgressChart, top: int) -> None:
    ws.cell(row=top, column=1, value=chart.title).font = Font(bold=True)
    header = top + 1
    ws.cell(row=header, column=1, value=H_ROUND).font = Font(bold=True)
    for column, series in enumerate(chart.series, start=2):
        cell = ws.cell(row=header, column=column, value=series.meaning.name)
        cell.font = Font(bold=True)
        ws.column_dimensions[cell.column_letter].width = 13
    for offset, round_id in enumerate(chart.rounds, start=1):
        ws.cell(row=header + offset, column=1, value=round_id).data_type = "s"
        for column, series in enumerate(chart.series, start=2):
            ws.cell(row=header + offset, column=column, value=series.values[offset - 1])
    last = header + len(chart.rounds)
    drawn = BarChart()
    drawn.type = "col"
    drawn.grouping = "stacked"
    drawn.overlap = 100
    drawn.title = chart.title
    drawn.y_axis.title = PROGRESS_AXIS
    drawn.y_axis.majorGridlines = None
    drawn.height = 7.5
    drawn.width = 16
    data = Reference(ws, min_col=2, max_col=1 + len(chart.series), min_row=header, max_row=last)
    drawn.add_data(data, titles_from_data=True)
    drawn.set_categories(Reference(ws, min_col=1, min_row=header + 1, max_row=last))
    for plotted, series in zip(drawn.series, chart.series, strict=True):
        colour = series.meaning.colour.lstrip("#").upper()
        plotted.graphicalProperties.solidFill = colour
        plotted.graphicalProperties.line.solidFill = "FFFFFF"
    ws.add_chart(drawn, f"{ws.cell(row=top, column=2 + len(chart.series) + 1).coordinate}")
