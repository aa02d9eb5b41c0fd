"""JSON Schema: generated from the models, committed, and checked by an independent validator."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from planctl.render.jsondoc import to_json
from planctl.schema import SchemaKind, json_schema, schema_file_name
from planctl.store import load_files
from planctl.yamlio import read_document
from tests.conftest import DATA, REPO, TODAY, Invoke

SCHEMA_DIR = REPO / "schema"
RULES = Path(__file__).resolve().parent / "data" / "rules"


def committed(kind: SchemaKind) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(
        (SCHEMA_DIR / schema_file_name(kind)).read_text(encoding="utf-8")
    )
    return schema


def validator(kind: SchemaKind) -> Draft202012Validator:
    return Draft202012Validator(committed(kind), format_checker=FormatChecker())


def yaml_data(path: Path) -> Any:
    """The file as planctl reads it: dates and other YAML 1.1 look-alikes stay strings."""
    doc = read_document(path.read_text(encoding="utf-8"), path.name)
    assert not doc.problems
    return doc.data


@pytest.mark.parametrize("kind", list(SchemaKind))
def test_committed_schema_matches_models(kind: SchemaKind) -> None:
    """schema/*.schema.json is exactly what the models generate (run 'planctl schema' if not)."""
    path = SCHEMA_DIR / schema_file_name(kind)
    assert path.read_text(encoding="utf-8") == to_json(json_schema(kind)), (
        f"{path.name} is out of date: planctl schema {kind.value} --output schema/{path.name}"
    )


@pytest.mark.parametrize("kind", list(SchemaKind))
def test_schema_is_valid_draft_2020_12(kind: SchemaKind) -> None:
    """Each schema is itself a valid draft 2020-12 schema with $schema and $id."""
    schema = committed(kind)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"urn:planctl:schema:{kind.value}"


def test_schema_is_swedish() -> None:
    """Titles and descriptions are Swedish: no English docstring leaks into the schema."""
    text = json.dumps(committed(SchemaKind.PLAN), ensure_ascii=False)
    assert '"title": "Handlingsplan"' in text
    assert '"title": "Lämnad datum"' in text
    assert "The three statuses" not in text and "One proposal row" not in text


def test_dates_are_strings_with_a_pattern() -> None:
    """Date fields say format 'date' and the ÅÅÅÅ-MM-DD pattern."""
    entry = committed(SchemaKind.PLAN)["$defs"]["HistoryEntry"]["properties"]["datum"]
    assert (entry["type"], entry["format"]) == ("string", "date")
    assert re.fullmatch(entry["pattern"].strip("^$"), "2018-05-31")


@pytest.mark.parametrize(
    ("path", "kind"),
    [(DATA / "boras_plan.yaml", SchemaKind.PLAN), (DATA / "measures.yaml", SchemaKind.CATALOGUE)],
    ids=["plan", "catalogue"],
)
def test_shipped_data_valid_against_schema(path: Path, kind: SchemaKind) -> None:
    """jsonschema accepts the shipped data files, and their modelines name the schema."""
    errors = list(validator(kind).iter_errors(yaml_data(path)))
    assert errors == []
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schema/{schema_file_name(kind)}"


@pytest.mark.parametrize(
    "rule", ["wrong-type", "invalid-value", "unknown-field", "missing-field", "id-whitespace"]
)
def test_schema_rejects_what_planctl_rejects(rule: str) -> None:
    """A shape error planctl reports (type, enum, unknown or missing field) fails jsonschema too."""
    path = RULES / f"{rule}.yaml"
    found = load_files([path], today=TODAY, extra_catalogue=DATA / "measures.yaml").problems
    assert [p.rule for p in found] == [rule]
    assert list(validator(SchemaKind.PLAN).iter_errors(yaml_data(path))) != []


def test_schema_accepts_the_clean_fixture() -> None:
    """The clean rule fixture is valid for both planctl and jsonschema."""
    assert list(validator(SchemaKind.PLAN).iter_errors(yaml_data(RULES / "clean.yaml"))) == []


@pytest.mark.parametrize("date", ["2018-5-31", "31/5 2018", "2018-02-30"])
def test_schema_rejects_bad_dates(date: str) -> None:
    """A date not written ÅÅÅÅ-MM-DD, or not a real day, fails the schema as in planctl."""
    data = yaml_data(RULES / "clean.yaml")
    data["uppföljningar"][0]["datum"] = date
    assert list(validator(SchemaKind.PLAN).iter_errors(data)) != []


def test_schema_command_stdout_and_output(invoke: Invoke, tmp_path: Path) -> None:
    """'planctl schema' prints the plan schema; --output writes the catalogue schema to a file."""
    result = invoke("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == committed(SchemaKind.PLAN)
    target = tmp_path / "katalog.json"
    assert invoke("schema", "catalogue", "--output", str(target)).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8")) == committed(SchemaKind.CATALOGUE)


def test_schema_output_to_missing_directory_exits_2(invoke: Invoke, tmp_path: Path) -> None:
    """An output file that cannot be written is a clear error with exit 2."""
    result = invoke("schema", "--output", str(tmp_path / "saknas" / "x.json"))
    assert result.exit_code == 2
    assert "kan inte skrivas" in result.stderr


def test_schema_accepts_a_plan_with_its_own_scale_and_checks_costs() -> None:
    """A plan with statusar, owner lists, slut and kostnad is valid for the schema too; a cost
    amount without its kind (engång/per år) is refused, as planctl refuses it."""
    path = Path(__file__).resolve().parent / "fixtures" / "other_scale" / "exempelstad.yaml"
    data = yaml_data(path)
    assert list(validator(SchemaKind.PLAN).iter_errors(data)) == []
    del data["åtgärder"][0]["kostnad"]["typ"]
    assert list(validator(SchemaKind.PLAN).iter_errors(data)) != []
    data = yaml_data(path)
    data["statusar"][0]["betyder"] = "färdig"
    assert list(validator(SchemaKind.PLAN).iter_errors(data)) != []
