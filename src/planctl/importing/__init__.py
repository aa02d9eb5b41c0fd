"""Importing an existing plan – a Word table, an Excel sheet or a CSV file – as plan YAML.

:mod:`~planctl.importing.grids` reads a file's tables as text, :mod:`~planctl.importing.columns`
recognises what each column holds from its header, and :mod:`~planctl.importing.planfile` builds
the plan file's text with a mapping summary. Checking the text against the rules of
``planctl validate`` and writing it, never over an existing file, is done by
:mod:`planctl.writing.imports`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planctl.importing.grids import read_grids
from planctl.importing.planfile import ImportResult, area_name, build_plan
from planctl.importing.values import FollowUp, PlanHead

__all__ = ["FollowUp", "ImportResult", "PlanHead", "import_file"]


def import_file(
    path: Path,
    *,
    head: PlanHead,
    today: dt.date,
    shown: str,
    area_from: str = "auto",
    follow_up: FollowUp | None = None,
) -> ImportResult:
    """The plan file for the Word, Excel or CSV file at ``path`` (see :func:`build_plan`).

    Rows in a table with neither a heading nor an Område column go to an area named after the
    file. Raises :class:`~planctl.errors.InputError` (exit 2) for a file that cannot be read or
    has no plan table.
    """
    grids = read_grids(path, shown=shown)
    stem = area_name(path.stem.replace("_", " "))
    return build_plan(
        grids,
        head=head,
        source=path.name,
        today=today,
        area_from=area_from,
        fallback_area=(stem[:1].upper() + stem[1:]) or "Åtgärder",
        follow_up=follow_up,
    )
