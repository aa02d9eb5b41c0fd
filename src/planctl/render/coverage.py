"""``coverage``: a plan's share of the catalogue per area, or each row's measures."""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from planctl.coverage import Coverage, RowCoverage, RowsCoverage
from planctl.render.csvdoc import csv_text
from planctl.render.markdown import markdown_cell, markdown_table
from planctl.render.words import BAR_WIDTH, bar, decimal_percent, number_ranges, percent_label

# --- coverage -------------------------------------------------------------------------------------


def coverage_title(coverage: Coverage) -> str:
    """What a coverage table shows."""
    return f"{coverage.organisation}: täckning av katalogen {coverage.catalogue_id}"


def coverage_view(coverage: Coverage) -> Table:
    """Per catalogue area: measures carried out, share with a bar, measures left out."""
    table = Table(title=coverage_title(coverage), box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Område", ratio=2, min_width=18)
    table.add_column("Genomförs", justify="right", no_wrap=True)
    table.add_column("Andel", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True, width=BAR_WIDTH)
    table.add_column("Ej genomförda insatser", ratio=3)
    for area in coverage.areas:
        table.add_row(
            area.area_name,
            f"{len(area.covered)} av {area.total}",
            percent_label(area.share),
            Text(bar(area.share), style="green"),
            number_ranges(area.uncovered),
        )
    if len(coverage.areas) > 1:
        table.add_section()
        table.add_row(
            Text("Totalt", style="bold"),
            f"{coverage.covered} av {coverage.total}",
            percent_label(coverage.share),
            Text(bar(coverage.share), style="green"),
            "",
        )
    return table


def _coverage_lines(coverage: Coverage) -> list[list[str]]:
    lines = [
        [
            a.area_name,
            f"{len(a.covered)} av {a.total}",
            percent_label(a.share),
            number_ranges(a.uncovered),
        ]
        for a in coverage.areas
    ]
    return lines


def coverage_markdown(coverage: Coverage) -> str:
    """The coverage table in Markdown, under a heading."""
    headers = ["Område", "Genomförs", "Andel", "Ej genomförda insatser"]
    total = None
    if len(coverage.areas) > 1:
        total = [
            "Totalt",
            f"{coverage.covered} av {coverage.total}",
            percent_label(coverage.share),
            "",
        ]
    table = markdown_table(headers, _coverage_lines(coverage), right=(1, 2), total=total)
    return f"## {markdown_cell(coverage_title(coverage))}\n\n{table}"


def coverage_csv(coverage: Coverage) -> str:
    """One line per catalogue area, numbers as numbers (no total line: spreadsheets sum)."""
    headers = ["Område", "Insatser", "Genomförs", "Andel (%)", "Ej genomförda insatser"]
    rows = [
        [
            a.area_name,
            str(a.total),
            str(len(a.covered)),
            decimal_percent(a.share),
            ", ".join(str(n) for n in a.uncovered),
        ]
        for a in coverage.areas
    ]
    return csv_text(headers, rows)


def _linked_text(row: RowCoverage) -> str:
    return ", ".join(f"{m.measure_id} ({m.area_name or 'okänd'})" for m in row.measures) or "–"


def rows_coverage_title(coverage: RowsCoverage) -> str:
    """What a by-row coverage table shows."""
    return f"{coverage.organisation}: planens rader och katalogens insatser de genomför"


def row_coverage_view(coverage: RowsCoverage) -> Table:
    """Each plan row with the catalogue measures it carries out."""
    table = Table(title=rows_coverage_title(coverage), box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Id", no_wrap=True)
    table.add_column("Förslag", ratio=3)
    table.add_column("Insatser", ratio=2)
    area = None
    for row in coverage.rows:
        if row.area_name != area:
            area = row.area_name
            table.add_row("", Text(area, style="bold"), "")
        table.add_row(row.row_id, row.proposal, _linked_text(row))
    return table


def row_coverage_markdown(coverage: RowsCoverage) -> str:
    """Each plan row with its measures, in Markdown."""
    cells = [[r.row_id, r.area_name, r.proposal, _linked_text(r)] for r in coverage.rows]
    table = markdown_table(["Id", "Område", "Förslag", "Insatser"], cells)
    return f"## {markdown_cell(rows_coverage_title(coverage))}\n\n{table}"


def row_coverage_csv(coverage: RowsCoverage) -> str:
    """Each plan row with its measure numbers, one line per row."""
    cells = [
        [r.row_id, r.area_name, r.proposal, ", ".join(str(m.measure_id) for m in r.measures)]
        for r in coverage.rows
    ]
    return csv_text(["Id", "Område", "Förslag", "Insatser"], cells)
