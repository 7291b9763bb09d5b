"""Removing a cause or a heading takes the cause's arrows and dots with it; undo puts them
back, so the file stays valid and undo restores it byte for byte."""

from __future__ import annotations

from sample_cases import read_sample
from sixstep.caseio import dumps_case, loads_case
from sixstep.edits.fishbone import RemoveCause
from sixstep.edits.headings import RemoveHeading


def test_removing_a_cause_takes_its_arrows_and_dots_and_undo_brings_them_back():
    case = loads_case(read_sample("happy_burgers"))
    before = dumps_case(case)
    assert any(d.cause == "c12" for d in case.dots)
    assert any("c12" in (r.source, r.target) for r in case.relations)
    inverse = RemoveCause("c12").apply(case).inverse
    assert not any(d.cause in ("c12", "c13") for d in case.dots)
    assert not any("c12" in (r.source, r.target) for r in case.relations)
    assert loads_case(dumps_case(case)).dots == case.dots  # the file is valid
    inverse.apply(case)
    assert dumps_case(case) == before


def test_removing_a_heading_takes_its_causes_arrows_and_dots():
    case = loads_case(read_sample("happy_burgers"))
    before = dumps_case(case)
    inverse = RemoveHeading("systems").apply(case).inverse
    gone = {"c7", "c8", "c9", "c10", "c11"}
    assert not any(d.cause in gone for d in case.dots)
    assert not any({r.source, r.target} & gone for r in case.relations)
    loads_case(dumps_case(case))  # still a valid file
    inverse.apply(case)
    assert dumps_case(case) == before
