"""Adding lines to YAML text without touching anything else."""

from __future__ import annotations

import pytest

from planctl import textgate
from planctl.writing.yamledit import (
    Append,
    EditError,
    append_items,
    double_quoted,
    newline_of,
    scalar,
    unified_diff,
)
from planctl.yamlio import read_document
from tests.helpers import added_lines

ENTRY = (("datum", '"2018-05-31"'), ("status", "Klart"))
ODD_TEXTS = [
    "",
    "enkel",
    'citat " och \\ bakstreck',
    "rad ett\nrad två\r\nrad tre",
    "tabb\there",
    "kolon: och # brädgård",
    "åäö ÅÄÖ é ü – “typografiska” ’citat’",
    "emoji 😀 och \U0001f9ea",
    "styrtecken \x00\x01\x07\x1b\x7f",
    "radbrytningar \x85 \u2028 \u2029",
    "bom \ufeff och nbsp \xa0",
    "  inledande och avslutande mellanslag  ",
    "- ser ut som en lista",
    "null",
    "2018-05-31",
    "{flöde: [1, 2]}",
]


def _texts(data: object) -> list[str]:
    if isinstance(data, dict):
        return [text for value in data.values() for text in _texts(value)]
    if isinstance(data, list):
        return [text for value in data for text in _texts(value)]
    return [data] if isinstance(data, str) else []


def _parse(text: str) -> object:
    """The values of ``text``; a text the input gate refuses must be refused only by it."""
    doc = read_document(text, "t.yaml")
    if not any(textgate.first_forbidden(value) is not None for value in _texts(doc.data)):
        assert doc.problems == []
    else:
        assert doc.problems and {p.rule for p in doc.problems} == {"control-character"}
    return doc.data


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_double_quoted_reads_back_exactly(text: str) -> None:
    """Every text, however odd, reads back unchanged from its double-quoted form."""
    assert _parse(f"k: {double_quoted(text)}\n") == {"k": text}
    assert "\n" not in double_quoted(text)


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_scalar_reads_back_exactly_in_block_and_flow(text: str) -> None:
    """A scalar, plain or quoted, reads back as the same text in block and flow context."""
    assert _parse(f"k: {scalar(text)}\n") == {"k": text}
    assert _parse(f"k: [{{a: {scalar(text)}}}]\n") == {"k": [{"a": text}]}


@pytest.mark.parametrize("text", ["Förhandlingschef", "Ej påbörjat", "Klart", "HR (ALF)"])
def test_scalar_keeps_simple_text_plain(text: str) -> None:
    """Roles and statuses people would write plain stay plain."""
    assert scalar(text) == text


@pytest.mark.parametrize("text", ["no", "On", "Kommunchef, mfl", "2018-05", "12", "a: b", "x #y"])
def test_scalar_quotes_what_some_reader_could_misread(text: str) -> None:
    """Words other YAML readers turn into booleans or numbers, and YAML syntax, are quoted."""
    assert scalar(text).startswith('"')


def test_newline_style_follows_the_first_line() -> None:
    """CRLF files get CRLF lines, others LF."""
    assert newline_of("a: 1\r\nb: 2\r\n") == "\r\n"
    assert newline_of("a: 1\nb: 2\n") == "\n"
    assert newline_of("a: 1") == "\n"


ROWS = """\
# modeline och kommentar
rows:
  # första raden
  - id: A
    text: 'enkla citat'   # kommentar efter värde
    list: [1, 2]

  # andra raden
  - id: B
    text: "dubbla"
    block: |
      rad ett

    sist:   värde
tail: true
"""


def _append(text: str, *appends: Append) -> str:
    return append_items(read_document(text, "t.yaml"), list(appends))


def test_new_key_is_added_after_the_rows_last_line_only() -> None:
    """A row without the key gets 'key:' and the item right after its last line."""
    new = _append(ROWS, Append(("rows", 0), "historik", (ENTRY,)))
    assert added_lines(ROWS, new) == [
        "    historik:\n",
        '      - datum: "2018-05-31"\n',
        "        status: Klart\n",
    ]
    assert new.index("historik") < new.index("# andra raden")
    data = _parse(new)
    assert isinstance(data, dict)
    assert data["rows"][0]["historik"] == [{"datum": "2018-05-31", "status": "Klart"}]


def test_row_ending_in_block_scalar_keeps_its_text() -> None:
    """After a block scalar the new lines follow the scalar and its value is unchanged."""
    rows = ROWS.replace("    sist:   värde\n", "")
    new = _append(rows, Append(("rows", 1), "historik", (ENTRY,)))
    added_lines(rows, new)
    data = _parse(new)
    assert isinstance(data, dict)
    assert data["rows"][1]["block"] == "rad ett\n"
    assert data["rows"][1]["historik"] == [{"datum": "2018-05-31", "status": "Klart"}]
    assert data["tail"] is True


def test_row_ending_in_empty_value_gets_lines_after_it() -> None:
    """An empty last value ('detaljer:') ends its own line; comments below stay below."""
    text = "rows:\n  - id: A\n    detaljer:\n  # nästa\n  - id: B\n"
    new = _append(text, Append(("rows", 0), "historik", (ENTRY,)))
    assert new == text.replace(
        "    detaljer:\n",
        '    detaljer:\n    historik:\n      - datum: "2018-05-31"\n        status: Klart\n',
    )


def test_existing_block_sequence_keeps_its_own_indentation() -> None:
    """Items are appended with the dash and key columns the sequence already uses."""
    text = "rows:\n- id: A\n  historik:\n  -   datum: '2018-01-01'\n      status: Klart\n# slut\n"
    new = _append(text, Append(("rows", 0), "historik", (ENTRY,)))
    assert added_lines(text, new) == ['  -   datum: "2018-05-31"\n', "      status: Klart\n"]
    assert new.endswith("# slut\n")


def test_new_sequence_copies_another_rows_layout() -> None:
    """A row's first history copies the layout of another row's history in the same file."""
    text = (
        "rows:\n  - id: A\n    historik:\n    - datum: '2018-01-01'\n      status: Klart\n"
        "  - id: B\n"
    )
    new = _append(text, Append(("rows", 1), "historik", (ENTRY,)))
    assert added_lines(text, new) == [
        "    historik:\n",
        '    - datum: "2018-05-31"\n',
        "      status: Klart\n",
    ]


def test_crlf_file_gets_crlf_lines() -> None:
    """In a CRLF file every added line ends in CRLF and no other byte changes."""
    text = ROWS.replace("\n", "\r\n")
    new = _append(text, Append(("rows", 1), "historik", (ENTRY,)))
    lines = added_lines(text, new)
    assert lines and all(line.endswith("\r\n") for line in lines)
    assert new.count("\n") == new.count("\r\n")


def test_missing_final_newline_stays_missing() -> None:
    """At the end of a file without a final newline the lines are joined on, still without one."""
    text = "rows:\n  - id: A\n    sist: värde  # kommentar"
    new = _append(text, Append(("rows", 0), "historik", (ENTRY,)))
    assert new == (text + '\n    historik:\n      - datum: "2018-05-31"\n        status: Klart')
    assert _parse(new) is not None


def test_several_appends_land_at_their_own_rows() -> None:
    """Appends to several rows are all applied, each at its row, in one pass."""
    new = _append(
        ROWS,
        Append(("rows", 1), "historik", (ENTRY,)),
        Append(("rows", 0), "historik", (ENTRY, ENTRY)),
    )
    assert len(added_lines(ROWS, new)) == 2 + 3 * 2
    data = _parse(new)
    assert isinstance(data, dict)
    assert [len(r["historik"]) for r in data["rows"]] == [2, 1]


def test_empty_flow_sequence_becomes_a_block_on_its_line() -> None:
    """'historik: []' loses its brackets on that one line and gets the items below it."""
    text = "rows:\n  - id: A\n    historik: []  # tom\n    sist: x\n"
    new = _append(text, Append(("rows", 0), "historik", (ENTRY,)))
    assert new == (
        "rows:\n  - id: A\n    historik:  # tom\n"
        '      - datum: "2018-05-31"\n        status: Klart\n    sist: x\n'
    )


def test_flow_sequence_with_items_gets_a_flow_item() -> None:
    """'historik: [{…}]' keeps its flow style: the new item goes inside the brackets."""
    text = "rows:\n  - id: A\n    historik: [{datum: '2018-01-01', status: Klart}]\n"
    new = _append(text, Append(("rows", 0), "historik", (ENTRY,)))
    assert new == (
        "rows:\n  - id: A\n    historik: [{datum: '2018-01-01', status: Klart}, "
        '{datum: "2018-05-31", status: Klart}]\n'
    )


def test_flow_mapping_row_is_refused_with_its_position() -> None:
    """A row written as a flow mapping cannot grow by lines; the error says where it is."""
    text = "rows:\n  - {id: A}\n"
    with pytest.raises(EditError, match=r"t\.yaml:2:5: .*flödesstil"):
        _append(text, Append(("rows", 0), "historik", (ENTRY,)))


def test_history_that_is_not_a_list_is_refused() -> None:
    """A 'historik' that is a text cannot be appended to."""
    with pytest.raises(EditError, match="ingen lista"):
        _append("rows:\n  - id: A\n    historik: x\n", Append(("rows", 0), "historik", (ENTRY,)))


def test_document_with_problems_is_refused() -> None:
    """A text the strict reader rejects is never edited."""
    with pytest.raises(EditError, match="filen har fel"):
        _append("rows:\n  - id: A\n    id: B\n", Append(("rows", 0), "historik", (ENTRY,)))


def test_diff_marks_a_missing_final_newline() -> None:
    """The diff says, like git, when a side has no final newline."""
    diff = unified_diff("a\nb", "a\nb\nc", "data/x.yaml")
    assert diff.startswith("--- a/data/x.yaml\n+++ b/data/x.yaml\n")
    assert "-b\n\\ No newline at end of file\n" in diff
    assert diff.endswith("+c\n\\ No newline at end of file\n")
