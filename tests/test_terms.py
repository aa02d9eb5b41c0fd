"""Parsing start texts into terms."""

from __future__ import annotations

import datetime as dt

import pytest

from planctl.terms import Term, parse_term


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Hösten 2017", "HT2017"),
        ("Våren 2018", "VT2018"),
        ("I samband löneöversyn våren 2018", "VT2018"),
        ("I samband med löneöversyn våren 2018", "VT2018"),
        ("from 1 januari 2018", "VT2018"),
        ("1 september 2019", "HT2019"),
        ("HT2017", "HT2017"),
        ("vt18", "VT2018"),
        ("2018-VT", "VT2018"),
        ("hosten 2017", "HT2017"),
        ("2018-08-01", "HT2018"),
    ],
)
def test_parse(text: str, code: str) -> None:
    """Start texts as people write them parse to the right term."""
    term = parse_term(text)
    assert term is not None and term.code == code


@pytest.mark.parametrize("text", ["Vid behov", "", "2018", "sommaren 2018", "2018-13-01"])
def test_unparseable(text: str) -> None:
    """Texts that name no term give None."""
    assert parse_term(text) is None


def test_term_days_and_order() -> None:
    """Terms know their first and last days and sort by calendar."""
    spring, autumn = Term(2018, 1), Term(2018, 2)
    assert (spring.first_day, spring.last_day) == (dt.date(2018, 1, 1), dt.date(2018, 6, 30))
    assert (autumn.first_day, autumn.last_day) == (dt.date(2018, 7, 1), dt.date(2018, 12, 31))
    assert Term(2017, 2) < spring < autumn
    assert Term.of(dt.date(2018, 7, 1)) == autumn
    assert autumn.label == "hösten 2018"
