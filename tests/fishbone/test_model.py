"""Diagram operations and their inverses; queries; listeners hear what changed."""

import copy

import pytest

from fishbone.model import MAX_VOTES, PRESETS, Category, Cause, Diagram, DiagramError


def build() -> Diagram:
    d = Diagram("Customer leaves frustrated")
    d.add_cause(Cause("c1", "people", None, "Works alone"))
    d.add_cause(Cause("c2", "people", "c1", "No backup at night"))
    d.add_cause(Cause("c3", "people", "c2", "Roster too thin"))
    d.add_cause(Cause("c4", "people", None, "Not trained on changes"))
    d.add_cause(Cause("c5", "equipment", None, "Till cannot edit an order"))
    return d


def snapshot(d: Diagram):
    return copy.deepcopy(([(c.id, c.category, c.parent, c.text) for c in d.causes],
                          [(k.id, k.name) for k in d.categories]))


def test_default_headings_are_the_course_five():
    assert [c.name for c in Diagram().categories] == [
        "Equipment", "Systems", "Processes", "People", "Environment"]
    assert "6M (manufacturing)" in PRESETS and "4S (service)" in PRESETS


def test_children_subtree_depth_path():
    d = build()
    assert [c.id for c in d.children("people")] == ["c1", "c4"]
    assert [c.id for c in d.children("people", "c1")] == ["c2"]
    assert [c.id for c in d.subtree("c1")] == ["c1", "c2", "c3"]
    assert d.depth("c3") == 3
    assert [c.id for c in d.path("c3")] == ["c1", "c2", "c3"]
    assert d.is_descendant("c3", "c1") and not d.is_descendant("c1", "c3")
    assert d.next_cause_id() == "c6"


def test_insert_at_index_among_siblings():
    d = build()
    d.add_cause(Cause("c9", "people", None, "first"), index=0)
    d.add_cause(Cause("c8", "people", "c1", "before c2"), index=0)
    assert [c.id for c in d.children("people")] == ["c9", "c1", "c4"]
    assert [c.id for c in d.children("people", "c1")] == ["c8", "c2"]
    child = d.add_cause(Cause("c7", "equipment", "c1", "takes parent's heading"))
    assert child.category == "people"


def test_remove_and_restore_subtree_is_exact():
    d = build()
    before = snapshot(d)
    removed = d.remove_cause("c1")
    assert [c.id for c in d.causes] == ["c4", "c5"]
    d.restore(removed)
    assert snapshot(d) == before


def test_move_to_other_heading_and_back():
    d = build()
    before = snapshot(d)
    d.move_cause("c1", "equipment", None, 0)
    assert [c.id for c in d.children("equipment")] == ["c1", "c5"]
    assert {c.category for c in d.subtree("c1")} == {"equipment"}
    d.move_cause("c1", "people", None, 0)
    assert snapshot(d) == before


def test_move_under_own_descendant_is_refused():
    d = build()
    with pytest.raises(DiagramError):
        d.move_cause("c1", "people", "c3")
    with pytest.raises(DiagramError):
        d.move_cause("c1", "people", "c1")


def test_set_cause_returns_old_value_and_checks():
    d = build()
    assert d.set_cause("c1", "status", "confirmed") == "possible"
    assert d.set_cause("c1", "root_cause", True) is False
    assert [c.id for c in d.root_causes()] == ["c1"]
    with pytest.raises(DiagramError):
        d.set_cause("c1", "status", "maybe")
    with pytest.raises(DiagramError):
        d.set_cause("c1", "votes", -1)
    with pytest.raises(DiagramError):
        d.set_cause("c1", "id", "x")


def test_categories_add_rename_move_remove_and_restore():
    d = build()
    before = snapshot(d)
    d.add_category(Category("money", "Money"), 0)
    assert d.rename_category("money", "Budget") == "Money"
    assert d.move_category("money", 5) == 0
    assert d.categories[-1].id == "money"
    index, category, removed = d.remove_category("people")
    assert all(c.category != "people" for c in d.causes)
    d.restore_category(index, category, removed)
    d.remove_category("money")
    assert snapshot(d) == before
    assert d.new_category_id("People") == "people_2"
    assert d.find_category(" people ").id == "people"


def test_listeners_hear_each_change():
    d = build()
    heard = []
    d.subscribe(heard.append)
    d.add_cause(Cause("c6", "systems", None, "x"))
    d.set_cause("c6", "text", "y")
    d.move_cause("c6", "processes", None)
    d.remove_cause("c6")
    d.set_effect("Order wrong")
    assert [(h.kind, h.ids) for h in heard] == [
        ("cause_added", ("c6",)), ("cause_changed", ("c6",)), ("cause_moved", ("c6",)),
        ("cause_removed", ("c6",)), ("effect", ("effect",))]
    assert heard[1].attribute == "text"


def test_duplicate_and_unknown_ids_are_refused():
    d = build()
    with pytest.raises(DiagramError):
        d.add_cause(Cause("c1", "people", None, "again"))
    with pytest.raises(DiagramError):
        d.add_cause(Cause("c99", "nowhere", None, "x"))
    with pytest.raises(DiagramError):
        d.cause("nope")


def test_graph_has_categories_as_roots():
    g = build().graph()
    assert ("cat:people", "c1") in g.edges and ("c2", "c3") in g.edges


@pytest.mark.parametrize("votes", [-1, 2.0, True, MAX_VOTES + 1])
def test_the_diagram_keeps_the_votes_rule_when_adding_and_setting(votes):
    d = Diagram("E")
    d.add_cause(Cause("c1", "people", None, "x"))
    with pytest.raises(DiagramError, match="whole number from 0"):
        d.add_cause(Cause("c2", "people", None, "y", votes=votes))
    with pytest.raises(DiagramError, match="whole number from 0"):
        d.set_cause("c1", "votes", votes)
    assert [c.id for c in d.causes] == ["c1"] and d.cause("c1").votes == 0
    d.set_cause("c1", "votes", MAX_VOTES)
