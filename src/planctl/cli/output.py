"""Printing what commands produce: reports to stdout or a file, analyses, what a write did."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from planctl.cli.options import ReportFormat
from planctl.cli.settings import stdout_console
from planctl.errors import UsageError
from planctl.render.escape import write_document

if TYPE_CHECKING:
    from rich.console import RenderableType

    from planctl.render.appendix import DocumentOptions
    from planctl.report import Report
    from planctl.writing.status import Outcome


def emit_report(
    built: Report,
    fmt: ReportFormat | None,
    output: Path | None,
    options: DocumentOptions | None = None,
    *,
    data_root: Path | None,
) -> None:
    """Print a report on stdout or write it to ``output`` (never a data file), as asked.

    ``options`` label and lay out the committee's documents (HTML, Word, PDF).
    """
    from planctl.render.formats import chosen_format, is_binary
    from planctl.render.report import render_report, report_view

    chosen = chosen_format("report", str(fmt) if fmt else None, output)
    if output is not None:
        from planctl.writing.files import save_output  # the writer only when writing

        content = render_report(built, chosen, options=options)
        shown = save_output(output, content, base=Path.cwd(), data_root=data_root)
        sys.stderr.write(f"planctl: skrev {shown} ({chosen})\n")
    elif chosen == "table":
        stdout_console().print(report_view(built))
    elif is_binary(chosen) and sys.stdout.isatty():
        raise UsageError(f"{chosen} är ett binärt format; ange --output RAPPORT.{chosen}")
    else:
        write_document(sys.stdout, render_report(built, chosen, options=options))


def write_text(text: str) -> None:
    """``text`` to stdout as UTF-8 bytes, line ends as written (CSV's CRLF stays CRLF everywhere,
    where a text-mode stdout on Windows would make it CR CR LF)."""
    write_document(sys.stdout, text.encode("utf-8"))


def emit(
    output_name: str,
    fmt: str | None,
    output: Path | None,
    *,
    text: Callable[[str], str],
    view: Callable[[], RenderableType],
    data_root: Path | None,
) -> None:
    """Print what a command shows, or write it to ``output``, in the format asked for.

    The format is :func:`planctl.render.formats.chosen_format`'s: ``--format`` (which must
    agree with ``output``'s suffix), else the suffix, else the command's default. ``view`` makes
    the table for a terminal (written to a file as plain text, 100 columns wide); ``text`` every
    other format.
    """
    from planctl.render.formats import chosen_format

    chosen = chosen_format(output_name, str(fmt) if fmt else None, output)
    if output is None:
        if chosen == "table":
            stdout_console().print(view())
        else:
            write_text(text(chosen))
        return
    from planctl.render.console import plain_text
    from planctl.writing.files import save_output  # the writer only when writing

    content = plain_text(view()) if chosen == "table" else text(chosen)
    shown = save_output(output, content.encode("utf-8"), base=Path.cwd(), data_root=data_root)
    sys.stderr.write(f"planctl: skrev {shown} ({chosen})\n")


def report_outcome(outcome: Outcome, *, dry_run: bool = False) -> None:
    from planctl.entries import entry_kind
    from planctl.progress import status_label
    from planctl.render.outcome import change_line, measurement_line, outcome_text

    if dry_run:
        sys.stdout.write(outcome.diff)
    lines = [
        change_line(
            c.row_id,
            status_label(c.previous),
            c.status.name,
            str(c.entry.date),
            c.entry.round,
            kind=entry_kind(
                c.previous.name if c.previous else None,
                c.status.name,
                noted=c.entry.note is not None,
                corrects=c.entry.corrects,
            ),
        )
        for c in outcome.changes
    ]
    lines += [measurement_line(m.row_id, m.entry, m.target) for m in outcome.measurements]
    lines += [
        f"bedömning {a.round}" + (f", {a.area}" if a.area else ", hela planen") + f": {a.text}"
        for a in outcome.assessments
    ]
    sys.stderr.write(
        outcome_text(outcome.file, lines, outcome.notices, written=outcome.written, dry_run=dry_run)
    )
