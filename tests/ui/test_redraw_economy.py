"""What keeps big cases smooth, checked as behaviour: the step 4 cause list is updated in
place when a cause's text or status changes, not rebuilt, and waits while it is out of sight;
collapsing or expanding everything is one step and one layout; hidden counts in one pass."""

from __future__ import annotations

from fishbone.changes import Change
from fishbone.model import Category, Cause, Diagram
from sixstep.case import Alternative, Case
from ui.alternatives.page import AlternativesPage
from ui.document.document import CaseDocument
from ui.document.fishbone_commands import (
    AddCauseCommand,
    SetCauseAttributeCommand,
    SetCauseTextCommand,
)
from ui.fishbone_editor.canvas.view import DiagramView
from ui.painting.paint import hidden_count, hidden_counts


def diagram(n: int = 40) -> Diagram:
    cats = [Category(f"k{i}", f"Heading {i}") for i in range(4)]
    d = Diagram("A problem worth solving", cats)
    for i in range(n):
        parent = f"c{i - 3}" if i >= 8 and i % 2 else None
        d.add_cause(Cause(f"c{i}", cats[i % 4].id, parent, f"Cause {i} with a few words"))
    return d


def test_step_4_cause_list_keeps_its_rows_while_a_cause_is_edited(qtbot):
    case = Case(fishbone=diagram(12), alternatives=[Alternative("a1", "Hire a night manager")])
    doc = CaseDocument(case)
    page = AlternativesPage(doc)
    qtbot.addWidget(page)
    page.show()
    tree = page.causes_tree
    row = tree.item_for("c5")
    assert row is not None
    doc.push(SetCauseTextCommand(doc, "c5", "Cause 5, said better"))
    doc.push(SetCauseAttributeCommand(doc, "c5", "status", "confirmed"))
    assert tree.item_for("c5") is row
    assert row.text(0) == "Cause 5, said better  (confirmed)"
    doc.push(AddCauseCommand(doc, Cause("c99", "k1", None, "Brand new")))
    assert tree.item_for("c99") is not None
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert tree.item_for("c5").text(0) == "Cause 5, said better"
    assert tree.item_for("c99") is None


def labels(tree) -> list[str]:  # noqa: ANN001
    """Every row's text, read through Qt's own item API (no catching up first)."""
    found, stack = [], [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        found.append(item.text(0))
        stack.extend(item.child(i) for i in range(item.childCount()))
    return found


def test_step_4_cause_list_catches_up_when_shown_not_on_every_edit(qtbot):
    case = Case(fishbone=diagram(12), alternatives=[Alternative("a1", "Hire a night manager")])
    doc = CaseDocument(case)
    page = AlternativesPage(doc)
    qtbot.addWidget(page)
    page.show()
    page.hide()  # another step is on screen
    doc.push(AddCauseCommand(doc, Cause("c99", "k1", None, "Brand new")))
    doc.push(SetCauseTextCommand(doc, "c5", "Cause 5, said better"))
    assert "Brand new" not in labels(page.causes_tree)
    page.show()
    assert "Brand new" in labels(page.causes_tree)
    assert "Cause 5, said better" in labels(page.causes_tree)
    page.hide()
    doc.undo_stack.undo()
    assert page.causes_tree.item_for("c5").text(0) == "Cause 5 with a few words"  # asked: fresh


def deep_diagram() -> Diagram:
    d = diagram(60)
    for i in range(60, 90):  # chains, so some causes hide whole branches
        d.add_cause(Cause(f"c{i}", "k0", f"c{i - 1}" if i % 3 else "c60" if i > 60 else None,
                          f"Deeper cause {i}"))
    return d


def test_hidden_counts_agree_with_counting_one_cause_at_a_time():
    d = deep_diagram()
    counts = hidden_counts(d)
    assert counts == {c.id: hidden_count(d, c.id) for c in d.causes}
    assert max(counts.values()) > 5


def test_collapse_all_is_one_step_and_one_layout(qtbot):
    view = DiagramView(CaseDocument(Case(fishbone=deep_diagram())))
    qtbot.addWidget(view)
    layouts: list[None] = []
    view.diagram_scene.relaid_out.connect(lambda: layouts.append(None))
    doc, d = view.doc, view.doc.diagram
    parents = {c.parent for c in d.causes if c.parent}
    view.diagram_actions.set_all_collapsed(True)
    assert len(layouts) == 1 and doc.undo_stack.count() == 1
    assert {c.id for c in d.causes if c.collapsed} == parents
    shown = {box.id for box in view.diagram_scene.layout.boxes if box.kind == "cause"}
    assert shown == {c.id for c in d.causes if c.parent is None}
    pill = view.diagram_scene.cause_item("c60")
    assert pill is not None and pill.hidden == hidden_count(d, "c60")
    doc.undo_stack.undo()
    assert not any(c.collapsed for c in d.causes) and len(layouts) == 2
    doc.undo_stack.redo()
    view.diagram_actions.set_all_collapsed(False)
    assert not any(c.collapsed for c in d.causes) and doc.undo_stack.count() == 2


def test_the_canvas_is_not_laid_out_for_changes_elsewhere_in_the_case(qtbot):
    view = DiagramView(CaseDocument(Case(fishbone=diagram(12))))
    qtbot.addWidget(view)
    layouts: list[None] = []
    view.diagram_scene.relaid_out.connect(lambda: layouts.append(None))
    view.doc.case.changes.emit(Change("title", ("title",)))
    view.doc.case.changes.emit(Change("alternative_changed", ("a1",), "addresses"))
    assert layouts == []
    view.diagram_actions.add_cause("k1", None, "New")
    assert len(layouts) == 1


def test_the_diagram_is_laid_out_once_when_step_2_is_built(make_window, monkeypatch):
    import ui.fishbone_editor.canvas.scene as scene_module

    layouts: list[None] = []
    real = scene_module.compute_layout

    def counted(*args):  # noqa: ANN002
        layouts.append(None)
        return real(*args)
    monkeypatch.setattr(scene_module, "compute_layout", counted)
    window = make_window(sample="happy_burgers")
    window.show_step(2)
    scene = window.workspace.page(2).fishbone.view.diagram_scene
    assert len(layouts) == 1  # with the question in the head and the look of the window
    assert scene.options.head_fallback.startswith("How can a crew member")
    window.set_projector_mode(True)  # another look: laid out again
    assert len(layouts) == 2
    window.set_projector_mode(True)  # the same look again: nothing to do
    assert len(layouts) == 2
