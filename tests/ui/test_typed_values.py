"""Typed cells are checked by the one rule each: a score by ``check_score``, a weight by
``check_weight`` (so "inf" or "1e400" is refused in the table as in a file)."""

from __future__ import annotations

import pytest

from sixstep.case import Case, Criterion
from sixstep.rules import RuleError
from ui.criteria.table import WEIGHT, CriteriaTableModel
from ui.document.document import CaseDocument
from ui.scoring.score_text import parse_cell

CHEAP, SAFE = Criterion("k2", "Cheap", "want", 10), Criterion("k1", "Safe", "must")


def test_the_cell_parser_uses_the_same_rule():
    assert parse_cell(" 7,5 ", CHEAP, 1, 10) == 7.5
    assert parse_cell("p", SAFE, 1, 10) is True and parse_cell("", CHEAP, 1, 10) is None
    for text in ("11", "0", "inf", "1e400", "nan"):
        with pytest.raises(RuleError, match="Scores run from 1 to 10"):
            parse_cell(text, CHEAP, 1, 10)


@pytest.mark.parametrize("text", ["inf", "1e400", "-1e400", "nan", "0", "-3", "2e9"])
def test_the_criteria_table_refuses_weights_the_rule_refuses(qtbot, text):
    case = Case(criteria=[Criterion("k2", "Cheap", "want", 10)])
    doc = CaseDocument(case)
    model = CriteriaTableModel(doc)
    said: list[str] = []
    model.refused.connect(said.append)
    assert not model.setData(model.index(0, WEIGHT), text)
    assert case.criteria[0].weight == 10 and doc.undo_stack.count() == 0
    assert said and "positive number" in said[-1]
    assert model.setData(model.index(0, WEIGHT), "2,5")
    assert case.criteria[0].weight == 2.5
