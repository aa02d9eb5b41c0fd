"""``planctl changes``: plan differences between git revisions, as Markdown for a PR comment."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from planctl.changes import compare_plans
from planctl.models import Plan
from planctl.yamlio import read_document
from tests.conftest import Invoke
from tests.gittools import git

Golden = Callable[[str, str], None]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


LB4_ENTRY = """    insatser: [80]
    historik:
      - datum: "2018-05-15"
        status: Påbörjat
        notering: "Beslutat | i förhandlingsdelegationen"
        av: Förhandlingschef
        uppföljning: "2018-05"
"""


@pytest.fixture
def repo(data_dir: Path) -> Path:
    """A git repository around the private data copy, with the shipped data committed on main."""
    root = data_dir.parent
    git("init", "-q", cwd=root)
    git("add", "data", cwd=root)
    git("commit", "-q", "-m", "Planen som den lämnades", cwd=root)
    return root


def change_plan(data_dir: Path) -> None:
    """A status recorded, a row reworded, one added and one removed."""
    plan = data_dir / "boras_plan.yaml"
    edit(plan, "    insatser: [80]\n", LB4_ENTRY)
    edit(
        plan,
        '"Rekryteringsbonus (motsvarande förslag som för skolan) införs"',
        '"Rekryteringsbonus införs"',
    )
    lb6_tail = '\n    start: "Hösten 2017"\n    termin: HT2017\n    insatser: []'
    edit(plan, "    ansvar: Förhandlingschef" + lb6_tail, "    ansvar: Personalchef" + lb6_tail)
    text = plan.read_text(encoding="utf-8")
    start = text.index("  - id: AV-10")
    end = text.index("  - id:", start + 5)
    removed = text[start:end]
    added = removed.replace("AV-10", "AV-11").replace('förslag: "', 'förslag: "Ny: ', 1)
    plan.write_text(text[:start] + added + text[end:], encoding="utf-8")


def without_shas(text: str) -> str:
    return re.sub(r"\b[0-9a-f]{7}\b", "<sha>", text)


def test_no_changes(invoke: Invoke, repo: Path) -> None:
    """An unchanged working tree says so; exit 0."""
    result = invoke("changes", "main")
    assert result.exit_code == 0
    assert "Inga ändringar i planerna." in result.stdout
    assert re.search(r"Jämför main \([0-9a-f]{7}\) med arbetskopian\.", result.stdout)


def test_changes_golden(invoke: Invoke, repo: Path, data_dir: Path, golden: Golden) -> None:
    """Status changes, new, removed and reworded rows, as Markdown (golden file)."""
    change_plan(data_dir)
    result = invoke("changes", "main")
    assert result.exit_code == 0, result.stderr
    golden("changes.md", without_shas(result.stdout))


def test_two_commits_and_history_rewrite(invoke: Invoke, repo: Path, data_dir: Path) -> None:
    """BASE and HEAD can both be commits; an edited old entry is flagged for the reviewer."""
    plan = data_dir / "boras_plan.yaml"
    edit(plan, "    insatser: [80]\n", LB4_ENTRY)
    git("commit", "-qam", "Status maj", cwd=repo)
    edit(
        plan,
        '        status: Påbörjat\n        notering: "Beslutat',
        '        status: Klart\n        notering: "Beslutat',
    )
    git("commit", "-qam", "Ändrad historik", cwd=repo)
    edit(plan, "Rekryteringsbonus (motsvarande", "Värvningsbonus (motsvarande")  # not committed
    result = invoke("changes", "HEAD~1", "HEAD")
    assert result.exit_code == 0
    assert "| LB-4 |" in result.stdout and "| Ej uppföljd | **Klart** |" in result.stdout
    assert "**Obs!** Historiken har ändrats i efterhand för LB-4" in result.stdout
    assert "Värvningsbonus" not in result.stdout  # HEAD given: the working tree is not read
    assert re.search(r"med HEAD \([0-9a-f]{7}\)\.", result.stdout)


def test_shallow_clone_needs_only_the_base_fetched(
    tmp_path: Path, invoke: Invoke, repo: Path, data_dir: Path
) -> None:
    """In a depth-1 clone, an unfetched base names the fetch command that makes it work."""
    git("checkout", "-q", "-b", "status-maj", cwd=repo)
    edit(data_dir / "boras_plan.yaml", "    insatser: [80]\n", LB4_ENTRY)
    git("commit", "-qam", "Status maj", cwd=repo)
    clone = tmp_path / "klon"
    git(
        "clone",
        "-q",
        "--depth",
        "1",
        "--branch",
        "status-maj",
        repo.as_uri(),
        str(clone),
        cwd=tmp_path,
    )
    assert git("rev-parse", "--is-shallow-repository", cwd=clone) == "true"
    env = {"PLANCTL_DATA": str(clone / "data")}
    missing = invoke("changes", "origin/main", env=env)
    assert missing.exit_code == 2
    assert "okänd revision 'origin/main'" in missing.stderr
    hint = missing.stderr.split("t.ex. git ", 1)[1].split()
    assert hint == ["fetch", "--depth=1", "origin", "main:refs/remotes/origin/main"]
    git(*hint, cwd=clone)  # the command the message suggests is the one that works
    result = invoke("changes", "origin/main", env=env)
    assert result.exit_code == 0, result.stderr
    assert "| LB-4 |" in result.stdout and "**Påbörjat**" in result.stdout


def test_outside_git_is_a_usage_error(invoke: Invoke) -> None:
    """Without a git repository, changes exits 2 with a Swedish message."""
    result = invoke("changes", "main")
    assert result.exit_code == 2
    assert "ligger inte i ett git-arkiv" in result.stderr


def test_unknown_revision_is_a_usage_error(invoke: Invoke, repo: Path) -> None:
    """A revision git does not know exits 2 and names it."""
    result = invoke("changes", "finns-inte")
    assert result.exit_code == 2
    assert "okänd revision 'finns-inte'" in result.stderr


def test_broken_plan_at_base_lists_problems(invoke: Invoke, repo: Path, data_dir: Path) -> None:
    """A plan that cannot be read at a revision is an error naming REV:path:line (exit 1)."""
    edit(data_dir / "boras_plan.yaml", "    ansvar: Personalchef", "    ansvr: Personalchef")
    git("commit", "-qam", "Trasig", cwd=repo)
    result = invoke("changes", "HEAD")
    assert result.exit_code == 1
    assert re.search(r"HEAD:data/boras_plan\.yaml:\d+:5: fel \[unknown-field\]", result.stderr)


def plan_from(text: str) -> Plan:
    return Plan.model_validate(read_document(text, "p.yaml").data)


def test_compare_new_plan_counts_history_as_status_changes() -> None:
    """A plan that is new at HEAD lists its rows as added and their entries as status changes."""
    text = (Path(__file__).parent / "data" / "rules" / "clean.yaml").read_text(encoding="utf-8")
    changes = compare_plans(None, plan_from(text))
    assert changes.base_missing and [r.id for r in changes.added] == ["LB-1", "LB-2"]
    assert [(c.row_id, c.old, c.new) for c in changes.statuses] == [
        ("LB-1", None, "Påbörjat"),
        ("LB-2", None, "Klart"),
    ]


def test_changes_to_a_file_is_what_it_prints(
    invoke: Invoke, repo: Path, data_dir: Path, tmp_path: Path
) -> None:
    """changes -o FIL writes the same Markdown it prints, like every command that prints data."""
    change_plan(data_dir)
    target = tmp_path / "andringar.md"
    written = invoke("changes", "main", "-o", str(target))
    assert written.exit_code == 0, written.stderr
    assert "(markdown)" in written.stderr and written.stdout == ""
    printed = invoke("changes", "main", "--format", "markdown")
    assert target.read_text(encoding="utf-8") == printed.stdout
