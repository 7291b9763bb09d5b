"""File > Import and Export as text, and copy and paste on the canvas, acting as a user: the
menu action is triggered with the file dialogs replaced, keys are pressed on the canvas."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from sixstep.caseio import dumps_case
from sixstep.interchange import outline_from_diagram, read_outline
from ui.app.main_window import MainWindow
from ui.export.dialog import ExportOptions
from ui.files.import_actions import INTO_CASE, NEW_CASE

CTRL = Qt.KeyboardModifier.ControlModifier

OUTLINE_MD = """# Customer leaves frustrated

- People
  - Cashier talks too fast [confirmed, 2 votes]
    - Trained on speed only
  - No one greets at the door
- Suppliers
  * Buns arrive late
"""

# as a spreadsheet in a comma-decimal locale saves it: semicolons, a byte-order mark, CRLF,
# a quoted cause with a line break and a semicolon in it
SPREADSHEET_CSV = ('\ufeffHeading;Cause;Sub-cause;Status;Root cause;Votes;Notes\r\n'
                   'Equipment;"Fryer timer; beeps\r\nall day";;Confirmed;yes;3;"said ""often"""\r\n'
                   ';;Nobody owns it;;;;\r\n'
                   'Weather;Rain keeps people away;;;;;\r\n').encode("utf-8")

WIKI_MMD = """---
title: From the wiki
---
%%{init: {"theme": "forest"}}%%
ishikawa-beta
        Blurry photos
    Process
      Shutter speed too slow
        %% a comment line
      Handheld at night
    Equipment
      Lens not cleaned
"""


@pytest.fixture
def window(make_window) -> MainWindow:
    w = make_window(sample="happy_burgers")
    w.show_step(2)
    return w


def import_file(window: MainWindow, path: Path, where: str) -> list[str]:
    """Trigger File > Import with the dialogs answered; returns the errors shown."""
    errors: list[str] = []
    window.imports.ask_import_path = lambda: path
    window.imports.ask_destination = lambda name, causes: where
    window.files.show_error = lambda title, text: errors.append(text)
    window.import_action.trigger()
    return errors


def canvas(window: MainWindow):
    return window.workspace.page(2).fishbone.view


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, key, modifier)


def test_import_is_in_the_file_menu_with_its_own_key(window):
    assert window.import_action in window.menuBar().actions()[0].menu().actions()
    assert window.import_action.shortcut().toString() == "Ctrl+I"
    mine = window.import_action.shortcut()
    others = [a for a in window.findChildren(type(window.import_action))
              if a is not window.import_action and mine in a.shortcuts()]
    assert others == []


def test_a_markdown_outline_goes_into_the_open_case_as_one_undo_step(window, qtbot, tmp_path):
    path = tmp_path / "from the notes.md"
    path.write_text(OUTLINE_MD, encoding="utf-8")
    d = window.doc.diagram
    before, steps = dumps_case(window.doc.case), window.doc.undo_stack.count()
    assert import_file(window, path, INTO_CASE) == []
    assert window.doc.undo_stack.count() == steps + 1
    assert [c.name for c in d.categories][-1] == "Suppliers"  # People matched by name
    cashier = next(c for c in d.causes if c.text == "Cashier talks too fast")
    assert (cashier.category, cashier.status, cashier.votes) == ("people", "confirmed", 2)
    assert [c.text for c in d.children("people", cashier.id)] == ["Trained on speed only"]
    assert window.current_step() == 2 and "Imported 4 causes" in window.statusBar().currentMessage()
    after = dumps_case(window.doc.case)
    view = canvas(window)
    assert ("cause", cashier.id) in view.diagram_scene.boxes  # drawn
    press(qtbot, view, Qt.Key.Key_Z, CTRL)
    assert dumps_case(window.doc.case) == before
    assert not any(k[1] == cashier.id for k in view.diagram_scene.boxes)
    press(qtbot, view, Qt.Key.Key_Y, CTRL)
    assert dumps_case(window.doc.case) == after


def test_a_spreadsheet_csv_goes_into_the_open_case_as_one_undo_step(window, qtbot, tmp_path):
    path = tmp_path / "causes.csv"
    path.write_bytes(SPREADSHEET_CSV)
    d = window.doc.diagram
    before = dumps_case(window.doc.case)
    assert import_file(window, path, INTO_CASE) == []
    fryer = next(c for c in d.causes if c.text.startswith("Fryer timer"))
    assert fryer.text == "Fryer timer; beeps\nall day"
    assert (fryer.category, fryer.root_cause, fryer.votes, fryer.notes) == (
        "equipment", True, 3, 'said "often"')
    assert [c.text for c in d.children("equipment", fryer.id)] == ["Nobody owns it"]
    assert d.categories[-1].name == "Weather"
    after = dumps_case(window.doc.case)
    assert window.undo_action.text() == "&Undo Import causes"
    press(qtbot, canvas(window), Qt.Key.Key_Z, CTRL)
    assert dumps_case(window.doc.case) == before
    press(qtbot, canvas(window), Qt.Key.Key_Y, CTRL)
    assert dumps_case(window.doc.case) == after


def test_a_mermaid_file_becomes_a_new_untitled_case(window, tmp_path):
    path = tmp_path / "photos.mmd"
    path.write_text(WIKI_MMD, encoding="utf-8")
    window.doc.undo_stack.resetClean()  # the open case has unsaved changes
    asked: list[str] = []
    window.files.ask_save_changes = lambda: asked.append("asked") or "discard"
    assert import_file(window, path, NEW_CASE) == []
    assert asked == ["asked"]
    d = window.doc.diagram
    assert d.effect == "Blurry photos"
    assert [c.name for c in d.categories] == ["Process", "Equipment"]
    assert [c.text for c in d.children(d.categories[0].id)] == ["Shutter speed too slow",
                                                              "Handheld at night"]
    assert window.doc.path is None and window.doc.is_modified()
    assert window.doc.undo_stack.count() == 0
    assert window.windowTitle().startswith("Untitled case")
    assert window.current_step() == 2
    assert len(canvas(window).diagram_scene.boxes) > 3


def test_cancelling_the_save_question_keeps_the_open_case(window, tmp_path):
    path = tmp_path / "photos.mmd"
    path.write_text(WIKI_MMD, encoding="utf-8")
    window.doc.undo_stack.resetClean()
    window.files.ask_save_changes = lambda: "cancel"
    before = dumps_case(window.doc.case)
    assert import_file(window, path, NEW_CASE) == []
    assert dumps_case(window.doc.case) == before


@pytest.mark.parametrize("data, where", [
    (b"- People\n  - Tired [9999999 votes]\n", "line 2"),
    (b"\x89PNG\r\n\x1a\n\x00\x00binary", "line"),
    (b"heading;cause\nPeople;\"never closed\n", "line"),
])
def test_bad_input_is_one_line_and_nothing_comes_in(window, tmp_path, data, where):
    suffix = ".csv" if b";" in data else ".md"
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(data)
    before, steps = dumps_case(window.doc.case), window.doc.undo_stack.count()
    errors = import_file(window, path, INTO_CASE)
    assert len(errors) == 1 and "\n" not in errors[0]
    assert errors[0].startswith(f"bad{suffix}: ") and where in errors[0]
    assert dumps_case(window.doc.case) == before
    assert window.doc.undo_stack.count() == steps


def test_an_unknown_suffix_is_refused(window, tmp_path):
    path = tmp_path / "causes.docx"
    path.write_bytes(b"PK")
    errors = import_file(window, path, INTO_CASE)
    assert len(errors) == 1 and "not a Mermaid" in errors[0]


@pytest.mark.parametrize("fmt, suffix", [("mermaid", ".mmd"), ("markdown", ".md"),
                                         ("opml", ".opml"), ("csv", ".csv")])
def test_each_text_format_exports_from_the_menu_and_reads_back(window, tmp_path, fmt, suffix):
    target = tmp_path / "out"
    window.exports.ask_options = lambda options: ExportOptions(fmt)
    window.exports.ask_path = lambda chosen, suggested: target
    window.files.show_error = lambda title, text: pytest.fail(text)
    window.export_action.trigger()
    written = target.with_name("out" + suffix)
    assert written.is_file()
    back = read_outline(fmt, written.read_bytes())
    mine = outline_from_diagram(window.doc.diagram)

    def shape(outline):
        from sixstep.interchange.outline import walk
        return [(depth, n.text) for depth, n in walk(outline.headings)]

    assert back.effect == mine.effect and shape(back) == shape(mine)
    assert window.settings.value("export/format") == fmt


def select_on_canvas(window, qtbot, key):
    view = canvas(window)
    view.select(key)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    return view


def test_pasting_an_outline_under_a_selected_cause_is_one_undo_step(window, qtbot):
    d = window.doc.diagram
    target = d.causes[0]  # Kitchen screen shows cancellations late
    QGuiApplication.clipboard().setText("- Screen is too small\n  - Bought in 2009\n- Glare")
    before = dumps_case(window.doc.case)
    view = select_on_canvas(window, qtbot, ("cause", target.id))
    qtbot.keyClick(view, Qt.Key.Key_V, CTRL)
    kids = [c.text for c in d.children(target.category, target.id)]
    assert kids[-2:] == ["Screen is too small", "Glare"]  # causes, not headings
    assert len(d.categories) == 5
    small = next(c for c in d.causes if c.text == "Screen is too small")
    assert [c.text for c in d.children(target.category, small.id)] == ["Bought in 2009"]
    assert ("cause", small.id) in view.diagram_scene.boxes
    assert window.undo_action.text() == "&Undo Paste causes"
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert dumps_case(window.doc.case) == before


def test_pasting_mermaid_with_nothing_selected_adds_headings(window, qtbot):
    d = window.doc.diagram
    QGuiApplication.clipboard().setText(WIKI_MMD)
    view = select_on_canvas(window, qtbot, None)
    qtbot.keyClick(view, Qt.Key.Key_V, CTRL)
    assert [c.name for c in d.categories][-1] == "Process"  # "Processes" is another name
    equipment = d.find_category("Equipment")
    assert equipment is not None and equipment.id == "equipment"  # matched, not doubled
    assert "Lens not cleaned" in [c.text for c in d.children("equipment")]


def test_bad_pasted_text_says_why_and_changes_nothing(window, qtbot, monkeypatch):
    from ui.fishbone_editor.canvas import clipboard

    shown: list[str] = []
    monkeypatch.setattr(clipboard, "show_paste_error", lambda parent, text: shown.append(text))
    QGuiApplication.clipboard().setText("- fine\n  - bad [12345678901 votes]\n")
    before = dumps_case(window.doc.case)
    view = select_on_canvas(window, qtbot, ("category", "people"))
    qtbot.keyClick(view, Qt.Key.Key_V, CTRL)
    assert len(shown) == 1 and shown[0].startswith("line 2")
    assert dumps_case(window.doc.case) == before


def test_copying_a_branch_puts_an_outline_on_the_clipboard(window, qtbot):
    d = window.doc.diagram
    d_cause = next(c for c in d.causes if c.text == "Menu board half dark at night")
    QGuiApplication.clipboard().setText("")
    view = select_on_canvas(window, qtbot, ("cause", d_cause.id))
    qtbot.keyClick(view, Qt.Key.Key_C, CTRL)
    text = QGuiApplication.clipboard().text()
    assert text == ("- Menu board half dark at night [confirmed, 2 votes]\n"
                    "  - Timer switches panels off [confirmed]\n"
                    "    - Timer still set for old hours\n")
    assert not QGuiApplication.clipboard().mimeData().hasHtml()  # plain text only
    # and it pastes back under another heading as the same branch, one step
    view.select(("category", "people"))
    qtbot.keyClick(view, Qt.Key.Key_V, CTRL)
    copy = d.children("people")[-1]
    assert copy.text == "Menu board half dark at night" and copy.id != d_cause.id
    def marks(cause_id):
        return [(c.text, c.status, c.votes, c.root_cause) for c in d.subtree(cause_id)]

    assert marks(copy.id) == marks(d_cause.id)


def test_look_at_the_window_after_an_import(window, tmp_path):
    path = tmp_path / "causes.csv"
    path.write_bytes(SPREADSHEET_CSV)
    assert import_file(window, path, INTO_CASE) == []
    out = Path(os.environ.get("SHOT_DIR") or tmp_path)  # set it to keep the picture
    picture = window.grab()
    assert not picture.isNull() and picture.save(str(out / "after_import.png"))


def test_a_wiki_mermaid_diagram_comes_in_and_goes_back_out_as_the_same_tree(window, tmp_path):
    source = tmp_path / "wiki.mmd"
    source.write_text(WIKI_MMD, encoding="utf-8")
    assert import_file(window, source, NEW_CASE) == []
    target = tmp_path / "back.mmd"
    window.exports.ask_options = lambda options: ExportOptions("mermaid")
    window.exports.ask_path = lambda chosen, suggested: target
    window.export_action.trigger()
    text = target.read_text(encoding="utf-8")
    assert text.startswith("ishikawa-beta\n  Blurry photos\n") and "\n\n" not in text

    def shape(outline):
        from sixstep.interchange.outline import walk
        return outline.effect, [(depth, n.text) for depth, n in walk(outline.headings)]

    assert shape(read_outline("mermaid", text)) == shape(read_outline("mermaid", WIKI_MMD))
