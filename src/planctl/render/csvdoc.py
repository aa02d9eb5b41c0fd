"""CSV for Swedish Excel: a UTF-8 byte order mark, ``;`` between cells, formulas defused."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from planctl.render.markdown import Cells

CSV_BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(text: str) -> str:
    # A leading apostrophe makes Excel and LibreOffice show the text instead of running it.
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_text(headers: Sequence[str], rows: Cells) -> str:
    """CSV for Swedish Excel: BOM, ``;`` as delimiter, LF line ends, formulas defused."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow([_csv_cell(h) for h in headers])
    writer.writerows([_csv_cell(c) for c in row] for row in rows)
    return CSV_BOM + buffer.getvalue()
