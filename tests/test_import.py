"""Importing plans from Word, Excel and CSV: what each field becomes, and what is refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
import yaml

from planctl.errors import InputError
from planctl.importing import FollowUp, ImportResult, PlanHead, import_file
from planctl.store import load_files
from tests.conftest import DATA, TODAY
from tests.office import boras_appendix_docx, docx_with_tables, write_csv, xlsx_with_sheets

HEAD = PlanHead(plan_id="exempelkommun", title="Handlingsplan", organisation="Exempelkommun")


def _import(path: Path, **options: object) -> ImportResult:
    return import_file(path, head=HEAD, today=TODAY, shown=path.name, **options)  # type: ignore[arg-type]


def _rows(result: ImportResult) -> list[dict[str, object]]:
    loaded = yaml.safe_load(result.text)
    rows: list[dict[str, object]] = loaded["åtgärder"]
    return rows


def _valid(tmp_path: Path, result: ImportResult) -> None:
    path = tmp_path / "check" / "plan.yaml"
    checked = load_files([path], today=TODAY, overrides={path: result.text})
    assert checked.errors == (), [p.format() for p in checked.errors]


def test_boras_appendix_round_trip(tmp_path: Path) -> None:
    """The appendix rebuilt in Word imports to the shipped plan's areas, texts, owners, starts."""
    source = boras_appendix_docx(tmp_path / "bilaga.docx")
    result = _import(source)
    shipped = yaml.safe_load((DATA / "boras_plan.yaml").read_text(encoding="utf-8"))
    assert [(a["id"], a["namn"]) for a in shipped["områden"]] == list(result.areas)
    got = [(r["område"], r["förslag"], r["ansvar"], r["start"]) for r in _rows(result)]
    want = [(r["område"], r["förslag"], r["ansvar"], r["start"]) for r in shipped["åtgärder"]]
    assert got == want
    assert len(got) == 27
    _valid(tmp_path, result)
    # Every table's three status columns were recognised, the odd "Uppföljning Klart" too.
    marks = [line for line in result.mapping if "'Uppföljning / Klart' → status Klart" in line]
    assert len(marks) == 2
    assert any("'Uppföljning Klart' → status Klart" in line for line in result.mapping)
    assert result.warnings == ()


def test_excel_one_sheet_per_area_field_by_field(tmp_path: Path) -> None:
    """Each sheet is an area; every recognised column lands in its field, as written."""
    source = xlsx_with_sheets(
        tmp_path / "plan.xlsx",
        [
            (
                "Rekrytering",
                [
                    ["Handlingsplan 2018"],
                    [],
                    ["Nr", "Åtgärd", "Ansvarig", "Tidplan", "Kostnad", "Status"],
                    [1, "Rekryteringsbonus 15 000 kr", "HR-chef", "HT2018", "Ja", "Pågår"],
                    [2, "Fler VFU-platser", "Enhetschef\nStudierektor", "Våren 2019", "Nej", ""],
                ],
            ),
            (
                "Arbetsmiljö",
                [
                    ["ÅTGÄRD", "ANSVARIG", "TIDPLAN", "KLART SENAST", "KOSTNAD", "STATUS"],
                    [
                        "Ny ärendefördelning",
                        "",
                        "2019-03-01",
                        "Senast december 2019",
                        "ca 15 000 kr per år",
                        "Genomförd",
                    ],
                ],
            ),
        ],
    )
    result = _import(source, follow_up=FollowUp("2019-05", dt.date(2019, 5, 31)))
    assert result.areas == (("rekrytering", "Rekrytering"), ("arbetsmiljö", "Arbetsmiljö"))
    plan = yaml.safe_load(result.text)
    # Pågår and Genomförd are not the default scale's names: the plan gets the source's scale,
    # with the missing meaning (not started) filled in from the default.
    assert plan["statusar"] == [
        {"id": "pågår", "namn": "Pågår", "betyder": "pågår"},
        {"id": "genomförd", "namn": "Genomförd", "betyder": "klar"},
        {"id": "ej-påbörjat", "namn": "Ej påbörjat", "betyder": "ej-startad"},
    ]
    rows = plan["åtgärder"]
    assert rows[0] == {
        "id": "RE-1",
        "område": "rekrytering",
        "förslag": "Rekryteringsbonus 15 000 kr",
        "ansvar": "HR-chef",
        "start": "HT2018",
        "behöver_finansiering": True,
        "historik": [{"datum": "2019-05-31", "status": "Pågår", "uppföljning": "2019-05"}],
    }
    assert rows[1] == {
        "id": "RE-2",
        "område": "rekrytering",
        "förslag": "Fler VFU-platser",
        "ansvar": ["Enhetschef", "Studierektor"],
        "start": "Våren 2019",
        "behöver_finansiering": False,
    }
    assert rows[2] == {
        "id": "AR-1",
        "område": "arbetsmiljö",
        "förslag": "Ny ärendefördelning",
        "start": "2019-03-01",
        "slut": "Senast december 2019",
        "kostnad": {"text": "ca 15 000 kr per år", "belopp": 15000, "typ": "per år"},
        "historik": [{"datum": "2019-05-31", "status": "Genomförd", "uppföljning": "2019-05"}],
    }
    assert plan["uppföljningar"] == [
        {"id": "2019-05", "namn": "Uppföljning maj 2019", "datum": "2019-05-31"}
    ]
    assert result.history_entries == 2
    assert any("'Nr' hoppades över (id bildas av planctl per område)" in m for m in result.mapping)
    assert any("inget ansvar i källan" in w for w in result.warnings)
    _valid(tmp_path, result)


def test_status_columns_of_another_scale_become_the_plans_statuses(tmp_path: Path) -> None:
    """X-marked columns Genomförd · Pågår · Ej påbörjad · Ej aktuell are the plan's scale."""
    source = write_csv(
        tmp_path / "plan.csv",
        [
            ["Åtgärd", "Ansvar", "Start", "Genomförd", "Pågår", "Ej påbörjad", "Ej aktuell"],
            ["Mentorer", "Chef", "Q3 2018", "", "", "", "X"],
        ],
        delimiter=";",
        bom=False,
    )
    result = _import(source, follow_up=FollowUp(None, dt.date(2018, 10, 31)))
    plan = yaml.safe_load(result.text)
    assert [(s["namn"], s["betyder"]) for s in plan["statusar"]] == [
        ("Genomförd", "klar"),
        ("Pågår", "pågår"),
        ("Ej påbörjad", "ej-startad"),
        ("Ej aktuell", "utgår"),
    ]
    assert plan["åtgärder"][0]["historik"] == [{"datum": "2018-10-31", "status": "Ej aktuell"}]
    _valid(tmp_path, result)


def test_csv_semicolon_with_bom_and_area_column_field_by_field(tmp_path: Path) -> None:
    """A Swedish Excel CSV (; and BOM) with an Område column: areas from the column."""
    source = write_csv(
        tmp_path / "plan.csv",
        [
            ["Område", "Förslag", "Ansvar", "Start", "Klart", "Påbörjat", "Ej påbörjat"],
            ["Lön", "Höjt mentorstillägg", "Förhandlingschef", "Hösten 2017", "X", "", ""],
            ["", "Rekryteringsbonus; efter tips", "Förhandlingschef", "Hösten 2017", "", "x", ""],
            ["Arbetsmiljö", "Nya lokaler", "Lokalchef", "Våren 2018", "", "", ""],
        ],
        delimiter=";",
        bom=True,
    )
    result = _import(source)
    assert result.areas == (("lön", "Lön"), ("arbetsmiljö", "Arbetsmiljö"))
    assert _rows(result) == [
        {
            "id": "LO-1",
            "område": "lön",
            "förslag": "Höjt mentorstillägg",
            "ansvar": "Förhandlingschef",
            "start": "Hösten 2017",
        },
        {
            "id": "LO-2",
            "område": "lön",
            "förslag": "Rekryteringsbonus; efter tips",
            "ansvar": "Förhandlingschef",
            "start": "Hösten 2017",
        },
        {
            "id": "AR-1",
            "område": "arbetsmiljö",
            "förslag": "Nya lokaler",
            "ansvar": "Lokalchef",
            "start": "Våren 2018",
        },
    ]
    # Marks without --round/--date are reported, never written.
    assert "    historik:" not in result.text
    assert any(w.startswith("2 rader har en status i källan") for w in result.warnings)
    _valid(tmp_path, result)


def test_csv_comma_without_bom(tmp_path: Path) -> None:
    """A comma-separated file without BOM and with quoted commas reads the same way."""
    source = write_csv(
        tmp_path / "atgarder.csv",
        [["Aktivitet", "Ansvarig", "Start"], ["Handledning, varannan vecka", "Chef", "HT2018"]],
        delimiter=",",
        bom=False,
    )
    result = _import(source)
    assert result.areas == (("atgarder", "Atgarder"),)
    assert _rows(result)[0]["förslag"] == "Handledning, varannan vecka"
    assert _rows(result)[0]["ansvar"] == "Chef"


def test_docx_bullets_soft_breaks_and_merged_cells(tmp_path: Path) -> None:
    """Bullets and soft line breaks become one line; a cell merged down applies to each row."""
    path = docx_with_tables(
        tmp_path / "plan.docx",
        [
            (
                "Introduktion",
                [
                    ["Insats", "Ansvar", "Start"],
                    ["• Mentor för nyanställda\n- under första året", "Enhetschef", "HT2018"],
                    ["Introduktionsdag", "Enhetschef", "VT2019"],
                ],
            )
        ],
    )
    document = docx.Document(str(path))
    table = document.tables[0]
    table.cell(2, 1).text = ""
    table.cell(1, 1).merge(table.cell(2, 1))  # one owner for both rows, as in many plans
    document.save(str(path))
    rows = _rows(_import(path))
    assert rows[0]["förslag"] == "Mentor för nyanställda under första året"
    assert [r["ansvar"] for r in rows] == ["Enhetschef", "Enhetschef"]


def test_unparseable_start_is_kept_as_written_with_a_warning(tmp_path: Path) -> None:
    """A start planctl cannot read stays as written; the row becomes a draft and is named."""
    source = write_csv(
        tmp_path / "plan.csv",
        [["Förslag", "Ansvar", "Start"], ["Samverkan", "Chef", "När budgeten tillåter"]],
        delimiter=";",
        bom=False,
    )
    result = _import(source)
    row = _rows(result)[0]
    assert row["start"] == "När budgeten tillåter"
    assert row["utkast"] is True
    assert any("'När budgeten tillåter' går inte att tolka" in w for w in result.warnings)
    _valid(tmp_path, result)


# --- malformed input: one Swedish line, exit 2, never a traceback -----------------------------


def test_malformed_docx_without_plan_table(tmp_path: Path) -> None:
    """A Word file whose tables name no proposal column is refused, naming the columns."""
    path = docx_with_tables(tmp_path / "x.docx", [("Budget", [["Post", "Belopp"], ["A", "1"]])])
    with pytest.raises(InputError, match="hittade ingen tabell") as caught:
        _import(path)
    assert caught.value.exit_code == 2


def test_malformed_xlsx_without_header(tmp_path: Path) -> None:
    """An Excel sheet of bare values without a header row is refused."""
    path = xlsx_with_sheets(tmp_path / "x.xlsx", [("Blad1", [["Mentor", "HR", "HT2018"]])])
    with pytest.raises(InputError, match="hittade ingen tabell"):
        _import(path)


def test_malformed_csv_mismatched_columns(tmp_path: Path) -> None:
    """A CSV row with more or fewer fields than the header is refused, naming the rows."""
    path = tmp_path / "x.csv"
    path.write_text("Förslag;Ansvar;Start\nA;B;HT2018\nC;D\nE;F;G;H\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"rubrikraden har 3 fält .* rad 3 har 2, rad 4 har 4"):
        _import(path)


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_malformed_encrypted_office_file(tmp_path: Path, suffix: str) -> None:
    """A password-protected Office file (an OLE container) is refused with what to do."""
    path = tmp_path / f"x{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(InputError, match="lösenordsskyddad"):
        _import(path)


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_malformed_corrupt_office_file(tmp_path: Path, suffix: str) -> None:
    """A truncated or non-Office file is refused as damaged."""
    good = tmp_path / f"good{suffix}"
    if suffix == ".docx":
        docx_with_tables(good, [("A", [["Förslag", "Ansvar"], ["x", "y"]])])
    else:
        xlsx_with_sheets(good, [("A", [["Förslag", "Ansvar"], ["x", "y"]])])
    truncated = tmp_path / f"cut{suffix}"
    truncated.write_bytes(good.read_bytes()[:1500])
    with pytest.raises(InputError, match="skadad"):
        _import(truncated)
    garbage = tmp_path / f"text{suffix}"
    garbage.write_text("inte ett dokument", encoding="utf-8")
    with pytest.raises(InputError, match="skadad"):
        _import(garbage)
