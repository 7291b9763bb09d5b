"""Find on the canvas: the ``search`` a ``FindBar`` calls, over headings and causes as shown."""

from __future__ import annotations

from fishbone.navigation import find_keys, tree_keys
from ui.fishbone_editor.canvas.view import DiagramView
from ui.widgets.find_bar import Search


def canvas_search(view: DiagramView) -> Search:
    """Selects the match ``step`` away from the selection in tree order (wrapping round) and
    scrolls it into sight; causes folded away under a collapsed cause are not shown, so not
    found."""

    def search(text: str, step: int) -> tuple[int, int]:
        scene = view.diagram_scene
        diagram = scene.diagram
        matches = [k for k in find_keys(diagram, text) if scene.box(k) is not None]
        if not matches:
            return 0, 0
        order = {key: i for i, key in enumerate(tree_keys(diagram))}
        here = order.get(scene.selection, -1) if scene.selection is not None else -1
        if step == 0:
            later = [k for k in matches if order[k] >= here]
        elif step > 0:
            later = [k for k in matches if order[k] > here]
        else:
            later = [k for k in reversed(matches) if order[k] < here]
        target = later[0] if later else (matches[0] if step >= 0 else matches[-1])
        view.select(target)
        view.ensure_selection_visible()
        return matches.index(target) + 1, len(matches)

    return search
