"""Reading from the back of the room: the projector's 20 pt floor, the view following the
selection, the overview and back, jumping to headings, and the narrow, self-hiding panel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFont, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from sample_cases import read_sample
from sixstep.caseio import loads_case
from ui.common.theme import PROJECTOR_PT
from ui.document.document import CaseDocument
from ui.fishbone_editor.canvas.follow import points_to_pixels
from ui.fishbone_editor.canvas.view import DiagramView
from ui.fishbone_editor.editor import PANEL_AUTO_HIDE_BELOW, PANEL_WIDTH, FishboneEditor
from ui.painting.paint import qrect

CTRL = Qt.KeyboardModifier.ControlModifier
ARROWS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right)


def burgers_editor(qtbot, width: int = 1250, height: int = 640) -> FishboneEditor:
    editor = FishboneEditor(CaseDocument(loads_case(read_sample("happy_burgers"))))
    qtbot.addWidget(editor)
    editor.resize(width, height)
    editor.show()
    qtbot.waitExposed(editor)
    settle()
    return editor


def settle() -> None:
    """Let the view's scroll bars come and go as the new zoom needs."""
    for _ in range(3):
        QApplication.processEvents()


def shown_rect(view: DiagramView):
    return view.mapToScene(view.viewport().rect()).boundingRect()


def smallest_text_points(view: DiagramView) -> float:
    """The smallest box text on screen, in points at 96 dpi."""
    style = view.diagram_scene.diagram_style
    sizes = [style.font_spec(role).size for role in ("head", "category", "cause", "subcause")]
    return min(sizes) * view.zoom / points_to_pixels(1.0)


def assert_selection_in_view(view: DiagramView) -> None:
    box = view.diagram_scene.box(view.selection)
    assert box is not None
    assert shown_rect(view).contains(qrect(box)), view.selection


def test_projector_text_never_shrinks_under_20_points(qtbot):
    editor = burgers_editor(qtbot)
    view = editor.view
    editor.set_projector_mode(True)
    style = view.diagram_scene.diagram_style
    assert view.zoom * style.cause_font.size >= points_to_pixels(PROJECTOR_PT) - 1e-6
    assert smallest_text_points(view) >= PROJECTOR_PT - 1e-6
    for _ in range(4):  # zooming out by key, by wheel: it stops at the floor
        qtbot.keyClick(view, Qt.Key.Key_Minus, CTRL)
        centre = QPointF(view.viewport().rect().center())
        QApplication.sendEvent(view.viewport(), QWheelEvent(
            centre, view.viewport().mapToGlobal(centre), QPoint(), QPoint(0, -240),
            Qt.MouseButton.NoButton, CTRL, Qt.ScrollPhase.NoScrollPhase, False))
    assert smallest_text_points(view) >= PROJECTOR_PT - 1e-6
    editor.resize(900, 500)  # a smaller window does not shrink the text either
    assert smallest_text_points(view) >= PROJECTOR_PT - 1e-6
    # the whole fish does not fit at that size: the room sees part of it
    assert not shown_rect(view).contains(view.diagram_scene.drawing_rect())


def test_arrows_keep_the_selection_in_view_at_reading_size(qtbot):
    editor = burgers_editor(qtbot)
    view = editor.view
    editor.set_projector_mode(True)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.selection == ("head", "head")
    assert_selection_in_view(view)
    seen = set()
    for key in [Qt.Key.Key_Right] + [Qt.Key.Key_Down] * 3 + [Qt.Key.Key_Right] \
            + [Qt.Key.Key_Down] * 4 + [Qt.Key.Key_Right] * 2 + [Qt.Key.Key_Left] * 3 \
            + [Qt.Key.Key_Up] * 2 + [Qt.Key.Key_Right] * 6 + [Qt.Key.Key_Down] * 5:
        qtbot.keyClick(view, key)
        seen.add(view.selection)
        assert_selection_in_view(view)
    assert len(seen) >= 6
    assert smallest_text_points(view) >= PROJECTOR_PT - 1e-6


def test_moving_along_siblings_keeps_the_next_one_in_sight(qtbot):
    editor = burgers_editor(qtbot)
    view, d = editor.view, editor.doc.diagram
    editor.set_projector_mode(True)
    first = d.children("people")[0]
    view.select(("cause", first.id))
    view.setFocus()
    for _ in range(len(d.children("people")) - 1):
        before = view.selection
        qtbot.keyClick(view, Qt.Key.Key_Down if first.category == "people" else Qt.Key.Key_Up)
        if view.selection == before:
            break
        assert_selection_in_view(view)


def test_ctrl_0_goes_to_the_overview_and_back(qtbot):
    editor = burgers_editor(qtbot)
    view = editor.view
    editor.set_projector_mode(True)
    cause = editor.doc.diagram.causes[5]
    view.select(("cause", cause.id))
    reading = view.zoom
    assert editor.fit_action.text() == "Whole diagram" and not editor.fit_action.isChecked()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_0, CTRL)
    assert view.overview and editor.fit_action.isChecked()
    assert view.zoom < reading
    assert shown_rect(view).adjusted(-2, -2, 2, 2).contains(view.diagram_scene.drawing_rect())
    qtbot.keyClick(view, Qt.Key.Key_Right)  # moving about in the overview keeps it
    assert view.overview
    qtbot.keyClick(view, Qt.Key.Key_0, CTRL)
    assert not view.overview and not editor.fit_action.isChecked()
    assert view.zoom == pytest.approx(reading)
    assert_selection_in_view(view)
    editor.fit_action.trigger()  # the toolbar button does the same
    assert view.overview
    for _ in range(12):  # zooming in from the overview ends it at reading size
        qtbot.keyClick(view, Qt.Key.Key_Equal, CTRL)
        if not view.overview:
            break
    assert not view.overview and smallest_text_points(view) >= PROJECTOR_PT - 1e-6


def test_page_keys_and_go_to_jump_to_headings(qtbot):
    editor = burgers_editor(qtbot)
    view, d = editor.view, editor.doc.diagram
    editor.set_projector_mode(True)
    view.setFocus()
    visited = []
    for _ in range(len(d.categories)):
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
        assert view.selection[0] == "category"
        assert_selection_in_view(view)
        visited.append(view.selection[1])
    assert sorted(visited) == sorted(c.id for c in d.categories)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.selection == ("category", visited[0])  # round again
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert view.selection == ("category", visited[-1])
    cause = d.children(visited[2])[0]
    view.select(("cause", cause.id))
    qtbot.keyClick(view, Qt.Key.Key_PageUp)  # from a cause: its own heading
    assert view.selection == ("category", visited[2])
    editor._on_goto_menu_about_to_show()
    names = [a.text() for a in editor.goto_menu.actions() if a.text()]
    assert names[0] == "The effect (head)" and len(names) == 1 + len(d.categories)
    next(a for a in editor.goto_menu.actions() if a.text() == d.category(visited[1]).name
         ).trigger()
    assert view.selection == ("category", visited[1]) and editor.focusWidget() is view
    assert_selection_in_view(view)


def test_a_small_diagram_is_fitted_whole_at_reading_size(qtbot):
    from fishbone.model import Category, Cause, Diagram
    from sixstep.case import Case

    d = Diagram("Cold chips", [Category("people", "People"), Category("kit", "Kit")])
    d.add_cause(Cause("c1", "kit", None, "Fryer too cool"))
    editor = FishboneEditor(CaseDocument(Case(fishbone=d)))
    qtbot.addWidget(editor)
    editor.resize(1250, 640)
    editor.show()
    qtbot.waitExposed(editor)
    editor.set_projector_mode(True)
    settle()
    view = editor.view
    assert smallest_text_points(view) >= PROJECTOR_PT - 1e-6
    assert shown_rect(view).adjusted(-2, -2, 2, 2).contains(view.diagram_scene.drawing_rect())
    editor.fit_action.trigger()  # nothing smaller to show: the button does not stay down
    assert not view.overview and not editor.fit_action.isChecked()


def test_normal_mode_fits_the_whole_diagram_and_ctrl_0_fits(qtbot):
    editor = burgers_editor(qtbot)
    view = editor.view
    assert view.reading_floor == 0.0 and editor.fit_action.text() == "Fit"
    assert shown_rect(view).adjusted(-2, -2, 2, 2).contains(view.diagram_scene.drawing_rect())
    view.set_zoom(2.0)
    qtbot.keyClick(view, Qt.Key.Key_0, CTRL)
    assert not view.overview
    assert shown_rect(view).adjusted(-2, -2, 2, 2).contains(view.diagram_scene.drawing_rect())
    editor.set_projector_mode(True)
    editor.set_projector_mode(False)
    settle()
    assert view.reading_floor == 0.0 and not editor.fit_action.isCheckable()
    assert shown_rect(view).adjusted(-2, -2, 2, 2).contains(view.diagram_scene.drawing_rect())


def test_side_panel_is_narrow_and_steps_aside_when_the_editor_is(qtbot):
    editor = burgers_editor(qtbot, width=1200)
    panel, action = editor.panel, editor.panel_action
    assert panel.isVisible() and action.isChecked()
    assert abs(panel.width() - PANEL_WIDTH) <= 40
    assert editor.view.width() > 2 * panel.width()
    editor.resize(PANEL_AUTO_HIDE_BELOW - 100, 640)
    assert not panel.isVisible() and not action.isChecked()
    editor.resize(1200, 640)
    assert panel.isVisible() and action.isChecked()  # back, as it went by itself
    action.trigger()  # the user hides it: it stays hidden whatever the width
    assert not panel.isVisible()
    editor.resize(PANEL_AUTO_HIDE_BELOW - 100, 640)
    editor.resize(1300, 640)
    assert not panel.isVisible()
    editor.resize(PANEL_AUTO_HIDE_BELOW - 100, 640)
    action.trigger()  # asked for on a narrow editor: it shows
    assert panel.isVisible()
    editor.set_projector_mode(True)
    assert not panel.isVisible()  # folded for the room ...
    assert editor.toolbar_actions["Panel"].isVisible()  # ... and one click away
    editor.set_projector_mode(False)
    assert panel.isVisible()


def test_panel_dragged_shut_unticks_the_button(qtbot):
    editor = burgers_editor(qtbot, width=1200)
    splitter = editor.splitter
    handle = splitter.handle(1)
    start = handle.rect().center()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(handle, start + QPoint(PANEL_WIDTH + 200, 0))
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start + QPoint(PANEL_WIDTH + 200, 0))
    assert splitter.sizes()[1] == 0
    assert not editor.panel_action.isChecked()
    editor.panel_action.trigger()
    assert editor.panel.isVisible() and splitter.sizes()[1] >= 200


def test_notes_from_the_context_menu_open_the_panel(qtbot):
    from ui.fishbone_editor.canvas.menus import build_context_menu

    editor = burgers_editor(qtbot, width=PANEL_AUTO_HIDE_BELOW - 60)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    assert not editor.panel.isVisible()
    cause = editor.doc.diagram.causes[3]
    menu = build_context_menu(editor.view, ("cause", cause.id))
    next(a for a in menu.actions() if a.text().startswith("Notes")).trigger()
    assert editor.panel.isVisible() and editor.panel.notes.hasFocus()
    assert editor.panel.text.text() == cause.text
    qtbot.keyClicks(editor.panel.notes, " More")
    assert cause.notes.endswith(" More")
    editor.set_projector_mode(True)  # the panel folds, and "Notes..." still opens it
    assert not editor.panel.isVisible()
    menu = build_context_menu(editor.view, ("cause", cause.id))
    next(a for a in menu.actions() if a.text().startswith("Notes")).trigger()
    assert editor.panel.isVisible() and editor.panel.notes.hasFocus()


def test_capture_line_follows_the_window_font(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    editor = FishboneEditor(CaseDocument(loads_case(read_sample("happy_burgers"))), window)
    QVBoxLayout(window).addWidget(editor)
    for size in (12.0, PROJECTOR_PT, 15.0):
        font = QFont(window.font())
        font.setPointSizeF(size)
        window.setFont(font)
        editor.set_projector_mode(size == PROJECTOR_PT)
        assert editor.capture.font().pointSizeF() == size
        assert editor.capture.font().family() == window.font().family()
