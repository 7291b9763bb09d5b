"""Test only: the app makes scripted edits on a timer, for the kill tests of crash recovery.

With ``PROBLEM_WORKSHOP_SCRIPTED_EDITS="SEED[:SAVE_EVERY[:SNAPSHOT_EVERY]]"`` in the
environment, the window opened on a file makes one edit (or undo, or redo) about every
``STEP_MS`` through the same undo commands a person's edits take, and prints
``committed N`` to stdout, flushed, once the edit is applied and journaled. Every
``SAVE_EVERY``-th step it prints ``saving N`` and saves; every ``SNAPSHOT_EVERY``-th step it
prints ``snapshot N`` and writes the recovery snapshot. ``next_step`` is a pure function of a
seeded generator and the case, so a test replays the same steps on its own copy of the case
(``Replica``) and knows the case after any number of steps.
"""

from __future__ import annotations

import os
import random
import sys
from dataclasses import dataclass, field

from fishbone.model import Cause
from sixstep.case import Case
from sixstep.edits.alternatives import AddAlternative, new_alternative_id
from sixstep.edits.base import Edit
from sixstep.edits.criteria import (
    AddCriterion,
    RemoveCriterion,
    SetCriterionWeight,
    new_criterion_id,
)
from sixstep.edits.fields import InsertItem, SetText
from sixstep.edits.fishbone import AddCause, SetCauseAttribute

ENV = "PROBLEM_WORKSHOP_SCRIPTED_EDITS"
STEP_MS = 160  # about six edits a second


def next_step(rng: random.Random, case: Case, number: int, can_undo: bool,
              can_redo: bool) -> Edit | str:
    """The ``number``-th step: an edit to apply, or "undo" or "redo". No two steps merge
    into one undo step (the replica's undo stack does not merge)."""
    roll = rng.random()
    if roll < 0.10 and can_undo:
        return "undo"
    if roll < 0.15 and can_redo:
        return "redo"
    kind = rng.randrange(8)
    if kind == 0:
        return AddCriterion(f"Criterion {number}", "want", float(rng.choice([1, 2, 5])),
                            None, new_criterion_id(case))
    if kind == 1 and case.criteria:
        return RemoveCriterion(rng.choice(case.criteria).id)
    wants = [c for c in case.criteria if c.kind == "want"]
    if kind == 2 and wants:
        return SetCriterionWeight(rng.choice(wants).id, float(rng.randint(1, 10)))
    if kind == 3:
        return AddAlternative(f"Alternative {number}", None, new_alternative_id(case))
    if kind == 4:
        return InsertItem(("problem", "symptoms"), f"Symptom {number}")
    headings = case.fishbone.categories
    if kind == 5 and headings:
        cause = Cause(case.fishbone.next_cause_id(), rng.choice(headings).id, None,
                      f"Cause {number}")
        return AddCause(cause)
    if kind == 6 and case.fishbone.causes:
        cause = rng.choice(case.fishbone.causes)
        return SetCauseAttribute(cause.id, "root_cause", not cause.root_cause)
    return SetText(("title",), f"Title {number} \u00e9\n\"", merge=False)


def parse(value: str) -> tuple[int, int, int]:
    """``SEED[:SAVE_EVERY[:SNAPSHOT_EVERY]]`` (0: never)."""
    parts = [int(p) for p in value.split(":")] + [0, 0]
    return parts[0], parts[1], parts[2]


@dataclass
class Replica:
    """The same steps on a case without Qt: an undo stack of (edit, inverse) pairs."""

    case: Case
    seed: int
    done: list[tuple[Edit, Edit]] = field(default_factory=list)
    index: int = 0
    number: int = 0

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def step(self) -> None:
        self.number += 1
        step = next_step(self.rng, self.case, self.number, self.index > 0,
                         self.index < len(self.done))
        if step == "undo":
            self.index -= 1
            edit, inverse = self.done[self.index]
            inverse.apply(self.case)
        elif step == "redo":
            edit, _ = self.done[self.index]
            self.done[self.index] = (edit, edit.apply(self.case).inverse)
            self.index += 1
        else:
            assert isinstance(step, Edit)
            del self.done[self.index:]
            self.done.append((step, step.apply(self.case).inverse))
            self.index += 1


def start_script(window) -> None:  # noqa: ANN001 - ui.app.main_window.MainWindow
    """Start the scripted edits when the environment asks for them."""
    value = os.environ.get(ENV)
    if not value:
        return
    from PySide6.QtCore import QTimer

    seed, save_every, snapshot_every = parse(value)
    rng = random.Random(seed)
    doc = window.doc
    store = window.recovery.store
    print(f"recovery {store.folder if store else ''} {store.session if store else ''}",
          flush=True)
    number = 0

    def on_timer_timeout() -> None:
        nonlocal number
        number += 1
        stack = doc.undo_stack
        step = next_step(rng, doc.case, number, stack.canUndo(), stack.canRedo())
        if step == "undo":
            stack.undo()
        elif step == "redo":
            stack.redo()
        else:
            doc.apply(step)
        sys.stdout.write(f"committed {number}\n")
        sys.stdout.flush()
        if save_every and number % save_every == 0:
            print(f"saving {number}", flush=True)
            ok = window.files.save()
            print(f"saved {number} {ok}", flush=True)
        if snapshot_every and number % snapshot_every == 0:
            print(f"snapshot {number}", flush=True)
            window.recovery.flush()
            print(f"snapshotted {number}", flush=True)

    timer = QTimer(window)
    timer.setInterval(STEP_MS)
    timer.timeout.connect(on_timer_timeout)
    timer.start()
    window._scripted_timer = timer  # kept alive with the window
