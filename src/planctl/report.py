"""The follow-up report as plain data (``planctl report`` and ``planctl diff``).

Knows no output format. The report is a tree of frozen dataclasses:
a :class:`Report` has one :class:`Section` per area with its :class:`ReportRow` values and
:class:`Counts`. Every status, note and delay in it is as of one :class:`Moment`; a report of
changes also carries the earlier moment and keeps only the rows whose status moved between them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from planctl import dates
from planctl.counts import Costs as Costs  # re-exported: the report's tallies
from planctl.counts import Counts as Counts
from planctl.errors import UsageError
from planctl.indicators import Standing, row_standings
from planctl.models import (
    Catalogue,
    HistoryEntry,
    Plan,
    Row,
    Status,
)
from planctl.progress import Late, owners_label, state_on, status_label
from planctl.query import RowFilter, filter_rows


@dataclass(frozen=True)
class Moment:
    """The day a report shows, and the follow-up round it was named by (if it was)."""

    day: dt.date
    round_id: str | None = None
    round_name: str | None = None


@dataclass(frozen=True)
class ReportRow:
    """One row of the follow-up table, as of the report's moment.

    ``status`` is ``None`` when the row has not been followed up by then. ``previous`` is set
    only in a report of changes: the status at the earlier moment (``None``: not followed up).
    """

    id: str
    proposal: str
    owners: tuple[str, ...]
    start: str
    end: str | None
    needs_funding: bool | None
    status: Status | None
    status_date: dt.date | None
    late: Late | None
    note: str | None
    note_date: dt.date | None
    previous: Status | None = None

    @property
    def delayed(self) -> bool:
        """Whether the row is late in either way."""
        return self.late is not None

    @property
    def responsible(self) -> str:
        """The owners as one text, *ej angivet* when the plan names none."""
        return owners_label(self.owners)


@dataclass(frozen=True)
class Section:
    """One area of the report: its rows and its counts (``previous_counts`` for changes).

    ``empty_area`` marks an area the plan has no rows in at all: it stays in the report (as
    *inga rader*) so that the report shows every area the plan has.
    """

    area_id: str
    area_name: str
    rows: tuple[ReportRow, ...]
    counts: Counts
    previous_counts: Counts | None = None
    empty_area: bool = False
    costs: Costs = field(default_factory=Costs)


@dataclass(frozen=True)
class IndicatorRow:
    """A measured target of a row shown in the report, as it stood on the report's day."""

    row_id: str
    needs_funding: bool
    standing: Standing


@dataclass(frozen=True)
class ReportFilters:
    """What narrowed the report's rows; ``None`` means not narrowed."""

    area_id: str | None = None
    area_name: str | None = None
    responsible: str | None = None
    status: str | None = None  # the status's name, or "ej uppföljd"

    @property
    def active(self) -> bool:
        """Whether any filter narrowed the rows."""
        return any(v is not None for v in (self.area_id, self.responsible, self.status))


@dataclass(frozen=True)
class RoundCounts:
    """The counts of the rows a report shows, as they stood at one follow-up round.

    ``areas`` pairs each area id with its counts, in the plan's order; ``total`` is all of them.
    The counts come from :func:`counts_on`, the same function the report's tables use.
    """

    moment: Moment
    areas: tuple[tuple[str, Counts], ...]
    total: Counts

    def of(self, area_id: str | None) -> Counts:
        """The counts of one area, or of every row shown when ``area_id`` is ``None``."""
        if area_id is None:
            return self.total
        scale = tuple(status for status, _ in self.total.per_status)
        return next((c for a, c in self.areas if a == area_id), Counts.sum(scale, ()))


@dataclass(frozen=True)
class Report:
    """The follow-up report of one plan as of one moment (or its changes since another).

    ``produced`` is when the report was made: a timestamp, or only a day when the caller pinned
    the day but not the time. ``progress`` holds the counts at every follow-up round up to the
    report's day, oldest first (what the progress charts show); a report of changes has none.
    """

    plan_id: str
    plan_title: str
    organisation: str
    scale: tuple[Status, ...]
    as_of: Moment
    since: Moment | None
    produced: dt.datetime | dt.date
    filters: ReportFilters
    sections: tuple[Section, ...]
    counts: Counts
    previous_counts: Counts | None = None
    indicators: tuple[IndicatorRow, ...] = ()
    progress: tuple[RoundCounts, ...] = ()
    costs: Costs = field(default_factory=Costs)

    @property
    def is_changes(self) -> bool:
        """Whether this report lists only the rows whose status moved since ``since``."""
        return self.since is not None

    @property
    def rows(self) -> tuple[ReportRow, ...]:
        """Every row shown, area by area."""
        return tuple(row for section in self.sections for row in section.rows)


def note_on(row: Row, day: dt.date) -> HistoryEntry | None:
    """The latest history entry with a note, on or before ``day``."""
    found = None
    for entry in row.history:
        if entry.date > day:
            break
        if entry.note is not None:
            found = entry
    return found


def report_row(plan: Plan, row: Row, day: dt.date, *, previous: Status | None = None) -> ReportRow:
    """``row`` as it stood on ``day``."""
    state = state_on(plan, row, day)
    noted = note_on(row, day)
    return ReportRow(
        id=row.id,
        proposal=row.proposal,
        owners=row.owners,
        start=row.start,
        end=row.end,
        needs_funding=row.needs_funding,
        status=state.status,
        status_date=state.entry.date if state.entry else None,
        late=state.late,
        note=noted.note if noted else None,
        note_date=noted.date if noted else None,
        previous=previous,
    )


def moment_of(plan: Plan, typed: str) -> Moment:
    """A moment from what a user typed: a follow-up round's id or a date ``ÅÅÅÅ-MM-DD``."""
    if plan.round(typed.strip()) is not None:
        return round_moment(plan, typed)
    try:
        return Moment(dt.date.fromisoformat(typed.strip()))
    except ValueError:
        raise UsageError(
            f"'{typed}' är varken en uppföljning ({_round_ids(plan)}) eller ett datum (ÅÅÅÅ-MM-DD)"
        ) from None


def _round_ids(plan: Plan) -> str:
    return ", ".join(r.id for r in plan.rounds) or "planen har inga uppföljningar"


def round_moment(plan: Plan, round_id: str) -> Moment:
    """The moment of the follow-up round ``round_id`` (its date)."""
    found = plan.round(round_id.strip())
    if found is None:
        raise UsageError(f"okänd uppföljning '{round_id}'; giltiga: {_round_ids(plan)}")
    return Moment(found.date, found.id, found.name)


def date_moment(typed: str) -> Moment:
    """The moment of a date typed ``ÅÅÅÅ-MM-DD``."""
    try:
        return Moment(dt.date.fromisoformat(typed.strip()))
    except ValueError:
        raise UsageError(f"'{typed}' är inget datum; skriv ÅÅÅÅ-MM-DD") from None


def choose_moments(
    plan: Plan,
    *,
    today: dt.date,
    round_id: str | None = None,
    as_of: str | None = None,
    changes_since: str | None = None,
) -> tuple[Moment, Moment | None]:
    """The moment a report shows and, for a report of changes, the earlier one.

    The report shows ``today`` unless a round (its date) or a date is given, never both.
    """
    if round_id is not None and as_of is not None:
        raise UsageError("ange antingen --round eller --as-of, inte båda")
    if round_id is not None:
        shown = round_moment(plan, round_id)
    elif as_of is not None:
        shown = date_moment(as_of)
    else:
        shown = Moment(today)
    check_moment(shown, today=today, typed=as_of or round_id)
    since = moment_of(plan, changes_since) if changes_since is not None else None
    if since is not None and since.day > shown.day:
        raise UsageError(
            f"{changes_since} ({since.day.isoformat()}) ligger efter dagen rapporten visar "
            f"({shown.day.isoformat()})"
        )
    return shown, since


def check_moment(moment: Moment, *, today: dt.date, typed: str | None) -> None:
    """Refuse a moment in the future (or before the floor), as every command refuses a date.

    A date typed before the plan was delivered is fine here: a report may look back that far.
    """
    if moment.day > today:
        name = f"{typed} ({moment.day.isoformat()})" if moment.round_id else typed or "dagen"
        raise UsageError(
            f"{name} ligger i framtiden; läget kan bara visas fram till i dag ({today.isoformat()})"
        )
    if moment.day < dates.FLOOR:
        dates.check_date(moment.day, today=today, name=typed or "datumet")


def diff_moments(
    plan: Plan, first: str, second: str, *, today: dt.date | None = None
) -> tuple[Moment, Moment]:
    """The two moments ``planctl diff FIRST SECOND`` compares, earlier one first.

    With ``today``, a moment in the future is refused as in :func:`choose_moments`.
    """
    since, until = moment_of(plan, first), moment_of(plan, second)
    if today is not None:
        check_moment(since, today=today, typed=first)
        check_moment(until, today=today, typed=second)
    if since.day > until.day:
        raise UsageError(
            f"{first} ({since.day.isoformat()}) ligger efter {second} ({until.day.isoformat()}); "
            "ange den tidigare först"
        )
    return since, until


def build_report(
    plan: Plan,
    *,
    wanted: RowFilter,
    as_of: Moment,
    produced: dt.datetime | dt.date,
    since: Moment | None = None,
    catalogue: Catalogue | None = None,
) -> Report:
    """The follow-up report of ``plan`` as of ``as_of``, narrowed by ``wanted``.

    With ``since`` it is a report of changes: each area keeps only the rows whose status on
    ``as_of`` differs from the one on ``since``, and the counts are given for both days. The
    status filter applies to the status on ``as_of``.

    The report's indicators are the targets of the rows shown that have a value measured by
    ``as_of`` (the catalogue gives the targets of linked measures); a report of changes has none.
    """
    day = as_of.day
    rows = filter_rows(plan, wanted, as_of=day)
    sections: list[Section] = []
    for area in plan.areas:
        in_area = [row for row in rows if row.area == area.id]
        empty_area = not any(row.area == area.id for row in plan.rows)
        if not in_area and not (empty_area and wanted.area in (None, area.id)):
            continue
        now = [report_row(plan, row, day) for row in in_area]
        counts = counts_of(plan, now)
        previous_counts = None
        if since is not None:
            before = [report_row(plan, row, since.day) for row in in_area]
            previous_counts = counts_of(plan, before)
            now = [
                report_row(plan, row, day, previous=old.status)
                for row, new, old in zip(in_area, now, before, strict=True)
                if new.status != old.status
            ]
        sections.append(
            Section(
                area.id,
                area.name,
                tuple(now),
                counts,
                previous_counts,
                empty_area,
                Costs.of(in_area),
            )
        )
    area_name = None
    if wanted.area is not None:
        chosen = plan.area(wanted.area)
        area_name = chosen.name if chosen else wanted.area
    return Report(
        plan_id=plan.meta.id,
        plan_title=plan.meta.title,
        organisation=plan.meta.organisation,
        scale=plan.scale,
        as_of=as_of,
        since=since,
        produced=produced,
        filters=ReportFilters(
            wanted.area,
            area_name,
            wanted.responsible,
            status_label(wanted.status) if wanted.status or wanted.unfollowed else None,
        ),
        sections=tuple(sections),
        counts=Counts.sum(plan.scale, (s.counts for s in sections)),
        previous_counts=(
            Counts.sum(plan.scale, (s.previous_counts for s in sections if s.previous_counts))
            if since is not None
            else None
        ),
        indicators=(
            ()
            if since is not None
            else _indicators(
                [r for a in plan.areas for r in rows if r.area == a.id], catalogue, day
            )
        ),
        progress=() if since is not None else progress_of(plan, rows, until=day),
        costs=Costs.of(rows),
    )


def counts_of(plan: Plan, rows: Iterable[ReportRow]) -> Counts:
    """The counts of report rows over the plan's scale: what every summary, area heading and
    chart of a report shows."""
    return Counts.of_states(plan.scale, ((r.status, r.late) for r in rows))


def counts_on(plan: Plan, rows: Iterable[Row], day: dt.date) -> Counts:
    """The counts of ``rows`` as they stood on ``day``."""
    return counts_of(plan, (report_row(plan, row, day) for row in rows))


def progress_of(plan: Plan, rows: Iterable[Row], *, until: dt.date) -> tuple[RoundCounts, ...]:
    """The counts of ``rows`` at each follow-up round held by ``until``, oldest first.

    Areas appear in the plan's order, each only when it has rows among ``rows``; the counts are
    the ones the report's tables would show for the same rows on the round's day.
    """
    rows = list(rows)
    by_area = [(a.id, [r for r in rows if r.area == a.id]) for a in plan.areas]
    by_area = [(area_id, members) for area_id, members in by_area if members]
    return tuple(
        RoundCounts(
            Moment(held.date, held.id, held.name),
            tuple((area_id, counts_on(plan, members, held.date)) for area_id, members in by_area),
            counts_on(plan, rows, held.date),
        )
        for held in sorted(plan.rounds, key=lambda r: r.date)
        if held.date <= until
    )


def _indicators(
    rows: Iterable[Row], catalogue: Catalogue | None, day: dt.date
) -> tuple[IndicatorRow, ...]:
    return tuple(
        IndicatorRow(row.id, row.needs_funding is True, standing)
        for row in rows
        for standing in row_standings(row, catalogue, day)
        if standing.latest is not None
    )
