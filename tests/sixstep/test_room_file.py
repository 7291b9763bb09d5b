"""The room's optional records in the case file: defaults, round trips, schema, refusals."""

from __future__ import annotations

import json

import pytest

from sample_cases import read_sample, sample_names
from sixstep.caseio import CaseFormatError, dumps_case, loads_case
from sixstep.schema import load_schema
from tests.sixstep.room_cases import EVERY_FIELD, doc, every_field_doc, text


def test_a_file_without_the_new_fields_gets_the_defaults_and_saves_without_them():
    case = loads_case(text(doc()))
    assert case.workshop.date == "" and case.dots == [] and case.relations == []
    assert case.parking_lot == [] and case.timers == {}
    assert case.dot_settings.budget is None and not case.blind.on
    saved = json.loads(dumps_case(case))
    assert not set(EVERY_FIELD) & set(saved)


@pytest.mark.parametrize("name", sample_names())
def test_samples_still_round_trip_byte_for_byte(name):
    data = read_sample(name)
    assert dumps_case(loads_case(data)) == data


@pytest.mark.parametrize("key", sorted(EVERY_FIELD))
def test_each_new_field_round_trips_byte_for_byte(key):
    full = every_field_doc()
    one = doc(**{key: full[key]})
    one["fishbone"] = full["fishbone"] if key == "dots" else one["fishbone"]
    if key == "dots":
        one["dot_settings"] = full["dot_settings"]
    once = dumps_case(loads_case(text(one)))
    assert key in json.loads(once)
    assert dumps_case(loads_case(once)) == once


def test_a_case_using_every_field_round_trips_and_keeps_unknown_keys():
    full = every_field_doc()
    full["relations"][0]["weight"] = "strong"  # a newer tool's key on a record
    full["workshop"]["room_booking"] = 42
    once = dumps_case(loads_case(text(full)))
    saved = json.loads(once)
    assert saved["relations"][0] == {"from": "c1", "to": "c2", "weight": "strong"}
    assert saved["workshop"]["room_booking"] == 42
    assert dumps_case(loads_case(once)) == once
    case = loads_case(once)
    assert case.workshop.facilitator == "Sam" and case.blind.hides
    assert [(d.cause, d.participant, d.count) for d in case.dots] == [
        ("c1", "p1", 2), ("c1", "p2", 1), ("c4", None, 5)]


def test_the_schema_accepts_every_sample_and_a_case_using_every_field():
    jsonschema = pytest.importorskip("jsonschema")
    schema = load_schema()
    for name in sample_names():
        jsonschema.validate(json.loads(read_sample(name)), schema)
    jsonschema.validate(every_field_doc(), schema)
    jsonschema.validate(json.loads(dumps_case(loads_case(text(every_field_doc())))), schema)


def test_the_schema_describes_every_new_field():
    props = load_schema()["properties"]
    for key in [*EVERY_FIELD, "participants"]:
        assert len(props[key]["description"]) > 30


def test_timers_are_saved_in_step_order():
    case = loads_case(text(doc(timers={"5": 60, "1": 30})))
    assert list(case.timers) == ["1", "5"]


def _refused(document: dict, *words: str) -> str:
    with pytest.raises(CaseFormatError) as caught:
        loads_case(text(document))
    message = str(caught.value)
    for word in words:
        assert word in message, message
    return message


def _with(key: str, value) -> dict:
    full = every_field_doc()
    full[key] = value
    return full


@pytest.mark.parametrize(("key", "value", "words"), [
    ("workshop", {"date": "14/03/2026"}, ("workshop.date", "YYYY-MM-DD")),
    ("workshop", {"date": "2026-02-30"}, ("workshop.date",)),
    ("workshop", {"facilitator": 7}, ("workshop.facilitator", "text")),
    ("dot_settings", {"budget": 0}, ("dot_settings.budget", "budget")),
    ("dot_settings", {"cap": 2.5}, ("dot_settings.cap",)),
    ("dot_settings", {"anonymous": "yes"}, ("dot_settings.anonymous",)),
    ("relations", [{"from": "c1", "to": "c9"}], ("relations[0]", "c9")),
    ("relations", [{"from": "c1", "to": "c1"}], ("relations[0]", "itself")),
    ("relations", [{"from": "c1", "to": "c2"}, {"from": "c1", "to": "c2"}],
     ("relations[1]", "already")),
    ("relations", [{"from": "c1"}], ("relations[0]", "'to'")),
    ("parking_lot", [{"text": "x", "step": 7}], ("parking_lot[0].step", "1 to 6")),
    ("parking_lot", [{"text": "x", "done": 1}], ("parking_lot[0].done",)),
    ("blind_scoring", {"on": False, "revealed": True}, ("blind_scoring", "turn it on")),
    ("timers", {"7": 60}, ("timers.7",)),
    ("timers", {"2": 0}, ("timers.2", "seconds")),
])
def test_bad_values_are_refused_naming_the_place(key, value, words):
    _refused(_with(key, value), *words)


def test_dots_must_name_existing_causes_and_participants_once_each():
    full = every_field_doc()
    full["dots"][0]["cause"] = "c99"
    _refused(full, "dots[0].cause", "c99")
    full = every_field_doc()
    full["dots"][1]["participant"] = "p9"
    _refused(full, "dots[1].participant", "p9")
    full = every_field_doc()
    full["dots"].append({"cause": "c1", "participant": "p1", "count": 1})
    _refused(full, "dots[3]", "second")
    full = every_field_doc()
    full["dots"][0]["count"] = 0
    _refused(full, "dots[0].count")


def test_votes_must_equal_the_total_of_a_causes_dots():
    full = every_field_doc()
    full["fishbone"]["causes"][0]["votes"] = 4
    _refused(full, "fishbone.causes[0].votes", "3 dots")
    full = every_field_doc()  # a cause with no dot records keeps its hand count
    full["fishbone"]["causes"][5]["votes"] = 7
    assert loads_case(text(full)).fishbone.cause("c6").votes == 7


def test_budget_and_cap_are_respected_on_load():
    full = every_field_doc()
    full["dot_settings"]["cap"] = 1
    _refused(full, "dots[0]", "cap of 1")
    full = every_field_doc()
    full["dot_settings"]["budget"] = 1
    _refused(full, "dots[0]", "budget of 1")
    full = every_field_doc()  # anonymous dots are the room's totals: no budget or cap
    full["dots"][2]["count"] = 50
    full["fishbone"]["causes"][3]["votes"] = 50
    assert loads_case(text(full)).fishbone.cause("c4").votes == 50
