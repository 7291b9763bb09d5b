"""The hub: joining with the room code, tokens, removed devices, idempotency keys (also when
the same key arrives twice at once) and the rate limits, with an injected clock."""

from __future__ import annotations

import threading
import time

import pytest

from sixstep.room.hub import Limits, Outcome, RoomHub
from sixstep.room.phase import Phase
from sixstep.room.protocol import Dot, RoomError, SendIdea
from tests.sixstep.room.support import ROOMY, CaseRoom, FakeClock

IDEA = SendIdea("Fryer too slow", "equipment")


def refused(call, *args) -> RoomError:
    with pytest.raises(RoomError) as caught:
        call(*args)
    return caught.value


def test_a_phone_joins_with_the_room_code_and_becomes_a_participant():
    room = CaseRoom()
    told = []
    room.hub.on_devices_changed = lambda: told.append(room.hub.joined_count)
    token, device = room.hub.join("Ann", f" {room.hub.code.lower()} ", "10.0.0.5")
    assert (device.id, device.name, device.participant_id) == ("d1", "Ann", "p5")
    assert room.case.participants[-1].name == "Ann" and told == [1]
    state = room.hub.state(token)
    assert (state["device"], state["name"], state["mine"]["dots_left"]) == ("d1", "Ann", 9)


def test_a_wrong_room_code_is_refused_and_joins_nobody():
    room = CaseRoom()
    wrong = "AAAAAA" if room.hub.code != "AAAAAA" else "BBBBBB"
    for code in (wrong, "", room.hub.code + "X", "\u00e9\u00e9\u00e9"):
        error = refused(room.hub.join, "Eve", code, "10.0.0.6")
        assert error.status == 403 and "not this room's code" in error.message
    assert len(room.case.participants) == 4 and room.hub.devices() == []


def test_anonymous_phones_get_a_name_unless_the_facilitator_wants_names():
    room = CaseRoom()
    _, device = room.hub.join("", room.hub.code, "10.0.0.5")
    assert device.name == "Phone 1" and room.case.participants[-1].name == "Phone 1"
    room.hub.allow_anonymous = False
    error = refused(room.hub.join, "  ", room.hub.code, "10.0.0.7")
    assert error.status == 400 and "name or initials" in error.message


def test_requests_without_a_live_token_are_refused():
    room, other = CaseRoom(phase=Phase("ideas")), CaseRoom(phase=Phase("ideas"))
    foreign, _ = other.hub.join("Mallory", other.hub.code, "10.0.0.9")
    token, device = room.hub.join("Ann", room.hub.code, "10.0.0.5")
    for bad in (None, "", "not-a-token", foreign, token + "x"):
        assert refused(room.hub.state, bad).status == 401
        assert refused(room.hub.submit, bad, "key-00001", IDEA).status == 401
    assert room.hub.remove_device(device.id) and not room.hub.remove_device(device.id)
    assert room.hub.joined_count == 0 and room.hub.devices()[0].removed
    error = refused(room.hub.submit, token, "key-00002", IDEA)
    assert error.status == 401 and "not in the room" in error.message
    assert refused(room.hub.state, token).status == 401 and room.case.room_ideas == []


def test_the_same_key_twice_is_applied_once():
    room = CaseRoom(phase=Phase("ideas"))
    token, _ = room.hub.join("Ann", room.hub.code, "10.0.0.5")
    first = room.hub.submit(token, "key-00001", IDEA)
    again = room.hub.submit(token, "key-00001", IDEA)
    assert first == again == {"ok": True, "message": "Idea sent."}
    assert len(room.case.room_ideas) == 1 and len(room.applied) == 2  # the join and the idea
    room.hub.submit(token, "key-00002", IDEA)
    assert len(room.case.room_ideas) == 2
    error = refused(room.hub.submit, token, "key-00001", SendIdea("other", "people"))
    assert error.status == 409 and "another request" in error.message


def test_a_refusal_is_remembered_too_but_a_busy_laptop_is_not():
    calls = []
    answers = [RoomError(503, "The laptop is busy; try again"), Outcome(True, "Idea sent.")]

    def apply(submission):
        calls.append(submission)
        if submission.participant_id is None:
            return Outcome(True, "in", "p1")
        answer = answers.pop(0)
        if isinstance(answer, RoomError):
            raise answer
        return answer

    hub = RoomHub(apply)
    token, _ = hub.join("Ann", hub.code, "10.0.0.5")
    assert refused(hub.submit, token, "key-00001", IDEA).status == 503
    assert hub.submit(token, "key-00001", IDEA)["ok"] and len(calls) == 3
    room = CaseRoom(phase=Phase("dots"))
    token, _ = room.hub.join("Ann", room.hub.code, "10.0.0.5")
    first = refused(room.hub.submit, token, "key-00003", IDEA)
    assert first.status == 409 and "Ideas are not open" in first.message
    room.open(Phase("ideas"))
    assert refused(room.hub.submit, token, "key-00003", IDEA).message == first.message
    assert room.case.room_ideas == []


def test_a_crash_in_apply_gives_a_sentence_not_a_traceback():
    def apply(submission):
        raise KeyError("secret internals")

    hub = RoomHub(apply)
    error = refused(hub.join, "Ann", hub.code, "10.0.0.5")
    assert error.status == 500 and "secret" not in error.message


def test_the_same_key_at_once_from_two_threads_is_applied_once():
    room = CaseRoom(phase=Phase("ideas"))
    token, _ = room.hub.join("Ann", room.hub.code, "10.0.0.5")
    entered, release = threading.Event(), threading.Event()
    inner = room.apply

    def slow_apply(submission):
        entered.set()
        assert release.wait(5)
        return inner(submission)

    room.hub._apply = slow_apply
    replies: list[object] = []
    threads = [threading.Thread(target=lambda: replies.append(
        room.hub.submit(token, "same-key-1", IDEA))) for _ in range(3)]
    threads[0].start()
    assert entered.wait(5)
    for thread in threads[1:]:
        thread.start()
    time.sleep(0.2)  # the retries reach the hub while the first is still in flight
    release.set()
    for thread in threads:
        thread.join(5)
    assert replies == [{"ok": True, "message": "Idea sent."}] * 3
    assert len(room.case.room_ideas) == 1


def test_requests_per_device_are_rate_limited():
    clock = FakeClock()
    room = CaseRoom(phase=Phase("ideas"), clock=clock)
    token, _ = room.hub.join("Ann", room.hub.code, "10.0.0.5")
    other, _ = room.hub.join("Bo", room.hub.code, "10.0.0.6")
    for _ in range(20):
        room.hub.state(token)
    error = refused(room.hub.state, token)
    assert error.status == 429 and "slow down" in error.message
    assert refused(room.hub.submit, token, "key-00001", IDEA).status == 429
    room.hub.state(other)  # another phone is not held up
    clock.now += 0.5  # five more at 10 a second
    for _ in range(5):
        room.hub.state(token)
    assert refused(room.hub.state, token).status == 429


def test_joins_per_address_are_rate_limited():
    clock = FakeClock()
    room = CaseRoom(clock=clock)
    for number in range(5):
        room.hub.join(f"P{number}", room.hub.code, "10.0.0.5")
    error = refused(room.hub.join, "P5", room.hub.code, "10.0.0.5")
    assert error.status == 429 and "wait a minute" in error.message
    room.hub.join("Q", room.hub.code, "10.0.0.6")
    clock.now += 12  # one join back per twelve seconds
    room.hub.join("P5", room.hub.code, "10.0.0.5")
    assert refused(room.hub.join, "P6", room.hub.code, "10.0.0.5").status == 429
    assert len(room.case.participants) == 4 + 7


def test_guessing_the_code_from_many_addresses_locks_joining_for_a_while():
    clock = FakeClock()
    room = CaseRoom(clock=clock)
    wrong = "AAAAAA" if room.hub.code != "AAAAAA" else "BBBBBB"
    for number in range(30):
        assert refused(room.hub.join, "Eve", wrong, f"10.0.1.{number}").status == 403
    error = refused(room.hub.join, "Eve", room.hub.code, "10.0.2.1")  # even the right code
    assert error.status == 429 and "wrong room codes" in error.message
    clock.now += 4
    room.hub.join("Ann", room.hub.code, "10.0.2.1")


def test_remembered_keys_are_bounded_per_device():
    room = CaseRoom(phase=Phase("dots"), limits=Limits(keys_per_device=3))
    token, _ = room.hub.join("Ann", room.hub.code, "10.0.0.5")
    for number in range(6):
        refused(room.hub.submit, token, f"key-0000{number}", Dot("nope", 1))
    entry = next(iter(room.hub._by_id.values()))
    assert list(entry.keys) == ["key-00003", "key-00004", "key-00005"]


def test_the_timer_counts_down_between_publications():
    clock = FakeClock()
    room = CaseRoom(phase=Phase("ideas", timer_left=120, timer_running=True), clock=clock,
                    limits=ROOMY)
    token, _ = room.hub.join("Ann", room.hub.code, "10.0.0.5")
    clock.now += 30.5
    assert room.hub.state(token)["phase"]["timer_left"] == 90
    clock.now += 500
    assert room.hub.state(token)["phase"]["timer_left"] == 0
    room.open(Phase("ideas", timer_left=60, timer_running=False))
    clock.now += 30
    assert room.hub.state(token)["phase"]["timer_left"] == 60


def test_no_view_yet_means_try_again():
    hub = RoomHub(lambda s: Outcome(True, "in", "p1"))
    token, _ = hub.join("Ann", hub.code, "10.0.0.5")
    assert refused(hub.state, token).status == 503


def test_a_full_room_refuses_more_phones_and_a_failing_listener_changes_nothing():
    room = CaseRoom(limits=Limits(max_devices=2))

    def broken():
        raise RuntimeError("listener failed")

    room.hub.on_devices_changed = broken
    for name in ("Ann", "Bo"):
        room.hub.join(name, room.hub.code, f"10.0.0.{len(name)}")
    error = refused(room.hub.join, "Cy", room.hub.code, "10.0.0.9")
    assert error.status == 503 and "full" in error.message
    assert [d.name for d in room.hub.devices()] == ["Ann", "Bo"] and room.hub.joined_count == 2
