"""Times the fishbone layout on generated diagrams of 50 to 1,000 causes (prints, asserts nothing).

Run: ``.venv/bin/python bench/bench_layout.py [--qt]`` -- ``--qt`` also times the real Qt
text measurer (needs PySide6; a fresh measurer per run, so its width cache starts cold).
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fishbone.geometry import MonospaceMeasurer, TextMeasurer  # noqa: E402
from fishbone.layout import layout_diagram  # noqa: E402
from fishbone.model import Category, Cause, Diagram  # noqa: E402

SIZES = (50, 200, 500, 1000)
WORDS = ("till", "screen", "order", "night", "shift", "manager", "kitchen", "cancel", "late",
         "headset", "menu", "board", "timer", "panel", "staff", "training", "rota", "backup")


def generated(n_causes: int, max_depth: int = 5, seed: int = 1) -> Diagram:
    """Six headings and ``n_causes`` causes of 1-8 words, nested up to ``max_depth``."""
    rnd = random.Random(seed)
    names = ("Equipment", "Systems", "Processes", "People", "Environment", "Materials")
    cats = [Category(f"k{i}", name) for i, name in enumerate(names)]
    d = Diagram("Customer leaves frustrated after a long wait", cats)
    open_parents: list[tuple[Cause, int]] = []
    for i in range(n_causes):
        text = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 8))).capitalize()
        if open_parents and rnd.random() < 0.7:
            parent, depth = rnd.choice(open_parents)
            cause = Cause(f"c{i}", parent.category, parent.id, text)
            depth += 1
        else:
            cause, depth = Cause(f"c{i}", rnd.choice(cats).id, None, text), 1
        d.add_cause(cause)
        if depth < max_depth:
            open_parents.append((cause, depth))
    return d


def time_it(diagram: Diagram, make_measurer: Callable[[], TextMeasurer], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        measurer = make_measurer()
        start = time.perf_counter()
        layout_diagram(diagram, measurer)
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(name: str, make_measurer: Callable[[], TextMeasurer]) -> None:
    print(f"\n{name}")
    print(f"{'causes':>8} {'median ms':>10} {'best ms':>9} {'worst ms':>9}")
    for n in SIZES:
        diagram = generated(n)
        runs = 20 if n <= 500 else 10
        times = time_it(diagram, make_measurer, runs)
        print(f"{n:>8} {statistics.median(times):>10.1f} {min(times):>9.1f} {max(times):>9.1f}")


def main() -> None:
    report("monospace measurer", MonospaceMeasurer)
    if "--qt" in sys.argv:
        from ui.painting.render import ensure_gui_app
        from ui.painting.style import LIGHT, QtTextMeasurer

        ensure_gui_app()
        report("Qt measurer (cold cache each run)", lambda: QtTextMeasurer(LIGHT))


if __name__ == "__main__":
    main()
