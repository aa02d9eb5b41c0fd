"""Generate a national-scale data directory, deterministically.

290 plans (one per Swedish municipality) × 100 rows, each row with 4 history entries, plus the
real catalogue. The same seed always gives byte-identical files, so timings compare across runs.

    python bench/national.py OUT_DIR [--plans 290] [--rows 100] [--entries 4]
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
AREAS = [
    ("lönebildning", "Lönebildning", "LB"),
    ("arbetsvillkor", "Arbetsvillkor", "AV"),
    ("kompetens-och-personalförsörjning", "Kompetens- och personalförsörjning", "KP"),
]
ROLES = ["Förvaltningschef", "Förhandlingschef", "Personalchef", "Kommunchef", "Enhetschef"]
STARTS = [("Hösten 2017", "HT2017"), ("Våren 2018", "VT2018"), ("Hösten 2018", "HT2018")]
ROUNDS = [
    ("2018-05", "2018-05-31"),
    ("2018-10", "2018-10-31"),
    ("2019-05", "2019-05-31"),
    ("2019-10", "2019-10-31"),
]
STATUSES = ["Ej påbörjat", "Påbörjat", "Påbörjat", "Klart"]


def plan_text(index: int, rows: int, entries: int, rng: random.Random) -> str:
    out = [
        "# yaml-language-server: $schema=../schema/plan.schema.json",
        f"# Genererad testplan {index} för prestandamätning (bench/national.py).",
        "plan:",
        f"  id: kommun-{index:03d}",
        f'  titel: "Handlingsplan för socialsekreterare, kommun {index}"',
        f"  organisation: Kommun {index:03d}",
        "  katalog: vision-101",
        "uppföljningar:",
    ]
    for round_id, day in ROUNDS:
        out += [f'  - id: "{round_id}"', f"    namn: Uppföljning {round_id}", f'    datum: "{day}"']
    out.append("områden:")
    for area_id, name, _ in AREAS:
        out += [f"  - id: {area_id}", f'    namn: "{name}"']
    out.append("åtgärder:")
    for number in range(1, rows + 1):
        area_id, _, prefix = AREAS[number % len(AREAS)]
        start, term = STARTS[rng.randrange(len(STARTS))]
        links = sorted(rng.sample(range(1, 102), rng.randint(0, 3)))
        out += [
            f"  - id: {prefix}-{number}",
            f"    område: {area_id}",
            f'    förslag: "Förslag {number} i kommun {index}: stärk arbetsmiljö och rekrytering '
            f'genom en tydlig åtgärd med ansvar och uppföljning."',
            f"    ansvar: {ROLES[rng.randrange(len(ROLES))]}",
            f'    start: "{start}"',
            f"    termin: {term}",
            f"    insatser: [{', '.join(map(str, links))}]",
        ]
        if rng.random() < 0.1:
            out.append("    behöver_finansiering: true")
        out.append("    historik:")
        for entry in range(entries):
            round_id, day = ROUNDS[entry % len(ROUNDS)]
            out += [
                f'      - datum: "{day}"',
                f"        status: {STATUSES[min(entry + rng.randint(0, 1), 3)]}",
                f'        notering: "Notering {entry + 1} om läget för rad {number}."',
                f"        av: {ROLES[rng.randrange(len(ROLES))]}",
                f'        uppföljning: "{round_id}"',
            ]
    return "\n".join(out) + "\n"


def generate(target: Path, *, plans: int = 290, rows: int = 100, entries: int = 4) -> Path:
    """Write the directory (catalogue + plans) to ``target`` and return it."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "data" / "measures.yaml", target / "measures.yaml")
    rng = random.Random(20171001)
    for index in range(1, plans + 1):
        text = plan_text(index, rows, entries, rng)
        (target / f"plan_{index:03d}.yaml").write_text(text, encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--plans", type=int, default=290)
    parser.add_argument("--rows", type=int, default=100)
    parser.add_argument("--entries", type=int, default=4)
    args = parser.parse_args()
    generate(args.out, plans=args.plans, rows=args.rows, entries=args.entries)


if __name__ == "__main__":
    main()
