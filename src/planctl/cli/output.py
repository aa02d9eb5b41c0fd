"""Printing what commands produce: reports to stdout or a file, analyses, what a write did."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from planctl.cli.options import ReportFormat
from planctl.cli.settings import stdout_console
from planctl.errors import UsageError
from planctl.render.escape import write_document

if TYPE_CHECKING:
    from planctl.report import Report
    from planctl.writing.status import Outcome


def emit_report(
    built: Report, fmt: ReportFormat | None, output: Path | None, *, data_root: Path | None
) -> None:
    """Print a report on stdout or write it to ``output`` (never a data file), as asked."""
    from planctl.render.formats import is_binary
    from planctl.render.report import render_report, report_format_for, report_view

    chosen = str(fmt) if fmt else report_format_for(output) if output else "table"
    if output is not None:
        from planctl.writing.files import save_output  # the writer only when writing

        content = render_report(built, chosen)
        shown = save_output(output, content, base=Path.cwd(), data_root=data_root)
        sys.stderr.write(f"planctl: skrev {shown} ({chosen})\n")
    elif chosen == "table":
        stdout_console().print(report_view(built))
    elif is_binary(chosen) and sys.stdout.isatty():
        raise UsageError(f"{chosen} är ett binärt format; ange --output RAPPORT.{chosen}")
    else:
        write_document(sys.stdout, render_report(built, chosen))


def print_analysis(output: object) -> None:
    """Text formats go straight to stdout; a Rich table through the console."""
    if isinstance(output, str):
        sys.stdout.write(output)
    else:
        stdout_console().print(output)


def report_outcome(outcome: Outcome, *, dry_run: bool = False) -> None:
    from planctl.progress import status_label
    from planctl.render.outcome import change_line, measurement_line, outcome_text

    if dry_run:
        sys.stdout.write(outcome.diff)
    lines = [
        change_line(
            c.row_id, status_label(c.previous), c.status.name, str(c.entry.date), c.entry.round
        )
        for c in outcome.changes
    ]
    lines += [measurement_line(m.row_id, m.entry, m.target) for m in outcome.measurements]
    sys.stderr.write(
        outcome_text(outcome.file, lines, outcome.notices, written=outcome.written, dry_run=dry_run)
    )
