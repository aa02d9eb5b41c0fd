"""The built wheel on its own: installed outside the repository, a new municipality starts.

The wheel is built from a copy of the sources and installed into a fresh virtual environment in
a temporary folder. planctl's dependencies come from this test run's environment (a ``.pth``
line, so no network is needed); planctl itself, its catalogue and its schemas only from the
wheel. Deselect with ``-m "not wheel"`` while developing; ``make test`` runs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.conftest import REPO, TODAY
from tests.office import boras_appendix_docx

pytestmark = pytest.mark.wheel


def _run(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PLANCTL_", "PYTHON"))}
    return subprocess.run(
        command,
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**clean, "PLANCTL_TODAY": TODAY.isoformat(), "NO_COLOR": "1", **env},
        check=False,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def wheel_bin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``bin`` (or ``Scripts``) folder of a fresh venv with only the wheel installed."""
    work = tmp_path_factory.mktemp("wheel")
    tree = work / "source"
    tree.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, tree / name)
    for name in ("src", "data", "schema"):
        shutil.copytree(REPO / name, tree / name, ignore=shutil.ignore_patterns("*.egg-info"))
    built = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(work / "dist"),
            str(tree),
        ],
        cwd=work,
    )
    assert built.returncode == 0, built.stderr
    [wheel] = (work / "dist").glob("planctl-*.whl")
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    scripts = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = scripts / ("python.exe" if os.name == "nt" else "python")
    installed = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "-q",
            str(wheel),
        ],
        cwd=work,
    )
    assert installed.returncode == 0, installed.stderr
    purelib = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=work
    ).stdout.strip()
    # Dependencies from this environment; .pth files there (the editable planctl) stay unread.
    Path(purelib, "planctl_test_dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    return scripts


def test_wheel_carries_catalogue_and_schemas(wheel_bin: Path, tmp_path: Path) -> None:
    """The installed package reads its catalogue and schemas from the wheel, not the repo."""
    python = next(wheel_bin.glob("python*"))
    done = _run(
        [
            str(python),
            "-c",
            "import planctl, planctl.shipped as s; print(planctl.__file__); "
            "print(len(s.catalogue_bytes())); print(sorted(s.schema_bytes()))",
        ],
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    where, size, schemas = done.stdout.splitlines()
    assert Path(where).is_relative_to(wheel_bin.parent)
    assert int(size) == (REPO / "data" / "measures.yaml").stat().st_size
    assert schemas == "['catalogue.schema.json', 'plan.schema.json']"


def test_new_municipality_from_an_empty_folder(wheel_bin: Path, tmp_path: Path) -> None:
    """init, import bilaga.docx, validate --strict, status set and report, with the wheel only."""
    planctl = str(wheel_bin / "planctl")
    town = tmp_path / "kommun"
    done = _run([planctl, "init", str(town), "--organisation", "Borås Stad"], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    boras_appendix_docx(town / "bilaga.docx")
    done = _run([planctl, "import", "bilaga.docx"], cwd=town)
    assert done.returncode == 0, done.stderr
    assert "tabell 3" in done.stderr
    done = _run([planctl, "validate", "--strict"], cwd=town)
    assert done.returncode == 0, done.stdout + done.stderr
    done = _run([planctl, "status", "set", "LO-1", "påbörjat", "--date", "2018-05-31"], cwd=town)
    assert done.returncode == 0, done.stderr
    assert "status: Påbörjat" in (town / "data" / "borås-stad.yaml").read_text(encoding="utf-8")
    done = _run([planctl, "report", "-o", "r.html"], cwd=town)
    assert done.returncode == 0, done.stderr
    html = (town / "r.html").read_text(encoding="utf-8")
    assert "Borås Stad" in html and "Förhandlingsdelegationen" in html
    done = _run([str(next(wheel_bin.glob("python*"))), "-m", "planctl", "--version"], cwd=town)
    assert done.returncode == 0 and done.stdout.startswith("planctl "), done.stderr
