"""The follow-up report as CSV that opens correctly in Excel with Swedish settings.

Choices, each for Excel as Swedish offices run it:

- UTF-8 with a byte order mark: without the BOM Excel reads the file as Windows-1252 and å/ä/ö
  come out garbled.
- ``;`` between fields: Swedish Windows uses ``,`` as the decimal separator and therefore ``;`` as
  the list separator, so Excel splits a double-clicked file on ``;`` (a ``,`` file would land in one
  column).
- CRLF line ends, as RFC 4180 and Excel write them; fields with a line break, a quote or a ``;``
  are quoted.
- A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
  ``'`` so that Excel shows it as text instead of running it as a formula (CSV injection).

The file has three blocks separated by an empty line: what the report is, the rows, and the
counts per area; a fourth with the measured targets follows when there are any. Percentages are
whole numbers; measured values are written with a decimal comma, as Swedish Excel reads them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from planctl.render import report_text as texts
from planctl.render import words
from planctl.report import Report

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """``cell`` with a ``'`` in front when Excel would read it as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def render_csv(report: Report) -> str:
    """The whole report as CSV text (BOM first, ``;`` and CRLF)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)

    def write(cells: Sequence[str | int]) -> None:
        writer.writerow([neutralise(c) if isinstance(c, str) else c for c in cells])

    write([texts.title(report)])
    for label, value in texts.header_fields(report):
        write([label, value])
    write([])
    headings = [texts.H_AREA, texts.H_ID, texts.H_PROPOSAL, texts.H_RESPONSIBLE, texts.H_START]
    headings += ["Termin", *(s.value for s in texts.STATUSES)]
    if report.is_changes:
        headings.append("Status före")
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
                row.start_term or "",
                *(texts.MARK if s is row.status else "" for s in texts.STATUSES),
            ]
            if report.is_changes:
                cells.append(row.previous.value if row.previous else "")
            cells += [
                row.status.value,
                "ja" if row.delayed else "",
                "ja" if row.needs_funding else "",
                row.note or "",
                row.note_date.isoformat() if row.note_date else "",
            ]
            write(cells)
    write([])
    summary: list[str | int] = [texts.H_AREA, *texts.H_COUNTS, texts.H_TOTAL, f"{texts.H_SHARE} %"]
    if report.is_changes:
        summary += [f"{h} före" for h in texts.H_COUNTS] + ["Bytt status"]
    write(summary)
    for line in texts.summary_lines(report):
        values: list[str | int] = [line.label, *texts.count_values(line.counts)]
        values += [line.counts.total, words.percent(line.counts.share_done)]
        if line.previous is not None:
            values += [*texts.count_values(line.previous), line.changed]
        write(values)
    if report.indicators:
        write([])
        write(
            [
                texts.H_ID,
                "Insats",
                texts.H_MEASURED,
                "Riktning",
                "Målvärde",
                "Enhet",
                "Värde",
                texts.H_VALUE_DATE,
                texts.H_ROUND,
                texts.H_MET,
                texts.H_PREVIOUS,
                "Föregående uppföljning",
                texts.H_TREND,
                "Notering",
            ]
        )
        for item in report.indicators:
            standing = item.standing
            indicator, latest, previous = standing.indicator, standing.latest, standing.previous
            assert latest is not None  # the report lists only measured targets
            write(
                [
                    item.row_id,
                    str(indicator.measure_id or ""),
                    indicator.target.measured,
                    indicator.target.direction.value,
                    words.number_label(indicator.target.value),
                    indicator.target.unit.value,
                    words.number_label(latest.value),
                    latest.date.isoformat(),
                    latest.round or "",
                    texts.met_label(standing),
                    words.number_label(previous.value) if previous else "",
                    (previous.round or previous.date.isoformat()) if previous else "",
                    words.TREND_ARROWS[standing.trend] if standing.trend else "",
                    latest.note or "",
                ]
            )
    return BOM + out.getvalue()
