"""Random runs of the case's verbs, across the fishbone and the six steps, undone and redone.

From a sample case (or the room's small case, or a blank one) the machine applies random
edits (``edit_makers``), some grouped as an all-or-nothing ``Sequence``, with undo and redo in
between as the undo stack does them. A refused edit raises a ``RuleError`` and leaves the
saved bytes as they were; an applied one tells its changes; an undo gives the bytes before, a
redo the bytes after. At the end every edit still done is undone (the original file, byte for
byte), then done again (the final file), and the final file loads again and saves to the same
bytes. The long run (``-m slow``) also loads the file of every state on the way.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    precondition,
    rule,
    run_state_machine_as_test,
)

from fishbone.changes import Change
from sample_cases import read_sample
from sixstep.case import Case
from sixstep.caseio import dumps_case, loads_case, new_case
from sixstep.edits.base import Edit, Sequence
from sixstep.rules import RuleError
from tests.sixstep.edit_makers import MAKERS
from tests.sixstep.room_cases import every_field_doc, text

SAMPLES = ("happy_burgers", "acme_widgets", "waiting_area")
# the samples, and a small case using every field of the room (dots, arrows, parking lot...)
_FILES = {**{name: read_sample(name) for name in SAMPLES}, "room": text(every_field_doc())}
# each maker once, and the steps 3 to 6 makers (several verbs each) more often
WEIGHTED = sorted(MAKERS) + ["criterion", "alternative", "score", "field"] * 2
SEQUENCES = (0,) * 8 + (1, 2)  # how many more edits join one in a Sequence, and how often


@dataclass
class Step:
    """One edit still done: the edit, its inverse, and the file before and after it."""

    edit: Edit
    inverse: Edit
    before: bytes
    after: bytes


class CaseEdits(RuleBasedStateMachine):
    """The verbs as a user (or a remote participant) drives them, with undo and redo."""

    loads_every_step = False  # the long run checks that every state saves a loadable file

    def __init__(self) -> None:
        super().__init__()
        self.case = Case()
        self.original = b""
        self.done: list[Step] = []
        self.undone: list[Step] = []
        self.heard: list[Change] = []
        self.sound = True  # False while a step runs: a failed step skips the final checks

    @initialize(start=st.sampled_from([*_FILES, "blank"]))
    def start(self, start: str) -> None:
        self.case = new_case() if start == "blank" else loads_case(_FILES[start])
        self.case.changes.subscribe(self.heard.append)
        self.original = dumps_case(self.case)

    def _saved(self) -> bytes:
        data = dumps_case(self.case)
        if self.loads_every_step:
            assert dumps_case(loads_case(data)) == data
        return data

    def _apply(self, edit: Edit) -> None:
        self.sound = False
        before = dumps_case(self.case)
        self.heard.clear()
        try:
            applied = edit.apply(self.case)
        except RuleError:
            assert dumps_case(self.case) == before, f"refused {edit!r} changed the case"
            if not isinstance(edit, Sequence):  # (a sequence tells its rolled-back parts)
                assert self.heard == [], f"refused {edit!r} told a change"
            self.sound = True
            return
        after = self._saved()
        assert tuple(self.heard) == applied.changes
        assert applied.changes or after == before, f"{edit!r} changed the case silently"
        self.done.append(Step(edit, applied.inverse, before, after))
        self.undone.clear()
        self.sound = True

    @rule(data=st.data(), maker=st.sampled_from(WEIGHTED), more=st.sampled_from(SEQUENCES))
    def edit(self, data: st.DataObject, maker: str, more: int) -> None:
        """One edit, or now and then a ``Sequence`` of it and ``more`` others."""
        edit = MAKERS[maker](self.case, data.draw)
        if more:
            others = [MAKERS[data.draw(st.sampled_from(WEIGHTED))](self.case, data.draw)
                      for _ in range(more)]
            edit = Sequence((edit, *others), "Several")
        self._apply(edit)

    @precondition(lambda self: self.done)
    @rule()
    def undo(self) -> None:
        self.sound = False
        step = self.done.pop()
        step.inverse.apply(self.case)
        assert dumps_case(self.case) == step.before, f"undo of {step.edit!r}"
        self.undone.append(step)
        self.sound = True

    @precondition(lambda self: self.undone)
    @rule()
    def redo(self) -> None:
        self.sound = False
        step = self.undone.pop()
        applied = step.edit.apply(self.case)
        assert dumps_case(self.case) == step.after, f"redo of {step.edit!r}"
        self.done.append(Step(step.edit, applied.inverse, step.before, step.after))
        self.sound = True

    def teardown(self) -> None:
        if not self.sound or not self.original:
            return
        final = dumps_case(self.case)
        for step in reversed(self.done):
            step.inverse.apply(self.case)
        assert dumps_case(self.case) == self.original, "undoing everything"
        for step in self.done:
            step.edit.apply(self.case)
        assert dumps_case(self.case) == final, "redoing everything"
        assert dumps_case(loads_case(final)) == final, "the final file loads again"


class CaseEditsLoadingEachState(CaseEdits):
    loads_every_step = True


QUICK = settings(max_examples=80, stateful_step_count=40, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
LONG = settings(QUICK, max_examples=1000, stateful_step_count=80)


def test_random_edits_undo_to_the_original_file_and_redo_to_the_final_one() -> None:
    run_state_machine_as_test(CaseEdits, settings=QUICK)


@pytest.mark.slow
def test_many_long_runs_of_random_edits_each_state_saving_a_loadable_file() -> None:
    run_state_machine_as_test(CaseEditsLoadingEachState, settings=LONG)
