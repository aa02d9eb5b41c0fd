"""Choosing the output of ``coverage`` and ``summary``: table, Markdown, JSON or CSV."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import RenderableType

from planctl.coverage import Coverage, RowsCoverage
from planctl.records import coverage_record, row_coverage_record, summary_record
from planctl.render.coverage import (
    coverage_csv,
    coverage_markdown,
    coverage_view,
    row_coverage_csv,
    row_coverage_markdown,
    row_coverage_view,
)
from planctl.render.jsondoc import to_json
from planctl.render.summary import summary_csv, summary_markdown, summary_view
from planctl.summary import Summary

# --- choosing a format ----------------------------------------------------------------------------

Analysis = Coverage | RowsCoverage | Summary
_Renderers = tuple[
    Callable[[Any], Any],
    Callable[[Any], RenderableType],
    Callable[[Any], str],
    Callable[[Any], str],
]
_RENDERERS: dict[type, _Renderers] = {
    Coverage: (coverage_record, coverage_view, coverage_markdown, coverage_csv),
    RowsCoverage: (row_coverage_record, row_coverage_view, row_coverage_markdown, row_coverage_csv),
    Summary: (summary_record, summary_view, summary_markdown, summary_csv),
}


def render_analysis(analysis: Analysis, fmt: str) -> RenderableType | str:
    """``analysis`` as ``fmt`` (table, markdown, json or csv): a Rich renderable for a table."""
    record, view, markdown, as_csv = _RENDERERS[type(analysis)]
    if fmt == "json":
        return to_json(record(analysis))
    if fmt == "markdown":
        return markdown(analysis)
    if fmt == "csv":
        return as_csv(analysis)
    return view(analysis)
