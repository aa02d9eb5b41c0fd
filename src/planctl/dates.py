"""Which day it is, and which days a command accepts.

"Today" is the date in Sweden (``Europe/Stockholm``) whatever time zone the machine runs in: a
GitHub runner in UTC and a secretary in Borås agree on the date of a meeting held at 00:30. A plan
may name another zone (``plan.tidszon``, e.g. ``Europe/Helsinki`` for a Finland-Swedish
municipality); its own "today" is then used for its entries. Only the CLI reads the clock; this
module turns the instant it read into a date.

A date typed on the command line is checked the same way by every command: one in the future, or
one before the plan's date (``lämnad_datum``) or before :data:`FLOOR`, is refused as a likely typo
(history is append-only, so a typo would stay).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from planctl.errors import UsageError

DEFAULT_ZONE = "Europe/Stockholm"
"""The time zone "today" is counted in when the plan names none."""

FLOOR = dt.date(2000, 1, 1)
"""No staffing plan followed up with planctl has entries this early; an earlier date is a typo."""

DATE_FORM = "ÅÅÅÅ-MM-DD, t.ex. 2018-05-31"
"""How a date is written, with an example: the end of every message about a date that does not
read, in a data file and on the command line alike."""

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def not_a_date(typed: object) -> str:
    """The one message for a date that does not read (``'31/5' är inget giltigt datum; …``)."""
    if typed is None or (isinstance(typed, str) and not typed.strip()):
        return f"datum saknas; skriv {DATE_FORM}"
    return f"'{typed}' är inget giltigt datum; skriv {DATE_FORM}"


def parse_date(typed: str, *, name: str = "") -> dt.date:
    """The date ``typed`` as ``ÅÅÅÅ-MM-DD`` (surrounding space aside; no other ISO forms).

    Raises :class:`UsageError` (exit 2) with :func:`not_a_date`, after ``name: `` when given
    (``--date``, ``PLANCTL_TODAY``).
    """
    text = typed.strip()
    if _ISO_DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise UsageError(f"{name}: {not_a_date(typed)}" if name else not_a_date(typed))


@functools.cache
def zone(name: str | None = None) -> ZoneInfo:
    """The time zone ``name`` (an IANA name), or Sweden's; :class:`UsageError` if unknown."""
    try:
        return ZoneInfo(name or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(
            f"okänd tidszon '{name}'; ange ett IANA-namn som Europe/Stockholm"
        ) from None


def is_zone(name: str) -> bool:
    """Whether ``name`` is a time zone planctl knows (an IANA name such as Europe/Helsinki)."""
    return name in available_timezones()


def local_date(instant: dt.datetime, zone_name: str | None = None) -> dt.date:
    """The date at ``instant`` (aware; naive means UTC) in ``zone_name`` (Sweden by default)."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=dt.UTC)
    return instant.astimezone(zone(zone_name)).date()


def earliest(delivered: dt.date | None) -> dt.date:
    """The earliest date a plan accepts: the day it was delivered, and never before the floor."""
    return max(FLOOR, delivered) if delivered is not None else FLOOR


def check_date(
    day: dt.date, *, today: dt.date, delivered: dt.date | None = None, name: str = "datumet"
) -> None:
    """Refuse ``day`` in the future or before the plan's date (:func:`earliest`); exit 2.

    ``name`` says what was typed (``--date``, ``--as-of``), for the message.
    """
    if day > today:
        raise UsageError(f"{name} {day} ligger i framtiden (i dag är det {today})")
    first = earliest(delivered)
    if day < first:
        since = (
            f"planen lämnades {delivered}"
            if delivered is not None and delivered >= FLOOR
            else f"planctl tar inga datum före {FLOOR}"
        )
        raise UsageError(
            f"{name} {day} ligger före {first} ({since}); troligen ett skrivfel – "
            "historiken kan inte ändras i efterhand"
        )
