"""The table model: one declaration of a report section's columns, formatted by every writer.

A section of output that is a table (the report's summary, an area's rows, the measured targets)
is built once as a :class:`DataTable`: its :class:`Column` values and its rows of typed cells.
A column declares

- its ``heading`` (Swedish, what documents print) and its machine ``key`` (what the tidy CSV
  prints as its header, e.g. ``område_id``);
- its :class:`Kind`, which decides how each format writes a cell (numbers with a decimal comma,
  shares as percent, a status mark, a note with its date, a count that changed, a measured
  value with its day and round …); a cell that combines several values (a :class:`Target`, a
  :class:`Point`) is one column in the documents, while the workbook declares each value as a
  column of its own;
- its spreadsheet ``width``, its width on paper (``paper``, or a ``rest`` share) and on a
  terminal (``screen``);
- its :class:`Role` in a row's layout: the id, the proposal (the lead), a column the terminal
  folds under the proposal when narrow (``fold``) or always (``under``, the note);
- the formats that show it (``formats``; every format unless it says otherwise): the tidy CSV
  shows a row's ``status`` and ``betyder`` as words where the documents and the workbook show
  one mark column per status of the plan's scale, and that choice lives in the column.

Writers only format. Each takes ``table.shown_in(FORMAT)`` and lays its columns out in its own
way (Rich styles and folding under the proposal on a narrow terminal, Markdown bold, xlsx fonts
and data bars, HTML classes, Word alignment), choosing by a column's :class:`Kind`, its
:class:`Role` and its ``screen`` width, never by its key or heading, and never which columns
there are: so a new column, or a new status in a plan's scale, is added where the table is
declared and appears in every format by construction (``tests/test_tables.py`` adds one of each
and looks for it in every format).

JSON keeps its own documented, versioned shape (:mod:`planctl.render.report_json`): a new status
reaches it through the plan's scale and counts; a new column needs a decision on the schema.

To add a section: declare its fields (``something_fields(report) -> list[tuple[Column, cell
function]]``) and ``something_table(report) -> DataTable`` next to the others in
:mod:`planctl.render.report_tables`, and hand ``something_table(report).shown_in(FORMAT)`` to
each writer. To add a column to a section: add one ``(Column, cell function)`` pair to its
fields.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from planctl.counts import Counts
from planctl.render import words
from planctl.render.report_text import MARK as MARK  # the one mark, re-exported with the model
from planctl.render.report_text import status_label, text_bar
from planctl.scale import Status

# The formats a column may be shown in (the names of :mod:`planctl.render.formats`). PDF is the
# HTML document laid out on pages, so it shows what HTML shows.
TABLE = "table"
MARKDOWN = "markdown"
CSV = "csv"
XLSX = "xlsx"
HTML = "html"
DOCX = "docx"
EVERY = frozenset({TABLE, MARKDOWN, CSV, XLSX, HTML, DOCX})
"""Every format the table model lays out (JSON has its own versioned shape, see below)."""
DOCUMENTS = frozenset({TABLE, MARKDOWN, HTML, DOCX})
"""The formats read by a person: one table per area, marks and notes as the appendix has them."""
BAR_FORMATS = frozenset({TABLE, MARKDOWN, HTML})
"""The formats that draw a progress bar as a column (the workbook puts a data bar on the share,
Word leaves it out)."""
SPREADSHEETS = frozenset({CSV, XLSX})
"""The formats computed with: one value per cell (a date apart from its note, lateness apart
from its mark)."""


class Kind(enum.StrEnum):
    """What a column holds, which decides how each format writes it."""

    TEXT = "text"
    INTEGER = "integer"
    NUMBER = "number"
    DATE = "date"
    PERCENT = "percent"  # a share 0.0–1.0, written with words.percent_label (``63 %``)
    COUNT = "count"  # a whole number, or a :class:`Change` in a report of changes
    BOOLEAN = "boolean"  # ``ja``/``nej``, empty when unknown
    MARK = "mark"  # a :class:`Mark` in the row's status column, else empty
    STATUS = "status"  # a status of the plan's scale by its name; None is *Ej uppföljd*
    LATE = "late"  # how a row is late (``start försenad``), empty when it is not
    NOTE = "note"  # a :class:`Note`: a text with the day it was written
    BAR = "bar"  # a progress bar of :class:`~planctl.counts.Counts`
    TARGET = "target"  # a :class:`Target`: what it aims at, what it measures, the latest note
    POINT = "point"  # a :class:`Point`: a measured value with its unit, day and round
    MET = "met"  # whether a target is met: ``ja``/``nej``, empty before any value
    TREND = "trend"  # a :class:`Trend` since the previous round


@dataclass(frozen=True)
class Change:
    """A count in a report of changes: ``before`` at the earlier moment, ``now`` at the later."""

    before: int
    now: int


@dataclass(frozen=True)
class Mark:
    """The mark in a row's status column (``status``); ``late`` says how the row is late
    (``start försenad``), ``None`` when it is not."""

    status: Status
    late: str | None = None


@dataclass(frozen=True)
class Note:
    """A note with the day it was written (``None`` when the entry has no day of its own)."""

    text: str
    day: dt.date | None = None


@dataclass(frozen=True)
class Target:
    """A measured target as a document shows it in one cell: ``label`` (``minst 1500\u00a0kr``),
    ``about`` (what it measures and where the target comes from) and the latest value's note."""

    label: str
    about: str
    note: str | None = None


@dataclass(frozen=True)
class Point:
    """A measured value with when: ``value`` with its unit (``1500\u00a0kr``), the ``day`` it
    was measured and the follow-up ``round`` it belongs to, if any."""

    value: str
    day: dt.date
    round: str | None = None


@dataclass(frozen=True)
class Trend:
    """The trend since the previous round: ``change`` (``↑ från 1200\u00a0kr``) and whether
    that is ``better`` (``bättre``, ``sämre``, or empty when the target has no direction)."""

    change: str
    better: str = ""


Cell = (
    str | int | float | bool | dt.date | Change | Mark | Note | Status | Counts
    | Target | Point | Trend | None
)  # fmt: skip
"""One value of a table; ``None`` is an empty cell."""

NUMERIC = frozenset({Kind.INTEGER, Kind.NUMBER, Kind.PERCENT, Kind.COUNT})
"""Kinds that are right-aligned in every layout."""


class Role(enum.StrEnum):
    """Where a column stands in its row's layout, beyond what its kind says.

    The writers lay a column out by its role, never by its key or heading: the terminal keeps an
    :attr:`ID` on one line and puts the :attr:`FOLD` and :attr:`UNDER` columns on a line under
    the :attr:`LEAD`; HTML sets an :attr:`ID` apart (``td.id``: bold, never broken).
    """

    PLAIN = "plain"
    ID = "id"  # what names the row: kept on one line where a format can
    LEAD = "lead"  # the row's main text; on a terminal, the folded columns go under it
    FOLD = "fold"  # on a terminal narrower than its wide layout, on a line under the lead
    UNDER = "under"  # on a terminal, always on a line under the lead (the note)


@dataclass(frozen=True)
class Screen:
    """A column's width on a terminal, in characters: at least ``least``, at most ``most``, and
    a ``ratio`` share of the width the other columns leave (``None``: as Rich sizes it)."""

    least: int | None = None
    most: int | None = None
    ratio: int | None = None


@dataclass(frozen=True)
class Column:
    """One column: its heading, machine key, what it holds, its spreadsheet width (characters)
    and the formats that show it.

    ``paper`` is its width in cm on a printed page (Word, PDF); a column with ``rest`` > 0
    instead takes that share of what the fixed columns leave; ``screen`` its width on a terminal
    (``None``: by its kind). ``strong`` sets the column apart where a format can (bold in
    Markdown): the status a report of changes arrived at. ``role`` is where it stands in a row's
    layout (:class:`Role`): the id, the proposal the terminal folds other columns under, …
    """

    heading: str
    kind: Kind = Kind.TEXT
    width: float = 12.0
    key: str = ""
    formats: frozenset[str] = EVERY
    paper: float = 2.2
    rest: float = 0.0
    strong: bool = False
    role: Role = Role.PLAIN
    screen: Screen | None = None

    @property
    def name(self) -> str:
        """The machine name: ``key``, or the heading when the column declares none."""
        return self.key or self.heading


@dataclass(frozen=True)
class DataTable:
    """A titled table: columns declared once, and rows with one cell per column.

    ``total`` marks the last row as the sum of the others (the whole plan), which every format
    sets apart.
    """

    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    total: bool = False

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.columns):
                raise ValueError(
                    f"{self.title}: a row has {len(row)} cells for {len(self.columns)} columns"
                )
        # A key names a column to a machine (the tidy CSV's header, a test): two in one format
        # would be one name for two columns.
        for fmt in EVERY:
            names = [c.name for c in self.columns if fmt in c.formats]
            if len(names) != len(set(names)):
                twice = sorted({n for n in names if names.count(n) > 1})
                raise ValueError(f"{self.title}: {fmt} shows the key {', '.join(twice)} twice")

    @property
    def headings(self) -> list[str]:
        """The column headings, in order."""
        return [c.heading for c in self.columns]

    @property
    def names(self) -> list[str]:
        """The columns' machine names, in order."""
        return [c.name for c in self.columns]

    def shown_in(self, fmt: str) -> DataTable:
        """The same table with only the columns that ``fmt`` shows."""
        keep = [i for i, c in enumerate(self.columns) if fmt in c.formats]
        return DataTable(
            self.title,
            tuple(self.columns[i] for i in keep),
            tuple(tuple(row[i] for i in keep) for row in self.rows),
            self.total,
        )

    def is_total(self, position: int) -> bool:
        """Whether the row at ``position`` is the table's total row."""
        return self.total and position == len(self.rows) - 1

    def is_late(self, position: int) -> bool:
        """Whether the row at ``position`` says it is late (a :attr:`Kind.LATE` cell, or a
        :class:`Mark` that is late)."""
        return any(
            (c.kind is Kind.LATE and v is not None) or (isinstance(v, Mark) and v.late is not None)
            for c, v in zip(self.columns, self.rows[position], strict=True)
        )


def paper_minimum(columns: Sequence[Column]) -> float:
    """The narrowest the columns fit on paper (cm): every fixed width, and each sharing
    column's own ``paper`` width as its least."""
    return sum(c.paper for c in columns)


def paper_widths(columns: Sequence[Column], width: float) -> list[float]:
    """Each column's width on paper for a table ``width`` wide (cm): the fixed columns as
    declared (narrowed alike when the page is narrower than :func:`paper_minimum`), the columns
    with a ``rest`` share taking it of what is left."""
    minimum = paper_minimum(columns)
    fixed = sum(c.paper for c in columns if not c.rest)
    scale = 1.0 if width >= minimum else width / minimum
    left = width - fixed * scale
    return [left * c.rest if c.rest else c.paper * scale for c in columns]


def mark_text(mark: Mark, sep: str = " ") -> str:
    """``X``, or ``X`` and how the row is late after ``sep``: ``X start försenad``."""
    return MARK if mark.late is None else f"{MARK}{sep}{mark.late}"


def note_text(note: Note) -> str:
    """A note with its day in front: ``2018-05-20: text``."""
    return f"{note.day.isoformat()}: {note.text}" if note.day else note.text


def target_lines(target: Target) -> list[str]:
    """A target cell's lines: the target, what it measures, ``Notering: …`` when noted."""
    lines = [target.label, target.about]
    return [*lines, f"{words.NOTE_LABEL}: {target.note}"] if target.note else lines


def point_when(point: Point) -> str:
    """When a value was measured: ``2018-10-31, 2018-10`` (the day, and the round if any)."""
    return point.day.isoformat() + (f", {point.round}" if point.round else "")


def point_text(point: Point) -> str:
    """A measured value with when: ``1500\u00a0kr (2018-10-31, 2018-10)``."""
    return f"{point.value} ({point_when(point)})"


def trend_text(trend: Trend, sep: str = ", ") -> str:
    """A trend: ``↑ från 1200\u00a0kr, bättre`` (``sep`` before whether it is better)."""
    return f"{trend.change}{sep}{trend.better}" if trend.better else trend.change


def change_text(change: Change) -> str:
    """A changed count: ``3 → 9``, or ``9`` when it stayed."""
    if change.before == change.now:
        return str(change.now)
    return f"{change.before} → {change.now}"


def cell_text(value: Cell, kind: Kind) -> str:
    """A cell as text: empty for ``None``, a decimal comma for numbers, ISO dates, ``63 %`` for
    shares, ``ja``/``nej`` for yes and no, ``3 → 9`` for a changed count."""
    if kind is Kind.STATUS:
        return status_label(value if isinstance(value, Status) else None)
    if value is None:
        return ""
    if isinstance(value, bool):
        return words.MET if value else words.NOT_MET
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Change):
        return change_text(value)
    if isinstance(value, Mark):
        return mark_text(value)
    if isinstance(value, Note):
        return note_text(value)
    if isinstance(value, Counts):
        return text_bar(value)
    if isinstance(value, Target):
        return "\n".join(target_lines(value))
    if isinstance(value, Point):
        return point_text(value)
    if isinstance(value, Trend):
        return trend_text(value)
    if isinstance(value, Status):
        return value.name
    if kind is Kind.PERCENT and isinstance(value, int | float):
        return words.percent_label(value)
    if kind is Kind.NUMBER and isinstance(value, int | float):
        return words.number_label(value)
    return str(value)


def table_lines(table: DataTable, *, header: str = "heading") -> list[list[str]]:
    """The header line and every row as text cells (for CSV and Markdown).

    ``header`` is ``heading`` (the Swedish headings) or ``key`` (the machine names).
    """
    lines = [table.headings if header == "heading" else table.names]
    lines += [
        [cell_text(v, c.kind) for v, c in zip(row, table.columns, strict=True)]
        for row in table.rows
    ]
    return lines


def widths(columns: Sequence[Column]) -> list[float]:
    """Each column's spreadsheet width."""
    return [c.width for c in columns]
