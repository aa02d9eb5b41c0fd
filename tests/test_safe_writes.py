"""Writes that a planted file cannot turn against the user (issue: safe writes).

Each test is named after the class of fault it closes; the issue's quoted case is its example.
"""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from planctl.errors import ConflictError, InputError, UsageError
from planctl.store import load_data_dir
from planctl.writing import folders, savefile
from planctl.writing.files import save_output
from tests.conftest import TODAY, Invoke

SET = ("status", "set", "LB-4", "påbörjat", "--date", "2018-05-20")


def _repo(tmp_path: Path) -> Path:
    """A folder that looks like a git work tree (the trusted area for links)."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    return repo


# --- 1. the output writer's temporary file -------------------------------------------------------


def test_planted_temp_file_link_is_never_followed(tmp_path: Path) -> None:
    """A committed ``rapporter/.rapport.csv.tmp -> ~/.bashrc`` (or any temp-like name) is
    neither written through nor turned into the output."""
    repo = _repo(tmp_path)
    victim = tmp_path / "home" / ".bashrc"
    victim.parent.mkdir()
    victim.write_bytes(b"export SAFE=1\n")
    out = repo / "rapporter"
    out.mkdir()
    for name in (".rapport.csv.tmp", ".rapport.csv.planctl-tmp", ".rapport.csv.0.planctl-tmp"):
        (out / name).symlink_to(victim)
    save_output(out / "rapport.csv", b"a;b\n", base=repo)
    assert victim.read_bytes() == b"export SAFE=1\n"
    assert not (out / "rapport.csv").is_symlink()
    assert (out / "rapport.csv").read_bytes() == b"a;b\n"


def test_output_link_leaving_the_repository_is_refused(tmp_path: Path) -> None:
    """A symlink at the output (or a linked folder) that leads out of the repository is refused;
    one that stays inside is written through and stays a link."""
    repo = _repo(tmp_path)
    victim = tmp_path / "outside.txt"
    victim.write_bytes(b"orort")
    (repo / "rapporter").mkdir()
    (repo / "rapporter" / "rapport.md").symlink_to(victim)
    (repo / "länkad").symlink_to(tmp_path)
    for target in (repo / "rapporter" / "rapport.md", repo / "länkad" / "outside.txt"):
        with pytest.raises(InputError, match="symbolisk länk"):
            save_output(target, b"rapport", base=repo)
    assert victim.read_bytes() == b"orort"
    inside = repo / "senaste.md"
    (repo / "rapporter" / "mars.md").write_bytes(b"gammal")
    inside.symlink_to(repo / "rapporter" / "mars.md")
    save_output(inside, b"ny", base=repo)
    assert inside.is_symlink() and (repo / "rapporter" / "mars.md").read_bytes() == b"ny"


def test_concurrent_outputs_never_share_a_temp_file(tmp_path: Path) -> None:
    """Many writers of the same output each leave one whole version, never a mix or a leftover."""
    target = tmp_path / "rapport.csv"
    versions = [bytes([65 + i]) * 200_000 for i in range(8)]
    threads = [threading.Thread(target=save_output, args=(target, v)) for v in versions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert target.read_bytes() in versions
    assert list(tmp_path.glob(f"*{savefile.TEMP_SUFFIX}")) == []


def test_output_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    """``-o`` onto an existing 0600 file keeps 0600; a new file follows the umask."""
    private = tmp_path / "privat.md"
    private.write_bytes(b"gammal")
    private.chmod(0o600)
    save_output(private, b"ny")
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    mask = os.umask(0o027)
    try:
        save_output(tmp_path / "ny.md", b"ny")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "ny.md").stat().st_mode) == 0o640


# --- 2. data files are not outputs ---------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("report", "-f", "json", "-o", "data/boras_plan.yaml"),
        ("report", "-f", "markdown", "-o", "data/measures.yaml"),
        ("report", "-f", "csv", "-o", "data/ny-rapport.csv"),
        ("schema", "-o", "data/measures.yaml"),
        ("schema", "-o", "data/ny.json"),
    ],
)
def test_data_file_is_never_an_output(invoke: Invoke, data_dir: Path, args: tuple[str]) -> None:
    """``-o`` onto a plan, the catalogue or anything in the data directory is refused (exit 2)
    whatever the format; every data file stays byte-identical."""
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    result = invoke(*args)
    assert result.exit_code == 2, result.stderr
    assert "datafil" in result.stderr
    assert {p.name: p.read_bytes() for p in data_dir.iterdir()} == before


def test_data_file_elsewhere_is_never_an_output(tmp_path: Path, data_dir: Path) -> None:
    """A plan copied outside the data directory, or a link to one, is not an output either."""
    copy = tmp_path / "kopia.yaml"
    copy.write_bytes((data_dir / "boras_plan.yaml").read_bytes())
    link = tmp_path / "länk.json"
    link.symlink_to(data_dir / "measures.yaml")
    for target in (copy, link):
        with pytest.raises(UsageError, match="datafil"):
            save_output(target, b"{}", base=tmp_path)


def test_folder_below_the_data_directory_is_never_an_output(invoke: Invoke, data_dir: Path) -> None:
    """``-o data/rapporter/x.csv`` is in the data directory too: refused, nothing created."""
    (data_dir / "rapporter").mkdir()
    result = invoke("report", "-f", "csv", "-o", "data/rapporter/x.csv")
    assert result.exit_code == 2, result.stderr
    assert "datafil" in result.stderr
    assert not (data_dir / "rapporter" / "x.csv").exists()


@pytest.mark.parametrize("name", [".git/config", ".git/HEAD", ".git/ny.json", ".git"])
def test_git_directory_is_never_an_output(
    invoke: Invoke, data_dir: Path, name: str, tmp_path: Path
) -> None:
    """``report -o .git/config`` would break the repository: refused (exit 2) whatever the
    format, also through a link that leads there; the git directory stays byte-identical."""
    git = data_dir.parent / ".git"
    git.mkdir()
    (git / "config").write_text("[core]\n\tbare = false\n")
    (git / "HEAD").write_text("ref: refs/heads/main\n")
    link = data_dir.parent / "länk.json"
    link.symlink_to(git / "config")
    before = {p.name: p.read_bytes() for p in git.iterdir()}
    for target in (name, "länk.json"):
        result = invoke("report", "-f", "json", "-o", target)
        assert result.exit_code == 2, result.stderr
        assert ".git" in result.stderr
    assert {p.name: p.read_bytes() for p in git.iterdir()} == before


# --- 3. the lock file ----------------------------------------------------------------------------


def test_planted_lock_link_is_refused(invoke: Invoke, data_dir: Path, tmp_path: Path) -> None:
    """A committed ``data/.boras_plan.yaml.lock -> ../outside/x`` stops ``status set`` (exit 3,
    naming the lock); nothing is created outside and the plan is unchanged."""
    outside = tmp_path / "outside"
    outside.mkdir()
    lock = data_dir / ".boras_plan.yaml.lock"
    lock.symlink_to(outside / "x")
    before = (data_dir / "boras_plan.yaml").read_bytes()
    result = invoke(*SET)
    assert result.exit_code == 3
    assert ".boras_plan.yaml.lock" in result.stderr and "symbolisk länk" in result.stderr
    assert not (outside / "x").exists()
    assert (data_dir / "boras_plan.yaml").read_bytes() == before


@pytest.mark.parametrize("kind", ["directory", "fifo"])
def test_lock_path_that_is_not_a_file_is_refused(tmp_path: Path, kind: str) -> None:
    """A lock path that is a directory or a FIFO is refused with its name, before locking."""
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(b"plan: x\n")
    lock = savefile.lock_path(plan)
    if kind == "directory":
        lock.mkdir()
    else:
        os.mkfifo(lock)
    with pytest.raises(ConflictError, match="ingen vanlig fil"), savefile.locked(plan):
        pass  # pragma: no cover - never entered


# --- 6. permissions, data-directory hygiene ------------------------------------------------------


def test_read_only_plan_is_not_rewritten(invoke: Invoke, data_dir: Path) -> None:
    """A plan set to 0444 is not rewritten (exit 3, Swedish reason), even when run as root."""
    plan = data_dir / "boras_plan.yaml"
    before = plan.read_bytes()
    plan.chmod(0o444)
    result = invoke(*SET)
    assert result.exit_code == 3
    assert "skrivskyddad" in result.stderr and "0444" in result.stderr
    assert plan.read_bytes() == before
    assert stat.S_IMODE(plan.stat().st_mode) == 0o444


@pytest.mark.parametrize("kind", ["dangling", "loop", "outside", "directory-outside"])
def test_bad_link_in_data_dir_is_a_validate_error(
    invoke: Invoke, data_dir: Path, tmp_path: Path, kind: str
) -> None:
    """A ``*.yaml`` link that dangles, loops or leads outside is an error naming it, not a skip
    and not a traceback."""
    link = data_dir / "länk.yaml"
    elsewhere = tmp_path / "elsewhere.yaml"
    elsewhere.write_bytes((data_dir / "boras_plan.yaml").read_bytes().replace(b"id: ", b"id: x"))
    if kind == "dangling":
        link.symlink_to(data_dir / "finns-inte.yaml")
    elif kind == "loop":
        link.symlink_to(data_dir / "slinga.yaml")
        (data_dir / "slinga.yaml").symlink_to(link)
    elif kind == "outside":
        link.symlink_to(elsewhere)
    else:
        (data_dir / "ut").symlink_to(tmp_path)
        link.symlink_to(data_dir / "ut" / "elsewhere.yaml")
    result = invoke("validate")
    assert result.exit_code == 1, result.stdout + result.stderr
    out = result.stdout + result.stderr
    assert "länk.yaml" in out
    assert ("broken-link" if kind in ("dangling", "loop") else "link-outside") in out
    assert invoke("validate", str(link)).exit_code == 1


def test_special_file_is_refused_before_reading(invoke: Invoke, data_dir: Path) -> None:
    """``/dev/zero`` and a FIFO passed to validate (or lying in data/) are refused at once."""
    fifo = data_dir / "rör.yaml"
    os.mkfifo(fifo)
    for target in ("/dev/zero", str(fifo)):
        result = invoke("validate", target)
        assert result.exit_code == 1
        assert "not-a-file" in result.stdout + result.stderr
    assert invoke("validate").exit_code == 1


def test_every_read_has_the_same_size_cap(tmp_path: Path, data_dir: Path) -> None:
    """A plan over the cap is one problem, read no further than the cap."""
    from planctl import documents as store

    big = data_dir / "stor.yaml"
    big.write_bytes(b"plan:\n" + b"#" * (store.MAX_FILE_BYTES + 10))
    data = load_data_dir(data_dir, today=TODAY)
    assert [p.rule for p in data.problems if p.file.endswith("stor.yaml")] == ["file-too-large"]


# --- 8. the race with other programs -------------------------------------------------------------


def test_edit_landing_during_the_write_is_not_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program that appends while planctl writes its temporary file keeps its line:
    the file is compared again right before the rename, and nothing is written."""
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(b"plan: x\n")
    real = savefile._write_temp

    def slow_temp(folder: folders.Folder, target: Path, data: bytes, mode: int) -> str:
        name = real(folder, target, data, mode)
        with plan.open("ab") as other:
            other.write(b"# annat program\n")
        return name

    monkeypatch.setattr(savefile, "_write_temp", slow_temp)
    with savefile.locked(plan), pytest.raises(ConflictError, match="ändrats"):
        savefile.replace_file(plan, b"plan: y\n", expected=b"plan: x\n")
    assert plan.read_bytes() == b"plan: x\n# annat program\n"
    assert list(tmp_path.glob(f"*{savefile.TEMP_SUFFIX}")) == []


def test_rewrite_with_same_content_but_new_mtime_is_a_change(tmp_path: Path) -> None:
    """A file replaced by another program between planctl's looks is noticed by its identity
    (inode, size, modification time), not only by its bytes."""
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(b"plan: x\n")
    first = savefile._snapshot(plan)
    other = tmp_path / "other"
    other.write_bytes(b"plan: x\n")
    other.replace(plan)
    assert first is not None and savefile._snapshot(plan) != first


# --- 7. honest interruption ----------------------------------------------------------------------


def test_each_completed_write_is_recorded(tmp_path: Path) -> None:
    """Every rename is recorded (SIGINT blocked around it), so an interrupt can say what was
    written."""
    target = tmp_path / "rapport.md"
    save_output(target, b"x")
    assert savefile.completed()[-1] == target


def test_interrupt_after_the_rename_says_what_was_written(
    invoke: Invoke, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C landing right after the plan was replaced: exit 130 naming the written file, not
    silence (a re-run would add the entry twice)."""

    def interrupted(folder: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(folders.FdFolder, "sync", interrupted)  # runs just after the rename
    before = (data_dir / "boras_plan.yaml").read_bytes()
    result = invoke(*SET)
    assert result.exit_code == 130
    assert "hann skrivas" in result.stderr and "data/boras_plan.yaml" in result.stderr
    assert (data_dir / "boras_plan.yaml").read_bytes() != before
