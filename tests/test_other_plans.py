"""A plan unlike Borås: its own status scale, quarters, tertials, ranges, deadlines, open timing,
several owners or none, costs, and an area without rows. Every count is worked out by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from planctl.errors import UsageError
from planctl.models import Meaning, Plan
from planctl.progress import Late, state_on
from planctl.query import RowFilter, filter_rows, match_status, row_filter
from planctl.report import Counts, Moment, build_report
from planctl.store import load_data_dir
from planctl.summary import plan_summary
from tests.conftest import FIXTURES, TODAY

OTHER = FIXTURES / "other_scale"


@pytest.fixture
def plan() -> Plan:
    """Exempelstad's plan with Genomförd / Pågår / Ej påbörjad / Ej aktuell."""
    return load_data_dir(OTHER, today=TODAY).require_valid().plan().model


def _report(plan: Plan, day: dt.date = TODAY, **wanted: object) -> Counts:
    return build_report(
        plan,
        wanted=RowFilter(**wanted),  # type: ignore[arg-type]
        as_of=Moment(day),
        produced=day,
    ).counts


def _per_status(counts: Counts) -> dict[str, int]:
    return {status.name: n for status, n in counts.per_status}


def test_plan_with_its_own_scale_validates_without_errors() -> None:
    """The plan loads; the only remarks are the row without owner and the row not followed up."""
    data = load_data_dir(OTHER, today=TODAY)
    assert not data.errors
    assert sorted((p.rule, p.line) for p in data.problems) == [
        ("missing-round-entry", 79),
        ("no-responsible", 61),
    ]


def test_scale_is_the_plans_own_in_its_order(plan: Plan) -> None:
    """The plan's statuses, in file order, with their meanings."""
    assert [(s.name, s.meaning) for s in plan.scale] == [
        ("Genomförd", Meaning.DONE),
        ("Pågår", Meaning.UNDER_WAY),
        ("Ej påbörjad", Meaning.NOT_STARTED),
        ("Ej aktuell", Meaning.DROPPED),
    ]


def test_counts_lateness_and_not_followed_up_by_hand(plan: Plan) -> None:
    """On 2026-11-23: Rekrytering R-1 Genomförd, R-2 Ej påbörjad with Q3 2026 over (start
    försenad), R-3 Pågår with its deadline December 2026 ahead, R-8 Pågår past its deadline March
    2026 (slutdatum passerat); Arbetsmiljö R-4 without entries (ej uppföljd), R-5 Pågår past the end
    of its range 2024–2025, R-6 Ej påbörjad but löpande (never late), R-7 Ej aktuell."""
    rows = {row.id: state_on(plan, row, TODAY) for row in plan.rows}
    assert {row_id: state.late for row_id, state in rows.items()} == {
        "R-1": None,
        "R-2": Late.START,
        "R-3": None,
        "R-8": Late.END,
        "R-4": None,
        "R-5": Late.END,
        "R-6": None,
        "R-7": None,
    }
    assert not rows["R-4"].followed_up
    report = build_report(plan, wanted=RowFilter(), as_of=Moment(TODAY), produced=TODAY)
    recruiting, environment, skills = report.sections
    assert _per_status(recruiting.counts) == {
        "Genomförd": 1,
        "Pågår": 2,
        "Ej påbörjad": 1,
        "Ej aktuell": 0,
    }
    assert (recruiting.counts.not_followed_up, recruiting.counts.start_late) == (0, 1)
    assert recruiting.counts.end_late == 1
    assert recruiting.counts.share_done == pytest.approx(1 / 4)
    assert _per_status(environment.counts) == {
        "Genomförd": 0,
        "Pågår": 1,
        "Ej påbörjad": 1,
        "Ej aktuell": 1,
    }
    assert (environment.counts.not_followed_up, environment.counts.delayed) == (1, 1)
    # The dropped row is neither done nor left to do: 0 of 3.
    assert environment.counts.share_done == 0.0
    assert (skills.area_name, skills.rows, skills.counts.total) == ("Kompetensutveckling", (), 0)
    total = report.counts
    assert _per_status(total) == {"Genomförd": 1, "Pågår": 3, "Ej påbörjad": 2, "Ej aktuell": 1}
    assert (total.total, total.not_followed_up, total.delayed) == (8, 1, 3)
    assert total.share_done == pytest.approx(1 / 7)


def test_nothing_is_late_before_the_periods_end(plan: Plan) -> None:
    """On the day of the round (2026-08-31) Q3 2026 is still running: only the passed deadline
    (R-8, March 2026) and the passed range (R-5, 2024–2025) are late."""
    late = {row.id: state_on(plan, row, dt.date(2026, 8, 31)).late for row in plan.rows}
    assert {k: v for k, v in late.items() if v} == {"R-8": Late.END, "R-5": Late.END}


def test_summary_counts_by_meaning(plan: Plan) -> None:
    """The summary counts what statuses mean, whatever the plan calls them."""
    summary = plan_summary(plan, today=TODAY)
    assert (summary.done, summary.under_way, summary.not_started, summary.dropped) == (1, 3, 2, 1)
    assert (summary.not_followed_up, summary.delayed, summary.rows) == (1, 3, 8)
    assert summary.share_done == pytest.approx(1 / 7)


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("pågår", "Pågår"),
        ("pagar", "Pågår"),
        ("PÅGÅR", "Pågår"),
        ("pågående", "Pågår"),  # a word for the meaning, not a name of the plan
        ("genomford", "Genomförd"),
        ("klart", "Genomförd"),
        ("ej-paborjad", "Ej påbörjad"),
        ("Ej Påbörjad", "Ej påbörjad"),
        ("ej påbörjat", "Ej påbörjad"),
        ("struken", "Ej aktuell"),  # the plan's alias
        ("avbruten", "Ej aktuell"),
        ("ej-aktuell", "Ej aktuell"),
    ],
)
def test_status_words_follow_the_plans_scale(plan: Plan, typed: str, name: str) -> None:
    """Names, ids, aliases and words for a meaning find the plan's status, without regard to
    case, å/ä/ö or hyphens."""
    assert match_status(plan, typed).name == name


def test_wrong_status_word_lists_the_plans_statuses(plan: Plan) -> None:
    """A word no status is called lists this plan's statuses, not Borås's."""
    with pytest.raises(UsageError) as caught:
        match_status(plan, "påbörjat-ish")
    assert "Genomförd, Pågår, Ej påbörjad, Ej aktuell" in caught.value.message
    assert "Klart" not in caught.value.message


def test_filter_not_followed_up_and_any_owner(plan: Plan) -> None:
    """--status ej-uppföljd finds rows without entries; --responsible matches any owner."""
    unfollowed = filter_rows(plan, row_filter(plan, status="ej-uppfoljd"), as_of=TODAY)
    assert [r.id for r in unfollowed] == ["R-4"]
    by_owner = filter_rows(plan, row_filter(plan, responsible="kommunikations"))
    assert [r.id for r in by_owner] == ["R-8"]
    second_owner = filter_rows(plan, row_filter(plan, responsible="Förvaltningschef"))
    assert [r.id for r in second_owner] == ["R-1", "R-4", "R-6", "R-7"]


def test_start_filter_takes_any_period(plan: Plan) -> None:
    """--start keeps rows whose start period lies inside the period typed."""
    in_2026 = filter_rows(plan, row_filter(plan, start="2026"))
    assert [r.id for r in in_2026] == ["R-2", "R-3"]
    autumn = filter_rows(plan, row_filter(plan, start="hösten 2025"))
    assert [r.id for r in autumn] == ["R-7"]


def test_owners_and_money(plan: Plan) -> None:
    """Owners are a tuple (empty when none); funding is unknown unless stated; costs are exact."""
    rows = {row.id: row for row in plan.rows}
    assert rows["R-1"].owners == ("Kommunchef", "Förvaltningschef")
    assert rows["R-3"].owners == ()
    assert [rows[i].needs_funding for i in ("R-1", "R-4", "R-2")] == [True, False, None]
    cost = rows["R-1"].cost
    assert cost is not None and (cost.amount, cost.basis.value if cost.basis else None) == (
        15000,
        "engång",
    )
    posts = rows["R-2"].cost
    assert posts is not None and posts.amount is None and posts.text == "1+1 årsarbetare"


def test_shipped_plan_data_dir_has_one_plan(tmp_path: Path) -> None:
    """The fixture directory holds only this plan (no catalogue is needed)."""
    assert [p.name for p in OTHER.iterdir()] == ["exempelstad.yaml"]


# --- several plans ---------------------------------------------------------------------------


@pytest.fixture
def two_plans(data_dir: Path) -> Path:
    """The shipped Borås data with Exempelstad's plan beside it."""
    (data_dir / "exempelstad.yaml").write_bytes((OTHER / "exempelstad.yaml").read_bytes())
    return data_dir


@pytest.mark.parametrize(
    ("typed", "plan_id"),
    [
        ("exempelstad-2025", "exempelstad-2025"),
        ("exempel", "exempelstad-2025"),
        ("EXEMPELSTAD", "exempelstad-2025"),
        ("boras", "boras-socialsekreterare-2017"),
        ("Borås Stad", "boras-socialsekreterare-2017"),
    ],
)
def test_plan_matches_like_areas(two_plans: Path, typed: str, plan_id: str) -> None:
    """--plan matches a plan's id or organisation in any case, without å/ä/ö, or by prefix."""
    data = load_data_dir(two_plans, today=TODAY)
    assert data.plan(typed).model.meta.id == plan_id


def test_row_id_in_one_plan_needs_no_plan(two_plans: Path) -> None:
    """A row id that only one plan has chooses that plan; otherwise the plans are listed."""
    data = load_data_dir(two_plans, today=TODAY)
    assert data.plan(row_ids=("r-8",)).model.meta.id == "exempelstad-2025"
    assert data.plan(row_ids=("LB-4", "KP-10")).model.meta.id == "boras-socialsekreterare-2017"
    with pytest.raises(UsageError, match=r"flera planer.*boras-socialsekreterare-2017"):
        data.plan()
    with pytest.raises(UsageError, match="flera planer"):
        data.plan(row_ids=("R-1", "LB-1"))
    with pytest.raises(UsageError, match="okänd plan 'malmo'"):
        data.plan("malmo")


def test_summary_over_two_scales_compares_by_meaning(two_plans: Path) -> None:
    """Borås (no follow-up yet) and Exempelstad (its own scale) side by side, by meaning."""
    from planctl.summary import summarise

    data = load_data_dir(two_plans, today=TODAY)
    summary = summarise(data.require_catalogue(), [p.model for p in data.plans], today=TODAY)
    got = {
        p.plan_id: (p.rows, p.done, p.under_way, p.not_started, p.dropped, p.not_followed_up)
        for p in summary.plans
    }
    assert got == {
        "boras-socialsekreterare-2017": (27, 0, 0, 0, 0, 27),
        "exempelstad-2025": (8, 1, 3, 2, 1, 1),
    }
    assert [p.delayed for p in summary.plans] == [0, 3]


def test_readme_example_plan_validates(tmp_path: Path) -> None:
    """The README's complete example (five statuses, quarters, a deadline) is a valid plan: its
    only remark is the row it shows without an owner."""
    from tests.conftest import DATA, REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Ett komplett exempel") :]
    example = section[section.index("```yaml\n") + 8 : section.index("```\n", 10)]
    (tmp_path / "measures.yaml").write_bytes((DATA / "measures.yaml").read_bytes())
    (tmp_path / "exempel.yaml").write_text(example, encoding="utf-8")
    data = load_data_dir(tmp_path, today=TODAY)
    assert [(p.rule, p.severity.value) for p in data.problems] == [("no-responsible", "varning")]
    plan = data.plan().model
    assert len(plan.scale) == 5
    (first, second) = plan.rows
    assert first.end_window is not None and first.end_window.last == dt.date(2026, 12, 31)
    assert second.start_window is not None and second.start_window.first == dt.date(2026, 5, 1)
