"""The capture line: "Heading: cause" + Enter adds a cause, keeps the focus, asks about new
headings; twenty causes by keyboard alone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fishbone.model import Category, Diagram
from sixstep.case import Case
from ui.document.document import CaseDocument
from ui.fishbone_editor.capture_line import (
    ADD_HEADING,
    CANCEL,
    UNDER_CURRENT,
    CaptureLine,
    match_heading,
    split_entry,
)


def make_line(qtbot, answer: str = CANCEL) -> tuple[CaptureLine, list[tuple[str, str]]]:
    d = Diagram("Customer leaves", [Category("people", "People"), Category("systems", "Systems"),
                                    Category("processes", "Processes")])
    asked: list[tuple[str, str]] = []

    def ask(parent, name, current):
        asked.append((name, current))
        return answer

    line = CaptureLine(CaseDocument(Case(fishbone=d)), ask=ask)
    qtbot.addWidget(line)
    line.show()
    line.activateWindow()
    qtbot.waitUntil(line.isActiveWindow)
    line.setFocus()
    return line, asked


def enter(qtbot, line: CaptureLine, text: str) -> None:
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_split_entry():
    assert split_entry("People: no handover at shift change") == (
        "People", "no handover at shift change")
    assert split_entry("  people :  two   spaces ") == ("people", "two spaces")
    assert split_entry("no heading here") == (None, "no heading here")
    assert split_entry(": nothing before") == (None, ": nothing before")
    long_head = "This is a sentence that happens to contain a colon somewhere: see"
    assert split_entry(long_head)[0] is None


def test_heading_by_name_id_or_unique_start(qtbot):
    line, _ = make_line(qtbot)
    d = line.doc.diagram
    assert match_heading(d, "PEOPLE").id == "people"
    assert match_heading(d, "proc").id == "processes"
    assert match_heading(d, "pe") is None  # too short to guess from
    assert match_heading(d, "Money") is None


def test_enter_adds_under_the_named_heading_and_keeps_focus(qtbot):
    line, asked = make_line(qtbot)
    d = line.doc.diagram
    added = []
    line.cause_added.connect(added.append)
    enter(qtbot, line, "People: no handover at shift change")
    assert [(c.category, c.parent, c.text) for c in d.causes] == [
        ("people", None, "no handover at shift change")]
    assert line.text() == "" and line.hasFocus()
    assert added == [d.causes[0].id] and not asked
    enter(qtbot, line, "follow-up without a heading")
    assert d.causes[1].category == "people"  # the heading last used
    assert line.doc.undo_stack.count() == 2


def test_unknown_heading_added_when_the_user_agrees(qtbot):
    line, asked = make_line(qtbot, ADD_HEADING)
    d = line.doc.diagram
    enter(qtbot, line, "Money: budget cut in March")
    assert asked == [("Money", "People")]
    assert d.categories[-1].name == "Money"
    assert d.causes[-1].category == d.categories[-1].id
    assert line.doc.undo_stack.count() == 1  # heading and cause: one step
    line.doc.undo_stack.undo()
    assert [c.name for c in d.categories] == ["People", "Systems", "Processes"]
    assert d.causes == []


def test_unknown_heading_refused_keeps_the_text(qtbot):
    line, asked = make_line(qtbot, CANCEL)
    enter(qtbot, line, "Money: budget cut")
    assert line.doc.diagram.causes == [] and line.text() == "Money: budget cut"
    assert asked


def test_unknown_heading_kept_as_one_cause(qtbot):
    line, _ = make_line(qtbot, UNDER_CURRENT)
    enter(qtbot, line, "Time: 5 minutes at the till")
    cause = line.doc.diagram.causes[0]
    assert (cause.category, cause.text) == ("people", "Time: 5 minutes at the till")


def test_the_selected_heading_is_used_without_a_colon(qtbot):
    line, _ = make_line(qtbot)
    line.current_heading = lambda: "systems"
    enter(qtbot, line, "Till freezes")
    assert line.doc.diagram.causes[0].category == "systems"


def test_twenty_causes_by_keyboard_alone(qtbot):
    line, asked = make_line(qtbot)
    headings = ["People", "Systems", "proc", "systems"]
    for n in range(20):
        enter(qtbot, line, f"{headings[n % 4]}: cause {n + 1} <b>not bold</b>")
    d = line.doc.diagram
    assert len(d.causes) == 20 and not asked
    assert [c.text for c in d.children("processes")] == [
        f"cause {n + 1} <b>not bold</b>" for n in range(2, 20, 4)]
    assert line.doc.undo_stack.count() == 20
    assert line.hasFocus()


def test_empty_or_blank_lines_add_nothing(qtbot):
    line, _ = make_line(qtbot)
    enter(qtbot, line, "   ")
    enter(qtbot, line, "People:   ")
    assert line.doc.diagram.causes == []


def test_the_real_question_box(qtbot, monkeypatch):
    from ui.fishbone_editor import capture_line

    seen = {}

    def fake_exec(box):
        seen["text"] = box.text()
        seen["format"] = box.textFormat()
        box_buttons = box.buttons()
        box.setProperty("clicked", 0)
        monkeypatch.setattr(QMessageBox, "clickedButton", lambda self: box_buttons[0])
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    line, _ = make_line(qtbot)
    line.ask = capture_line.ask_unknown_heading
    enter(qtbot, line, "<i>Money</i>: budget")
    assert seen["text"] == 'There is no heading called "<i>Money</i>".'
    assert seen["format"] == Qt.TextFormat.PlainText
    assert line.doc.diagram.categories[-1].name == "<i>Money</i>"
