"""Figures of the step pages on the 40 x 8 x 12 case: a score, a criterion, an idea, and the
recovery snapshot that follows an edit, as time spent on the interface thread."""

from __future__ import annotations

import itertools
import time

from config import Config
from harness import Recorder, Spec, Target, with_commas
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from window import ChangeCounter, settle

FRAME_MS = 16.0
SNAPSHOT_MS = 2.0
K = Qt.Key


def labels(cfg: Config) -> dict[str, str]:
    tag = cfg.case_tag
    return {
        "score": f"step 5: a score (digit, Enter), {tag}",
        "criterion": f"step 3: a criterion's weight (Enter), {tag}",
        "idea": f"step 4: an idea (Enter), {tag}",
        "question": f"step 1: a keystroke in the question, {tag}",
        "rationale": f"step 6: a keystroke in the rationale, {tag}",
        "snapshot": f"recovery snapshot (UI thread), {with_commas(cfg.edit_size)} causes, {tag}",
    }


def specs(cfg: Config) -> list[Spec]:
    names = labels(cfg)
    return [Spec(names[k], "ms", Target(FRAME_MS)) for k in ("score", "criterion", "idea",
                                                                   "question", "rationale")] + [
        Spec(names["snapshot"], "ms", Target(SNAPSHOT_MS))]


def _focused() -> object:
    return QApplication.focusWidget()


def run(cfg: Config, rec: Recorder, window) -> None:  # noqa: ANN001
    names, repeat = labels(cfg), cfg.repeat
    doc = window.doc
    counter = ChangeCounter(doc)

    window.show_step(5)
    settle()
    page = window.workspace.page(5)
    matrix, model = page.matrix, page.model
    digits = itertools.cycle("3456789")
    editable = [(row, col) for row in range(min(8, model.rowCount()))
                for col in range(model.columnCount())
                if model.flags(model.index(row, col)) & Qt.ItemFlag.ItemIsEditable]
    cells = itertools.cycle(editable[:24])
    digit = ["5"]

    def to_cell() -> None:
        index = model.index(*next(cells))
        shown = str(model.data(index) or "")
        digit[0] = next(d for d in digits if d != shown)
        matrix.setCurrentIndex(index)
        matrix.setFocus()

    def score_cell() -> None:
        QTest.keyClicks(matrix, digit[0])
        QTest.keyClick(_focused(), K.Key_Return)

    rec.safely(names["score"], lambda: rec.measure(
        names["score"], counter.checked(score_cell, "a digit and Enter in the matrix"), repeat,
        setup=to_cell))

    window.show_step(3)
    settle()
    criteria = window.workspace.page(3)
    weight_column = _column(criteria.model, "Weight")
    weights = itertools.cycle(["3", "7", "4", "9"])

    def edit_weight() -> None:
        index = criteria.model.index(1, weight_column)
        criteria.table.setCurrentIndex(index)
        criteria.table.edit(index)
        settle()
        _focused().setText(next(weights))

    rec.safely(names["criterion"], lambda: rec.measure(
        names["criterion"],
        counter.checked(lambda: QTest.keyClick(_focused(), K.Key_Return), "a weight and Enter"),
        repeat, setup=edit_weight))

    window.show_step(4)
    settle()
    ideas = window.workspace.page(4)

    def type_idea() -> None:
        ideas.entry.setFocus()
        ideas.entry.setText("Give the night manager a tablet for the orders")

    add_idea = counter.checked(lambda: QTest.keyClick(ideas.entry, K.Key_Return), "an idea")
    rec.safely(names["idea"], lambda: rec.measure(names["idea"], add_idea, repeat,
                                                  setup=type_idea))

    for step, field, name in ((1, "question_field", "question"),
                              (6, "rationale_field", "rationale")):
        window.show_step(step)
        settle()
        widget = getattr(window.workspace.page(step), field)
        widget.setFocus()
        rec.safely(names[name], lambda widget=widget, name=name: rec.measure(
            names[name], counter.checked(lambda: QTest.keyClick(widget, K.Key_A),
                                         f"a key in the {name}"), repeat))

    window.show_step(4)
    settle()

    # The timed autosave after an edit, as the interface thread lives it: the edit is made
    # with recovery on (so the journal hears of it), then the debounce timer's work is timed.
    # The writer's part (the copy's own process brings its copy up to date, encodes and writes
    # it) runs after, untimed here, and is waited for before the next edit so rounds do not
    # overlap; the note gives its time.
    writer_ms: list[float] = []

    def edit_then_snapshot_due() -> None:
        window.files.interactive = True  # the autosaver keeps no copy for a quiet window
        type_idea()
        add_idea()

    def snapshot() -> None:
        window.recovery.autosave()

    def written() -> None:
        start = time.perf_counter()
        window.recovery.wait()
        writer_ms.append((time.perf_counter() - start) * 1000)
        window.files.interactive = False

    def writer_note() -> str:
        steady = sorted(writer_ms)
        middle = steady[len(steady) // 2] if steady else 0.0
        return (f"the autosave after an edit (RecoveryActions.autosave); the writer then "
                f"needs {middle:.1f} ms more, off the interface thread")

    def measure_snapshots() -> None:
        edit_then_snapshot_due()  # once per session the copy's process starts and reads the
        snapshot()  # case: that first snapshot is left out (this thread's part is the same)
        written()
        writer_ms.clear()
        rec.measure(names["snapshot"], snapshot, repeat, setup=edit_then_snapshot_due,
                    teardown=written, note=writer_note)

    rec.safely(names["snapshot"], measure_snapshots)
    doc.undo_stack.setClean()


def _column(model, title: str) -> int:  # noqa: ANN001
    for column in range(model.columnCount()):
        if model.headerData(column, Qt.Orientation.Horizontal) == title:
            return column
    raise LookupError(f"no column {title!r}")
