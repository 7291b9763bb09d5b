"""Builds a Case from a parsed (version-current) JSON document, checking every field and id."""

from __future__ import annotations

from typing import Any

from fishbone.model import Category, Cause, Diagram
from sixstep import json_checks as jc
from sixstep.case import (
    Action,
    Alternative,
    Case,
    Criterion,
    Participant,
    PreviousEffort,
    Problem,
    Research,
    Review,
    Score,
    ScoreScale,
    Selection,
    Term,
)
from sixstep.case_parse_room import parse_room
from sixstep.json_checks import Fields, fail, unique_ids
from sixstep.json_checks import ruled as _ruled
from sixstep.rules import (
    check_alternative_status,
    check_cause_status,
    check_chosen,
    check_criterion_kind,
    check_linked_cause,
    check_reference,
    check_scale,
    check_score,
    check_scorer,
    check_technique,
    check_votes,
    check_weight,
)


def parse_problem(value: Any, where: str) -> Problem:
    f = Fields(value, where)
    terms = []
    for at, item in f.items("terms"):
        t = Fields(item, at)
        terms.append(Term(t.text("term"), t.text("definition"), t.extra()))
    return Problem(
        question=f.text("question"), terms=terms, symptoms=f.text_list("symptoms"),
        seriousness=f.text("seriousness"), effects=f.text_list("effects"), extra=f.extra(),
    )


def parse_research(value: Any, where: str) -> Research:
    f = Fields(value, where)
    to_research = f.text_list("to_research")
    done = [jc.boolean(v, at) for at, v in f.items("to_research_done")]
    if len(done) > len(to_research):
        raise fail(f.at("to_research_done"), "has more ticks than there are questions")
    done += [False] * (len(to_research) - len(done))
    efforts = []
    for at, item in f.items("previous_efforts"):
        e = Fields(item, at)
        efforts.append(PreviousEffort(e.text("effort"), e.text("what_stopped_it"), e.extra()))
    techniques = f.text_list("techniques")
    for i, name in enumerate(techniques):
        _ruled(jc.join(f.at("techniques"), i), check_technique, name)
    return Research(to_research, done, efforts, f.text("findings"), techniques, f.extra())


def _parse_cause(value: Any, where: str) -> Cause:
    f = Fields(value, where)
    return Cause(
        id=f.text("id", required=True), category=f.text("category", required=True),
        parent=f.opt_text("parent"), text=f.text("text"),
        status=_ruled(f.at("status"), check_cause_status, f.text("status", "possible")),
        root_cause=f.boolean("root_cause"),
        votes=_ruled(f.at("votes"), check_votes, f.raw("votes", 0)),
        notes=f.text("notes"), collapsed=f.boolean("collapsed"), extra=f.extra(),
    )


def parse_fishbone(value: Any, where: str) -> Diagram:
    f = Fields(value, where)
    categories = []
    for at, item in f.items("categories"):
        c = Fields(item, at)
        categories.append(Category(c.text("id", required=True), c.text("name"), c.extra()))
    unique_ids([(jc.join(f.at("categories"), i), c.id) for i, c in enumerate(categories)],
               "category")
    cause_items = f.items("causes")
    causes = [_parse_cause(item, at) for at, item in cause_items]
    paths = [at for at, _ in cause_items]
    ids = unique_ids(list(zip(paths, (c.id for c in causes), strict=True)), "cause")
    by_id = {c.id: c for c in causes}
    category_ids = {c.id for c in categories}
    for at, cause in zip(paths, causes, strict=True):
        if cause.category not in category_ids:
            raise fail(at + ".category", f"no category with id {cause.category!r}")
        if cause.parent is None:
            continue
        if cause.parent not in ids:
            raise fail(at + ".parent", f"no cause with id {cause.parent!r}")
        if by_id[cause.parent].category != cause.category:
            raise fail(at + ".parent", f"the parent {cause.parent!r} is under another category")
    _refuse_cycles(causes, paths)
    diagram = Diagram(f.text("effect"), categories, causes)
    diagram.extra = f.extra()
    return diagram


def _refuse_cycles(causes: list[Cause], paths: list[str]) -> None:
    parent = {c.id: c.parent for c in causes}
    settled: set[str] = set()
    for at, cause in zip(paths, causes, strict=True):
        trail: list[str] = []
        node: str | None = cause.id
        while node is not None and node not in settled:
            if node in trail:
                raise fail(at + ".parent", f"the causes {' -> '.join(trail)} form a cycle")
            trail.append(node)
            node = parent[node]
        settled.update(trail)


def parse_criteria(f: Fields) -> list[Criterion]:
    criteria = []
    for at, item in f.items("criteria"):
        c = Fields(item, at)
        kind = _ruled(c.at("kind"), check_criterion_kind, c.text("kind", "want"))
        weight = _ruled(c.at("weight"), check_weight, c.raw("weight"))  # None: not weighted yet
        criteria.append(Criterion(c.text("id", required=True), c.text("name"), kind, weight,
                                  c.text("description"), c.extra()))
    unique_ids([(jc.join(f.at("criteria"), i), c.id) for i, c in enumerate(criteria)],
               "criterion")
    return criteria


def parse_alternatives(f: Fields, cause_ids: set[str]) -> list[Alternative]:
    alts = []
    items = f.items("alternatives")
    for at, item in items:
        a = Fields(item, at)
        alt = Alternative(
            id=a.text("id", required=True), name=a.text("name"),
            status=_ruled(a.at("status"), check_alternative_status, a.text("status", "open")),
            eliminated_reason=a.text("eliminated_reason"), merged_into=a.opt_text("merged_into"),
            addresses=a.text_list("addresses"), strengths=a.text("strengths"),
            weaknesses=a.text("weaknesses"), cost=a.text("cost"), benefit=a.text("benefit"),
            extra=a.extra(),
        )
        for i, cause_id in enumerate(alt.addresses):
            _ruled(jc.join(a.at("addresses"), i), check_linked_cause, cause_id, cause_ids)
        alts.append(alt)
    ids = unique_ids([(at, a.id) for (at, _), a in zip(items, alts, strict=True)], "alternative")
    for (at, _), alt in zip(items, alts, strict=True):
        if alt.merged_into is not None:
            if alt.merged_into not in ids or alt.merged_into == alt.id:
                raise fail(at + ".merged_into", f"no other alternative {alt.merged_into!r}")
        if alt.status == "merged" and alt.merged_into is None:
            raise fail(at + ".merged_into", "a merged alternative must say what it merged into")
    return alts


def parse_scale(value: Any, where: str) -> ScoreScale:
    f = Fields(value, where)
    default = ScoreScale()  # a file without a scale gets the case's own default
    low, high = _ruled(where, check_scale, f.raw("min", default.min), f.raw("max", default.max))
    return ScoreScale(low, high, f.extra())


def parse_scores(f: Fields, case: Case) -> list[Score]:
    kinds = {c.id: c.kind for c in case.criteria}
    names = {c.id: c.name for c in case.criteria}
    alt_ids = {a.id for a in case.alternatives}
    people = {p.id for p in case.participants}
    scale = case.score_scale
    scores, seen = [], set()
    for at, item in f.items("scores"):
        s = Fields(item, at)
        alt, crit = s.text("alternative", required=True), s.text("criterion", required=True)
        who = s.opt_text("participant")
        _ruled(s.at("alternative"), check_reference, alt, alt_ids, "alternative")
        _ruled(s.at("criterion"), check_reference, crit, kinds, "criterion")
        _ruled(s.at("participant"), check_scorer, who, people)
        value = _ruled(s.at("value"), check_score, kinds[crit], names[crit],
                       s.raw("value", required=True), scale.min, scale.max)
        if (alt, crit, who) in seen:
            raise fail(at, f"a second score for {alt!r} on {crit!r}"
                       + (f" by {who!r}" if who else ""))
        seen.add((alt, crit, who))
        scores.append(Score(alt, crit, value, who, s.extra()))
    return scores


def parse_selection(value: Any, where: str, alt_ids: set[str]) -> Selection:
    f = Fields(value, where)
    chosen = f.text_list("chosen")
    for i, alt in enumerate(chosen):
        _ruled(jc.join(f.at("chosen"), i), check_chosen, alt, alt_ids)
    actions = []
    for at, item in f.items("actions"):
        a = Fields(item, at)
        actions.append(Action(a.text("action"), a.text("owner"), a.text("due"),
                              a.text("success_measure"), a.text("follow_up"), a.extra()))
    r = Fields(f.raw("review", {}), f.at("review"))
    review = Review(r.text("what_worked"), r.text("what_did_not"), r.text("what_next"),
                    r.extra())
    return Selection(chosen, f.text("rationale"), actions, review, f.extra())


def parse_case(data: dict[str, Any]) -> Case:
    """A Case from a document already migrated to the current version."""
    f = Fields(data, "")
    f.raw("format")
    f.raw("version")
    case = Case(title=f.text("title"))
    case.problem = parse_problem(f.raw("problem", {}), "problem")
    case.research = parse_research(f.raw("research", {}), "research")
    if f.has("fishbone"):
        case.fishbone = parse_fishbone(f.raw("fishbone"), "fishbone")
    else:
        f.raw("fishbone")
    case.criteria = parse_criteria(f)
    case.not_addressed = f.text_list("not_addressed")
    case.alternatives = parse_alternatives(f, {c.id for c in case.fishbone.causes})
    people = []
    for at, item in f.items("participants"):
        p = Fields(item, at)
        people.append(Participant(p.text("id", required=True), p.text("name"), p.extra()))
    unique_ids([(jc.join("participants", i), p.id) for i, p in enumerate(people)],
               "participant")
    case.participants = people
    case.score_scale = parse_scale(f.raw("score_scale", {}), "score_scale")
    case.scores = parse_scores(f, case)
    case.selection = parse_selection(f.raw("selection", {}), "selection",
                                     {a.id for a in case.alternatives})
    notes = Fields(f.raw("step_notes", {}), "step_notes")
    case.step_notes = {k: notes.text(k) for k in list(notes.data)}
    parse_room(f, case)
    case.extra = f.extra()
    return case
