"""Small constructed cases for the room's tests: four participants, six causes, a matrix."""

from __future__ import annotations

import copy
import json
from typing import Any

BASE: dict[str, Any] = {
    "format": "problem-workshop-case", "version": 1, "title": "Room",
    "fishbone": {
        "effect": "Customer leaves",
        "categories": [{"id": "people", "name": "People"}, {"id": "method", "name": "Method"}],
        "causes": [
            {"id": f"c{i}", "category": "people" if i <= 3 else "method", "parent": None,
             "text": f"cause {i}", "status": "possible", "root_cause": False, "votes": 0}
            for i in range(1, 7)
        ],
    },
    "criteria": [{"id": "k1", "name": "fast", "kind": "want", "weight": 1},
                 {"id": "k2", "name": "cheap", "kind": "want", "weight": 1},
                 {"id": "m1", "name": "legal", "kind": "must"}],
    "alternatives": [{"id": "a1", "name": "Alpha"}, {"id": "a2", "name": "Beta"},
                     {"id": "a3", "name": "Gone", "status": "eliminated",
                      "eliminated_reason": "too dear"}],
    "participants": [{"id": f"p{i}", "name": n} for i, n in
                     enumerate(["Thandi", "Ravi", "Mia", "Jo"], start=1)],
    "score_scale": {"min": 1, "max": 10},
}

EVERY_FIELD: dict[str, Any] = {
    "workshop": {"date": "2026-03-14", "facilitator": "Sam", "place": "Back office"},
    "dot_settings": {"budget": 3, "cap": 2, "anonymous": False},
    "dots": [{"cause": "c1", "participant": "p1", "count": 2},
             {"cause": "c1", "participant": "p2", "count": 1},
             {"cause": "c4", "participant": None, "count": 5}],
    "relations": [{"from": "c1", "to": "c2"}, {"from": "c2", "to": "c1"},
                  {"from": "c4", "to": "c2"}],
    "parking_lot": [{"text": "Staff car park lighting", "step": 2, "done": False},
                    {"text": "Ask head office about tills", "step": 4, "done": True}],
    "blind_scoring": {"on": True, "revealed": False},
    "timers": {"2": 600, "5": 900},
    "room_ideas": [{"id": "r1", "text": "Queue too long", "target": "cause",
                    "category": "people", "sender": "p2"},
                   {"id": "r2", "text": "Self-order kiosk", "target": "alternative",
                    "category": None, "sender": None}],
}


def doc(**changes: Any) -> dict[str, Any]:
    """A copy of BASE with top-level keys replaced."""
    out = copy.deepcopy(BASE)
    out.update(copy.deepcopy(changes))
    return out


def every_field_doc() -> dict[str, Any]:
    out = doc(**EVERY_FIELD)
    votes = {"c1": 3, "c4": 5}
    for cause in out["fishbone"]["causes"]:
        cause["votes"] = votes.get(cause["id"], 0)
    return out


def text(document: dict[str, Any]) -> str:
    return json.dumps(document)


def scores(cells: dict[tuple[str, str], list[float]]) -> list[dict[str, Any]]:
    """Score records: ``cells`` maps (alternative, criterion) to p1, p2, ... in order."""
    return [{"alternative": a, "criterion": k, "value": v, "participant": f"p{i}"}
            for (a, k), values in cells.items() for i, v in enumerate(values, start=1)]
