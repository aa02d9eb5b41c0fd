"""The strict YAML reader: what it refuses, and where it says the problem is."""

from __future__ import annotations

from pathlib import Path

from planctl.yamlerrors import decode
from planctl.yamlio import read_document
from tests.conftest import Invoke
from tests.test_store import line_of


def rules(text: str) -> list[tuple[str, int, int]]:
    doc = read_document(text, "f.yaml")
    return [(p.rule, p.line, p.column) for p in doc.problems]


def test_plain_scalars_stay_text() -> None:
    """YAML 1.1 surprises are not converted: no/on/12:30/dates stay text; ints and bools typed."""
    doc = read_document("a: no\nb: on\nc: 12:30\nd: 2018-05-31\ne: 7\nf: true\ng: ~\n", "f")
    assert doc.data == {
        "a": "no",
        "b": "on",
        "c": "12:30",
        "d": "2018-05-31",
        "e": 7,
        "f": True,
        "g": None,
    }
    assert doc.problems == []


def test_quoted_numbers_stay_text() -> None:
    """A quoted number is text, not a number."""
    assert read_document('a: "7"\n', "f").data == {"a": "7"}


def test_duplicate_key_reported_at_second_key() -> None:
    """A key written twice is an error at the second one, naming the first line."""
    doc = read_document("a: 1\nb: 2\na: 3\n", "f")
    assert [(p.rule, p.line, p.column) for p in doc.problems] == [("duplicate-key", 3, 1)]
    assert "rad 1" in doc.problems[0].message
    assert doc.data["a"] == 1


def test_anchor_and_alias_refused() -> None:
    """Anchors and aliases are errors where they are written."""
    assert rules("a: &x 1\nb: *x\n") == [("anchor", 1, 4), ("alias", 2, 4)]


def test_billion_laughs_is_refused_without_expansion() -> None:
    """A 'billion laughs' document is refused quickly instead of being expanded."""
    text = 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: [*c,*c]\n'
    found = {rule for rule, _, _ in rules(text)}
    assert found == {"anchor", "alias"}


def test_tags_refused() -> None:
    """Explicit tags, which other loaders use to build objects, are errors."""
    assert rules("a: !!python/object:os.system x\n")[0][0] == "tag"
    assert rules("a: !!str 3\n") == [("tag", 1, 4)]


def test_syntax_error_has_position_and_swedish_message() -> None:
    """A syntax error gives its line and column and a Swedish text."""
    doc = read_document("a: 1\nb: [1, 2\n", "f")
    (problem,) = doc.problems
    assert problem.rule == "yaml-syntax" and problem.line >= 2
    assert "YAML-syntaxfel" in problem.message


def test_unquoted_colon_in_text() -> None:
    """A text with ': ' that needs quotes is explained in Swedish."""
    doc = read_document("a: b: c\n", "f")
    assert doc.problems[0].rule == "yaml-syntax"
    assert "citattecken" in doc.problems[0].message
    assert (doc.problems[0].line, doc.problems[0].column) == (1, 5)


def test_tab_indentation() -> None:
    """A tab used for indentation is named as such."""
    doc = read_document("a:\n\tb: 1\n", "f")
    assert doc.problems[0].rule == "tab"
    assert doc.problems[0].line == 2


def test_several_documents_refused() -> None:
    """Only one YAML document per file is allowed."""
    assert rules("a: 1\n---\nb: 2\n") == [("multiple-documents", 2, 1)]


def test_deep_nesting_is_refused() -> None:
    """Absurdly deep nesting stops with a problem instead of a crash."""
    assert rules("a: " + "[" * 200 + "]" * 200 + "\n")[0][0] == "too-deep"


def test_complex_key_refused() -> None:
    """A mapping used as a key is an error."""
    assert rules("? {a: 1}\n: 2\n")[0][0] == "complex-key"


def test_positions_of_nodes_and_keys() -> None:
    """Every node and key has its 1-based line and column."""
    doc = read_document("top:\n  - id: A\n    x: [1, 2]\n", "f")
    assert doc.locate(("top", 0, "id")).line == 2
    assert (doc.locate(("top", 0, "x", 1)).line, doc.locate(("top", 0, "x", 1)).column) == (3, 12)
    assert doc.locate_key(("top", 0, "x")).column == 5
    assert doc.locate(("top", 5, "nothing")).line == 2  # nearest existing ancestor: top


def test_decode_reports_invalid_utf8_position() -> None:
    """Invalid UTF-8 is reported at its line and column, not raised."""
    text, problems = decode("a: 1\nb: \xe5\n".encode("latin-1"), "f")
    assert text == ""
    assert [(p.rule, p.line, p.column) for p in problems] == [("encoding", 2, 4)]


def test_decode_binary_and_bom() -> None:
    """NUL bytes are binary data; a BOM is a warning-free problem the user can fix."""
    _, problems = decode(b"a: \x00\n", "f")
    assert problems[0].rule == "encoding"
    text, problems = decode(b"\xef\xbb\xbfa: 1\n", "f")
    assert text == "a: 1\n" and problems[0].rule == "bom"


def test_quote_left_open_mid_plan_is_reported_where_it_opened(
    invoke: Invoke, data_dir: Path
) -> None:
    """A quote left open swallows the next lines up to the next quote; the problem is placed at
    the opening quote with the hint, not lines below where YAML stumbles."""
    plan = data_dir / "boras_plan.yaml"
    text = plan.read_text(encoding="utf-8")
    opened = '    förslag: "Högre lön för de som arbetar med myndighetsutövning inom barn och unga'
    plan.write_text(text.replace(f'{opened}"\n', f"{opened}\n", 1), encoding="utf-8")
    line = line_of(plan, "Högre lön för de som")
    result = invoke("validate")
    assert result.exit_code == 1
    assert (
        f"boras_plan.yaml:{line}:14: fel [yaml-syntax] YAML-syntaxfel: texten inom citattecken "
        f"som börjar här fortsätter till rad {line + 1} (saknas ett citattecken?)"
    ) in result.stdout, result.stdout


def test_quote_left_open_at_the_end_is_reported_where_it_opened() -> None:
    """At the end of the file the same mistake is placed at the opening quote too."""
    doc = read_document('a:\n  b: "x\n  c: y\n', "f.yaml")
    ((problem),) = doc.problems
    assert (problem.rule, problem.line, problem.column) == ("yaml-syntax", 2, 6)
    assert problem.message.endswith("fortsätter till filens slut (saknas ett citattecken?)")
    single = read_document("a:\n  b: 'x\n  c: y\n", "f.yaml")
    assert [(p.line, p.column) for p in single.problems] == [(2, 6)]


def test_quoted_text_over_lines_is_not_taken_for_an_open_quote() -> None:
    """A quoted text that runs over lines on purpose keeps the place YAML names."""
    assert rules('a:\n  b: "x\n    y" z\n') == [("yaml-syntax", 3, 8)]
