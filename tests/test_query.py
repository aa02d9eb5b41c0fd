"""Matching what users type, and filtering rows and measures."""

from __future__ import annotations

import pytest

from planctl.errors import UsageError
from planctl.models import DEFAULT_STATUSES, Catalogue, Plan, Status
from planctl.query import (
    RowFilter,
    filter_measures,
    filter_rows,
    match_catalogue_area,
    match_period,
    match_plan_area,
    match_row,
    match_status,
)
from planctl.store import load_data_dir
from tests.conftest import DATA, TODAY

DONE, STARTED, NOT_STARTED = DEFAULT_STATUSES


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_data_dir(DATA, today=TODAY).plan().model


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_data_dir(DATA, today=TODAY).require_catalogue()


@pytest.mark.parametrize(
    ("typed", "area"),
    [
        ("lönebildning", "lönebildning"),
        ("lonebildning", "lönebildning"),
        ("LÖNEVILLKOR", "lönebildning"),
        ("lön", "lönebildning"),
        ("kompetens", "kompetens-och-personalförsörjning"),
        ("Kompetens- och personalförsörjning", "kompetens-och-personalförsörjning"),
        ("arbetsvillkor", "arbetsvillkor"),
    ],
)
def test_plan_area_matching(plan: Plan, typed: str, area: str) -> None:
    """Areas match by id, name or alias, without diacritics, by unique prefix."""
    assert match_plan_area(plan, typed).id == area


def test_unknown_area_lists_valid(plan: Plan) -> None:
    """An unknown area is an error that lists the valid ones."""
    with pytest.raises(UsageError, match="lönebildning, arbetsvillkor, kompetens-och"):
        match_plan_area(plan, "ekonomi")


def test_ambiguous_prefix(plan: Plan) -> None:
    """A prefix shared by several values is an error naming them."""
    # "in" starts both "inte påbörjat" and "in-progress".
    with pytest.raises(UsageError, match=r"tvetydigt.*Påbörjat, Ej påbörjat"):
        match_status(plan, "in")


def test_catalogue_area_matching(catalogue: Catalogue) -> None:
    """Catalogue areas match by name without diacritics and by prefix."""
    assert match_catalogue_area(catalogue, "halsoframjande").id == "hälsofrämjande-ledarskap"
    assert match_catalogue_area(catalogue, "God introduktion").id == "god-introduktion"


@pytest.mark.parametrize(
    ("typed", "status"),
    [
        ("Klart", DONE),
        ("done", DONE),
        ("påbörjat", STARTED),
        ("paborjat", STARTED),
        ("started", STARTED),
        ("pågående", STARTED),
        ("genomförd", DONE),
        ("ej-paborjat", NOT_STARTED),
        ("Ej påbörjat", NOT_STARTED),
        ("EJ_PÅBÖRJAT", NOT_STARTED),
        ("not-started", NOT_STARTED),
        ("ej", NOT_STARTED),
    ],
)
def test_status_matching(plan: Plan, typed: str, status: Status) -> None:
    """Statuses match in any case, with or without diacritics, Swedish or English."""
    assert match_status(plan, typed) == status


def test_unknown_status(plan: Plan) -> None:
    """An unknown status lists the three valid ones."""
    with pytest.raises(UsageError, match="Klart, Påbörjat, Ej påbörjat"):
        match_status(plan, "kanske")


def test_filters_combine(plan: Plan) -> None:
    """Filters narrow together: area, responsible, term, funding, search."""
    rows = filter_rows(
        plan,
        RowFilter(
            area="lönebildning", responsible="forhandlingsdel", period=match_period("vt2018")
        ),
    )
    assert [r.id for r in rows] == ["LB-2", "LB-3"]
    assert [r.id for r in filter_rows(plan, RowFilter(needs_funding=True))] == [
        "LB-1",
        "LB-2",
        "LB-3",
        "AV-1",
    ]
    assert [r.id for r in filter_rows(plan, RowFilter(search="vfu"))] == ["LB-4", "KP-7"]
    # The shipped plan has no follow-up yet: every row is "ej uppföljd", none is "Ej påbörjat".
    assert len(filter_rows(plan, RowFilter(unfollowed=True))) == 27
    assert filter_rows(plan, RowFilter(status=NOT_STARTED)) == []
    assert filter_rows(plan, RowFilter(status=DONE)) == []


def test_measure_filter(catalogue: Catalogue) -> None:
    """Measures narrow by area and by text, in number order."""
    intro = filter_measures(catalogue, area="god-introduktion")
    assert [m.id for m in intro] == list(range(70, 83))
    assert [m.id for m in filter_measures(catalogue, search="HANDLEDNING")][:3] == [25, 26, 27]


def test_bad_period_lists_the_accepted_forms() -> None:
    """A period that cannot be parsed is a usage error that says what to write."""
    with pytest.raises(UsageError, match=r"kvartal.*tertial.*läsår"):
        match_period("snart")


@pytest.mark.parametrize(
    ("typed", "row_id"), [("LB4", "LB-4"), ("lb 4", "LB-4"), ("kp10", "KP-10")]
)
def test_row_id_without_hyphen(plan: Plan, typed: str, row_id: str) -> None:
    """A row id typed without its hyphen, or with a space, still names the row."""
    assert match_row(plan, typed).id == row_id


def test_unknown_row_id_lists_valid(plan: Plan) -> None:
    """An id that fits no row even without hyphens is an error listing the valid ids."""
    with pytest.raises(UsageError, match="raden 'LB44' finns inte i planen; giltiga id:n: LB-1"):
        match_row(plan, "LB44")


def test_unknown_row_id_in_a_plan_without_rows(plan: Plan) -> None:
    """A plan just made by init has no rows: the message says so instead of an empty list."""
    empty = plan.model_copy(update={"rows": ()})
    with pytest.raises(UsageError, match=r"finns inte i planen; det finns inga rader än$"):
        match_row(empty, "AB-1")
