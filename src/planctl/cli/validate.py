"""``planctl validate``: every problem in the data files at once."""

from __future__ import annotations

import enum
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from planctl.cli.settings import job_count, settings_of
from planctl.errors import PlanctlError


class ValidateFormat(enum.StrEnum):
    """Output formats of ``validate``."""

    TEXT = "text"
    GITHUB = "github"
    JSON = "json"
    JUNIT = "junit"


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
    from planctl.errors import Severity, as_errors
    from planctl.parallel import check_paths
    from planctl.render import validation
    from planctl.render.problems import problems_summary, problems_text
    from planctl.store import catalogue_for, data_dir_files, expand_paths

    settings = settings_of(ctx)
    base = Path.cwd()
    jobs = job_count()
    if files:
        try:
            root: Path | None = settings.data_root()
        except PlanctlError:
            root = None
        paths = expand_paths(list(files), base=base)
        helper_catalogue = catalogue_for(paths, data_root=root)
        data = check_paths(
            paths,
            today=settings.today,
            base=base,
            extra_catalogue=helper_catalogue,
            jobs=jobs,
        )
    else:
        root = settings.data_root()
        data = check_paths(
            data_dir_files(root, base=base), today=settings.today, base=base, root=root, jobs=jobs
        )
    problems = as_errors(data.problems) if strict else data.problems
    if fmt is None:
        on_github = os.environ.get("GITHUB_ACTIONS") == "true"
        fmt = ValidateFormat.GITHUB if on_github else ValidateFormat.TEXT
    if fmt is ValidateFormat.JSON:
        sys.stdout.write(validation.problems_json(problems, data.files))
    elif fmt is ValidateFormat.JUNIT:
        sys.stdout.write(validation.problems_junit(problems, data.files))
    else:
        if fmt is ValidateFormat.GITHUB:
            sys.stdout.write(validation.problems_github(problems))
            summary = os.environ.get("GITHUB_STEP_SUMMARY")
            if summary and problems:
                validation.append_summary(
                    Path(summary), validation.problems_markdown(problems, len(data.files))
                )
        else:
            sys.stdout.write(problems_text(problems))
        sys.stderr.write(problems_summary(problems, len(data.files)) + "\n")
    raise typer.Exit(1 if any(p.severity is Severity.ERROR for p in problems) else 0)
