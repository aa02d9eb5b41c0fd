"""What other repositories copy: the GitHub workflow and the ``planctl-validate`` pre-commit hook.

The hook is run by the real pre-commit in a throwaway repository.

pre-commit installs the hook the way another municipality's repository would: it clones this
project at a commit and pip-installs it into an environment of its own. To stay off the network,
pip is pointed at the machine's local (``file://``) package indexes; a machine without one skips
the slow test unless ``PLANCTL_PRECOMMIT_ONLINE=1`` allows pip its usual index.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import DATA, REPO
from tests.gittools import git

HOOKS_FILE = REPO / ".pre-commit-hooks.yaml"
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


def test_hook_definition() -> None:
    """The hook runs 'planctl validate' on the data directory's YAML files, with file names."""
    [hook] = yaml.safe_load(HOOKS_FILE.read_text(encoding="utf-8"))
    assert hook["id"] == "planctl-validate"
    assert (hook["entry"], hook["language"], hook["pass_filenames"]) == (
        "planctl validate",
        "python",
        True,
    )
    assert hook["files"] == r"(^|/)data/[^/]+\.ya?ml$"
    # pre-commit passes no deleted file: only always_run makes a deletion get checked at all.
    assert hook["always_run"] is True


def test_github_workflow() -> None:
    """The shipped workflow runs on pull requests with Python 3.11 and validates with planctl."""
    workflow = yaml.safe_load(
        (REPO / ".github" / "workflows" / "validate-plans.yml").read_text(encoding="utf-8")
    )
    # PyYAML reads the bare key 'on' as True (YAML 1.1); GitHub reads it as 'on'.
    assert "pull_request" in workflow[True]
    steps = workflow["jobs"]["validate"]["steps"]
    assert any(s.get("with", {}).get("python-version") == "3.11" for s in steps)
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "pip install ." in runs and "planctl validate" in runs
    assert "planctl changes" in runs


def local_pip_indexes() -> dict[str, str] | None:
    """pip settings that use only the file:// indexes pip is configured with, if there are any."""
    listed = subprocess.run(
        [sys.executable, "-m", "pip", "config", "list"], capture_output=True, text=True, check=False
    ).stdout
    configured = [os.environ.get("PIP_INDEX_URL", ""), os.environ.get("PIP_EXTRA_INDEX_URL", "")]
    for line in listed.splitlines():
        key, _, value = line.partition("=")
        if key.endswith("index-url"):
            configured.append(value.strip("'\""))
    local = [url for text in configured for url in text.split() if url.startswith("file:")]
    local = list(dict.fromkeys(local))
    if not local:
        return None
    return {"PIP_INDEX_URL": local[0], "PIP_EXTRA_INDEX_URL": " ".join(local[1:])}


def hook_repository(tmp_path: Path) -> tuple[Path, str]:
    """A git repository holding this project as committed files, and the commit's id."""
    target = tmp_path / "planctl"
    target.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(REPO / name, target / name)
    shutil.copytree(
        REPO / "src", target / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    # The wheel carries the catalogue and the schemas from these two folders.
    (target / "data").mkdir()
    shutil.copy2(DATA / "measures.yaml", target / "data" / "measures.yaml")
    shutil.copytree(REPO / "schema", target / "schema")
    git("init", "-q", cwd=target)
    git("add", "-A", cwd=target)
    git("commit", "-q", "-m", "planctl", cwd=target)
    return target, git("rev-parse", "HEAD", cwd=target)


@pytest.mark.precommit
def test_pre_commit_hook_passes_and_fails(tmp_path: Path) -> None:
    """Real pre-commit with the hook: clean data passes, an unknown field fails at its line."""
    pip_env = local_pip_indexes()
    if pip_env is None:
        if os.environ.get("PLANCTL_PRECOMMIT_ONLINE") != "1":
            pytest.skip("no local package index; PLANCTL_PRECOMMIT_ONLINE=1 lets pip go online")
        pip_env = {}
    assert PRE_COMMIT.exists(), "pre-commit is missing: make setup installs the dev extra"
    hook_repo, commit = hook_repository(tmp_path)
    user = tmp_path / "kommunen"
    shutil.copytree(DATA, user / "data")
    (user / "README.yml").write_text("inte: [en plan\n", encoding="utf-8")  # not under data/
    (user / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {hook_repo.as_posix()}\n"
        f"    rev: {commit}\n"
        "    hooks:\n"
        "      - id: planctl-validate\n",
        encoding="utf-8",
    )
    git("init", "-q", cwd=user)
    git("add", "-A", cwd=user)
    env = {
        **os.environ,
        **pip_env,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PLANCTL_TODAY": "2026-11-23",
        "NO_COLOR": "1",
    }
    env.pop("PLANCTL_DATA", None)

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(PRE_COMMIT), "run", "--all-files", "--color", "never"],
            cwd=user,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )

    passed = run()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "planctl validate" in passed.stdout and "Passed" in passed.stdout

    plan = user / "data" / "boras_plan.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("    ansvar: Personalchef", "    ansvr: Personalchef", 1))
    git("add", "-A", cwd=user)
    line = plan.read_text(encoding="utf-8").splitlines().index("    ansvr: Personalchef") + 1
    failed = run()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout
    assert f"data/boras_plan.yaml:{line}:5: fel [unknown-field]" in failed.stdout

    # Deleting the catalogue stages no file the hook matches; the hook must still fail.
    plan.write_text(text, encoding="utf-8")
    git("add", "-A", cwd=user)
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "plan", cwd=user)
    git("rm", "-q", "data/measures.yaml", cwd=user)
    deleted = subprocess.run(
        [str(PRE_COMMIT), "run", "--color", "never"],
        cwd=user,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert deleted.returncode == 1, deleted.stdout + deleted.stderr
    assert "fel [unknown-catalogue]" in deleted.stdout


def test_readme_ci_setups_work_in_another_repository() -> None:
    """README's copy-paste CI jobs parse as YAML and install planctl by name, not from '.'."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## I CI", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```yaml\n(.*?)```", section, flags=re.DOTALL)
    assert len(blocks) == 3  # GitHub Actions, GitLab CI, pre-commit
    commands: list[str] = []
    for block in blocks:
        parsed = yaml.safe_load(block)
        text = yaml.safe_dump(parsed, allow_unicode=True)
        commands += [line for line in text.splitlines() if "pip install" in line]
    assert len(commands) == 2
    assert all("planctl @ git+https://" in line for line in commands)
    assert not any(re.search(r"pip install \.(\s|$)", line) for line in commands)
