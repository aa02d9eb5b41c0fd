"""Progress charts: the bars read back from the SVG are the report's own counts, round by round."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from planctl.models import Plan
from planctl.query import RowFilter
from planctl.render.chart import chart_png, chart_svg
from planctl.render.progress import MEANINGS, parts_of, progress_chart
from planctl.report import Moment, Report, build_report
from planctl.store import load_data_dir
from tests.conftest import TODAY, Invoke

SVG = "{http://www.w3.org/2000/svg}"
ROUNDS = ("2018-05", "2018-10", "2019-05")
# The report's JSON keys for the counts of each meaning the Borås scale has, and of the rows not
# followed up (the fixture has some at every round).
JSON_KEYS = {
    "klar": "done",
    "pågår": "started",
    "ej-startad": "not_started",
    "ej-uppföljd": "not_followed_up",
}


@pytest.fixture
def three_rounds(history_dir: Path, invoke: Invoke) -> Path:
    """The Borås plan with the fixture history and a third round, 2019-05, recorded by the CLI."""
    plan = history_dir / "boras_plan.yaml"
    text = plan.read_text(encoding="utf-8")
    anchor = '    namn: Uppföljning oktober 2018\n    datum: "2018-10-31"\n'
    assert anchor in text
    plan.write_text(
        text.replace(
            anchor,
            anchor + '  - id: "2019-05"\n    namn: Uppföljning maj 2019\n    datum: "2019-05-31"\n',
        ),
        encoding="utf-8",
    )
    for row, status in (
        ("LB-6", "klart"),
        ("AV-1", "klart"),
        ("AV-2", "påbörjat"),
        ("KP-4", "påbörjat"),
        ("KP-5", "klart"),
    ):
        done = invoke("status", "set", row, status, "--round", "2019-05", "--date", "2019-05-20")
        assert done.exit_code == 0, done.stderr
    return history_dir


def load(data: Path) -> Plan:
    return load_data_dir(data, today=TODAY).require_valid().plan().model


def report_of(plan: Plan) -> Report:
    return build_report(
        plan, wanted=RowFilter(), as_of=Moment(TODAY), produced=dt.datetime(2026, 11, 23, 9, 30)
    )


def bar_heights(svg: str) -> dict[str, float]:
    """The height of every stacked part, by its id (``klar-2018-05``), in SVG units."""
    heights: dict[str, float] = {}
    for group in ET.fromstring(svg).iter(f"{SVG}g"):
        gid = group.get("id", "")
        path = group.find(f"{SVG}path")
        if path is None or not any(gid.endswith(r) for r in ROUNDS):
            continue
        ys = [float(y) for y in re.findall(r"[ML] [\d.]+ ([\d.]+)", path.get("d", ""))]
        heights[gid] = max(ys) - min(ys)
    return heights


def test_chart_bars_are_the_report_counts_at_each_round(three_rounds: Path, invoke: Invoke) -> None:
    """Per area and for the whole plan, each bar part's height is the report's count then."""
    report = report_of(load(three_rounds))
    assert [r.moment.round_id for r in report.progress] == list(ROUNDS)
    tables = {}
    for round_id in ROUNDS:
        shown = invoke("report", "--round", round_id, "--format", "json")
        assert shown.exit_code == 0, shown.stderr
        tables[round_id] = json.loads(shown.stdout)
    areas: list[str | None] = [None, *(s.area_id for s in report.sections)]
    for area in areas:
        drawn_file = three_rounds.parent / f"framsteg-{area or 'planen'}.svg"
        made = invoke("chart", "-o", str(drawn_file), *(("--area", area) if area else ()))
        assert made.exit_code == 0, made.stderr
        heights = bar_heights(drawn_file.read_text(encoding="utf-8"))
        expected: dict[str, int] = {}
        for round_id, table in tables.items():
            counts = (
                table["counts"]
                if area is None
                else next(a["counts"] for a in table["areas"] if a["id"] == area)
            )
            for meaning, key in JSON_KEYS.items():
                expected[f"{meaning}-{round_id}"] = counts[key]
        drawn = {k: v for k, v in heights.items() if k in expected}
        assert drawn.keys() == {k for k, v in expected.items()}, area
        scale = sum(drawn.values()) / sum(expected.values())
        for key, count in expected.items():
            assert drawn[key] == pytest.approx(count * scale, abs=0.01), (area, key)
        # The rounds really differ: the chart shows movement, not three copies of today.
        if area is None:
            assert len({tuple(expected[f"{m}-{r}"] for m in JSON_KEYS) for r in ROUNDS}) == 3


def test_chart_uses_the_plan_names_and_colours(three_rounds: Path) -> None:
    """The legend names the statuses as the plan does, in the meaning's colour."""
    report = report_of(load(three_rounds))
    svg = chart_svg(progress_chart(report))
    colours = {part.key: part.colour for part in MEANINGS}
    for status in report.scale:
        assert f">{status.name}<" in svg
        assert f"fill: {colours[status.meaning.value]}" in svg
    assert ">Ej uppföljd<" in svg  # the fixture has rows never followed up


def test_chart_output_is_deterministic(three_rounds: Path) -> None:
    """The same plan gives the same SVG and PNG bytes, and neither carries a date."""
    chart = progress_chart(report_of(load(three_rounds)))
    assert chart_svg(chart) == chart_svg(chart)
    assert chart_png(chart) == chart_png(chart)
    assert "<dc:date>" not in chart_svg(chart)
    assert b"Software" not in chart_png(chart)


def test_no_rounds_no_bars(data_dir: Path) -> None:
    """A plan whose rounds all lie after the report's day has no progress to draw."""
    plan = load(data_dir)
    report = build_report(
        plan, wanted=RowFilter(), as_of=Moment(dt.date(2017, 12, 1)), produced=TODAY
    )
    assert report.progress == ()
    assert progress_chart(report).rounds == ()


def cells(book: Any, ref: str) -> list[Any]:
    """The values of the cells an Excel chart reference (``'Framsteg'!$B$5:$B$7``) points to."""
    sheet, _, span = ref.rpartition("!")
    ws = book[sheet.strip("'")]
    found = ws[span.replace("$", "")]
    if not isinstance(found, tuple):
        return [found.value]
    return [c.value for row in found for c in (row if isinstance(row, tuple) else (row,))]


def test_xlsx_chart_series_are_the_report_counts(three_rounds: Path, invoke: Invoke) -> None:
    """The workbook's native Excel charts plot the report's counts at each round, per area."""
    out = three_rounds.parent / "rapport.xlsx"
    made = invoke("report", "-o", str(out))
    assert made.exit_code == 0, made.stderr
    tables = {}
    for round_id in ROUNDS:
        shown = invoke("report", "--round", round_id, "--format", "json")
        tables[round_id] = json.loads(shown.stdout)
    names = {part.name: part.key for part in parts_of(report_of(load(three_rounds)))}
    book = openpyxl.load_workbook(out)
    charts = book["Framsteg"]._charts  # type: ignore[attr-defined]  # loaded charts live here
    areas = [None, *(a["id"] for a in tables[ROUNDS[0]]["areas"])]
    assert len(charts) == len(areas)
    for chart, area in zip(charts, areas, strict=True):
        assert chart.grouping == "stacked"
        for series in chart.series:
            [name] = cells(book, series.tx.strRef.f)
            rounds = cells(book, series.cat.strRef.f if series.cat.strRef else series.cat.numRef.f)
            values = cells(book, series.val.numRef.f)
            assert rounds == list(ROUNDS)
            for round_id, value in zip(rounds, values, strict=True):
                table = tables[round_id]
                counts = (
                    table["counts"]
                    if area is None
                    else next(a["counts"] for a in table["areas"] if a["id"] == area)
                )
                assert value == counts[JSON_KEYS[names[name]]], (area, name, round_id)
