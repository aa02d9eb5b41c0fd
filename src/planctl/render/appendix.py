"""The words and layout the committee's documents share: Word, PDF and the printed HTML.

The appendix table is the report's rows table (:mod:`planctl.render.report_tables`) as the
documents show it, with the same columns and widths on paper in every area and every document;
the print header carries the plan's title and the appendix label; the legend defines the report's
marks and words.
"""

from __future__ import annotations

from dataclasses import dataclass

from planctl.errors import UsageError
from planctl.lookup import unknown
from planctl.render.report_tables import row_columns
from planctl.render.report_text import LEGEND_TEXT, MARK, needs_funding_note
from planctl.render.tables import DOCX, Column, paper_minimum, paper_widths
from planctl.render.words import FUNDING_NOTE
from planctl.report import Report

SUMMARY = "Sammanfattning"
LEGEND = "Teckenförklaring"
ORIENTATIONS = ("auto", "stående", "liggande")
PORTRAIT_WIDTH = 17.4  # cm of text on an A4 page in portrait with 1.8 cm margins


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
    raise UsageError(unknown("orientering", typed, ORIENTATIONS))


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


def appendix_columns(report: Report) -> tuple[Column, ...]:
    """The appendix table's columns: what Word and the printed HTML show of the rows table
    (:func:`~planctl.render.report_tables.row_fields`), each with its width on paper.

    Id · Förslag · Ansvar · Start/slut · one column per status (Från and Till for changes;
    *Förra uppföljningen* in a round after the first) · Senaste notering.
    """
    return tuple(c for c in row_columns(report) if DOCX in c.formats)


def appendix_headings(report: Report) -> list[str]:
    """The appendix table's headings, in order."""
    return [c.heading for c in appendix_columns(report)]


def landscape(report: Report, options: DocumentOptions) -> bool:
    """Whether the document's pages are landscape: as asked, or when the table needs the width."""
    if options.orientation == "liggande":
        return True
    if options.orientation == "stående":
        return False
    return paper_minimum(appendix_columns(report)) > PORTRAIT_WIDTH


def appendix_widths(report: Report, width: float) -> list[float]:
    """Each appendix column's width for a table ``width`` wide (same unit), as in the headings.

    Id, Ansvar, Start/slut and the status columns are fixed; Förslag and Notering share the rest,
    Förslag the larger part, so every area's table has the same columns.
    """
    return paper_widths(appendix_columns(report), width)


LEGEND_MARK = f"{MARK}: radens status vid rapportens tidpunkt."


def legend_lines(report: Report) -> list[str]:
    """What the report's marks and words mean, one definition a line, for every format."""
    # The shared legend defines *försenad* and *ej uppföljd*, one sentence each: one line each.
    lines = [LEGEND_MARK, *(f"{part.rstrip('.')}." for part in LEGEND_TEXT.split(". ") if part)]
    if needs_funding_note(report):
        lines.append(FUNDING_NOTE)
    return lines
