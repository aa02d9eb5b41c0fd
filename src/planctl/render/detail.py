"""``show``: one plan row or one catalogue measure in full, as a Rich panel."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from planctl.render.rows import record_target_text
from planctl.render.words import (
    TREND_ARROWS,
    improving_label,
    quantity_label,
    status_text,
)


def _fields(pairs: Sequence[tuple[str, RenderableType | str]]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for label, value in pairs:
        grid.add_row(label, value)
    return grid


def history_table(history: Sequence[dict[str, Any]]) -> Table:
    """A row's status history, oldest first."""
    table = Table(box=box.SIMPLE_HEAD)
    for heading in ("Datum", "Status", "Uppföljning", "Av", "Notering"):
        table.add_column(heading)
    for entry in history:
        table.add_row(
            entry["date"],
            status_text(entry["status"]),
            entry["round"] or "",
            entry["by"] or "",
            entry["note"] or "",
        )
    return table


FUNDING_WORDS = {True: "kräver särskilda resurser", False: "inom befintlig ram"}
COST_BASIS = {"engång": "engångskostnad", "per år": "per år"}


def _timing(text: str | None, period: dict[str, str] | None, *, open_: bool = False) -> str:
    """A start or end as written, with the period it was read as: ``Q3 2018 (2018-07-01–…)``."""
    shown = text or ""
    if period is not None:
        span = (
            period["first"]
            if period["first"] == period["last"]
            else (f"{period['first']}–{period['last']}")
        )
        shown = f"{shown} ({span})" if shown else span
    elif open_:
        shown += " (löpande, utan period)"
    return shown


def cost_text(cost: dict[str, Any]) -> str:
    """A cost as written, with the amount: ``ca 800 kronor (800 kr per år)``."""
    if cost["amount"] is None:
        return str(cost["text"])
    amount = f"{cost['amount']:,}".replace(",", "\u00a0")
    return f"{cost['text']} ({amount}\u00a0kr {COST_BASIS[cost['basis']]})"


def row_view(record: dict[str, Any]) -> RenderableType:
    """One plan row in full."""
    pairs: list[tuple[str, RenderableType | str]] = [
        ("Område", record["area_name"]),
        ("Förslag", record["proposal"]),
    ]
    if record["details"]:
        pairs.append(("Detaljer", record["details"]))
    pairs += [
        ("Ansvar", record["responsible"]),
        ("Start", _timing(record["start"], record["start_period"], open_=record["open_timing"])),
    ]
    if record["end"] is not None or record["end_period"] is not None:
        pairs.append(("Slut", _timing(record["end"], record["end_period"])))
    funding = FUNDING_WORDS.get(record["needs_funding"])
    if funding is not None:  # a plan that says nothing is not shown as "inom ram"
        pairs.append(("Finansiering", funding))
    if record["cost"] is not None:
        pairs.append(("Kostnad", cost_text(record["cost"])))
    pairs.append(("Status", status_text(record["status"], record["meaning"])))
    parts: list[RenderableType] = [_fields(pairs)]
    linked = record["linked_measures"]
    parts.append(Text("\nKopplade insatser i katalogen", style="bold"))
    if linked:
        for measure in linked:
            text = measure["text"] or "(finns inte i katalogen)"
            parts.append(Text(f"  {measure['id']}. {text}"))
    else:
        parts.append(Text("  (inga)"))
    parts.append(Text("\nStatushistorik", style="bold"))
    if record["history"]:
        parts.append(history_table(record["history"]))
    else:
        parts.append(Text("  (ingen historik än – ej uppföljd)"))
    if record["indicators"]:
        parts += indicator_parts(record["indicators"], record["measurements"])
    return Panel(Group(*parts), title=Text(f"{record['id']} · {record['plan']}"), expand=False)


def indicator_parts(
    indicators: Sequence[dict[str, Any]], measurements: Sequence[dict[str, Any]]
) -> list[RenderableType]:
    """A row's targets with their latest value, met or not and trend; then every measurement."""
    parts: list[RenderableType] = [Text("\nMål och mätvärden", style="bold")]
    units: dict[int | None, str] = {}
    for item in indicators:
        target = item["target"]
        units.setdefault(item["measure"], target["unit"])
        source = "radens eget mål" if item["measure"] is None else f"insats {item['measure']}"
        line = Text(f"  Mål: {record_target_text(target)} ({source})\n    ")
        latest = item["latest"]
        if latest is None:
            line.append("inget mätvärde än", style="italic")
        else:
            when = latest["date"] + (f", {latest['round']}" if latest["round"] else "")
            line.append(f"Senaste: {quantity_label(latest['value'], target['unit'])} ({when}) · ")
            met = "uppfyllt" if item["met"] else "ej uppfyllt"
            line.append(met, style="green" if item["met"] else "red")
            previous = item["previous"]
            if previous is not None:
                arrow = TREND_ARROWS[item["trend"]]
                better = improving_label(item["improving"])
                better = f", {better}" if better else ""
                line.append(
                    f" · {arrow} från {quantity_label(previous['value'], target['unit'])} "
                    f"({previous['round'] or previous['date']}){better}"
                )
        parts.append(line)
    if measurements:
        table = Table(box=box.SIMPLE_HEAD)
        for heading in ("Datum", "Värde", "Insats", "Uppföljning", "Av", "Notering"):
            table.add_column(heading)
        for entry in measurements:
            unit = units.get(entry["measure"])
            value = quantity_label(entry["value"], unit) if unit else str(entry["value"])
            table.add_row(
                entry["date"],
                value,
                str(entry["measure"] or ""),
                entry["round"] or "",
                entry["by"] or "",
                entry["note"] or "",
            )
        parts.append(table)
    return parts


def measure_view(record: dict[str, Any]) -> RenderableType:
    """One catalogue measure in full, with the rows that carry it out."""
    pairs: list[tuple[str, RenderableType | str]] = [
        ("Område", record["area_name"]),
        ("Text", record["text"]),
    ]
    for target in record["targets"]:
        pairs.append(("Mål", record_target_text(target)))
    parts: list[RenderableType] = [
        _fields(pairs),
        Text("\nPlanrader som genomför insatsen", style="bold"),
    ]
    if record["plan_rows"]:
        table = Table(box=box.SIMPLE_HEAD)
        for heading in ("Plan", "Id", "Förslag", "Status"):
            table.add_column(heading)
        for row in record["plan_rows"]:
            table.add_row(row["plan"], row["id"], row["proposal"], status_text(row["status"]))
        parts.append(table)
    else:
        parts.append(Text("  (ingen)"))
    return Panel(Group(*parts), title=f"Insats {record['id']}", expand=False)
