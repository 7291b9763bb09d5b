"""Times loading, saving and scoring a large case (run: .venv/bin/python bench/bench_case.py)."""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fishbone.model import Cause  # noqa: E402
from sixstep.case import Alternative, Case, Criterion, Participant, Score  # noqa: E402
from sixstep.caseio import dumps_case, loads_case  # noqa: E402
from sixstep.scoring import score_case  # noqa: E402

TARGETS_MS = {"load": 150.0, "save": 100.0, "score": 100.0}  # for the big case below


def big_case(causes: int = 1000, alternatives: int = 40, criteria: int = 8,
             participants: int = 12, seed: int = 7) -> Case:
    rng = random.Random(seed)
    case = Case(title="Benchmark")
    heads = [c.id for c in case.fishbone.categories]
    for i in range(causes):
        parent = rng.choice([None, None] + case.fishbone.causes[-5:]) if i else None
        category = parent.category if parent else rng.choice(heads)
        case.fishbone.causes.append(Cause(f"c{i}", category, parent.id if parent else None,
                                          f"cause number {i} " * rng.randint(1, 6)))
    case.criteria = [Criterion(f"k{j}", f"criterion {j}", "want", criteria - j)
                     for j in range(criteria)]
    case.alternatives = [Alternative(f"a{i}", f"alternative {i}") for i in range(alternatives)]
    case.participants = [Participant(f"p{i}", f"person {i}") for i in range(participants)]
    case.scores = [Score(a.id, k.id, rng.randint(1, 10), p.id) for a in case.alternatives
                   for k in case.criteria for p in case.participants]
    return case


def timed(label: str, fn, repeat: int = 5) -> float:
    best = min(_once(fn) for _ in range(repeat))
    target = TARGETS_MS.get(label)
    verdict = "" if target is None else ("  ok" if best <= target else f"  OVER {target:.0f}")
    print(f"{label:8} {best:8.1f} ms{verdict}")
    return best


def _once(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    case = big_case()
    data = dumps_case(case)
    print(f"case: {len(case.fishbone.causes)} causes, {len(case.scores)} scores, "
          f"{len(data) / 1024:.0f} KiB")
    timed("save", lambda: dumps_case(case))
    timed("load", lambda: loads_case(data))
    timed("score", lambda: score_case(case))
    timed("median", lambda: score_case(case, "median"))


if __name__ == "__main__":
    main()
