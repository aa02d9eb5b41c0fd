"""``planctl followup``: the follow-up meeting, row by row."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from planctl.cli.options import AreaOption, ByOption, PlanOption
from planctl.cli.plan_writes import write_plan
from planctl.cli.settings import Settings, settings_of
from planctl.errors import EXIT_CONFLICT, EXIT_INTERRUPTED, UsageError
from planctl.nouns import count_words

if TYPE_CHECKING:
    from planctl.models import Plan, Row
    from planctl.writing.meeting import Answer, Draft
    from planctl.writing.status import Prepared


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
    all_rows: Annotated[
        bool,
        typer.Option("--all", help="Fråga även om rader som redan har en post för omgången."),
    ] = False,
    plan_id: PlanOption = None,
) -> None:
    """Uppföljningsmöte: gå igenom raderna och registrera status och notering.

    Enter bekräftar radens status (granskad, oförändrad: en post utan ändring), s hoppar över
    raden, b går tillbaka en rad. Varje svar sparas direkt i ett utkast bredvid planen;
    Ctrl-C lämnar utkastet kvar och 'followup' för samma omgång erbjuder att fortsätta.

    Rader som redan har en post för omgången hoppas över utan --all. Svaren skrivs till
    planen på slutet; har någon annan ändrat samma rad under tiden skrivs de
    'planctl status set'-kommandon ut som registrerar de svaren.
    """
    from planctl.query import RowFilter, filter_rows, match_plan_area, match_round
    from planctl.rounds import has_entry_for
    from planctl.writing.meeting import Draft, draft_path, load_draft, save_draft
    from planctl.writing.savefile import require_writable
    from planctl.writing.status import check_date, followup_date, parse_date, text_option

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
    rows = [
        row
        for row in filter_rows(plan, RowFilter(area=area_id))
        if all_rows or not has_entry_for(plan, row.history, chosen.id)
    ]
    path = draft_path(loaded.path, chosen.id)
    draft = Draft(plan.meta.id, chosen.id, day.isoformat(), by, date_given=date is not None)
    try:
        earlier = load_draft(path)
        if earlier is not None and earlier.answers:
            typer.echo(
                f"Det finns ett utkast för {chosen.id} med {len(earlier.answers)} svar "
                f"(poster daterade {earlier.date})."
            )
            if _confirm("Fortsätta där mötet slutade?"):
                draft = earlier
        if not rows and not draft.answers:
            typer.echo(
                f"Alla rader har redan en post för {chosen.id}; ange --all för att gå igenom dem."
            )
            return
        _ask_rows(plan, rows, draft, path, title=chosen.name, today=today)
        given = [a for a in draft.answers if a.action != "hoppa"]
        if not given:
            typer.echo("Inga svar att spara; inget skrevs.")
            return
        if not _confirm(f"Spara {len(given)} svar i {loaded.doc.file}?"):
            typer.echo(
                f"Inget skrevs. Utkastet finns kvar; kör 'planctl followup {chosen.id}' "
                "för att fortsätta."
            )
            return
    except typer.Abort:
        if not draft.answers:  # nothing given: no draft to leave behind
            sys.stderr.write("\nAvbrutet – inga svar gavs; inget skrevs.\n")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        save_draft(path, draft)
        sys.stderr.write(
            f"\nAvbrutet – {len(draft.answers)} svar finns kvar i utkastet {path.name}; "
            f"kör 'planctl followup {chosen.id}' för att fortsätta.\n"
        )
        raise typer.Exit(EXIT_INTERRUPTED) from None
    _write_answers(settings, plan_id, draft, path)


def _write_answers(settings: Settings, plan_id: str | None, draft: Draft, path: Path) -> None:
    """Apply the answers to the plan as it is now; print replay commands for clashes."""
    from planctl.writing.dating import date_conflict
    from planctl.writing.meeting import apply_answers, discard_draft, replay_command, save_draft
    from planctl.writing.status import status_for_round

    clashes: list[Answer] = []

    def prepare(plan: Plan, _catalogue: object, today: dt.date) -> Prepared:
        applied = apply_answers(plan, draft, today=today)  # dated as the meeting decided
        clashes[:] = applied.clashes
        return applied.prepared

    write_plan(settings, prepare, plan_id=plan_id)
    if not clashes:
        discard_draft(path)
        return
    current = settings.load(plan_id).plan(plan_id).model
    draft.answers = clashes
    save_draft(path, draft)
    lines = [
        f"planctl: {len(clashes)} svar skrevs inte: raderna har fått nya poster sedan mötet "
        "började. Svaren finns kvar i utkastet; granska raderna (planctl history ID) och "
        "registrera dem med:",
    ]
    for answer in clashes:
        row = current.row(answer.row)
        status = status_for_round(current, row, draft.round) if row else None
        # A row that now has a later entry is recorded afterwards by status set without --date.
        dated = draft.date_given or row is None or date_conflict(row, draft.day) is None
        lines.append("  " + replay_command(draft, answer, status, dated=dated))
    sys.stderr.write("\n".join(lines) + "\n")
    raise typer.Exit(EXIT_CONFLICT)


def _ask_rows(
    plan: Plan, rows: list[Row], draft: Draft, path: Path, *, title: str, today: dt.date
) -> None:
    """Ask row by row, saving the draft after every answer; Enter, s and b as documented.

    A row with an entry later than the meeting's date is recorded afterwards (dated ``today``),
    or skipped with the reason when the date was given with ``--date``.
    """
    from planctl.writing.dating import afterwards_notice, date_conflict
    from planctl.writing.meeting import entry_day, save_draft

    typer.echo(
        f"{title}: {count_words(len(rows), 'rad', 'rader')}, poster daterade {draft.date}. "
        "Enter bekräftar statusen, "
        "s hoppar över, b går tillbaka; Ctrl-C avbryter (svaren sparas i ett utkast)."
    )
    index = next((i for i, row in enumerate(rows) if draft.of(row.id) is None), len(rows))
    while index < len(rows):
        row = rows[index]
        _show_row(plan, row, index + 1, len(rows), draft.day)
        day = entry_day(row, draft, today=today)
        if day is None:
            typer.echo(
                f"  Hoppas över: {date_conflict(row, draft.day)} (ange inget --date för "
                "att registrera raden i efterhand)"
            )
            index += 1
            continue
        if day != draft.day:
            typer.echo(f"  Obs: {afterwards_notice(row, draft.round, day)}")
        answer = _ask_answer(plan, row, len(row.history), draft.round)
        if answer is None:  # back
            if index == 0:
                typer.echo("  (första raden)")
                continue
            index -= 1
            draft.forget(rows[index].id)
            save_draft(path, draft)
            continue
        draft.answer(answer)
        save_draft(path, draft)
        index += 1
    _print_summary(draft)


def _show_row(plan: Plan, row: Row, number: int, total: int, day: dt.date) -> None:
    """The row's card: id, proposal, owner, period, latest status with date and note, late."""
    import shutil
    import textwrap

    from planctl.progress import owners_label, state_on

    width = max(40, shutil.get_terminal_size((80, 24)).columns)
    state = state_on(plan, row, day)
    latest = state.entry
    lines = [f"[{number}/{total}] {row.id} · {row.proposal}"]
    period = f"{row.start} – {row.end}" if row.end else row.start
    lines.append(f"Ansvar: {owners_label(row.owners)} · Period: {period}")
    if latest is not None:
        noted = f" – {latest.note}" if latest.note else ""
        lines.append(f"Senast: {latest.status} ({latest.date}){noted}")
    else:
        lines.append("Senast: ingen post ännu (ej uppföljd)")
    if state.late is not None:
        lines.append(f"Försenad: {state.late.value}")
    typer.echo("")
    for i, line in enumerate(lines):
        indent = "" if i == 0 else "  "
        typer.echo(
            textwrap.fill(line, width=width - 1, initial_indent=indent, subsequent_indent="    ")
        )


def _ask_answer(plan: Plan, row: Row, seen: int, round_id: str) -> Answer | None:
    """One row's answer; ``None`` when the user goes back (``b``). Enter confirms the row's
    status at the round."""
    from planctl.query import match_status
    from planctl.writing.meeting import CONFIRM, SET, SKIP, Answer
    from planctl.writing.status import status_for_round

    current = status_for_round(plan, row, round_id)
    names = ", ".join(s.name.casefold() for s in plan.scale)
    enter = f"Enter = bekräfta {current.name}" if current else f"ange {names}"
    while True:
        typed = typer.prompt(
            f"  Status ({enter}, s = hoppa över, b = tillbaka)",
            default="",
            show_default=False,
        ).strip()
        word = typed.casefold()
        if word == "b":
            return None
        if word == "s":
            return Answer(row.id, SKIP, seen=seen)
        status = current
        if typed:
            try:
                status = match_status(plan, typed)
            except UsageError as exc:
                typer.echo(f"  {exc.message}")
                continue
        if status is None:
            typer.echo(f"  Raden är inte uppföljd än; ange en status ({names}) eller s.")
            continue
        note = typer.prompt("  Notering (Enter = ingen)", default="", show_default=False).strip()
        action = SET if status != current else CONFIRM
        return Answer(row.id, action, status=status.name, note=note or None, seen=seen)


def _print_summary(draft: Draft) -> None:
    typer.echo("\nSammanfattning:")
    words = {"bekräfta": "bekräftad", "status": "ny status", "hoppa": "hoppas över"}
    for answer in draft.answers:
        what = words.get(answer.action, answer.action)
        status = f" {answer.status}" if answer.status and answer.action != "hoppa" else ""
        note = f" – {answer.note}" if answer.note else ""
        typer.echo(f"  {answer.row}: {what}{status}{note}")
    if not draft.answers:
        typer.echo("  (inga svar)")


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
