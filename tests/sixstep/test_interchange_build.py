"""Imports build diagrams and merge plans; every sample round-trips through every format;
hostile input is refused quickly and whole, in every format."""

import time

import pytest

from fishbone.model import DEFAULT_CATEGORIES, Category, Cause, Diagram
from sixstep.caseio import dumps_case, load_case, loads_case, new_case
from sixstep.interchange import (
    FORMATS,
    InterchangeError,
    Outline,
    export_bytes,
    import_diagram,
    merge_into,
    merged,
    paste_plan,
    read_outline,
)
from sixstep.interchange.markdown import read_markdown

from .interchange_shapes import SAMPLES, shape

CARRIES = {"mermaid": {}, "markdown": {"status": True},
           "opml": {"status": True, "notes": True}, "csv": {"status": True, "notes": True}}


@pytest.mark.parametrize("name", sorted(FORMATS))
@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name.split(".")[0] for p in SAMPLES])
def test_every_sample_round_trips_through_every_format(sample, name):
    diagram = load_case(sample).fishbone
    back = import_diagram(name, export_bytes(name, diagram))
    assert shape(back, **CARRIES[name]) == shape(diagram, **CARRIES[name])
    assert [(c.id, c.name) for c in back.categories] == [
        (c.id, c.name) for c in diagram.categories]
    case = new_case()
    case.fishbone = back
    assert dumps_case(loads_case(dumps_case(case))) == dumps_case(case)


def test_default_headings_are_matched_by_name_and_others_added():
    diagram = read_and_build("- PEOPLE\n  - Tired\n- Weather\n- equipment\n  - Oven\n")
    assert [(c.id, c.name) for c in diagram.categories] == [
        ("people", "People"), ("weather", "Weather"), ("equipment", "Equipment")]
    assert [(c.id, c.category, c.parent, c.text) for c in diagram.causes] == [
        ("c1", "people", None, "Tired"), ("c2", "equipment", None, "Oven")]


def test_repeated_headings_become_one_and_no_headings_keep_the_defaults():
    diagram = read_and_build("- People\n  - a\n- Systems\n- people\n  - b\n")
    assert [c.name for c in diagram.categories] == ["People", "Systems"]
    assert [c.text for c in diagram.children("people")] == ["a", "b"]
    bare = read_and_build("# Only an effect\n")
    assert bare.effect == "Only an effect"
    assert [(c.id, c.name) for c in bare.categories] == list(
        (cid, name) for cid, name in DEFAULT_CATEGORIES)


def read_and_build(text: str) -> Diagram:
    return import_diagram("markdown", text)


def test_merge_into_plans_without_changing_the_diagram():
    diagram = Diagram("Existing", [Category("people", "People")], [
        Cause("c1", "people", None, "Tired"), Cause("c7", "people", "c1", "Long shifts")])
    before = shape(diagram)
    plan = merge_into(diagram, read_markdown(
        "# Other effect\n- people\n  - Bored\n    - Same tasks\n- Weather\n  - Rain [confirmed]\n"))
    assert shape(diagram) == before
    assert plan.effect is None
    assert [(c.id, c.name) for c in plan.categories] == [("weather", "Weather")]
    assert [(cat, parent, c.id, c.text, c.status) for cat, parent, c in plan.causes] == [
        ("people", None, "c8", "Bored", "possible"),
        ("people", "c8", "c9", "Same tasks", "possible"),
        ("weather", None, "c10", "Rain", "confirmed"),
    ]
    result = merged(diagram, plan)
    assert [c.text for c in result.children("people")] == ["Tired", "Bored"]
    assert result.effect == "Existing"
    for category in plan.categories:  # applying the plan verb by verb gives the same
        diagram.add_category(Category(category.id, category.name))
    for category_id, parent_id, cause in plan.causes:
        diagram.add_cause(Cause(cause.id, category_id, parent_id, cause.text))
    assert shape(diagram) == shape(result)


def test_merge_sets_the_effect_only_when_there_was_none():
    plan = merge_into(Diagram(""), Outline("Imported"))
    assert plan.effect == "Imported"


def test_paste_plan_puts_everything_under_one_cause():
    diagram = Diagram("E", [Category("people", "People")], [Cause("c1", "people", None, "Tired")])
    plan = paste_plan(diagram, read_markdown("# ignored\n- Long shifts\n  - Nights\n- Stress\n"),
                      "people", "c1")
    assert [(parent, c.text) for _, parent, c in plan.causes] == [
        ("c1", "Long shifts"), ("c2", "Nights"), ("c1", "Stress")]
    assert plan.effect is None and plan.categories == ()


HOSTILE = {
    "200,000 lines": ("x\n" * 200_000).encode(),
    "10,000-deep indentation": "".join(" " * i + "- x\n" for i in range(10_000)).encode(),
    "binary": bytes(range(256)) * 64,
    "zip header": b"PK\x03\x04" + b"\x00" * 2000,
    "NUL in text": b"ishikawa\n  E\x00\n",
}


@pytest.mark.parametrize("name", sorted(FORMATS))
@pytest.mark.parametrize("what", HOSTILE)
def test_hostile_input_is_refused_quickly_with_one_line(name, what):
    start = time.process_time()
    with pytest.raises(InterchangeError) as caught:
        read_outline(name, HOSTILE[what])
    assert time.process_time() - start < 1.0
    assert "\n" not in str(caught.value) and str(caught.value)


@pytest.mark.parametrize("name, text", [
    ("mermaid", "ishikawa\nE\n" + "".join(" " * i + "x\n" for i in range(1, 3000))),
    ("markdown", "".join("  " * i + "- x\n" for i in range(1500))),
    ("csv", "heading," + ",".join(f"cause {i}" for i in range(1, 200)) + "\nA,b\n"),
    ("csv", "path\n" + " > ".join(["x"] * 60) + "\n"),
])
def test_deep_nesting_within_the_size_limit_is_refused(name, text):
    start = time.process_time()
    with pytest.raises(InterchangeError, match="levels"):
        read_outline(name, text)
    assert time.process_time() - start < 1.0


def test_a_big_legitimate_outline_imports_in_reasonable_time():
    text = "# E\n" + "".join(f"- H{h}\n" + "".join(f"  - c{h}.{i}\n    - s{h}.{i}\n"
                                                   for i in range(2000)) for h in range(10))
    start = time.process_time()
    diagram = import_diagram("markdown", text)
    assert len(diagram.causes) == 40_000
    assert time.process_time() - start < 5.0


def test_a_bad_label_refuses_the_whole_import():
    text = "- People\n  - fine\n  - " + "x" * 100_001 + "\n"
    with pytest.raises(InterchangeError, match="line 3: A label is longer"):
        import_diagram("markdown", text)
