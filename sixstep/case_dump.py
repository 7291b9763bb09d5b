"""Turns a Case into the JSON document of the file format, keys in the contract's order."""

from __future__ import annotations

from typing import Any

from fishbone.model import Diagram
from sixstep.case import FORMAT_NAME, FORMAT_VERSION, Case


def _with_extra(known: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Known keys first, then the keys a newer or other tool wrote, untouched."""
    out = dict(known)
    for key, value in extra.items():
        out.setdefault(key, value)
    return out


def dump_fishbone(d: Diagram) -> dict[str, Any]:
    return _with_extra({
        "effect": d.effect,
        "categories": [_with_extra({"id": c.id, "name": c.name}, c.extra) for c in d.categories],
        "causes": [
            _with_extra({
                "id": c.id, "category": c.category, "parent": c.parent, "text": c.text,
                "status": c.status, "root_cause": c.root_cause, "votes": c.votes,
                "notes": c.notes, "collapsed": c.collapsed,
            }, c.extra)
            for c in d.causes
        ],
    }, d.extra)


def dump_case(case: Case) -> dict[str, Any]:
    p, r, s = case.problem, case.research, case.selection
    doc = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "title": case.title,
        "problem": _with_extra({
            "question": p.question,
            "terms": [_with_extra({"term": t.term, "definition": t.definition}, t.extra)
                      for t in p.terms],
            "symptoms": list(p.symptoms),
            "seriousness": p.seriousness,
            "effects": list(p.effects),
        }, p.extra),
        "research": _with_extra({
            "to_research": list(r.to_research),
            "to_research_done": list(r.to_research_done),
            "previous_efforts": [
                _with_extra({"effort": e.effort, "what_stopped_it": e.what_stopped_it}, e.extra)
                for e in r.previous_efforts
            ],
            "findings": r.findings,
            "techniques": list(r.techniques),
        }, r.extra),
        "fishbone": dump_fishbone(case.fishbone),
        "criteria": [
            _with_extra({"id": c.id, "name": c.name, "kind": c.kind, "weight": c.weight,
                         "description": c.description}, c.extra)
            for c in case.criteria
        ],
        "not_addressed": list(case.not_addressed),
        "alternatives": [
            _with_extra({
                "id": a.id, "name": a.name, "status": a.status,
                "eliminated_reason": a.eliminated_reason, "merged_into": a.merged_into,
                "addresses": list(a.addresses), "strengths": a.strengths,
                "weaknesses": a.weaknesses, "cost": a.cost, "benefit": a.benefit,
            }, a.extra)
            for a in case.alternatives
        ],
        "participants": [_with_extra({"id": x.id, "name": x.name}, x.extra)
                         for x in case.participants],
        "scores": [
            _with_extra({"alternative": x.alternative, "criterion": x.criterion,
                         "value": x.value, "participant": x.participant}, x.extra)
            for x in case.scores
        ],
        "score_scale": _with_extra({"min": case.score_scale.min, "max": case.score_scale.max},
                                   case.score_scale.extra),
        "selection": _with_extra({
            "chosen": list(s.chosen),
            "rationale": s.rationale,
            "actions": [
                _with_extra({"action": a.action, "owner": a.owner, "due": a.due,
                             "success_measure": a.success_measure, "follow_up": a.follow_up},
                            a.extra)
                for a in s.actions
            ],
            "review": _with_extra({"what_worked": s.review.what_worked,
                                   "what_did_not": s.review.what_did_not,
                                   "what_next": s.review.what_next}, s.review.extra),
        }, s.extra),
        "step_notes": dict(case.step_notes),
    }
    doc.update(dump_room(case))
    return _with_extra(doc, case.extra)


def dump_room(case: Case) -> dict[str, Any]:
    """The room's optional records, each left out while it holds nothing (so a case that
    never used them saves exactly as before they existed)."""
    out: dict[str, Any] = {}
    w, settings, blind = case.workshop, case.dot_settings, case.blind
    if not w.is_blank():
        out["workshop"] = _with_extra(
            {"date": w.date, "facilitator": w.facilitator, "place": w.place}, w.extra)
    if not settings.is_default():
        out["dot_settings"] = _with_extra({"budget": settings.budget, "cap": settings.cap,
                                           "anonymous": settings.anonymous}, settings.extra)
    if case.dots:
        out["dots"] = [_with_extra({"cause": d.cause, "participant": d.participant,
                                    "count": d.count}, d.extra) for d in case.dots]
    if case.relations:
        out["relations"] = [_with_extra({"from": r.source, "to": r.target}, r.extra)
                            for r in case.relations]
    if case.parking_lot:
        out["parking_lot"] = [_with_extra({"text": p.text, "step": p.step, "done": p.done},
                                          p.extra) for p in case.parking_lot]
    if not blind.is_default():
        out["blind_scoring"] = _with_extra({"on": blind.on, "revealed": blind.revealed},
                                           blind.extra)
    if case.timers:
        out["timers"] = dict(case.timers)
    if case.room_ideas:
        out["room_ideas"] = [_with_extra({"id": i.id, "text": i.text, "target": i.target,
                                          "category": i.category, "sender": i.sender},
                                         i.extra) for i in case.room_ideas]
    return out
