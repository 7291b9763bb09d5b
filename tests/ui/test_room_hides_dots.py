"""The projector keeps the room's dots hidden until the reveal: while the phones vote, the
"Dot votes" tab says only how many dots are placed and by how many people, and the fishbone
shows no vote marks; "Reveal dots" (or closing the phase) shows the totals, the ranking and
the Pareto chart at once. The facilitator's own vote keys keep working meanwhile.
Phones are plain HTTP clients on 127.0.0.1; every wait is bounded."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from tests.ui.room_phones import Phone, in_thread

CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)
WAIT = 10_000  # ms
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def room(make_window, qtbot):
    """Happy Burgers on step 2 with the room open and its dot vote opened on the phones."""
    window = make_window(sample="happy_burgers")
    window.show_step(2)
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.room_mode.room_window is not None
                    and window.room_mode.room_window.isVisible(), timeout=WAIT)
    qtbot.mouseClick(window.room_mode.room_window.phases.buttons["dots"], LEFT)
    yield window
    window.room_mode.close_room()


def research(window):
    return window.workspace.page(2)


def click_tab(qtbot, window, widget) -> None:
    tabs = research(window).tabs
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(tabs.indexOf(widget)).center())
    qtbot.waitUntil(widget.isVisible, timeout=WAIT)


def phone_places_dots(window, qtbot, name: str, causes: list[str]) -> Phone:
    bridge = window.room_mode.bridge
    phone = Phone(bridge.url, bridge.code, name)

    def vote() -> list[int]:
        phone.join()
        return [phone.submit(kind="dot", cause=c, delta=1)[0] for c in causes]

    done = in_thread(vote)
    qtbot.waitUntil(done.done, timeout=WAIT)
    assert done.result() == [200] * len(causes)
    return phone


def vote_pixels(window) -> int:
    """Pixels of the vote marks' colour on the canvas as the room sees it."""
    view = research(window).fishbone.view
    colour = QColor(view.diagram_scene.diagram_style.vote)
    image = view.viewport().grab().toImage()
    step = 2
    return sum(1 for x in range(0, image.width(), step) for y in range(0, image.height(), step)
               if _near(image.pixelColor(x, y), colour))


def _near(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()),
               abs(a.blue() - b.blue())) <= 6


def placed(window) -> int:
    return sum(c.votes for c in window.doc.case.fishbone.causes)


def test_the_dots_tab_shows_no_totals_until_the_reveal(room, qtbot):
    panel = research(room).dots
    click_tab(qtbot, room, panel)
    before = placed(room)
    phone_places_dots(room, qtbot, "Ann", ["c16", "c16", "c2"])
    phone_places_dots(room, qtbot, "Bo", ["c2"])
    qtbot.waitUntil(lambda: placed(room) == before + 4, timeout=WAIT)
    text = panel.left_label.text()
    assert f"{before + 4} dots placed so far, by 6 people" in text  # the sample's four too
    assert "show when the dots are revealed" in text
    assert not panel.table.isVisible() and not panel.chart.isVisible()
    assert panel.table.rowCount() == 0 and panel.chart.pixmap().isNull()

    qtbot.mouseClick(room.room_mode.room_window.phases.reveal_dots, LEFT)
    assert panel.table.isVisible() and panel.chart.isVisible()
    ranked = [panel.table.item(r, 1).text() for r in range(panel.table.rowCount())]
    cause = room.doc.diagram.cause("c16")
    assert cause.text in ranked and panel.table.rowCount() == len(
        [c for c in room.doc.case.fishbone.causes if c.votes])
    assert "Dots left" in panel.left_label.text()
    qtbot.waitUntil(lambda: not panel.chart.pixmap().isNull(), timeout=WAIT)  # the Pareto


def test_the_canvas_draws_no_vote_marks_until_the_reveal(room, qtbot):
    editor = research(room).fishbone
    scene = editor.view.diagram_scene
    scene.select(None)
    qtbot.waitUntil(lambda: editor.view.isVisible(), timeout=WAIT)
    assert vote_pixels(room) == 0, "the sample's votes are hidden as soon as dots open"
    phone_places_dots(room, qtbot, "Ann", ["c16", "c16"])
    qtbot.waitUntil(lambda: room.doc.diagram.cause("c16").votes == 2, timeout=WAIT)
    assert vote_pixels(room) == 0
    scene.select_cause("c16")
    panel = editor.panel
    assert panel.votes.text() == "?" and "revealed" in panel.votes.toolTip()
    scene.select(None)

    qtbot.mouseClick(room.room_mode.room_window.phases.reveal_dots, LEFT)
    qtbot.waitUntil(lambda: vote_pixels(room) > 0, timeout=WAIT)
    repainted = scene.updated_last
    assert 0 < repainted <= len([c for c in room.doc.case.fishbone.causes if c.votes])
    scene.select_cause("c16")
    assert panel.votes.text() == "2"
    qtbot.mouseClick(room.room_mode.room_window.phases.reveal_dots, LEFT)  # hidden again
    scene.select(None)
    qtbot.waitUntil(lambda: vote_pixels(room) == 0, timeout=WAIT)


def test_closing_the_phase_or_the_room_shows_the_votes(room, qtbot):
    controls = room.room_mode.room_window.phases
    assert room.doc.votes_hidden
    qtbot.mouseClick(controls.buttons["closed"], LEFT)
    assert not room.doc.votes_hidden
    qtbot.mouseClick(controls.buttons["dots"], LEFT)
    assert room.doc.votes_hidden
    room.room_mode.close_room()
    assert not room.doc.votes_hidden


def test_the_facilitators_vote_keys_still_work_while_the_votes_are_hidden(room, qtbot):
    editor = research(room).fishbone
    view = editor.view
    room.activateWindow()
    view.setFocus()
    view.diagram_scene.select_cause("c16")
    qtbot.keyClick(view, Qt.Key.Key_Equal, ALT)
    assert room.doc.diagram.cause("c16").votes == 1
    assert editor.panel.votes.text() == "?" and editor.panel.vote_down.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_Minus, ALT)
    assert room.doc.diagram.cause("c16").votes == 0
    qtbot.keyClick(view, Qt.Key.Key_Equal, ALT)
    view.diagram_scene.select(None)
    assert vote_pixels(room) == 0 and room.doc.diagram.cause("c16").votes == 1
