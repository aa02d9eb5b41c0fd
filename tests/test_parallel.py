"""validate on many files uses several processes and finds exactly what one process finds."""

from __future__ import annotations

import shutil
from pathlib import Path

from planctl.errors import Severity
from planctl.parallel import PARALLEL_MIN_FILES, check_paths
from planctl.store import data_dir_files, load_files
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


def test_summary_facts_from_workers_equal_serial(tmp_path: Path) -> None:
    """Plan facts computed in worker processes match those computed in this process."""
    import functools

    from planctl.summary import plan_facts

    root = tmp_path / "data"
    many_plans(root, PARALLEL_MIN_FILES + 5)
    for broken in ("plan_003", "plan_007", "plan_020"):  # keep only valid plans
        (root / f"{broken}.yaml").unlink()
    files = data_dir_files(root)
    each = functools.partial(plan_facts, today=TODAY)
    serial = check_paths(files, today=TODAY, base=tmp_path, root=root, jobs=1, each_plan=each)
    parallel = check_paths(files, today=TODAY, base=tmp_path, root=root, jobs=2, each_plan=each)
    assert len(parallel.results) == len(files) - 1  # every plan, not the catalogue
    assert parallel.results == serial.results
    assert parallel.catalogue == serial.catalogue is not None


def test_results_withheld_when_data_has_errors(tmp_path: Path) -> None:
    """With an error anywhere, no per-plan results come back and require_valid raises."""
    import functools

    import pytest

    from planctl.errors import DataError
    from planctl.summary import plan_facts

    root = tmp_path / "data"
    files = many_plans(root, PARALLEL_MIN_FILES + 5)
    each = functools.partial(plan_facts, today=TODAY)
    result = check_paths(files, today=TODAY, base=tmp_path, root=root, jobs=2, each_plan=each)
    assert result.results == ()
    with pytest.raises(DataError):
        result.require_valid()
