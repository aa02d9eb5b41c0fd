"""CSV for Swedish Excel: a UTF-8 byte order mark, ``;`` between cells, formulas defused."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from planctl.render.escape import csv_cell
from planctl.render.markdown import Cells

CSV_BOM = "\ufeff"


def csv_text(headers: Sequence[str], rows: Cells) -> str:
    """CSV for Swedish Excel: BOM, ``;`` as delimiter, LF line ends, formulas defused.

    A leading apostrophe makes Excel and LibreOffice show a formula-like cell as text
    (:func:`planctl.render.escape.csv_cell`).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
    writer.writerow([csv_cell(h) for h in headers])
    writer.writerows([csv_cell(c) for c in row] for row in rows)
    return CSV_BOM + buffer.getvalue()
