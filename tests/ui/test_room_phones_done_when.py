"""Room mode's "done when", end to end: four phones (four headless chromium windows, each its
own profile) join a Happy Burgers room opened by the real window, add causes, dot-vote and
score blind; the laptop shows their ideas, the Pareto of dots and the revealed matrix with
contested cells; everything is in the saved case, and undo takes it all back."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sixstep.caseio import dumps_case, load_case
from sixstep.disagreement import contested_cells
from tests.phone_browser import phone
from ui.scoring.matrix import CONTESTED_ROLE

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
By = pytest.importorskip("selenium.webdriver.common.by").By
Select = pytest.importorskip("selenium.webdriver.support.ui").Select

NAMES = ("Ann", "Ben", "Cai", "Dee")
CTRL = Qt.KeyboardModifier.ControlModifier
WAIT = 20.0  # seconds any one step may take on a busy machine


@pytest.fixture
def phones() -> Iterator[list[Any]]:
    with ExitStack() as stack:
        yield [stack.enter_context(phone()) for _ in NAMES]


def until(check: Callable[[], Any], what: str) -> Any:
    """Wait for ``check`` while the interface thread keeps turning (the phones' requests are
    applied there): a WebDriverWait would block it."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        QApplication.processEvents()
        found = check()
        if found:
            return found
        time.sleep(0.03)
    raise AssertionError(f"timed out waiting for {what}")


def shown(chrome: Any, element_id: str) -> bool:
    return bool(chrome.find_element(By.ID, element_id).is_displayed())


def test_four_phones_add_causes_vote_and_score_blind_and_it_all_undoes(
        make_window, phones, qtbot, tmp_path):
    path = tmp_path / "happy.case.json"
    shutil.copy(Path(__file__).resolve().parents[2] / "sample_cases"
                / "happy_burgers.case.json", path)
    window = make_window()
    assert window.files.open_path(path, ask=False)
    original = dumps_case(window.doc.case)
    window.show_step(2)
    assert window.room_mode.open_room("127.0.0.1", 0)
    bridge = window.room_mode.bridge
    controls = window.room_mode.room_window.phases
    causes_before = len(window.doc.case.fishbone.causes)

    # -- four phones join --------------------------------------------------------------------
    for chrome, name in zip(phones, NAMES, strict=True):
        chrome.get(bridge.join_url)
        chrome.find_element(By.ID, "join-name").send_keys(name)
        chrome.find_element(By.ID, "join-button").click()
    until(lambda: all(shown(c, "room-screen") for c in phones), "four phones in the room")
    ids = {p.name: p.id for p in window.doc.case.participants if p.name in NAMES}
    assert len(ids) == 4 and bridge.hub.joined_count == 4

    # -- ideas: each phone writes a cause; the laptop accepts them -----------------------------
    qtbot.mouseClick(controls.buttons["ideas_cause"], Qt.MouseButton.LeftButton)
    until(lambda: all(shown(c, "ideas-panel") for c in phones), "the ideas screen")
    for chrome, name in zip(phones, NAMES, strict=True):
        Select(chrome.find_element(By.ID, "idea-heading")).select_by_value("people")
        chrome.find_element(By.ID, "idea-text").send_keys(f"{name}: <b>nobody</b> owns the till")
        chrome.find_element(By.ID, "idea-send").click()
    inbox = window.room_mode.room_window.inbox
    until(lambda: inbox.count() == 4, "four ideas in the inbox")
    assert {i.sender for i in window.doc.case.room_ideas} == set(ids.values())
    shown_texts = [inbox.view.item(row).text() for row in range(inbox.view.count())]
    assert all("<b>nobody</b>" in text for text in shown_texts)  # plain text on the laptop
    inbox.view.setFocus()
    for _ in range(4):
        inbox.view.setCurrentRow(0)
        qtbot.keyClick(inbox.view, Qt.Key.Key_Return)
    case = window.doc.case
    assert len(case.fishbone.causes) == causes_before + 4 and not case.room_ideas
    new_causes = [c for c in case.fishbone.causes if c.extra.get("from_room")]
    assert len(new_causes) == 4

    # -- dots: each phone spends two dots; the laptop reveals them ---------------------------
    qtbot.mouseClick(controls.buttons["dots"], Qt.MouseButton.LeftButton)
    until(lambda: all(shown(c, "dots-panel") for c in phones), "the dots screen")
    targets = [new_causes[0].id, new_causes[1].id]
    for chrome in phones:
        for cause in targets:
            row = chrome.find_element(By.CSS_SELECTOR, f'.dot-row[data-cause="{cause}"]')
            row.find_element(By.CSS_SELECTOR, ".plus").click()
    until(lambda: sum(d.count for d in case.dots
                      if d.participant in ids.values()) == 8, "eight dots in the case")
    qtbot.mouseClick(controls.reveal_dots, Qt.MouseButton.LeftButton)
    research = window.workspace.page(2)
    research.tabs.setCurrentWidget(research.dots)
    table = research.dots.table
    until(lambda: table.rowCount() > 0, "the Pareto table")
    rows = {table.item(row, 1).text(): table.item(row, 2).text()
            for row in range(table.rowCount())}
    assert rows[new_causes[0].text] == rows[new_causes[1].text] == "4"  # four phones each

    # -- blind scores: two phones love the leader's first want, two hate it -------------------
    qtbot.mouseClick(controls.buttons["scores"], Qt.MouseButton.LeftButton)
    assert case.blind.on and not case.blind.revealed
    until(lambda: all(shown(c, "scores-panel") for c in phones), "the scores screen")
    alternative = case.open_alternatives()[0].id
    want = next(c.id for c in case.criteria if c.kind == "want")
    for chrome, value in zip(phones, ("10", "9", "2", "1"), strict=True):
        card = chrome.find_element(By.CSS_SELECTOR, f'.alt-card[data-alternative="{alternative}"]')
        card.find_element(By.CSS_SELECTOR, f'.cell[data-criterion="{want}"] input').send_keys(
            value + "\n")
    until(lambda: len([s for s in case.scores if s.participant in ids.values()]) == 4,
          "four blind scores")
    for chrome in phones:  # nobody sees the room's values before the reveal
        assert not chrome.find_elements(By.CSS_SELECTOR, ".group-line:not([hidden])")
    qtbot.mouseClick(controls.reveal_scores, Qt.MouseButton.LeftButton)
    assert case.blind.revealed
    assert (alternative, want) in {(c.alternative, c.criterion) for c in contested_cells(case)}
    window.show_step(5)
    page = window.workspace.page(5)
    until(lambda: page.model.index_of(alternative, want).data(CONTESTED_ROLE) is not None,
          "the contested cell on the laptop")
    until(lambda: all(c.find_elements(By.CSS_SELECTOR, ".badge") for c in phones),
          "the contested badge on every phone")

    # -- saved, and undone ---------------------------------------------------------------------
    window.activateWindow()  # back from the room window to the case's window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    assert not window.doc.is_modified()
    saved = load_case(path)
    assert {p.id for p in saved.participants} >= set(ids.values())
    assert len([c for c in saved.fishbone.causes if c.extra.get("from_room")]) == 4
    assert sum(d.count for d in saved.dots if d.participant in ids.values()) == 8
    assert len([s for s in saved.scores if s.participant in ids.values()]) == 4
    window.room_mode.close_room()
    stack = window.doc.undo_stack
    while stack.canUndo():
        stack.undo()
    assert dumps_case(window.doc.case) == original
