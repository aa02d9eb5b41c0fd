"""Time and memory of `planctl validate` on one plan just under the 10 MB size cap.

Three shapes of an ~9.5 MB plan (about 10 000 rows × 4 history entries, generated as in
bench/national.py) are validated in a fresh process each:

- clean: the fast path (values from libyaml's events, no positions);
- one unknown field per row: ~10 000 errors, the exact path with positions;
- one PDF hyphen per row: ~10 000 warnings, each located inside its text.

Time and memory must grow linearly with the file: each shape validates in seconds and well under
300 MB (issue 11). Writes a Markdown table to stdout (and appends it to --out if given).

    python bench/largefile.py [--rows 10000] [--runs 3] [--out bench/RESULTS.md]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from national import plan_text
from run import PLANCTL, REPO, machine, run_once

SHAPES = {
    "ren fil": lambda text: text,
    "ett okänt fält per rad": lambda text: text.replace("    termin: ", "    terminn: "),
    "ett PDF-bindestreck per rad": lambda text: text.replace(
        "stärk arbetsmiljö", "stärk arbets- miljö"
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="planctl-largefile-"))
    lines = [
        "",
        f"### En plan strax under 10 MB ({args.rows} rader), `planctl validate`",
        "",
        f"Maskin: {machine()}",
        "",
        "| fil | storlek | median | toppminne |",
        "|---|---:|---:|---:|",
    ]
    try:
        text = plan_text(1, args.rows, 4, random.Random(20171001))
        for name, shape in SHAPES.items():
            folder = work / name.replace(" ", "-")
            folder.mkdir()
            shutil.copy(REPO / "data" / "measures.yaml", folder / "measures.yaml")
            plan = folder / "plan.yaml"
            plan.write_text(shape(text), encoding="utf-8")
            env = {**os.environ, "PLANCTL_DATA": str(folder), "PLANCTL_TODAY": "2026-11-23"}
            times, peaks = [], []
            for _ in range(args.runs):
                elapsed, peak, code = run_once([*PLANCTL, "validate"], env, work)
                if code not in (0, 1):
                    raise SystemExit(f"{name}: exit code {code}")
                times.append(elapsed)
                peaks.append(peak)
            size = plan.stat().st_size / 1024 / 1024
            lines.append(
                f"| {name} | {size:.1f} MB | {statistics.median(times):.1f} s "
                f"| {max(peaks):.0f} MB |".replace(".", ",")
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    table = "\n".join(lines) + "\n"
    sys.stdout.write(table)
    if args.out is not None:
        with args.out.open("a", encoding="utf-8") as out:
            out.write(table)


if __name__ == "__main__":
    main()
