"""Every sample case is a complete worked example of all six steps, as the method asks."""

from __future__ import annotations

import pytest

from sample_cases import DEFAULT_SAMPLE, read_sample, sample_names
from sixstep.caseio import loads_case
from sixstep.scoring import score_case
from sixstep.steps import missing_by_step


@pytest.mark.parametrize("name", sample_names())
def test_sample_is_a_full_worked_case(name):
    case = loads_case(read_sample(name))
    d = case.fishbone
    assert 15 <= len(d.causes) <= 30
    assert {c.category for c in d.causes} == {c.id for c in d.categories}
    assert max(d.depth(c.id) for c in d.causes) >= 2
    statuses = {c.status for c in d.causes}
    assert {"confirmed", "ruled_out"} <= statuses and d.root_causes()
    assert 4 <= len(case.criteria) <= 6 and any(c.kind == "must" for c in case.criteria)
    assert 5 <= len(case.alternatives) <= 8
    eliminated = [a for a in case.alternatives if a.status == "eliminated"]
    assert eliminated and all(a.eliminated_reason.strip() for a in eliminated)
    assert any(a.status == "merged" and a.merged_into for a in case.alternatives)
    result = score_case(case)
    assert len(result.ranking) >= 2 and not result.missing
    assert case.selection.chosen and case.selection.rationale and case.selection.actions
    # A worked case may leave a research question open for later; nothing else may be missing.
    gaps = [m for step, items in missing_by_step(case).items() for m in items
            if not (step == 2 and "research item" in m)]
    assert not gaps


def test_happy_burgers_is_the_default():
    assert DEFAULT_SAMPLE == "happy_burgers" and DEFAULT_SAMPLE in sample_names()
