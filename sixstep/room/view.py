"""What the phones may see: a pure function of the case and the open phase, built on the
interface thread and read by the server thread (never changed after it is built).

The public part is what the projector shows anyway. Each participant's own dots, scores and
pending ideas are kept apart and only ever handed to that participant's phone; group results
(dot totals, combined cells, contested cells) appear only once revealed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from sixstep.case import Case
from sixstep.disagreement import contested_cells
from sixstep.dots import dot_budget, dot_totals
from sixstep.room.phase import Phase
from sixstep.scoring import combine_cells

JsonDict = dict[str, Any]


@dataclass(frozen=True)
class RoomView:
    """The room as the phones see it: ``public`` for every phone, ``private`` per participant
    id, and what a participant without entries gets (``blank``)."""

    public: Mapping[str, Any]
    private: Mapping[str, Mapping[str, Any]]
    blank: Mapping[str, Any]

    @property
    def phase(self) -> Phase:
        p = self.public["phase"]
        return Phase(p["kind"], p["ideas_target"], p["dots_revealed"], p["timer_left"],
                     p["timer_running"])

    def for_participant(self, participant_id: str | None) -> JsonDict:
        """The JSON for one phone: the public part and that participant's own entries only.
        A new top-level dict each call (the parts inside are shared: do not change them)."""
        mine = self.private.get(participant_id, self.blank) if participant_id else self.blank
        return {**self.public, "mine": dict(mine)}


def _group(case: Case, phase: Phase) -> JsonDict:
    """Group results the room may see now: dot totals once revealed, combined cells and
    contested cells once blind scoring is revealed (or when it is off)."""
    group: JsonDict = {"dots": None, "cells": None, "contested": None}
    if phase.dots_revealed:
        group["dots"] = dot_totals(case)
    if not case.blind.hides:
        open_ids = {a.id for a in case.open_alternatives()}
        criteria = {c.id for c in case.criteria}
        group["cells"] = [
            {"alternative": alt, "criterion": crit,
             "value": value if isinstance(value, bool) else float(value)}
            for (alt, crit), value in combine_cells(case, "mean").items()
            if alt in open_ids and crit in criteria]
        group["contested"] = [{"alternative": c.alternative, "criterion": c.criterion,
                               "spread": c.spread} for c in contested_cells(case)]
    return group


def _public(case: Case, phase: Phase) -> JsonDict:
    diagram = case.fishbone
    scale = case.score_scale
    return {
        "title": case.title,
        "question": case.problem.question,
        "phase": phase.to_json(),
        "ideas_target": phase.ideas_target,
        "headings": [{"id": h.id, "name": h.name} for h in diagram.categories],
        "causes": [{"id": c.id, "text": c.text, "category": c.category}
                   for c in diagram.causes],
        "alternatives": [{"id": a.id, "name": a.name} for a in case.open_alternatives()],
        "criteria": [{"id": c.id, "name": c.name, "kind": c.kind, "weight": c.weight}
                     for c in case.criteria],
        "scale": {"min": scale.min, "max": scale.max},
        "dots": {"budget": dot_budget(case), "cap": case.dot_settings.cap,
                 "anonymous": case.dot_settings.anonymous},
        "blind": {"on": case.blind.on, "revealed": case.blind.revealed},
        "group": _group(case, phase),
    }


def _private(case: Case, budget: int) -> dict[str, JsonDict]:
    """Participant id -> their own dots, dots left, scores and pending room ideas."""
    mine: dict[str, JsonDict] = {
        p.id: {"dots": {}, "dots_left": budget, "scores": [], "ideas": []}
        for p in case.participants}
    for dot in case.dots:
        entry = mine.get(dot.participant or "")
        if entry is not None:
            entry["dots"][dot.cause] = entry["dots"].get(dot.cause, 0) + dot.count
            entry["dots_left"] = max(0, entry["dots_left"] - dot.count)
    for score in case.scores:
        entry = mine.get(score.participant or "")
        if entry is not None:
            entry["scores"].append({"alternative": score.alternative,
                                    "criterion": score.criterion, "value": score.value})
    for idea in case.room_ideas:
        entry = mine.get(idea.sender or "")
        if entry is not None:
            entry["ideas"].append({"id": idea.id, "text": idea.text, "target": idea.target,
                                   "category": idea.category})
    return mine


def room_view(case: Case, phase: Phase) -> RoomView:
    """The view to publish after the case or the phase changed (run on the interface thread)."""
    budget = dot_budget(case)
    private = {pid: MappingProxyType(entry) for pid, entry in _private(case, budget).items()}
    blank = MappingProxyType({"dots": {}, "dots_left": budget, "scores": [], "ideas": []})
    return RoomView(MappingProxyType(_public(case, phase)), MappingProxyType(private), blank)
