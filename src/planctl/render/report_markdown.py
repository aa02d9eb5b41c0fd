"""The follow-up report as GitHub-flavoured Markdown, for pull requests and wikis.

Every text from the YAML is escaped: Markdown punctuation and ``<``/``>`` get a backslash (so a
``<script>`` shows as text), a ``|`` cannot split a table cell and line breaks become ``<br>``.
"""

from __future__ import annotations

from planctl.models import Status
from planctl.render import report_text as words
from planctl.render.markdown import markdown_cell as escape
from planctl.report import Report, ReportRow, Section


def _table(headings: list[str], align: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(headings) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(cells) + " |" for cells in rows]
    return lines


def render_markdown(report: Report) -> str:
    """The whole report as one Markdown document."""
    lines = [f"# {escape(words.title(report))}", ""]
    lines += [f"- **{label}:** {escape(value)}" for label, value in words.header_fields(report)]
    lines += ["", "## Sammanfattning", "", *_summary(report), ""]
    if not report.sections:
        lines += [f"*{words.empty_text(report)}*", ""]
    for section in report.sections:
        lines += _section(report, section)
    if report.indicators:
        lines += _indicators(report)
    if words.needs_funding_note(report):
        lines += [escape(words.FUNDING_NOTE), ""]
    return "\n".join(lines)


def _summary(report: Report) -> list[str]:
    headings = [words.H_AREA, *words.H_COUNTS]
    if report.is_changes:
        headings.append("Bytt status")
    headings += [words.H_SHARE, "Framsteg"]
    rows = []
    for line in words.summary_lines(report):
        cells = [escape(line.label), *words.count_cells(line.counts, line.previous)]
        if report.is_changes:
            cells.append(str(line.changed))
        cells += [words.percent_label(line.counts.share_done), f"`{words.text_bar(line.counts)}`"]
        if line.whole_plan:
            cells = [f"**{c}**" if i < len(cells) - 1 else c for i, c in enumerate(cells)]
        rows.append(cells)
    align = ["---", *["--:"] * (len(headings) - 2), "---"]
    return _table(headings, align, rows)


def _section(report: Report, section: Section) -> list[str]:
    lines = [f"## {escape(section.area_name)}", "", words.counts_sentence(section.counts), ""]
    if not section.rows:
        return [*lines, f"*{words.empty_text(report)}*", ""]
    if report.is_changes:
        headings = [words.H_ID, words.H_PROPOSAL, words.H_RESPONSIBLE, words.H_FROM, words.H_TO]
        align = ["---", "---", "---", "---", "---"]
    else:
        headings = [words.H_ID, words.H_PROPOSAL, words.H_RESPONSIBLE, words.H_START]
        headings += [s.value for s in words.STATUSES]
        align = ["---", "---", "---", "---", ":-:", ":-:", ":-:"]
    headings.append(words.H_NOTE)
    align.append("---")
    return [*lines, *_table(headings, align, [_cells(report, r) for r in section.rows]), ""]


def _cells(report: Report, row: ReportRow) -> list[str]:
    cells = [escape(words.row_label(row)), escape(row.proposal), escape(row.responsible)]
    if report.is_changes:
        cells += [(row.previous or Status.NOT_STARTED).value, f"**{row.status.value}**"]
    else:
        cells.append(escape(row.start))
        cells += [f"**{m}**" if m else "" for m in words.status_marks(row)]
    note = ""
    if row.note:
        note = escape(row.note)
        if row.note_date:
            note = f"{row.note_date.isoformat()}: {note}"
    cells.append(note)
    return cells


def _indicators(report: Report) -> list[str]:
    headings = [
        words.H_ID,
        words.H_TARGET,
        words.H_MEASURED,
        words.H_VALUE,
        words.H_MET,
        words.H_TREND,
        words.H_NOTE,
    ]
    align = ["---", "---", "---", "---", ":-:", "---", "---"]
    rows = []
    for line in report.indicators:
        standing = line.standing
        target = standing.indicator.target
        latest = standing.latest
        assert latest is not None  # the report lists only measured targets
        met = words.met_label(standing)
        rows.append(
            [
                escape(line.row_id + (words.FUNDING_MARK if line.needs_funding else "")),
                escape(words.target_label(target)),
                escape(f"{target.measured} ({words.source_label(line)})"),
                escape(words.point_label(latest, target.unit)),
                f"**{met}**" if met else "",
                escape(words.trend_label(standing)),
                escape(latest.note or ""),
            ]
        )
    return [f"## {words.INDICATORS}", "", *_table(headings, align, rows), ""]
