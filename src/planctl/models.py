"""The data model: pydantic models of the catalogue and of a plan, and their enums. No I/O.

YAML keys are Swedish (the files are written by Swedish HR staff); Python names are English and
each field carries its Swedish key as alias. Unknown keys are forbidden, so a typo is an error.
Scalars are strict: a text field never takes a number, a yes/no field only ``true``/``false``, and
dates must be written ``ÅÅÅÅ-MM-DD``.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import PydanticCustomError

from planctl.terms import Term, parse_term


class Status(enum.StrEnum):
    """The three statuses of the follow-up template, as written in the files."""

    DONE = "Klart"
    STARTED = "Påbörjat"
    NOT_STARTED = "Ej påbörjat"


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


# Swedish titles and descriptions of the enums in JSON Schema (their docstrings stay English).
ENUM_SCHEMA_TEXT: dict[type[enum.Enum], tuple[str, str]] = {
    Status: ("Status", "Radens status vid en uppföljning: Klart, Påbörjat eller Ej påbörjat."),
    Unit: ("Enhet", "Enheten som ett mätbart mål anges i."),
    Direction: ("Riktning", "'minst' när målet är ett golv, 'högst' när det är ett tak."),
}

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SLUG = re.compile(r"[a-zåäö0-9]+(?:-[a-zåäö0-9]+)*")
_ROW_ID = re.compile(r"[A-Za-zÅÄÖåäö0-9]+(?:[-.][A-Za-zÅÄÖåäö0-9]+)*")


def _iso_date(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise ValueError(f"ska vara ett datum skrivet ÅÅÅÅ-MM-DD, inte {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value} är inget giltigt datum") from None


def _no_surrounding_space(value: Any) -> None:
    # A quoted id with a stray space looks right in the file but never matches; say so plainly.
    if isinstance(value, str) and value.strip() and value != value.strip():
        raise PydanticCustomError(
            "id_whitespace",
            "id {value} har mellanslag först eller sist; ta bort dem",
            {"value": repr(value)},
        )


def _slug(value: Any) -> Any:
    _no_surrounding_space(value)
    if isinstance(value, str) and not _SLUG.fullmatch(value):
        raise ValueError(
            f"id {value!r} ska skrivas med gemener, siffror och bindestreck (t.ex. 'arbetsvillkor')"
        )
    return value


def _row_id(value: Any) -> Any:
    _no_surrounding_space(value)
    if isinstance(value, str) and not _ROW_ID.fullmatch(value):
        raise ValueError(
            f"id {value!r} får bara innehålla bokstäver, siffror och bindestreck (t.ex. 'LB-1')"
        )
    return value


def _nonblank(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        raise ValueError("får inte vara tom")
    return value


# Each constrained type also says in JSON Schema what it accepts, so editors and other validators
# reject what planctl rejects. Dates stay strings in YAML (planctl never lets YAML build dates).
IsoDate = Annotated[
    dt.date,
    BeforeValidator(_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
Text = Annotated[
    StrictStr,
    BeforeValidator(_nonblank),
    WithJsonSchema({"type": "string", "minLength": 1, "pattern": r"\S"}),
]
Slug = Annotated[
    StrictStr,
    BeforeValidator(_slug),
    WithJsonSchema({"type": "string", "pattern": f"^{_SLUG.pattern}$"}),
]
RowId = Annotated[
    StrictStr,
    BeforeValidator(_row_id),
    WithJsonSchema({"type": "string", "pattern": f"^{_ROW_ID.pattern}$"}),
]
RoundId = RowId


def _schema_text(title: str, description: str) -> ConfigDict:
    """A model's Swedish title and description in JSON Schema (docstrings stay English)."""
    return ConfigDict(title=title, json_schema_extra={"description": description})


def _field_title(name: str, info: Any) -> str:
    # Titles from the Swedish key as a Swede would write them: "Lämnad datum", not "Lämnad Datum".
    key: str = info.alias or name
    return key.replace("_", " ").capitalize()


class _Model(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", validate_by_name=False, field_title_generator=_field_title
    )


# --- the catalogue ---------------------------------------------------------------------------


class Target(_Model):
    """A measurable target a measure or a plan row states (derived from its text by the project)."""

    model_config = _schema_text(
        "Mål",
        "Ett mätbart mål som en insats eller en planrad anger (tolkat av planctl-projektet).",
    )

    measured: Text = Field(alias="avser", description="Vad som mäts.")
    value: StrictInt | float = Field(alias="värde", description="Målvärdet.")
    unit: Unit = Field(alias="enhet", description="Enhet för målvärdet.")
    direction: Direction = Field(
        alias="riktning", description="'minst' för ett golv, 'högst' för ett tak."
    )


class CatalogueArea(_Model):
    """One of the catalogue's areas."""

    model_config = _schema_text("Katalogområde", "Ett av katalogens områden.")

    id: Slug = Field(description="Stabilt id (gemener, bindestreck; å/ä/ö tillåtna).")
    name: Text = Field(alias="namn", description="Områdets namn som det visas.")


class Measure(_Model):
    """One numbered measure ("insats") of the catalogue."""

    model_config = _schema_text("Insats", "En numrerad insats i katalogen.")

    id: StrictInt = Field(ge=1, description="Insatsens nummer i katalogen.")
    area: Slug = Field(alias="område", description="Id för området insatsen hör till.")
    text: Text = Field(description="Insatsens text, trogen källan.")
    targets: tuple[Target, ...] = Field(
        default=(), alias="mål", description="Mätbara mål som texten anger (tolkade)."
    )


class CatalogueMeta(_Model):
    """What the catalogue is and who publishes it."""

    model_config = _schema_text("Katalogens uppgifter", "Vad katalogen är och vem som ger ut den.")

    id: Slug = Field(description="Katalogens id; planer hänvisar till det.")
    title: Text = Field(alias="titel", description="Katalogens titel.")
    publisher: Text = Field(alias="utgivare", description="Utgivare.")
    description: Text | None = Field(
        default=None, alias="beskrivning", description="Vad katalogen är."
    )


class Catalogue(_Model):
    """The catalogue of measures (``measures.yaml``)."""

    model_config = _schema_text(
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


class HistoryEntry(_Model):
    """One recorded status of a row: appended, never edited."""

    model_config = _schema_text(
        "Historikpost", "En registrerad status för en rad; läggs till, redigeras aldrig."
    )

    date: IsoDate = Field(alias="datum", description="Dag då statusen gällde (ÅÅÅÅ-MM-DD).")
    status: Status = Field(description="Klart, Påbörjat eller Ej påbörjat.")
    note: Text | None = Field(default=None, alias="notering", description="Fri kommentar.")
    by: Text | None = Field(default=None, alias="av", description="Roll som registrerade.")
    round: RoundId | None = Field(
        default=None, alias="uppföljning", description="Uppföljningsomgångens id."
    )


class Measurement(_Model):
    """One measured value of a target, recorded at a follow-up: appended, never edited.

    Without ``insats`` it measures the row's own target (``mål``); with it, the target of that
    catalogue measure, which the row must link to.
    """

    model_config = _schema_text(
        "Mätning",
        "Ett uppmätt värde för ett mål vid en uppföljning; läggs till, redigeras aldrig. "
        "Utan 'insats' mäts radens eget mål, med 'insats' målet för den kopplade insatsen.",
    )

    date: IsoDate = Field(alias="datum", description="Dag då värdet mättes (ÅÅÅÅ-MM-DD).")
    value: StrictInt | Annotated[StrictFloat, Field(allow_inf_nan=False)] = Field(
        alias="värde", description="Det uppmätta värdet, i målets enhet."
    )
    measure: StrictInt | None = Field(
        default=None,
        alias="insats",
        ge=1,
        description="Katalogens insats vars mål värdet mäter; utelämnas för radens eget mål.",
    )
    note: Text | None = Field(default=None, alias="notering", description="Fri kommentar.")
    by: Text | None = Field(default=None, alias="av", description="Roll som registrerade.")
    round: RoundId | None = Field(
        default=None, alias="uppföljning", description="Uppföljningsomgångens id."
    )


class PlanArea(_Model):
    """One of the plan's areas, with other names people use for it."""

    model_config = _schema_text(
        "Planområde", "Ett av planens områden, med andra namn som används för det."
    )

    id: Slug = Field(description="Stabilt id (gemener, bindestreck; å/ä/ö tillåtna).")
    name: Text = Field(alias="namn", description="Områdets namn som det visas.")
    aliases: tuple[Text, ...] = Field(
        default=(), alias="alias", description="Andra namn på området."
    )


class Row(_Model):
    """One proposal row of the plan's follow-up table."""

    model_config = _schema_text("Åtgärd", "En förslagsrad i planens uppföljningstabell.")

    id: RowId = Field(description="Kort stabilt id som går att skriva, t.ex. LB-1.")
    area: Slug = Field(alias="område", description="Id för radens område.")
    proposal: Text = Field(alias="förslag", description="Förslaget som i planens bilaga.")
    details: Text | None = Field(
        default=None, alias="detaljer", description="Vad planens brödtext lägger till."
    )
    responsible: Text = Field(alias="ansvar", description="Ansvarig roll (aldrig en person).")
    start: Text = Field(description="Start som den är skriven, t.ex. 'Hösten 2017'.")
    term: Annotated[StrictStr, BeforeValidator(_nonblank)] | None = Field(
        default=None,
        alias="termin",
        description="Starttermin tolkad ur start, t.ex. HT2017 eller VT2018.",
    )
    needs_funding: StrictBool = Field(
        default=False,
        alias="behöver_finansiering",
        description="true om raden kräver särskilda resurser.",
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

    @property
    def status(self) -> Status:
        """The current status: the latest history entry's, or Ej påbörjat with no history."""
        return self.history[-1].status if self.history else Status.NOT_STARTED

    def status_on(self, day: dt.date) -> Status:
        """The status as recorded on or before ``day``."""
        current = Status.NOT_STARTED
        for entry in self.history:
            if entry.date > day:
                break
            current = entry.status
        return current

    @property
    def start_term(self) -> Term | None:
        """The start term: the explicit ``termin`` or the one parsed from ``start``."""
        return parse_term(self.term) if self.term else parse_term(self.start)


class Round(_Model):
    """A follow-up round ("uppföljning") of the plan."""

    model_config = _schema_text("Uppföljning", "En uppföljningsomgång för planen.")

    id: RoundId = Field(description="Omgångens id, t.ex. 2018-05.")
    name: Text = Field(alias="namn", description="Omgångens namn.")
    date: IsoDate = Field(alias="datum", description="Datum för omgången (ÅÅÅÅ-MM-DD).")


class WorkingGroup(_Model):
    """The group that wrote and follows up the plan, by role."""

    model_config = _schema_text(
        "Arbetsgrupp", "Gruppen som tog fram och följer upp planen, angiven med roller."
    )

    name: Text = Field(alias="namn", description="Gruppens namn.")
    lead: Text | None = Field(default=None, alias="ledning", description="Roll som leder.")
    members: tuple[Text, ...] = Field(
        default=(), alias="sammansättning", description="Roller i gruppen, inga namn."
    )


class PlanMeta(_Model):
    """What the plan is, whose it is and who decides."""

    model_config = _schema_text(
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


class Plan(_Model):
    """A staffing action plan with its follow-up table."""

    model_config = _schema_text(
        "Handlingsplan", "En handlingsplan för personalförsörjning med dess uppföljningstabell."
    )

    meta: PlanMeta = Field(alias="plan", description="Uppgifter om planen.")
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
