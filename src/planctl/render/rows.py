"""The tables of ``list`` (plan rows by area) and ``measures`` (catalogue measures)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich import box
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from planctl.render.words import FUNDING_MARK, FUNDING_NOTE, status_text, target_text
from planctl.views.rows import MeasureView, RowView, TargetView

LIST_WIDE = 120  # as the report: from 120 columns Ansvar and Start get their own


def rows_table(rows: Sequence[RowView], *, title: str) -> RenderableType:
    """Plan rows as a table grouped by area: id, proposal, responsible, start, status.

    A row that needs extra funding has a star after its id, explained in the caption. From
    :data:`LIST_WIDE` columns on, Ansvar and Start have columns wide enough for their longest
    word; narrower, they go on a line under the proposal so that no word is cut at 80 columns.
    """
    return _RowsTable(rows, title)


class _RowsTable:
    def __init__(self, rows: Sequence[RowView], title: str) -> None:
        self.rows = rows
        self.title = title

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield _rows_table(self.rows, title=self.title, wide=options.max_width >= LIST_WIDE)


def _longest_word(texts: Iterable[str]) -> int:
    return max([6] + [len(word) for text in texts for word in text.split()])


def _rows_table(rows: Sequence[RowView], *, title: str, wide: bool) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Id", no_wrap=True)
    table.add_column("Förslag", ratio=5)
    if wide:
        # As wide as the longest word (and the heading): no word is cut, and the proposal keeps
        # the rest of the width.
        table.add_column("Ansvar", width=_longest_word(r.responsible for r in rows))
        table.add_column("Start", width=_longest_word(r.start for r in rows))
    table.add_column("Status", no_wrap=True, min_width=11)
    area = None
    for row in rows:
        if row.area_name != area:
            area = row.area_name
            table.add_row("", Text(area, style="bold"), *[""] * (len(table.columns) - 2))
        mark = FUNDING_MARK if row.needs_funding else ""
        proposal = Text(row.proposal)
        where: list[RenderableType] = [row.responsible, row.start]
        if not wide:
            proposal.append(f"\n{row.responsible} · {row.start}", style="dim")
            where = []
        table.add_row(row.id + mark, proposal, *where, status_text(row.status, row.meaning))
    if not rows:
        table.caption = "Inga rader matchar urvalet."
    elif any(r.needs_funding for r in rows):
        table.caption = FUNDING_NOTE
    return table


def measures_table(measures: Sequence[MeasureView], *, title: str) -> Table:
    """Catalogue measures as a table: number, area, text."""
    table = Table(title=title, box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Nr", justify="right", no_wrap=True)
    table.add_column("Område", ratio=1, min_width=12)
    table.add_column("Insats", ratio=4, min_width=20)
    for measure in measures:
        text = measure.text + "".join(f"\nMål: {target_words(t)}" for t in measure.targets)
        table.add_row(str(measure.id), measure.area_name, text)
    return table


def target_words(target: TargetView) -> str:
    """A target in words, through :func:`planctl.render.words.target_text`."""
    return target_text(target.direction, target.value, target.unit, target.measured)


# The columns of ``list --format csv``, named as the keys of the plan file (see README, "CSV").
ROW_COLUMNS = (
    "område_id",
    "område",
    "id",
    "förslag",
    "ansvar",
    "start",
    "slut",
    "status",
    "betyder",
    "statusdatum",
    "behöver_finansiering",
    "insatser",
)


def rows_csv(rows: Sequence[RowView]) -> str:
    """Plan rows as one CSV table in planctl's dialect: a header row, one row per plan row.

    ``insatser`` lists the catalogue measures a row carries out, separated by ``,``.
    """
    from planctl.progress import NOT_FOLLOWED_UP
    from planctl.render.csvdoc import csv_text

    def yes_no(value: bool | None) -> str:
        return "" if value is None else "ja" if value else "nej"

    lines = [
        [
            r.area_id,
            r.area_name,
            r.id,
            r.proposal,
            r.responsible,
            r.start,
            r.end or "",
            r.status or NOT_FOLLOWED_UP,
            r.meaning.value if r.meaning else "",
            r.status_date.isoformat() if r.status_date else "",
            yes_no(r.needs_funding),
            ",".join(str(m) for m in r.measures),
        ]
        for r in rows
    ]
    return csv_text(ROW_COLUMNS, lines)
