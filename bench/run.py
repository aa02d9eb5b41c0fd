"""Time planctl on a national-scale data directory, as whole processes.

Generates (deterministically) 290 plans × 100 rows × 4 history entries plus the catalogue, then
runs each command several times in a fresh process and reports the median wall time and the peak
resident memory of the process. Also times an independent validator (check-jsonschema with the
committed schema) on the same files when it is installed. Writes a Markdown table to
bench/RESULTS.md together with a description of the machine.

    python bench/run.py [--runs 5] [--plans 290] [--rows 100] [--out bench/RESULTS.md]

Targets (2 cores): validate < 5 s and faster than the independent validator; status set on one
100-row plan < 0.5 s; planctl --help < 0.25 s; peak memory < 300 MB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import coldstart
from national import generate

REPO = Path(__file__).resolve().parent.parent
PLANCTL = [sys.executable, "-m", "planctl"]


@dataclass
class Result:
    name: str
    command: str
    median_s: float
    min_s: float
    peak_mb: float
    runs: int
    target: str


def run_once(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB and exit code of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, process.returncode


def measure(
    name: str,
    argv: list[str],
    *,
    env: dict[str, str],
    cwd: Path,
    runs: int,
    target: str = "",
    before_each: Callable[[], None] | None = None,
    ok_codes: tuple[int, ...] = (0,),
    label: str | None = None,
) -> Result:
    times: list[float] = []
    peaks: list[float] = []
    for _ in range(runs):
        if before_each is not None:
            before_each()
        elapsed, peak, code = run_once(argv, env, cwd)
        if code not in ok_codes:
            raise SystemExit(f"{name}: exit code {code} from {' '.join(argv)}")
        times.append(elapsed)
        peaks.append(peak)
    shown = label or " ".join(a if not a.startswith("/") else Path(a).name for a in argv[2:])
    return Result(
        name,
        shown,
        statistics.median(times),
        min(times),
        max(peaks),
        runs,
        target,
    )


def has_command(command: str, env: dict[str, str]) -> bool:
    probe = subprocess.run([*PLANCTL, command, "--help"], env=env, capture_output=True, check=False)
    return probe.returncode == 0


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} kärnor, {cpu}; "
        f"Python {platform.python_version()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--plans", type=int, default=290)
    parser.add_argument("--rows", type=int, default=100)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "RESULTS.md")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="planctl-bench-"))
    try:
        data = generate(work / "data", plans=args.plans, rows=args.rows)
        files = sorted(data.glob("*.yaml"))
        size_mb = sum(f.stat().st_size for f in files) / 1024 / 1024
        env = {**os.environ, "PLANCTL_DATA": str(data), "PLANCTL_TODAY": "2026-11-23"}
        env["NO_COLOR"] = "1"
        one = "kommun-001"
        results: list[Result] = [
            measure(
                "hjälp (kallstart)",
                [*PLANCTL, "--help"],
                env=env,
                cwd=work,
                runs=args.runs,
                target="< 0,25 s",
            ),
            measure(
                "validate, hela katalogen",
                [*PLANCTL, "validate"],
                env=env,
                cwd=work,
                runs=args.runs,
                target="< 5 s",
            ),
            measure(
                "list, en plan",
                [*PLANCTL, "list", "--plan", one],
                env=env,
                cwd=work,
                runs=args.runs,
            ),
        ]
        if has_command("report", env):
            results.append(
                measure(
                    "report, en plan",
                    [*PLANCTL, "report", "--plan", one],
                    env=env,
                    cwd=work,
                    runs=args.runs,
                )
            )
        if has_command("summary", env):
            results.append(
                measure(
                    "summary, alla planer", [*PLANCTL, "summary"], env=env, cwd=work, runs=args.runs
                )
            )
        if has_command("status", env):
            target = data / "plan_001.yaml"
            pristine = target.read_bytes()

            def restore() -> None:
                target.write_bytes(pristine)

            results.append(
                measure(
                    "status set, en plan (100 rader) i den nationella katalogen",
                    [
                        *PLANCTL,
                        "status",
                        "set",
                        "--plan",
                        one,
                        "LB-3",
                        "klart",
                        "--note",
                        "Mätning",
                        "--date",
                        "2026-11-20",
                        "--round",
                        "2019-10",
                    ],
                    env=env,
                    cwd=work,
                    runs=args.runs,
                    target="< 0,5 s",
                    before_each=restore,
                )
            )
            restore()
        schema = REPO / "schema" / "plan.schema.json"
        checker = shutil.which("check-jsonschema") or str(
            Path(sys.executable).parent / "check-jsonschema"
        )
        independent = None
        if schema.exists() and Path(checker).exists():
            plans = [str(f) for f in files if f.name != "measures.yaml"]
            independent = measure(
                "check-jsonschema (oberoende), alla planer",
                [checker, "--schemafile", str(schema), *plans],
                env=env,
                cwd=work,
                runs=max(1, args.runs // 2),
                ok_codes=(0, 1),
                label=f"check-jsonschema --schemafile plan.schema.json <{len(plans)} planer>",
            )
            results.append(independent)
        else:
            print("check-jsonschema saknas: pip install -e '.[bench]' för jämförelsen")
    finally:
        shutil.rmtree(work, ignore_errors=True)

    lines = [
        "# Prestandamätning",
        "",
        f"Uppmätt {dt.date.today().isoformat()} på {machine()}.",
        "",
        f"Data: {args.plans} planer × {args.rows} rader × 4 historikposter + katalogen "
        f"({len(files)} filer, {size_mb:.1f} MB), genererade av `bench/national.py`. "
        "Varje kommando körs som en egen process; tiden är median av körningarna.",
        "",
        "| mätning | kommando | median (s) | min (s) | toppminne (MB) | körningar | mål |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for r in results:
        lines.append(
            f"| {r.name} | `{r.command}` | {r.median_s:.3f} | {r.min_s:.3f} | "
            f"{r.peak_mb:.0f} | {r.runs} | {r.target} |"
        )
    validate = next(r for r in results if r.name.startswith("validate"))
    if independent is not None:
        lines += [
            "",
            f"planctl validate är {independent.median_s / validate.median_s:.1f} gånger "
            "snabbare än check-jsonschema på samma planer (som dessutom bara kontrollerar "
            "formen, inte regler mellan filer).",
        ]
    text = "\n".join(lines) + "\n"
    kept = coldstart.kept_section()  # measured by bench/coldstart.py; not rewritten here
    if kept:
        text += "\n" + kept
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
