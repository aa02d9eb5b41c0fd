"""New plans from the catalogue: the written file validates at once and is never overwritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planctl.errors import DataError, Severity, UsageError
from planctl.models import Catalogue
from planctl.newplan import (
    RoundSpec,
    choose_measures,
    new_plan,
    parse_measure_numbers,
    parse_rounds,
    plan_slug,
)
from planctl.store import load_data_dir, load_files
from planctl.writing.files import check_new_plan, create_file
from tests.conftest import DATA, TODAY, Invoke
from tests.test_store import edit, line_of


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_data_dir(DATA, today=TODAY).require_valid().require_catalogue()


def write_new(catalogue: Catalogue, folder: Path, **options: object) -> Path:
    measures = choose_measures(catalogue, numbers=[84, 7, 47])
    settings: dict[str, object] = {
        "organisation": "Exempelkommun",
        "title": "Plan för handling 2027",
        "measures": measures,
        "rounds": parse_rounds("2027-05,2027-10"),
        "today": TODAY,
    }
    settings.update(options)
    draft = new_plan(catalogue, **settings)  # type: ignore[arg-type]
    path = folder / "exempelkommun.yaml"
    create_file(path, draft.text)
    return path


def test_new_plan_loads_with_only_draft_warnings(catalogue: Catalogue, data_dir: Path) -> None:
    """The written plan validates: no errors, one draft-row warning per row."""
    path = write_new(catalogue, data_dir)
    data = load_data_dir(data_dir, today=TODAY, base=data_dir)
    assert data.errors == ()
    assert [(p.rule, p.severity, p.file) for p in data.problems] == [
        ("draft-row", Severity.WARNING, "exempelkommun.yaml")
    ] * 3
    assert data.problems[0].line == line_of(path, 'start: "Fyll i start"')
    plan = data.plan("exempelkommun").model
    assert plan.meta.catalogue == "vision-101" and plan.meta.organisation == "Exempelkommun"


def test_new_plan_content(catalogue: Catalogue, tmp_path: Path) -> None:
    """Areas, rounds and draft rows come from the catalogue, ids are R- and the number."""
    path = write_new(catalogue, tmp_path)
    data = load_files([path], today=TODAY, base=tmp_path, extra_catalogue=DATA / "measures.yaml")
    plan = data.plan().model
    assert [(a.id, a.name) for a in plan.areas] == [
        ("aktiv-rekrytering", "Aktiv rekrytering"),
        ("rimlig-arbetsbelastning", "Rimlig arbetsbelastning"),
        ("hälsofrämjande-ledarskap", "Hälsofrämjande ledarskap och organisation"),
    ]
    assert [(r.id, r.name, r.date.isoformat()) for r in plan.rounds] == [
        ("2027-05", "Uppföljning maj 2027", "2027-05-31"),
        ("2027-10", "Uppföljning oktober 2027", "2027-10-31"),
    ]
    assert [(r.id, r.area, r.measures, r.draft) for r in plan.rows] == [
        ("R-7", "aktiv-rekrytering", (7,), True),
        ("R-47", "rimlig-arbetsbelastning", (47,), True),
        ("R-84", "hälsofrämjande-ledarskap", (84,), True),
    ]
    measure = catalogue.measure(47)
    assert measure is not None and plan.rows[1].proposal == measure.text
    assert plan.rows[0].owners == ("Fyll i ansvarig roll",)
    assert plan.rows[0].start_window is None and plan.rows[0].history == ()


def test_new_plan_file_form(catalogue: Catalogue, tmp_path: Path) -> None:
    """Modeline first, a Swedish header naming planctl new and the date, LF, quoted dates."""
    raw = write_new(catalogue, tmp_path).read_bytes()
    text = raw.decode("utf-8")
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../schema/plan.schema.json"
    assert "# Skapad av `planctl new` den 2026-11-23 ur katalogen vision-101" in lines
    assert "# Validera filen med: planctl validate" in lines
    assert b"\r" not in raw and text.endswith("\n") and not raw.startswith(b"\xef\xbb\xbf")
    assert '    datum: "2027-05-31"' in lines
    assert "    utkast: true  # ta bort när ansvar och start är ifyllda" in lines


def test_filled_in_draft_validates_clean(catalogue: Catalogue, data_dir: Path) -> None:
    """Once ansvar and start are filled in and utkast removed, the row has no problem left."""
    path = write_new(catalogue, data_dir, measures=choose_measures(catalogue, numbers=[7]))
    edit(path, '"Fyll i ansvarig roll"', "Förvaltningschef")
    edit(path, '"Fyll i start"', '"Hösten 2027"')
    assert [p.rule for p in load_data_dir(data_dir, today=TODAY).problems] == ["draft-row"]
    edit(path, "    utkast: true  # ta bort när ansvar och start är ifyllda\n", "")
    assert load_data_dir(data_dir, today=TODAY).problems == ()


def test_placeholder_start_without_draft_is_an_error(catalogue: Catalogue, data_dir: Path) -> None:
    """Without utkast the placeholder start is the usual start-term error."""
    path = write_new(catalogue, data_dir, measures=choose_measures(catalogue, numbers=[7]))
    edit(path, "    utkast: true  # ta bort när ansvar och start är ifyllda\n", "")
    found = load_data_dir(data_dir, today=TODAY).problems
    assert [(p.rule, p.severity) for p in found] == [("start-term", Severity.ERROR)]


def test_refuses_to_overwrite(catalogue: Catalogue, tmp_path: Path) -> None:
    """An existing file is never replaced: a usage error, content unchanged."""
    path = tmp_path / "exempelkommun.yaml"
    path.write_text("min plan\n", encoding="utf-8")
    with pytest.raises(UsageError, match="finns redan"):
        write_new(catalogue, tmp_path)
    assert path.read_text(encoding="utf-8") == "min plan\n"


def test_plan_slug() -> None:
    """Ids keep å/ä/ö, drop other accents and join words with hyphens."""
    assert plan_slug("Borås Stad") == "borås-stad"
    assert plan_slug("Region Jämtland Härjedalen") == "region-jämtland-härjedalen"
    assert plan_slug("  Malmö stad (IFO) ") == "malmö-stad-ifo"
    assert plan_slug("Škofja Loka – 2027") == "skofja-loka-2027"
    assert plan_slug("!!!") == ""


def test_round_dates_are_last_days() -> None:
    """A round's date is the last day of its month, leap years included; input is sorted."""
    assert [r.date.isoformat() for r in parse_rounds("2028-02, 2026-12,2026-02,2026-12")] == [
        "2026-02-28",
        "2026-12-31",
        "2028-02-29",
    ]
    assert RoundSpec(2026, 5).name == "Uppföljning maj 2026"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: parse_measure_numbers("7,x"), "'x' är inget insatsnummer"),
        (lambda c: parse_rounds("2026-13"), "'2026-13' är ingen månad"),
        (lambda c: parse_rounds("maj"), "'maj' är ingen månad"),
        (lambda c: choose_measures(c, numbers=[7, 0, 500]), "insats 0, 500 finns inte.*1–101"),
        (lambda c: choose_measures(c, areas=["ekonomi"]), "giltiga: aktiv-rekrytering"),
        (lambda c: choose_measures(c), "välj insatser"),
    ],
)
def test_bad_selection(catalogue: Catalogue, call: object, message: str) -> None:
    """Unknown numbers, areas and months are usage errors that list what is valid."""
    with pytest.raises(UsageError, match=message):
        call(catalogue)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"organisation": "  "}, "--organisation får inte vara tom"),
        ({"title": "Rad ett\nrad två"}, "--title får inte innehålla radbrytningar"),
        ({"title": "Rad ett\u2028rad två"}, "--title får inte innehålla radbrytningar"),
        ({"organisation": "A\u2029B"}, "--organisation får inte innehålla radbrytningar"),
        ({"organisation": "???"}, "kan inte bilda ett id"),
        ({"plan_id": "Stora Bokstäver"}, "--id: kan inte bilda ett id"),
        ({"taken_ids": ["exempelkommun"]}, "finns redan en plan med id 'exempelkommun'"),
    ],
)
def test_bad_metadata(
    catalogue: Catalogue, tmp_path: Path, options: dict[str, object], message: str
) -> None:
    """Blank or multi-line names (also U+2028/U+2029), names without an id, taken ids: refused."""
    with pytest.raises(UsageError, match=message):
        write_new(catalogue, tmp_path, **options)
    assert not (tmp_path / "exempelkommun.yaml").exists()


# --- the command ----------------------------------------------------------------------------------

NEW = ("new", "data/malmo.yaml", "--organisation", "Exempelstad Syd", "--title", "Plan 2027")


def test_new_command_writes_a_valid_plan(invoke: Invoke, data_dir: Path) -> None:
    """new writes the file, says so on stderr, and validate then passes with warnings only."""
    result = invoke(*NEW, "--measures", "7,47", "--area", "god-intro", "--rounds", "2027-05")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "Skrev data/malmo.yaml: planen 'exempelstad-syd' med 15 utkastrader" in result.stderr
    check = invoke("validate", "--format", "json")
    assert check.exit_code == 0
    rules = {p["rule"] for p in json.loads(check.stdout)["problems"]}
    assert rules == {"draft-row"}
    rows = json.loads(invoke("list", "--plan", "exempelstad-syd", "-f", "json").stdout)
    assert [r["id"] for r in rows][:3] == ["R-7", "R-47", "R-70"] and len(rows) == 15
    assert (data_dir / "malmo.yaml").read_text(encoding="utf-8").count("\n    utkast: true") == 15


def test_new_command_refuses_existing_file(invoke: Invoke, data_dir: Path) -> None:
    """new never overwrites: exit 2, a clear message, the file untouched."""
    before = (data_dir / "boras_plan.yaml").read_bytes()
    result = invoke(
        "new", "data/boras_plan.yaml", "--organisation", "X", "--title", "Y", "-a", "god"
    )
    assert result.exit_code == 2
    assert "data/boras_plan.yaml finns redan" in result.stderr
    assert (data_dir / "boras_plan.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--measures", "7,102"), "insats 102 finns inte i katalogen; giltiga nummer: 1–101"),
        (("--area", "lön"), "okänt område 'lön'; giltiga: aktiv-rekrytering"),
        ((), "välj insatser med --measures"),
        (("--measures", "7", "--rounds", "2027-5"), "--rounds: '2027-5' är ingen månad"),
    ],
)
def test_new_command_bad_input(
    invoke: Invoke, data_dir: Path, extra: tuple[str, ...], message: str
) -> None:
    """Unknown measures, areas or months exit 2 with the valid values; nothing is written."""
    result = invoke(*NEW, *extra)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (data_dir / "malmo.yaml").exists()


def test_new_command_id_option_and_taken_id(invoke: Invoke, data_dir: Path) -> None:
    """A second plan for the same organisation needs its own --id."""
    assert invoke(*NEW, "--measures", "7").exit_code == 0
    again = invoke("new", "data/b.yaml", *NEW[2:], "--measures", "8")
    assert again.exit_code == 2 and "ange ett annat med --id" in again.stderr
    third = invoke("new", "data/b.yaml", *NEW[2:], "--measures", "8", "--id", "exempelstad-2028")
    assert third.exit_code == 0, third.stderr
    assert "exempelstad-2028" in invoke("summary", "-f", "json").stdout


def test_new_command_missing_directory(invoke: Invoke) -> None:
    """A file in a directory that does not exist is an input error (exit 2)."""
    result = invoke("new", "saknas/x.yaml", *NEW[2:], "--measures", "7")
    assert result.exit_code == 2 and "katalogen saknas finns inte" in result.stderr


def test_new_command_refuses_a_file_the_data_directory_would_not_read(
    invoke: Invoke, data_dir: Path
) -> None:
    """A plan file not named .yaml/.yml is refused (exit 2) instead of being silently ignored."""
    result = invoke("new", "data/malmo.txt", *NEW[2:], "--measures", "7")
    assert result.exit_code == 2
    assert "data/malmo.txt: en planfil ska sluta på .yaml" in result.stderr
    assert not (data_dir / "malmo.txt").exists()


def test_new_command_says_singular_for_one_row(invoke: Invoke) -> None:
    """One measure gives '1 utkastrad i 1 område', not '1 utkastrader i 1 områden'."""
    result = invoke(*NEW, "--measures", "7")
    assert result.exit_code == 0, result.stderr
    assert "med 1 utkastrad i 1 område." in result.stderr


def test_check_new_plan_refuses_a_text_with_errors(catalogue: Catalogue, tmp_path: Path) -> None:
    """A new plan's text that would not validate is refused with its problems; nothing exists."""
    draft = new_plan(
        catalogue,
        organisation="Exempelkommun",
        title="Plan",
        measures=choose_measures(catalogue, numbers=[7]),
        today=TODAY,
    )
    path = tmp_path / "exempelkommun.yaml"
    broken = draft.text.replace("insatser: [7]", "insatser: [7]\n    okänt: 1")
    with pytest.raises(
        DataError, match=r"den nya planen skulle få \d+ fel; inget skrevs"
    ) as caught:
        check_new_plan(path, broken, today=TODAY, catalogue=DATA / "measures.yaml")
    assert "unknown-field" in {p.rule for p in caught.value.problems}
    check_new_plan(path, draft.text, today=TODAY, catalogue=DATA / "measures.yaml")
    assert not path.exists()
