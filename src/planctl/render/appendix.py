"""The words and layout the committee's documents share: Word, PDF and the printed HTML.

The appendix table (Id · Förslag · Ansvar · Start/slut · the status columns · Notering) has the
same columns and widths in every area and every document; the print header carries the plan's
title and the appendix label; the legend defines the report's marks and words.
"""

from __future__ import annotations

from dataclasses import dataclass

from planctl.errors import UsageError
from planctl.render.report_text import (
    H_FROM,
    H_ID,
    H_PROPOSAL,
    H_RESPONSIBLE,
    H_TO,
    LEGEND_TEXT,
    MARK,
    has_previous_round,
    met_label,
    needs_funding_note,
    point_label,
    previous_round_heading,
    previous_round_label,
    row_label,
    source_label,
    start_heading,
    status_label,
    status_marks,
    timing_label,
    trend_label,
)
from planctl.render.words import FUNDING_MARK, FUNDING_NOTE, target_label
from planctl.report import IndicatorRow, Report, ReportRow

SUMMARY = "Sammanfattning"
LEGEND = "Teckenförklaring"
H_NOTE_SHORT = "Notering"
ORIENTATIONS = ("auto", "stående", "liggande")
PORTRAIT_WIDTH = 17.4  # cm of text on an A4 page in portrait with 1.8 cm margins

# Column widths of the appendix table in cm: the same in every area's table and every format.
_W_ID, _W_RESPONSIBLE, _W_PERIOD, _W_MARK = 1.7, 4.6, 2.6, 2.2
# The previous round's status is a word ("Ej uppföljd") under a long heading, not an X.
_W_PREVIOUS = 3.2
_W_PROPOSAL_MIN, _W_NOTE_MIN = 6.0, 3.5


@dataclass(frozen=True)
class DocumentOptions:
    """How a report document for the committee is labelled and laid out.

    ``appendix`` is the header label (``Bilaga 2``), ``case_number`` the registry number
    (``KS 2018/123``); ``orientation`` is one of :data:`ORIENTATIONS`: ``auto`` turns the page
    to landscape when the appendix table does not fit a portrait page.
    """

    appendix: str | None = None
    case_number: str | None = None
    orientation: str = "auto"


def orientation_of(typed: str) -> str:
    """One of :data:`ORIENTATIONS` from what a user typed (``staende``, ``Liggande``, ``auto``).

    Raises :class:`~planctl.errors.UsageError` (exit 2) for anything else.
    """
    folded = typed.strip().casefold().replace("å", "a").replace("ä", "a").replace("ö", "o")
    for orientation in ORIENTATIONS:
        if folded == orientation.replace("å", "a"):
            return orientation
    raise UsageError(f"okänd orientering '{typed}'; giltiga: {', '.join(ORIENTATIONS)}")


def appendix_label(options: DocumentOptions) -> str:
    """The header's appendix label as given (``Bilaga 2``), or nothing."""
    return (options.appendix or "").strip()


def case_label(options: DocumentOptions) -> str:
    """The header's registry number: ``Dnr KS 2018/123``, or nothing."""
    number = (options.case_number or "").strip()
    return f"Dnr {number}" if number else ""


def print_header(report: Report, options: DocumentOptions) -> tuple[str, str]:
    """The two sides of every printed page's header: the plan's title; appendix and case number."""
    right = " · ".join(p for p in (appendix_label(options), case_label(options)) if p)
    return report.plan_title, right


def appendix_status_headings(report: Report) -> list[str]:
    """The appendix table's status columns: the plan's statuses, or From/To for changes.

    A report of a round after the first adds the status at the round before
    (*Förra uppföljningen*), which a committee compares first.
    """
    if report.is_changes:
        return [H_FROM, H_TO]
    previous = [previous_round_heading(report)] if has_previous_round(report) else []
    return [*(s.name for s in report.scale), *previous]


def appendix_headings(report: Report) -> list[str]:
    """Id · Förslag · Ansvar · Start (Start/slut when a row has an end) · statuses · Notering."""
    return [
        H_ID,
        H_PROPOSAL,
        H_RESPONSIBLE,
        start_heading(report),
        *appendix_status_headings(report),
        H_NOTE_SHORT,
    ]


def _minimum_width(report: Report) -> float:
    return _fixed_width(report) + _W_PROPOSAL_MIN + _W_NOTE_MIN


def _mark_widths(report: Report) -> list[float]:
    """The status columns' widths: an X column per status, wider for the previous round."""
    widths = [_W_MARK] * len(appendix_status_headings(report))
    if has_previous_round(report):
        widths[-1] = _W_PREVIOUS
    return widths


def _fixed_width(report: Report) -> float:
    return _W_ID + _W_RESPONSIBLE + _W_PERIOD + sum(_mark_widths(report))


def landscape(report: Report, options: DocumentOptions) -> bool:
    """Whether the document's pages are landscape: as asked, or when the table needs the width."""
    if options.orientation == "liggande":
        return True
    if options.orientation == "stående":
        return False
    return _minimum_width(report) > PORTRAIT_WIDTH


def appendix_widths(report: Report, width: float) -> list[float]:
    """Each appendix column's width for a table ``width`` wide (same unit), as in the headings.

    Id, Ansvar, Start/slut and the status columns are fixed; Förslag and Notering share the rest,
    Förslag the larger part, so every area's table has the same columns.
    """
    fixed = _fixed_width(report)
    scale = 1.0 if width >= _minimum_width(report) else width / _minimum_width(report)
    rest = width - fixed * scale
    return [
        _W_ID * scale,
        rest * 0.62,
        _W_RESPONSIBLE * scale,
        _W_PERIOD * scale,
        *(w * scale for w in _mark_widths(report)),
        rest * 0.38,
    ]


def period_label(row: ReportRow) -> str:
    """When the row runs, start and end as the plan writes them: ``Hösten 2017 – våren 2018``."""
    return timing_label(row)


def note_label(row: ReportRow) -> str:
    """The row's latest note with its date, ``2018-05-20: text``, or nothing."""
    if not row.note:
        return ""
    return f"{row.note_date.isoformat()}: {row.note}" if row.note_date else row.note


def appendix_cells(report: Report, row: ReportRow) -> list[str]:
    """One row of the appendix table as text, in the order of :func:`appendix_headings`.

    A status cell holds ``X``, with how the row is late (``start försenad``) on a second line.
    """
    if report.is_changes:
        marks = [status_label(row.previous), status_label(row.status)]
    else:
        marks = [m.replace(f"{MARK} ", f"{MARK}\n", 1) for m in status_marks(report, row)]
        if has_previous_round(report):
            marks.append(previous_round_label(row))
    return [
        row_label(row),
        row.proposal,
        row.responsible,
        period_label(row),
        *marks,
        note_label(row),
    ]


def indicator_cells(line: IndicatorRow) -> list[str]:
    """One measured target as text: Id · Mål · Senaste värde · Uppfyllt · Trend."""
    standing = line.standing
    target = standing.indicator.target
    latest = standing.latest
    assert latest is not None  # the report lists only measured targets
    goal = target_label(target.direction, target.value, target.unit)
    goal += f"\n{target.measured} ({source_label(line)})"
    if latest.note:
        goal += f"\nNotering: {latest.note}"
    return [
        line.row_id + (FUNDING_MARK if line.needs_funding else ""),
        goal,
        point_label(latest, target.unit),
        met_label(standing),
        trend_label(standing),
    ]


LEGEND_MARK = f"{MARK}: radens status vid rapportens tidpunkt."


def legend_lines(report: Report) -> list[str]:
    """What the report's marks and words mean, one definition a line, for every format."""
    # The shared legend defines *försenad* and *ej uppföljd*, one sentence each: one line each.
    lines = [LEGEND_MARK, *(f"{part.rstrip('.')}." for part in LEGEND_TEXT.split(". ") if part)]
    if needs_funding_note(report):
        lines.append(FUNDING_NOTE)
    return lines
