"""Turning the tables of an existing plan into the text of a plan file.

:func:`build_plan` takes the grids a reader produced and returns the plan file's text together
with a mapping summary (which column became which field, what was skipped and why) and the
warnings for text that could not be interpreted. Nothing is invented: text is kept as written,
ids are derived (and the file says so), and status marks become history only when the caller
names the follow-up they belong to. No I/O; checking and writing the text is the caller's job.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from planctl.errors import InputError, UsageError
from planctl.importing.columns import (
    Column,
    Layout,
    Role,
    StatusWord,
    find_layout,
    status_word,
)
from planctl.importing.columns import fold as fold_header
from planctl.importing.grids import Grid
from planctl.importing.planyaml import plan_scale, plan_text
from planctl.importing.values import FollowUp, ImportedRow, PlanHead
from planctl.newplan import (
    RoundSpec,
    plan_slug,
)
from planctl.nouns import count_words

_BULLET = re.compile(r"^\s*(?:[•·▪◦‣●○■□➢➤►*]|[-–—](?=\s))\s*")
_NO_MARK = {"", "-", "–", "nej", "0", "n"}
_STOPWORDS = {"och", "i", "for", "med", "av", "till", "pa", "samt", "om", "det", "den"}

AREA_FROM = ("auto", "heading", "column")


@dataclass(frozen=True)
class ImportResult:
    """A plan file's text, its rows, and what the user must be told about the import."""

    plan_id: str
    text: str
    areas: tuple[tuple[str, str], ...]
    rows: tuple[ImportedRow, ...]
    mapping: tuple[str, ...]
    warnings: tuple[str, ...]
    history_entries: int


@dataclass
class _State:
    areas: dict[str, str] = field(default_factory=dict)  # id → name, in order of appearance
    rows: list[ImportedRow] = field(default_factory=list)
    mapping: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    scale_words: list[StatusWord] = field(default_factory=list)  # in source order


def clean_text(text: str) -> str:
    """A cell's text on one line: bullets dropped, line breaks and runs of spaces as one space."""
    lines = [_BULLET.sub("", line) for line in text.replace("\xa0", " ").splitlines()]
    return " ".join(" ".join(lines).split())


def cell_items(text: str) -> tuple[str, ...]:
    """A cell's lines as separate items (a bulleted or line-broken list of owners)."""
    lines = [_BULLET.sub("", line) for line in text.replace("\xa0", " ").splitlines()]
    return tuple(" ".join(line.split()) for line in lines if line.strip())


def area_name(text: str) -> str:
    """A heading as an area name: ``LÖNEBILDNING`` → ``Lönebildning``; other text as written."""
    name = clean_text(text).rstrip(":")
    if name.isupper():
        name = name[:1] + name[1:].lower()
    return name


def parse_follow_up(round_id: str | None, date: dt.date | None) -> FollowUp | None:
    """The follow-up ``--round``/``--date`` name: ``2018-05`` alone means its month's last day."""
    if round_id is None and date is None:
        return None
    if date is None:
        assert round_id is not None
        found = re.fullmatch(r"(\d{4})-(\d{2})", round_id.strip())
        if not found or not 1 <= int(found.group(2)) <= 12:
            raise UsageError(
                f"--round {round_id}: ange också --date ÅÅÅÅ-MM-DD (dagen statusen gällde), "
                "eller skriv omgången som en månad, t.ex. --round 2018-05"
            )
        date = RoundSpec(int(found.group(1)), int(found.group(2))).date
    return FollowUp(round_id.strip() if round_id else None, date)


def build_plan(
    grids: Sequence[Grid],
    *,
    head: PlanHead,
    source: str,
    today: dt.date,
    area_from: str = "auto",
    fallback_area: str,
    follow_up: FollowUp | None = None,
) -> ImportResult:
    """The plan file for the plan tables among ``grids``.

    ``source`` names the file in the written header and messages; ``fallback_area`` names the
    area of rows whose table has neither a heading nor an Område column (e.g. a CSV file).
    Raises :class:`InputError` (exit 2) when no grid is a plan table or none has a row.
    """
    if area_from not in AREA_FROM:
        raise UsageError(f"--area-from ska vara heading eller column, inte '{area_from}'")
    state = _State()
    previous_area: str | None = None
    found_table = False
    for grid in grids:
        layout = find_layout(grid.rows)
        if layout is None:
            if any(any(c.strip() for c in row) for row in grid.rows):
                state.mapping.append(
                    f"{grid.origin}: ingen kolumn för förslag (Förslag, Åtgärd, Aktivitet eller "
                    "Insats) i rubrikraden – hoppades över"
                )
            continue
        found_table = True
        previous_area = _read_table(
            grid,
            layout,
            state,
            area_from=area_from,
            previous_area=previous_area,
            fallback_area=fallback_area,
        )
    if not found_table:
        raise InputError(
            f"{source}: hittade ingen tabell med en rubrikrad som namnger förslagen (Förslag, "
            "Åtgärd, Aktivitet eller Insats); planctl importerar tabeller med en sådan kolumn"
        )
    if not state.rows:
        raise InputError(f"{source}: tabellerna har rubriker men inga rader med förslag")
    rows = _with_ids(state)
    marked = [r for r in rows if r.status is not None]
    entries = 0
    if marked and follow_up is None:
        state.warnings.append(
            f"{count_words(len(marked), 'rad', 'rader')} har en status i källan; den registreras "
            "bara med --round eller --date (omgången eller dagen statusen gällde)"
        )
    rounds = head.rounds
    if follow_up is not None:
        if follow_up.round_id and not any(r[0] == follow_up.round_id for r in rounds):
            rounds = (*rounds, _round_of(follow_up))
        entries = len(marked)
        if not marked:
            state.warnings.append("källan har inga statusmarkeringar; ingen historik skrevs")
    text = plan_text(
        rows,
        state.areas,
        state.warnings,
        scale=plan_scale(state.scale_words),
        head=PlanHead(head.plan_id, head.title, head.organisation, rounds),
        source=source,
        today=today,
        follow_up=follow_up,
    )
    return ImportResult(
        plan_id=head.plan_id,
        text=text,
        areas=tuple(state.areas.items()),
        rows=tuple(rows),
        mapping=tuple(state.mapping),
        warnings=tuple(dict.fromkeys(state.warnings)),
        history_entries=entries,
    )


def _read_table(
    grid: Grid,
    layout: Layout,
    state: _State,
    *,
    area_from: str,
    previous_area: str | None,
    fallback_area: str,
) -> str | None:
    area_column = layout.first(Role.AREA)
    if area_from == "column" and area_column is None:
        raise UsageError(f"{grid.origin}: --area-from column men tabellen har ingen kolumn Område")
    use_column = area_column is not None and area_from != "heading"
    table_area: str | None = None
    if not use_column:
        name = area_name(grid.heading) if grid.heading else None
        if name is None or fold_header(name) in ("sheet", "sheet1", "blad1", "blad 1"):
            name = None
        if name is None:
            table_area = previous_area or _area(state, fallback_area)
        else:
            table_area = _area(state, name)
    _describe(grid, layout, state, use_column=use_column, area=table_area)
    state.scale_words += [c.status for c in layout.all(Role.MARK) if c.status is not None]
    proposal = layout.first(Role.PROPOSAL)
    assert proposal is not None
    header_texts = [c.header for c in layout.columns]
    current_area = table_area
    count = 0
    for number, cells in enumerate(grid.rows[layout.data_start :], start=layout.data_start + 1):

        def cell(column: Column | None, cells: Sequence[str] = cells) -> str:
            if column is None or column.index >= len(cells):
                return ""
            return cells[column.index]

        if not any(c.strip() for c in cells):
            continue
        if [" ".join(c.split()) for c in cells] == header_texts:
            continue  # the header repeated (a table continued on the next page)
        origin = f"{grid.origin} rad {number}"
        text = clean_text(cell(proposal))
        if not text:
            state.warnings.append(f"{origin}: inget förslag i raden – hoppades över")
            continue
        if use_column:
            typed = area_name(cell(area_column))
            if typed:
                current_area = _area(state, typed)
            elif current_area is None:
                current_area = _area(state, fallback_area)
        assert current_area is not None
        state.rows.append(
            ImportedRow(
                origin=origin,
                area_id=current_area,
                proposal=text,
                responsible=tuple(
                    item for c in layout.all(Role.RESPONSIBLE) for item in cell_items(cell(c))
                ),
                start=clean_text(cell(layout.first(Role.START))) or None,
                end=clean_text(cell(layout.first(Role.END))) or None,
                cost=clean_text(cell(layout.first(Role.COST))) or None,
                details=clean_text(cell(layout.first(Role.DETAILS))) or None,
                note=clean_text(cell(layout.first(Role.NOTE))) or None,
                status=_row_status(layout, cell, origin, state),
            )
        )
        count += 1
    state.mapping.append(f"{grid.origin}: {count_words(count, 'rad', 'rader')}")
    return current_area


def _describe(
    grid: Grid, layout: Layout, state: _State, *, use_column: bool, area: str | None
) -> None:
    """One line per table saying where each column went, and one per skipped column."""
    where = (
        "område ur kolumnen Område"
        if use_column
        else f"område {state.areas[area]}" + (" ur rubriken ovanför" if grid.heading else "")
        if area
        else ""
    )
    parts = []
    for column in layout.columns:
        if not column.header:
            continue
        target = _target(column)
        if target is None:
            reason = "id bildas av planctl per område" if column.role is Role.ID else "okänd rubrik"
            state.mapping.append(
                f"{grid.origin}: kolumnen {column.header!r} hoppades över ({reason})"
            )
            continue
        parts.append(f"{column.header!r} → {target}")
    state.mapping.append(f"{grid.origin} ({where}): " + ", ".join(parts))


def _target(column: Column) -> str | None:
    if column.role is None or column.role is Role.ID:
        return None
    if column.role is Role.MARK:
        assert column.status is not None
        return f"status {column.status.name} (markering, betyder {column.status.meaning.value})"
    if column.role is Role.COST:
        return "kostnad (ja/nej: behöver_finansiering)"
    if column.role is Role.NOTE:
        return "notering (med --round/--date)"
    return str(column.role.value)


def _row_status(
    layout: Layout, read: Callable[[Column | None], str], origin: str, state: _State
) -> StatusWord | None:
    marked = [c.status for c in layout.all(Role.MARK) if fold_header(read(c)) not in _NO_MARK]
    single = layout.first(Role.STATUS)
    if single is not None:
        value = clean_text(read(single))
        if value:
            meaning = status_word(value)
            if meaning is None:
                state.warnings.append(f"{origin}: okänd status {value!r} – registreras inte")
            else:
                word = StatusWord(value[:1].upper() + value[1:], meaning)
                marked.append(word)
                state.scale_words.append(word)
    statuses = [s for s in marked if s is not None]
    if len(statuses) > 1:
        listed = ", ".join(s.name for s in statuses)
        state.warnings.append(f"{origin}: flera statusar markerade ({listed}) – registreras inte")
        return None
    return statuses[0] if statuses else None


def _area(state: _State, name: str) -> str:
    area_id = plan_slug(name) or f"område-{len(state.areas) + 1}"
    state.areas.setdefault(area_id, name)
    return area_id


def _prefix(name: str, taken: set[str]) -> str:
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", name.upper()) if not unicodedata.combining(c)
    )
    words = [w for w in re.split(r"[^A-Z0-9]+", plain) if w and w.lower() not in _STOPWORDS]
    if not words:
        words = ["R"]
    initials = "".join(w[0] for w in words[:3]) if len(words) > 1 else words[0][:2]
    candidate = initials
    extra = words[-1][1:] if len(words) > 1 else words[0][2:]
    for letter in extra:
        if candidate not in taken:
            break
        candidate += letter
    number = 2
    base = candidate
    while candidate in taken:
        candidate = f"{base}{number}"
        number += 1
    taken.add(candidate)
    return candidate


def _with_ids(state: _State) -> list[ImportedRow]:
    taken: set[str] = set()
    prefixes = {area_id: _prefix(name, taken) for area_id, name in state.areas.items()}
    counters: dict[str, int] = {}
    rows = []
    for row in state.rows:
        counters[row.area_id] = counters.get(row.area_id, 0) + 1
        row_id = f"{prefixes[row.area_id]}-{counters[row.area_id]}"
        rows.append(ImportedRow(**{**row.__dict__, "row_id": row_id}))
    return rows


def _round_of(follow_up: FollowUp) -> tuple[str, str, dt.date]:
    assert follow_up.round_id is not None
    found = re.fullmatch(r"(\d{4})-(\d{2})", follow_up.round_id)
    if found and 1 <= int(found.group(2)) <= 12:
        name = RoundSpec(int(found.group(1)), int(found.group(2))).name
    else:
        name = f"Uppföljning {follow_up.round_id}"
    return follow_up.round_id, name, follow_up.date
