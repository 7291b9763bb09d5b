"""Step 6 names action plan dates that are not dates, and follow-ups before their due date."""

from sixstep.case import Action, Case
from sixstep.steps import iso_date, step


def _case(*actions: Action) -> Case:
    case = Case()
    case.selection.chosen = ["a1"]
    case.selection.rationale = "best"
    case.selection.actions = list(actions)
    return case


def test_valid_dates_pass():
    case = _case(Action("Train", "Ann", "2026-12-01", "quiz", "2026-12-15"),
                 Action("Tell", "Bob", "2026-12-01", "", "2026-12-01"))
    assert step(6).missing(case) == []


def test_empty_dates_are_not_called_invalid():
    case = _case(Action("Train", "Ann", "2026-12-01", "", ""))
    assert step(6).missing(case) == []
    case = _case(Action("Train", "Ann", "", "", ""))
    assert step(6).missing(case) == ["Action 1 needs an owner and a due date."]


def test_free_text_due_date_is_named():
    case = _case(Action("Train", "Ann", "2026-12-01"),
                 Action("Brief the crew", "Bob", "next Tuesday"))
    assert step(6).missing(case) == [
        "Action 2 (\u201cBrief the crew\u201d): the due date \u201cnext Tuesday\u201d is not a "
        "date (use YYYY-MM-DD)."]


def test_impossible_follow_up_is_named():
    case = _case(Action("Train", "Ann", "2026-12-01", "", "2026-13-45"))
    assert step(6).missing(case) == [
        "Action 1 (\u201cTrain\u201d): the follow-up date \u201c2026-13-45\u201d is not a "
        "date (use YYYY-MM-DD)."]


def test_follow_up_before_due_is_named():
    case = _case(Action("Train", "Ann", "2026-12-10", "", "2026-12-01"))
    assert step(6).missing(case) == [
        "Action 1 (\u201cTrain\u201d): the follow-up date 2026-12-01 is before the due date "
        "2026-12-10."]


def test_unnamed_action_is_named_by_number():
    case = _case(Action("", "Ann", "soon"))
    assert step(6).missing(case) == [
        "Action 1: the due date \u201csoon\u201d is not a date (use YYYY-MM-DD)."]


def test_iso_date_accepts_only_the_full_form():
    assert iso_date("2026-12-01") is not None and iso_date(" 2028-02-29 ") is not None
    for text in ("2026-13-45", "2027-02-29", "2026-1-5", "20261201", "2026-12-01T00:00",
                 "next Tuesday", "", "2026-\u0661\u0662-01", "+026-12-01"):
        assert iso_date(text) is None, text
