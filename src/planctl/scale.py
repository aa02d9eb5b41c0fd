"""A plan's status scale: its statuses (``statusar``) and what each one means.

Plans name their statuses in their own words (Klart, Genomförd, Ej aktuell …); what a status
*means* (:class:`Meaning`) is what counts, is compared across plans and decides lateness. A plan
without ``statusar`` uses the follow-up template's three (:data:`DEFAULT_STATUSES`). No I/O.
"""

from __future__ import annotations

import enum

from pydantic import Field

from planctl.fields import Slug, StrictModel, Text, schema_text


class Meaning(enum.StrEnum):
    """What a status of a plan's scale means, whatever the plan calls it.

    Counts, "andel klart" and lateness follow the meaning: a plan may say Genomförd where Borås
    says Klart, or add Ej aktuell for a measure that was dropped (``utgår``).
    """

    NOT_STARTED = "ej-startad"
    UNDER_WAY = "pågår"
    DONE = "klar"
    DROPPED = "utgår"


class Status(StrictModel):
    """One status of the plan's own scale (``statusar``), with what it means."""

    model_config = schema_text(
        "Status",
        "En status i planens egen skala: id, namn som det visas, andra namn och vad den betyder.",
    )

    id: Slug = Field(description="Stabilt id (gemener, bindestreck; å/ä/ö tillåtna).")
    name: Text = Field(alias="namn", description="Statusens namn som det visas och skrivs.")
    aliases: tuple[Text, ...] = Field(
        default=(), alias="alias", description="Andra namn som godtas när status registreras."
    )
    meaning: Meaning = Field(
        alias="betyder", description="ej-startad, pågår, klar eller utgår (struken/ej aktuell)."
    )

    def names(self) -> tuple[str, ...]:
        """Every name this status goes by: name, id, aliases."""
        return (self.name, self.id, *self.aliases)


def _status(id_: str, name: str, aliases: tuple[str, ...], meaning: Meaning) -> Status:
    return Status.model_validate(
        {"id": id_, "namn": name, "alias": aliases, "betyder": meaning.value}
    )


# The follow-up template's three statuses: the scale of a plan without ``statusar``.
DEFAULT_STATUSES: tuple[Status, ...] = (
    _status("klart", "Klart", ("klar", "done"), Meaning.DONE),
    _status("påbörjat", "Påbörjat", ("pågår", "started", "in-progress"), Meaning.UNDER_WAY),
    _status(
        "ej-påbörjat",
        "Ej påbörjat",
        ("inte påbörjat", "not-started", "not started"),
        Meaning.NOT_STARTED,
    ),
)
