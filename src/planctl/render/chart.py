"""Progress charts: one bar per follow-up round, stacked by what the statuses mean.

Drawn with matplotlib (imported only when a chart is drawn, with the Agg renderer and no pyplot
state), as SVG for HTML and PDF and as PNG for Word and slides. The output is deterministic: the
SVG's ids come from a fixed salt and no file carries a date, so the same plan gives the same
bytes. Each stacked part is an SVG group whose id names its meaning and round
(``klar-2018-05``), so the numbers can be read back from the drawing.
"""

from __future__ import annotations

import io
import re
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from planctl.errors import missing_package
from planctl.render.progress import PROGRESS_AXIS, ProgressChart

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FONT = ["DejaVu Sans", "Liberation Sans", "Arial", "sans-serif"]
STYLE: dict[Any, Any] = {
    "svg.hashsalt": "planctl",
    "svg.fonttype": "none",  # text stays text: searchable, and set in the page's own font
    "font.family": "sans-serif",
    "font.sans-serif": FONT,
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _style() -> AbstractContextManager[None]:
    """matplotlib's settings for planctl's charts; a Swedish error when matplotlib is missing."""
    try:
        import matplotlib as mpl
    except ImportError as exc:
        raise missing_package("Diagrammet", "matplotlib") from exc
    return mpl.rc_context(STYLE)


def _figure(chart: ProgressChart, *, width: float, height: float) -> Figure:
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(width, height), layout="constrained")
    axes = figure.add_subplot()
    positions = list(range(len(chart.rounds)))
    bottoms = [0] * len(chart.rounds)
    for series in chart.series:
        bars = axes.bar(
            positions,
            series.values,
            bottom=bottoms,
            width=0.6,
            color=series.meaning.colour,
            edgecolor="white",
            linewidth=0.5,
            label=series.meaning.name,
        )
        for bar, round_id in zip(bars, chart.rounds, strict=True):
            bar.set_gid(f"{series.meaning.key}-{round_id}")
        bottoms = [b + v for b, v in zip(bottoms, series.values, strict=True)]
    for position, total in zip(positions, bottoms, strict=True):
        axes.annotate(
            str(total),
            (position, total),
            ha="center",
            va="bottom",
            xytext=(0, 2),
            textcoords="offset points",
        )
    axes.set_xticks(positions, chart.rounds)
    axes.set_ylabel(PROGRESS_AXIS)
    axes.set_ylim(0, max([*bottoms, 1]) * 1.12)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))  # rows are whole
    axes.set_title(chart.title, loc="left", fontsize=10, fontweight="bold")
    handles, labels = axes.get_legend_handles_labels()
    # Legend top to bottom as the bars stack bottom to top reads upside down; reverse it.
    axes.legend(
        handles[::-1], labels[::-1], loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False
    )
    return figure


def chart_svg(
    chart: ProgressChart, *, width: float = 6.5, height: float = 2.8, id_prefix: str = ""
) -> str:
    """The chart as an SVG document (no XML declaration), ``width`` × ``height`` inches.

    ``id_prefix`` goes in front of every id and reference in it, so that several charts can be
    inline in one HTML page without their ids clashing.
    """
    with _style():
        figure = _figure(chart, width=width, height=height)
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    text = out.getvalue()
    text = text[text.index("<svg") :]
    if id_prefix:
        text = _IDS.sub(lambda m: f"{m.group(1)}{id_prefix}-", text)
    return text


_IDS = re.compile(r'(\bid="|url\(#|href="#)')


def chart_png(
    chart: ProgressChart, *, width: float = 6.5, height: float = 2.8, dpi: int = 200
) -> bytes:
    """The chart as PNG bytes, ``width`` × ``height`` inches at ``dpi``."""
    with _style():
        figure = _figure(chart, width=width, height=height)
        out = io.BytesIO()
        figure.savefig(out, format="png", dpi=dpi, metadata={"Software": None})
    return out.getvalue()
