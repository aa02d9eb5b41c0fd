"""The one CSV dialect, made for Excel as Swedish offices run it.

- UTF-8 with a byte order mark: without it Excel reads the file as Windows-1252 and å/ä/ö come
  out garbled.
- ``;`` between fields: Swedish Windows uses ``,`` as the decimal separator and therefore ``;`` as
  the list separator, so Excel splits a double-clicked file on ``;``.
- CRLF line ends, as RFC 4180 and Excel write them; fields with a line break, a quote or a ``;``
  are quoted.
- A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
  ``'`` so that Excel shows it as text instead of running it as a formula (CSV injection).

Every CSV planctl writes (the report, coverage, summary) goes through :class:`CsvWriter`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from planctl.render.escape import csv_cell

BOM = "\ufeff"
DELIMITER = ";"
LINE_END = "\r\n"


def neutralise(cell: str) -> str:
    """``cell`` visible, with a ``'`` in front when Excel would read it as a formula.

    See :func:`planctl.render.escape.csv_cell`.
    """
    return csv_cell(cell)


class CsvWriter:
    """Rows written in the one dialect; :meth:`text` is the whole document, BOM first."""

    def __init__(self) -> None:
        self._out = io.StringIO()
        self._writer = csv.writer(
            self._out, delimiter=DELIMITER, lineterminator=LINE_END, quoting=csv.QUOTE_MINIMAL
        )

    def row(self, cells: Sequence[str | int]) -> None:
        """One line; text cells are defused, numbers written as they are."""
        self._writer.writerow([neutralise(c) if isinstance(c, str) else c for c in cells])

    def rows(self, lines: Iterable[Sequence[str | int]]) -> None:
        """Several lines."""
        for cells in lines:
            self.row(cells)

    def text(self) -> str:
        """The document so far: BOM, then every line with CRLF."""
        return BOM + self._out.getvalue()


def csv_text(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A one-table CSV document: a heading line, then the rows."""
    writer = CsvWriter()
    writer.row(headers)
    writer.rows(rows)
    return writer.text()
