"""The tables of ``list`` (plan rows by area) and ``measures`` (catalogue measures)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rich import box
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from planctl.render.words import FUNDING_MARK, FUNDING_NOTE, status_text, target_text

LIST_WIDE = 120  # as the report: from 120 columns Ansvar and Start get their own


def rows_table(records: Sequence[dict[str, Any]], *, title: str) -> RenderableType:
    """Plan rows as a table grouped by area: id, proposal, responsible, start, status.

    A row that needs extra funding has a star after its id, explained in the caption. From
    :data:`LIST_WIDE` columns on, Ansvar and Start have columns wide enough for their longest
    word; narrower, they go on a line under the proposal so that no word is cut at 80 columns.
    """
    return _RowsView(records, title)


class _RowsView:
    def __init__(self, records: Sequence[dict[str, Any]], title: str) -> None:
        self.records = records
        self.title = title

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield _rows_table(self.records, title=self.title, wide=options.max_width >= LIST_WIDE)


def _longest_word(texts: Iterable[str]) -> int:
    return max([6] + [len(word) for text in texts for word in text.split()])


def _rows_table(records: Sequence[dict[str, Any]], *, title: str, wide: bool) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Id", no_wrap=True)
    table.add_column("Förslag", ratio=5)
    if wide:
        # As wide as the longest word (and the heading): no word is cut, and the proposal keeps
        # the rest of the width.
        for heading, key in (("Ansvar", "responsible"), ("Start", "start")):
            table.add_column(heading, width=_longest_word(r[key] for r in records))
    table.add_column("Status", no_wrap=True, min_width=11)
    area = None
    for record in records:
        if record["area_name"] != area:
            area = record["area_name"]
            table.add_row("", Text(area, style="bold"), *[""] * (len(table.columns) - 2))
        mark = FUNDING_MARK if record["needs_funding"] else ""
        proposal = Text(record["proposal"])
        where: list[RenderableType] = [record["responsible"], record["start"]]
        if not wide:
            proposal.append(f"\n{record['responsible']} · {record['start']}", style="dim")
            where = []
        status = status_text(record["status"], record["meaning"])
        table.add_row(record["id"] + mark, proposal, *where, status)
    if not records:
        table.caption = "Inga rader matchar urvalet."
    elif any(r["needs_funding"] for r in records):
        table.caption = FUNDING_NOTE
    return table


def measures_table(records: Sequence[dict[str, Any]], *, title: str) -> Table:
    """Catalogue measures as a table: number, area, text."""
    table = Table(title=title, box=box.SIMPLE_HEAD, expand=True)
    table.add_column("Nr", justify="right", no_wrap=True)
    table.add_column("Område", ratio=1, min_width=12)
    table.add_column("Insats", ratio=4, min_width=20)
    for record in records:
        text = record["text"]
        if record["targets"]:
            text += "".join(f"\nMål: {record_target_text(t)}" for t in record["targets"])
        table.add_row(str(record["id"]), record["area_name"], text)
    return table


def record_target_text(target: dict[str, Any]) -> str:
    """A target record (as in JSON) in words, through :func:`planctl.render.words.target_text`."""
    return target_text(target["direction"], target["value"], target["unit"], target["measured"])


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


def rows_csv(records: Sequence[dict[str, Any]]) -> str:
    """Plan rows as one CSV table in planctl's dialect: a header row, one row per plan row.

    ``insatser`` lists the catalogue measures a row carries out, separated by ``,``.
    """
    from planctl.progress import NOT_FOLLOWED_UP
    from planctl.render.csvdoc import csv_text

    def yes_no(value: bool | None) -> str:
        return "" if value is None else "ja" if value else "nej"

    rows = [
        [
            r["area"],
            r["area_name"],
            r["id"],
            r["proposal"],
            r["responsible"],
            r["start"],
            r["end"] or "",
            r["status"] or NOT_FOLLOWED_UP,
            r["meaning"] or "",
            r["status_date"] or "",
            yes_no(r["needs_funding"]),
            ",".join(str(m) for m in r["measures"]),
        ]
        for r in records
    ]
    return csv_text(ROW_COLUMNS, rows)
