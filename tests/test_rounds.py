"""The one rule for rounds: which round an entry belongs to, corrections, the state at a round."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from planctl import rounds
from planctl.errors import UsageError
from planctl.models import Plan, Row, Status
from planctl.progress import RowState
from planctl.query import RowFilter, match_since
from planctl.report import Moment, build_report, note_entry, state_at
from planctl.summary import latest_follow_up
from planctl.views.history import history_views
from planctl.writing.correction import CorrectionRequest, prepare_correction
from planctl.writing.status import StatusRequest, prepare_status

TODAY = dt.date(2026, 11, 23)


def _plan(*history: list[dict[str, Any]]) -> Plan:
    rows = [
        {
            "id": f"R-{n}",
            "område": "a",
            "förslag": f"Förslag {n}",
            "ansvar": "Chef",
            "start": "Hösten 2017",
            "historik": entries,
        }
        for n, entries in enumerate(history, 1)
    ]
    return Plan.model_validate(
        {
            "plan": {"id": "p", "titel": "Plan", "organisation": "Kommun"},
            "uppföljningar": [
                {"id": "2018-05", "namn": "Maj", "datum": "2018-05-31"},
                {"id": "2018-10", "namn": "Oktober", "datum": "2018-10-31"},
            ],
            "områden": [{"id": "a", "namn": "A"}],
            "åtgärder": rows,
        }
    )


def _name(state: RowState) -> str | None:
    return state.status.name if state.status else None


def _name_of(status: Status | None) -> str | None:
    return status.name if status else None


def _current(plan: Plan, row: Row) -> str | None:
    return _name_of(plan.status_on(row))


def _e(day: str, status: str, **more: Any) -> dict[str, Any]:
    return {"datum": day, "status": status, **more}


def test_tagged_entry_belongs_to_its_round_whatever_its_date() -> None:
    """An entry tagged 2018-05 but dated today is the May round's, not a later one's."""
    plan = _plan([_e("2026-11-20", "Klart", uppföljning="2018-05")])
    row = plan.rows[0]
    may = Moment(dt.date(2018, 5, 31), "2018-05")
    assert _name(state_at(plan, row, may)) == "Klart"
    assert rounds.has_entry_for(plan, row.history, "2018-05")
    assert not rounds.has_entry_for(plan, row.history, "2018-10")


def test_untagged_entry_belongs_to_first_round_on_or_after_its_date() -> None:
    """Untagged: June belongs to October; after the last round it belongs to none."""
    plan = _plan([_e("2018-06-10", "Påbörjat"), _e("2019-01-10", "Klart")])
    row = plan.rows[0]
    assert [c.round_id for c in rounds.counted(plan, row.history)] == ["2018-10", None]
    assert _name(state_at(plan, row, Moment(dt.date(2018, 5, 31), "2018-05"))) is None
    assert _name(state_at(plan, row, Moment(dt.date(2018, 10, 31), "2018-10"))) == "Påbörjat"
    assert _current(plan, row) == "Klart"


def test_state_at_round_orders_by_round_before_position() -> None:
    """A late-recorded entry for an earlier round does not override the later round's state."""
    plan = _plan(
        [
            _e("2018-10-20", "Klart", uppföljning="2018-10"),
            _e("2018-10-25", "Påbörjat", uppföljning="2018-05"),
        ]
    )
    row = plan.rows[0]
    assert _name(state_at(plan, row, Moment(dt.date(2018, 10, 31), "2018-10"))) == "Klart"
    assert _name(state_at(plan, row, Moment(dt.date(2018, 5, 31), "2018-05"))) == "Påbörjat"


def test_entry_recorded_afterwards_counts_for_its_round_only() -> None:
    """Tagged 2018-05 but appended after October's entry: the current state stays October's,
    on every day, in every view that asks for it."""
    plan = _plan(
        [
            _e("2018-10-31", "Påbörjat", uppföljning="2018-10"),
            _e("2026-11-20", "Ej påbörjat", uppföljning="2018-05"),
        ]
    )
    row = plan.rows[0]
    may = Moment(dt.date(2018, 5, 31), "2018-05")
    assert _name(state_at(plan, row, may)) == "Ej påbörjat"
    assert _current(plan, row) == "Påbörjat"
    assert _name_of(plan.status_on(row, TODAY)) == "Påbörjat"
    today = Moment(TODAY, None)
    assert _name(state_at(plan, row, today)) == "Påbörjat"
    latest = rounds.latest(plan, row.history)
    assert latest is not None and latest.entry.status == "Påbörjat"
    in_force = rounds.on_day(plan, row.history, TODAY)
    assert in_force is not None and in_force.entry.status == "Påbörjat"
    report = build_report(plan, wanted=RowFilter(), as_of=today, produced=TODAY)
    assert [_name_of(r.status) for r in report.rows] == ["Påbörjat"]


def test_corrected_entry_stops_counting_and_the_correction_takes_its_place() -> None:
    """A correction of the May entry changes May's state, not October's; current stays."""
    plan = _plan(
        [
            _e("2018-05-31", "Klart", uppföljning="2018-05"),
            _e("2018-10-31", "Klart", uppföljning="2018-10"),
            _e("2018-11-05", "Påbörjat", uppföljning="2018-05", rättar=1),
        ]
    )
    row = plan.rows[0]
    assert _name(state_at(plan, row, Moment(dt.date(2018, 5, 31), "2018-05"))) == "Påbörjat"
    assert _name(state_at(plan, row, Moment(dt.date(2018, 10, 31), "2018-10"))) == "Klart"
    assert _current(plan, row) == "Klart"
    assert _name_of(plan.status_on(row, dt.date(2018, 6, 1))) == "Påbörjat"
    views = history_views(plan, row)
    assert [(v.number, v.corrected_by, v.entry.corrects) for v in views] == [
        (1, 3, None),
        (2, None, None),
        (3, None, 1),
    ]


def test_chained_corrections_keep_the_last() -> None:
    """Correcting a correction: only the latest counts, in the first entry's place."""
    plan = _plan(
        [
            _e("2018-05-31", "Klart"),
            _e("2018-06-01", "Påbörjat", rättar=1),
            _e("2018-06-02", "Ej påbörjat", rättar=2),
        ]
    )
    row = plan.rows[0]
    assert [c.entry.status for c in rounds.counted(plan, row.history)] == ["Ej påbörjat"]
    assert _current(plan, row) == "Ej påbörjat"


def test_note_shown_comes_from_the_entry_giving_the_status_or_later() -> None:
    """Klart in October without a note shows no note, never May's note for Påbörjat."""
    plan = _plan(
        [
            _e("2018-05-31", "Påbörjat", notering="Maj"),
            _e("2018-10-31", "Klart"),
        ],
        [
            _e("2018-05-31", "Påbörjat", notering="Maj"),
            _e("2018-10-31", "Påbörjat"),
        ],
    )
    october = Moment(dt.date(2018, 10, 31), "2018-10")
    first, second = (rounds.up_to_round(plan, r.history, "2018-10") for r in plan.rows)
    assert note_entry(first) is None
    noted = note_entry(second)
    assert noted is not None and noted.entry.note == "Maj"
    report = build_report(plan, wanted=RowFilter(), as_of=october, produced=TODAY)
    assert [r.note for r in report.rows] == [None, "Maj"]
    assert [_name_of(r.previous_round) for r in report.rows] == ["Påbörjat", "Påbörjat"]
    assert report.previous_round is not None and report.previous_round.round_id == "2018-05"


def test_history_since_round_uses_the_rule() -> None:
    """--since 2018-10 leaves out an entry tagged 2018-05 even when dated in November."""
    plan = _plan(
        [
            _e("2018-05-31", "Påbörjat"),
            _e("2018-11-05", "Klart", uppföljning="2018-10"),
            _e("2018-11-06", "Klart", notering="sent", uppföljning="2018-05"),
        ]
    )
    since = match_since(plan, "2018-10")
    kept = [v.number for v in history_views(plan, since=since)]
    assert kept == [2]


def test_summary_names_the_round_on_its_date() -> None:
    """Entries recorded today for 2018-05 make the latest follow-up 2018-05-31 (2018-05)."""
    plan = _plan([_e("2026-11-20", "Klart", uppföljning="2018-05")])
    latest = latest_follow_up(plan, today=TODAY)
    assert latest is not None and (latest.date, latest.round) == (dt.date(2018, 5, 31), "2018-05")


def test_status_set_round_without_date_uses_the_round_date() -> None:
    """--round R without --date dates the entry on R's date when it has passed."""
    plan = _plan([])
    request = StatusRequest(("R-1",), "Påbörjat", None, round_id="2018-05")
    prepared = prepare_status(plan, request, today=TODAY)
    assert prepared.changes[0].entry.date == dt.date(2018, 5, 31)
    early = prepare_status(plan, request, today=dt.date(2018, 5, 10))
    assert early.changes[0].entry.date == dt.date(2018, 5, 10)


def test_date_on_or_after_next_round_is_refused_with_the_reason() -> None:
    """Tagging a November entry 2018-05 is refused: it says the next round and what to do."""
    plan = _plan([])
    request = StatusRequest(("R-1",), "Påbörjat", dt.date(2018, 10, 31), round_id="2018-05")
    with pytest.raises(UsageError, match=r"nästa uppföljning 2018-10 .* --round 2018-10"):
        prepare_status(plan, request, today=TODAY)


def test_confirmation_once_per_round() -> None:
    """The current status without a note is recorded once per round, then it is a no-op."""
    plan = _plan([_e("2018-05-31", "Påbörjat", uppföljning="2018-05")])
    again = StatusRequest(("R-1",), "Påbörjat", None, round_id="2018-05")
    assert prepare_status(plan, again, today=TODAY).changes == ()
    october = StatusRequest(("R-1",), "Påbörjat", None, round_id="2018-10")
    confirmed = prepare_status(plan, october, today=TODAY).changes
    assert [(c.entry.status, c.entry.note, c.entry.round) for c in confirmed] == [
        ("Påbörjat", None, "2018-10")
    ]


def test_correction_names_the_entry_and_keeps_its_round() -> None:
    """status correct by date or number appends rättar: N in the corrected entry's round."""
    plan = _plan([_e("2018-05-31", "Klart"), _e("2018-10-31", "Klart")])
    by_date = prepare_correction(
        plan, CorrectionRequest("R-1", "2018-05-31", "Påbörjat", note="Fel"), today=TODAY
    )
    entry = by_date.changes[0].entry
    assert (entry.corrects, entry.round, entry.date) == (1, "2018-05", TODAY)
    assert _name_of(by_date.changes[0].previous) == "Klart"
    with pytest.raises(UsageError, match="ingen post nummer 3"):
        prepare_correction(plan, CorrectionRequest("R-1", "3", "Påbörjat"), today=TODAY)


def test_round_ranker_places_entries_as_round_of_does() -> None:
    """The ranker sorts the rounds once; it must place every entry where round_of does: rounds
    out of date order in the file, two rounds on one date, unknown tags, days after them all."""
    plan = Plan.model_validate(
        {
            "plan": {"id": "p", "titel": "Plan", "organisation": "Kommun"},
            "uppföljningar": [
                {"id": "2018-10", "namn": "Oktober", "datum": "2018-10-31"},
                {"id": "2018-05", "namn": "Maj", "datum": "2018-05-31"},
                {"id": "2018-05b", "namn": "Maj igen", "datum": "2018-05-31"},
            ],
            "områden": [{"id": "a", "namn": "A"}],
            "åtgärder": [],
        }
    )
    ordered = plan.rounds_by_date()
    rank = plan.round_ranker()
    days = [dt.date(2018, 1, 1), dt.date(2018, 5, 31), dt.date(2018, 6, 1), dt.date(2019, 1, 1)]
    for day in days:
        for tag in (None, "2018-10", "2018-05", "2018-05b", "okänd"):
            found = plan.round_of(day, tag)
            expected = ordered.index(found) if found is not None else len(ordered)
            assert rank(day, tag) == expected, (day, tag)


def test_refused_date_hint_names_the_date_the_entry_would_get() -> None:
    """A --date refused for a row's order hints at what leaving it out does: recorded afterwards
    only when the round's date lies before the row's last entry, else dated on the round."""
    skipped = _plan([_e("2018-10-31", "Klart", uppföljning="2018-10")])
    before_last = StatusRequest(("R-1",), "Påbörjat", dt.date(2018, 5, 31), round_id="2018-05")
    with pytest.raises(UsageError, match=r"utan --date registreras posten i efterhand för 2018-05"):
        prepare_status(skipped, before_last, today=TODAY)
    late = StatusRequest(("R-1",), "Påbörjat", dt.date(2018, 11, 5), round_id="2018-05")
    with pytest.raises(UsageError, match=r"utan --date registreras posten i efterhand för 2018-05"):
        prepare_status(skipped, late, today=TODAY)
    early = _plan([_e("2018-06-15", "Påbörjat", uppföljning="2018-10")])
    october = StatusRequest(("R-1",), "Klart", dt.date(2018, 6, 1), round_id="2018-10")
    with pytest.raises(UsageError) as refused:
        prepare_status(early, october, today=TODAY)
    assert "utan --date dateras posten 2018-10-31" in str(refused.value)
    assert "i efterhand" not in str(refused.value)
