"""validate on many files uses several processes and finds exactly what one process finds."""

from __future__ import annotations

import shutil
from pathlib import Path

from planctl.errors import Severity
from planctl.store import PARALLEL_MIN_FILES, check_paths, data_dir_files, load_files
from tests.conftest import DATA, TODAY

MINIMAL = Path(__file__).resolve().parent / "data" / "valid" / "minimal_plan.yaml"


def many_plans(root: Path, count: int) -> list[Path]:
    root.mkdir()
    shutil.copy(DATA / "measures.yaml", root / "measures.yaml")
    text = MINIMAL.read_text(encoding="utf-8")
    for index in range(count):
        plan_text = text.replace("id: testkommun-2026", f"id: kommun-{index:03d}")
        if index == 7:
            plan_text = plan_text.replace("ansvar: Förvaltningschef", "ansvr: Förvaltningschef")
        if index == 20:
            plan_text = plan_text.replace("insatser: [48]", "insatser: [480]")
        if index in (3, 30):  # the same plan id twice, far enough apart for different workers
            plan_text = plan_text.replace(f"id: kommun-{index:03d}", "id: kommun-dubbel")
        (root / f"plan_{index:03d}.yaml").write_text(plan_text, encoding="utf-8")
    return data_dir_files(root)


def test_parallel_equals_serial(tmp_path: Path) -> None:
    """Two workers report the same files and problems, in the same order, as one process."""
    root = tmp_path / "data"
    files = many_plans(root, PARALLEL_MIN_FILES + 5)
    serial = load_files(files, today=TODAY, base=tmp_path, root=root)
    parallel = check_paths(files, today=TODAY, base=tmp_path, root=root, jobs=2)
    assert parallel.files == serial.files
    assert parallel.problems == serial.problems
    rules = sorted(p.rule for p in parallel.problems if p.severity is Severity.ERROR)
    assert rules == ["duplicate-id", "unknown-field", "unknown-measure"]


def test_small_directories_stay_in_process(tmp_path: Path) -> None:
    """Below the threshold the check runs in this process with the same result."""
    root = tmp_path / "data"
    files = many_plans(root, 3)
    result = check_paths(files, today=TODAY, base=tmp_path, root=root, jobs=2)
    assert result.files == load_files(files, today=TODAY, base=tmp_path, root=root).files
