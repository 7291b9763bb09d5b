"""Random edits for the stateful test: each maker draws one edit of one kind for a case as it
is now, mostly about things the case has, sometimes about things it has not (to be refused)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import strategies as st

from fishbone.model import PRESETS, STATUSES, Cause
from sixstep.case import Case
from sixstep.edits import alternatives as alt
from sixstep.edits import criteria as crit
from sixstep.edits import fishbone as fb
from sixstep.edits import group, headings
from sixstep.edits import room as inbox
from sixstep.edits.base import Edit
from sixstep.edits.fields import EDITABLE, InsertItem, MoveItem, RemoveItem, SetText, SetTick
from sixstep.edits.scores import SetScore
from sixstep.edits.setup import ChangeScoringSetup, new_participant_id
from sixstep.rules import TECHNIQUE_IDS

Draw = Callable[[st.SearchStrategy[Any]], Any]
Maker = Callable[[Case, Draw], Edit]

UNKNOWN = "zz9"  # an id no case has
TEXTS = st.sampled_from(["", "Slow", "Fish & chips", "Zw\u00f6lf\nlines", "  spaced  ",
                         "\ud800"]) | st.text(max_size=6)
NUMBERS = st.sampled_from([None, True, False, 0, 1, 2.5, 5, 7, 10, 11, -3, 1e9, 2e9,
                           float("nan")])


def pick(draw: Draw, items: Sequence[Any], unknown: Any = UNKNOWN) -> Any:
    """Mostly one of ``items`` (the first three more often, so that edits meet on the same
    records); now and then ``unknown`` (always when there are none)."""
    return draw(st.sampled_from([*list(items[:3]) * 3, *items, unknown]))


def place(draw: Draw, size: int, none: bool = True) -> int | None:
    """An index into or just past a list of ``size``, sometimes out of range, or None."""
    index = draw(st.integers(-1, size + 1))
    return None if none and draw(st.booleans()) else index


def _causes(case: Case) -> list[str]:
    return [c.id for c in case.fishbone.causes]


def _headings(case: Case) -> list[str]:
    return [h.id for h in case.fishbone.categories]


def _criteria(case: Case) -> list[str]:
    return [c.id for c in case.criteria]


def _alternatives(case: Case) -> list[str]:
    return [a.id for a in case.alternatives]


def _people(case: Case) -> list[str]:
    return [p.id for p in case.participants]


# -- the fishbone --------------------------------------------------------------------------
def add_cause(case: Case, draw: Draw) -> Edit:
    d = case.fishbone
    parent = pick(draw, _causes(case), None)
    fresh = d.next_cause_id()
    new_id = draw(st.sampled_from([fresh, fresh, pick(draw, _causes(case))]))
    cause = Cause(new_id, pick(draw, _headings(case)), parent, draw(TEXTS),
                  status=draw(st.sampled_from(STATUSES)),
                  votes=draw(st.sampled_from([0, 0, 2, -1])))
    return fb.AddCause(cause, place(draw, 4))


def remove_cause(case: Case, draw: Draw) -> Edit:
    return fb.RemoveCause(pick(draw, _causes(case)))


def move_cause(case: Case, draw: Draw) -> Edit:
    return fb.MoveCause(pick(draw, _causes(case)), pick(draw, _headings(case)),
                        pick(draw, _causes(case), None), place(draw, 3))


def set_cause(case: Case, draw: Draw) -> Edit:
    cause_id = pick(draw, _causes(case))
    attribute = draw(st.sampled_from(["text", "status", "root_cause", "votes", "notes",
                                      "collapsed", "colour"]))
    if attribute == "text":
        return fb.SetCauseText(cause_id, draw(TEXTS))
    value = draw({"status": st.sampled_from([*STATUSES, "maybe"]),
                  "root_cause": st.sampled_from([True, False, 1]),
                  "votes": st.sampled_from([0, 1, 3, -1, 2.5]),
                  "collapsed": st.booleans()}.get(attribute, TEXTS))
    return fb.SetCauseAttribute(cause_id, attribute, value)


def collapse_causes(case: Case, draw: Draw) -> Edit:
    ids = draw(st.lists(st.sampled_from(_causes(case) or [UNKNOWN]), max_size=3, unique=True))
    return fb.SetCausesAttribute("collapsed", tuple((i, draw(st.booleans())) for i in ids))


def set_effect(case: Case, draw: Draw) -> Edit:
    return fb.SetEffect(draw(TEXTS))


def add_heading(case: Case, draw: Draw) -> Edit:
    d = case.fishbone
    name = draw(TEXTS)
    new_id = draw(st.sampled_from([d.new_category_id(name or "h"), pick(draw, _headings(case))]))
    return headings.AddHeading(new_id, name, place(draw, len(d.categories)))


def rename_heading(case: Case, draw: Draw) -> Edit:
    return headings.RenameHeading(pick(draw, _headings(case)), draw(TEXTS))


def remove_heading(case: Case, draw: Draw) -> Edit:
    return headings.RemoveHeading(pick(draw, _headings(case)))


def move_heading(case: Case, draw: Draw) -> Edit:
    size = len(case.fishbone.categories)
    return headings.MoveHeading(pick(draw, _headings(case)), draw(st.integers(-1, size)))


def apply_preset(case: Case, draw: Draw) -> Edit:
    return headings.ApplyHeadingPreset(draw(st.sampled_from([*PRESETS, "None such"])))


# -- dots, arrows, the parking lot and the rest of the room -------------------------------
def dot(case: Case, draw: Draw) -> Edit:
    verb = draw(st.sampled_from([group.CastDot, group.CastDot, group.TakeBackDot]))
    return verb(pick(draw, _causes(case)), pick(draw, _people(case), None))


def dot_settings(case: Case, draw: Draw) -> Edit:
    return group.SetDotSettings(draw(st.sampled_from([None, None, 1, 3, 0])),
                                draw(st.sampled_from([None, None, 1, 2])), draw(st.booleans()))


def relation(case: Case, draw: Draw) -> Edit:
    drawn = [(r.source, r.target) for r in case.relations]
    if drawn and draw(st.booleans()):
        return group.RemoveRelation(*draw(st.sampled_from(drawn)))
    return group.AddRelation(pick(draw, _causes(case)), pick(draw, _causes(case)))


def parking_lot(case: Case, draw: Draw) -> Edit:
    size = len(case.parking_lot)
    verb = draw(st.sampled_from(["add", "add", "remove", "text", "done", "move"]))
    if verb == "add":
        return group.AddParkedIdea(draw(TEXTS), draw(st.integers(0, 7)), place(draw, size))
    index = place(draw, size, none=False)
    assert index is not None
    if verb == "remove":
        return group.RemoveParkedIdea(index)
    if verb == "text":
        return group.SetParkedIdeaText(index, draw(TEXTS))
    if verb == "done":
        return group.SetParkedIdeaDone(index, draw(st.booleans()))
    return group.MoveParkedIdea(index, draw(st.integers(-1, size)))


def room(case: Case, draw: Draw) -> Edit:
    verb = draw(st.sampled_from(["workshop", "blind", "timer"]))
    if verb == "workshop":
        field = draw(st.sampled_from(["date", "facilitator", "place", "weather"]))
        dates = st.sampled_from(["", "2026-03-14", "2026-02-30", "14/03/2026"])
        return group.SetWorkshopField(field, draw(dates if field == "date" else TEXTS))
    if verb == "blind":
        return group.SetBlindScoring(draw(st.booleans()), draw(st.booleans()))
    return group.SetTimerPreset(draw(st.integers(0, 7)), draw(st.sampled_from([None, 60, 0])))


def room_idea(case: Case, draw: Draw) -> Edit:
    """Room mode: a phone's idea arrives, the facilitator deals with one, or a phone joins."""
    ideas = [i.id for i in case.room_ideas]
    verb = draw(st.sampled_from(["receive", "receive", "accept", "park", "merge", "dismiss",
                                 "join", "leave"]))
    if verb == "receive":
        target = draw(st.sampled_from(["cause", "cause", "alternative", "criterion"]))
        category = pick(draw, _headings(case), None) if target != "alternative" else (
            draw(st.sampled_from([None, None, pick(draw, _headings(case))])))
        return inbox.ReceiveRoomIdea(draw(TEXTS), target, category,
                                     pick(draw, _people(case), None))
    if verb == "join":
        return inbox.JoinParticipant(draw(TEXTS))
    if verb == "leave":
        return inbox.LeaveParticipant(pick(draw, _people(case)))
    idea_id = pick(draw, ideas)
    if verb == "merge":
        return inbox.MergeRoomIdea(idea_id, pick(draw, _causes(case) + _alternatives(case)))
    return {"accept": inbox.AcceptRoomIdea, "park": inbox.ParkRoomIdea,
            "dismiss": inbox.DismissRoomIdea}[verb](idea_id)


# -- steps 3 to 5 ----------------------------------------------------------------------------
def criterion(case: Case, draw: Draw) -> Edit:
    ids = _criteria(case)
    verb = draw(st.sampled_from(["add", "remove", "move", "text", "weight", "kind", "weights"]))
    if verb == "add":
        return crit.AddCriterion(draw(TEXTS), draw(st.sampled_from(["want", "must", "nice"])),
                                 draw(NUMBERS), place(draw, len(ids)))
    if verb == "weights":
        chosen = draw(st.lists(st.sampled_from(ids or [UNKNOWN]), max_size=3))
        return crit.ApplyWeights(tuple((i, draw(NUMBERS)) for i in chosen))
    criterion_id = pick(draw, ids)
    if verb == "remove":
        return crit.RemoveCriterion(criterion_id)
    if verb == "move":
        return crit.MoveCriterion(criterion_id, draw(st.integers(-1, len(ids))))
    if verb == "text":
        field = draw(st.sampled_from(["name", "description", "id"]))
        return crit.SetCriterionText(criterion_id, field, draw(TEXTS), draw(st.booleans()))
    if verb == "weight":
        return crit.SetCriterionWeight(criterion_id, draw(NUMBERS))
    return crit.SetCriterionKind(criterion_id, draw(st.sampled_from(["want", "must", "nice"])))


def alternative(case: Case, draw: Draw) -> Edit:
    ids = _alternatives(case)
    open_ids = [a.id for a in case.alternatives if a.status == "open"]
    verb = draw(st.sampled_from(["add", "remove", "move", "text", "causes", "eliminate",
                                 "restore", "merge", "merge"]))
    if verb == "add":
        return alt.AddAlternative(draw(TEXTS), place(draw, len(ids)))
    if verb == "merge":
        target = pick(draw, open_ids)
        others = [i for i in open_ids if i != target] or [UNKNOWN]
        sources = draw(st.lists(st.sampled_from(others), min_size=1, max_size=3, unique=True)
                       | st.lists(st.sampled_from(ids or [UNKNOWN]), max_size=3))
        return alt.MergeAlternatives(tuple(sources), target)
    set_aside = [i for i in ids if i not in open_ids]
    alternative_id = pick(draw, {"eliminate": open_ids, "restore": set_aside}.get(verb, ids))
    if verb == "remove":
        return alt.RemoveAlternative(alternative_id)
    if verb == "move":
        return alt.MoveAlternative(alternative_id, draw(st.integers(-1, len(ids))))
    if verb == "text":
        field = draw(st.sampled_from([*alt.TEXT_FIELDS, "status"]))
        return alt.SetAlternativeText(alternative_id, field, draw(TEXTS), draw(st.booleans()))
    if verb == "causes":
        causes = draw(st.lists(st.sampled_from(_causes(case) or [UNKNOWN]), max_size=3,
                               unique=draw(st.booleans())))
        return alt.SetAlternativeCauses(alternative_id, tuple(causes))
    if verb == "eliminate":
        return alt.EliminateAlternative(alternative_id, draw(TEXTS))
    return alt.RestoreAlternative(alternative_id)


def score(case: Case, draw: Draw) -> Edit:
    criterion_id = pick(draw, _criteria(case))
    kinds = {c.id: c.kind for c in case.criteria}
    scale = case.score_scale
    fitting = st.sampled_from([True, False, None]) if kinds.get(criterion_id) == "must" else \
        st.sampled_from([scale.min, scale.max, None]) | st.floats(scale.min, scale.max)
    return SetScore(pick(draw, _alternatives(case)), criterion_id, draw(fitting | NUMBERS),
                    pick(draw, _people(case), None) if draw(st.booleans()) else None)


def setup(case: Case, draw: Draw) -> Edit:
    low, high = draw(st.sampled_from([(1, 10), (1, 10), (1, 10), (0, 5), (1, 5), (-5, 5),
                                      (3, 3), (0, 100.5)]))
    people = [(p.id, p.name) for p in case.participants]
    kept = draw(st.lists(st.sampled_from(people), unique=True)) if people else []
    joining = draw(st.integers(0, 2))
    for number in range(joining):
        new_id = new_participant_id(case, [pid for pid, _ in kept])
        kept.append((new_id, draw(st.sampled_from(["Ann", "Ben", "Ann", f"P{number}", ""]))))
    return ChangeScoringSetup(low, high, tuple(kept), draw(st.sampled_from([True, True, False])))


# -- the plain fields and lists of steps 1, 2, 3 and 6 ---------------------------------------
def field(case: Case, draw: Draw) -> Edit:
    path = draw(st.sampled_from(sorted(EDITABLE)))
    slot = EDITABLE[path]
    if slot.holds in ("text", "note"):
        return SetText(path, draw(TEXTS), draw(st.booleans()))
    owner: Any = case
    for name in path:
        owner = getattr(owner, name)
    size = len(owner)
    verbs = ["insert", "insert", "remove", "move"]
    verbs += ["set"] if slot.holds in ("texts", "records") else []
    verbs += ["tick"] if slot.ticks else []
    verb = draw(st.sampled_from(verbs))
    index = place(draw, size, none=False)
    assert index is not None
    if verb == "remove":
        return RemoveItem(path, index)
    if verb == "move":
        return MoveItem(path, index, draw(st.integers(-1, size)))
    if verb == "tick":
        return SetTick(path, index, draw(st.booleans()))
    if verb == "set":
        if slot.holds == "texts":
            return SetText((*path, index), draw(TEXTS))
        return SetText((*path, index, draw(st.sampled_from(slot.fields))), draw(TEXTS))
    if slot.holds == "texts":
        item: Any = draw(TEXTS)
    elif slot.holds == "ids":
        # candidates of both id lists: the slot's own rule (check_id) refuses the others
        item = pick(draw, [a.id for a in case.alternatives] + list(TECHNIQUE_IDS))
    else:
        assert slot.record is not None
        item = slot.record(**{name: draw(TEXTS) for name in slot.fields})
    return InsertItem(path, item, place(draw, size), bool(slot.ticks) and draw(st.booleans()))


MAKERS: dict[str, Maker] = {
    "add_cause": add_cause, "remove_cause": remove_cause, "move_cause": move_cause,
    "set_cause": set_cause, "collapse_causes": collapse_causes, "set_effect": set_effect,
    "add_heading": add_heading, "rename_heading": rename_heading,
    "remove_heading": remove_heading, "move_heading": move_heading,
    "apply_preset": apply_preset, "dot": dot, "dot_settings": dot_settings,
    "relation": relation, "parking_lot": parking_lot, "room": room, "room_idea": room_idea,
    "criterion": criterion, "alternative": alternative, "score": score, "setup": setup,
    "field": field,
}
