"""Progress over follow-up rounds as chart data: one bar per round, stacked by status meaning.

The numbers are the report's own round counts (:attr:`planctl.report.Report.progress`), so a
chart always agrees with the tables; drawing is :mod:`planctl.render.chart`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass

from planctl.models import Status
from planctl.render.report_text import WHOLE_PLAN, WHOLE_SELECTION
from planctl.report import Counts, Report

PROGRESS = "Framsteg per uppföljning"
PROGRESS_AXIS = "Antal rader"
NO_ROUNDS = "planen har ingen uppföljning att visa framsteg för ännu"


@dataclass(frozen=True)
class Meaning:
    """What a status means, for counts and charts: its key, its name in reports and its colour."""

    key: str
    name: str
    colour: str


# What a status can mean, in the order a stacked bar shows them from the bottom up: done first,
# so the bar grows upwards as the plan moves. The colours follow the report's progress bars.
MEANINGS = (
    Meaning("klar", Status.DONE.value, "#2e7d32"),
    Meaning("pågår", Status.STARTED.value, "#f2b705"),
    Meaning("ej-startad", Status.NOT_STARTED.value, "#c62828"),
    Meaning("utgår", "Utgår", "#7f7f7f"),
    Meaning("ej-uppföljd", "Ej uppföljd", "#d9d9d9"),
)
_ALWAYS_SHOWN = {"klar", "pågår", "ej-startad"}


def meaning_counts(counts: Counts) -> dict[str, int]:
    """How many rows of ``counts`` have a status of each meaning, keyed as :data:`MEANINGS`."""
    return {
        "klar": counts.done,
        "pågår": counts.started,
        "ej-startad": counts.not_started,
        "utgår": 0,
        "ej-uppföljd": 0,
    }


@dataclass(frozen=True)
class Series:
    """One stacked part of every bar: a meaning and its count at each round."""

    meaning: Meaning
    values: tuple[int, ...]


@dataclass(frozen=True)
class ProgressChart:
    """A chart of progress: one bar per follow-up round, stacked by what the statuses mean.

    ``rounds`` labels the bars (the rounds' ids), oldest first; every series has one value per
    round, and the values of a bar add up to the rows counted at that round.
    """

    title: str
    rounds: tuple[str, ...]
    series: tuple[Series, ...]

    def totals(self) -> tuple[int, ...]:
        """The height of each bar: the rows counted at each round."""
        return tuple(sum(values) for values in zip(*(s.values for s in self.series), strict=True))


def progress_chart(report: Report, area_id: str | None = None) -> ProgressChart:
    """The progress of one area (or, with ``None``, of every row shown) over the report's rounds.

    The numbers are the report's own round counts (:attr:`Report.progress`); a meaning that no
    status of the plan has and no round counts is left out.
    """
    counted = [meaning_counts(r.of(area_id)) for r in report.progress]
    series = tuple(
        Series(meaning, tuple(c[meaning.key] for c in counted))
        for meaning in MEANINGS
        if meaning.key in _ALWAYS_SHOWN or any(c[meaning.key] for c in counted)
    )
    if area_id is None:
        label = WHOLE_SELECTION if report.filters.active else WHOLE_PLAN
    else:
        label = next((s.area_name for s in report.sections if s.area_id == area_id), area_id)
    return ProgressChart(
        f"{PROGRESS} – {label}", tuple(r.moment.round_id or "" for r in report.progress), series
    )
