"""The follow-up report as one tidy CSV table: a header row, then one row per plan row.

The dialect (BOM, ``;``, CRLF, formula guard) is :mod:`planctl.render.csvdoc`'s, the same for
every CSV planctl writes. The columns are named as the keys of the plan file (see
:data:`COLUMNS`); what the report shows (the day, the filters) is not repeated in the file, and
counts per area come from ``planctl summary`` and ``planctl coverage``. ``status`` is the plan's
own name for the status (``Ej uppföljd`` for a row without one) and ``betyder`` what it means
(``klar``, ``pågår``, ``ej-startad``, ``utgår``), so plans with different scales compare;
``förra_uppföljningen`` (only in a report of a round after the first) is the row's status at the
round before; ``försenad`` is empty or names the kind (``start försenad``,
``slutdatum passerat``). Booleans are ``ja`` or ``nej`` (empty when the plan does not say),
dates ``ÅÅÅÅ-MM-DD``.

The one-line legend the other formats carry is left out: a CSV is one table, and its columns are
defined in the README.
"""

from __future__ import annotations

from planctl.render.csvdoc import csv_text
from planctl.render.report_text import has_previous_round, status_label
from planctl.report import Report, ReportRow, Section

# The report CSV's columns, in order; documented in the README ("CSV").
COLUMNS = (
    "område_id",
    "område",
    "id",
    "förslag",
    "ansvar",
    "start",
    "slut",
    "status",
    "betyder",
    "statusdatum",
    "försenad",
    "behöver_finansiering",
    "notering",
    "noteringsdatum",
)
# A report of changes has the status at the earlier moment before ``status``.
PREVIOUS = "status_före"
# A report of a round after the first has each row's status at the round before (the plan's name).
PREVIOUS_ROUND = "förra_uppföljningen"


def yes_no(value: bool | None) -> str:
    """``ja``, ``nej``, or empty when unknown."""
    if value is None:
        return ""
    return "ja" if value else "nej"


def columns(report: Report) -> list[str]:
    """The header row of ``report``'s CSV."""
    names = list(COLUMNS)
    if report.is_changes:
        names.insert(names.index("status"), PREVIOUS)
    if has_previous_round(report):
        names.insert(names.index("status"), PREVIOUS_ROUND)
    return names


def _cells(report: Report, section: Section, row: ReportRow) -> list[str]:
    values = {
        "område_id": section.area_id,
        "område": section.area_name,
        "id": row.id,
        "förslag": row.proposal,
        "ansvar": row.responsible,
        "start": row.start,
        "slut": row.end or "",
        PREVIOUS: status_label(row.previous),
        PREVIOUS_ROUND: status_label(row.previous_round),
        "status": status_label(row.status),
        "betyder": row.status.meaning.value if row.status else "",
        "statusdatum": row.status_date.isoformat() if row.status_date else "",
        "försenad": row.late.value if row.late else "",
        "behöver_finansiering": yes_no(row.needs_funding),
        "notering": row.note or "",
        "noteringsdatum": row.note_date.isoformat() if row.note_date else "",
    }
    return [values[name] for name in columns(report)]


def render_csv(report: Report) -> str:
    """The report's rows as CSV text: one header row and one row per plan row shown."""
    rows = [_cells(report, section, row) for section in report.sections for row in section.rows]
    return csv_text(columns(report), rows)
