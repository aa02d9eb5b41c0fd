"""The follow-up report as data: statuses, notes, delays and counts as of a moment."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planctl.errors import UsageError
from planctl.models import DEFAULT_STATUSES, Plan, Status
from planctl.progress import Late
from planctl.query import RowFilter
from planctl.report import Counts, Moment, Report, build_report, choose_moments, moment_of
from planctl.store import load_data_dir
from tests.conftest import DATA, TODAY

PRODUCED = dt.datetime(2026, 11, 23, 9, 30)
DONE, STARTED, NOT_STARTED = DEFAULT_STATUSES


def counts(done: int, started: int, not_started: int, unfollowed: int, start_late: int) -> Counts:
    """Counts over Borås's scale (Klart, Påbörjat, Ej påbörjat)."""
    per = ((DONE, done), (STARTED, started), (NOT_STARTED, not_started))
    return Counts(per, unfollowed, start_late)


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


def statuses(rep: Report) -> dict[str, Status | None]:
    return {row.id: row.status for row in rep.rows}


def test_plan_without_history_is_not_followed_up_and_never_late() -> None:
    """With no history every row is *ej uppföljd* (not "Ej påbörjat") and none is late: the
    appendix is blank before the first follow-up."""
    rep = report(load_plan(DATA), TODAY)
    assert rep.counts == counts(0, 0, 0, 27, 0)
    assert all(row.status is None and row.late is None for row in rep.rows)
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
    assert may["LB-1"].status == STARTED
    assert may["LB-1"].note == "Ingår i löneöversynen 2018"
    assert may["LB-1"].note_date == dt.date(2018, 5, 20)
    assert october["LB-1"].status == DONE
    assert october["LB-1"].status_date == dt.date(2018, 10, 15)
    assert october["KP-2"].status == NOT_STARTED
    assert october["LB-3"].status is None  # no entry at all: not followed up
    # AV-6 has an entry without a note: the status moves, there is no note to show.
    assert may["AV-6"].status == STARTED and may["AV-6"].note is None


def test_note_is_the_latest_with_text(plan: Plan) -> None:
    """An entry without a note keeps the earlier note as the latest one."""
    rows = {row.id: row for row in report(plan, TODAY).rows}
    assert rows["LB-4"].note is not None and rows["LB-4"].note.startswith("=SUMMA")
    assert rows["AV-3"].note is not None and "<script>" in rows["AV-3"].note


def test_delay_needs_an_ended_start_term(plan: Plan) -> None:
    """Ej påbörjat rows are delayed only after their start term's last day; rows not followed
    up and done rows never are."""
    before_end = {r.id: r for r in report(plan, dt.date(2018, 6, 30)).rows}
    after_end = {r.id: r for r in report(plan, dt.date(2018, 10, 31)).rows}
    # KP-2 starts in Våren 2018 (ends 2018-06-30) and is Ej påbörjat from 2018-10-25.
    assert after_end["KP-2"].late is Late.START
    assert not before_end["KP-2"].delayed  # still Påbörjat then
    assert not after_end["AV-5"].delayed  # HT2017 is over, but AV-5 was never followed up
    assert not after_end["LB-4"].delayed  # done rows are never delayed
    assert report(plan, dt.date(2018, 10, 31)).counts.delayed == 1


def test_counts_per_area_and_whole_plan(plan: Plan) -> None:
    """Counts add up per area and for the whole plan, with the share done."""
    rep = report(plan, dt.date(2018, 10, 31))
    first = rep.sections[0]
    # Lönebildning: LB-1, LB-2, LB-4, LB-5 Klart; LB-6 Påbörjat; LB-3 never followed up.
    assert first.counts == counts(4, 1, 0, 1, 0)
    assert first.counts.share_done == pytest.approx(4 / 6)
    # Klart 9 (LB-1/2/4/5, AV-2/8, KP-1/7/9), Påbörjat 5 (LB-6, AV-1/3/4/6), Ej påbörjat 1
    # (KP-2, late), 12 rows without any entry.
    assert rep.counts == counts(9, 5, 1, 12, 1)
    assert rep.counts.total == 27
    assert Counts(()).share_done == 0.0


def test_filters_use_the_status_on_the_day_shown(plan: Plan) -> None:
    """--status narrows by the status as of the moment, and empty areas are left out."""
    rep = report(plan, dt.date(2018, 5, 31), status=DONE)
    assert statuses(rep) == {"LB-4": DONE, "KP-7": DONE, "KP-9": DONE}
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
        "LB-1": (STARTED, DONE),
        "LB-2": (STARTED, DONE),
        "LB-5": (STARTED, DONE),
        "LB-6": (None, STARTED),
        "AV-2": (STARTED, DONE),
        "AV-3": (None, STARTED),
        "AV-8": (None, DONE),
        "KP-1": (None, DONE),
        "KP-2": (STARTED, NOT_STARTED),
    }
    assert rep.is_changes
    # On 2018-05-31: Klart LB-4, KP-7, KP-9; Påbörjat LB-1/2/5, AV-1/2/4/6, KP-2; 16 without.
    assert rep.previous_counts == counts(3, 8, 0, 16, 0)
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
        (
            {"round_id": "2019-05"},
            "okänd uppföljning '2019-05' – menade du '2018-05'? giltiga: 2018-05, 2018-10",
        ),
        ({"as_of": "31/5 2018"}, "inget giltigt datum"),
        (
            {"changes_since": "maj"},
            "varken en uppföljning (2018-05, 2018-10) eller ett giltigt datum",
        ),
        ({"round_id": "2018-05", "changes_since": "2018-10"}, "ligger efter"),
    ],
)
def test_bad_moments_are_usage_errors(plan: Plan, options: dict[str, str], message: str) -> None:
    """Unknown rounds, unreadable dates and reversed ranges are usage errors saying why."""
    with pytest.raises(UsageError) as caught:
        choose_moments(plan, today=TODAY, **options)
    assert message in caught.value.message
