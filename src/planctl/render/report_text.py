"""The words and numbers every format of the follow-up report shares.

Each format module lays the report out in its own way, but the Swedish headings, how a moment or a
share is written and what a progress bar holds are decided here once, so that the terminal table,
Markdown, CSV, Excel, JSON and HTML say the same thing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from planctl.models import Assessment, Meaning, Status, Unit
from planctl.progress import LEGEND, NOT_FOLLOWED_UP
from planctl.render.words import (
    FUNDING_MARK,
    count_words,
    percent_label,
    quantity_label,
)
from planctl.report import Costs, Counts, IndicatorRow, Moment, Report, ReportRow, Section

MARK = "X"
DELAYED = "försenad"
NOT_FOLLOWED_UP_WORD = NOT_FOLLOWED_UP.lower()
# The one-line definitions of "försenad" and "ej uppföljd" that every format prints.
LEGEND_TEXT = LEGEND
# Colours by what a status means, so any plan's scale is coloured the same way.
MEANING_STYLE = {
    Meaning.DONE: "green",
    Meaning.UNDER_WAY: "yellow",
    Meaning.NOT_STARTED: "red",
    Meaning.DROPPED: "dim",
}
WHOLE_PLAN = "Hela planen"
WHOLE_SELECTION = "Hela urvalet"
NO_CHANGES = "Inga rader har bytt status."
NO_ROWS = "Inga rader matchar urvalet."
EMPTY_AREA = "Inga rader: planen har inga förslag i området."

# Column headings of the follow-up table, as in the plan's appendix.
H_ID = "Id"
H_PROPOSAL = "Förslag"
H_RESPONSIBLE = "Ansvar"
H_START = "Start"
H_START_END = "Start/slut"  # the appendix's own heading when a plan gives ends
H_END = "Slut"
H_NOTE = "Senaste notering"
H_NOTE_DATE = "Noteringsdatum"
H_FROM = "Från"
H_TO = "Till"
H_AREA = "Område"
H_DELAYED = "Försenad"
H_FUNDING = "Kräver särskilda resurser"
H_PREVIOUS_ROUND = "Förra uppföljningen"
ASSESSMENT = "Arbetsgruppens bedömning"

# Count headings of the summaries, after one per status of the plan's scale.
H_NOT_FOLLOWED_UP = "Ej uppföljda"
H_DELAYED_COUNT = "Försenade"
H_TOTAL = "Rader"
H_SHARE = "Andel klart"


def title(report: Report) -> str:
    """The report's heading: what it is and whose plan."""
    kind = "Ändringar i uppföljningen" if report.is_changes else "Uppföljningsrapport"
    return f"{kind} – {report.organisation}"


def moment_label(moment: Moment) -> str:
    """A moment in words: ``Uppföljning maj 2018 (2018-05-31)`` or a date."""
    if moment.round_name:
        return f"{moment.round_name} ({moment.day.isoformat()})"
    return moment.day.isoformat()


def shown_label(report: Report) -> str:
    """What the report shows: the state on one day, or the changes between two."""
    if report.since is not None:
        return f"ändringar från {moment_label(report.since)} till {moment_label(report.as_of)}"
    return f"läget {moment_label(report.as_of)}"


def produced_label(produced: dt.datetime | dt.date) -> str:
    """When the report was produced, to the minute (or only the day when that is all we know)."""
    if isinstance(produced, dt.datetime):
        return produced.strftime("%Y-%m-%d %H:%M")
    return produced.isoformat()


def filters_label(report: Report) -> str | None:
    """The filters that narrowed the rows, in words, or ``None`` when there are none."""
    found = report.filters
    parts = []
    if found.area_name is not None:
        parts.append(f"område {found.area_name}")
    if found.responsible is not None:
        parts.append(f"ansvar som innehåller ”{found.responsible}”")
    if found.status is not None:
        parts.append(f"status {found.status}")
    return ", ".join(parts) if parts else None


def header_fields(report: Report, *, plan: bool = True) -> list[tuple[str, str]]:
    """The report's identification, label by label: plan, what it shows, filters, produced.

    ``plan=False`` leaves the plan out, for a document whose subtitle names it already.
    """
    fields = [("Plan", f"{report.plan_title} ({report.plan_id})")] if plan else []
    fields.append(("Visar", shown_label(report)))
    narrowed = filters_label(report)
    if narrowed:
        fields.append(("Urval", narrowed))
    fields.append(("Framtagen", produced_label(report.produced)))
    return fields


def status_style(status: Status | None) -> str:
    """The colour of a status on a terminal, by its meaning (dim when not followed up)."""
    return MEANING_STYLE[status.meaning] if status is not None else "dim"


def status_label(status: Status | None) -> str:
    """A status's name, or *Ej uppföljd*."""
    return status.name if status is not None else NOT_FOLLOWED_UP


def shows_not_followed_up(report: Report) -> bool:
    """Whether the report counts rows not followed up (a column only when there are any)."""
    return any(c.not_followed_up for c in (report.counts, report.previous_counts) if c is not None)


def counts_sentence(counts: Counts) -> str:
    """The counts in one line, each status of the scale by its own name.

    For example ``4 av 6 klart (67 %) · 1 påbörjat · 1 ej påbörjat · 1 försenad``: done rows of
    the rows not dropped, then the other statuses, the rows not followed up and the late ones.
    """
    counted = counts.total - counts.dropped
    parts = [f"{counts.done} av {counted} klart ({percent_label(counts.share_done)})"]
    parts += [
        f"{n} {status.name.lower()}"
        for status, n in counts.per_status
        if status.meaning is not Meaning.DONE
    ]
    if counts.not_followed_up:
        n = counts.not_followed_up
        parts.append(count_words(n, NOT_FOLLOWED_UP_WORD, f"{NOT_FOLLOWED_UP_WORD}a"))
    if counts.delayed:
        parts.append(count_words(counts.delayed, DELAYED, f"{DELAYED}e"))
    return " · ".join(parts)


@dataclass(frozen=True)
class SummaryLine:
    """One line of the summary: an area (or the whole plan) and its counts."""

    label: str
    counts: Counts
    previous: Counts | None
    changed: int
    whole_plan: bool = False
    costs: Costs = field(default_factory=Costs)


def summary_lines(report: Report) -> list[SummaryLine]:
    """The summary: one line per area, then the whole plan."""
    lines = [
        SummaryLine(s.area_name, s.counts, s.previous_counts, len(s.rows), costs=s.costs)
        for s in report.sections
    ]
    label = WHOLE_SELECTION if report.filters.active else WHOLE_PLAN
    lines.append(
        SummaryLine(
            label,
            report.counts,
            report.previous_counts,
            len(report.rows),
            whole_plan=True,
            costs=report.costs,
        )
    )
    return lines


def bar_cells(counts: Counts, width: int) -> tuple[int, int, int]:
    """A progress bar of ``width`` cells: how many are done, under way and the rest.

    Dropped rows are left out, as in the share done. Done and under way are rounded down so that
    a bar is never fuller than the truth; a plan with anything left to do never shows a full bar.
    """
    counted = counts.total - counts.dropped
    if not counted:
        return (0, 0, width)
    done = counts.done * width // counted
    started = (counts.done + counts.meaning(Meaning.UNDER_WAY)) * width // counted - done
    return (done, started, width - done - started)


def text_bar(counts: Counts, width: int = 10) -> str:
    """A progress bar in characters: ``█`` done, ``▒`` started, ``░`` not started."""
    done, started, rest = bar_cells(counts, width)
    return "█" * done + "▒" * started + "░" * rest


def has_previous_round(report: Report) -> bool:
    """Whether the report gets the *Förra uppföljningen* column (a round with one before it)."""
    return report.previous_round is not None and not report.is_changes


def previous_round_heading(report: Report) -> str:
    """The column heading, naming the round: ``Förra uppföljningen (2018-05)``."""
    assert report.previous_round is not None
    return f"{H_PREVIOUS_ROUND} ({report.previous_round.round_id})"


def assessment_lines(assessments: Sequence[Assessment]) -> list[str]:
    """Each assessment as one line: its text, then date and role in parentheses."""
    return [
        f"{a.text} ({a.date.isoformat()}" + (f", {a.by})" if a.by else ")") for a in assessments
    ]


def all_assessments(report: Report) -> list[tuple[str, Sequence[Assessment]]]:
    """The plan's and each area's assessments, labelled *Hela planen* or the area's name."""
    found: list[tuple[str, Sequence[Assessment]]] = []
    if report.assessments:
        found.append((WHOLE_PLAN, report.assessments))
    found += [(s.area_name, s.assessments) for s in report.sections if s.assessments]
    return found


H_COST_ONCE = "Kostnad engång (kr)"
H_COST_PER_YEAR = "Kostnad per år (kr)"


def kronor_label(amount: int) -> str:
    """Whole kronor with a no-break space between thousands: ``15\u00a0000\u00a0kr``
    (:func:`planctl.render.words.quantity_label`, as a target in kronor reads)."""
    return quantity_label(amount, Unit.KRONOR)


def cost_sentence(costs: Costs) -> str | None:
    """What the rows cost according to the plan, or ``None`` when no row states an amount.

    For example ``Kostnad enligt planen: 15 000 kr engång · 800 kr per år``.
    """
    if not costs.any:
        return None
    parts = []
    if costs.once:
        parts.append(f"{kronor_label(costs.once)} engång")
    if costs.per_year:
        parts.append(f"{kronor_label(costs.per_year)} per år")
    return "Kostnad enligt planen: " + " · ".join(parts)


def section_lines(section: Section) -> list[str]:
    """What is said under an area's heading: its counts, and its costs when the plan gives any."""
    cost = cost_sentence(section.costs)
    return [counts_sentence(section.counts), *([cost] if cost else [])]


def start_heading(report: Report) -> str:
    """``Start``, or ``Start/slut`` (as the appendix says it) when a row shown has an end."""
    return H_START_END if any(row.end for row in report.rows) else H_START


def timing_label(row: ReportRow) -> str:
    """A row's start and end as written: ``Hösten 2017`` or ``T2 2026 – Senast december 2026``."""
    return f"{row.start} – {row.end}" if row.end else row.start


def row_label(row: ReportRow) -> str:
    """The row id with the funding mark when it needs extra funding."""
    return row.id + (FUNDING_MARK if row.needs_funding else "")


def needs_funding_note(report: Report) -> bool:
    """Whether any row shown carries the funding mark (so the note must be printed)."""
    return any(row.needs_funding for row in report.rows)


def empty_text(report: Report, section: Section | None = None) -> str:
    """What to say where a section (or the whole report) has no rows to show."""
    if section is not None and section.empty_area:
        return EMPTY_AREA
    return NO_CHANGES if report.is_changes else NO_ROWS


# --- targets and measured values -----------------------------------------------------------------

INDICATORS = "Mål och mätvärden"
H_TARGET = "Mål"
H_MEASURED = "Avser"
H_VALUE = "Senaste värde"
H_VALUE_DATE = "Mätdatum"
H_ROUND = "Uppföljning"
H_MET = "Uppfyllt"
H_TREND = "Trend"
H_PREVIOUS = "Föregående värde"


def source_label(line: IndicatorRow) -> str:
    """Where the target comes from: the row's own, or a catalogue measure's."""
    measure = line.standing.indicator.measure_id
    return "radens eget mål" if measure is None else f"insats {measure}"
