"""The wheel carries every package and data file: sub-packages
such as ui.fishbone_editor.canvas included."""

from __future__ import annotations

import fnmatch
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOP_LEVEL = ("fishbone", "sixstep", "ui", "sample_cases")


def test_every_package_under_our_top_levels_is_found_for_the_wheel():
    tomllib = pytest.importorskip("tomllib")
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    packages = [
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in TOP_LEVEL for init in (ROOT / top).rglob("__init__.py")
    ]
    assert {"ui.fishbone_editor.canvas", "ui.scoring", "ui.widgets"} <= set(packages)
    missed = [p for p in packages if not any(fnmatch.fnmatch(p, pat) for pat in include)]
    assert missed == []


def test_data_files_are_declared():
    tomllib = pytest.importorskip("tomllib")
    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    assert "*.json" in data["package-data"]["sixstep"]
    assert "*.case.json" in data["package-data"]["sample_cases"]
