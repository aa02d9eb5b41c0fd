"""``planctl validate``: every problem in the data files at once."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from planctl.cli.options import ValidateFormat
from planctl.cli.settings import job_count, settings_of
from planctl.render.escape import write_commands


def validate(
    ctx: typer.Context,
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FILER",
            help="Filer att kontrollera. Standard: alla YAML-filer i datakatalogen.",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Behandla varningar som fel.")] = False,
    fmt: Annotated[
        ValidateFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Utdataformat: text, github (annoteringar i GitHub Actions), json eller junit "
            "(JUnit XML). Standard: github när GITHUB_ACTIONS=true, annars text.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Kontrollera datafilerna och visa alla problem på en gång (fil:rad:kolumn)."""
    from planctl.errors import as_errors, exit_code_for
    from planctl.parallel import check_selection
    from planctl.render.validation import append_summary, validation_output

    settings = settings_of(ctx)
    data = check_selection(
        list(files or []),
        data_root=settings.data_root,
        today=settings.today,
        now=settings.now,
        base=Path.cwd(),
        jobs=job_count(),
    )
    problems = as_errors(data.problems) if strict else data.problems
    on_github = os.environ.get("GITHUB_ACTIONS") == "true"
    shown = validation_output(problems, data.files, str(fmt) if fmt else None, on_github=on_github)
    write_commands(sys.stdout, shown.commands)  # planctl's own annotations, data escaped
    sys.stdout.write(shown.stdout)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if shown.step_summary and summary_file:
        append_summary(Path(summary_file), shown.step_summary)
    sys.stderr.write(shown.stderr)
    raise typer.Exit(exit_code_for(problems))
