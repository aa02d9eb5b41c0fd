"""Choosing the output of ``coverage`` and ``summary``: table, Markdown, JSON or CSV."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from rich.console import RenderableType

from planctl.coverage import Coverage, RowsCoverage
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
from planctl.views.analysis import coverage_json, rows_coverage_json, summary_json
from planctl.views.shape import JsonObject

# --- choosing a format ----------------------------------------------------------------------------

Analysis = Coverage | RowsCoverage | Summary
T = TypeVar("T")


@dataclass(frozen=True)
class _Outputs(Generic[T]):
    """The four ways one analysis is written."""

    json: Callable[[T], JsonObject]
    table: Callable[[T], RenderableType]
    markdown: Callable[[T], str]
    csv: Callable[[T], str]

    def render(self, analysis: T, fmt: str) -> RenderableType | str:
        if fmt == "json":
            return to_json(self.json(analysis))
        if fmt == "markdown":
            return self.markdown(analysis)
        if fmt == "csv":
            return self.csv(analysis)
        return self.table(analysis)


_COVERAGE = _Outputs(coverage_json, coverage_view, coverage_markdown, coverage_csv)
_ROWS_COVERAGE = _Outputs(
    rows_coverage_json, row_coverage_view, row_coverage_markdown, row_coverage_csv
)
_SUMMARY = _Outputs(summary_json, summary_view, summary_markdown, summary_csv)


def render_analysis(analysis: Analysis, fmt: str) -> RenderableType | str:
    """``analysis`` as ``fmt`` (table, markdown, json or csv): a Rich renderable for a table."""
    match analysis:
        case Coverage():
            return _COVERAGE.render(analysis, fmt)
        case RowsCoverage():
            return _ROWS_COVERAGE.render(analysis, fmt)
        case Summary():
            return _SUMMARY.render(analysis, fmt)
