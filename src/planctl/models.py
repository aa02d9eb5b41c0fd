"""The data model: pydantic models of the catalogue and of a plan, and their enums. No I/O.

YAML keys are Swedish (the files are written by Swedish HR staff); Python names are English and
each field carries its Swedish key as alias. Unknown keys are forbidden, so a typo is an error.
Scalars are strict: a text field never takes a number, a yes/no field only ``true``/``false``, and
dates must be written ``ÅÅÅÅ-MM-DD``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
from typing import Annotated

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    field_validator,
    model_validator,
)

from planctl.entries import Assessment as Assessment  # re-exported with the models
from planctl.entries import HistoryEntry as HistoryEntry
from planctl.entries import Measurement as Measurement
from planctl.entries import Rank, counted_places
from planctl.fields import (
    IsoDate,
    Owners,
    PeriodText,
    RoundId,
    RowId,
    Slug,
    StrictModel,
    Text,
    nonblank,
    schema_text,
)
from planctl.scalars import ZONE_TEXT, Number, TimeZone
from planctl.scale import DEFAULT_STATUSES as DEFAULT_STATUSES  # re-exported with the models
from planctl.scale import Meaning as Meaning
from planctl.scale import Status as Status
from planctl.terms import Period, Timing, parse_term, parse_timing


class Unit(enum.StrEnum):
    """Units a measurable target can be stated in."""

    PERCENT = "procent"
    COUNT = "antal"
    COUNT_PER_YEAR = "antal_per_år"
    HOURS_PER_WEEK = "timmar_per_vecka"
    KRONOR = "kronor"


class Direction(enum.StrEnum):
    """Whether a target is a floor or a ceiling."""

    AT_LEAST = "minst"
    AT_MOST = "högst"


class CostBasis(enum.StrEnum):
    """Whether a cost is paid once or every year."""

    ONCE = "engång"
    PER_YEAR = "per år"


# Swedish titles and descriptions of the enums in JSON Schema (their docstrings stay English).
ENUM_SCHEMA_TEXT: dict[type[enum.Enum], tuple[str, str]] = {
    Meaning: (
        "Betydelse",
        "Vad statusen betyder: ej-startad, pågår, klar eller utgår (struken, ej aktuell).",
    ),
    Unit: ("Enhet", "Enheten som ett mätbart mål anges i."),
    Direction: ("Riktning", "'minst' när målet är ett golv, 'högst' när det är ett tak."),
    CostBasis: ("Kostnadsslag", "'engång' för en engångskostnad, 'per år' för en årlig."),
}

# --- the catalogue ---------------------------------------------------------------------------


class Target(StrictModel):
    """A measurable target a measure or a plan row states (derived from its text by the project)."""

    model_config = schema_text(
        "Mål",
        "Ett mätbart mål som en insats eller en planrad anger (tolkat av planctl-projektet).",
    )

    measured: Text = Field(alias="avser", description="Vad som mäts.")
    value: Number = Field(alias="värde", description="Målvärdet.")
    unit: Unit = Field(alias="enhet", description="Enhet för målvärdet.")
    direction: Direction = Field(
        alias="riktning", description="'minst' för ett golv, 'högst' för ett tak."
    )


class CatalogueArea(StrictModel):
    """One of the catalogue's areas."""

    model_config = schema_text("Katalogområde", "Ett av katalogens områden.")

    id: Slug = Field(description="Stabilt id (gemener, bindestreck; å/ä/ö tillåtna).")
    name: Text = Field(alias="namn", description="Områdets namn som det visas.")


class Measure(StrictModel):
    """One numbered measure ("insats") of the catalogue."""

    model_config = schema_text("Insats", "En numrerad insats i katalogen.")

    id: StrictInt = Field(ge=1, description="Insatsens nummer i katalogen.")
    area: Slug = Field(alias="område", description="Id för området insatsen hör till.")
    text: Text = Field(description="Insatsens text, trogen källan.")
    targets: tuple[Target, ...] = Field(
        default=(), alias="mål", description="Mätbara mål som texten anger (tolkade)."
    )


class CatalogueMeta(StrictModel):
    """What the catalogue is and who publishes it."""

    model_config = schema_text("Katalogens uppgifter", "Vad katalogen är och vem som ger ut den.")

    id: Slug = Field(description="Katalogens id; planer hänvisar till det.")
    title: Text = Field(alias="titel", description="Katalogens titel.")
    publisher: Text = Field(alias="utgivare", description="Utgivare.")
    description: Text | None = Field(
        default=None, alias="beskrivning", description="Vad katalogen är."
    )


class Catalogue(StrictModel):
    """The catalogue of measures (``measures.yaml``)."""

    model_config = schema_text(
        "Katalog över insatser",
        "Katalogen över insatser som planer hämtar sina åtgärder från (t.ex. measures.yaml).",
    )

    meta: CatalogueMeta = Field(alias="katalog", description="Uppgifter om katalogen.")
    areas: tuple[CatalogueArea, ...] = Field(
        alias="områden", min_length=1, description="Katalogens områden i ordning."
    )
    measures: tuple[Measure, ...] = Field(
        alias="insatser", min_length=1, description="Katalogens insatser."
    )

    def area(self, area_id: str) -> CatalogueArea | None:
        """The area with ``area_id``, if any."""
        return next((a for a in self.areas if a.id == area_id), None)

    def measure(self, measure_id: int) -> Measure | None:
        """The measure numbered ``measure_id``, if any."""
        return next((m for m in self.measures if m.id == measure_id), None)


# --- a plan ----------------------------------------------------------------------------------


class PlanArea(StrictModel):
    """One of the plan's areas, with other names people use for it."""

    model_config = schema_text(
        "Planområde", "Ett av planens områden, med andra namn som används för det."
    )

    id: Slug = Field(description="Stabilt id (gemener, bindestreck; å/ä/ö tillåtna).")
    name: Text = Field(alias="namn", description="Områdets namn som det visas.")
    aliases: tuple[Text, ...] = Field(
        default=(), alias="alias", description="Andra namn på området."
    )


class Cost(StrictModel):
    """What a row costs according to the plan: an amount in kronor and the text as written."""

    model_config = ConfigDict(
        title="Kostnad",
        json_schema_extra={
            "description": "Vad raden kostar enligt planen: belopp i hela kronor, engång eller "
            "per år, och texten som den står i planen.",
            "dependentRequired": {"belopp": ["typ"], "typ": ["belopp"]},
        },
    )

    amount: StrictInt | None = Field(
        default=None,
        alias="belopp",
        ge=0,
        description="Belopp i hela kronor (utan mellanslag eller 'kr'), t.ex. 15000.",
    )
    basis: CostBasis | None = Field(
        default=None,
        alias="typ",
        description="'engång' eller 'per år'; krävs när belopp anges.",
    )
    text: Text = Field(
        description="Kostnaden som planen skriver den, t.ex. 'ca 800 kronor' eller "
        "'1+1 årsarbetare'."
    )

    @model_validator(mode="after")
    def _basis_with_amount(self) -> Cost:
        if self.amount is not None and self.basis is None:
            raise ValueError("ange 'typ: engång' eller 'typ: per år' för beloppet")
        if self.amount is None and self.basis is not None:
            raise ValueError("'typ' gäller ett belopp; ange 'belopp' i hela kronor")
        return self


class Row(StrictModel):
    """One proposal row of the plan's follow-up table."""

    model_config = schema_text("Åtgärd", "En förslagsrad i planens uppföljningstabell.")

    id: RowId = Field(description="Kort stabilt id som går att skriva, t.ex. LB-1.")
    area: Slug = Field(alias="område", description="Id för radens område.")
    proposal: Text = Field(alias="förslag", description="Förslaget som i planens bilaga.")
    details: Text | None = Field(
        default=None, alias="detaljer", description="Vad planens brödtext lägger till."
    )
    owners: Owners = Field(
        default=(),
        alias="ansvar",
        description="Ansvarig roll eller lista av roller (aldrig personer); utelämnas när planen "
        "inte anger någon.",
    )
    start: Text = Field(
        description="Start som den är skriven, t.ex. 'Hösten 2017' eller 'Q3 2018'."
    )
    end: Text | None = Field(
        default=None,
        alias="slut",
        description="Slut eller slutdatum som det är skrivet, t.ex. 'Senast december 2018'.",
    )
    start_period: PeriodText | None = Field(
        default=None,
        alias="startperiod",
        description="Startperioden uttryckligen, när start inte går att tolka (t.ex. 'Q3 2018').",
    )
    end_period: PeriodText | None = Field(
        default=None,
        alias="slutperiod",
        description="Slutperioden uttryckligen, när slut inte går att tolka (t.ex. '2019').",
    )
    term: Annotated[StrictStr, BeforeValidator(nonblank)] | None = Field(
        default=None,
        alias="termin",
        description="Starttermin tolkad ur start, t.ex. HT2017 eller VT2018 (äldre form av "
        "startperiod).",
    )
    needs_funding: StrictBool | None = Field(
        default=None,
        alias="behöver_finansiering",
        description="true om raden kräver särskilda resurser, false om den ryms i befintlig "
        "ram; utelämnas när planen inte säger något.",
    )
    cost: Cost | None = Field(
        default=None, alias="kostnad", description="Vad raden kostar, enligt planen."
    )
    measures: tuple[StrictInt, ...] = Field(
        default=(), alias="insatser", description="Katalogens insatser som raden genomför."
    )
    targets: tuple[Target, ...] = Field(
        default=(),
        alias="mål",
        description="Mätbara mål som planen själv sätter för raden (utöver insatsernas mål).",
    )
    draft: StrictBool = Field(
        default=False,
        alias="utkast",
        description="true för en rad som ännu inte är ifylld (t.ex. skapad av 'planctl new'): "
        "ansvar och start får vara platshållare; validate varnar tills raden är klar.",
    )
    history: tuple[HistoryEntry, ...] = Field(
        default=(), alias="historik", description="Statushistorik; bara nya poster läggs till."
    )
    measurements: tuple[Measurement, ...] = Field(
        default=(),
        alias="mätningar",
        description="Uppmätta värden för radens mål; bara nya poster läggs till.",
    )

    @field_validator("term")
    @classmethod
    def _term_parses(cls, value: str | None) -> str | None:
        if value is not None and parse_term(value) is None:
            raise ValueError(f"termin {value!r} ska skrivas som HT2017 eller VT2018")
        return value

    def entry_on(self, day: dt.date | None, rank: Rank) -> HistoryEntry | None:
        """The counted history entry in force on ``day`` (the latest of those dated on or before
        it; a correction in the corrected entry's place), or the latest when ``day`` is ``None``;
        ``None`` when the row has not been followed up. "Latest" is by round first (``rank``),
        then position; callers go through :meth:`Plan.entry_on`, which knows the rounds."""
        found = None
        for placed, entry in counted_places(self.history, rank):
            if day is None or placed <= day:
                found = entry
        return found

    @property
    def start_timing(self) -> Timing | None:
        """What the start says about time: ``startperiod``, ``termin`` or the parsed ``start``."""
        if self.start_period is not None:
            return parse_timing(self.start_period)
        if self.term is not None:
            term = parse_term(self.term)
            return Timing(Period(term.first_day, term.last_day), None) if term else None
        return parse_timing(self.start)

    @property
    def start_window(self) -> Period | None:
        """The period work should start in, if the plan gives one."""
        timing = self.start_timing
        return timing.start if timing else None

    @property
    def end_window(self) -> Period | None:
        """The period work should be done by: ``slutperiod``, ``slut``, or the end of a range or
        deadline written as the start; ``None`` when the plan gives no end."""
        if self.end_period is not None:
            timing = parse_timing(self.end_period)
            return timing.as_end if timing else None
        if self.end is not None:
            timing = parse_timing(self.end)
            return timing.as_end if timing else None
        timing = self.start_timing
        return timing.end if timing else None


class Round(StrictModel):
    """A follow-up round ("uppföljning") of the plan."""

    model_config = schema_text("Uppföljning", "En uppföljningsomgång för planen.")

    id: RoundId = Field(description="Omgångens id, t.ex. 2018-05.")
    name: Text = Field(alias="namn", description="Omgångens namn.")
    date: IsoDate = Field(alias="datum", description="Datum för omgången (ÅÅÅÅ-MM-DD).")


class WorkingGroup(StrictModel):
    """The group that wrote and follows up the plan, by role."""

    model_config = schema_text(
        "Arbetsgrupp", "Gruppen som tog fram och följer upp planen, angiven med roller."
    )

    name: Text = Field(alias="namn", description="Gruppens namn.")
    lead: Text | None = Field(default=None, alias="ledning", description="Roll som leder.")
    members: tuple[Text, ...] = Field(
        default=(), alias="sammansättning", description="Roller i gruppen, inga namn."
    )


class PlanMeta(StrictModel):
    """What the plan is, whose it is and who decides."""

    model_config = schema_text(
        "Planens uppgifter", "Vad planen är, vems den är och vem som beslutar."
    )

    id: Slug = Field(description="Planens id.")
    title: Text = Field(alias="titel", description="Planens titel.")
    organisation: Text = Field(description="Kommun eller organisation.")
    departments: tuple[Text, ...] = Field(
        default=(), alias="förvaltningar", description="Förvaltningar planen gäller."
    )
    commissioned_by: Text | None = Field(
        default=None, alias="uppdragsgivare", description="Vem som gav uppdraget."
    )
    assignment: Text | None = Field(default=None, alias="uppdrag", description="Uppdraget.")
    working_group: WorkingGroup | None = Field(
        default=None, alias="arbetsgrupp", description="Arbetsgruppen."
    )
    decided_by: Text | None = Field(
        default=None, alias="beslutande", description="Organ som beslutar om planen."
    )
    delivered: Text | None = Field(
        default=None, alias="lämnad", description="När planen lämnades, som det är skrivet."
    )
    delivered_date: IsoDate | None = Field(
        default=None, alias="lämnad_datum", description="Datum då planen lämnades (tolkat)."
    )
    catalogue: Slug | None = Field(
        default=None, alias="katalog", description="Id för katalogen raderna länkar till."
    )
    time_zone: TimeZone | None = Field(default=None, alias="tidszon", description=ZONE_TEXT)


class Plan(StrictModel):
    """A staffing action plan with its follow-up table."""

    model_config = schema_text(
        "Handlingsplan", "En handlingsplan för personalförsörjning med dess uppföljningstabell."
    )

    meta: PlanMeta = Field(alias="plan", description="Uppgifter om planen.")
    statuses: tuple[Status, ...] | None = Field(
        default=None,
        alias="statusar",
        min_length=1,
        description="Planens egen statusskala i den ordning kolumnerna visas. Utan den: "
        "Klart (klar), Påbörjat (pågår) och Ej påbörjat (ej-startad).",
    )
    rounds: tuple[Round, ...] = Field(
        default=(), alias="uppföljningar", description="Planerade uppföljningsomgångar."
    )
    areas: tuple[PlanArea, ...] = Field(
        alias="områden",
        description="Planens områden i ordning ([] i en ny plan som ännu inte har några).",
    )
    earlier_efforts: dict[Slug, tuple[Text, ...]] = Field(
        default_factory=dict,
        alias="tidigare_insatser",
        description="Tidigare insatser per område-id.",
        json_schema_extra={"additionalProperties": False},
    )
    continued_work: tuple[Text, ...] = Field(
        default=(), alias="fortsatt_arbete", description="Insatser som kräver fortsatt arbete."
    )
    rows: tuple[Row, ...] = Field(
        alias="åtgärder",
        description="Planens förslag (uppföljningsmallens rader; [] i en ny plan).",
    )
    assessments: tuple[Assessment, ...] = Field(
        default=(), alias="bedömningar", description="Arbetsgruppens bedömningar per uppföljning."
    )

    def area(self, area_id: str) -> PlanArea | None:
        """The area with ``area_id``, if any."""
        return next((a for a in self.areas if a.id == area_id), None)

    def row(self, row_id: str) -> Row | None:
        """The row with ``row_id`` (case-insensitive), if any."""
        wanted = row_id.casefold()
        return next((r for r in self.rows if r.id.casefold() == wanted), None)

    def round(self, round_id: str) -> Round | None:
        """The follow-up round with ``round_id``, if any."""
        return next((r for r in self.rounds if r.id == round_id), None)

    @property
    def scale(self) -> tuple[Status, ...]:
        """The plan's statuses in column order: its ``statusar``, or the template's three."""
        return self.statuses if self.statuses is not None else DEFAULT_STATUSES

    def status_written(self, written: str) -> Status | None:
        """The status a history entry's ``status`` names (its name or id), if the scale has it."""
        return next((s for s in self.scale if written in (s.name, s.id)), None)

    def rounds_by_date(self) -> tuple[Round, ...]:
        """The rounds by date (file order among equal dates)."""
        return tuple(sorted(self.rounds, key=lambda r: r.date))

    def round_of(self, day: dt.date, tag: str | None) -> Round | None:
        """The round an entry dated ``day`` and tagged ``tag`` belongs to: the tagged round, else
        the first on or after ``day``, else none (the one rule of :mod:`planctl.rounds`)."""
        tagged = self.round(tag) if tag is not None else None
        if tagged is not None:
            return tagged
        return next((r for r in self.rounds_by_date() if r.date >= day), None)

    def round_ranker(self) -> Rank:
        """The place of the round of an entry dated ``day``, tagged ``tag``, among the rounds by
        date (after them all for an entry that belongs to none), as a function of ``(day, tag)``:
        the rounds are sorted once for many entries, not once per entry."""
        ordered = self.rounds_by_date()
        dates = [r.date for r in ordered]
        place = {id(r): i for i, r in enumerate(ordered)}
        tagged: dict[str, int] = {}
        for r in self.rounds:
            tagged.setdefault(r.id, place[id(r)])  # the first with the id, as :meth:`round`

        def rank(day: dt.date, tag: str | None) -> int:
            found = tagged.get(tag) if tag is not None else None
            # else the first round on or after ``day`` (file order among equal dates), or none
            return found if found is not None else bisect.bisect_left(dates, day)

        return rank

    def entry_on(self, row: Row, day: dt.date | None = None) -> HistoryEntry | None:
        """``row``'s counted entry in force on ``day`` (latest when ``None``): of the entries
        dated on or before it, the latest by round, then position (:mod:`planctl.rounds`)."""
        return row.entry_on(day, self.round_ranker())

    def status_on(self, row: Row, day: dt.date | None = None) -> Status | None:
        """``row``'s status on ``day`` (latest when ``None``); ``None``: not followed up yet."""
        entry = self.entry_on(row, day)
        return self.status_written(entry.status) if entry is not None else None
