"""The benchmark's generated diagrams (bench/generate.py), for tests of big exports."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from fishbone.model import Diagram

_PATH = Path(__file__).resolve().parents[2] / "bench" / "generate.py"


def generated_diagram(n_causes: int) -> Diagram:
    """The benchmark's diagram of ``n_causes`` causes (six headings, up to four deep)."""
    spec = importlib.util.spec_from_file_location("bench_generate", _PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generated_diagram(n_causes)
