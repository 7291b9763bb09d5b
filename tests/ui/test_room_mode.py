"""Room mode as the facilitator meets it: open the room with its key, see the code, the
address and the QR code; phones join and send ideas, dots and scores that become undoable
edits; the keyboard stays free while they do; closing the room stops the server.
Network on 127.0.0.1 only; every wait is bounded."""

from __future__ import annotations

import time
import urllib.error
import urllib.request

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from sixstep.room.phase import Phase
from tests.ui.room_phones import Phone, in_thread, request
from tests.ui.test_room_keys import clashes

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
WAIT = 10_000  # ms


@pytest.fixture
def room(make_window, qtbot):
    """A Happy Burgers window with the room opened by its key."""
    window = make_window(sample="happy_burgers")
    window.show_step(2)
    qtbot.keyClick(window, Qt.Key.Key_O, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.room_mode.room_window is not None
                    and window.room_mode.room_window.isVisible(), timeout=WAIT)
    yield window
    window.room_mode.close_room()


def join(window, qtbot, name: str = "") -> Phone:
    bridge = window.room_mode.bridge
    phone = Phone(bridge.url, bridge.code, name)
    done = in_thread(phone.join)
    qtbot.waitUntil(done.done, timeout=WAIT)
    done.result()
    return phone


def send(qtbot, call) -> tuple[int, dict]:
    done = in_thread(call)
    qtbot.waitUntil(done.done, timeout=WAIT)
    return done.result()


def test_the_key_opens_the_room_with_its_code_address_and_qr_code(room):
    bridge = room.room_mode.bridge
    shown = room.room_mode.room_window
    assert bridge.is_open() and bridge.url.startswith("http://127.0.0.1:")
    assert len(bridge.code) == 6 and shown.code.text() == bridge.code
    assert shown.address.text() == bridge.url.removeprefix("http://").rstrip("/")
    assert shown.qr.matrix and shown.qr.module_pixels() >= 3, "the QR code is too small to read"
    assert shown.joined.text() == "No phones yet"
    status, _ = request(bridge.url)
    assert status == 200  # the phone page is served
    assert clashes(shown) == []


def test_a_phone_joins_and_the_count_goes_up(room, qtbot):
    shown = room.room_mode.room_window
    phone = join(room, qtbot, "Ann")
    qtbot.waitUntil(lambda: shown.joined.text() == "1 phone joined", timeout=WAIT)
    assert [p.name for p in room.doc.case.participants if p.id == phone.participant] == ["Ann"]
    assert shown.device_list.count() == 1 and shown.device_list.item(0).text() == "Ann"
    join(room, qtbot)
    qtbot.waitUntil(lambda: shown.joined.text() == "2 phones joined", timeout=WAIT)


def test_an_idea_from_a_phone_waits_in_the_inbox_and_accept_is_undoable(room, qtbot):
    shown = room.room_mode.room_window
    qtbot.mouseClick(shown.phases.buttons["ideas_cause"], Qt.MouseButton.LeftButton)
    phone = join(room, qtbot, "Ann")
    heading = room.doc.case.fishbone.categories[0]
    text = "<b>Fryer</b> & the timer"
    status, reply = send(qtbot, lambda: phone.submit(kind="idea", text=text,
                                                     category=heading.id))
    assert status == 200 and reply["ok"], reply
    inbox = room.room_mode.inbox
    assert room.room_mode.dock.isVisible()  # beside step 2, where the causes are
    qtbot.waitUntil(lambda: inbox.view.count() == 1, timeout=WAIT)
    assert text in inbox.view.item(0).text() and "from the room" in inbox.view.item(0).text()
    assert shown.inbox.view.count() == 1
    before = len(room.doc.case.fishbone.causes)
    room.activateWindow()  # back at the laptop's window, the room window on the projector
    qtbot.waitUntil(lambda: QApplication.activeWindow() is room, timeout=WAIT)
    inbox.view.setFocus()
    qtbot.keyClick(inbox.view, Qt.Key.Key_Return)  # Enter accepts
    causes = room.doc.case.fishbone.causes
    added = [c for c in causes if c.text == text]
    assert len(causes) == before + 1 and len(added) == 1
    assert added[0].category == heading.id and added[0].extra.get("from_room") is True
    assert inbox.view.count() == 0 and room.doc.case.room_ideas == []
    qtbot.keyClick(room, Qt.Key.Key_Z, CTRL)
    assert len(room.doc.case.fishbone.causes) == before
    assert [i.text for i in room.doc.case.room_ideas] == [text]
    assert inbox.view.count() == 1


def test_merge_park_and_dismiss_from_the_inbox(room, qtbot):
    shown = room.room_mode.room_window
    shown.phases.open_phase("ideas_cause")
    phone = join(room, qtbot)
    heading = room.doc.case.fishbone.categories[0]
    for text in ("one", "two", "three"):
        status, _ = send(qtbot, lambda t=text: phone.submit(kind="idea", text=t,
                                                             category=heading.id))
        assert status == 200
    inbox = shown.inbox
    qtbot.waitUntil(lambda: inbox.view.count() == 3, timeout=WAIT)
    inbox.view.setCurrentRow(0)
    qtbot.mouseClick(inbox.park_button, Qt.MouseButton.LeftButton)
    assert [p.text for p in room.doc.case.parking_lot][-1] == "one"
    qtbot.mouseClick(inbox.dismiss_button, Qt.MouseButton.LeftButton)
    assert [i.text for i in room.doc.case.room_ideas] == ["three"]
    qtbot.mouseClick(inbox.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(inbox.merge_menu.isVisible, timeout=WAIT)
    target = room.doc.case.fishbone.causes[0]
    inbox.merge_menu.actions()[0].trigger()
    inbox.merge_menu.hide()
    assert room.doc.case.room_ideas == []
    assert "three" in target.extra.get("room_merged", [])
    for _ in range(3):
        room.doc.undo_stack.undo()
    assert [i.text for i in room.doc.case.room_ideas] == ["one", "two", "three"]


def test_phone_dots_and_scores_are_undoable_commands_in_the_case(room, qtbot):
    shown = room.room_mode.room_window
    case = room.doc.case
    phone = join(room, qtbot, "Bo")
    cause = case.fishbone.causes[0]
    status, reply = send(qtbot, lambda: phone.submit(kind="dot", cause=cause.id, delta=1))
    assert status == 409, "dots are not open yet"
    qtbot.mouseClick(shown.phases.buttons["dots"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: room.room_mode.bridge.hub is not None, timeout=WAIT)
    votes = cause.votes
    status, reply = send(qtbot, lambda: phone.submit(kind="dot", cause=cause.id, delta=1))
    assert status == 200, reply
    assert any(d.cause == cause.id and d.participant == phone.participant
               for d in case.dots)
    assert cause.votes == votes + 1
    assert room.doc.undo_stack.undoText() == "Cast a dot (from a phone)"
    room.doc.undo_stack.undo()
    assert cause.votes == votes
    qtbot.mouseClick(shown.phases.buttons["scores"], Qt.MouseButton.LeftButton)
    assert case.blind.on and not case.blind.revealed
    alternative = case.open_alternatives()[0]
    criterion = next(c for c in case.criteria if c.kind == "want")
    status, reply = send(qtbot, lambda: phone.submit(
        kind="score", alternative=alternative.id, criterion=criterion.id,
        value=case.score_scale.max))
    assert status == 200, reply
    assert any(s.participant == phone.participant and s.alternative == alternative.id
               for s in case.scores)
    assert shown.phases.reveal_scores.isEnabled()
    qtbot.mouseClick(shown.phases.reveal_scores, Qt.MouseButton.LeftButton)
    assert case.blind.revealed
    room.doc.undo_stack.undo()
    room.doc.undo_stack.undo()
    assert not any(s.participant == phone.participant for s in case.scores)


def test_the_keyboard_stays_free_while_phones_send_fifty_ideas(room, qtbot):
    room.room_mode.bridge.set_phase(Phase("ideas"))
    heading = room.doc.case.fishbone.categories[0]
    phones = [join(room, qtbot, f"P{n}") for n in range(5)]

    def flood() -> list[int]:
        statuses = []
        for round_ in range(10):
            for phone in phones:
                statuses.append(phone.submit(kind="idea", text=f"idea {phone.name} {round_}",
                                             category=heading.id)[0])
        return statuses

    flooding = in_thread(flood)
    line = room.workspace.page(2).fishbone.capture
    line.setFocus()
    before = len(room.doc.case.fishbone.causes)
    qtbot.keyClicks(line, "Typed while the phones send")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert len(room.doc.case.fishbone.causes) == before + 1
    qtbot.waitUntil(flooding.done, timeout=30_000)
    assert flooding.result() == [200] * 50
    texts = [i.text for i in room.doc.case.room_ideas]
    assert len(texts) == 50 and len(set(texts)) == 50, "an idea was lost or doubled"
    assert any(c.text == "Typed while the phones send" for c in room.doc.case.fishbone.causes)


def _refused(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=3)
    except urllib.error.URLError as error:
        return isinstance(error.reason, ConnectionRefusedError)
    return False


def test_closing_the_room_stops_the_server(room, qtbot):
    bridge = room.room_mode.bridge
    url = bridge.url
    shown = room.room_mode.room_window
    qtbot.mouseClick(shown.close_button, Qt.MouseButton.LeftButton)
    assert not bridge.is_open() and room.room_mode.room_window is None
    assert _refused(url)


def test_closing_the_room_window_or_opening_another_case_closes_the_room(room, qtbot):
    bridge = room.room_mode.bridge
    url = bridge.url
    room.room_mode.room_window.close()
    assert not bridge.is_open() and _refused(url)
    room.room_mode.open_room()
    url = bridge.url
    room.files.new_from_sample("happy_burgers")
    assert not bridge.is_open() and _refused(url)


def test_a_removed_phone_is_refused(room, qtbot):
    shown = room.room_mode.room_window
    phone = join(room, qtbot, "Cy")
    qtbot.waitUntil(lambda: shown.device_list.count() == 1, timeout=WAIT)
    shown.device_list.setCurrentRow(0)
    qtbot.mouseClick(shown.remove_button, Qt.MouseButton.LeftButton)
    assert shown.joined.text() == "No phones yet"
    status, _ = send(qtbot, phone.state)
    assert status == 401


def test_projector_mode_keeps_the_room_readable(room, qtbot):
    shown = room.room_mode.room_window
    room.set_projector_mode(True)
    shown.resize(1024, 768)
    QApplication.processEvents()
    assert shown.code.font().pointSizeF() >= 40
    assert shown.code.fontMetrics().horizontalAdvance(shown.code.text()) <= shown.code.width()
    assert shown.qr.code_rect().width() >= 400
    hint = shown.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 768, "the room window overflows"


def test_without_anonymous_joining_a_phone_must_give_a_name(room, qtbot):
    shown = room.room_mode.room_window
    shown.tabs.setCurrentWidget(shown.phones)
    qtbot.mouseClick(shown.anonymous, Qt.MouseButton.LeftButton)
    assert not room.room_mode.bridge.hub.allow_anonymous
    bridge = room.room_mode.bridge
    status, reply = send(qtbot, lambda: request(f"{bridge.url}api/join",
                                                {"code": bridge.code, "name": ""}))
    assert status == 400 and "name" in reply["error"]
    join(room, qtbot, "Di")


def test_a_phone_that_waited_too_long_is_told_to_retry_and_nothing_is_applied_later(
        room, qtbot, monkeypatch):
    from ui.room import bridge as bridge_module

    monkeypatch.setattr(bridge_module, "ANSWER_SECONDS", 0.3)
    room.room_mode.room_window.phases.open_phase("ideas_cause")
    phone = join(room, qtbot, "Ed")
    heading = room.doc.case.fishbone.categories[0]
    sending = in_thread(lambda: phone.submit(kind="idea", text="late", category=heading.id))
    deadline = time.monotonic() + WAIT / 1000
    while not sending.done() and time.monotonic() < deadline:
        time.sleep(0.05)  # the interface thread is busy: no events are processed
    status, reply = sending.result(timeout=1)
    assert status == 503 and "busy" in reply["error"]
    QApplication.processEvents()  # the queued submission arrives after the phone gave up
    qtbot.wait(50)
    assert room.doc.case.room_ideas == []


def test_the_room_menu_has_one_letter_per_entry_and_phone_edits_reach_the_journal(room, qtbot):
    from PySide6.QtGui import QKeySequence

    mode_ = room.room_mode
    ours = [mode_.open_action, mode_.close_action]
    letter = {a: QKeySequence.mnemonic(a.text()).toString() for a in room.room.menu.actions()
              if a.text()}
    others = {letter[a] for a in letter if a not in ours}
    assert all(letter[a] and letter[a] not in others for a in ours), letter
    assert letter[ours[0]] != letter[ours[1]]
    assert "Ctrl+Shift+O" in room.room_mode.open_action.shortcut().toString()

    class Log:  # stands in for the recovery journal (ui.files.journal)
        def __init__(self) -> None:
            self.recorded: list[str] = []

        def prepare(self, case, edit):
            return None

        def record(self, case, edit, prepared) -> None:
            self.recorded.append(type(edit).__name__)

    log = Log()
    room.doc.log = log
    room.room_mode.room_window.phases.open_phase("ideas_cause")
    phone = join(room, qtbot, "Flo")
    heading = room.doc.case.fishbone.categories[0]
    status, _ = send(qtbot, lambda: phone.submit(kind="idea", text="journalled",
                                                 category=heading.id))
    assert status == 200
    assert log.recorded == ["JoinParticipant", "ReceiveRoomIdea"]
