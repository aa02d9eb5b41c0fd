"""``planctl followup``: the follow-up meeting, row by row."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planctl.cli.options import AreaOption, ByOption, PlanOption
from planctl.cli.output import report_outcome
from planctl.cli.settings import settings_of
from planctl.errors import EXIT_INTERRUPTED, UsageError

if TYPE_CHECKING:
    from planctl.models import Plan, Row, Status
    from planctl.writing.status import Change


def followup(
    ctx: typer.Context,
    round_id: Annotated[
        str, typer.Argument(metavar="OMGÅNG", help="Uppföljningsomgången, t.ex. 2018-05.")
    ],
    area: AreaOption = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            "-d",
            help="Datum för posterna, ÅÅÅÅ-MM-DD. Standard: omgångens datum (i dag om det "
            "ligger i framtiden).",
            show_default=False,
        ),
    ] = None,
    by: ByOption = None,
    plan_id: PlanOption = None,
) -> None:
    """Uppföljningsmöte: gå igenom raderna och fråga efter ny status och notering.

    Enter behåller radens status.

    Allt sparas på en gång på slutet, efter en sammanfattning och en fråga.

    Ctrl-C eller "nej" sparar ingenting.
    """
    from planctl.query import RowFilter, filter_rows, match_plan_area, match_round
    from planctl.writing.savefile import require_writable
    from planctl.writing.status import (
        Prepared,
        check_date,
        followup_date,
        parse_date,
        text_option,
        update_plan,
    )

    settings = settings_of(ctx)
    loaded = settings.load(plan_id).plan(plan_id)
    require_writable(loaded.path, shown=loaded.doc.file)  # before the questions
    plan = loaded.model
    chosen = match_round(plan, round_id)
    today = settings.today_for(plan)
    day = parse_date(date) if date is not None else followup_date(chosen, today=today)
    check_date(day, today=today, plan=plan)
    by = text_option("--by", by)
    area_id = match_plan_area(plan, area).id if area is not None else None
    rows = filter_rows(plan, RowFilter(area=area_id))
    try:
        changes = _ask_changes(plan, rows, day=day, by=by, round_id=chosen.id, title=chosen.name)
        if not changes:
            typer.echo("Inga ändringar; inget skrevs.")
            return
        noun = "ändring" if len(changes) == 1 else "ändringar"
        if not _confirm(f"Spara {len(changes)} {noun} i {loaded.doc.file}?"):
            typer.echo("Inget skrevs.")
            return
    except typer.Abort:
        sys.stderr.write("\nAvbrutet – inget skrevs.\n")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    outcome = update_plan(
        settings.data_root(),
        lambda _plan, _catalogue: Prepared(tuple(changes)),
        today=settings.today,
        now=settings.now,
        base=Path.cwd(),
        plan_id=plan_id,
        snapshot=loaded.doc.text,
    )
    report_outcome(outcome)


def _ask_changes(
    plan: Plan, rows: list[Row], *, day: dt.date, by: str | None, round_id: str, title: str
) -> list[Change]:
    """Ask for each row's status and note; the changes, in row order, as core values."""
    from planctl.progress import owners_label, status_label
    from planctl.render.outcome import change_line
    from planctl.writing.status import change_for, date_conflict

    typer.echo(
        f"{title}: {len(rows)} rader, poster daterade {day}. "
        "Enter behåller statusen; Ctrl-C avbryter utan att spara."
    )
    changes: list[Change] = []
    for number, row in enumerate(rows, 1):
        since = f" sedan {row.history[-1].date}" if row.history else ""
        typer.echo(f"\n[{number}/{len(rows)}] {row.id} · {row.proposal}")
        current = status_label(plan.status_on(row))
        typer.echo(f"  Ansvar: {owners_label(row.owners)} · Status nu: {current}{since}")
        conflict = date_conflict(row, day)
        if conflict is not None:
            typer.echo(f"  Hoppas över: {conflict}")
            continue
        status = _ask_status(plan, row)
        note = typer.prompt("  Notering (Enter = ingen)", default="", show_default=False).strip()
        if status is None:  # Enter on a row not followed up: it stays so
            continue
        change = change_for(
            plan, row, status, date=day, note=note or None, by=by, round_id=round_id
        )
        if change is not None:
            changes.append(change)
    typer.echo("\nSammanfattning:")
    for c in changes:
        line = change_line(c.row_id, status_label(c.previous), c.status.name, str(day), round_id)
        typer.echo(f"  {line}" + (f" – {c.entry.note}" if c.entry.note else ""))
    if not changes:
        typer.echo("  (inga ändringar)")
    return changes


def _ask_status(plan: Plan, row: Row) -> Status | None:
    """The status typed for ``row``; Enter keeps the current one (``None``: not followed up)."""
    from planctl.progress import status_label
    from planctl.query import match_status

    current = plan.status_on(row)
    names = ", ".join(status.name.lower() for status in plan.scale)
    while True:
        typed = typer.prompt(
            f"  Ny status – {names} (Enter = {status_label(current)})",
            default="",
            show_default=False,
        )
        if not typed.strip():
            return current
        try:
            return match_status(plan, typed)
        except UsageError as exc:
            typer.echo(f"  {exc.message}")


def _confirm(question: str) -> bool:
    """A yes/no question answered in Swedish (or English); asks again until it is clear."""
    while True:
        answer = typer.prompt(f"{question} (ja/nej)", default="", show_default=False)
        word = answer.strip().casefold()
        if word in ("ja", "j", "yes", "y"):
            return True
        if word in ("nej", "n", "no"):
            return False
        typer.echo("Svara ja eller nej.")
