"""Importing and pasting an outline as one case verb: applies a merge plan, its inverse gives
the file back byte for byte, a refused plan changes nothing, and thousands of causes are fast."""

from __future__ import annotations

import time

import pytest

from fishbone.model import Category, Cause
from sixstep.caseio import dumps_case
from sixstep.edits.imports import PASTE_TITLE, ImportCauses, RemoveImported
from sixstep.interchange import merge_into, paste_plan, read_outline
from sixstep.interchange.build import MergePlan
from tests.sixstep.edit_support import Heard, kinds, refused, round_trip, small_case

OUTLINE = """# Orders go wrong
- People
  - Tired [confirmed, 2 votes]
    - Long shifts
- Kitchen
  - Grill too small
"""


def test_merge_matches_headings_by_name_and_adds_new_ones():
    case = small_case()
    plan = merge_into(case.fishbone, read_outline("markdown", OUTLINE))
    applied = round_trip(case, ImportCauses(plan))
    d = case.fishbone
    assert [c.name for c in d.categories] == ["People", "Kitchen"]
    tired = next(c for c in d.causes if c.text == "Tired")
    assert (tired.category, tired.parent, tired.status, tired.votes) == ("g1", None,
                                                                        "confirmed", 2)
    assert d.children("g1")[-1] is tired  # last among the heading's causes
    assert [c.text for c in d.children("g1", tired.id)] == ["Long shifts"]
    assert [c.text for c in d.children("kitchen")] == ["Grill too small"]
    assert d.effect == "Orders go wrong"  # it had one: kept
    new_ids = tuple(c.id for _, _, c in plan.causes)
    assert kinds(applied) == {"categories": ("kitchen",), "cause_added": new_ids}


def test_undo_and_redo_tell_one_change_per_kind():
    case = small_case()
    case.fishbone.effect = ""
    plan = merge_into(case.fishbone, read_outline("markdown", OUTLINE))
    applied = ImportCauses(plan).apply(case)
    assert case.fishbone.effect == "Orders go wrong"
    assert [c.kind for c in applied.changes] == ["effect", "categories", "cause_added"]
    heard = Heard(case)
    undo = applied.inverse.apply(case)
    assert isinstance(applied.inverse, RemoveImported)
    assert heard.kinds() == ["cause_removed", "categories", "effect"]
    assert case.fishbone.effect == ""
    assert isinstance(undo.inverse, ImportCauses)


def test_paste_under_a_cause_puts_top_lines_under_it():
    case = small_case()
    before = dumps_case(case)
    plan = paste_plan(case.fishbone, read_outline("markdown", "- Alarm\n  - Too loud\n- Door"),
                      "g1", "c2")
    edit = ImportCauses(plan, PASTE_TITLE)
    assert edit.describe() == "Paste causes"
    round_trip(case, edit)
    d = case.fishbone
    assert [c.text for c in d.children("g1", "c2")] == ["Fryer alarm", "Alarm", "Door"]
    alarm = d.children("g1", "c2")[1]
    assert [c.text for c in d.children("g1", alarm.id)] == ["Too loud"]
    assert [c.name for c in d.categories] == ["People"]
    assert dumps_case(case) != before


def test_the_plan_is_copied_so_redo_after_undo_is_the_same_file():
    case = small_case()
    plan = paste_plan(case.fishbone, read_outline("markdown", "- A\n- B"), "g1")
    edit = ImportCauses(plan)
    applied = edit.apply(case)
    after = dumps_case(case)
    case.fishbone.cause(plan.causes[0][2].id).text = "changed in place"
    assert plan.causes[0][2].text == "A"  # the record is not the live cause
    case.fishbone.cause(plan.causes[0][2].id).text = "A"
    applied.inverse.apply(case)
    edit.apply(case)
    assert dumps_case(case) == after


@pytest.mark.parametrize("plan, match", [
    (MergePlan(None, (), ()), "nothing to import"),
    (MergePlan(None, (Category("g1", "Again"),), ()), "heading with the id 'g1'"),
    (MergePlan(None, (Category("new", "New"), Category("new", "New")), ()), "already"),
    (MergePlan(None, (Category("new", "x" * 100_001),), ()), ""),
    (MergePlan(None, (), (("g1", None, Cause("c1", "g1", None, "Dup")),)), "'c1' already"),
    (MergePlan(None, (), (("nope", None, Cause("c9", "nope", None, "X")),)), "no heading"),
    (MergePlan(None, (), (("g1", "c99", Cause("c9", "g1", "c99", "X")),)), "no cause"),
    (MergePlan(None, (), (("g1", None, Cause("c9", "g1", None, "X", votes=-1)),)), ""),
    (MergePlan(None, (), (("g1", None, Cause("c9", "g1", None, "X", status="maybe")),)), ""),
    # a bad cause late in the plan: the good ones before it are not added either
    (MergePlan("New effect", (Category("new", "New"),),
               (("new", None, Cause("c9", "new", None, "Fine")),
                ("new", "c9", Cause("c10", "new", "c9", "Fine too")),
                ("new", None, Cause("c11", "new", None, "", root_cause="yes")))), ""),
])
def test_refused_plans_change_nothing(plan, match):
    refused(small_case(), ImportCauses(plan), match)


def test_the_inverse_refuses_when_the_causes_are_no_longer_last():
    case = small_case()
    plan = paste_plan(case.fishbone, read_outline("markdown", "- A"), "g1")
    inverse = ImportCauses(plan).apply(case).inverse
    case.fishbone.add_cause(Cause("c50", "g1", None, "Later"))
    refused(case, inverse, "changed since the import")


def test_the_inverse_refuses_while_an_alternative_addresses_an_imported_cause():
    case = small_case()
    plan = paste_plan(case.fishbone, read_outline("markdown", "- A"), "g1")
    inverse = ImportCauses(plan).apply(case).inverse
    case.alternatives[0].addresses.append(plan.causes[0][2].id)
    refused(case, inverse, "addresses")


def test_thousands_of_causes_go_in_and_out_quickly():
    case = small_case()
    lines = []
    for i in range(200):
        lines.append(f"- Heading {i}")
        for j in range(25):
            lines.append(f"  - Cause {i}.{j}")
            lines.append(f"    - Why {i}.{j}")
    outline = read_outline("markdown", "\n".join(lines))
    plan = merge_into(case.fishbone, outline)
    assert len(plan.causes) == 10_000
    before = dumps_case(case)
    heard = Heard(case)
    start = time.process_time()
    applied = ImportCauses(plan).apply(case)
    applied.inverse.apply(case)
    assert time.process_time() - start < 2.0
    assert dumps_case(case) == before
    assert len(heard.changes) == 4  # categories and cause_added, then back


def test_diagram_remove_causes_takes_exactly_those_and_restore_puts_them_back():
    from fishbone.model import DiagramError

    d = small_case().fishbone
    with pytest.raises(DiagramError, match="lose its parent"):
        d.remove_causes(["c2"])  # c3 hangs under it
    with pytest.raises(DiagramError, match="no cause"):
        d.remove_causes(["c99"])
    assert [c.id for c in d.causes] == ["c1", "c2", "c3"]
    removed = d.remove_causes(["c3", "c1"])
    assert [c.id for c in d.causes] == ["c2"] and not d.has_cause("c1")
    d.restore(removed)
    assert [c.id for c in d.causes] == ["c1", "c2", "c3"]
