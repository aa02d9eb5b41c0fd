"""The one CSV dialect of planctl, for Excel as Swedish offices run it.

Every CSV planctl writes (``report``, ``list``, ``coverage``, ``summary``) is one table: a header
row, then one row per record, with these choices:

- UTF-8 with a byte order mark: without the BOM Excel reads the file as Windows-1252 and å/ä/ö
  come out garbled. (``pandas.read_csv(path, sep=";", encoding="utf-8-sig")`` reads it.)
- ``;`` between fields: Swedish Windows uses ``,`` as the decimal separator and therefore ``;`` as
  the list separator, so Excel splits a double-clicked file on ``;``.
- CRLF line ends, as RFC 4180 and Excel write them; a field with a line break, a quote or a ``;``
  is quoted.
- The formula guard: a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return gets a leading ``'``, so that Excel shows it as text instead of running it as a formula
  (CSV injection). Excel shows such a cell as ``'=SUMMA(A1)``, apostrophe included; the apostrophe
  is not part of what was written in the plan.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from planctl.render.markdown import Cells

CSV_BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """``cell`` with a ``'`` in front when Excel would read it as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def csv_text(headers: Sequence[str], rows: Cells) -> str:
    """One table as CSV text in planctl's dialect: BOM, ``;``, CRLF, formulas defused."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([neutralise(h) for h in headers])
    writer.writerows([neutralise(c) for c in row] for row in rows)
    return CSV_BOM + buffer.getvalue()
