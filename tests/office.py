"""Building the Word, Excel and CSV files the import tests read (with python-docx and openpyxl)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import docx
import openpyxl

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BORAS_APPENDIX = FIXTURES / "boras_bilaga.txt"


def appendix_blocks() -> list[tuple[str, list[list[str]]]]:
    """The Borås appendix source text as (heading, table lines split at tabs), in order."""
    blocks: list[tuple[str, list[list[str]]]] = []
    for line in BORAS_APPENDIX.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if "\t" not in line:
            blocks.append((line.strip(), []))
        else:
            blocks[-1][1].append(line.split("\t"))
    return blocks


def boras_appendix_docx(path: Path) -> Path:
    """The Borås appendix as Word: a heading above each of three tables, as in the source.

    Tables 1 and 2 have a two-row header: Förslag, Ansvar and Start merged down two rows and
    "Uppföljning" merged across Klart · Påbörjat · Ej påbörjat. Table 3 has the source's odd
    single header row whose fourth cell reads "Uppföljning Klart".
    """
    document = docx.Document()
    document.add_heading("Bilaga – ansvar, tidplan och mall för uppföljning", level=1)
    document.add_paragraph("Uppföljningen görs i maj och oktober 2018.")
    for heading, lines in appendix_blocks():
        document.add_heading(heading, level=2)
        two_row_header = lines[1][0] == ""
        width = 6
        table = document.add_table(rows=len(lines), cols=width)
        table.style = "Table Grid"
        if two_row_header:
            top, second = lines[0], lines[1]
            for column in range(3):
                table.cell(0, column).merge(table.cell(1, column)).text = top[column]
            table.cell(0, 3).merge(table.cell(0, 5)).text = top[3]
            for column in range(3, width):
                table.cell(1, column).text = second[column]
            body = lines[2:]
            first_body = 2
        else:
            for column, text in enumerate(lines[0]):
                table.cell(0, column).text = text
            body = lines[1:]
            first_body = 1
        for offset, cells in enumerate(body):
            for column, text in enumerate(cells[:width]):
                table.cell(first_body + offset, column).text = text
    document.save(str(path))
    return path


def docx_with_tables(
    path: Path, tables: Sequence[tuple[str | None, Sequence[Sequence[str]]]]
) -> Path:
    """A Word document with a heading (or none) above each table of plain cell texts.

    A newline in a cell text becomes a soft line break (``w:br``) in one paragraph.
    """
    document = docx.Document()
    for heading, rows in tables:
        if heading is not None:
            document.add_heading(heading, level=2)
        width = max(len(r) for r in rows)
        table = document.add_table(rows=len(rows), cols=width)
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                paragraph = table.cell(r, c).paragraphs[0]
                for index, part in enumerate(text.split("\n")):
                    run = paragraph.add_run(part)
                    if index < len(text.split("\n")) - 1:
                        run.add_break()
    document.save(str(path))
    return path


def xlsx_with_sheets(path: Path, sheets: Sequence[tuple[str, Sequence[Sequence[object]]]]) -> Path:
    """An Excel workbook with one sheet per (title, rows)."""
    book = openpyxl.Workbook()
    book.remove(book.active)  # type: ignore[arg-type]  # the default empty sheet
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


def write_csv(path: Path, rows: Sequence[Sequence[str]], *, delimiter: str, bom: bool) -> Path:
    """A CSV file as Excel writes one (CRLF, fields quoted when needed)."""
    import csv
    import io

    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(("\ufeff" if bom else "").encode() + out.getvalue().encode("utf-8"))
    return path
