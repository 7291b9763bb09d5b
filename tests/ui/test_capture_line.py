"""The capture line: "Heading: cause" + Enter adds a cause, keeps the focus, never asks (an
unknown heading is kept as text, a new one made on request); twenty causes by keyboard alone."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fishbone.model import Category, Diagram
from sixstep.case import Case
from ui.document.document import CaseDocument
from ui.fishbone_editor.capture_line import (
    CaptureLine,
    match_heading,
    matching_headings,
    split_entry,
)


def make_line(qtbot) -> tuple[CaptureLine, list[str]]:
    """The line and the ids of the causes it added, in order."""
    d = Diagram("Customer leaves", [Category("people", "People"), Category("systems", "Systems"),
                                    Category("processes", "Processes")])
    line = CaptureLine(CaseDocument(Case(fishbone=d)))
    added: list[str] = []
    line.cause_added.connect(added.append)
    qtbot.addWidget(line)
    line.show()
    line.activateWindow()
    qtbot.waitUntil(line.isActiveWindow)
    line.setFocus()
    return line, added


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
    assert match_heading(d, "pe").id == "people"  # the only one starting so
    assert match_heading(d, "p") is None  # People or Processes
    assert [c.id for c in matching_headings(d, "p")] == ["people", "processes"]
    assert match_heading(d, "Money") is None and matching_headings(d, "Money") == []


def test_enter_adds_under_the_named_heading_and_keeps_focus(qtbot):
    line, added = make_line(qtbot)
    d = line.doc.diagram
    enter(qtbot, line, "People: no handover at shift change")
    assert [(c.category, c.parent, c.text) for c in d.causes] == [
        ("people", None, "no handover at shift change")]
    assert line.text() == "" and line.hasFocus()
    assert added == [d.causes[0].id] and not line.note.text()
    enter(qtbot, line, "follow-up without a heading")
    assert d.causes[1].category == "people"  # the heading last used
    assert line.doc.undo_stack.count() == 2


def test_a_plus_makes_the_heading_with_its_cause_in_one_step(qtbot):
    line, added = make_line(qtbot)
    d = line.doc.diagram
    enter(qtbot, line, "+Money: budget cut in March")
    assert d.categories[-1].name == "Money"
    assert d.cause(added[0]).category == d.categories[-1].id
    assert d.cause(added[0]).text == "budget cut in March"
    assert line.doc.undo_stack.count() == 1  # heading and cause: one step
    line.doc.undo_stack.undo()
    assert [c.name for c in d.categories] == ["People", "Systems", "Processes"]
    assert d.causes == []
    enter(qtbot, line, "+people: no second People")  # the heading exists: no twin
    assert len(d.categories) == 3 and d.cause(added[-1]).category == "people"
    enter(qtbot, line, "+1 more till needed")  # no colon: the text as typed
    assert d.cause(added[-1]).text == "+1 more till needed"


def test_unknown_heading_kept_as_one_cause_without_asking(qtbot):
    line, added = make_line(qtbot)
    enter(qtbot, line, "Time: 5 minutes at the till")
    cause = line.doc.diagram.cause(added[0])
    assert (cause.category, cause.text) == ("people", "Time: 5 minutes at the till")
    assert "Time" in line.note.text() and "People" in line.note.text()
    assert line.note.make_button.text() == "Make heading \u201cTime\u201d"
    assert line.make_offered_heading()
    d = line.doc.diagram
    assert d.categories[-1].name == "Time" and d.cause(cause.id).category == d.categories[-1].id
    assert d.cause(cause.id).text == "5 minutes at the till"


def test_alt_up_and_down_cycle_the_last_cause_through_the_matches(qtbot):
    line, added = make_line(qtbot)
    d = line.doc.diagram
    enter(qtbot, line, "P: rota changes weekly")
    assert d.cause(added[0]).category == "people"  # first in order, nothing used yet
    qtbot.keyClick(line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert d.cause(added[0]).category == "processes"
    qtbot.keyClick(line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert d.cause(added[0]).category == "people"  # only the two that match
    qtbot.keyClick(line, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert d.cause(added[0]).category == "processes"
    enter(qtbot, line, "p: breaks not planned")
    assert d.cause(added[1]).category == "processes"  # the match used last
    enter(qtbot, line, "Till freezes")
    qtbot.keyClick(line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert d.cause(added[2]).category == "people"  # a clear one: every heading, in order


def test_the_selected_heading_is_used_without_a_colon(qtbot):
    line, _ = make_line(qtbot)
    line.current_heading = lambda: "systems"
    enter(qtbot, line, "Till freezes")
    assert line.doc.diagram.causes[0].category == "systems"


def test_twenty_causes_by_keyboard_alone(qtbot):
    line, _ = make_line(qtbot)
    headings = ["People", "Systems", "proc", "systems"]
    for n in range(20):
        enter(qtbot, line, f"{headings[n % 4]}: cause {n + 1} <b>not bold</b>")
    d = line.doc.diagram
    assert len(d.causes) == 20 and len(d.categories) == 3
    assert [c.text for c in d.children("processes")] == [
        f"cause {n + 1} <b>not bold</b>" for n in range(2, 20, 4)]
    assert line.doc.undo_stack.count() == 20
    assert line.hasFocus()


def test_empty_or_blank_lines_add_nothing(qtbot):
    line, _ = make_line(qtbot)
    enter(qtbot, line, "   ")
    enter(qtbot, line, "People:   ")
    assert line.doc.diagram.causes == []
