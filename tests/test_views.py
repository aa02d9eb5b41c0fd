"""View records in the core: frozen, typed, each writing the JSON shape the README documents.

The golden files (``test_views_golden.py``, coverage and summary goldens) pin whole documents;
these tests check the records directly, including shapes no golden shows (a measure number the
catalogue lacks, an empty history).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect
import json
import shutil
from types import ModuleType
from typing import Any

import pytest

from planctl import coverage as coverage_module
from planctl import summary as summary_module
from planctl.coverage import plan_coverage, row_coverage
from planctl.models import Catalogue, Plan
from planctl.query import match_row
from planctl.store import DataSet, load_data_dir
from planctl.summary import summarise
from planctl.views import analysis, detail, history, rows
from planctl.views.analysis import coverage_json, rows_coverage_json, summary_json
from planctl.views.detail import MeasureDetail, MissingMeasure, RowDetail, row_detail, show_view
from planctl.views.history import history_views
from planctl.views.rows import MeasureView, RowView
from planctl.views.shape import JsonObject
from tests.conftest import DATA, HISTORY_PLAN, TODAY

VIEW_MODULES = (rows, detail, history, coverage_module, summary_module)
"""Every module whose dataclasses are records a command shows (coverage and summary are shown
as the rules return them; their JSON is in :mod:`planctl.views.analysis`)."""

ROW_KEYS = {
    "plan", "id", "area", "area_name", "proposal", "details", "responsible", "owners", "start",
    "start_period", "end", "end_period", "open_timing", "needs_funding", "cost", "measures",
    "status", "meaning", "status_date", "history", "targets", "measurements",
}  # fmt: skip
MEASURE_KEYS = {"id", "area", "area_name", "text", "targets"}
ENTRY_KEYS = {"date", "status", "note", "by", "round", "corrects"}


def _plain(document: JsonObject) -> Any:
    """The document as JSON reads it back (which also shows it is JSON)."""
    return json.loads(json.dumps(document, allow_nan=False))


def _records(module: ModuleType) -> list[type]:
    return [
        cls
        for _, cls in inspect.getmembers(module, inspect.isclass)
        if cls.__module__ == module.__name__ and dataclasses.is_dataclass(cls)
    ]


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> DataSet:
    """The shipped data directory with the Borås plan that has a fixture history."""
    root = tmp_path_factory.mktemp("views") / "data"
    shutil.copytree(DATA, root)
    shutil.copyfile(HISTORY_PLAN, root / "boras_plan.yaml")
    return load_data_dir(root, today=TODAY).require_valid()


@pytest.fixture(scope="module")
def plan(data: DataSet) -> Plan:
    return data.plan().model


@pytest.fixture(scope="module")
def catalogue(data: DataSet) -> Catalogue:
    return data.require_catalogue()


@pytest.mark.parametrize("module", VIEW_MODULES, ids=lambda m: m.__name__)
def test_every_view_record_is_frozen_and_holds_tuples(module: ModuleType) -> None:
    """Assigning to any field of any view record raises, and no field is a mutable list/dict."""
    classes = _records(module)
    assert classes, f"{module.__name__} defines no records"
    for cls in classes:
        fields = dataclasses.fields(cls)
        record = cls(*[None] * len(fields))
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(record, fields[0].name, "changed")
        for field in fields:
            assert not str(field.type).startswith(("list", "dict", "set")), (cls, field.name)


def test_every_record_with_a_json_shape_is_a_frozen_dataclass() -> None:
    """A class of the views layer that writes JSON is one of the frozen records."""
    for module in (rows, detail, history, analysis):
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and hasattr(cls, "json"):
                assert dataclasses.is_dataclass(cls), cls
                assert cls.__dataclass_params__.frozen, cls  # type: ignore[attr-defined]


def test_row_json_has_the_documented_keys(plan: Plan) -> None:
    """A row of ``list --format json`` has exactly the README's keys; its history entries too."""
    row = RowView.of(plan, match_row(plan, "LB-4"))
    document = _plain(row.json())
    assert set(document) == ROW_KEYS
    history_entries = document["history"]
    assert isinstance(history_entries, list) and history_entries
    assert all(set(entry) == ENTRY_KEYS for entry in history_entries)
    assert document["status_date"] == row.history[-1].date.isoformat()


def test_row_without_history_is_not_followed_up(plan: Plan) -> None:
    """A row without entries has ``status``, ``meaning`` and ``status_date`` null, no history."""
    unfollowed = [r for r in plan.rows if not r.history]
    assert unfollowed, "the fixture plan has a row without history"
    document = _plain(RowView.of(plan, unfollowed[0]).json())
    assert (document["status"], document["meaning"], document["status_date"]) == (None,) * 3
    assert document["history"] == []


def test_linked_measure_missing_from_the_catalogue_is_a_bare_number(plan: Plan) -> None:
    """Without a catalogue, ``show ROW`` lists each linked measure with null area and text."""
    row = next(r for r in plan.rows if r.measures)
    view = row_detail(plan, row, None, today=TODAY)
    assert all(isinstance(m, MissingMeasure) for m in view.linked_measures)
    linked = _plain(view.json())["linked_measures"]
    assert linked == [
        {"id": n, "area": None, "area_name": None, "text": None, "targets": []}
        for n in row.measures
    ]


def test_show_decides_row_or_measure_by_type(data: DataSet) -> None:
    """``show 84`` is a measure with ``plan_rows``; ``show LB-4`` a row with its links."""
    measure = show_view(data, "84", None, today=TODAY)
    assert isinstance(measure, MeasureDetail)
    document = _plain(measure.json())
    assert set(document) == MEASURE_KEYS | {"plan_rows"}
    assert document["plan_rows"]
    assert all(set(r) == {"plan", "id", "proposal", "status"} for r in document["plan_rows"])
    row = show_view(data, "LB-4", None, today=TODAY)
    assert isinstance(row, RowDetail)
    assert set(_plain(row.json())) == ROW_KEYS | {"indicators", "linked_measures"}


def test_measure_json_has_the_documented_keys(catalogue: Catalogue) -> None:
    """A measure of ``measures --format json``: id, area, area_name, text, targets."""
    with_target = next(m for m in catalogue.measures if m.targets)
    document = _plain(MeasureView.of(catalogue, with_target).json())
    assert set(document) == MEASURE_KEYS
    targets = document["targets"]
    assert isinstance(targets, list) and len(targets) == len(with_target.targets)
    for target in targets:
        assert set(target) == {"measured", "value", "unit", "direction"}
        assert target["direction"] in {"minst", "högst"}


def test_history_json_adds_row_and_correction_keys(plan: Plan) -> None:
    """A ``history`` entry: the row's plan, id and area, the entry, its number, round, correction
    and the status before it; in date order."""
    views = history_views(plan)
    assert views
    extra = {"plan", "id", "area", "number", "belongs_to", "corrected_by", "previous"}
    assert all(set(_plain(v.json())) == ENTRY_KEYS | extra for v in views)
    dates = [v.entry.date for v in views]
    assert dates == sorted(dates)


def test_rows_coverage_json_has_the_documented_keys(plan: Plan, catalogue: Catalogue) -> None:
    """``coverage --by-row``: plan, organisation, rows with id, area_name, proposal, measures."""
    document = _plain(rows_coverage_json(row_coverage(catalogue, plan)))
    assert set(document) == {"plan", "organisation", "rows"}
    found = document["rows"]
    assert isinstance(found, list) and found
    assert all(set(r) == {"id", "area_name", "proposal", "measures"} for r in found)
    linked = [m for r in found for m in r["measures"]]
    assert linked and all(set(m) == {"id", "area", "area_name"} for m in linked)


def test_coverage_json_rounds_shares_to_four_decimals(plan: Plan, catalogue: Catalogue) -> None:
    """``coverage``: shares are fractions with four decimals, per area and in total."""
    result = plan_coverage(catalogue, plan)
    document = _plain(coverage_json(result))
    assert document["share"] == round(result.covered / result.total, 4)
    areas = document["areas"]
    assert isinstance(areas, list)
    keys = {"id", "name", "measures", "covered_count", "share", "covered", "uncovered"}
    assert all(set(a) == keys for a in areas)


def test_summary_json_has_the_documented_keys(plan: Plan, catalogue: Catalogue) -> None:
    """``summary``: date, plans with counts by meaning and the latest follow-up, uptake lists."""
    summary = summarise(catalogue, [plan], today=dt.date(2026, 11, 23), top=3)
    document = _plain(summary_json(summary))
    assert set(document) == {"date", "plans", "most_taken_up", "least_taken_up", "not_taken_up"}
    assert document["date"] == "2026-11-23"
    (one,) = document["plans"]
    assert set(one) == {
        "id", "organisation", "title", "rows", "done", "started", "not_started", "dropped",
        "not_followed_up", "delayed", "share_done", "latest_follow_up",
    }  # fmt: skip
    assert set(one["latest_follow_up"]) == {"date", "round"}
    uptake = {"id", "area", "area_name", "text", "plans", "plan_ids"}
    for listed in (document["most_taken_up"], document["least_taken_up"]):
        assert isinstance(listed, list) and len(listed) == 3
        assert all(set(u) == uptake for u in listed)
