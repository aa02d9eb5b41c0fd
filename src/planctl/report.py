"""The follow-up report as plain data (``planctl report`` and ``planctl diff``).

Knows no output format. The report is a tree of frozen dataclasses:
a :class:`Report` has one :class:`Section` per area with its :class:`ReportRow` values and
:class:`Counts`. Every status, note and delay in it is as of one :class:`Moment`; a report of
changes also carries the earlier moment and keeps only the rows whose status moved between them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from planctl import rounds
from planctl.counts import Costs as Costs  # re-exported: the report's tallies
from planctl.counts import Counts as Counts
from planctl.indicators import Standing, row_standings
from planctl.models import (
    Assessment,
    Catalogue,
    HistoryEntry,
    Plan,
    Row,
    Status,
)
from planctl.moments import Moment as Moment  # re-exported: reports are named by moments
from planctl.moments import choose_moments as choose_moments
from planctl.moments import diff_moments as diff_moments
from planctl.moments import moment_of as moment_of
from planctl.progress import (
    Late,
    RowState,
    owners_label,
    state_at_round,
    state_on,
    status_label,
)
from planctl.query import RowFilter, filter_rows
from planctl.rounds import Counted


@dataclass(frozen=True)
class ReportRow:
    """One row of the follow-up table, as of the report's moment.

    ``status`` is ``None`` when the row has not been followed up by then. ``previous`` is set
    only in a report of changes: the status at the earlier moment (``None``: not followed up).
    ``previous_round`` is the status at the round before a round report's (*Förra
    uppföljningen*). ``note`` is the note of the entry that gives the status, or of a later one.
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
    previous_round: Status | None = None

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
    assessments: tuple[Assessment, ...] = ()
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
    A round report carries the round before it (``previous_round``) and the group's
    assessments of the plan for the round (each section has its area's).
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
    previous_round: Moment | None = None
    assessments: tuple[Assessment, ...] = ()
    costs: Costs = field(default_factory=Costs)

    @property
    def is_changes(self) -> bool:
        """Whether this report lists only the rows whose status moved since ``since``."""
        return self.since is not None

    @property
    def rows(self) -> tuple[ReportRow, ...]:
        """Every row shown, area by area."""
        return tuple(row for section in self.sections for row in section.rows)


def state_entries(plan: Plan, row: Row, moment: Moment) -> tuple[Counted[HistoryEntry], ...]:
    """The counted entries of ``row`` at ``moment``: up to its round (the one rule for rounds,
    :mod:`planctl.rounds`), or in force on its day."""
    if moment.round_id is not None and plan.round(moment.round_id) is not None:
        return rounds.up_to_round(plan, row.history, moment.round_id)
    return rounds.up_to_day(plan, row.history, moment.day)


def state_at(plan: Plan, row: Row, moment: Moment) -> RowState:
    """Where ``row`` stood at ``moment`` (a round by the one rule for rounds, else a day)."""
    if moment.round_id is not None and plan.round(moment.round_id) is not None:
        return state_at_round(plan, row, moment.round_id)
    return state_on(plan, row, moment.day)


def note_entry(found: Sequence[Counted[HistoryEntry]]) -> Counted[HistoryEntry] | None:
    """The entry whose note goes with the current status: the latest note since it was set."""
    if not found:
        return None
    current = found[-1].entry.status
    start = len(found) - 1
    while start > 0 and found[start - 1].entry.status == current:
        start -= 1
    noted = [c for c in found[start:] if c.entry.note is not None]
    return noted[-1] if noted else None


def report_row(
    plan: Plan,
    row: Row,
    moment: Moment,
    *,
    previous: Status | None = None,
    previous_round: Status | None = None,
) -> ReportRow:
    """``row`` as it stood at ``moment``."""
    state = state_at(plan, row, moment)
    found = note_entry(state_entries(plan, row, moment))
    noted = found.entry if found else None
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
        previous_round=previous_round,
    )


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
    rows = filter_rows(plan, wanted, status_of=lambda row: state_at(plan, row, as_of).status)
    before_round = rounds.previous_round(plan, as_of.round_id) if as_of.round_id else None
    earlier = (
        Moment(before_round.date, before_round.id, before_round.name) if before_round else None
    )
    sections: list[Section] = []
    for area in plan.areas:
        in_area = [row for row in rows if row.area == area.id]
        empty_area = not any(row.area == area.id for row in plan.rows)
        if not in_area and not (empty_area and wanted.area in (None, area.id)):
            continue
        now = [
            report_row(
                plan,
                row,
                as_of,
                previous_round=state_at(plan, row, earlier).status if earlier else None,
            )
            for row in in_area
        ]
        counts = counts_of(plan, now)
        previous_counts = None
        if since is not None:
            before = [report_row(plan, row, since) for row in in_area]
            previous_counts = counts_of(plan, before)
            now = [
                report_row(plan, row, as_of, previous=old.status)
                for row, new, old in zip(in_area, now, before, strict=True)
                if new.status != old.status
            ]
        assessed = plan_assessments(plan, as_of, area.id)
        sections.append(
            Section(
                area.id,
                area.name,
                tuple(now),
                counts,
                previous_counts,
                empty_area,
                costs=Costs.of(in_area),
                assessments=assessed,
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
        previous_round=earlier if since is None else None,
        assessments=plan_assessments(plan, as_of, None),
        costs=Costs.of(rows),
    )


def plan_assessments(plan: Plan, moment: Moment, area_id: str | None) -> tuple[Assessment, ...]:
    """The group's assessments of ``moment``'s round for ``area_id`` (``None``: the plan)."""
    if moment.round_id is None:
        return ()
    return tuple(a for a in plan.assessments if a.round == moment.round_id and a.area == area_id)


def counts_of(plan: Plan, rows: Iterable[ReportRow]) -> Counts:
    """The counts of report rows over the plan's scale: what every summary, area heading and
    chart of a report shows."""
    return Counts.of_states(plan.scale, ((r.status, r.late) for r in rows))


def counts_on(plan: Plan, rows: Iterable[Row], moment: Moment) -> Counts:
    """The counts of ``rows`` as they stood at ``moment`` (a round: by the one rule)."""
    return counts_of(plan, (report_row(plan, row, moment) for row in rows))


def progress_of(plan: Plan, rows: Iterable[Row], *, until: dt.date) -> tuple[RoundCounts, ...]:
    """The counts of ``rows`` at each follow-up round held by ``until``, oldest first.

    Areas appear in the plan's order, each only when it has rows among ``rows``; the counts are
    the ones the report's tables would show for the same rows on the round's day.
    """
    rows = list(rows)
    by_area = [(a.id, [r for r in rows if r.area == a.id]) for a in plan.areas]
    by_area = [(area_id, members) for area_id, members in by_area if members]
    moments = [
        Moment(held.date, held.id, held.name)
        for held in rounds.rounds_in_order(plan)
        if held.date <= until
    ]
    return tuple(
        RoundCounts(
            moment,
            tuple((area_id, counts_on(plan, members, moment)) for area_id, members in by_area),
            counts_on(plan, rows, moment),
        )
        for moment in moments
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
