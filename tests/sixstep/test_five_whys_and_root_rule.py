"""Five whys written as one edit of nested sub-causes, and the method's rule that a ruled-out
cause is never the root cause (refused as an edit, yet undo puts back what a file held)."""

from __future__ import annotations

import pytest

from fishbone.model import Category, Cause, Diagram
from sixstep.case import Case
from sixstep.caseio import dumps_case
from sixstep.edits.base import EditError, Sequence
from sixstep.edits.fishbone import SetCauseAttribute
from sixstep.edits.whys import five_whys
from sixstep.rules import RuleError
from sixstep.steps import missing_by_step


def make_case() -> Case:
    d = Diagram("Cold fries", [Category("k1", "Equipment"), Category("k2", "People")])
    d.add_cause(Cause("c1", "k1", None, "Fryer too cool"))
    d.add_cause(Cause("c2", "k2", None, "Nobody checks", status="ruled_out"))
    d.add_cause(Cause("c9", "k2", "c2", "Busy", collapsed=False))
    return Case(title="Fries", fishbone=d)


def test_the_chain_nests_each_answer_under_the_one_before_and_undoes_in_one_step():
    case = make_case()
    before = dumps_case(case)
    edit = five_whys(case, "c1", ["Thermostat set low", "  Nobody  set it ", "", "No checklist"])
    assert isinstance(edit, Sequence) and edit.describe() == "Five whys"
    inverse = edit.apply(case).inverse
    d = case.fishbone
    chain = [c for c in d.causes if c.id not in ("c1", "c2", "c9")]
    assert [c.text for c in chain] == ["Thermostat set low", "Nobody set it", "No checklist"]
    assert [c.parent for c in chain] == ["c1", chain[0].id, chain[1].id]
    assert {c.category for c in chain} == {"k1"} and len({c.id for c in chain}) == 3
    assert chain[0].id == "c10"  # after the highest id in use
    inverse.apply(case)
    assert dumps_case(case) == before


def test_a_collapsed_cause_opens_with_the_same_undo_step():
    case = make_case()
    case.fishbone.cause("c2").collapsed = True
    before = dumps_case(case)
    inverse = five_whys(case, "c2", ["Rota gap"]).apply(case).inverse
    assert not case.fishbone.cause("c2").collapsed
    inverse.apply(case)
    assert dumps_case(case) == before


@pytest.mark.parametrize("cause_id, answers", [("c7", ["x"]), ("c1", []), ("c1", ["  ", ""])])
def test_no_cause_or_no_answer_is_refused(cause_id, answers):
    with pytest.raises(EditError):
        five_whys(make_case(), cause_id, answers)


def test_a_ruled_out_cause_cannot_become_the_root_cause_nor_a_root_be_ruled_out():
    case = make_case()
    before = dumps_case(case)
    with pytest.raises(RuleError, match="ruled-out"):
        SetCauseAttribute("c2", "root_cause", True).apply(case)
    SetCauseAttribute("c1", "root_cause", True).apply(case)
    with pytest.raises(RuleError, match="(?i)unmark it"):
        SetCauseAttribute("c1", "status", "ruled_out").apply(case)
    assert case.fishbone.cause("c1").status == "possible"
    SetCauseAttribute("c1", "root_cause", False).apply(case)
    assert dumps_case(case) == before


def test_undo_of_a_fix_puts_back_what_the_file_held():
    case = make_case()
    case.fishbone.cause("c2").root_cause = True  # a file may carry it; step 2 then says so
    assert any("ruled out" in m for m in missing_by_step(case)[2])
    before = dumps_case(case)
    inverse = SetCauseAttribute("c2", "root_cause", False).apply(case).inverse
    inverse.apply(case)
    assert dumps_case(case) == before


def test_step_two_asks_for_a_confirmed_root_cause():
    case = make_case()
    assert "Mark at least one confirmed cause as a root cause." in missing_by_step(case)[2]
    SetCauseAttribute("c1", "root_cause", True).apply(case)
    assert any("Confirm the root cause" in m for m in missing_by_step(case)[2])
    SetCauseAttribute("c1", "status", "confirmed").apply(case)
    assert not [m for m in missing_by_step(case)[2] if "root" in m]
