"""The follow-up report as one tidy CSV table: a header row, then one row per plan row.

The dialect (BOM, ``;``, CRLF, formula guard) is :mod:`planctl.render.csvdoc`'s, the same for
every CSV planctl writes. The columns are the report's rows table
(:func:`~planctl.render.report_tables.row_fields`), each named by its key as in the plan file;
what the report shows (the day, the filters) is not repeated in the file, and counts per area
come from ``planctl summary`` and ``planctl coverage``. ``status`` is the plan's own name for the
status (``Ej uppföljd`` for a row without one) and ``betyder`` what it means (``klar``,
``pågår``, ``ej-startad``, ``utgår``), so plans with different scales compare;
``förra_uppföljningen`` (only in a report of a round after the first) is the row's status at the
round before; ``försenad`` is empty or names the kind (``start försenad``,
``slutdatum passerat``). Booleans are ``ja`` or ``nej`` (empty when the plan does not say),
dates ``ÅÅÅÅ-MM-DD``.

The one-line legend the other formats carry is left out: a CSV is one table, and its columns are
defined in the README.
"""

from __future__ import annotations

from planctl.render.csvdoc import csv_text
from planctl.render.report_tables import row_columns, rows_table
from planctl.render.tables import CSV, table_lines
from planctl.report import Report


def columns(report: Report) -> list[str]:
    """The header row of ``report``'s CSV: the keys of the rows table's columns that the CSV
    shows (:func:`~planctl.render.report_tables.row_fields`)."""
    return [c.name for c in row_columns(report) if CSV in c.formats]


def render_csv(report: Report) -> str:
    """The report's rows as CSV text: one header row and one row per plan row shown."""
    rows = [
        line
        for section in report.sections
        for line in table_lines(rows_table(report, section).shown_in(CSV))[1:]
    ]
    return csv_text(columns(report), rows)
