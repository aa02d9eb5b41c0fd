"""planctl import and planctl init on the command line: exit codes, stdout, stderr."""

from __future__ import annotations

import subprocess
from pathlib import Path

import yaml

from tests.conftest import Invoke
from tests.office import write_csv

ROWS = [
    ["Område", "Förslag", "Ansvar", "Start", "Klart", "Påbörjat", "Ej påbörjat"],
    ["Lön", "Höjt mentorstillägg", "Förhandlingschef", "Hösten 2017", "X", "", ""],
    ["Arbetsmiljö", "Nya lokaler", "Lokalchef", "Våren 2018", "", "X", ""],
]


def _source(folder: Path) -> Path:
    return write_csv(folder / "plan.csv", ROWS, delimiter=";", bom=True)


def test_import_writes_a_new_plan_and_summarises_on_stderr(invoke: Invoke, data_dir: Path) -> None:
    """A new plan file next to Borås's; which column became which field is said on stderr."""
    source = _source(data_dir.parent)
    done = invoke("import", str(source), "--organisation", "Exempelkommun")
    assert done.exit_code == 0, done.stderr
    assert done.stdout == ""
    assert "'Förslag' → förslag" in done.stderr
    assert "skrev data/exempelkommun.yaml: 2 rader i 2 områden" in done.stderr
    assert "2 rader har en status i källan" in done.stderr
    assert invoke("validate", "--strict").exit_code == 0


def test_import_records_marks_only_with_a_round(invoke: Invoke, data_dir: Path) -> None:
    """With --round the marks become one history entry per row, dated the round's last day."""
    source = _source(data_dir.parent)
    done = invoke("import", str(source), "--organisation", "Exempelkommun", "--round", "2018-05")
    assert done.exit_code == 0, done.stderr
    plan = yaml.safe_load((data_dir / "exempelkommun.yaml").read_text(encoding="utf-8"))
    assert [r["historik"] for r in plan["åtgärder"]] == [
        [{"datum": "2018-05-31", "status": "Klart", "uppföljning": "2018-05"}],
        [{"datum": "2018-05-31", "status": "Påbörjat", "uppföljning": "2018-05"}],
    ]
    assert "2 historikposter" in done.stderr


def test_import_dry_run_prints_yaml_and_writes_nothing(invoke: Invoke, data_dir: Path) -> None:
    """--dry-run puts the plan on stdout; the data directory is unchanged."""
    source = _source(data_dir.parent)
    before = sorted(p.name for p in data_dir.iterdir())
    done = invoke("import", str(source), "--organisation", "Exempelkommun", "--dry-run")
    assert done.exit_code == 0, done.stderr
    assert yaml.safe_load(done.stdout)["plan"]["id"] == "exempelkommun"
    assert sorted(p.name for p in data_dir.iterdir()) == before


def test_import_never_overwrites(invoke: Invoke, data_dir: Path) -> None:
    """A second import of the same plan is refused with exit 2 and the file is unchanged."""
    source = _source(data_dir.parent)
    assert invoke("import", str(source), "--organisation", "Exempelkommun").exit_code == 0
    written = (data_dir / "exempelkommun.yaml").read_bytes()
    done = invoke("import", str(source), "--organisation", "Exempelkommun")
    assert done.exit_code == 2
    assert "finns redan" in done.stderr
    assert (data_dir / "exempelkommun.yaml").read_bytes() == written


def test_import_needs_an_organisation_beside_a_full_plan(invoke: Invoke, data_dir: Path) -> None:
    """Without an empty plan to fill, the plan's organisation must be named."""
    done = invoke("import", str(_source(data_dir.parent)))
    assert done.exit_code == 2
    assert "ange --organisation" in done.stderr


def test_import_malformed_file_is_one_swedish_line(invoke: Invoke, data_dir: Path) -> None:
    """A corrupt Word file ends in one message line and exit 2, never a traceback."""
    broken = data_dir.parent / "bilaga.docx"
    broken.write_bytes(b"PK\x03\x04 inte ett riktigt dokument")
    done = invoke("import", str(broken), "--organisation", "Exempelkommun")
    assert done.exit_code == 2
    assert done.stderr.count("\n") == 1 and "skadad" in done.stderr
    assert "Traceback" not in done.stderr


def test_init_on_the_command_line(invoke: Invoke, tmp_path: Path) -> None:
    """init creates the repository once; a second init in the same folder is refused."""
    folder = tmp_path / "ny"
    done = invoke("init", str(folder), "--organisation", "Exempelkommun", "--ci", "gitlab")
    assert done.exit_code == 0, done.stderr
    assert (folder / ".gitlab-ci.yml").is_file()
    assert "planen ligger i data/exempelkommun.yaml" in done.stderr
    assert "körde git init" in done.stderr
    again = invoke("init", str(folder), "--organisation", "Exempelkommun")
    assert again.exit_code == 2
    assert "finns redan" in again.stderr


def test_init_inside_another_repository_says_it_did_not_git_init(
    invoke: Invoke, tmp_path: Path
) -> None:
    """A folder inside a git work tree gets no nested repository, and the user is told so: the
    new CI files only take effect at the root of the repository they landed in."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    done = invoke("init", str(tmp_path / "plan"), "--organisation", "Exempelkommun")
    assert done.exit_code == 0, done.stderr
    assert not (tmp_path / "plan" / ".git").exists()
    assert "ligger redan i ett git-arkiv, så git init kördes inte" in done.stderr


def test_import_decomposed_text_is_composed(invoke: Invoke, data_dir: Path) -> None:
    """A source in NFD (o + U+0308, as macOS or a pasted text gives it) imports as NFC: the area
    id keeps its 'ö' instead of breaking at the accent, and the text is the same 'ö' a filter or
    search types."""
    import unicodedata

    decomposed = [[unicodedata.normalize("NFD", cell) for cell in row] for row in ROWS]
    decomposed[1][0] = unicodedata.normalize("NFD", "Lönebildning")
    source = write_csv(data_dir.parent / "plan.csv", decomposed, delimiter=";", bom=True)
    done = invoke("import", str(source), "--organisation", "Malmö")
    assert done.exit_code == 0, done.stderr
    text = (data_dir / "malmö.yaml").read_text(encoding="utf-8")
    assert text == unicodedata.normalize("NFC", text)
    plan = yaml.safe_load(text)
    assert plan["plan"]["id"] == "malmö"
    assert [a["id"] for a in plan["områden"]] == ["lönebildning", "arbetsmiljö"]
    listed = invoke("list", "--plan", "malmo", "--area", "lonebildning", "--format", "json")
    assert listed.exit_code == 0, listed.stderr


def test_slug_of_decomposed_text_keeps_its_letters() -> None:
    """An id made from an NFD name (``init``/``new``/``import --organisation``, an area heading)
    is the id of the same name in NFC."""
    import unicodedata

    from planctl.newplan import plan_slug

    for name in ("Malmö Stad", "Lönebildning", "Region Jämtland Härjedalen", "Borås"):
        assert plan_slug(unicodedata.normalize("NFD", name)) == plan_slug(name)


def test_choices_of_an_empty_plan_are_said_to_be_none(invoke: Invoke, data_dir: Path) -> None:
    """A plan just made by init has no areas, rounds or rows: an unknown value says there is
    nothing to choose yet instead of ending in an empty 'giltiga: '."""
    (data_dir / "boras_plan.yaml").write_text(
        'plan:\n  id: tom\n  titel: "Tom plan"\n  organisation: Tomby\nområden: []\nåtgärder: []\n',
        encoding="utf-8",
    )
    for args in (
        ("list", "--area", "lonebildning"),
        ("report", "--round", "2018-05"),
        ("followup", "2018-05"),
    ):
        done = invoke(*args, input="")
        assert done.exit_code == 2, (args, done.stderr)
        assert "giltiga: \n" not in done.stderr and not done.stderr.rstrip().endswith(":")
        assert "inga" in done.stderr, (args, done.stderr)


def test_import_counts_read_in_swedish_number(invoke: Invoke, data_dir: Path) -> None:
    """One row in one area is '1 rad i 1 område'; marks without a round say either option works."""
    source = data_dir.parent / "plan.csv"
    source.write_text("Område;Förslag;Ansvar;Start;Status\nLön;Höj lönen;HR;2018;Klart\n", "utf-8")
    done = invoke("import", str(source), "--organisation", "Exempelkommun")
    assert done.exit_code == 0, done.stderr
    assert "1 rad i 1 område" in done.stderr
    assert "--round eller --date" in done.stderr
