"""planctl init: a plan repository that validates as created, with the shipped catalogue."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from planctl.errors import UsageError
from planctl.shipped import catalogue_bytes, schema_bytes
from planctl.writing.newrepo import CI_COMMAND, init_repository
from tests.conftest import DATA, REPO, TODAY
from tests.office import boras_appendix_docx

PLANCTL = Path(sys.executable).parent / "planctl"


def _run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PLANCTL), *shlex.split(command)[1:]],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PLANCTL_TODAY": TODAY.isoformat(), "NO_COLOR": "1"},
        check=False,
    )


def _init(folder: Path, **options: object) -> None:
    init_repository(
        folder,
        organisation=str(options.pop("organisation", "Exempelkommun")),
        title=None,
        plan_id=None,
        ci=str(options.pop("ci", "github")),
        today=TODAY,
        shown=folder.name,
        **options,  # type: ignore[arg-type]
    )


def test_init_creates_a_repository_that_passes_its_own_ci(tmp_path: Path) -> None:
    """An empty folder becomes a git repository whose generated CI command passes as is."""
    folder = tmp_path / "plan"
    _init(folder)
    assert (folder / ".git").is_dir()
    for name in (
        "data/measures.yaml",
        "data/exempelkommun.yaml",
        "schema/plan.schema.json",
        "schema/catalogue.schema.json",
        ".github/workflows/validera-planer.yml",
        ".pre-commit-config.yaml",
        ".gitignore",
        "README.md",
    ):
        assert (folder / name).is_file(), name
    workflow = yaml.safe_load((folder / ".github/workflows/validera-planer.yml").read_text())
    steps = workflow["jobs"]["validate"]["steps"]
    [validate] = [s["run"] for s in steps if s.get("name") == "Validera"]
    assert validate == CI_COMMAND
    done = _run(validate, folder)
    assert done.returncode == 0, done.stdout + done.stderr
    [install] = [s["run"] for s in steps if str(s.get("name", "")).startswith("Installera")]
    assert install == 'pip install "planctl==0.1.0"'
    # The modeline of the plan points at the schema init wrote.
    first = (folder / "data/exempelkommun.yaml").read_text().splitlines()[0]
    assert first.endswith("$schema=../schema/plan.schema.json")


def test_the_empty_plans_example_validates_and_the_readmes_commands_work_on_it(
    tmp_path: Path,
) -> None:
    """A new user fills in the empty plan the way its comment says: swap the two empty lists for
    the commented example. The plan then passes the generated CI, and the generated README's
    ``status set`` line works on it and shows up in ``list``."""
    folder = tmp_path / "plan"
    _init(folder)
    plan = folder / "data/exempelkommun.yaml"
    lines = plan.read_text(encoding="utf-8").splitlines()
    assert "# uppföljningar:" in lines, "the empty plan shows no example"
    start = lines.index("# uppföljningar:")
    kept = [line for line in lines[:start] if line not in ("områden: []", "åtgärder: []")]
    example = [line.removeprefix("# ") for line in lines[start:]]
    plan.write_text("\n".join([*kept, *example]) + "\n", encoding="utf-8")
    done = _run(CI_COMMAND, folder)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Fyll i planen" in (folder / "README.md").read_text(encoding="utf-8")
    readme = (folder / "README.md").read_text(encoding="utf-8").splitlines()
    [status_set] = [line for line in readme if line.startswith("planctl status set")]
    done = _run(status_set.split("#")[0], folder)
    assert done.returncode == 0, done.stdout + done.stderr
    done = _run("planctl list --format json", folder)
    assert done.returncode == 0, done.stderr
    [row] = json.loads(done.stdout)
    assert (row["id"], row["status"]) == ("AB-1", "Påbörjat")
    assert _run(CI_COMMAND, folder).returncode == 0


def test_init_ships_the_catalogue_and_schemas_byte_for_byte(tmp_path: Path) -> None:
    """data/ and schema/ of a new repository are this repository's catalogue and schemas."""
    assert catalogue_bytes() == (DATA / "measures.yaml").read_bytes()
    for name, data in schema_bytes().items():
        assert data == (REPO / "schema" / name).read_bytes()
    _init(tmp_path)
    assert (tmp_path / "data/measures.yaml").read_bytes() == (DATA / "measures.yaml").read_bytes()


def test_init_gitlab_ci_command_passes(tmp_path: Path) -> None:
    """With --ci gitlab the GitLab job's validate command passes in the new repository."""
    _init(tmp_path, ci="gitlab")
    job = yaml.safe_load((tmp_path / ".gitlab-ci.yml").read_text())["validera-planer"]
    [command] = [c for c in job["script"] if c.startswith("planctl validate")]
    done = _run(command.split(">")[0], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (tmp_path / ".github").exists()


def test_init_refuses_to_overwrite_anything(tmp_path: Path) -> None:
    """A folder with any file init would create is left exactly as it was."""
    (tmp_path / "README.md").write_text("vår egen\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"finns redan: README\.md"):
        _init(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md"]
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "vår egen\n"


def test_init_inside_a_repository_does_not_git_init(tmp_path: Path) -> None:
    """A subfolder of an existing repository gets no nested repository."""
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    _init(tmp_path / "planer")
    assert not (tmp_path / "planer" / ".git").exists()


def test_init_with_import_passes_strict_validation(tmp_path: Path) -> None:
    """init --import of the Borås appendix gives a repository that validates with --strict."""
    source = boras_appendix_docx(tmp_path / "bilaga.docx")
    folder = tmp_path / "repo"
    _init(folder, organisation="Borås Stad", source=source)
    plan = yaml.safe_load((folder / "data/borås-stad.yaml").read_text(encoding="utf-8"))
    assert len(plan["åtgärder"]) == 27
    done = _run(CI_COMMAND, folder)
    assert done.returncode == 0, done.stdout + done.stderr


def test_packages_listed_in_pyproject_are_all_packages() -> None:
    """pyproject lists every package under src/ (a new subpackage must not miss the wheel)."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    mapped = set(config["tool"]["setuptools"]["package-dir"]) - {""}
    src = REPO / "src"
    found = {".".join(p.parent.relative_to(src).parts) for p in src.rglob("__init__.py")}
    assert listed - mapped == found


def test_everything_planctl_leaves_behind_is_ignored(tmp_path: Path) -> None:
    """Lock, temporary and draft files, named by the code that writes them, are ignored by git
    in a repository made by init (and in this one)."""
    from planctl.writing import savefile, sidecars
    from planctl.writing.meeting import draft_path

    folder = tmp_path / "plan"
    _init(folder)
    plan = folder / "data" / "exempelkommun.yaml"
    draft = draft_path(plan, "2026-10")
    left = [
        savefile.lock_path(plan),
        savefile.lock_path(folder / "data" / "measures.yaml"),
        draft,
        *(p.with_name(sidecars.temp_name(p.name, "0123456789ab")) for p in (plan, draft)),
        folder / "rapporter" / sidecars.temp_name("rapport.xlsx", "0123456789ab"),
    ]
    names = [p.relative_to(folder).as_posix() for p in left]
    assert names[2] == "data/.exempelkommun.yaml.2026-10.utkast.json"
    done = subprocess.run(
        ["git", "check-ignore", "--no-index", *names],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.split() == names, done.stderr
    ours = (REPO / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert set(sidecars.IGNORED) <= set(ours)
