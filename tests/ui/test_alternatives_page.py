"""Step 4 as a facilitator uses it: a brainstorm by keyboard, a countdown, and cause links."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from sixstep.case import Case
from sixstep.caseio import load_case
from ui.alternatives.countdown import CountdownWidget, format_seconds
from ui.alternatives.page import AlternativesPage
from ui.document.document import CaseDocument

SAMPLE = Path(__file__).resolve().parents[2] / "sample_cases" / "happy_burgers.case.json"


@pytest.fixture
def page(qtbot):
    widget = AlternativesPage(CaseDocument(load_case(SAMPLE)))
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def _shown(page: AlternativesPage) -> list[str]:
    return [page.list_widget.item(i).text() for i in range(page.list_widget.count())]


def test_brainstorm_by_keyboard_then_undo_to_blank(qtbot):
    doc = CaseDocument(Case())
    page = AlternativesPage(doc)
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.brainstorm_button, Qt.MouseButton.LeftButton)
    assert page.brainstorming and page.countdown.isVisible()
    assert not page.remove_button.isVisible() and not page.links_panel.isVisible()
    for idea in ("Read the order back", "Menu board lit", "Second person"):
        qtbot.keyClicks(page.entry, idea)
        qtbot.keyClick(page.entry, Qt.Key.Key_Return)
        assert page.entry.text() == ""
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)  # an empty line adds nothing
    assert [a.name for a in doc.case.alternatives] == ["Read the order back", "Menu board lit",
                                                      "Second person"]
    assert [a.id for a in doc.case.alternatives] == ["a1", "a2", "a3"]
    assert _shown(page)[-1] == "Second person"
    assert page.count_label.text() == "3 ideas"
    page.remove_current()  # no deleting while ideas flow
    assert len(doc.case.alternatives) == 3
    qtbot.mouseClick(page.brainstorm_button, Qt.MouseButton.LeftButton)
    assert not page.brainstorming and page.remove_button.isVisible()
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert doc.case.alternatives == [] and page.list_widget.count() == 0


def test_status_is_shown_in_words_outside_brainstorm(page):
    shown = _shown(page)
    assert shown[2].endswith("(eliminated)")
    assert shown[5].endswith("(merged into Night training on changes and upset customers)")
    page.set_brainstorm_mode(True)
    assert _shown(page)[2] == "Roster a second person on every night shift"


def test_link_causes_by_ticking_them(page):
    page.select_row(6)  # Keep the whole menu board lit all night: c4, c5, c6
    tree = page.causes_tree
    item = tree.item_for("c3")
    assert item.checkState(0) == Qt.CheckState.Unchecked
    assert tree.item_for("c4").checkState(0) == Qt.CheckState.Checked
    assert "(confirmed)" in tree.item_for("c4").text(0)
    item.setCheckState(0, Qt.CheckState.Checked)
    alternative = page.doc.case.alternative("a7")
    assert alternative.addresses == ["c4", "c5", "c6", "c3"]
    tree.item_for("c5").setCheckState(0, Qt.CheckState.Unchecked)
    assert alternative.addresses == ["c4", "c6", "c3"]
    assert tree.item_for("c3").checkState(0) == Qt.CheckState.Checked  # still shown after refresh
    page.doc.undo_stack.undo()
    page.doc.undo_stack.undo()
    assert alternative.addresses == ["c4", "c5", "c6"]
    assert tree.item_for("c3").checkState(0) == Qt.CheckState.Unchecked
    headings = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert headings == ["Equipment", "Systems", "Processes", "People", "Environment"]


def test_rename_reorder_and_remove(page, qtbot):
    doc = page.doc
    page.list_widget.item(0).setText("Read every order back")
    assert doc.case.alternatives[0].name == "Read every order back"
    page.list_widget.setFocus()
    page.select_row(0)
    qtbot.keyClick(page.list_widget, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert doc.case.alternatives[1].name == "Read every order back"
    assert page.list_widget.currentRow() == 1
    scores = len(doc.case.scores)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert "Read every order back" not in [a.name for a in doc.case.alternatives]
    assert len(doc.case.scores) < scores
    for _ in range(3):
        doc.undo_stack.undo()
    assert doc.case.alternatives[0].name == "Read the order back before sending it"
    assert len(doc.case.scores) == scores


def test_countdown_counts_down_and_says_when_time_is_up(qtbot):
    now = [100.0]
    countdown = CountdownWidget(clock=lambda: now[0])
    qtbot.addWidget(countdown)
    countdown.minutes_spin.setValue(2)
    assert countdown.digits_label.text() == "2:00"
    qtbot.mouseClick(countdown.start_button, Qt.MouseButton.LeftButton)
    assert countdown.running and countdown.start_button.text() == "Pause"
    now[0] += 30.2
    countdown.tick()
    assert countdown.digits_label.text() == "1:30"
    countdown.toggle()  # pause: time stands still
    now[0] += 500
    countdown.tick()
    assert countdown.digits_label.text() == "1:30"
    countdown.toggle()
    now[0] += 90
    with qtbot.waitSignal(countdown.finished, timeout=1000):
        countdown.tick()
    assert countdown.digits_label.text() == "Time is up" and not countdown.running
    qtbot.mouseClick(countdown.reset_button, Qt.MouseButton.LeftButton)
    assert countdown.digits_label.text() == "2:00"


def test_time_left_rounds_up_to_whole_seconds():
    assert format_seconds(61) == "1:01" and format_seconds(0.4) == "0:01"


def test_digits_scale_with_the_font(qtbot):
    countdown = CountdownWidget()
    qtbot.addWidget(countdown)
    font = countdown.font()
    font.setPointSizeF(20)
    countdown.setFont(font)
    assert countdown.digits_label.font().pointSizeF() >= 60


def test_projector_mode_keeps_the_editing_buttons(page):
    page.set_projector_mode(True)
    assert page.chrome.isVisible() and page.entry.isVisible()
    page.set_projector_mode(False)
    assert page.chrome.isVisible()
