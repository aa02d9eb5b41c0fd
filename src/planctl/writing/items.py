"""What planctl appends, as YAML text: history entries, measurements and assessments.

Key order is the documented one; dates and round ids are always quoted (so no YAML reader takes
them for dates or numbers), notes and texts always double-quoted; statuses and roles stay plain
when that is unambiguous. :mod:`planctl.writing.yamledit` adds the lines.
"""

from __future__ import annotations

from planctl.models import Assessment, HistoryEntry, Measurement
from planctl.writing.yamledit import double_quoted, scalar


def entry_item(entry: HistoryEntry) -> tuple[tuple[str, str], ...]:
    """A history entry as YAML key/value text, in the documented key order.

    Dates and round ids are always quoted (so no YAML reader takes them for dates or numbers),
    notes always double-quoted; statuses and roles stay plain when that is unambiguous.
    """
    pairs = [("datum", double_quoted(entry.date.isoformat())), ("status", scalar(entry.status))]
    return (*pairs, *_record_tail(entry))


def measurement_item(entry: Measurement) -> tuple[tuple[str, str], ...]:
    """A measurement as YAML key/value text, quoted like :func:`entry_item`.

    The value is a plain YAML number with a decimal point (``12.5``), whole numbers without one.
    """
    pairs = [("datum", double_quoted(entry.date.isoformat())), ("värde", repr(entry.value))]
    if entry.measure is not None:
        pairs.append(("insats", str(entry.measure)))
    return (*pairs, *_record_tail(entry))


def assessment_item(entry: Assessment) -> tuple[tuple[str, str], ...]:
    """An assessment as YAML key/value text, quoted like :func:`entry_item`."""
    pairs = [("uppföljning", double_quoted(entry.round))]
    if entry.area is not None:
        pairs.append(("område", scalar(entry.area)))
    pairs += [("datum", double_quoted(entry.date.isoformat())), ("text", double_quoted(entry.text))]
    if entry.by is not None:
        pairs.append(("av", scalar(entry.by)))
    return tuple(pairs)


def _record_tail(entry: HistoryEntry | Measurement) -> list[tuple[str, str]]:
    """The keys every appended record ends with, in the documented order: note, role, round and
    the entry it corrects; each only when given."""
    pairs: list[tuple[str, str]] = []
    if entry.note is not None:
        pairs.append(("notering", double_quoted(entry.note)))
    if entry.by is not None:
        pairs.append(("av", scalar(entry.by)))
    if entry.round is not None:
        pairs.append(("uppföljning", double_quoted(entry.round)))
    if entry.corrects is not None:
        pairs.append(("rättar", str(entry.corrects)))
    return pairs
