"""The domain packages never load Qt: importing them in a fresh interpreter pulls no PySide6."""

import subprocess
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "sample_cases" / "happy_burgers.case.json"


def test_domain_packages_import_without_qt():
    code = (
        "import sys, fishbone.model, fishbone.geometry, sixstep.case, sixstep.steps;"
        "import importlib, pkgutil, fishbone, sixstep;"
        "[importlib.import_module(m.name) for p in (fishbone, sixstep)"
        " for m in pkgutil.iter_modules(p.__path__, p.__name__ + '.')];"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui')));"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_command_line_module_starts_without_qt_or_matplotlib():
    code = (
        "import sys, ui.app.cli;"
        "print(','.join(sorted(m for m in sys.modules"
        " if m.startswith(('PySide6', 'matplotlib')))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_opening_a_case_does_not_import_networkx():
    """networkx takes longer to import than Qt itself: only the graph queries load it."""
    code = (
        "import sys; from sixstep.caseio import load_case;"
        f"load_case({str(SAMPLE)!r});"
        "print('networkx' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
