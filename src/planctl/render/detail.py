"""``show``: one plan row or one catalogue measure in full, as a Rich panel."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from planctl.models import CostBasis, Unit
from planctl.render.rows import target_words
from planctl.render.words import (
    NOTE_LABEL,
    TREND_ARROWS,
    improving_label,
    quantity_label,
    status_text,
)
from planctl.terms import Period
from planctl.views.detail import (
    IndicatorView,
    MeasureDetail,
    MissingMeasure,
    RowDetail,
    ShowView,
)
from planctl.views.rows import CostView, MeasurementView, StatusEntryView


def _fields(pairs: Sequence[tuple[str, RenderableType | str]]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for label, value in pairs:
        grid.add_row(label, value)
    return grid


def history_table(history: Sequence[StatusEntryView]) -> Table:
    """A row's status history, oldest first."""
    table = Table(box=box.SIMPLE_HEAD)
    corrected = {e.corrects: n for n, e in enumerate(history, 1) if e.corrects}
    headings = ["Nr", "Datum", "Status", "Uppföljning", "Av", NOTE_LABEL]
    for heading in headings if corrected else headings[1:]:
        table.add_column(heading)
    for number, entry in enumerate(history, 1):
        cells: list[str | Text] = [
            entry.date.isoformat(),
            status_text(entry.status),
            entry.round or "",
            entry.by or "",
            entry.note or "",
        ]
        if corrected:
            mark = ""
            if entry.corrects:
                mark = f" (rättar {entry.corrects})"
            elif number in corrected:
                mark = f" (rättad av {corrected[number]})"
            cells.insert(0, f"{number}{mark}")
        table.add_row(*cells)
    return table


FUNDING_WORDS = {True: "kräver särskilda resurser", False: "inom befintlig ram"}
COST_BASIS = {CostBasis.ONCE: "engångskostnad", CostBasis.PER_YEAR: "per år"}


def _timing(text: str | None, period: Period | None, *, open_: bool = False) -> str:
    """A start or end as written, with the period it was read as: ``Q3 2018 (2018-07-01–…)``."""
    shown = text or ""
    if period is not None:
        first, last = period.first.isoformat(), period.last.isoformat()
        span = first if first == last else f"{first}–{last}"
        shown = f"{shown} ({span})" if shown else span
    elif open_:
        shown += " (löpande, utan period)"
    return shown


def cost_text(cost: CostView) -> str:
    """A cost as written, with the amount: ``ca 800 kronor (800 kr per år)``."""
    if cost.amount is None or cost.basis is None:  # the model has both or neither
        return cost.text
    amount = f"{cost.amount:,}".replace(",", "\u00a0")
    return f"{cost.text} ({amount}\u00a0kr {COST_BASIS[cost.basis]})"


def show_panel(view: ShowView) -> RenderableType:
    """What ``show`` shows: a row's panel or a measure's."""
    match view:
        case RowDetail():
            return row_panel(view)
        case MeasureDetail():
            return measure_panel(view)


def row_panel(detail: RowDetail) -> RenderableType:
    """One plan row in full."""
    row = detail.row
    pairs: list[tuple[str, RenderableType | str]] = [
        ("Område", row.area_name),
        ("Förslag", row.proposal),
    ]
    if row.details:
        pairs.append(("Detaljer", row.details))
    pairs += [
        ("Ansvar", row.responsible),
        ("Start", _timing(row.start, row.start_period, open_=row.open_timing)),
    ]
    if row.end is not None or row.end_period is not None:
        pairs.append(("Slut", _timing(row.end, row.end_period)))
    funding = FUNDING_WORDS.get(row.needs_funding) if row.needs_funding is not None else None
    if funding is not None:  # a plan that says nothing is not shown as "inom ram"
        pairs.append(("Finansiering", funding))
    if row.cost is not None:
        pairs.append(("Kostnad", cost_text(row.cost)))
    pairs.append(("Status", status_text(row.status, row.meaning)))
    parts: list[RenderableType] = [_fields(pairs)]
    parts.append(Text("\nKopplade insatser i katalogen", style="bold"))
    for measure in detail.linked_measures:
        text = "(finns inte i katalogen)" if isinstance(measure, MissingMeasure) else measure.text
        parts.append(Text(f"  {measure.id}. {text}"))
    if not detail.linked_measures:
        parts.append(Text("  (inga)"))
    parts.append(Text("\nStatushistorik", style="bold"))
    if row.history:
        parts.append(history_table(row.history))
    else:
        parts.append(Text("  (ingen historik än – ej uppföljd)"))
    if detail.indicators:
        parts += indicator_parts(detail.indicators, row.measurements)
    return Panel(Group(*parts), title=Text(f"{row.id} · {row.plan_id}"), expand=False)


def indicator_parts(
    indicators: Sequence[IndicatorView], measurements: Sequence[MeasurementView]
) -> list[RenderableType]:
    """A row's targets with their latest value, met or not and trend; then every measurement."""
    parts: list[RenderableType] = [Text("\nMål och mätvärden", style="bold")]
    units: dict[int | None, Unit] = {}
    for item in indicators:
        target = item.target
        units.setdefault(item.measure_id, target.unit)
        source = "radens eget mål" if item.measure_id is None else f"insats {item.measure_id}"
        line = Text(f"  Mål: {target_words(target)} ({source})\n    ")
        latest = item.latest
        if latest is None:
            line.append("inget mätvärde än", style="italic")
        else:
            when = latest.date.isoformat() + (f", {latest.round}" if latest.round else "")
            line.append(f"Senaste: {quantity_label(latest.value, target.unit)} ({when}) · ")
            met = "uppfyllt" if item.met else "ej uppfyllt"
            line.append(met, style="green" if item.met else "red")
            previous = item.previous
            if previous is not None and item.trend is not None:
                arrow = TREND_ARROWS[item.trend]
                better = improving_label(item.improving)
                better = f", {better}" if better else ""
                line.append(
                    f" · {arrow} från {quantity_label(previous.value, target.unit)} "
                    f"({previous.round or previous.date.isoformat()}){better}"
                )
        parts.append(line)
    if measurements:
        table = Table(box=box.SIMPLE_HEAD)
        for heading in ("Datum", "Värde", "Insats", "Uppföljning", "Av", NOTE_LABEL):
            table.add_column(heading)
        for entry in measurements:
            unit = units.get(entry.measure)
            value = quantity_label(entry.value, unit) if unit else str(entry.value)
            table.add_row(
                entry.date.isoformat(),
                value,
                str(entry.measure or ""),
                entry.round or "",
                entry.by or "",
                entry.note or "",
            )
        parts.append(table)
    return parts


def measure_panel(detail: MeasureDetail) -> RenderableType:
    """One catalogue measure in full, with the rows that carry it out."""
    measure = detail.measure
    pairs: list[tuple[str, RenderableType | str]] = [
        ("Område", measure.area_name),
        ("Text", measure.text),
    ]
    for target in measure.targets:
        pairs.append(("Mål", target_words(target)))
    parts: list[RenderableType] = [
        _fields(pairs),
        Text("\nPlanrader som genomför insatsen", style="bold"),
    ]
    if detail.plan_rows:
        table = Table(box=box.SIMPLE_HEAD)
        for heading in ("Plan", "Id", "Förslag", "Status"):
            table.add_column(heading)
        for row in detail.plan_rows:
            table.add_row(row.plan_id, row.row_id, row.proposal, status_text(row.status))
        parts.append(table)
    else:
        parts.append(Text("  (ingen)"))
    return Panel(Group(*parts), title=f"Insats {measure.id}", expand=False)
