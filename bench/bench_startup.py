"""Start-up time of the window against a bare Qt program (run: python bench/bench_startup.py)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7
TARGET_SECONDS = 1.0  # start screen shown, from a cold interpreter
TARGET_RATIO = 3.0  # at most this many times a bare QMainWindow

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 800); w.show(); app.processEvents()
"""
START_SCREEN = """
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.app.main_window import MainWindow
from ui.common.settings import AppSettings
w = MainWindow(AppSettings.in_memory()); w.show(); app.processEvents()
"""
OPEN_CASE = START_SCREEN + """
from pathlib import Path
w.files.interactive = False
w.files.open_path(Path("sample_cases/happy_burgers.case.json"), ask=False)
w.show_step(2); app.processEvents()
"""


def wall_time(code: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    results = {}
    for label, code in (("bare Qt window", BARE), ("start screen", START_SCREEN),
                        ("Happy Burgers at step 2", OPEN_CASE)):
        times = [wall_time(code) for _ in range(RUNS)]
        results[label] = statistics.median(times)
        print(f"{label:26} {results[label] * 1000:7.0f} ms (median of {RUNS})")
    ratio = results["start screen"] / results["bare Qt window"]
    ok = results["start screen"] <= TARGET_SECONDS and ratio <= TARGET_RATIO
    print(f"start screen / bare Qt:    {ratio:7.2f}x  "
          f"({'ok' if ok else 'OVER'}: targets {TARGET_SECONDS:.1f} s and {TARGET_RATIO:.1f}x)")


if __name__ == "__main__":
    main()
