"""Issue 8's "Done when", acted out by the facilitator on Happy Burgers with four people: each
person dot-votes by keyboard, scores blind, the facilitator reveals, reads the contested cells
and the median's verdict, finds the driver on the relations tab, turns projector mode on and
exports the report as Markdown and PDF, which carry all of it.

Set ``ROOM_SCREENSHOTS`` to a folder to keep the projector-mode screenshots (1280x720)."""

from __future__ import annotations

import copy
import os
import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sample_cases import read_sample
from sixstep.caseio import loads_case
from sixstep.disagreement import contested_cells
from ui.scoring.matrix import CONTESTED_ROLE, FIRST_CRITERION

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
DIGITS = {n: getattr(Qt.Key, f"Key_{n}") for n in range(10)}


def _room_before_the_workshop():
    """Happy Burgers as it stands before the room votes and scores the disputed cells: no
    dots yet, blind scoring on, and the four people's scores of the contested cells to come."""
    case = loads_case(read_sample("happy_burgers"))
    dots = copy.deepcopy(case.dots)
    disputed = {(c.alternative, c.criterion) for c in contested_cells(case)}
    to_type = [s for s in case.scores if (s.alternative, s.criterion) in disputed]
    case.scores = [s for s in case.scores if (s.alternative, s.criterion) not in disputed]
    case.dots = []
    for cause in case.fishbone.causes:
        cause.votes = 0
    case.blind.on, case.blind.revealed = True, False
    return case, dots, to_type


def _shoot(window, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("ROOM_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    path = folder / f"{name}.png"
    assert window.grab().save(str(path))
    return path


def _type_score(qtbot, page, index, value) -> None:
    page.matrix.setFocus()
    page.matrix.setCurrentIndex(index)
    qtbot.keyClicks(page.matrix, str(value).removesuffix(".0"))
    editor = QApplication.focusWidget()
    if editor is None or editor is page.matrix:
        editor = page.matrix.indexWidget(index)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_a_happy_burgers_workshop_of_four_from_dots_to_report(make_window, qtbot, tmp_path):
    window = make_window(size=(1280, 720), blank=True)
    case, dots, to_type = _room_before_the_workshop()
    window.doc.replace(case, None)
    case = window.doc.case
    people = [p.id for p in case.participants]
    assert len(people) == 4

    # -- step 2: each participant places their dots by keyboard on the canvas -------------
    window.show_step(2)
    research = window.workspace.page(2)
    view = research.fishbone.view
    for number, pid in enumerate(people, start=1):
        view.setFocus()
        qtbot.keyClick(view, DIGITS[number], ALT)  # Alt+1..4: who votes now
        assert research.picker.combo.currentText().startswith(case.participants[number - 1].name)
        for dot in (d for d in dots if d.participant == pid):
            view.select(("cause", dot.cause))
            for _ in range(dot.count):
                qtbot.keyClick(view, Qt.Key.Key_Equal, ALT)
        assert "0 of 9 left" in research.picker.combo.currentText()
    assert sorted((d.cause, d.participant, d.count) for d in case.dots) == sorted(
        (d.cause, d.participant, d.count) for d in dots)
    assert case.fishbone.cause("c7").votes == 6 and case.fishbone.cause("c12").votes == 5
    research.tabs.setCurrentWidget(research.dots)
    assert research.dots.table.model().rowCount() > 0

    # -- step 5: each person scores the disputed cells blind, then the reveal ---------------
    window.show_step(5)
    page = window.workspace.page(5)
    for pid in people:
        page.participant_combo.setCurrentIndex(page.participant_combo.findData(pid))
        for score in (s for s in to_type if s.participant == pid):
            index = page.model.index_of(score.alternative, score.criterion)
            done = int(index.data()[0])
            _type_score(qtbot, page, index, score.value)
            qtbot.waitUntil(lambda i=index, n=done: i.data() == f"{n + 1}/4")
            assert index.data(CONTESTED_ROLE) is None  # nothing gives the scores away
    assert all(page.model.index_of(s.alternative, s.criterion).data() == "4/4"
               for s in to_type)
    page.matrix.setFocus()
    qtbot.keyClick(page.matrix, Qt.Key.Key_R, CTRL)  # the facilitator reveals them all
    assert case.blind.on and not case.blind.hides
    model = page.model
    flagged = {(a.id, k.id) for row, a in enumerate(model.rows)
               for offset, k in enumerate(model.columns)
               if model.index(row, FIRST_CRITERION + offset).data(CONTESTED_ROLE) is not None}
    assert flagged == {("a1", "k3"), ("a2", "k5"), ("a4", "k4")}
    assert model.index_of("a1", "k3").data() == "8"  # Lindiwe 5, the others 9: the mean
    page.aggregate_combo.setFocus()
    qtbot.keyClick(page.aggregate_combo, Qt.Key.Key_Down)  # median
    note = page.room.note_label.text()
    assert note == ("With the median, \u201cRead the order back before sending it\u201d leads "
                    "instead of \u201cLet the cashier edit a sent order without a code\u201d.")
    qtbot.keyClick(page.aggregate_combo, Qt.Key.Key_Up)  # back to the mean for the report

    # -- projector mode: the screens the back of the room reads ---------------------------
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL | SHIFT)
    assert window.projector_mode
    page.participant_combo.setCurrentIndex(0)  # the group's values, one line a cell
    page.matrix.setCurrentIndex(model.index(0, 0))
    shots = [_shoot(window, "step5_revealed_matrix", tmp_path)]
    window.show_step(2)
    research.tabs.setCurrentWidget(research.dots)
    chart = research.dots.chart
    qtbot.waitUntil(lambda: chart.pixmap() is not None and not chart.pixmap().isNull())
    table = research.dots.table
    for row in range(table.rowCount()):  # no row cut short at projector size
        assert table.rowHeight(row) >= table.fontMetrics().height()
    shots.append(_shoot(window, "step2_dots", tmp_path))
    research.tabs.setCurrentWidget(research.relations)
    qtbot.waitUntil(lambda: "Driver" in research.relations.summary_label.text())
    summary = research.relations.summary_label.text()
    assert "Driver (root-cause candidate, 3 out): Till cannot amend a sent order." in summary
    shots.append(_shoot(window, "step2_relations", tmp_path))
    assert all(p.stat().st_size > 10_000 for p in shots)

    # -- the report, as Markdown and as PDF -------------------------------------------------
    window.reports.ask_path = lambda suggested: (tmp_path / "room.md", "md")
    window.report_action.trigger()
    md = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", (tmp_path / "room.md").read_text("utf-8"))
    assert "Dot vote" in md and "| Till cannot amend a sent order | 6 |" in md.replace(
        "  ", " ")
    assert "Lindiwe 5, Jonas 9, Sipho 9, Anele 9" in md and "3 cells contested" in md
    assert "The median changes the leader" in md
    assert "Driver" in md and "Till cannot amend a sent order" in md
    assert "Parking lot" in md and "Night security at the store" in md
    window.reports.ask_path = lambda suggested: (tmp_path / "room", "pdf")
    window.report_action.trigger()
    assert (tmp_path / "room.pdf").read_bytes().startswith(b"%PDF-")
