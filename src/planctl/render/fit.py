"""Tables that never cut a word: wrapped at spaces, or stacked when the columns cannot fit.

Rich shrinks columns that do not fit the width and then breaks words inside
(``För/han/dli/ngs/che/f``) or cuts them with ``…``. A table given to the console through
:func:`fitted` is shown as it is when every column fits its longest word; otherwise each row
becomes a block of its own, the first cell as a heading and the others as ``Rubrik: värde``
lines that wrap at spaces. The choice is made when the table is printed, at the console's real
width (80 columns in a pipe or a file). planctl's console (:mod:`planctl.render.console`) fits
every table it prints this way, so no table can forget it.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text


class Fitted:
    """A Rich table that falls back to stacked rows when its words cannot fit the width."""

    def __init__(self, table: Table) -> None:
        self.table = table

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.table)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = self.table
        # What the table itself lays its columns out in (Rich's Table.__rich_console__).
        inner = options.update_width((table.width or options.max_width) - table._extra_width)
        # The narrowest each column can be without breaking a word (padding included); a
        # column that does not wrap needs its whole text.
        needed = [
            _least(table._measure_column(console, inner, column), column.no_wrap)
            for column in table.columns
        ]
        for column in table.columns:
            if column.overflow == "ellipsis":
                column.overflow = "fold"  # a token longer than any column folds, never "…"
        if _fits(table, console, inner, needed) or _relax(table, console, inner, needed):
            # The table's own segments: handing it back to the console would fit it again.
            yield from table.__rich_console__(console, options)
        else:
            yield stacked(table)


# A "word" longer than this is no word (a URL, a path, markup) and may fold over lines rather than
# make a whole table stack; every Swedish word and id in the plans is shorter.
LONGEST_WORD = 36


def _least(measured: Measurement, no_wrap: bool) -> int:
    if no_wrap:
        return measured.maximum
    return min(measured.minimum, LONGEST_WORD + 2)  # plus the cell's padding


def _fits(table: Table, console: Console, options: ConsoleOptions, needed: list[int]) -> bool:
    """Whether Rich's own layout gives every wrapping column room for its longest word.

    Columns that do not wrap (ids, dates, counts) are sized by the code that made the table.
    """
    widths = table._calculate_column_widths(console, options)
    return all(
        column.no_wrap or width >= least
        for column, width, least in zip(table.columns, widths, needed, strict=True)
    )


def _relax(table: Table, console: Console, options: ConsoleOptions, needed: list[int]) -> bool:
    """Lay the columns out by hand, each at least ``needed``; False when that cannot fit.

    What is left beyond every column's minimum goes to the columns that wrap, in proportion to
    how much wider their text would like to be.
    """
    room = options.max_width - sum(needed)
    if room < 0:
        return False
    wanted = [
        0
        if column.no_wrap
        else max(0, table._measure_column(console, options, column).maximum - least)
        for column, least in zip(table.columns, needed, strict=True)
    ]
    total = sum(wanted)
    padding = [table._get_padding_width(column._index) for column in table.columns]
    for column, least, want, pad in zip(table.columns, needed, wanted, padding, strict=True):
        share = min(want, room * want // total) if total else 0
        column.ratio = None
        column.width = least + share - pad
    return True


def fitted(table: Table) -> Fitted:
    """``table`` for the console: as a table when it fits, else as stacked rows."""
    return Fitted(table)


def _plain(cell: RenderableType) -> Text | None:
    if isinstance(cell, Text):
        return cell
    if isinstance(cell, str):
        return Text(cell)
    return None


def stacked(table: Table) -> RenderableType:
    """Every row of ``table`` as a block: first cell bold, then ``Rubrik: värde`` per cell."""
    # A heading split over two lines joins again: "Förse-\nnade" is "Försenade", "Ej\nstartad" is
    # "Ej startad".
    headers = [
        str(column.header).replace("-\n", "").replace("\n", " ").strip() for column in table.columns
    ]
    cells = [list(column.cells) for column in table.columns]
    blocks: list[RenderableType] = []
    if table.title:
        title = table.title if isinstance(table.title, Text) else Text(str(table.title))
        blocks.append(Text(title.plain, style="bold"))
    for index in range(table.row_count):
        row = [cells[column][index] for column in range(len(cells))]
        first = _plain(row[0]) if row else None
        lines: list[RenderableType] = []
        heading = Text(first.plain if first is not None else "", style="bold")
        for header, cell in zip(headers[1:], row[1:], strict=True):
            value = _plain(cell)
            if value is None:
                lines.append(Padding(cell, (0, 0, 0, 2)))
                continue
            if not value.plain.strip():
                continue
            if not heading.plain.strip() and not lines:
                heading = Text(value.plain, style="bold")  # a heading row (an area's name)
                continue
            line = Text(f"{header}: " if header else "", style="dim") + value
            lines.append(Padding(line, (0, 0, 0, 2)))
        blocks.append(Group(Text(""), heading, *lines))
    return Group(*blocks)
