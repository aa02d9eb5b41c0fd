"""Rules across nodes and files that the schema alone cannot express.

Each function returns problems with a rule id, a severity and the position of the node at fault;
none raises for bad data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from planctl.documents import Loaded
from planctl.errors import Problem, Severity
from planctl.indicators import measured_target, value_problem
from planctl.lookup import unknown
from planctl.models import Catalogue, Plan, Row, Target
from planctl.query import fold
from planctl.roundchecks import check_assessments, check_corrections, check_rounds_recorded
from planctl.terms import ACCEPTED_FORMS, parse_term, parse_timing
from planctl.yamlio import Document


def _duplicates(doc: Document, section: str, ids: Iterable[object], what: str) -> Iterator[Problem]:
    first: dict[object, int] = {}
    for index, item_id in enumerate(ids):
        key = item_id.casefold() if isinstance(item_id, str) else item_id
        if key in first:
            earlier = doc.locate((section, first[key], "id")).line
            yield doc.problem(
                doc.locate((section, index, "id")),
                "duplicate-id",
                f"{what} '{item_id}' finns redan på rad {earlier}",
            )
        else:
            first[key] = index


def check_catalogue(loaded: Loaded[Catalogue]) -> list[Problem]:
    """Unique ids and known areas in the catalogue."""
    cat, doc = loaded.model, loaded.doc
    problems = list(_duplicates(doc, "områden", (a.id for a in cat.areas), "området"))
    problems += _duplicates(doc, "insatser", (m.id for m in cat.measures), "insatsen")
    area_ids = [a.id for a in cat.areas]
    names = [(a.name,) for a in cat.areas]
    for index, measure in enumerate(cat.measures):
        owner = f"insats {measure.id}"
        problems += _check_targets(doc, ("insatser", index), owner, measure.targets)
        if measure.area not in area_ids:
            problems.append(
                doc.problem(
                    doc.locate(("insatser", index, "område")),
                    "unknown-area",
                    f"{owner}: {unknown('område', measure.area, area_ids, names=names)}",
                )
            )
    return problems


def check_plan(
    loaded: Loaded[Plan], catalogue: Loaded[Catalogue] | None, *, today: dt.date
) -> list[Problem]:
    """Unique ids, existing references, ordered and past history, start terms that parse."""
    plan, doc = loaded.model, loaded.doc
    problems = list(_duplicates(doc, "områden", (a.id for a in plan.areas), "området"))
    problems += _duplicates(doc, "åtgärder", (r.id for r in plan.rows), "raden")
    problems += _duplicates(doc, "uppföljningar", (r.id for r in plan.rounds), "uppföljningen")
    problems += _check_scale(doc, plan)
    area_ids = [a.id for a in plan.areas]
    names = [(a.name, *a.aliases) for a in plan.areas]
    for key in plan.earlier_efforts:
        if key not in area_ids:
            problems.append(
                doc.problem(
                    doc.locate_key(("tidigare_insatser", key)),
                    "unknown-area",
                    f"tidigare_insatser: {unknown('område', key, area_ids, names=names)}",
                )
            )
    for index in range(1, len(plan.rounds)):
        if plan.rounds[index].date < plan.rounds[index - 1].date:
            problems.append(
                doc.problem(
                    doc.locate(("uppföljningar", index, "datum")),
                    "round-order",
                    f"uppföljningen '{plan.rounds[index].id}' ligger före den föregående; "
                    "skriv omgångarna i datumordning",
                    severity=Severity.WARNING,
                )
            )
    if catalogue is None and plan.meta.catalogue is not None:
        # Without the catalogue no link can be checked: CI must not say "OK" for what it never saw.
        problems.append(
            doc.problem(
                doc.locate(("plan", "katalog")),
                "unknown-catalogue",
                f"planen hänvisar till katalogen '{plan.meta.catalogue}', men ingen giltig "
                "katalog hittades (en YAML-fil med 'katalog:' överst, normalt "
                "data/measures.yaml); kopplingarna till insatserna kan inte kontrolleras",
            )
        )
    if catalogue is not None and plan.meta.catalogue not in (None, catalogue.model.meta.id):
        problems.append(
            doc.problem(
                doc.locate(("plan", "katalog")),
                "unknown-catalogue",
                f"planen hänvisar till katalogen '{plan.meta.catalogue}', "
                f"men datakatalogens katalog heter '{catalogue.model.meta.id}'",
            )
        )
    problems += check_rounds_recorded(doc, plan, today)
    problems += check_assessments(doc, plan)
    problems += check_rows(doc, plan, enumerate(plan.rows), catalogue, today=today)
    return problems


def check_rows(
    doc: Document,
    plan: Plan,
    rows: Iterable[tuple[int, Row]],
    catalogue: Loaded[Catalogue] | None,
    *,
    today: dt.date,
) -> list[Problem]:
    """The rules of single rows (links, owners, periods, statuses, dated entries).

    ``rows`` pairs each row with its index in the file's ``åtgärder`` (for positions), so the
    rows that parsed can be checked even when others did not.
    """
    problems: list[Problem] = []
    area_ids = [a.id for a in plan.areas]
    names = [(a.name, *a.aliases) for a in plan.areas]
    round_ids = [r.id for r in plan.rounds]
    measure_ids = {m.id for m in catalogue.model.measures} if catalogue else None
    for index, row in rows:
        at = ("åtgärder", index)
        # Only a plan that links to a catalogue expects links; an explicit `insatser: []` says
        # "deliberately none", so only a row that leaves the key out is flagged.
        if plan.meta.catalogue is not None and "measures" not in row.model_fields_set:
            problems.append(
                doc.problem(
                    doc.locate(at),
                    "no-measure",
                    f"{row.id}: ingen insats från katalogen är kopplad; skriv 'insatser: [nr, …]', "
                    "eller 'insatser: []' om raden medvetet saknar koppling",
                    severity=Severity.WARNING,
                )
            )
        if row.area not in area_ids:
            problems.append(
                doc.problem(
                    doc.locate((*at, "område")),
                    "unknown-area",
                    f"{row.id}: {unknown('område', row.area, area_ids, names=names)}",
                )
            )
        problems += _check_targets(doc, at, row.id, row.targets)
        if row.draft:
            problems += _check_draft(doc, at, row)
        else:
            problems += _check_start(doc, at, row)
            if not row.owners:
                problems.append(
                    doc.problem(
                        doc.locate(at),
                        "no-responsible",
                        f"{row.id}: ingen ansvarig anges; skriv 'ansvar: Roll' eller en lista "
                        "med roller (raden visas med ansvar 'ej angivet')",
                        severity=Severity.WARNING,
                    )
                )
        seen: set[int] = set()
        for position, measure_id in enumerate(row.measures):
            if measure_ids is not None and measure_id not in measure_ids:
                problems.append(
                    doc.problem(
                        doc.locate((*at, "insatser", position)),
                        "unknown-measure",
                        f"{row.id}: insats {measure_id} finns inte i katalogen "
                        f"(1–{max(measure_ids)})",
                    )
                )
            if measure_id in seen:
                problems.append(
                    doc.problem(
                        doc.locate((*at, "insatser", position)),
                        "duplicate-measure",
                        f"{row.id}: insats {measure_id} är länkad två gånger",
                        severity=Severity.WARNING,
                    )
                )
            seen.add(measure_id)
        for position, entry in enumerate(row.history):
            if plan.status_written(entry.status) is None:
                problems.append(
                    doc.problem(
                        doc.locate((*at, "historik", position, "status")),
                        "unknown-status",
                        f"{row.id}: okänd status '{entry.status}'; planens statusar: "
                        + ", ".join(s.name for s in plan.scale),
                    )
                )
        problems += _check_dated(
            doc,
            (*at, "historik"),
            row.id,
            [(entry.date, entry.round) for entry in row.history],
            round_ids,
            today,
            order_rule="history-order",
            what=("posten", "föregående post", "historiken"),
        )
        problems += _check_measurements(
            doc, at, row, round_ids, catalogue.model if catalogue else None, today
        )
        problems += check_corrections(doc, (*at, "historik"), row.id, row.history)
        problems += check_corrections(doc, (*at, "mätningar"), row.id, row.measurements)
    return problems


def _check_targets(
    doc: Document, at: tuple[str | int, ...], owner: str, targets: tuple[Target, ...]
) -> list[Problem]:
    """Target values within their unit's range, exactly as measured values are checked."""
    problems: list[Problem] = []
    for position, target in enumerate(targets):
        reason = value_problem(target.value, target.unit)
        if reason is not None:
            problems.append(
                doc.problem(
                    doc.locate((*at, "mål", position, "värde")),
                    "target-value",
                    f"{owner}: målets {reason} (målet: {target.measured})",
                )
            )
    return problems


def _check_scale(doc: Document, plan: Plan) -> list[Problem]:
    """Every name, id and alias of the plan's statuses names one status only, as typed.

    Users type statuses without å/ä/ö, case or hyphens; two statuses that read the same that way
    could never be told apart.
    """
    if plan.statuses is None:
        return []
    problems = list(_duplicates(doc, "statusar", (s.id for s in plan.statuses), "statusen"))
    owner: dict[str, str] = {}
    for index, status in enumerate(plan.statuses):
        for name in dict.fromkeys(fold(n) for n in status.names()):
            if name in owner and owner[name] != status.id:
                problems.append(
                    doc.problem(
                        doc.locate(("statusar", index)),
                        "duplicate-status",
                        f"statusen '{status.name}': namnet '{name}' används redan av "
                        f"'{owner[name]}'; varje namn och alias ska höra till en status",
                    )
                )
            owner.setdefault(name, status.id)
    return problems


def _check_dated(
    doc: Document,
    at: tuple[str | int, ...],
    row_id: str,
    entries: list[tuple[dt.date, str | None]],
    round_ids: list[str],
    today: dt.date,
    *,
    order_rule: str,
    what: tuple[str, str, str],
) -> list[Problem]:
    """Append-only dated entries (history, measurements): in date order, past, known rounds."""
    entry_word, previous_word, list_word = what
    problems: list[Problem] = []
    previous: dt.date | None = None
    for position, (day, round_id) in enumerate(entries):
        where = (*at, position)
        if previous is not None and day < previous:
            problems.append(
                doc.problem(
                    doc.locate((*where, "datum")),
                    order_rule,
                    f"{row_id}: {entry_word} {day} ligger före {previous_word} ({previous}); "
                    f"{list_word} ska vara i datumordning",
                )
            )
        if day > today:
            problems.append(
                doc.problem(
                    doc.locate((*where, "datum")),
                    "future-date",
                    f"{row_id}: {entry_word} {day} ligger i framtiden",
                )
            )
        if round_id is not None and round_id not in round_ids:
            problems.append(
                doc.problem(
                    doc.locate((*where, "uppföljning")),
                    "unknown-round",
                    f"{row_id}: {unknown('uppföljning', round_id, round_ids)}",
                )
            )
        previous = day if previous is None else max(previous, day)
    return problems


def _check_measurements(
    doc: Document,
    at: tuple[str, int],
    row: Row,
    round_ids: list[str],
    catalogue: Catalogue | None,
    today: dt.date,
) -> list[Problem]:
    """Measurements in date order, not in the future, in known rounds, of a target, in range."""
    problems = _check_dated(
        doc,
        (*at, "mätningar"),
        row.id,
        [(entry.date, entry.round) for entry in row.measurements],
        round_ids,
        today,
        order_rule="measurement-order",
        what=("mätningen", "föregående mätning", "mätningarna"),
    )
    for position, entry in enumerate(row.measurements):
        where = (*at, "mätningar", position)
        if entry.measure is not None and catalogue is None:
            continue  # without the catalogue, a measure's target cannot be known
        try:
            target = measured_target(row, entry.measure, catalogue)
        except ValueError as exc:
            problems.append(
                doc.problem(
                    doc.locate((*where, "insats") if entry.measure is not None else where),
                    "measurement-target",
                    f"{exc}; en mätning utan 'insats' avser radens eget mål, med 'insats' "
                    "målet för en kopplad insats",
                )
            )
            continue
        reason = value_problem(entry.value, target.unit)
        if reason is not None:
            problems.append(
                doc.problem(
                    doc.locate((*where, "värde")),
                    "measurement-value",
                    f"{row.id}: {reason} (målet: {target.measured})",
                )
            )
    return problems


def _check_start(doc: Document, at: tuple[str, int], row: Row) -> list[Problem]:
    """The start and end parse into periods (or are stated in ``startperiod``/``slutperiod``),
    an explicit ``termin`` agrees with ``start``, and the end does not come before the start."""
    problems: list[Problem] = []
    if row.start_period is None and row.term is None and parse_timing(row.start) is None:
        problems.append(
            doc.problem(
                doc.locate((*at, "start")),
                "start-term",
                f"{row.id}: kan inte tolka starten '{row.start}' som en period; skriv "
                f"{ACCEPTED_FORMS} – eller behåll texten och ange perioden i 'startperiod'",
            )
        )
    if row.term is not None:
        parsed, explicit = parse_term(row.start), parse_term(row.term)
        if parsed is not None and explicit is not None and parsed != explicit:
            problems.append(
                doc.problem(
                    doc.locate((*at, "termin")),
                    "term-mismatch",
                    f"{row.id}: termin {explicit.code} stämmer inte med starten '{row.start}' "
                    f"({parsed.code})",
                )
            )
    if row.end is not None and row.end_period is None and parse_timing(row.end) is None:
        problems.append(
            doc.problem(
                doc.locate((*at, "slut")),
                "end-period",
                f"{row.id}: kan inte tolka slutet '{row.end}' som en period; skriv "
                f"{ACCEPTED_FORMS} – eller behåll texten och ange perioden i 'slutperiod'",
            )
        )
    start, end = row.start_window, row.end_window
    if start is not None and end is not None and end.last < start.first:
        key = "slutperiod" if row.end_period else "slut" if row.end else "start"
        problems.append(
            doc.problem(
                doc.locate((*at, key)),
                "period-order",
                f"{row.id}: slutet ({end.last}) ligger före starten ({start.first})",
            )
        )
    return problems


def _check_draft(doc: Document, at: tuple[str, int], row: Row) -> list[Problem]:
    """A draft row is a reminder, not an error: its start or end may not parse yet."""
    start_unread = row.start_period is None and row.term is None and parse_timing(row.start) is None
    end_unread = row.end is not None and row.end_period is None and parse_timing(row.end) is None
    if start_unread or end_unread:
        return [
            doc.problem(
                doc.locate((*at, "start")),
                "draft-row",
                f"{row.id}: raden är ett utkast – fyll i ansvar och start "
                "(t.ex. 'Hösten 2027') och ta sedan bort 'utkast: true'",
                severity=Severity.WARNING,
            )
        ]
    return [
        *_check_start(doc, at, row),
        doc.problem(
            doc.locate((*at, "utkast")),
            "draft-row",
            f"{row.id}: raden är markerad som utkast; ta bort 'utkast: true' när ansvar "
            "och start är ifyllda",
            severity=Severity.WARNING,
        ),
    ]
