"""What a phone may see: its own entries only, and group results only once revealed."""

from __future__ import annotations

import json

from sixstep.case import Dot, RoomIdea
from sixstep.dots import dot_totals
from sixstep.room.phase import Phase
from sixstep.room.view import room_view
from tests.sixstep.room.support import happy_burgers


def blind_case():
    case = happy_burgers()
    case.blind.on, case.blind.revealed = True, False
    return case


def phone_json(case, phase, who="p1") -> str:
    return json.dumps(room_view(case, phase).for_participant(who), sort_keys=True)


def test_a_phone_sees_its_own_entries_only():
    case = blind_case()
    mine = room_view(case, Phase("scores")).for_participant("p2")["mine"]
    own_scores = [s for s in case.scores if s.participant == "p2"]
    assert own_scores and len(mine["scores"]) == len(own_scores)
    assert {(s.alternative, s.criterion, s.value) for s in own_scores} == {
        (s["alternative"], s["criterion"], s["value"]) for s in mine["scores"]}
    held = {d.cause: d.count for d in case.dots if d.participant == "p2"}
    assert mine["dots"] == held and mine["dots_left"] == 9 - sum(held.values())


def test_others_blind_scores_and_dots_change_nothing_a_phone_sees():
    """p1's JSON is the same byte for byte whatever the others scored and dotted."""
    phase = Phase("scores")
    case = blind_case()
    before = phone_json(case, phase)
    other = blind_case()
    for score in other.scores:
        if score.participant not in (None, "p1") and not isinstance(score.value, bool):
            score.value = 1 if score.value != 1 else 10
    other.dots = [d for d in other.dots if d.participant in (None, "p1")]
    other.dots.append(Dot("c20", "p3", 3))
    for cause in other.fishbone.causes:  # the votes follow the dots
        cause.votes = dot_totals(other).get(cause.id, 0)
    assert phone_json(other, phase) == before
    assert phone_json(other, Phase("dots")) == phone_json(blind_case(), Phase("dots"))


def test_group_results_stay_hidden_until_revealed():
    case = blind_case()
    group = room_view(case, Phase("scores")).for_participant("p1")["group"]
    assert group == {"dots": None, "cells": None, "contested": None}
    assert all("votes" not in cause for cause in room_view(case, Phase()).public["causes"])


def test_the_reveal_shows_group_cells_and_contested_cells():
    case = blind_case()
    case.blind.revealed = True
    group = room_view(case, Phase("scores")).for_participant("p1")["group"]
    cells = {(c["alternative"], c["criterion"]): c["value"] for c in group["cells"]}
    assert cells and all(alt in {a.id for a in case.open_alternatives()} for alt, _ in cells)
    assert group["contested"] and all(c["spread"] >= 0.3 for c in group["contested"])
    case.blind.on = case.blind.revealed = False  # blind scoring off: nothing to hide
    assert room_view(case, Phase("scores")).for_participant("p1")["group"]["cells"]


def test_revealing_dots_shows_the_totals():
    case = blind_case()
    assert room_view(case, Phase("dots")).for_participant("p1")["group"]["dots"] is None
    shown = room_view(case, Phase("dots", dots_revealed=True)).for_participant("p1")
    assert shown["group"]["dots"] == dot_totals(case)


def test_pending_ideas_go_to_their_sender_only():
    case = blind_case()
    case.room_ideas.append(RoomIdea("r1", "<script>alert(1)</script>", "cause", "people", "p2"))
    view = room_view(case, Phase("ideas"))
    assert view.for_participant("p2")["mine"]["ideas"] == [
        {"id": "r1", "text": "<script>alert(1)</script>", "target": "cause",
         "category": "people"}]
    assert view.for_participant("p1")["mine"]["ideas"] == []
    assert "alert" not in json.dumps(view.for_participant("p1"))


def test_the_public_part_names_what_the_phone_needs():
    case = blind_case()
    data = room_view(case, Phase("ideas", "alternative", timer_left=90,
                                 timer_running=True)).for_participant("p9")
    assert data["phase"] == {"kind": "ideas", "ideas_target": "alternative",
                             "dots_revealed": False, "timer_left": 90, "timer_running": True}
    assert data["ideas_target"] == "alternative"
    assert [h["id"] for h in data["headings"]][:2] == ["equipment", "systems"]
    assert [a["id"] for a in data["alternatives"]] == [a.id for a in case.open_alternatives()]
    assert data["criteria"][0] == {"id": "k1", "name": "Works with one person on shift",
                                   "kind": "must", "weight": None}
    assert data["scale"] == {"min": 1, "max": 10}
    assert data["dots"] == {"budget": 9, "cap": 3, "anonymous": False}
    assert data["blind"] == {"on": True, "revealed": False}
    assert data["mine"] == {"dots": {}, "dots_left": 9, "scores": [], "ideas": []}
    json.dumps(data)  # JSON-ready throughout
