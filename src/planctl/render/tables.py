"""The table model: one declaration of a report section's columns, formatted by every writer.

A section of output that is a table (a report's measured targets, its counts per area …) is built
once as a :class:`DataTable`: its :class:`Column` values, each with a heading, a :class:`Kind`
and a spreadsheet width, and its rows of typed cells (text, whole numbers, numbers, dates,
``None`` for empty). Writers only format:

- CSV and Markdown write each cell as text with :func:`cell_text` (numbers with a decimal comma,
  dates as ``ÅÅÅÅ-MM-DD``, through :mod:`planctl.render.words`);
- XLSX writes the typed values themselves (numbers stay numbers, dates dates) and uses the widths;
- the terminal table, HTML and JSON take the same rows.

So a new column, or a new status in a column, is added in the function that builds the table and
appears in every format by construction. To add a section: write ``something_table(report) ->
DataTable`` next to the others (:mod:`planctl.render.report_tables`) and hand it to each writer's
table function (``CsvWriter.rows(table_lines(t))``, ``report_xlsx``'s ``_data_sheet``).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from planctl.render import words


class Kind(enum.StrEnum):
    """What a column holds, which decides how each format writes it."""

    TEXT = "text"
    INTEGER = "integer"
    NUMBER = "number"
    DATE = "date"


Cell = str | int | float | dt.date | None
"""One value of a table; ``None`` is an empty cell."""


@dataclass(frozen=True)
class Column:
    """One column: its heading, what it holds and its width in a spreadsheet (characters)."""

    heading: str
    kind: Kind = Kind.TEXT
    width: float = 12.0


@dataclass(frozen=True)
class DataTable:
    """A titled table: columns declared once, and rows with one cell per column."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.columns):
                raise ValueError(
                    f"{self.title}: a row has {len(row)} cells for {len(self.columns)} columns"
                )

    @property
    def headings(self) -> list[str]:
        """The column headings, in order."""
        return [c.heading for c in self.columns]


def cell_text(value: Cell, kind: Kind) -> str:
    """A cell as text: empty for ``None``, a decimal comma for numbers, ISO dates."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if kind is Kind.NUMBER and isinstance(value, int | float):
        return words.number_label(value)
    return str(value)


def table_lines(table: DataTable) -> list[list[str]]:
    """The heading line and every row as text cells (for CSV and Markdown)."""
    lines = [table.headings]
    lines += [
        [cell_text(v, c.kind) for v, c in zip(row, table.columns, strict=True)]
        for row in table.rows
    ]
    return lines


def column_of(table: DataTable, heading: str) -> int:
    """The 1-based position of the column with ``heading`` (for a writer's emphasis)."""
    return table.headings.index(heading) + 1


def widths(columns: Sequence[Column]) -> list[float]:
    """Each column's spreadsheet width."""
    return [c.width for c in columns]
