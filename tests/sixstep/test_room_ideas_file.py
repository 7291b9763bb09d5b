"""The room's inbox in the case file: saved in order, left out while empty, described by
the schema, and refused with the place and the problem when an idea is wrong."""

from __future__ import annotations

import json

import pytest

from sixstep.caseio import CaseFormatError, dumps_case, loads_case
from sixstep.schema import load_schema
from tests.sixstep.room_cases import doc, every_field_doc, text


def test_the_inbox_round_trips_byte_for_byte_with_unknown_keys():
    full = every_field_doc()
    full["room_ideas"][0]["device"] = "d3"  # a newer tool's key on an idea
    once = dumps_case(loads_case(text(full)))
    saved = json.loads(once)
    assert saved["room_ideas"] == [
        {"id": "r1", "text": "Queue too long", "target": "cause", "category": "people",
         "sender": "p2", "device": "d3"},
        {"id": "r2", "text": "Self-order kiosk", "target": "alternative", "category": None,
         "sender": None}]
    assert dumps_case(loads_case(once)) == once
    idea = loads_case(once).room_ideas[0]
    assert (idea.id, idea.target, idea.category, idea.sender) == ("r1", "cause", "people", "p2")
    assert idea.extra == {"device": "d3"}


def test_an_old_file_has_an_empty_inbox_and_saves_without_it():
    case = loads_case(text(doc()))
    assert case.room_ideas == []
    assert "room_ideas" not in json.loads(dumps_case(case))


def test_category_and_sender_may_be_left_out_where_null_is_meant():
    case = loads_case(text(doc(room_ideas=[{"id": "r1", "text": "Kiosk",
                                            "target": "alternative"}])))
    assert (case.room_ideas[0].category, case.room_ideas[0].sender) == (None, None)


def test_the_schema_describes_an_idea_and_accepts_the_saved_file():
    jsonschema = pytest.importorskip("jsonschema")
    schema = load_schema()
    ideas = schema["properties"]["room_ideas"]
    assert len(ideas["description"]) > 30
    for name, field in ideas["items"]["properties"].items():
        assert len(field["description"]) > 20, name
    jsonschema.validate(json.loads(dumps_case(loads_case(text(every_field_doc())))), schema)
    bad = every_field_doc()
    bad["room_ideas"][0]["target"] = "criterion"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def _idea(**changes):
    idea = {"id": "r1", "text": "Queue too long", "target": "cause", "category": "people",
            "sender": "p2"}
    idea.update(changes)
    return {key: value for key, value in idea.items() if value != "-"}


@pytest.mark.parametrize(("ideas", "words"), [
    ({"id": "r1"}, ("room_ideas",)),
    ([7], ("room_ideas[0]", "object")),
    ([_idea(id="-")], ("room_ideas[0]", "'id' is missing")),
    ([_idea(id="")], ("room_ideas[0].id", "empty")),
    ([_idea(), _idea(text="Again")], ("room_ideas[1].id", "'r1' is used twice")),
    ([_idea(text="-")], ("room_ideas[0]", "'text' is missing")),
    ([_idea(text=" ")], ("room_ideas[0]", "needs some text")),
    ([_idea(text=["Slow"])], ("room_ideas[0].text", "should be text")),
    ([_idea(text="x" * 1001)], ("room_ideas[0].text",)),
    ([_idea(target="criterion")], ("room_ideas[0]", "'criterion'")),
    ([_idea(target="-")], ("room_ideas[0]", "'target' is missing")),
    ([_idea(category="nope")], ("room_ideas[0]", "no heading with the id 'nope'")),
    ([_idea(category=None)], ("room_ideas[0]", "no heading")),
    ([_idea(target="alternative")], ("room_ideas[0]", "goes under no heading")),
    ([_idea(sender="p9")], ("room_ideas[0]", "no participant with the id 'p9'")),
    ([_idea(sender=3)], ("room_ideas[0].sender", "should be text")),
])
def test_a_bad_idea_is_refused_naming_the_place_and_the_problem(ideas, words):
    full = every_field_doc()
    full["room_ideas"] = ideas
    with pytest.raises(CaseFormatError) as caught:
        loads_case(text(full))
    for word in words:
        assert word in str(caught.value), str(caught.value)
