"""The follow-up report as one self-contained HTML file, in Swedish and printable on A4.

The file needs nothing else: the CSS is inline, there are no scripts, fonts or external images
(the progress charts are inline SVG), and a Content-Security-Policy forbids loading anything, so
it can be mailed or put on an intranet as it is. Every text from the YAML passes
:func:`html.escape` (and :func:`css_string` where the print header repeats it); the policy is a
second line of defence.

Printed (by a browser or by WeasyPrint for ``report -o rapport.pdf``) every page carries the
plan's title and the appendix label in its header and "Sida X av Y" in its footer, through
``@page`` margin boxes; the appendix tables have the same fixed column widths in every area.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from planctl.errors import MissingSoftwareError
from planctl.models import Assessment, Meaning
from planctl.render import appendix, progress, words
from planctl.render import report_text as texts
from planctl.render.appendix import DocumentOptions
from planctl.render.escape import html_text as escape
from planctl.render.report_tables import H_PROGRESS, indicator_table, rows_table, summary_table
from planctl.render.tables import (
    HTML,
    MARK,
    NUMERIC,
    Cell,
    Column,
    Kind,
    Mark,
    Note,
    Role,
    Target,
    cell_text,
    paper_widths,
)
from planctl.report import Counts, Report, Section

CSP = "default-src 'none'; style-src 'unsafe-inline'"

CSS = """
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 10.5pt/1.4 "Segoe UI", "Liberation Sans", Arial, "DejaVu Sans", sans-serif;
  color: #1b1b1b;
  margin: 0 auto; padding: 24px 32px; max-width: 1120px; }
h1 { font-size: 20pt; margin: 0 0 4px; color: #1f4e79; }
h2 { font-size: 14pt; margin: 22px 0 4px; color: #1f4e79; break-after: avoid; }
.plan { font-size: 12pt; margin: 0 0 10px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0 0 8px; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: 6px 0 4px; }
table.appendix { table-layout: fixed; }
table.appendix td { overflow-wrap: break-word; hyphens: auto; }
th, td { border: 1px solid #b8c4d0; padding: 4px 6px; vertical-align: top; text-align: left; }
thead th { background: #1f4e79; color: #fff; font-weight: 600; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.mark { text-align: center; font-weight: 700; white-space: nowrap; }
td.mark.status { white-space: normal; }
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
figure.chart { margin: 8px 0 4px; break-inside: avoid; }
figure.chart svg { width: 100%; max-width: 640px; height: auto; }
section.legend p { margin: 2px 0; font-size: 9pt; }
@media print { body { padding: 0; max-width: none; font-size: 9.5pt; } }
"""

PAGE_SIDE_MARGIN = 1.4  # cm, as in PAGE_CSS

# The print header and footer; the page's size and the header's texts are filled in per report.
PAGE_CSS = """
@page { size: A4 %(orientation)s; margin: 18mm 14mm 18mm;
  font-family: "Segoe UI", "Liberation Sans", Arial, "DejaVu Sans", sans-serif;
  @top-left { content: "%(title)s"; font-size: 7.5pt; color: #555; vertical-align: bottom; }
  @top-right { content: "%(label)s"; font-size: 9pt; font-weight: 700; vertical-align: bottom; }
  @bottom-left { content: "%(shown)s"; font-size: 7.5pt; color: #555; }
  @bottom-right { content: "Sida " counter(page) " av " counter(pages); font-size: 8.5pt; }
}
"""

_CSS_UNSAFE = re.compile(r"[^\w .,:;()/–—-]", re.UNICODE)


def css_string(text: str) -> str:
    """``text`` for a double-quoted CSS string inside ``<style>``: every character that could end
    the string or the element (quotes, backslash, ``<``, line breaks) as a hex escape."""
    # A space ends each escape; CSS swallows it, so the text reads exactly as written.
    return _CSS_UNSAFE.sub(lambda m: f"\\{ord(m.group()):06x} ", text)


def page_css(report: Report, options: DocumentOptions) -> str:
    """The ``@page`` rules: A4 in the report's orientation, header and footer texts."""
    title, label = appendix.print_header(report, options)
    return PAGE_CSS % {
        "orientation": "landscape" if appendix.landscape(report, options) else "portrait",
        "title": css_string(title),
        "label": css_string(label),
        "shown": css_string(f"{texts.title(report)}, {texts.shown_label(report)}"),
    }


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


def render_html(report: Report, options: DocumentOptions | None = None) -> str:
    """The whole report as one HTML document; ``options`` label and lay out its printed pages."""
    options = options or DocumentOptions()
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
        f"<style>{CSS}{page_css(report, options)}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="plan">{escape(report.plan_title)}</p>',
        '<dl class="meta">',
        *(
            f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>"
            for label, value in texts.header_fields(report, plan=False)  # the subtitle names it
        ),
        "</dl>",
        "</header>",
        "<main>",
        *_assessments(report.assessments, "h2"),
        *_summary(report),
    ]
    if not report.sections:
        parts.append(f'<p class="empty">{escape(texts.empty_text(report))}</p>')
    for section in report.sections:
        parts += _section(report, section, options)
    if report.indicators:
        parts += _indicators(report)
    parts += _legend(report)
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
    summary = summary_table(report).shown_in(HTML)
    headings = "".join(
        f'<th class="num">{escape(c.heading)}</th>'
        if c.kind in NUMERIC
        else f"<th>{escape(c.heading)}</th>"
        for c in summary.columns
    )
    parts = [
        '<section class="summary">',
        f"<h2>{escape(summary.title)}</h2>",
        f'<p class="legend">{escape(H_PROGRESS)}: <i style="background:#2e7d32"></i>klart'
        '<i style="background:#f2b705"></i>pågår<i style="background:#e3e3e3"></i>'
        "återstår</p>",
        "<table>",
        f"<thead><tr>{headings}</tr></thead>",
        "<tbody>",
    ]
    for position, row in enumerate(summary.rows):
        cells = []
        for column, value in zip(summary.columns, row, strict=True):
            if isinstance(value, Counts):
                cells.append(f"<td>{_bar(value)}</td>")
            elif column.kind in NUMERIC:
                cells.append(f'<td class="num">{escape(cell_text(value, column.kind))}</td>')
            else:
                cells.append(f"<td>{escape(cell_text(value, column.kind))}</td>")
        css = ' class="total"' if summary.is_total(position) else ""
        parts.append(f"<tr{css}>{''.join(cells)}</tr>")
    parts += ["</tbody>", "</table>", *_chart(report, None), "</section>"]
    return parts


def _assessments(assessments: Sequence[Assessment], heading: str) -> list[str]:
    if not assessments:
        return []
    lines = "".join(f"<p>{escape(line)}</p>" for line in texts.assessment_lines(assessments))
    return [f'<div class="assessment"><{heading}>{texts.ASSESSMENT}</{heading}>{lines}</div>']


def _chart(report: Report, area_id: str | None) -> list[str]:
    """The progress chart as inline SVG in a figure, or nothing before the first round.

    Without matplotlib installed the report is complete without its picture.
    """
    if not report.progress:
        return []
    from planctl.render.chart import chart_svg

    chart = progress.progress_chart(report, area_id)
    try:
        svg = chart_svg(chart, id_prefix=f"chart-{area_id or 'plan'}")
    except MissingSoftwareError:
        return []
    return [f'<figure class="chart" aria-label="{escape(chart.title)}">', svg, "</figure>"]


def _legend(report: Report) -> list[str]:
    return [
        '<section class="legend">',
        f"<h2>{escape(appendix.LEGEND)}</h2>",
        *(f"<p>{escape(line)}</p>" for line in appendix.legend_lines(report)),
        "</section>",
    ]


def _section(report: Report, section: Section, options: DocumentOptions) -> list[str]:
    parts = [
        f'<section class="area" id="{escape(section.area_id)}">',
        f"<h2>{escape(section.area_name)}</h2>",
        *(f'<p class="counts">{escape(line)}</p>' for line in texts.section_lines(section)),
        *_assessments(section.assessments, "h3"),
    ]
    if not section.rows:
        empty = escape(texts.empty_text(report, section))
        return [*parts, f'<p class="empty">{empty}</p>', "</section>"]
    full = rows_table(report, section)
    table = full.shown_in(HTML)
    page = 29.7 if appendix.landscape(report, options) else 21.0
    widths = paper_widths(table.columns, page - 2 * PAGE_SIDE_MARGIN)
    shares = [100 * w / sum(widths) for w in widths]
    columns = "".join(_heading(c) for c in table.columns)
    parts += [
        '<table class="appendix">',
        "<colgroup>" + "".join(f'<col style="width:{w:.1f}%">' for w in shares) + "</colgroup>",
        f"<thead><tr>{columns}</tr></thead>",
        "<tbody>",
    ]
    for position, row in enumerate(table.rows):
        cells = "".join(_cell(c, v) for c, v in zip(table.columns, row, strict=True))
        css = ' class="delayed"' if full.is_late(position) else ""
        parts.append(f"<tr{css}>{cells}</tr>")
    parts += ["</tbody>", "</table>", *_chart(report, section.area_id), "</section>"]
    return parts


MARKED = frozenset({Kind.MARK, Kind.STATUS})
"""Kinds centred in bold as the appendix's status columns."""


def _heading(column: Column) -> str:
    """A column's heading: over status columns centred as their marks, over numbers right."""
    if column.kind in MARKED:
        return f'<th class="mark">{escape(column.heading)}</th>'
    if column.kind in NUMERIC:
        return f'<th class="num">{escape(column.heading)}</th>'
    return f"<th>{escape(column.heading)}</th>"


def _cell(column: Column, value: Cell) -> str:
    """One cell of a table: marks with how the row is late under them, the note with its day in
    bold, a target in bold over what it measures, met or not in colour."""
    if isinstance(value, Mark):
        late = f'<span class="late">{escape(value.late)}</span>' if value.late else ""
        return f'<td class="mark">{MARK}{late}</td>'
    if isinstance(value, Note):
        when = f"<b>{value.day.isoformat()}:</b> " if value.day else ""
        return f'<td><span class="note">{when}{escape(value.text)}</span></td>'
    if isinstance(value, Target):
        goal = f'<b>{escape(value.label)}</b><span class="note">{escape(value.about)}</span>'
        if value.note:
            goal += f'<span class="note"><b>{words.NOTE_LABEL}:</b> {escape(value.note)}</span>'
        return f"<td>{goal}</td>"
    text = escape(cell_text(value, column.kind))
    if column.kind is Kind.STATUS:
        # A status is the plan's own words, as long as it likes: centred, but it wraps.
        return f'<td class="mark status">{text}</td>'
    if column.kind is Kind.MET:
        return f'<td class="mark {"met" if value else "unmet"}">{text}</td>'
    if column.kind in MARKED:
        return f'<td class="mark">{text}</td>'
    if column.kind in NUMERIC:
        return f'<td class="num">{text}</td>'
    if column.role is Role.ID:
        return f'<td class="id">{text}</td>'
    return f"<td>{text}</td>"


def _indicators(report: Report) -> list[str]:
    """The measured targets (:func:`~planctl.render.report_tables.indicator_table`)."""
    table = indicator_table(report).shown_in(HTML)
    columns = "".join(_heading(c) for c in table.columns)
    parts = [
        '<section class="indicators" id="mal-och-matvarden">',
        f"<h2>{escape(table.title)}</h2>",
        "<table>",
        f"<thead><tr>{columns}</tr></thead>",
        "<tbody>",
    ]
    for row in table.rows:
        cells = "".join(_cell(c, v) for c, v in zip(table.columns, row, strict=True))
        parts.append(f"<tr>{cells}</tr>")
    parts += ["</tbody>", "</table>", "</section>"]
    return parts
