"""The phone page in a real browser (headless chromium at 390 x 844) against a real room
server on 127.0.0.1: join, send an idea, spend dots, score blind, see the reveal."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from fishbone.model import Cause
from sixstep.case import Case
from sixstep.disagreement import contested_cells
from sixstep.dots import dot_budget
from sixstep.edits.fishbone import AddCause
from sixstep.edits.group import SetBlindScoring
from sixstep.room.hub import RoomHub
from sixstep.room.phase import Phase
from sixstep.room.server import RoomServer
from tests.phone_browser import WIDTH, phone
from tests.sixstep.room.support import CaseRoom

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
from selenium.common.exceptions import TimeoutException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>&amp;'


PANELS = ("closed-panel", "ideas-panel", "dots-panel", "scores-panel")


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    with phone() as chrome:
        yield chrome


@dataclass
class Room:
    """A Happy Burgers case behind a real room server; the test plays the facilitator."""

    cases: CaseRoom
    server: RoomServer

    @property
    def hub(self) -> RoomHub:
        return self.cases.hub

    def open(self, phase: Phase, *edits: Any) -> None:
        """The facilitator applies ``edits``, opens ``phase`` and publishes."""
        with self.cases.lock:
            for edit in edits:
                edit.apply(self.cases.case)
        self.cases.open(phase)

    def read(self, look: Callable[[Case], Any]) -> Any:
        with self.cases.lock:
            return look(self.cases.case)


@pytest.fixture
def room() -> Iterator[Room]:
    cases = CaseRoom()
    built = Room(cases, RoomServer(cases.hub, "127.0.0.1", 0))
    built.open(Phase("closed"), SetBlindScoring(True, False))
    built.server.start()
    try:
        yield built
    finally:
        built.server.close()


def wait_for(chrome: Any, check: Callable[[], Any], what: str, timeout: float = 8) -> Any:
    try:
        return WebDriverWait(chrome, timeout, poll_frequency=0.05).until(lambda _: check())
    except TimeoutException:
        raise AssertionError(f"timed out waiting for {what}") from None


def visible(chrome: Any, element_id: str) -> bool:
    return bool(chrome.find_element(By.ID, element_id).is_displayed())


def text_of(chrome: Any, element_id: str) -> str:
    return str(chrome.find_element(By.ID, element_id).text)


def join(chrome: Any, room: Room, name: str) -> str:
    """Open the join address, join with ``name`` and return the participant's id."""
    chrome.get(room.server.join_url)
    code = chrome.find_element(By.ID, "join-code")
    assert code.get_attribute("value") == room.hub.code  # prefilled from ?room=
    chrome.find_element(By.ID, "join-name").send_keys(name)
    chrome.find_element(By.ID, "join-button").click()
    wait_for(chrome, lambda: visible(chrome, "room-screen") and any(
        visible(chrome, panel) for panel in PANELS), "the room's first state")
    joined = room.read(lambda case: [p.id for p in case.participants if p.name == name])
    assert len(joined) == 1
    return str(joined[0])


def fits_the_phone(chrome: Any) -> None:
    width = chrome.execute_script("return document.documentElement.scrollWidth")
    assert width <= WIDTH, f"the page is {width}px wide on a {WIDTH}px phone"


def test_wrong_code_shows_the_servers_message(driver, room):
    driver.get(room.server.url)
    driver.find_element(By.ID, "join-code").send_keys("ZZZZ22")
    driver.find_element(By.ID, "join-button").click()
    wait_for(driver, lambda: visible(driver, "join-error"), "the join error")
    assert "code" in text_of(driver, "join-error").lower()
    assert room.read(lambda case: len(case.participants)) == 4
    fits_the_phone(driver)


def test_join_send_an_idea_and_see_the_timer(driver, room):
    room.open(Phase("ideas", "cause", timer_left=125, timer_running=True))
    pid = join(driver, room, "Ann")
    assert "Ann" in text_of(driver, "who")
    timer = wait_for(driver, lambda: visible(driver, "timer") and text_of(driver, "timer-time"),
                     "the timer")
    assert timer in ("2:05", "2:04", "2:03")
    heading = room.read(lambda case: case.fishbone.categories[1])
    Select(driver.find_element(By.ID, "idea-heading")).select_by_value(heading.id)
    driver.find_element(By.ID, "idea-text").send_keys("Night crew never saw the new menu")
    driver.find_element(By.ID, "idea-send").click()
    ideas = wait_for(driver, lambda: room.read(lambda case: list(case.room_ideas)), "the idea")
    assert [(i.text, i.target, i.category, i.sender) for i in ideas] == [
        ("Night crew never saw the new menu", "cause", heading.id, pid)]
    wait_for(driver, lambda: "Night crew never saw the new menu" in text_of(driver, "mine-list"),
             "the idea in the phone's own list")
    assert driver.find_element(By.ID, "idea-text").get_attribute("value") == ""
    wait_for(driver, lambda: text_of(driver, "timer-time") not in ("2:05", ""), "the countdown")
    fits_the_phone(driver)


def test_spend_dots_within_the_cap_then_see_the_reveal(driver, room):
    room.open(Phase("dots"))
    pid = join(driver, room, "Ben")
    budget, cap = room.read(lambda case: (dot_budget(case), case.dot_settings.cap))
    assert cap is not None and budget > cap
    cause = room.read(lambda case: case.fishbone.causes[0].id)
    row = driver.find_element(By.CSS_SELECTOR, f'.dot-row[data-cause="{cause}"]')
    plus = row.find_element(By.CSS_SELECTOR, ".plus")
    for _ in range(cap):
        plus.click()

    def mine() -> int:
        return int(room.read(lambda case: sum(
            d.count for d in case.dots if d.participant == pid and d.cause == cause)))

    wait_for(driver, lambda: mine() == cap, "the dots in the case")
    wait_for(driver, lambda: not plus.is_enabled(), "the cap to disable +")
    assert text_of(driver, "dots-left") == str(budget - cap)
    row.find_element(By.CSS_SELECTOR, ".minus").click()
    wait_for(driver, lambda: mine() == cap - 1, "a dot taken back")
    wait_for(driver, lambda: text_of(driver, "dots-left") == str(budget - cap + 1),
             "the dots left")
    total = row.find_element(By.CSS_SELECTOR, ".dot-total")
    assert not total.is_displayed()  # hidden until the facilitator reveals
    room.open(Phase("dots", dots_revealed=True))
    expected = room.read(lambda case: sum(d.count for d in case.dots if d.cause == cause))
    wait_for(driver, lambda: total.is_displayed(), "the revealed dot totals")
    assert total.text == f"Room: {expected} dot" + ("" if expected == 1 else "s")
    fits_the_phone(driver)


def test_score_blind_then_see_the_group_values_and_contested_cells(driver, room):
    room.open(Phase("scores"))
    pid = join(driver, room, "Cleo")
    alternatives, criteria = room.read(lambda case: (
        [a.id for a in case.open_alternatives()], list(case.criteria)))
    must = next(c for c in criteria if c.kind == "must")
    want = next(c for c in criteria if c.kind == "want")
    card = driver.find_element(By.CSS_SELECTOR, f'.alt-card[data-alternative="{alternatives[0]}"]')
    card.find_element(By.CSS_SELECTOR, f'.cell[data-criterion="{must.id}"] .choice.fail').click()
    box = card.find_element(By.CSS_SELECTOR, f'.cell[data-criterion="{want.id}"] input')
    box.send_keys("7.5\n")

    def mine() -> dict[str, Any]:
        return dict(room.read(lambda case: {
            s.criterion: s.value for s in case.scores
            if s.participant == pid and s.alternative == alternatives[0]}))

    wait_for(driver, lambda: mine() == {must.id: False, want.id: 7.5}, "the scores in the case")
    all_cells = len(alternatives) * len(criteria)
    wait_for(driver, lambda: text_of(driver, "scored-count") == "2", "n of m scored")
    assert text_of(driver, "scored-words") == f"of {all_cells} scored"
    assert not driver.find_elements(By.CSS_SELECTOR, ".group-line:not([hidden])")
    assert "private" in text_of(driver, "scale-hint")

    box.send_keys(Keys.BACKSPACE * 3 + "99\n")  # off the scale: the phone says so, sends nothing
    cell = card.find_element(By.CSS_SELECTOR, f'.cell[data-criterion="{want.id}"] .cell-state')
    wait_for(driver, lambda: "from 1 to 10" in cell.text, "the scale message")
    assert mine()[want.id] == 7.5

    room.open(Phase("scores"), SetBlindScoring(True, True))
    contested = room.read(lambda case: {
        (c.alternative, c.criterion) for c in contested_cells(case)
        if c.alternative in alternatives})
    assert contested  # Happy Burgers' room disagrees somewhere
    wait_for(driver, lambda: driver.find_elements(By.CSS_SELECTOR, ".group-line:not([hidden])"),
             "the revealed group values")
    badges = driver.find_elements(By.CSS_SELECTOR, ".badge")
    assert len(badges) == len(contested)
    line = card.find_element(By.CSS_SELECTOR, f'.cell[data-criterion="{want.id}"] .group-line')
    assert line.text.startswith("Room: ")
    assert "Revealed" in text_of(driver, "scale-hint")
    fits_the_phone(driver)


def test_html_and_script_are_shown_as_text(driver, room):
    room.open(Phase("ideas", "alternative"))
    join(driver, room, HOSTILE)
    assert text_of(driver, "who") == "You: " + HOSTILE
    driver.find_element(By.ID, "idea-text").send_keys(HOSTILE)
    driver.find_element(By.ID, "idea-send").click()
    wait_for(driver, lambda: room.read(lambda case: len(case.room_ideas)) == 1, "the idea")
    wait_for(driver, lambda: HOSTILE in text_of(driver, "mine-list"), "the idea shown")
    heading = room.read(lambda case: case.fishbone.categories[0].id)
    room.open(Phase("dots"), AddCause(Cause("zz1", heading, None, HOSTILE)))
    row = wait_for(driver, lambda: driver.find_elements(
        By.CSS_SELECTOR, '.dot-row[data-cause="zz1"]'), "the hostile cause")
    assert row[0].find_element(By.CSS_SELECTOR, ".dot-text").text.startswith(HOSTILE)
    assert driver.execute_script("return window.pwned === undefined")
    assert not driver.find_elements(By.TAG_NAME, "img")
    assert not driver.find_elements(By.CSS_SELECTOR, "main script")


def test_a_reload_rejoins_and_a_dropped_answer_is_retried_once(driver, room):
    room.open(Phase("ideas", "alternative"))
    join(driver, room, "Dee")
    driver.refresh()  # the token in localStorage brings the phone straight back
    wait_for(driver, lambda: visible(driver, "room-screen") and visible(driver, "ideas-panel"),
             "the room after a reload")
    assert not visible(driver, "join-screen")
    # The first answer to a submission is lost on the way back: the page sends it again
    # with the same key and the laptop applies it once.
    driver.execute_script("""
        const real = window.fetch;
        window.sentKeys = [];
        window.fetch = async function (url, options) {
          const reply = await real(url, options);
          if (String(url).endsWith('/api/submit')) {
            window.sentKeys.push(JSON.parse(options.body).key);
            if (window.sentKeys.length === 1) throw new TypeError('Failed to fetch');
          }
          return reply;
        };""")
    driver.find_element(By.ID, "idea-text").send_keys("Read every order back")
    driver.find_element(By.ID, "idea-send").click()
    keys = wait_for(driver, lambda: (lambda k: k if len(k) >= 2 else None)(
        driver.execute_script("return window.sentKeys")), "the retry")
    assert keys[0] == keys[1]
    wait_for(driver, lambda: "Read every order back" in text_of(driver, "mine-list"),
             "the idea shown once answered")
    assert room.read(lambda case: [i.text for i in case.room_ideas]) == ["Read every order back"]
