"""The follow-up report as one self-contained HTML file, in Swedish and printable on A4.

The file needs nothing else: the CSS is inline, there are no scripts, fonts or images, and a
Content-Security-Policy forbids loading anything, so it can be mailed or put on an intranet as it
is. Every text from the YAML passes :func:`html.escape`; the policy is a second line of defence.
"""

from __future__ import annotations

from planctl.models import Meaning
from planctl.render import report_text as texts
from planctl.render import words
from planctl.render.escape import html_text as escape
from planctl.report import Counts, Report, ReportRow, Section

CSP = "default-src 'none'; style-src 'unsafe-inline'"

CSS = """
@page { size: A4; margin: 14mm 12mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 10.5pt/1.4 "Segoe UI", "Liberation Sans", Arial, sans-serif; color: #1b1b1b;
  margin: 0 auto; padding: 24px 32px; max-width: 1120px; }
h1 { font-size: 20pt; margin: 0 0 4px; color: #1f4e79; }
h2 { font-size: 14pt; margin: 22px 0 4px; color: #1f4e79; break-after: avoid; }
.plan { font-size: 12pt; margin: 0 0 10px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0 0 8px; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: 6px 0 4px; }
th, td { border: 1px solid #b8c4d0; padding: 4px 6px; vertical-align: top; text-align: left; }
thead th { background: #1f4e79; color: #fff; font-weight: 600; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.mark { text-align: center; font-weight: 700; white-space: nowrap; }
th.mark { text-align: center; width: 5.5em; }
td.id { white-space: nowrap; font-weight: 600; }
tr.total td { font-weight: 700; background: #eef2f6; }
tr.delayed td.mark { color: #b00020; }
.late { display: block; font-size: 8.5pt; font-weight: 700; color: #b00020;
  text-transform: uppercase; }
.note { display: block; margin-top: 3px; font-size: 9pt; color: #4a4a4a; }
.note b { font-weight: 600; }
.counts { margin: 0; color: #333; break-after: avoid; }
.bar { display: flex; height: 12px; min-width: 120px; background: #e3e3e3; border-radius: 3px;
  overflow: hidden; }
.bar .done { background: #2e7d32; }
.bar .started { background: #f2b705; }
.legend { font-size: 9pt; color: #4a4a4a; }
.legend i { display: inline-block; width: 10px; height: 10px; margin: 0 3px 0 10px;
  vertical-align: -1px; }
.funding { font-size: 9pt; color: #4a4a4a; }
.empty { font-style: italic; }
td.met { color: #2e7d32; }
td.unmet { color: #b00020; }
footer { margin-top: 18px; font-size: 8.5pt; color: #666; }
section.area { break-before: auto; }
@media print { body { padding: 0; max-width: none; font-size: 9.5pt; } }
"""


def _bar(counts: Counts) -> str:
    total = (counts.total - counts.dropped) or 1
    under_way = counts.meaning(Meaning.UNDER_WAY)
    done = 100 * counts.done / total
    started = 100 * under_way / total
    label = (
        f"{words.percent_label(counts.share_done)} klart, "
        f"{words.percent_label(under_way / total)} pågår"
    )
    return (
        f'<div class="bar" role="img" aria-label="{escape(label)}">'
        f'<span class="done" style="width:{done:.1f}%"></span>'
        f'<span class="started" style="width:{started:.1f}%"></span></div>'
    )


def render_html(report: Report) -> str:
    """The whole report as one HTML document."""
    title = texts.title(report)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="sv">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="planctl">',
        f"<title>{escape(title)} – {escape(texts.shown_label(report))}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="plan">{escape(report.plan_title)}</p>',
        '<dl class="meta">',
        *(
            f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>"
            for label, value in texts.header_fields(report)
            if label != "Plan"  # the subtitle above names the plan already
        ),
        "</dl>",
        "</header>",
        "<main>",
        *_summary(report),
    ]
    if not report.sections:
        parts.append(f'<p class="empty">{escape(texts.empty_text(report))}</p>')
    for section in report.sections:
        parts += _section(report, section)
    if report.indicators:
        parts += _indicators(report)
    if texts.needs_funding_note(report):
        parts.append(f'<p class="funding">{escape(words.FUNDING_NOTE)}</p>')
    parts.append(f'<p class="funding">{escape(texts.LEGEND_TEXT)}</p>')
    parts += [
        "</main>",
        f"<footer>Framtagen {escape(texts.produced_label(report.produced))} med planctl "
        f"ur planen {escape(report.plan_id)}.</footer>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


def _summary(report: Report) -> list[str]:
    headings = "".join(f'<th class="num">{escape(h)}</th>' for h in texts.count_headings(report))
    if report.is_changes:
        headings += '<th class="num">Bytt status</th>'
    parts = [
        '<section class="summary">',
        "<h2>Sammanfattning</h2>",
        '<p class="legend">Framsteg: <i style="background:#2e7d32"></i>klart'
        '<i style="background:#f2b705"></i>pågår<i style="background:#e3e3e3"></i>'
        "återstår</p>",
        "<table>",
        f"<thead><tr><th>{texts.H_AREA}</th>{headings}"
        f'<th class="num">{texts.H_SHARE}</th><th>Framsteg</th></tr></thead>',
        "<tbody>",
    ]
    for line in texts.summary_lines(report):
        cells = "".join(
            f'<td class="num">{escape(c)}</td>'
            for c in texts.count_cells(report, line.counts, line.previous)
        )
        if report.is_changes:
            cells += f'<td class="num">{line.changed}</td>'
        css = ' class="total"' if line.whole_plan else ""
        parts.append(
            f"<tr{css}><td>{escape(line.label)}</td>{cells}"
            f'<td class="num">{escape(words.percent_label(line.counts.share_done))}</td>'
            f"<td>{_bar(line.counts)}</td></tr>"
        )
    parts += ["</tbody>", "</table>", "</section>"]
    return parts


def _section(report: Report, section: Section) -> list[str]:
    parts = [
        f'<section class="area" id="{escape(section.area_id)}">',
        f"<h2>{escape(section.area_name)}</h2>",
        *(f'<p class="counts">{escape(line)}</p>' for line in texts.section_lines(section)),
    ]
    if not section.rows:
        empty = escape(texts.empty_text(report, section))
        return [*parts, f'<p class="empty">{empty}</p>', "</section>"]
    columns = [
        f"<th>{texts.H_ID}</th>",
        f"<th>{texts.H_PROPOSAL}</th>",
        f"<th>{texts.H_RESPONSIBLE}</th>",
    ]
    if report.is_changes:
        columns += [f'<th class="mark">{texts.H_FROM}</th>', f'<th class="mark">{texts.H_TO}</th>']
    else:
        columns.append(f"<th>{texts.start_heading(report)}</th>")
        columns += [f'<th class="mark">{escape(s.name)}</th>' for s in report.scale]
    parts += ["<table>", f"<thead><tr>{''.join(columns)}</tr></thead>", "<tbody>"]
    parts += [_row(report, row) for row in section.rows]
    parts += ["</tbody>", "</table>", "</section>"]
    return parts


def _row(report: Report, row: ReportRow) -> str:
    proposal = escape(row.proposal)
    if row.note:
        when = f" {row.note_date.isoformat()}" if row.note_date else ""
        proposal += f'<span class="note"><b>Notering{when}:</b> {escape(row.note)}</span>'
    cells = [
        f'<td class="id">{escape(texts.row_label(row))}</td>',
        f"<td>{proposal}</td>",
        f"<td>{escape(row.responsible)}</td>",
    ]
    if report.is_changes:
        cells += [
            f'<td class="mark">{escape(texts.status_label(row.previous))}</td>',
            f'<td class="mark">{escape(texts.status_label(row.status))}</td>',
        ]
    else:
        cells.append(f"<td>{escape(texts.timing_label(row))}</td>")
        for status in report.scale:
            if status != row.status:
                cells.append('<td class="mark"></td>')
            elif row.late is not None:
                cells.append(
                    f'<td class="mark">{texts.MARK}<span class="late">{row.late.value}</span></td>'
                )
            else:
                cells.append(f'<td class="mark">{texts.MARK}</td>')
    css = ' class="delayed"' if row.delayed else ""
    return f"<tr{css}>{''.join(cells)}</tr>"


def _indicators(report: Report) -> list[str]:
    columns = "".join(
        f"<th>{escape(h)}</th>"
        for h in (texts.H_ID, texts.H_TARGET, texts.H_VALUE, texts.H_MET, texts.H_TREND)
    )
    parts = [
        '<section class="indicators" id="mal-och-matvarden">',
        f"<h2>{escape(texts.INDICATORS)}</h2>",
        "<table>",
        f"<thead><tr>{columns}</tr></thead>",
        "<tbody>",
    ]
    for line in report.indicators:
        standing = line.standing
        target = standing.indicator.target
        latest = standing.latest
        assert latest is not None  # the report lists only measured targets
        goal = (
            f"<b>{escape(words.target_label(target.direction, target.value, target.unit))}</b>"
            f'<span class="note">{escape(target.measured)} '
            f"({escape(texts.source_label(line))})</span>"
        )
        if latest.note:
            goal += f'<span class="note"><b>Notering:</b> {escape(latest.note)}</span>'
        css = "met" if standing.met else "unmet"
        label = line.row_id + (words.FUNDING_MARK if line.needs_funding else "")
        parts.append(
            f'<tr><td class="id">{escape(label)}</td><td>{goal}</td>'
            f"<td>{escape(texts.point_label(latest, target.unit))}</td>"
            f'<td class="mark {css}">{escape(texts.met_label(standing))}</td>'
            f"<td>{escape(texts.trend_label(standing))}</td></tr>"
        )
    parts += ["</tbody>", "</table>", "</section>"]
    return parts
