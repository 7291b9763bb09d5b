"""Samples that teach: every sample is finished at every step, its prose never shows an
internal id, and together the samples show the room's records in varied shapes."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from fishbone.model import PRESETS
from sample_cases import read_sample, sample_names
from sixstep.case import Case
from sixstep.caseio import loads_case
from sixstep.disagreement import contested_cells, leader_change
from sixstep.dots import pareto
from sixstep.relations import summarise_relations
from sixstep.steps import missing_by_step

ID_LIKE = re.compile(r"\b[acpk]\d+\b")


def _case(name: str) -> Case:
    return loads_case(read_sample(name))


@pytest.fixture(scope="module")
def cases() -> dict[str, Case]:
    return {name: _case(name) for name in sample_names()}


def prose(case: Case) -> Iterator[tuple[str, str]]:
    """(where, text) for every field a person typed: never ids or fixed words."""
    p, r, d, s = case.problem, case.research, case.fishbone, case.selection
    yield "title", case.title
    yield "question", p.question
    yield "seriousness", p.seriousness
    for t in p.terms:
        yield "term", t.term + " " + t.definition
    for text in [*p.symptoms, *p.effects, *r.to_research, *case.not_addressed]:
        yield "list item", text
    for e in r.previous_efforts:
        yield "earlier effort", e.effort + " " + e.what_stopped_it
    yield "findings", r.findings
    yield "effect", d.effect
    for c in d.categories:
        yield "heading", c.name
    for c in d.causes:
        yield f"cause {c.id}", c.text + " " + c.notes
    for k in case.criteria:
        yield f"criterion {k.id}", k.name + " " + k.description
    for a in case.alternatives:
        yield f"alternative {a.id}", " ".join((a.name, a.eliminated_reason, a.strengths,
                                               a.weaknesses, a.cost, a.benefit))
    yield "rationale", s.rationale
    for x in s.actions:
        yield "action", " ".join((x.action, x.owner, x.success_measure))
    yield "review", " ".join((s.review.what_worked, s.review.what_did_not, s.review.what_next))
    for n, note in case.step_notes.items():
        yield f"step {n} note", note
    for person in case.participants:
        yield "participant", person.name
    w = case.workshop
    yield "workshop", " ".join((w.facilitator, w.place))
    for idea in case.parking_lot:
        yield "parking lot", idea.text


@pytest.mark.parametrize("name", sample_names())
def test_every_sample_is_complete_at_every_step(name):
    assert missing_by_step(_case(name)) == {n: [] for n in range(1, 7)}


@pytest.mark.parametrize("name", sample_names())
def test_no_internal_ids_in_the_prose(name):
    found = [(where, m.group()) for where, text in prose(_case(name))
             for m in ID_LIKE.finditer(text)]
    assert found == []


def test_the_id_check_would_catch_an_id():
    case = _case("happy_burgers")
    case.selection.rationale += " Training (a5) waits."
    assert any(ID_LIKE.search(text) for _, text in prose(case))


def test_samples_vary_in_shape(cases):
    shapes = {(len(c.problem.symptoms),
               sum(a.status == "eliminated" for a in c.alternatives),
               sum(a.status == "merged" for a in c.alternatives),
               len(c.not_addressed)) for c in cases.values()}
    assert len(shapes) >= 5
    assert len({len(c.problem.symptoms) for c in cases.values()}) >= 3
    assert len({len(c.not_addressed) for c in cases.values()}) >= 3
    assert any(sum(a.status == "eliminated" for a in c.alternatives) > 1
               for c in cases.values())
    assert any(sum(a.status == "merged" for a in c.alternatives) > 1 for c in cases.values())


def test_at_least_one_sample_uses_a_heading_preset(cases):
    default = PRESETS["Course (5 headings)"]
    used = {tuple((k.id, k.name) for k in c.fishbone.categories) for c in cases.values()}
    others = {preset for name, preset in PRESETS.items() if preset != default}
    assert used & others


def _with_room(case: Case) -> bool:
    people = {p.id for p in case.participants}
    scored_by = {s.participant for s in case.scores if s.participant is not None}
    dotted_by = {d.participant for d in case.dots if d.participant is not None}
    w = case.workshop
    return (len(people) >= 2 and scored_by == people and dotted_by == people
            and bool(w.date and w.facilitator and w.place))


def test_three_samples_have_people_scoring_and_voting(cases):
    assert sum(_with_room(c) for c in cases.values()) >= 3


def test_two_samples_have_a_relations_diagram_with_a_driver(cases):
    with_driver = [name for name, c in cases.items()
                   if c.relations and summarise_relations(c).drivers]
    assert len(with_driver) >= 2


def test_happy_burgers_shows_the_whole_room(cases):
    case = cases["happy_burgers"]
    assert len(case.participants) == 4 and _with_room(case)
    assert pareto(case)[0].text == "Till cannot amend a sent order"
    assert contested_cells(case)
    change = leader_change(case)
    assert change.changes and change.median_leader == "a1" and change.mean_leader == "a2"
    summary = summarise_relations(case)
    assert [case.fishbone.cause(c).text for c in summary.drivers] == [
        "Till cannot amend a sent order"]
    assert case.parking_lot and any(i.done for i in case.parking_lot)
    assert set(case.step_notes) == {str(n) for n in range(1, 7)}
    assert set(case.timers) == {str(n) for n in range(1, 7)}
    assert case.blind.on and case.blind.revealed
