"""One wording for an unknown reference, with a suggestion, in files and on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from planctl.lookup import closest, did_you_mean, unknown
from planctl.store import load_data_dir
from tests.conftest import TODAY, Invoke
from tests.test_store import edit, line_of


@pytest.mark.parametrize(
    ("typed", "valid", "expected"),
    [
        ("lon", ["lön", "rekrytering"], "lön"),
        ("Rekrytring", ["lön", "rekrytering"], "rekrytering"),
        ("LÖNEBILDNING", ["lönebildning"], "lönebildning"),
        ("kompetens", ["arbetsvillkor", "kompetens-och-personalförsörjning"], None),
        ("2018-11", ["2018-05", "2018-10"], "2018-10"),
        ("2099-10", ["2018-05", "2018-10"], None),
        ("ekonomi", ["lönebildning", "arbetsvillkor"], None),
    ],
)
def test_closest_folds_case_and_diacritics(
    typed: str, valid: list[str], expected: str | None
) -> None:
    """A slip of case, å/ä/ö or one letter suggests the value; mere likeness does not."""
    if typed == "kompetens":  # a unique prefix, as the command line accepts it
        expected = "kompetens-och-personalförsörjning"
    assert closest(typed, valid) == expected


def test_closest_suggests_the_value_an_alias_belongs_to() -> None:
    """Typing (a slip of) an area's name or alias suggests the area's id."""
    assert closest("lönevilkor", ["lönebildning"], [("Lönebildning", "lönevillkor")]) == (
        "lönebildning"
    )


@pytest.mark.parametrize(
    ("noun", "typed", "valid", "message"),
    [
        ("område", "lon", ["lön", "rekrytering"], "okänt område 'lon' – menade du 'lön'? "),
        ("uppföljning", "x", ["2026-05"], "okänd uppföljning 'x'; giltiga: 2026-05"),
        ("plan", "x", ["a", "b"], "okänd plan 'x'; giltiga: a, b"),
        ("status", "x", ["Klart"], "okänd status 'x'; giltiga: Klart"),
        ("format", "odt", ["html", "pdf"], "okänt format 'odt'; giltiga: html, pdf"),
        ("orientering", "x", ["auto"], "okänd orientering 'x'; giltiga: auto"),
        ("uppföljning", "x", [], "okänd uppföljning 'x'; det finns inga uppföljningar än"),
        ("område", "x", [], "okänt område 'x'; det finns inga områden än"),
    ],
)
def test_unknown_has_one_form_with_the_nouns_gender(
    noun: str, typed: str, valid: list[str], message: str
) -> None:
    """okänd/okänt by the noun's gender, then a suggestion, then what is valid (or that none is)."""
    assert unknown(noun, typed, valid).startswith(message)


def test_unknown_places_the_reference_and_lists_after_the_suggestion() -> None:
    """``where`` follows the typed value; the valid values follow the suggestion."""
    assert unknown("fält", "ansvr", ["id", "ansvar"], where="i åtgärder[AV-1]") == (
        "okänt fält 'ansvr' i åtgärder[AV-1] – menade du 'ansvar'? giltiga: id, ansvar"
    )


def test_a_long_list_is_left_out_when_the_suggestion_says_it() -> None:
    """A row's 17 fields after 'menade du' would bury the one meant; without a suggestion the
    user still gets the whole list."""
    fields = [f"fält{i}" for i in range(16)] + ["ansvar"]
    assert unknown("fält", "ansvr", fields) == "okänt fält 'ansvr' – menade du 'ansvar'?"
    assert unknown("fält", "qqq", fields).endswith("giltiga: " + ", ".join(fields))


def test_did_you_mean_lists_several() -> None:
    """Typer's own suggestions read like ours: quoted, joined with 'eller'."""
    assert did_you_mean(["--area", "--start"]) == " – menade du '--area' eller '--start'?"
    assert did_you_mean([]) == ""


def test_rule_suggests_the_area_a_file_misspells(data_dir: Path) -> None:
    """A row's area typed without å/ä/ö is an unknown-area error that suggests the real id,
    at the same place as before."""
    plan = data_dir / "boras_plan.yaml"
    edit(plan, "    område: lönebildning\n", "    område: lonebildning\n")
    (problem,) = [p for p in load_data_dir(data_dir, today=TODAY).errors]
    assert (problem.rule, problem.line, problem.column) == (
        "unknown-area",
        line_of(plan, "område: lonebildning"),
        13,
    )
    assert problem.message.endswith(
        "okänt område 'lonebildning' – menade du 'lönebildning'? giltiga: lönebildning, "
        "arbetsvillkor, kompetens-och-personalförsörjning"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("list", "--area", "lönebildnig"),
            "okänt område 'lönebildnig' – menade du 'lönebildning'?",
        ),
        (("report", "--round", "2018-11"), "okänd uppföljning '2018-11' – menade du '2018-10'?"),
        (("list", "--status", "påbörjt"), "okänd status 'påbörjt' – menade du 'Påbörjat'?"),
        (("list", "--format", "jsno"), "okänt värde 'jsno' för --format – menade du 'json'?"),
        (("list", "--plan", "boras-socialsekr"), None),
        (("list", "--plan", "boras-socialsekreterare-2071"), "okänd plan 'boras-"),
    ],
)
def test_command_line_lookups_suggest_too(
    invoke: Invoke, args: tuple[str, ...], message: str | None
) -> None:
    """What the command line cannot match is worded as in a file, with a suggestion; a unique
    prefix is still accepted."""
    result = invoke(*args, env={"COLUMNS": "300"})
    if message is None:
        assert result.exit_code == 0, result.stderr
        return
    assert result.exit_code == 2
    assert message in result.stderr, result.stderr
