"""Reading the tables of a Word, Excel or CSV file into plain grids of text.

Every reader returns :class:`Grid` values: the table's cells as text, in source order, with the
heading the table stands under (the paragraph above a Word table, an Excel sheet's name). What
the columns mean is :mod:`planctl.importing.columns`' job; these readers only read.

A file that cannot be read – a password-protected or corrupt document, a CSV whose rows do not
have as many fields as its header – raises :class:`~planctl.errors.InputError` (exit 2) with one
Swedish line. No reader lets a library's exception through.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planctl.errors import InputError, os_reason
from planctl.nouns import count_words

# An OLE compound file: what Office writes for a password-protected (encrypted) document, and
# the old .doc/.xls formats.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"

SUFFIXES = (".docx", ".xlsx", ".csv")


@dataclass(frozen=True)
class Grid:
    """One table of the source as text: ``rows[i][j]`` is row ``i``, column ``j``.

    ``origin`` names the table for messages (``tabell 2``, ``bladet Arbetsvillkor``);
    ``heading`` is the text the table stands under, or ``None``. Merged cells repeat their text
    in every row and column they cover, as the reader sees them on the page.
    """

    origin: str
    heading: str | None
    rows: tuple[tuple[str, ...], ...]


def read_grids(path: Path, *, shown: str) -> tuple[Grid, ...]:
    """Every table of a ``.docx``, ``.xlsx`` or ``.csv`` file.

    Raises :class:`InputError` (exit 2) for a missing, unreadable, encrypted or corrupt file and
    for a file type planctl does not import.
    """
    suffix = path.suffix.casefold()
    if suffix not in SUFFIXES:
        raise InputError(
            f"{shown}: planctl importerar Word (.docx), Excel (.xlsx) och CSV (.csv), "
            f"inte '{path.suffix or path.name}'"
        )
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{shown}: filen finns inte") from None
    except OSError as exc:
        raise InputError(f"{shown}: kan inte läsas ({os_reason(exc)})") from None
    return tuple(_composed(grid) for grid in _grids(data, suffix, shown=shown))


def _composed(grid: Grid) -> Grid:
    """``grid`` with every text in Unicode NFC: a decomposed 'ö' (o + U+0308, as Word on macOS
    or a pasted text may hold it) becomes the 'ö' that ids, filters and searches expect."""
    return Grid(
        origin=grid.origin,
        heading=None if grid.heading is None else unicodedata.normalize("NFC", grid.heading),
        rows=tuple(tuple(unicodedata.normalize("NFC", cell) for cell in row) for row in grid.rows),
    )


def _grids(data: bytes, suffix: str, *, shown: str) -> tuple[Grid, ...]:
    if suffix == ".csv":
        return (_csv_grid(data, shown=shown),)
    if data.startswith(_OLE_MAGIC):
        kind = "Word" if suffix == ".docx" else "Excel"
        raise InputError(
            f"{shown}: filen är lösenordsskyddad eller sparad i ett äldre format – öppna den i "
            f"{kind}, ta bort lösenordet och spara som {suffix}"
        )
    if not data.startswith(_ZIP_MAGIC) or not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(f"{shown}: filen är skadad eller inget {suffix}-dokument")
    try:
        if suffix == ".docx":
            return tuple(_docx_grids(data))
        return tuple(_xlsx_grids(data))
    except InputError:
        raise
    except Exception as exc:  # the libraries raise many kinds (zip, XML, KeyError) on a bad file
        raise InputError(
            f"{shown}: filen är skadad och går inte att läsa ({type(exc).__name__})"
        ) from None


# --- Word ---------------------------------------------------------------------------------------


def _docx_grids(data: bytes) -> Iterator[Grid]:
    import docx  # python-docx: imported here, only import needs it
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    paragraphs: list[Paragraph] = []
    number = 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            paragraphs.append(block)
            continue
        if not isinstance(block, Table):  # pragma: no cover - only the two kinds exist
            continue
        number += 1
        yield Grid(origin=f"tabell {number}", heading=_heading(paragraphs), rows=_docx_rows(block))
        paragraphs = []


def _heading(paragraphs: Sequence[Any]) -> str | None:
    """The heading a table stands under: the nearest heading-styled or short title-like line."""
    for paragraph in reversed(paragraphs):
        text = " ".join(paragraph.text.split())
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if style.casefold().startswith(("heading", "rubrik", "title")):
            return text
        if len(text) <= 80 and not text.endswith((".", ":", ";", ",")):
            return text
    return None


def _docx_rows(table: Any) -> tuple[tuple[str, ...], ...]:
    rows = []
    for row in table.rows:
        cells = row.cells
        texts = []
        previous = None
        for cell in cells:
            # A cell merged across columns is the same cell object in each: read it once.
            texts.append("" if cell._tc is previous else cell.text)
            previous = cell._tc
        rows.append(tuple(texts))
    return tuple(rows)


# --- Excel --------------------------------------------------------------------------------------


def _xlsx_grids(data: bytes) -> Iterator[Grid]:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    for sheet in book.worksheets:
        # A merged range holds its value in the top-left cell only; it applies to every cell.
        merged: dict[tuple[int, int], object] = {}
        for span in sheet.merged_cells.ranges:
            top_left = sheet.cell(span.min_row, span.min_col).value
            for r in range(span.min_row, span.max_row + 1):
                for c in range(span.min_col, span.max_col + 1):
                    merged[(r, c)] = top_left
        rows = []
        for r, cells in enumerate(sheet.iter_rows(), start=1):
            rows.append(
                tuple(_xlsx_text(merged.get((r, c), cell.value)) for c, cell in enumerate(cells, 1))
            )
        yield Grid(origin=f"bladet {sheet.title}", heading=sheet.title, rows=tuple(rows))


def _xlsx_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- CSV ----------------------------------------------------------------------------------------


def _csv_grid(data: bytes, *, shown: str) -> Grid:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on a Swedish Windows saves "CSV (semikolonavgränsad)" in Windows-1252.
        text = data.decode("cp1252", errors="replace")
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    if not first:
        raise InputError(f"{shown}: filen är tom")
    delimiter = max(";,\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = [tuple(row) for row in reader]
    except csv.Error as exc:
        raise InputError(
            f"{shown}: rad {reader.line_num} går inte att läsa som CSV ({exc})"
        ) from None
    header_index = next(i for i, row in enumerate(rows) if any(c.strip() for c in row))
    width = len(rows[header_index])
    uneven = [
        (number, len(row))
        for number, row in enumerate(rows, start=1)
        if number > header_index + 1 and any(c.strip() for c in row) and len(row) != width
    ]
    if uneven:
        listed = ", ".join(f"rad {n} har {count}" for n, count in uneven[:5])
        rest = len(uneven) - 5
        more = f" (och {count_words(rest, 'rad', 'rader')} till)" if rest > 0 else ""
        raise InputError(
            f"{shown}: rubrikraden har {width} fält (avgränsare '{delimiter}') men {listed}"
            f"{more}; rätta raderna så att alla har lika många fält"
        )
    return Grid(origin="filen", heading=None, rows=tuple(rows))
