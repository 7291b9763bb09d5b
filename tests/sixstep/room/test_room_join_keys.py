"""A join retried after a lost reply joins once: the join's optional key, remembered per
client address for a few minutes, gives back the same token and device (also while the first
try is still running), and never lets another address or another name reuse it."""

from __future__ import annotations

import json
import threading
import time

import pytest

from sixstep.room.hub import Limits
from sixstep.room.phase import Phase
from sixstep.room.protocol import Join, RoomError, parse_join
from sixstep.room.server import RoomServer
from tests.sixstep.room.support import ROOMY, CaseRoom, FakeClock
from tests.sixstep.room.test_room_server import call

KEY = "join-key-0001"


def refused(call_, *args) -> RoomError:
    with pytest.raises(RoomError) as caught:
        call_(*args)
    return caught.value


def test_a_join_may_carry_a_key_with_the_submit_keys_rules():
    assert parse_join({"code": "ABC234", "name": "Ann", "key": KEY}) == (
        "ABC234", Join("Ann", KEY))
    assert parse_join({"code": "ABC234"}) == ("ABC234", Join("", None))
    assert parse_join({"code": "ABC234", "key": None}) == ("ABC234", Join("", None))
    for bad in ("short", "x" * 65, "has space1", 12345678, ["join-key-0001"]):
        error = refused(parse_join, {"code": "ABC234", "key": bad})
        assert error.status == 400 and "8 to 64 letters" in error.message


def test_a_retried_join_gets_the_same_token_and_device_and_one_participant():
    room = CaseRoom()
    first = room.hub.join("Ann", room.hub.code, "10.0.0.5", KEY)
    again = room.hub.join("Ann", room.hub.code, "10.0.0.5", KEY)
    assert again == first and first[1].participant_id == "p5"
    assert [p.name for p in room.case.participants].count("Ann") == 1
    assert len(room.hub.devices()) == 1 and len(room.applied) == 1
    assert room.hub.state(again[0])["device"] == "d1"


def test_retries_do_not_use_up_the_joins_an_address_may_make():
    room = CaseRoom()  # five joins a minute per address
    token, _ = room.hub.join("Ann", room.hub.code, "10.0.0.5", KEY)
    for _ in range(10):
        assert room.hub.join("Ann", room.hub.code, "10.0.0.5", KEY)[0] == token
    for number in range(4):
        room.hub.join(f"P{number}", room.hub.code, "10.0.0.5", f"other-key-{number}")
    assert refused(room.hub.join, "Q", room.hub.code, "10.0.0.5", "other-key-9").status == 429


def test_a_key_is_kept_per_address_and_for_its_own_join_only():
    room = CaseRoom()
    token, device = room.hub.join("Ann", room.hub.code, "10.0.0.5", KEY)
    other_token, other = room.hub.join("Ann", room.hub.code, "10.0.0.6", KEY)
    assert other_token != token and other.id != device.id  # another phone, its own join
    error = refused(room.hub.join, "Bo", room.hub.code, "10.0.0.5", KEY)
    assert error.status == 409 and "another join" in error.message
    assert len(room.hub.devices()) == 2


def test_a_refused_join_is_not_remembered():
    room = CaseRoom()
    wrong = "AAAAAA" if room.hub.code != "AAAAAA" else "BBBBBB"
    assert refused(room.hub.join, "Ann", wrong, "10.0.0.5", KEY).status == 403
    room.hub.allow_anonymous = False
    assert refused(room.hub.join, "", room.hub.code, "10.0.0.5", KEY).status == 400
    _, device = room.hub.join("Ann", room.hub.code, "10.0.0.5", KEY)  # the same key, fixed
    assert device.name == "Ann" and len(room.hub.devices()) == 1


def test_a_key_is_forgotten_after_a_few_minutes_and_beyond_the_bound():
    clock = FakeClock()
    room = CaseRoom(clock=clock, limits=Limits(join_key_seconds=300, join_keys=2,
                                               joins_per_minute=600, join_burst=100))
    token, _ = room.hub.join("Ann", room.hub.code, "10.0.0.5", KEY)
    clock.now += 299
    assert room.hub.join("Ann", room.hub.code, "10.0.0.5", KEY)[0] == token
    clock.now += 2
    assert room.hub.join("Ann", room.hub.code, "10.0.0.5", KEY)[0] != token
    assert len(room.hub.devices()) == 2
    for number in range(3):
        room.hub.join(f"P{number}", room.hub.code, "10.0.0.5", f"bound-key-{number}")
    assert list(room.hub._join_keys) == [("10.0.0.5", "bound-key-1"),
                                         ("10.0.0.5", "bound-key-2")]


def test_the_same_join_key_at_once_from_two_threads_joins_once():
    room = CaseRoom()
    entered, release = threading.Event(), threading.Event()
    inner = room.apply

    def slow_apply(submission):
        entered.set()
        assert release.wait(5)
        return inner(submission)

    room.hub._apply = slow_apply
    replies: list[object] = []
    threads = [threading.Thread(target=lambda: replies.append(
        room.hub.join("Ann", room.hub.code, "10.0.0.5", KEY))) for _ in range(3)]
    threads[0].start()
    assert entered.wait(5)
    for thread in threads[1:]:
        thread.start()
    time.sleep(0.2)  # the retries reach the hub while the first is still in flight
    release.set()
    for thread in threads:
        thread.join(5)
    assert len(replies) == 3 and len(set(replies)) == 1
    assert len(room.hub.devices()) == 1 and len(room.applied) == 1


def test_a_join_posted_twice_with_its_key_answers_the_same(request):
    room = CaseRoom(phase=Phase("ideas"), limits=ROOMY)
    server = RoomServer(room.hub)
    request.addfinalizer(server.close)
    server.start()
    body = {"code": room.hub.code, "name": "Ann", "key": KEY}
    replies = []
    for _ in range(2):
        status, _, raw = call(server, "POST", "/api/join", body)
        assert status == 200, raw
        replies.append(json.loads(raw))
    assert replies[0] == replies[1] and replies[0]["device"] == "d1"
    assert len(room.case.participants) == 5
    status, _, raw = call(server, "POST", "/api/join", {**body, "key": "bad key"})
    assert status == 400 and "8 to 64 letters" in json.loads(raw)["error"]
    status, _, raw = call(server, "POST", "/api/join", {**body, "key": "another-key-1"})
    assert status == 200 and json.loads(raw)["device"] == "d2"
