"""Cold start of planctl's commands as a ratio to a bare Typer + Rich app, measured in one run.

Each round starts every case once in a fresh process, in turn (interleaved, so a busy machine
slows every case alike); the median over the rounds is compared with the median of
``bench/bare_app.py``, which only prints one Rich table. With ``--before SRC`` the same commands
also run from another source tree (``SRC/planctl``, e.g. an older commit unpacked with
``git archive``), so before and after are measured in the same session. That tree's bytecode is
compiled first, as ``make setup`` compiles the installed one: where writing bytecode at run time
is off (``PYTHONDONTWRITEBYTECODE``), a fresh archive would otherwise compile every module on
every start and look ≈0,05 s slower than it is. This tree's ``src`` is compiled too.

    python bench/coldstart.py [--rounds 15] [--before SRC] [--label-before 08a1120] [--write]

``--write`` puts the table into bench/RESULTS.md between the cold-start markers (``make bench``
keeps that section). Targets: ``--help`` ≤ 1,2× and each single-plan command ≤ 1,6×.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "RESULTS.md"
START, END = "<!-- kallstart -->", "<!-- /kallstart -->"

COMMANDS: list[tuple[str, list[str], float]] = [
    ("--help", ["--help"], 1.2),
    ("list", ["list"], 1.6),
    ("report", ["report"], 1.6),
    ("status set --dry-run", ["status", "set", "LB-3", "klart", "--dry-run"], 1.6),
]


def run_once(argv: list[str], env: dict[str, str], cwd: Path) -> float:
    """Wall seconds of one process; its output is discarded, a failure stops the benchmark."""
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)}: exit {done.returncode}\n{done.stderr.decode()}")
    return elapsed


def measure(rounds: int, before: Path | None, bare_freeze: bool = False) -> dict[str, float]:
    """Median seconds of every case: ``bare``, then ``after:CMD`` and ``before:CMD``.

    ``bare_freeze`` gives the bare app planctl's own exit (``gc.freeze`` at exit, see
    ``planctl.__main__``), to tell planctl's own overhead from what the freeze saves Typer and Rich.
    """
    work = Path(tempfile.mkdtemp(prefix="planctl-coldstart-"))
    data = work / "data"
    shutil.copytree(REPO / "data", data)
    base = {
        **os.environ,
        "PLANCTL_DATA": str(data),
        "PLANCTL_TODAY": "2018-06-01",
        "NO_COLOR": "1",
        "COLUMNS": "100",
    }
    base.pop("PYTHONPATH", None)
    bare_env = dict(base, BARE_FREEZE="1") if bare_freeze else base
    cases: list[tuple[str, list[str], dict[str, str]]] = [
        ("bare", [sys.executable, str(REPO / "bench" / "bare_app.py")], bare_env)
    ]
    for tree in (REPO / "src", before):  # as make setup does; see the module docstring
        if tree is not None:
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree)], check=True)
    trees = [("after", None)] + ([("before", before)] if before else [])
    for label, tree in trees:
        env = dict(base, PYTHONPATH=str(tree)) if tree else base
        for name, args, _ in COMMANDS:
            cases.append((f"{label}:{name}", [sys.executable, "-m", "planctl", *args], env))
    times: dict[str, list[float]] = {name: [] for name, _, _ in cases}
    for argv_case in cases:  # one warm-up each: page cache and bytecode, not measured
        run_once(argv_case[1], argv_case[2], work)
    for _ in range(rounds):
        for name, argv, env in cases:
            times[name].append(run_once(argv, env, work))
    shutil.rmtree(work)
    return {name: statistics.median(values) for name, values in times.items()}


def table(medians: dict[str, float], rounds: int, label_before: str) -> str:
    """The Markdown section for RESULTS.md."""
    bare = medians["bare"]
    has_before = any(k.startswith("before:") for k in medians)
    head = "| kommando | mål |"
    rule = "|---|---:|"
    if has_before:
        head += f" före ({label_before}) |"
        rule += "---:|"
    head += " efter | efter (s) |"
    rule += "---:|---:|"
    lines = [
        "## Kallstart",
        "",
        f"Borås-planen (`data/`), {rounds} omgångar där varje fall startas en gång i tur och",
        "ordning; median i förhållande till en tom Typer + Rich-app som skriver en tabell",
        f"({bare:.3f} s i samma körning). Mätt med `python bench/coldstart.py`.",
        "",
        head,
        rule,
    ]
    for name, _, target in COMMANDS:
        after = medians[f"after:{name}"]
        cells = [f"`planctl {name}`", f"≤ {target:.1f}×".replace(".", ",")]
        if has_before:
            cells.append(f"{medians[f'before:{name}'] / bare:.2f}×".replace(".", ","))
        cells += [f"{after / bare:.2f}×".replace(".", ","), f"{after:.3f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join([START, *lines, END]) + "\n"


def write_section(section: str) -> None:
    """Replace the cold-start section of RESULTS.md (or add it at the end)."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Prestandamätning\n"
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END) + r"\n?", re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: section, text)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text, encoding="utf-8")


def kept_section() -> str:
    """The cold-start section now in RESULTS.md and the notes written after it, to the end of the
    file, for ``bench/run.py`` to keep ('' if none)."""
    if not RESULTS.exists():
        return ""
    text = RESULTS.read_text(encoding="utf-8")
    start = text.find(START)
    return text[start:].rstrip("\n") + "\n" if start >= 0 else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument(
        "--before", type=Path, help="another source tree (the folder with planctl/)"
    )
    parser.add_argument("--label-before", default="före")
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    parser.add_argument(
        "--bare-freeze", action="store_true", help="the bare app also freezes at exit"
    )
    args = parser.parse_args()
    if args.write and args.bare_freeze:
        parser.error("--write keeps the yardstick of the targets: leave out --bare-freeze")
    medians = measure(args.rounds, args.before, args.bare_freeze)
    section = table(medians, args.rounds, args.label_before)
    sys.stdout.write(section)
    if args.write:
        write_section(section)


if __name__ == "__main__":
    main()
