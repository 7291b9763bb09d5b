"""Files the loader accepts cannot hurt the window: mutated samples open and every step shows
without a crash and within two seconds; a cause chain deeper than Python's recursion limit
(built in memory, past the loader's depth limit) still shows in step 4's cause tree."""

from __future__ import annotations

import random
import sys
import time

import pytest
from PySide6.QtWidgets import QApplication

from fishbone.model import Cause
from sample_cases import read_sample, sample_names
from sixstep.caseio import CaseFormatError, loads_case
from sixstep.steps import STEPS
from tests.sixstep.test_hostile_files import _mutate
from ui.app.main_window import MainWindow

LIMIT = 2.0  # seconds for opening a case or showing one step


def _accepted(count: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    samples = [read_sample(name) for name in sample_names()]
    found: list[bytes] = []
    while len(found) < count:
        data = _mutate(rng.choice(samples), rng)
        try:
            loads_case(data)
        except CaseFormatError:
            continue
        found.append(data)
    return found


def _timed(what: str, action) -> None:
    start = time.process_time()
    action()
    QApplication.processEvents()
    seconds = time.process_time() - start
    assert seconds < LIMIT, f"{what} took {seconds:.1f} s"


def _open_and_visit(window: MainWindow, case) -> None:
    def open_case() -> None:
        window.doc.replace(case, None)
        window.files.opened.emit()

    _timed("opening", open_case)
    for number in range(1, len(STEPS) + 1):
        _timed(f"step {number}", lambda n=number: window.show_step(n))


def _run(window: MainWindow, count: int, seed: int) -> None:
    for n, data in enumerate(_accepted(count, seed)):
        try:
            _open_and_visit(window, loads_case(data))
        except AssertionError as exc:
            raise AssertionError(f"mutated file {n} (seed {seed}): {exc}") from exc


def test_ten_mutated_files_open_and_show_every_step_briefly(window):
    _run(window, 10, seed=5)


@pytest.mark.slow
def test_three_hundred_mutated_files_open_and_show_every_step_briefly(window):
    _run(window, 300, seed=6)


def test_a_cause_chain_deeper_than_the_recursion_limit_shows_in_step_four(window):
    case = loads_case(read_sample("happy_burgers"))
    depth = sys.getrecursionlimit() + 500
    category = case.fishbone.categories[0].id
    parent = None
    for n in range(depth):
        case.fishbone.causes.append(Cause(f"deep{n}", category, parent, f"why {n}"))
        parent = f"deep{n}"
    _open_and_visit(window, case)
    tree = window.workspace.page(4).causes_tree
    tree.setVisible(True)
    assert tree.item_for(f"deep{depth - 1}") is not None
