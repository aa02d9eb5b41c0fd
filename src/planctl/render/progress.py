"""Progress over follow-up rounds as chart data: one bar per round, stacked by status meaning.

The numbers are the report's own round counts (:attr:`planctl.report.Report.progress`), so a
chart always agrees with the tables; drawing is :mod:`planctl.render.chart`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass

from planctl.models import Meaning
from planctl.progress import NOT_FOLLOWED_UP
from planctl.render.report_text import WHOLE_PLAN, WHOLE_SELECTION
from planctl.report import Counts, Report

PROGRESS = "Framsteg per uppföljning"
PROGRESS_AXIS = "Antal rader"
NO_ROUNDS = "planen har ingen uppföljning att visa framsteg för ännu"


@dataclass(frozen=True)
class ChartPart:
    """One part of a stacked bar: a meaning (or *ej uppföljd*), its name and its colour."""

    key: str
    name: str
    colour: str


# What a status can mean, in the order a stacked bar shows them from the bottom up: done first,
# so the bar grows upwards as the plan moves. The colours follow the report's progress bars; the
# names are used when the plan's own scale does not name the meaning (see :func:`parts_of`).
UNFOLLOWED_KEY = "ej-uppföljd"
MEANINGS = (
    ChartPart(Meaning.DONE.value, "Klar", "#2e7d32"),
    ChartPart(Meaning.UNDER_WAY.value, "Pågår", "#f2b705"),
    ChartPart(Meaning.NOT_STARTED.value, "Ej startad", "#c62828"),
    ChartPart(Meaning.DROPPED.value, "Utgår", "#7f7f7f"),
    ChartPart(UNFOLLOWED_KEY, NOT_FOLLOWED_UP, "#d9d9d9"),
)


def parts_of(report: Report) -> tuple[ChartPart, ...]:
    """The chart's parts for ``report``'s plan, named as its scale names them.

    A meaning that one or more of the plan's statuses have is named by them (``Klart``,
    ``Genomförd``; ``Ej aktuell / Avbruten`` when two statuses share it); one the scale lacks
    keeps its general name.
    """
    named = []
    for part in MEANINGS:
        names = [s.name for s in report.scale if s.meaning.value == part.key]
        named.append(ChartPart(part.key, " / ".join(names), part.colour) if names else part)
    return tuple(named)


def meaning_counts(counts: Counts) -> dict[str, int]:
    """How many rows of ``counts`` have a status of each meaning, keyed as :data:`MEANINGS`."""
    return {
        **{meaning.value: counts.meaning(meaning) for meaning in Meaning},
        UNFOLLOWED_KEY: counts.not_followed_up,
    }


@dataclass(frozen=True)
class Series:
    """One stacked part of every bar: a meaning and its count at each round."""

    meaning: ChartPart
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

    The numbers are the report's own round counts (:attr:`Report.progress`). Every meaning of
    the plan's scale has a series; *utgår* and *ej uppföljd* only when the scale has it or a
    round counts any.
    """
    counted = [meaning_counts(r.of(area_id)) for r in report.progress]
    in_scale = {s.meaning.value for s in report.scale}
    series = tuple(
        Series(part, tuple(c[part.key] for c in counted))
        for part in parts_of(report)
        if part.key in in_scale or any(c[part.key] for c in counted)
    )
    if area_id is None:
        label = WHOLE_SELECTION if report.filters.active else WHOLE_PLAN
    else:
        label = next((s.area_name for s in report.sections if s.area_id == area_id), area_id)
    return ProgressChart(
        f"{PROGRESS} – {label}", tuple(r.moment.round_id or "" for r in report.progress), series
    )
