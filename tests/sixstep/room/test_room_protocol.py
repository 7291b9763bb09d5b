"""The phones' protocol: every malformed body refused with a sentence naming the problem, and
every request refused outside its phase."""

from __future__ import annotations

import json

import pytest

from sixstep.edits.dots import CastDot, TakeBackDot
from sixstep.edits.room import JoinParticipant, ReceiveRoomIdea
from sixstep.edits.scores import SetScore
from sixstep.room.phase import Phase
from sixstep.room.protocol import (
    MAX_BODY,
    Dot,
    Join,
    RoomError,
    Score,
    SendIdea,
    Submission,
    carry_out,
    parse_body,
    parse_join,
    parse_request,
    parse_submit,
    to_edit,
)
from tests.sixstep.room.support import happy_burgers


def refused(call, *args) -> RoomError:
    with pytest.raises(RoomError) as caught:
        call(*args)
    return caught.value


@pytest.mark.parametrize(("raw", "words"), [
    (b"\xff\xfe{}", "not UTF-8"),
    (b"{", "not JSON"),
    (b"", "not JSON"),
    (b'{"a": NaN}', "NaN"),
    (b'{"a": Infinity}', "Infinity"),
    (b'{"a": 1, "a": 2}', "'a' twice"),
    (b"[1, 2]", "JSON object"),
    (b'"text"', "JSON object"),
    (b"[" * 5000 + b"]" * 5000, "nested too deeply"),
    (b'{"a": [[[[[[[[[1]]]]]]]]]}', "nested too deeply"),
])
def test_bodies_refused_name_the_problem(raw, words):
    error = refused(parse_body, raw)
    assert error.status == 400 and words in error.message


def test_a_body_over_the_limit_is_refused_with_413():
    error = refused(parse_body, b" " * (MAX_BODY + 1))
    assert error.status == 413 and "16 KiB" in error.message


def test_a_good_body_parses():
    assert parse_body(json.dumps({"code": "ABC234", "name": "Ann"}).encode()) == {
        "code": "ABC234", "name": "Ann"}


@pytest.mark.parametrize(("data", "words"), [
    ({}, "needs a 'code'"),
    ({"code": 123456}, "room code must be text"),
    ({"code": "A" * 40}, "room code must be text"),
    ({"code": "ABC234", "name": 5}, "Your name must be text"),
    ({"code": "ABC234", "name": "x" * 1001}, "longer than 1,000 characters"),
    ({"code": "ABC234", "admin": True}, "unknown field 'admin'"),
    ("ABC234", "must be a JSON object"),
])
def test_joins_refused_name_the_problem(data, words):
    error = refused(parse_join, data)
    assert error.status == 400 and words in error.message


def test_a_join_keeps_the_name_without_surrounding_spaces():
    assert parse_join({"code": "abc234", "name": "  Ann  "}) == ("abc234", Join("Ann"))
    assert parse_join({"code": "ABC234"}) == ("ABC234", Join(""))


@pytest.mark.parametrize(("data", "words"), [
    ({"kind": "vote"}, "kind is idea, dot or score"),
    ({}, "kind is idea, dot or score"),
    ({"kind": "idea"}, "needs a 'text'"),
    ({"kind": "idea", "text": "   "}, "Write your idea first"),
    ({"kind": "idea", "text": ["a"]}, "Your idea must be text"),
    ({"kind": "idea", "text": "x" * 1001}, "longer than 1,000 characters"),
    ({"kind": "idea", "text": "ok", "category": 3}, "heading must be an id"),
    ({"kind": "idea", "text": "ok", "sender": "p1"}, "unknown field 'sender'"),
    ({"kind": "dot", "cause": "c1", "delta": 2}, "delta is 1"),
    ({"kind": "dot", "cause": "c1", "delta": True}, "delta is 1"),
    ({"kind": "dot", "cause": "", "delta": 1}, "cause must be an id"),
    ({"kind": "dot", "cause": "c1", "delta": 1, "participant": "p2"}, "unknown field"),
    ({"kind": "dot", "cause": "c\n1", "delta": 1}, "may not break across lines"),
    ({"kind": "score", "alternative": "a1", "criterion": "k3"}, "needs a 'value'"),
    ({"kind": "score", "alternative": "a1", "criterion": "k3", "value": "7"}, "A score is"),
    ({"kind": "score", "alternative": "a1", "criterion": "k3", "value": 1e400}, "A score is"),
    ({"kind": "score", "alternative": "a1", "criterion": None, "value": 7}, "criterion must"),
])
def test_requests_refused_name_the_problem(data, words):
    error = refused(parse_request, data)
    assert error.status == 400 and words in error.message


def test_requests_parse_into_typed_records():
    assert parse_request({"kind": "idea", "text": "<b>hi</b>", "category": "people"}) == \
        SendIdea("<b>hi</b>", "people")
    assert parse_request({"kind": "idea", "text": "an idea", "category": None}) == \
        SendIdea("an idea", None)
    assert parse_request({"kind": "dot", "cause": "c1", "delta": -1}) == Dot("c1", -1)
    assert parse_request({"kind": "score", "alternative": "a1", "criterion": "k1",
                          "value": False}) == Score("a1", "k1", False)
    assert parse_request({"kind": "score", "alternative": "a1", "criterion": "k3",
                          "value": None}) == Score("a1", "k3", None)


@pytest.mark.parametrize(("key", "words"), [
    ("short", "8 to 64"),
    ("x" * 65, "8 to 64"),
    ("has space here", "8 to 64"),
    ("abcdefgh\n", "8 to 64"),
    (12345678, "8 to 64"),
])
def test_submissions_need_a_good_key(key, words):
    error = refused(parse_submit, {"key": key, "request": {"kind": "dot", "cause": "c1",
                                                          "delta": 1}})
    assert error.status == 400 and words in error.message


def test_a_submission_parses_its_key_and_request():
    assert parse_submit({"key": "k-123_abc", "request": {"kind": "dot", "cause": "c1",
                                                         "delta": 1}}) == ("k-123_abc",
                                                                           Dot("c1", 1))
    assert "unknown field 'extra'" in refused(parse_submit, {"key": "abcdefgh", "request": {},
                                                             "extra": 1}).message


# -- to_edit: the open phase decides ----------------------------------------------------------
IDEA, DOT, SCORE = SendIdea("x", "people"), Dot("c1", 1), Score("a1", "k3", 7)


@pytest.mark.parametrize(("kind", "request_", "words"), [
    ("closed", IDEA, "Ideas are not open"), ("dots", IDEA, "Ideas are not open"),
    ("scores", IDEA, "Ideas are not open"), ("closed", DOT, "Dots are not open"),
    ("ideas", DOT, "Dots are not open"), ("scores", DOT, "Dots are not open"),
    ("closed", SCORE, "Scores are not open"), ("ideas", SCORE, "Scores are not open"),
    ("dots", SCORE, "Scores are not open"),
])
def test_a_request_outside_its_phase_is_refused(kind, request_, words):
    error = refused(to_edit, happy_burgers(), "p1", Phase(kind), request_)
    assert error.status == 409 and words in error.message


def test_each_open_phase_gives_its_verb():
    case = happy_burgers()
    assert to_edit(case, "p1", Phase("ideas"), IDEA) == ReceiveRoomIdea("x", "cause", "people",
                                                                        "p1")
    assert to_edit(case, "p1", Phase("ideas", "alternative"), SendIdea("y", None)) == \
        ReceiveRoomIdea("y", "alternative", None, "p1")
    assert to_edit(case, "p2", Phase("dots"), DOT) == CastDot("c1", "p2")
    assert to_edit(case, "p2", Phase("dots"), Dot("c1", -1)) == TakeBackDot("c1", "p2")
    assert to_edit(case, "p3", Phase("scores"), SCORE) == SetScore("a1", "k3", 7, "p3")
    assert to_edit(case, None, Phase(), Join("Ann")) == JoinParticipant("Ann")


def test_ideas_follow_the_phase_target():
    case = happy_burgers()
    error = refused(to_edit, case, "p1", Phase("ideas", "alternative"), IDEA)
    assert error.status == 409 and "alternatives now" in error.message
    assert "Choose a heading" in refused(to_edit, case, "p1", Phase("ideas"),
                                         SendIdea("x", None)).message


def test_a_phone_acts_only_as_a_participant_of_the_case():
    case = happy_burgers()
    for who in (None, "p99"):
        error = refused(to_edit, case, who, Phase("dots"), DOT)
        assert error.status == 409 and "join again" in error.message


def test_scores_only_for_open_alternatives_and_dots_not_in_anonymous_mode():
    case = happy_burgers()
    eliminated = next(a.id for a in case.alternatives if a.status != "open")
    assert "not open for scoring" in refused(
        to_edit, case, "p1", Phase("scores"), Score(eliminated, "k3", 5)).message
    case.dot_settings.anonymous = True
    assert "by hand" in refused(to_edit, case, "p1", Phase("dots"), DOT).message


def test_carry_out_applies_answers_and_names_a_new_participant():
    case = happy_burgers()
    outcome = carry_out(case, Phase(), Submission("d1", None, Join("Ann")))
    assert outcome.ok and outcome.participant_id == "p5" and case.participants[-1].name == "Ann"
    outcome = carry_out(case, Phase("ideas"), Submission("d1", "p5", IDEA))
    assert outcome.ok and outcome.message == "Idea sent."
    assert [(i.text, i.sender) for i in case.room_ideas] == [("x", "p5")]


def test_carry_out_turns_a_verb_refusal_into_a_refused_outcome():
    case = happy_burgers()
    phase = Phase("dots")
    assert carry_out(case, phase, Submission("d1", None, Join("Ann"))).participant_id == "p5"
    results = [carry_out(case, phase, Submission("d1", "p5", Dot("c2", 1))) for _ in range(4)]
    assert [r.ok for r in results] == [True, True, True, False]  # the cap is 3 per cause
    assert "cap of 3" in results[-1].message
    unknown = carry_out(case, phase, Submission("d1", "p5", Dot("nope", 1)))
    assert not unknown.ok and "no cause 'nope'" in unknown.message


def test_carry_out_runs_the_edit_through_the_given_runner():
    case, ran = happy_burgers(), []
    outcome = carry_out(case, Phase("scores"), Submission("d1", "p1", SCORE),
                        run=lambda edit: ran.append(edit.apply(case)))
    assert outcome.ok and len(ran) == 1
