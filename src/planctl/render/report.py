"""The follow-up report in every format: one module per format, chosen here by name or suffix."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import RenderableType

from planctl.errors import UsageError
from planctl.lookup import unknown
from planctl.render.appendix import DocumentOptions
from planctl.render.console import make_console
from planctl.render.formats import choices, format_for_path
from planctl.render.jsondoc import to_json
from planctl.report import Report

# --- the follow-up report: one module per format, chosen here ----------------------------------

REPORT_FORMATS = choices("report")


def report_format_for(path: Path) -> str:
    """The report format a file name asks for by its extension (``rapport.xlsx`` → xlsx)."""
    return format_for_path("report", path)


def report_view(report: Report) -> RenderableType:
    """The report for a console (the ``table`` format)."""
    from planctl.render.report_table import report_view as view

    return view(report)


def render_report(
    report: Report, fmt: str, *, width: int = 100, options: DocumentOptions | None = None
) -> bytes:
    """The report as the bytes of a document in ``fmt`` (one of :data:`REPORT_FORMATS`).

    Text formats are UTF-8; ``table`` is the console view laid out ``width`` columns wide,
    without colour. ``options`` label and lay out the committee's documents (HTML, Word, PDF).
    Each format lives in its own module, imported only when asked for.
    """
    if fmt == "table":
        out = io.StringIO()
        make_console(out, width=width, plain=True).print(report_view(report))
        return out.getvalue().encode("utf-8")
    if fmt == "markdown":
        from planctl.render.report_markdown import render_markdown

        return render_markdown(report).encode("utf-8")
    if fmt == "csv":
        from planctl.render.report_csv import render_csv

        return render_csv(report).encode("utf-8")
    if fmt == "xlsx":
        from planctl.render.report_xlsx import render_xlsx

        return render_xlsx(report)
    if fmt == "json":
        from planctl.render.report_json import report_record

        return to_json(report_record(report)).encode("utf-8")
    if fmt == "html":
        from planctl.render.report_html import render_html

        return render_html(report, options).encode("utf-8")
    if fmt == "docx":
        from planctl.render.report_docx import render_docx

        return render_docx(report, options)
    if fmt == "pdf":
        from planctl.render.report_pdf import render_pdf

        return render_pdf(report, options)
    raise UsageError(unknown("format", fmt, REPORT_FORMATS))
