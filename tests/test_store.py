"""Loading data files: schema problems with positions, the data directory, file kinds."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from planctl.errors import DataError, InputError, UsageError
from planctl.store import find_data_dir, load_data_dir, load_files
from tests.conftest import DATA, TODAY


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, fragment: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if fragment in line)


def problems(data_dir: Path) -> list[tuple[str, str, int, int]]:
    data = load_data_dir(data_dir, today=TODAY, base=data_dir)
    return [(p.rule, p.file, p.line, p.column) for p in data.problems]


def test_typo_in_field_names_field_and_suggests(data_dir: Path) -> None:
    """A misspelt key is one error at the key, with the right key suggested."""
    plan = data_dir / "boras_plan.yaml"
    edit(plan, "    ansvar: Lokalförsörjningschef", "    ansvr: Lokalförsörjningschef")
    data = load_data_dir(data_dir, today=TODAY)
    rules = sorted({p.rule for p in data.problems})
    assert rules == ["unknown-field"]  # not also missing-field for the key it meant
    unknown = next(p for p in data.problems if p.rule == "unknown-field")
    assert (unknown.line, unknown.column) == (line_of(plan, "ansvr:"), 5)
    assert "'ansvr'" in unknown.message and "menade du 'ansvar'" in unknown.message


def test_every_problem_reported_at_once(data_dir: Path) -> None:
    """Several independent mistakes in two files are all reported together."""
    plan = data_dir / "boras_plan.yaml"
    edit(plan, "område: arbetsvillkor", "område: arbetsvilkor")
    edit(plan, "insatser: [80]", "insatser: [80, 500]")
    edit(data_dir / "measures.yaml", "område: god-introduktion", "område: god-intro")
    found = problems(data_dir)
    rules = [rule for rule, *_ in found]
    assert sorted(rules) == ["unknown-area", "unknown-area", "unknown-measure"]
    assert {file for _, file, *_ in found} == {"boras_plan.yaml", "measures.yaml"}


def test_bool_field_refuses_yes_no(data_dir: Path) -> None:
    """'ja'/'no' are not silently taken as booleans."""
    plan = data_dir / "boras_plan.yaml"
    edit(plan, "behöver_finansiering: true", "behöver_finansiering: no")
    (problem,) = load_data_dir(data_dir, today=TODAY).problems
    assert problem.rule == "wrong-type"
    assert problem.line == line_of(plan, "behöver_finansiering: no")
    assert "true eller false" in problem.message


def test_impossible_date(data_dir: Path) -> None:
    """A date that does not exist is an error at its position."""
    plan = data_dir / "boras_plan.yaml"
    edit(plan, 'datum: "2018-05-31"', 'datum: "2018-02-30"')
    (problem,) = load_data_dir(data_dir, today=TODAY).problems
    assert problem.rule == "invalid-value" and "2018-02-30" in problem.message
    assert problem.line == line_of(plan, "2018-02-30")


def test_unknown_status_lists_valid_ones(data_dir: Path) -> None:
    """A status outside the plan's scale is an error listing the plan's statuses."""
    plan = data_dir / "boras_plan.yaml"
    edit(
        plan,
        "    insatser: [80]\n",
        '    insatser: [80]\n    historik:\n      - datum: "2018-05-02"\n        status: Klar\n',
    )
    (problem,) = load_data_dir(data_dir, today=TODAY).problems
    assert problem.rule == "unknown-status"
    assert "Klart" in problem.message and "Ej påbörjat" in problem.message
    assert problem.line == line_of(plan, "status: Klar")


def test_missing_field_points_at_mapping(data_dir: Path) -> None:
    """A missing required key is reported at the mapping that lacks it."""
    plan = data_dir / "boras_plan.yaml"
    edit(plan, '    start: "Hösten 2017"\n', "", count=1)
    found = [p for p in load_data_dir(data_dir, today=TODAY).problems]
    assert [p.rule for p in found] == ["missing-field"]
    assert "'start'" in found[0].message


def test_empty_and_comment_only_files(tmp_path: Path) -> None:
    """An empty file and a file of only comments are errors, not crashes."""
    (tmp_path / "a.yaml").write_text("", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("# bara kommentarer\n", encoding="utf-8")
    data = load_files(sorted(tmp_path.iterdir()), today=TODAY, base=tmp_path)
    assert [(p.file, p.rule) for p in data.problems] == [
        ("a.yaml", "empty-file"),
        ("b.yaml", "empty-file"),
    ]


def test_unknown_file_kind(tmp_path: Path) -> None:
    """A YAML file that is neither catalogue nor plan is named as such."""
    (tmp_path / "x.yaml").write_text("något: annat\n", encoding="utf-8")
    data = load_files([tmp_path / "x.yaml"], today=TODAY, base=tmp_path)
    assert [p.rule for p in data.problems] == ["unknown-file-kind"]


def test_missing_file_is_input_error(tmp_path: Path) -> None:
    """A file that does not exist cannot be read: an input error (exit 2)."""
    with pytest.raises(InputError, match="finns inte"):
        load_files([tmp_path / "nope.yaml"], today=TODAY, base=tmp_path)


def test_require_valid_raises_with_all_problems(data_dir: Path) -> None:
    """Commands refuse to work on invalid data and carry every error."""
    edit(data_dir / "boras_plan.yaml", "ansvar: Personalchef", "ansvar: 7")
    with pytest.raises(DataError) as caught:
        load_data_dir(data_dir, today=TODAY).require_valid()
    assert [p.rule for p in caught.value.problems] == ["wrong-type"]


def test_find_data_dir_walks_upwards(tmp_path: Path) -> None:
    """./data is found from a subdirectory."""
    shutil.copytree(DATA, tmp_path / "data")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_data_dir(explicit=None, env=None, cwd=deep) == tmp_path / "data"


def test_find_data_dir_explicit_and_env(tmp_path: Path) -> None:
    """--data-dir wins over PLANCTL_DATA; a missing one names where it looked."""
    assert find_data_dir(explicit=tmp_path, env="/elsewhere", cwd=tmp_path) == tmp_path
    assert find_data_dir(explicit=None, env=str(tmp_path), cwd=Path("/")) == tmp_path
    with pytest.raises(InputError, match="PLANCTL_DATA"):
        find_data_dir(explicit=None, env=str(tmp_path / "nope"), cwd=tmp_path)


def test_missing_data_dir_says_where_it_looked(tmp_path: Path) -> None:
    """Without a data directory the error lists the places searched."""
    with pytest.raises(InputError, match="Letade efter") as caught:
        find_data_dir(explicit=None, env=None, cwd=tmp_path)
    assert str(tmp_path / "data") in caught.value.message


def test_plan_selection(data_dir: Path) -> None:
    """With one plan it is the default; an unknown plan id lists the valid ones."""
    data = load_data_dir(data_dir, today=TODAY)
    assert data.plan().model.meta.id == "boras-socialsekreterare-2017"
    with pytest.raises(UsageError, match="boras-socialsekreterare-2017"):
        data.plan("stockholm")


def test_refused_tag_or_alias_is_one_problem(data_dir: Path) -> None:
    """A tag or an alias is reported once by the reader, not again as a wrong type."""
    plan = data_dir / "boras_plan.yaml"
    edit(plan, "    insatser: [7]", '    insatser: !!python/object/apply:os.system ["true"]')
    edit(plan, "    insatser: [80]", '    insatser: [!!int "80"]')
    edit(plan, "    ansvar: Lokalförsörjningschef", "    ansvar: *roll")
    data = load_data_dir(data_dir, today=TODAY)
    assert sorted(p.rule for p in data.problems) == ["alias", "tag", "tag"]


def test_save_output_through_symlink_keeps_the_link(tmp_path: Path) -> None:
    """--output through a symlink writes the link's target; the link stays a link."""
    from planctl.writing.files import save_output

    real = tmp_path / "rapporter" / "rapport.md"
    real.parent.mkdir()
    real.write_text("gammal", encoding="utf-8")
    link = tmp_path / "senaste.md"
    link.symlink_to(real)
    save_output(link, b"ny", base=tmp_path)
    assert link.is_symlink() and real.read_bytes() == b"ny"


def test_save_output_into_a_pipe_does_not_replace_it(tmp_path: Path) -> None:
    """--output to a named pipe (as /dev/stdout can be) writes into it, never over it."""
    import stat
    import threading

    from planctl.writing.files import save_output

    fifo = tmp_path / "rör"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    save_output(fifo, b"rapport", base=tmp_path)
    reader.join(timeout=10)
    assert received == [b"rapport"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
