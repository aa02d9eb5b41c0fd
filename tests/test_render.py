"""Generic output helpers: Markdown tables, CSV for Swedish Excel, number ranges and bars."""

from __future__ import annotations

import csv
import io

from planctl.render.csvdoc import csv_text
from planctl.render.markdown import markdown_table
from planctl.render.words import bar, number_ranges, percent_label


def test_markdown_table_escapes_pipes_and_newlines() -> None:
    """Cells keep to one line and a | in the text does not split the cell."""
    text = markdown_table(["A", "B"], [["x | y", "rad ett\nrad två"], ["", "1"]], right=[1])
    assert text.splitlines() == [
        "| A | B |",
        "| --- | ---: |",
        "| x \\| y | rad ett rad två |",
        "|   | 1 |",
    ]


def test_csv_for_swedish_excel() -> None:
    """CSV starts with a BOM, separates with ';' and quotes cells that contain one."""
    text = csv_text(["Namn", "Andel (%)"], [["Borås; Stad", "47,6"]])
    assert text.startswith("\ufeff")
    assert text[1:] == 'Namn;Andel (%)\r\n"Borås; Stad";47,6\r\n'


def test_csv_defuses_formulas() -> None:
    """Cells that a spreadsheet would run as a formula start with an apostrophe."""
    cells = ["=1+1", "+46", "-2", "@SUM(A1)", "\tx", "ok – bra"]
    text = csv_text(["a"] * len(cells), [cells])
    row = next(iter(list(csv.reader(io.StringIO(text[1:]), delimiter=";"))[1:]))
    assert row == ["'=1+1", "'+46", "'-2", "'@SUM(A1)", "'\tx", "ok – bra"]


def test_number_ranges() -> None:
    """Runs of numbers are written as ranges."""
    assert number_ranges([1, 8, 11, 12, 13, 16]) == "1, 8, 11–13, 16"
    assert number_ranges([5]) == "5" and number_ranges([]) == "–"


def test_bar_and_percent() -> None:
    """A share becomes a 20-character bar and a whole percentage."""
    assert bar(10 / 21) == "█" * 10 + "░" * 10
    assert bar(0) == "░" * 20 and bar(1) == "█" * 20
    assert percent_label(24 / 101) == "24\u00a0%"
