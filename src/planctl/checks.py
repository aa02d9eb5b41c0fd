"""Rules across nodes and files that the schema alone cannot express.

Each function returns problems with a rule id, a severity and the position of the node at fault;
none raises for bad data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from planctl.errors import Problem, Severity
from planctl.models import Catalogue, Plan
from planctl.store import Loaded
from planctl.terms import parse_term
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
    for index, measure in enumerate(cat.measures):
        if measure.area not in area_ids:
            problems.append(
                doc.problem(
                    doc.locate(("insatser", index, "område")),
                    "unknown-area",
                    f"insats {measure.id}: okänt område '{measure.area}'; "
                    f"giltiga: {', '.join(area_ids)}",
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
    area_ids = [a.id for a in plan.areas]
    round_ids = [r.id for r in plan.rounds]
    for key in plan.earlier_efforts:
        if key not in area_ids:
            problems.append(
                doc.problem(
                    doc.locate_key(("tidigare_insatser", key)),
                    "unknown-area",
                    f"tidigare_insatser: okänt område '{key}'; giltiga: {', '.join(area_ids)}",
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
    if catalogue is not None and plan.meta.catalogue not in (None, catalogue.model.meta.id):
        problems.append(
            doc.problem(
                doc.locate(("plan", "katalog")),
                "unknown-catalogue",
                f"planen hänvisar till katalogen '{plan.meta.catalogue}', "
                f"men datakatalogens katalog heter '{catalogue.model.meta.id}'",
            )
        )
    measure_ids = {m.id for m in catalogue.model.measures} if catalogue else None
    for index, row in enumerate(plan.rows):
        at = ("åtgärder", index)
        if row.area not in area_ids:
            problems.append(
                doc.problem(
                    doc.locate((*at, "område")),
                    "unknown-area",
                    f"{row.id}: okänt område '{row.area}'; giltiga: {', '.join(area_ids)}",
                )
            )
        if row.draft:
            problems += _check_draft(doc, at, row.id, row.start, row.term)
        else:
            problems += _check_start(doc, at, row.id, row.start, row.term)
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
        previous: dt.date | None = None
        for position, entry in enumerate(row.history):
            where = (*at, "historik", position)
            if previous is not None and entry.date < previous:
                problems.append(
                    doc.problem(
                        doc.locate((*where, "datum")),
                        "history-order",
                        f"{row.id}: posten {entry.date} ligger före föregående post "
                        f"({previous}); historiken ska vara i datumordning",
                    )
                )
            if entry.date > today:
                problems.append(
                    doc.problem(
                        doc.locate((*where, "datum")),
                        "future-date",
                        f"{row.id}: datumet {entry.date} ligger i framtiden",
                    )
                )
            if entry.round is not None and entry.round not in round_ids:
                valid = ", ".join(round_ids) or "inga uppföljningar är definierade"
                problems.append(
                    doc.problem(
                        doc.locate((*where, "uppföljning")),
                        "unknown-round",
                        f"{row.id}: okänd uppföljning '{entry.round}'; giltiga: {valid}",
                    )
                )
            previous = entry.date if previous is None else max(previous, entry.date)
    return problems


def _check_start(
    doc: Document, at: tuple[str, int], row_id: str, start: str, term: str | None
) -> list[Problem]:
    parsed = parse_term(start)
    if term is None:
        if parsed is None:
            return [
                doc.problem(
                    doc.locate((*at, "start")),
                    "start-term",
                    f"{row_id}: kan inte tolka starten '{start}' som en termin; "
                    "skriv t.ex. 'Hösten 2017' eller ange 'termin: HT2017'",
                )
            ]
        return []
    explicit = parse_term(term)
    if parsed is not None and explicit is not None and parsed != explicit:
        return [
            doc.problem(
                doc.locate((*at, "termin")),
                "term-mismatch",
                f"{row_id}: termin {explicit.code} stämmer inte med starten '{start}' "
                f"({parsed.code})",
            )
        ]
    return []


def _check_draft(
    doc: Document, at: tuple[str, int], row_id: str, start: str, term: str | None
) -> list[Problem]:
    """A draft row is a reminder, not an error: it may not yet have a start that parses."""
    if term is None and parse_term(start) is None:
        return [
            doc.problem(
                doc.locate((*at, "start")),
                "draft-row",
                f"{row_id}: raden är ett utkast – fyll i ansvar och start "
                "(t.ex. 'Hösten 2027') och ta sedan bort 'utkast: true'",
                severity=Severity.WARNING,
            )
        ]
    return [
        *_check_start(doc, at, row_id, start, term),
        doc.problem(
            doc.locate((*at, "utkast")),
            "draft-row",
            f"{row_id}: raden är markerad som utkast; ta bort 'utkast: true' när ansvar "
            "och start är ifyllda",
            severity=Severity.WARNING,
        ),
    ]
