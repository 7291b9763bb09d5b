"""Shared set-up for the canvas tests: a small diagram on a shown DiagramView."""

from __future__ import annotations

from fishbone.model import Category, Cause, Diagram
from sixstep.case import Case
from ui.document.document import CaseDocument
from ui.fishbone_editor.canvas.view import DiagramView


def small_diagram() -> Diagram:
    """Three headings; a cause with a sub-cause under People, one cause under Systems."""
    diagram = Diagram("Customer leaves frustrated", [
        Category("people", "People"), Category("systems", "Systems"),
        Category("place", "Place"),
    ])
    diagram.add_cause(Cause("c1", "people", None, "Works alone at night"))
    diagram.add_cause(Cause("c2", "people", "c1", "No backup"))
    diagram.add_cause(Cause("c3", "systems", None, "Till cannot amend"))
    return diagram


def shown_view(qtbot, diagram: Diagram | None, size: tuple[int, int]) -> DiagramView:
    """The diagram (or ``small_diagram()``) on a view of ``size``, shown and exposed."""
    view = DiagramView(CaseDocument(Case(fishbone=diagram or small_diagram())))
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    return view
