"""Coverage: which of the catalogue's measures a plan carries out, through its rows' links.

A measure is covered when at least one plan row lists it under ``insatser``; how many rows do so
does not matter. Links to numbers the catalogue does not have are left to validation. Pure
functions over the models, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from planctl.models import Catalogue, Measure, Plan


@dataclass(frozen=True)
class AreaCoverage:
    """How much of one catalogue area a plan carries out."""

    area_id: str
    area_name: str
    covered: tuple[int, ...]
    uncovered: tuple[int, ...]

    @property
    def total(self) -> int:
        """The number of measures in the area."""
        return len(self.covered) + len(self.uncovered)

    @property
    def share(self) -> float:
        """Covered measures as a fraction of the area's measures (0 for an empty area)."""
        return len(self.covered) / self.total if self.total else 0.0


@dataclass(frozen=True)
class Coverage:
    """A plan's coverage of the catalogue, area by area in catalogue order."""

    plan_id: str
    organisation: str
    catalogue_id: str
    areas: tuple[AreaCoverage, ...]

    @property
    def covered(self) -> int:
        """Covered measures over all areas shown."""
        return sum(len(a.covered) for a in self.areas)

    @property
    def total(self) -> int:
        """Measures over all areas shown."""
        return sum(a.total for a in self.areas)

    @property
    def share(self) -> float:
        """Covered measures as a fraction of all measures shown."""
        return self.covered / self.total if self.total else 0.0


@dataclass(frozen=True)
class LinkedMeasure:
    """A measure a row carries out, with the catalogue area it belongs to."""

    measure_id: int
    area_id: str | None
    area_name: str | None


@dataclass(frozen=True)
class RowCoverage:
    """One plan row and the catalogue measures it carries out."""

    row_id: str
    area_name: str
    proposal: str
    measures: tuple[LinkedMeasure, ...]


@dataclass(frozen=True)
class RowsCoverage:
    """A plan's rows, each with the measures it carries out."""

    plan_id: str
    organisation: str
    rows: tuple[RowCoverage, ...]


def covered_ids(plan: Plan) -> frozenset[int]:
    """The measure numbers at least one of the plan's rows links to."""
    return frozenset(m for row in plan.rows for m in row.measures)


def plan_coverage(catalogue: Catalogue, plan: Plan, *, area: str | None = None) -> Coverage:
    """Per catalogue area (or only ``area``), the measures the plan covers and those it leaves."""
    linked = covered_ids(plan)
    areas = []
    for cat_area in catalogue.areas:
        if area is not None and cat_area.id != area:
            continue
        ids = sorted(m.id for m in catalogue.measures if m.area == cat_area.id)
        areas.append(
            AreaCoverage(
                area_id=cat_area.id,
                area_name=cat_area.name,
                covered=tuple(i for i in ids if i in linked),
                uncovered=tuple(i for i in ids if i not in linked),
            )
        )
    return Coverage(
        plan_id=plan.meta.id,
        organisation=plan.meta.organisation,
        catalogue_id=catalogue.meta.id,
        areas=tuple(areas),
    )


def row_coverage(catalogue: Catalogue, plan: Plan, *, area: str | None = None) -> RowsCoverage:
    """Each plan row with the measures it carries out, in plan order.

    With ``area`` (a catalogue area id) only the links into that area are kept, and rows
    without any such link are left out.
    """
    out = []
    for row in plan.rows:
        linked = []
        for measure_id in row.measures:
            measure = catalogue.measure(measure_id)
            cat_area = catalogue.area(measure.area) if measure else None
            if area is not None and (cat_area is None or cat_area.id != area):
                continue
            linked.append(
                LinkedMeasure(
                    measure_id=measure_id,
                    area_id=cat_area.id if cat_area else None,
                    area_name=cat_area.name if cat_area else None,
                )
            )
        if area is not None and not linked:
            continue
        plan_area = plan.area(row.area)
        out.append(
            RowCoverage(
                row_id=row.id,
                area_name=plan_area.name if plan_area else row.area,
                proposal=row.proposal,
                measures=tuple(linked),
            )
        )
    return RowsCoverage(plan_id=plan.meta.id, organisation=plan.meta.organisation, rows=tuple(out))


def uncovered_measures(catalogue: Catalogue, plan: Plan) -> list[Measure]:
    """The catalogue's measures no row of the plan links to, in number order."""
    linked = covered_ids(plan)
    return sorted((m for m in catalogue.measures if m.id not in linked), key=lambda m: m.id)
