"""The follow-up report as data: statuses, notes, delays and counts as of a moment."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planctl.errors import UsageError
from planctl.models import Plan, Status
from planctl.query import RowFilter
from planctl.report import Counts, Moment, Report, build_report, choose_moments, moment_of
from planctl.store import load_data_dir
from tests.conftest import DATA, TODAY

PRODUCED = dt.datetime(2026, 11, 23, 9, 30)


def load_plan(root: Path) -> Plan:
    return load_data_dir(root, today=TODAY).require_valid().plan().model


@pytest.fixture
def plan(history_dir: Path) -> Plan:
    """The Borås plan with the fixture history."""
    return load_plan(history_dir)


def report(plan: Plan, day: dt.date, since: dt.date | None = None, **wanted: object) -> Report:
    return build_report(
        plan,
        wanted=RowFilter(**wanted),  # type: ignore[arg-type]
        as_of=Moment(day),
        since=Moment(since) if since else None,
        produced=PRODUCED,
    )


def statuses(rep: Report) -> dict[str, Status]:
    return {row.id: row.status for row in rep.rows}


def test_plan_without_history_is_all_not_started_and_delayed() -> None:
    """With no history every row is Ej påbörjat, and delayed once its start term has ended."""
    rep = report(load_plan(DATA), TODAY)
    assert rep.counts == Counts(done=0, started=0, not_started=27, delayed=27)
    assert [s.area_name for s in rep.sections] == [
        "Lönebildning",
        "Arbetsvillkor",
        "Kompetens- och personalförsörjning",
    ]
    assert [len(s.rows) for s in rep.sections] == [6, 10, 11]
    assert all(row.note is None and row.status_date is None for row in rep.rows)


def test_status_and_note_follow_the_moment(plan: Plan) -> None:
    """A row shows the status and the latest note recorded on or before the day shown."""
    may = {row.id: row for row in report(plan, dt.date(2018, 5, 31)).rows}
    october = {row.id: row for row in report(plan, dt.date(2018, 10, 31)).rows}
    assert may["LB-1"].status is Status.STARTED
    assert may["LB-1"].note == "Ingår i löneöversynen 2018"
    assert may["LB-1"].note_date == dt.date(2018, 5, 20)
    assert october["LB-1"].status is Status.DONE
    assert october["LB-1"].status_date == dt.date(2018, 10, 15)
    assert october["KP-2"].status is Status.NOT_STARTED
    # AV-6 has an entry without a note: the status moves, there is no note to show.
    assert may["AV-6"].status is Status.STARTED and may["AV-6"].note is None


def test_note_is_the_latest_with_text(plan: Plan) -> None:
    """An entry without a note keeps the earlier note as the latest one."""
    rows = {row.id: row for row in report(plan, TODAY).rows}
    assert rows["LB-4"].note is not None and rows["LB-4"].note.startswith("=SUMMA")
    assert rows["AV-3"].note is not None and "<script>" in rows["AV-3"].note


def test_delay_needs_an_ended_start_term(plan: Plan) -> None:
    """Ej påbörjat rows are delayed only after their start term's last day."""
    before_end = {r.id: r for r in report(plan, dt.date(2017, 12, 31)).rows}
    after_end = {r.id: r for r in report(plan, dt.date(2018, 1, 1)).rows}
    assert not before_end["AV-5"].delayed  # HT2017 ends 2017-12-31
    assert after_end["AV-5"].delayed
    assert not after_end["LB-3"].delayed  # VT2018 has not ended
    assert not after_end["LB-4"].delayed  # done rows are never delayed
    assert report(plan, dt.date(2018, 10, 31)).counts.delayed == 13


def test_counts_per_area_and_whole_plan(plan: Plan) -> None:
    """Counts add up per area and for the whole plan, with the share done."""
    rep = report(plan, dt.date(2018, 10, 31))
    first = rep.sections[0]
    assert first.counts == Counts(done=4, started=1, not_started=1, delayed=1)
    assert first.counts.share_done == pytest.approx(4 / 6)
    assert rep.counts == Counts(done=9, started=5, not_started=13, delayed=13)
    assert rep.counts.total == 27
    assert Counts().share_done == 0.0


def test_filters_use_the_status_on_the_day_shown(plan: Plan) -> None:
    """--status narrows by the status as of the moment, and empty areas are left out."""
    rep = report(plan, dt.date(2018, 5, 31), status=Status.DONE)
    assert statuses(rep) == {"LB-4": Status.DONE, "KP-7": Status.DONE, "KP-9": Status.DONE}
    assert [s.area_id for s in rep.sections] == [
        "lönebildning",
        "kompetens-och-personalförsörjning",
    ]
    only_area = report(plan, TODAY, area="arbetsvillkor", responsible="lokal")
    assert list(statuses(only_area)) == ["AV-2", "AV-3"]
    assert only_area.filters.area_name == "Arbetsvillkor"
    assert only_area.filters.active


def test_changes_keep_only_rows_that_moved(plan: Plan) -> None:
    """A report of changes lists rows whose status differs between the two days, from → to."""
    rep = report(plan, dt.date(2018, 10, 31), since=dt.date(2018, 5, 31))
    moved = {row.id: (row.previous, row.status) for row in rep.rows}
    assert moved == {
        "LB-1": (Status.STARTED, Status.DONE),
        "LB-2": (Status.STARTED, Status.DONE),
        "LB-5": (Status.STARTED, Status.DONE),
        "LB-6": (Status.NOT_STARTED, Status.STARTED),
        "AV-2": (Status.STARTED, Status.DONE),
        "AV-3": (Status.NOT_STARTED, Status.STARTED),
        "AV-8": (Status.NOT_STARTED, Status.DONE),
        "KP-1": (Status.NOT_STARTED, Status.DONE),
        "KP-2": (Status.STARTED, Status.NOT_STARTED),
    }
    assert rep.is_changes
    assert rep.previous_counts == Counts(done=3, started=8, not_started=16, delayed=10)
    assert rep.counts.done == 9
    # AV-1 and AV-4 have new entries but the same status: not a change.
    assert "AV-1" not in moved and "AV-4" not in moved


def test_no_changes_between_the_same_day(plan: Plan) -> None:
    """Comparing a day with itself moves nothing, but keeps the areas and their counts."""
    rep = report(plan, TODAY, since=TODAY)
    assert rep.rows == ()
    assert len(rep.sections) == 3
    assert rep.previous_counts == rep.counts


def test_moments_from_rounds_and_dates(plan: Plan) -> None:
    """--round is the round's date, --as-of a date; --changes-since takes either."""
    shown, since = choose_moments(plan, today=TODAY, round_id="2018-10", changes_since="2018-05")
    assert shown == Moment(dt.date(2018, 10, 31), "2018-10", "Uppföljning oktober 2018")
    assert since == Moment(dt.date(2018, 5, 31), "2018-05", "Uppföljning maj 2018")
    assert choose_moments(plan, today=TODAY, as_of="2018-06-15") == (
        Moment(dt.date(2018, 6, 15)),
        None,
    )
    assert choose_moments(plan, today=TODAY) == (Moment(TODAY), None)
    assert moment_of(plan, "2018-06-01") == Moment(dt.date(2018, 6, 1))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"round_id": "2018-05", "as_of": "2018-06-01"}, "inte båda"),
        ({"round_id": "2019-05"}, "okänd uppföljning '2019-05'; giltiga: 2018-05, 2018-10"),
        ({"as_of": "31/5 2018"}, "inget datum"),
        ({"changes_since": "maj"}, "varken en uppföljning (2018-05, 2018-10) eller ett datum"),
        ({"round_id": "2018-05", "changes_since": "2018-10"}, "ligger efter"),
    ],
)
def test_bad_moments_are_usage_errors(plan: Plan, options: dict[str, str], message: str) -> None:
    """Unknown rounds, unreadable dates and reversed ranges are usage errors saying why."""
    with pytest.raises(UsageError) as caught:
        choose_moments(plan, today=TODAY, **options)
    assert message in caught.value.message
