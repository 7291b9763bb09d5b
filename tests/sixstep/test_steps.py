"""Each step's completeness check names what a case still lacks."""

from fishbone.model import Cause
from sixstep.case import Action, Alternative, Case, Criterion, Score, Term
from sixstep.steps import STEPS, missing_by_step, step


def test_blank_case_lacks_something_in_every_step():
    missing = missing_by_step(Case())
    assert [n for n, items in missing.items() if items] == [1, 2, 3, 4, 5, 6]


def test_step_one_wants_a_question_and_defined_terms():
    case = Case()
    case.problem.question = "Orders go wrong at night"
    case.problem.terms = [Term("night shift", "")]
    text = " ".join(step(1).missing(case))
    assert "question mark" in text
    assert "night shift" in text
    case.problem.question = "How can one person take a changing order?"
    case.problem.terms[0].definition = "18:00 to 02:00, one person on duty"
    case.problem.symptoms = ["customer raises voice"]
    case.problem.seriousness = "Lost regulars"
    case.problem.effects = ["sales"]
    assert step(1).missing(case) == []


def test_step_two_wants_a_root_cause():
    case = Case()
    case.fishbone.effect = "Customer leaves"
    case.fishbone.add_cause(Cause("c1", "people", None, "tired"))
    case.research.findings = "Training gap"
    assert any("root cause" in m for m in step(2).missing(case))
    case.fishbone.set_cause("c1", "root_cause", True)
    assert any("confirmed" in m for m in step(2).missing(case))  # issue 8: confirmed only
    case.fishbone.set_cause("c1", "status", "confirmed")
    assert step(2).missing(case) == []


def test_step_five_counts_unscored_cells():
    case = Case(criteria=[Criterion("k1", "fast", "want", 5)],
                alternatives=[Alternative("a1", "x"), Alternative("a2", "y")])
    assert "2 cells of the score matrix are" in step(5).missing(case)[0]
    case.scores = [Score("a1", "k1", 5), Score("a2", "k1", 7)]
    assert step(5).missing(case) == []


def test_step_six_wants_owner_and_date():
    case = Case()
    case.selection.chosen = ["a1"]
    case.selection.rationale = "best"
    case.selection.actions = [Action("train", "", "")]
    assert any("owner" in m for m in step(6).missing(case))


def test_steps_are_numbered_in_order():
    assert [s.number for s in STEPS] == [1, 2, 3, 4, 5, 6]
    assert all(s.title and s.guidance for s in STEPS)
