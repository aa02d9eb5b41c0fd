"""``summary``: every plan's status counts and the measures most and least taken up."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from planctl.progress import LEGEND
from planctl.render.csvdoc import csv_text
from planctl.render.markdown import markdown_table
from planctl.render.words import count_words, decimal_percent, number_ranges, percent_label
from planctl.summary import MeasureUptake, Summary

# --- summary over many plans ----------------------------------------------------------------------

# Plans name their statuses differently, so the summary counts what the statuses mean.
SUMMARY_HEADERS = (
    "Plan",
    "Organisation",
    "Rader",
    "Klar",
    "Pågår",
    "Ej startad",
    "Utgår",
    "Ej uppföljd",
    "Försenade",
    "Andel klart",
    "Senaste uppföljning",
)
COUNTED = 9  # Plan … Försenade: the columns before the share
UPTAKE_HEADERS = ("Nr", "Område", "Insats", "Planer")


def summary_title(summary: Summary) -> str:
    """What a summary shows."""
    plans = count_words(len(summary.plans), "plan", "planer")
    return f"Sammanställning av {plans} ({summary.today.isoformat()})"


def _plan_lines(summary: Summary) -> list[list[str]]:
    lines = []
    for plan in summary.plans:
        latest = "–"
        if plan.latest is not None:
            latest = plan.latest.date.isoformat()
            if plan.latest.round:
                latest += f" ({plan.latest.round})"
        lines.append(
            [
                plan.plan_id,
                plan.organisation,
                str(plan.rows),
                str(plan.done),
                str(plan.under_way),
                str(plan.not_started),
                str(plan.dropped),
                str(plan.not_followed_up),
                str(plan.delayed),
                percent_label(plan.share_done),
                latest,
            ]
        )
    return lines


def _uptake_lines(uptakes: Sequence[MeasureUptake]) -> list[list[str]]:
    return [[str(u.measure_id), u.area_name, u.text, str(u.plans)] for u in uptakes]


def _uptake_sections(summary: Summary) -> tuple[tuple[str, Sequence[MeasureUptake]], ...]:
    return (
        ("Mest genomförda insatser", summary.most),
        ("Minst genomförda insatser", summary.least),
    )


DELAYED_NOTE = (
    "Statusarna räknas efter vad de betyder i varje plans skala (klar, pågår, ej startad, "
    f"utgår). {LEGEND}"
)


def _unused_line(summary: Summary) -> str:
    return (
        f"Insatser som ingen plan genomför ({len(summary.unused)}): {number_ranges(summary.unused)}"
    )


def summary_view(summary: Summary) -> Group:
    """Plans as a table, then the measures most and least taken up."""
    plans = Table(
        title=summary_title(summary),
        box=box.SIMPLE_HEAD,
        expand=True,
        pad_edge=False,
        collapse_padding=True,
    )
    plans.add_column("Plan", ratio=1, overflow="fold")
    # Two-line headings leave the organisation room at 80-100 columns.
    for heading in (
        "Rader",
        "Klar",
        "Pågår",
        "Ej\nstartad",
        "Utgår",
        "Ej\nuppföljd",
        "Förse-\nnade",
        "Andel\nklart",
    ):
        plans.add_column(heading, justify="right", no_wrap=True)
    plans.add_column("Senaste\nuppföljning", no_wrap=True)
    for plan_id, organisation, *rest, latest in _plan_lines(summary):
        plans.add_row(
            Text(organisation) + Text(f"\n{plan_id}", style="dim"),
            *rest,
            latest.replace(" (", "\n("),  # date above round keeps the column narrow
        )
    plans.caption = DELAYED_NOTE
    parts: list[RenderableType] = [plans]
    for heading, uptakes in _uptake_sections(summary):
        table = Table(title=heading, box=box.SIMPLE_HEAD, expand=True)
        table.add_column("Nr", justify="right", no_wrap=True)
        table.add_column("Område", ratio=1)
        table.add_column("Insats", ratio=3)
        table.add_column("Planer", justify="right", no_wrap=True)
        for line in _uptake_lines(uptakes):
            table.add_row(*line)
        parts.append(table)
    parts.append(Text(_unused_line(summary)))
    return Group(*parts)


def summary_markdown(summary: Summary) -> str:
    """The summary in Markdown: plans, most and least taken up measures, unused measures."""
    out = [
        f"## {summary_title(summary)}\n",
        markdown_table(SUMMARY_HEADERS, _plan_lines(summary), right=range(2, COUNTED + 1)),
        f"{DELAYED_NOTE}\n",
    ]
    for heading, uptakes in _uptake_sections(summary):
        out.append(f"### {heading}\n")
        out.append(markdown_table(UPTAKE_HEADERS, _uptake_lines(uptakes), right=(0, 3)))
    out.append(f"{_unused_line(summary)}\n")
    return "\n".join(out)


def summary_csv(summary: Summary) -> str:
    """One line per plan, numbers as numbers; the measure uptake is in JSON and Markdown."""
    headers = [*SUMMARY_HEADERS[:COUNTED], "Andel klart (%)", "Senaste uppföljning", "Omgång"]
    rows = [
        [
            p.plan_id,
            p.organisation,
            str(p.rows),
            str(p.done),
            str(p.under_way),
            str(p.not_started),
            str(p.dropped),
            str(p.not_followed_up),
            str(p.delayed),
            decimal_percent(p.share_done),
            p.latest.date.isoformat() if p.latest else "",
            (p.latest.round or "") if p.latest else "",
        ]
        for p in summary.plans
    ]
    return csv_text(headers, rows)
