"""The benchmark smoke: ``bench/run.py --quick --json`` runs and writes every planned figure."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "bench" / "run.py"
# What the issue asks the harness to measure: each must name at least one figure.
KINDS = ("layout (monospace", "layout growth exponent", "open a case at step 2",
         "add a sibling", "capture line", "rename in the panel", "status", "move", "delete",
         "undo", "redo", "collapse all", "expand all", "repaint", "step 5: a score",
         "step 3: a criterion", "step 4: an idea", "recovery snapshot", "PNG 150 dpi",
         "PNG 300 dpi", "export PDF", "export SVG", "poster PDF", "report PDF",
         "report Markdown", "save the case", "load the case", "scoring with stability",
         "peak memory", "bare PySide6", "start screen / bare Qt", "sample at step 2 / bare Qt",
         "ishikawa peer", "our command line", "peer time / our time")
# Figures that may honestly not run: a feature not built yet, the peer not installed.
MAY_BE_MISSING = ("poster PDF", "ishikawa peer", "peer time / our time")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MPLBACKEND": "Agg"}
    return subprocess.run([sys.executable, str(RUN), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)


def test_quick_run_writes_every_figure_with_a_verdict(tmp_path: Path) -> None:
    listed = _run("--quick", "--list")
    assert listed.returncode == 0, listed.stderr
    planned = listed.stdout.splitlines()
    for kind in KINDS:
        assert any(kind in label for label in planned), kind

    out = tmp_path / "bench.json"
    done = _run("--quick", "--json", str(out))
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    data = json.loads(out.read_text("utf-8"))
    figures = {f["label"]: f for f in data["figures"]}
    assert list(figures) == planned
    for label, figure in figures.items():
        assert label in done.stdout
        if figure["verdict"] == "not measured":
            assert any(kind in label for kind in MAY_BE_MISSING), (label, figure["note"])
        elif figure["median"] is None:  # refused (an export over the pixel limit)
            assert figure["verdict"] == "MISSED" and figure["note"], label
        else:
            assert figure["median"] > 0 and figure["runs"] >= 1, label
            assert figure["verdict"] in ("MET", "MISSED", ""), label
            assert (figure["verdict"] == "") == (figure["target"] == ""), label
