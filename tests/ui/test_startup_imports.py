"""What start-up loads: the start screen shows without the heavy features, and a case opened at
step 2 loads the fishbone but none of the other steps' pages, the exports or the room."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_cases" / "happy_burgers.case.json"

START_SCREEN = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.app.main_window import MainWindow
from ui.common.settings import AppSettings
w = MainWindow(AppSettings.in_memory()); w.resize(1280, 800); w.show(); app.processEvents()
assert w.on_start_screen() and w.start_screen.isVisible()
"""
AT_STEP_2 = START_SCREEN + """
from pathlib import Path
w.files.interactive = False
w.files.locking = False
assert w.files.open_path(Path(sys.argv[1]), ask=False, step=2)
app.processEvents()
assert w.current_step() == 2 and w.workspace.frame(2).page.isVisible()
assert sorted(w.workspace.frames) == [2]  # opened straight at step 2: no other page built
"""
REPORT = "\nprint(json.dumps(sorted(sys.modules)))\n"

# Never at start-up: plotting, graphs, exports and reports, the room and its server, the
# journal's codec, the text formats, scoring, every step page with its canvas, and the step
# workspace itself (made with the first case shown).
NOT_AT_START = (
    "ui.steps.workspace", "ui.steps.navigator", "ui.steps.frame", "ui.widgets.step_page",
    "matplotlib", "networkx", "ui.export", "sixstep.report", "ui.room.bridge",
    "ui.room.inbox", "ui.room.window", "sixstep.room", "sixstep.journal",
    "sixstep.interchange", "sixstep.scoring", "ui.scoring", "ui.steps.define",
    "ui.steps.research", "ui.criteria.page", "ui.alternatives.page", "ui.steps.select",
    "ui.fishbone_editor", "ui.relations", "ui.dots", "ui.facilitation.parking_lot",
    "ui.facilitation.workshop",
)
# At step 2 the fishbone is loaded, still none of the rest: not step 1's page (the case opens
# straight at step 2), not even the step's own dot vote and relations tabs until they are
# opened, nor the text formats until a copy or a paste.
NOT_AT_STEP_2 = (
    "ui.steps.define", "matplotlib", "networkx", "ui.export", "sixstep.report", "ui.room.bridge",
    "ui.room.inbox", "ui.room.window", "sixstep.room", "sixstep.journal", "sixstep.scoring",
    "ui.scoring", "ui.criteria.page", "ui.alternatives.page", "ui.steps.select",
    "ui.dots.panel", "ui.relations", "sixstep.interchange",
)


def loaded(script: str, *args: str) -> list[str]:
    """The modules a fresh interpreter holds after running ``script``."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", script + REPORT, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def heavy(modules: list[str], prefixes: tuple[str, ...]) -> list[str]:
    return [m for m in modules if any(m == p or m.startswith(p + ".") for p in prefixes)]


def test_the_start_screen_shows_without_the_heavy_features():
    modules = loaded(START_SCREEN)
    assert "ui.app.start_screen" in modules  # the script did build the window
    assert heavy(modules, NOT_AT_START) == []


def test_a_case_at_step_2_loads_the_fishbone_and_nothing_else_heavy():
    modules = loaded(AT_STEP_2, str(SAMPLE))
    assert "ui.fishbone_editor.editor" in modules
    assert "ui.steps.workspace" in modules  # the start screen's list names real modules
    assert heavy(modules, NOT_AT_STEP_2) == []
