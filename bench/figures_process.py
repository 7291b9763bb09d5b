"""Figures of whole processes: start-up against a bare PySide6 window, the 30-cause PNG against
the ``ishikawa`` package (matplotlib), and peak memory with a big diagram open."""

from __future__ import annotations

import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from config import Config
from generate import EFFECT, generated_case, peer_case, peer_headings
from harness import Recorder, Spec, Target, with_commas

from sixstep.caseio import save_case

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_cases" / "happy_burgers.case.json"
START_RATIO, SAMPLE_RATIO, PEER_RATIO, MEMORY_MB = 1.5, 2.0, 5.0, 300.0

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
w = MainWindow(AppSettings.in_memory()); w.resize(1280, 800); w.show(); app.processEvents()
"""
AT_STEP_2 = START_SCREEN + """
import sys
from pathlib import Path
w.files.interactive = False
w.files.locking = False  # the bench only reads the sample: no lock beside it
w.files.open_path(Path(sys.argv[1]), ask=False, step=2)  # as `problem-workshop FILE --step 2`
app.processEvents()
"""
MEMORY = AT_STEP_2 + """
for step in (1, 3, 4, 5, 6, 2):
    w.show_step(step); app.processEvents()
w.grab()
try:  # the peak of this program alone: ru_maxrss may keep the parent's peak across exec
    status = open("/proc/self/status", encoding="ascii").read()
    print(next(int(line.split()[1]) for line in status.splitlines()
               if line.startswith("VmHWM:")))
except OSError:
    import resource
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
PEER = """
import json, sys
import matplotlib
matplotlib.use("Agg")
from ishikawa.diagram import Ishikawa
spec = json.load(open(sys.argv[1], encoding="utf-8"))
fish = Ishikawa(spec["headings"], target=spec["effect"])
fish.draw()
fish.plot_and_save(output_folder=sys.argv[2], filename="peer", extension="png", quality_dpi=150)
"""


def labels(cfg: Config) -> dict[str, str]:
    return {
        "bare": "start-up: bare PySide6 window (process)",
        "start": "start-up: start screen (process)",
        "sample": "start-up: Happy Burgers at step 2 (process)",
        "start_ratio": "start-up: start screen / bare Qt",
        "sample_ratio": "start-up: sample at step 2 / bare Qt",
        "peer": "30-cause PNG 150 dpi: ishikawa peer, matplotlib (process)",
        "ours": "30-cause PNG 150 dpi: our command line (process)",
        "peer_ratio": "30-cause PNG: peer time / our time",
        "memory": f"peak memory, window at step 2, {with_commas(cfg.memory_size)} causes",
    }


def specs(cfg: Config) -> list[Spec]:
    names = labels(cfg)
    return [Spec(names["bare"]), Spec(names["start"]), Spec(names["sample"]),
            Spec(names["start_ratio"], "x", Target(START_RATIO, "x")),
            Spec(names["sample_ratio"], "x", Target(SAMPLE_RATIO, "x")),
            Spec(names["peer"]), Spec(names["ours"]),
            Spec(names["peer_ratio"], "x", Target(PEER_RATIO, "x", higher=True)),
            Spec(names["memory"], "MB", Target(MEMORY_MB, "MB"))]


def _env() -> dict[str, str]:
    """The children's environment: offscreen, and with bytecode caches written and read as a
    user's installed app would (a session that sets PYTHONDONTWRITEBYTECODE would otherwise
    make every run compile every module from source)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "QT_QPA_PLATFORM": "offscreen", "MPLBACKEND": "Agg",
            "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH"))
                                          if p)}


def wall_ms(args: list[str]) -> float:
    """The whole process, from exec to exit, in milliseconds."""
    start = time.perf_counter()
    done = subprocess.run(args, cwd=ROOT, env=_env(), capture_output=True, text=True,
                          timeout=600)
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise RuntimeError(f"exit {done.returncode}: {last}")
    return elapsed


def run(cfg: Config, rec: Recorder, folder: Path) -> None:
    names = labels(cfg)
    rec.safely([names[k] for k in ("bare", "start", "sample", "start_ratio", "sample_ratio")],
               lambda: startup(cfg, rec))
    rec.safely([names[k] for k in ("peer", "ours", "peer_ratio")], lambda: peer(cfg, rec, folder))
    rec.safely(names["memory"], lambda: memory(cfg, rec, folder))


def startup(cfg: Config, rec: Recorder) -> None:
    """Interleaved runs, so that a busy moment falls on all three alike."""
    names = labels(cfg)
    py = sys.executable
    times: dict[str, list[float]] = {"bare": [], "start": [], "sample": []}
    # warm the file cache and write the bytecode caches: no run pays for the first read
    wall_ms([py, "-c", BARE])
    wall_ms([py, "-c", AT_STEP_2, str(SAMPLE)])
    for _ in range(cfg.process_runs):
        times["bare"].append(wall_ms([py, "-c", BARE]))
        times["start"].append(wall_ms([py, "-c", START_SCREEN]))
        times["sample"].append(wall_ms([py, "-c", AT_STEP_2, str(SAMPLE)]))
    for key in ("bare", "start", "sample"):
        rec.record(names[key], times[key])
    bare = statistics.median(times["bare"])
    for key, ratio in (("start", "start_ratio"), ("sample", "sample_ratio")):
        per_round = [t / b for t, b in zip(times[key], times["bare"], strict=True)]
        rec.record(names[ratio], per_round, median=statistics.median(times[key]) / bare,
                   note="ratio of medians; spread: per round")


def peer(cfg: Config, rec: Recorder, folder: Path) -> None:
    names = labels(cfg)
    spec = folder / "peer.json"
    spec.write_text(json.dumps({"headings": peer_headings(), "effect": EFFECT}), "utf-8")
    case = folder / "thirty.case.json"
    save_case(peer_case(), case)
    py = sys.executable
    ours = [py, "-m", "ui", "export", str(case), "--format", "png", "-o",
            str(folder / "ours.png"), "--dpi", "150"]
    have_peer = _installed("ishikawa.diagram")
    times: dict[str, list[float]] = {"peer": [], "ours": []}
    wall_ms(ours)  # warm the file caches (and matplotlib's font cache) first
    if have_peer:
        wall_ms([py, "-c", PEER, str(spec), str(folder)])
    for _ in range(cfg.process_runs):
        if have_peer:
            times["peer"].append(wall_ms([py, "-c", PEER, str(spec), str(folder)]))
        times["ours"].append(wall_ms(ours))
    if not have_peer:
        why = "the peer is not installed (pip install -e '.[bench]')"
        rec.not_measured(names["peer"], why)
        rec.record(names["ours"], times["ours"])
        rec.not_measured(names["peer_ratio"], why)
        return
    rec.record(names["peer"], times["peer"])
    rec.record(names["ours"], times["ours"])
    per_round = [p / o for p, o in zip(times["peer"], times["ours"], strict=True)]
    rec.record(names["peer_ratio"], per_round,
               median=statistics.median(times["peer"]) / statistics.median(times["ours"]),
               note="ratio of medians; spread: per round")


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ImportError:  # its parent package is missing
        return False


def memory(cfg: Config, rec: Recorder, folder: Path) -> None:
    names = labels(cfg)
    path = folder / f"memory_{cfg.memory_size}.case.json"
    save_case(generated_case(cfg.memory_size), path)
    done = subprocess.run([sys.executable, "-c", MEMORY, str(path)], cwd=ROOT, env=_env(),
                          capture_output=True, text=True, timeout=900, check=True)
    kib = int(done.stdout.strip().splitlines()[-1])
    rec.record(names["memory"], [kib / 1024], note="peak resident size (VmHWM) of the whole "
               "process, every step page built")
