"""Where the arrow keys take the selection on the fishbone: the diagram read as a tree.

Up and Down go to the previous and next sibling, Left to the parent (a top-level cause's parent
is its heading, a heading's is the head), Right to the first child (a collapsed cause shows
none). Where there is no such box the selection stays. So every move has its inverse: Right
then Left comes back, and Down then Up comes back wherever a next sibling exists. Nothing
selected: any arrow selects the head.

Siblings are put in screen order along the direction they are spread in: causes on a heading's
bone (depth 1, 3, 5...: horizontal bones stacked along a slanting one) top to bottom; causes
on a horizontal bone (depth 2, 4...) and the headings themselves left to right; "first child"
is the first in that order. Alt+Up/Down moves a cause one place in that order. A pure
function of the diagram and its laid-out boxes (no Qt), so it is tested on its own.
"""

from __future__ import annotations

from collections.abc import Mapping

from fishbone.geometry import Box
from fishbone.model import Diagram

Key = tuple[str, str]
Direction = tuple[float, float]

LEFT: Direction = (-1.0, 0.0)
RIGHT: Direction = (1.0, 0.0)
UP: Direction = (0.0, -1.0)
DOWN: Direction = (0.0, 1.0)

HEAD: Key = ("head", "head")


def centre(box: Box) -> tuple[float, float]:
    x, y, w, h = box.rect
    return (x + w / 2, y + h / 2)


def parent_key(diagram: Diagram, key: Key) -> Key | None:
    kind, item_id = key
    if kind == "cause":
        cause = diagram.cause(item_id)
        return ("cause", cause.parent) if cause.parent else ("category", cause.category)
    if kind == "category":
        return HEAD
    return None


def child_keys(diagram: Diagram, key: Key) -> list[Key]:
    """Children in tree order (collapsed causes have none shown)."""
    kind, item_id = key
    if kind == "head":
        return [("category", c.id) for c in diagram.categories]
    if kind == "category":
        return [("cause", c.id) for c in diagram.children(item_id)]
    cause = diagram.cause(item_id)
    if cause.collapsed:
        return []
    return [("cause", c.id) for c in diagram.children(cause.category, item_id)]


def sibling_keys(diagram: Diagram, key: Key) -> list[Key]:
    parent = parent_key(diagram, key)
    return [key] if parent is None else child_keys(diagram, parent)


def spread_axis(box: Box) -> int:
    """0 when ``box`` and its siblings run side by side (x), 1 when they are stacked (y).

    By the layout's rule, not by measuring: labels at the ends of bones of unequal length
    can be spread wider across than along.
    """
    return 1 if box.kind == "cause" and box.depth % 2 == 1 else 0


def screen_order(keys: list[Key], boxes: Mapping[Key, Box]) -> list[Key]:
    """Siblings sorted along the axis they are spread over (ties keep tree order)."""
    shown = [k for k in keys if k in boxes]
    if len(shown) < 2:
        return shown
    axis = spread_axis(boxes[shown[0]])
    return sorted(shown, key=lambda k: centre(boxes[k])[axis])


def step(diagram: Diagram, boxes: Mapping[Key, Box], key: Key | None,
         direction: Direction) -> Key | None:
    """The box an arrow key selects next, or None to stay put (see the module's rule)."""
    if key is None or key not in boxes:
        return HEAD if HEAD in boxes else next(iter(boxes), None)
    if direction == LEFT:
        parent = parent_key(diagram, key)
        return parent if parent in boxes else None
    if direction == RIGHT:
        children = screen_order(child_keys(diagram, key), boxes)
        return children[0] if children else None
    order = screen_order(sibling_keys(diagram, key), boxes)
    if key not in order:
        return None
    there = order.index(key) + (1 if direction == DOWN else -1)
    return order[there] if 0 <= there < len(order) else None


def sibling_move_index(diagram: Diagram, boxes: Mapping[Key, Box], cause_id: str,
                       towards: int) -> int | None:
    """The ``index`` for MoveCauseCommand that swaps a cause with its screen neighbour.

    ``towards`` is -1 for up (or left) and +1 for down (or right) in screen order.
    """
    key = ("cause", cause_id)
    order = screen_order(sibling_keys(diagram, key), boxes)
    if key not in order:
        return None
    i = order.index(key) + towards
    if not 0 <= i < len(order):
        return None
    return diagram.sibling_index(order[i][1])


def headings_in_screen_order(diagram: Diagram, boxes: Mapping[Key, Box]) -> list[str]:
    """Category ids from left to right on screen (list order when not laid out)."""
    keys = [("category", c.id) for c in diagram.categories]
    if not all(k in boxes for k in keys):
        return [c.id for c in diagram.categories]
    return [k[1] for k in sorted(keys, key=lambda k: (centre(boxes[k])[0],
                                                      keys.index(k)))]


def tree_keys(diagram: Diagram) -> list[Key]:
    """Every heading and cause in tree order: each heading, then its causes depth first."""
    under = diagram.children_map()
    order: list[Key] = []

    def walk(category_id: str, parent: str | None) -> None:
        for cause in under.get(parent, {}).get(category_id, []):
            order.append(("cause", cause.id))
            walk(category_id, cause.id)

    for category in diagram.categories:
        order.append(("category", category.id))
        walk(category.id, None)
    return order


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def find_keys(diagram: Diagram, text: str) -> list[Key]:
    """Headings and causes whose text holds ``text`` (case and spacing ignored), in tree
    order. Blank text finds nothing."""
    wanted = _folded(text)
    if not wanted:
        return []
    return [key for key in tree_keys(diagram)
            if wanted in _folded(diagram.cause(key[1]).text if key[0] == "cause"
                                 else diagram.category(key[1]).name)]
