"""After an edit the canvas touches only the items whose geometry or content changed, and
what it skips is exactly what a full comparison would have left alone."""

from __future__ import annotations

import random

from fishbone.model import Cause
from tests.ui.test_canvas_mouse import big_diagram, make_view
from ui.document.fishbone_commands import (
    AddCauseCommand,
    MoveCauseCommand,
    RemoveCauseCommand,
    SetCauseAttributeCommand,
    SetCauseTextCommand,
)


def test_a_rename_that_keeps_the_size_repaints_only_that_box(qtbot):
    view = make_view(qtbot, big_diagram(300))
    scene, doc = view.diagram_scene, view.doc
    doc.push(SetCauseTextCommand(doc, "c41", "Cause number 41  text"))  # same lines
    assert scene.updated_last == 1
    assert scene.cause_item("c41").signature[0] == "Cause number 41  text"


def test_what_an_edit_skips_a_full_check_finds_up_to_date(qtbot):
    view = make_view(qtbot, big_diagram(200))
    scene, doc = view.diagram_scene, view.doc
    rng = random.Random(3)
    doc.push(SetCauseAttributeCommand(doc, "c13", "collapsed", True))
    for step in range(30):
        d = doc.diagram
        cause = rng.choice(d.causes)
        what = rng.random()
        if what < 0.3:
            doc.push(SetCauseTextCommand(doc, cause.id, cause.text + " more", merge=False))
        elif what < 0.45:
            doc.push(SetCauseAttributeCommand(doc, cause.id, "collapsed", not cause.collapsed))
        elif what < 0.6:
            doc.push(RemoveCauseCommand(doc, cause.id))
        elif what < 0.75:
            doc.push(MoveCauseCommand(doc, cause.id, d.categories[step % 6].id, None))
        elif what < 0.85:
            doc.undo_stack.undo()
        else:  # under a collapsed cause: only its count of hidden causes changes
            hidden = next((c for c in d.causes if c.collapsed), cause)
            doc.push(AddCauseCommand(doc, Cause(d.next_cause_id(), hidden.category,
                                                hidden.id, "a new one")))
        scene.relayout()  # compares every item in full
        assert scene.updated_last == 0, f"step {step}: the edit left items stale"
