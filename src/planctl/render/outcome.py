"""What the writing commands (``status set``, ``indicator set``, ``followup``) say when done."""

from __future__ import annotations

from collections.abc import Sequence

from planctl.entries import EntryKind
from planctl.indicators import is_met
from planctl.models import Measurement, Target
from planctl.render import words

# What an entry is, said after the statuses; a change says it by its arrow alone.
_KIND_WORDS = {
    EntryKind.CHANGE: "",
    EntryKind.CONFIRMATION: " (bekräftad)",
    EntryKind.NOTE: " (ny notering)",
    EntryKind.CORRECTION: " (rättelse)",
}


def change_line(
    row_id: str, previous: str, status: str, date: str, round_id: str | None, *, kind: EntryKind
) -> str:
    """One recorded entry in words: ``LB-1: Ej påbörjat → Påbörjat (2018-05-31, 2018-05)``.

    An entry that keeps the status says what it is (:func:`planctl.entries.entry_kind`): a
    confirmation without a note is ``(bekräftad)``, one with a note ``(ny notering)``.
    """
    when = date if round_id is None else f"{date}, uppföljning {round_id}"
    return f"{row_id}: {previous} → {status}{_KIND_WORDS[kind]} ({when})"


def measurement_line(row_id: str, entry: Measurement, target: Target) -> str:
    """One recorded value in words: ``LB-4: 1500 kr – mål minst 1500 kr: uppfyllt (…)``."""
    met = "uppfyllt" if is_met(target, entry.value) else "ej uppfyllt"
    where = "" if entry.measure is None else f" (insats {entry.measure})"
    when = str(entry.date) if entry.round is None else f"{entry.date}, uppföljning {entry.round}"
    return (
        f"{row_id}{where}: {words.quantity_label(entry.value, target.unit)} – "
        f"mål {words.target_label(target.direction, target.value, target.unit)}: {met} ({when})"
    )


def outcome_text(
    file: str, lines: Sequence[str], notices: Sequence[str], *, written: bool, dry_run: bool
) -> str:
    """What a writing command tells the user on stderr after it is done."""
    out = [f"planctl: {notice}" for notice in notices]
    count = len(lines)
    entries = words.count_words(count, "post", "poster")
    if not lines:
        out.append(f"Inga ändringar; {file} är oförändrad.")
    elif dry_run:
        out.append(f"Torrkörning – inget skrevs. {entries} skulle läggas till i {file}:")
    elif written:
        out.append(f"{entries} {words.agree(count, 'tillagd', 'tillagda')} i {file}:")
    out += [f"  {line}" for line in lines]
    return "".join(line + "\n" for line in out)


def new_plan_text(shown: str, plan_id: str, rows: int, areas: int) -> str:
    """What ``new`` says after writing a plan: where, which id, how many draft rows and areas."""
    made = words.count_words(rows, "utkastrad", "utkastrader")
    return (
        f"Skrev {shown}: planen '{plan_id}' med {made} i "
        f"{words.count_words(areas, 'område', 'områden')}. "
        "Fyll i ansvar och start och kör 'planctl validate'.\n"
    )
