"""Reads the room's optional records of a case file: workshop details, dots and their
settings, relations, the parking lot, blind scoring, timer presets and the room's inbox of
ideas sent from phones."""

from __future__ import annotations

from typing import Any

from sixstep import json_checks as jc
from sixstep import rules
from sixstep.case import (
    BlindScoring,
    Case,
    Dot,
    DotSettings,
    ParkedIdea,
    Relation,
    RoomIdea,
    Workshop,
)
from sixstep.json_checks import Fields, fail, unique_ids
from sixstep.json_checks import ruled as _ruled


def parse_workshop(value: Any, where: str) -> Workshop:
    f = Fields(value, where)
    day = _ruled(f.at("date"), rules.check_date, f.text("date"))
    return Workshop(day, f.text("facilitator"), f.text("place"), f.extra())


def parse_dot_settings(value: Any, where: str) -> DotSettings:
    f = Fields(value, where)
    budget = _ruled(f.at("budget"), rules.check_dot_budget, f.raw("budget"))
    cap = _ruled(f.at("cap"), rules.check_dot_cap, f.raw("cap"))
    return DotSettings(budget, cap, f.boolean("anonymous"), f.extra())


def parse_dots(items: list[tuple[str, Any]], case: Case) -> list[Dot]:
    """Dots name existing causes and participants, once per pair, within the settings; and a
    cause holding any dots has ``votes`` equal to their total."""
    causes = {c.id: c for c in case.fishbone.causes}
    people = {p.id: p for p in case.participants}
    settings = case.dot_settings
    dots: list[Dot] = []
    seen: set[tuple[str, str | None]] = set()
    held: dict[str, int] = {}
    for at, item in items:
        d = Fields(item, at)
        cause, who = d.text("cause", required=True), d.opt_text("participant")
        _ruled(d.at("cause"), rules.check_reference, cause, causes, "cause")
        if who is not None:
            _ruled(d.at("participant"), rules.check_reference, who, people, "participant")
        count = _ruled(d.at("count"), rules.check_dot_count, d.raw("count", 1))
        if (cause, who) in seen:
            raise fail(at, f"a second dot record for {cause!r}"
                       + (f" by {who!r}" if who else " from the anonymous room"))
        seen.add((cause, who))
        if who is not None:
            held[who] = held.get(who, 0) + count
            budget = settings.budget if settings.budget is not None else rules.MAX_VOTES
            _ruled(at, rules.check_dot_limits, f"The participant {who!r}", held[who], budget,
                   count, settings.cap)
        dots.append(Dot(cause, who, count, d.extra()))
    totals: dict[str, int] = {}
    for dot in dots:
        totals[dot.cause] = totals.get(dot.cause, 0) + dot.count
    for i, voted in enumerate(case.fishbone.causes):
        if voted.id in totals and voted.votes != totals[voted.id]:
            raise fail(f"fishbone.causes[{i}].votes",
                       f"is {voted.votes} but the cause holds {totals[voted.id]} dots; a "
                       "cause's votes are the total of its dots")
    return dots


def parse_relations(items: list[tuple[str, Any]], case: Case) -> list[Relation]:
    cause_ids = {c.id for c in case.fishbone.causes}
    relations: list[Relation] = []
    drawn: set[tuple[str, str]] = set()
    for at, item in items:
        r = Fields(item, at)
        source, target = r.text("from", required=True), r.text("to", required=True)
        _ruled(at, rules.check_relation, source, target, cause_ids, drawn)
        drawn.add((source, target))
        relations.append(Relation(source, target, r.extra()))
    return relations


def parse_parking_lot(items: list[tuple[str, Any]]) -> list[ParkedIdea]:
    ideas = []
    for at, item in items:
        p = Fields(item, at)
        step = _ruled(p.at("step"), rules.check_step_number, p.raw("step", 1))
        ideas.append(ParkedIdea(p.text("text"), step, p.boolean("done"), p.extra()))
    return ideas


def parse_blind(value: Any, where: str) -> BlindScoring:
    f = Fields(value, where)
    on, revealed = _ruled(where, rules.check_blind, f.boolean("on"), f.boolean("revealed"))
    return BlindScoring(on, revealed, f.extra())


def parse_timers(value: Any, where: str) -> dict[str, int]:
    data = jc.obj(value, where)
    timers = {}
    for key, seconds in data.items():
        at = jc.join(where, key)
        if key not in {str(n) for n in rules.STEP_NUMBERS}:
            raise fail(at, "a timer preset is keyed by its step, \"1\" to \"6\"")
        timers[key] = _ruled(at, rules.check_timer_seconds, seconds)
    return {key: timers[key] for key in sorted(timers)}  # saved in step order


def parse_room_ideas(items: list[tuple[str, Any]], case: Case) -> list[RoomIdea]:
    """The inbox: each idea by the rule the verbs use (its heading and sender must exist),
    every id once."""
    headings = {h.id for h in case.fishbone.categories}
    people = {p.id for p in case.participants}
    ideas = []
    for at, item in items:
        r = Fields(item, at)
        idea_id = r.text("id", required=True)
        text = r.text("text", required=True)
        target = r.text("target", required=True)
        category = r.opt_text("category")
        sender = r.opt_text("sender")
        _, kind, _, _ = _ruled(at, rules.check_room_idea, text, target, category, sender,
                               headings, people)
        ideas.append(RoomIdea(idea_id, text, kind, category, sender, r.extra()))
    unique_ids([(jc.join(jc.join("room_ideas", i), "id"), idea.id)
                for i, idea in enumerate(ideas)], "room idea")
    return ideas


def parse_room(f: Fields, case: Case) -> None:
    """Fill ``case``'s optional room records from the top-level fields ``f`` (after the
    fishbone and the participants are read)."""
    case.workshop = parse_workshop(f.raw("workshop", {}), "workshop")
    case.dot_settings = parse_dot_settings(f.raw("dot_settings", {}), "dot_settings")
    case.dots = parse_dots(f.items("dots"), case)
    case.relations = parse_relations(f.items("relations"), case)
    case.parking_lot = parse_parking_lot(f.items("parking_lot"))
    case.blind = parse_blind(f.raw("blind_scoring", {}), "blind_scoring")
    case.timers = parse_timers(f.raw("timers", {}), "timers")
    case.room_ideas = parse_room_ideas(f.items("room_ideas"), case)
