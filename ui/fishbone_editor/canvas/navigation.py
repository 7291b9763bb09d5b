"""Where the arrow keys take the selection on the fishbone canvas.

An arrow goes to the box *connected* to the selected one (its parent, a sub-cause, or the
sibling next to it) that lies in the arrow's direction on screen; when no connected box lies
that way, it goes to the nearest box of any kind that way. So on a bone above the spine,
Down walks from the heading through its causes towards the spine, Left goes out to a cause's
sub-causes, and Right comes back towards the head; below the spine it is mirrored, just as
the picture is. Nothing selected: any arrow selects the head.

Siblings are put in screen order along the direction they are spread in: causes on a heading's
bone (depth 1, 3, 5...: horizontal bones stacked along a slanting one) top to bottom; causes
on a horizontal bone (depth 2, 4...) and the headings themselves left to right. Alt+Up/Down
moves a cause one place in that order.
"""

from __future__ import annotations

import math

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


def screen_order(keys: list[Key], boxes: dict[Key, Box]) -> list[Key]:
    """Siblings sorted along the axis they are spread over (ties keep tree order)."""
    shown = [k for k in keys if k in boxes]
    if len(shown) < 2:
        return shown
    axis = spread_axis(boxes[shown[0]])
    return sorted(shown, key=lambda k: centre(boxes[k])[axis])


def _score(origin: tuple[float, float], target: tuple[float, float], direction: Direction,
           max_angle: float) -> float | None:
    """Distance-like cost of going from origin to target in ``direction``; None when off."""
    dx, dy = target[0] - origin[0], target[1] - origin[1]
    along = dx * direction[0] + dy * direction[1]
    if along <= 1.0:
        return None
    across = abs(dx * direction[1] - dy * direction[0])
    if math.degrees(math.atan2(across, along)) > max_angle:
        return None
    return along + 2.0 * across


def step(diagram: Diagram, boxes: dict[Key, Box], key: Key | None,
         direction: Direction) -> Key | None:
    """The box an arrow key selects next, or None to stay put."""
    if key is None or key not in boxes:
        return HEAD if HEAD in boxes else next(iter(boxes), None)
    origin = centre(boxes[key])
    connected: list[Key] = []
    parent = parent_key(diagram, key)
    if parent is not None:
        connected.append(parent)
    connected.extend(child_keys(diagram, key))
    order = screen_order(sibling_keys(diagram, key), boxes)
    if key in order:
        i = order.index(key)
        connected.extend(order[j] for j in (i - 1, i + 1) if 0 <= j < len(order))
    best = _best(origin, [k for k in connected if k in boxes], boxes, direction, 80.0)
    if best is not None:
        return best
    return _best(origin, [k for k in boxes if k != key], boxes, direction, 60.0)


def _best(origin: tuple[float, float], keys: list[Key], boxes: dict[Key, Box],
          direction: Direction, max_angle: float) -> Key | None:
    scored = []
    for k in keys:
        cost = _score(origin, centre(boxes[k]), direction, max_angle)
        if cost is not None:
            scored.append((cost, k))
    return min(scored)[1] if scored else None


def sibling_move_index(diagram: Diagram, boxes: dict[Key, Box], cause_id: str,
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


def headings_in_screen_order(diagram: Diagram, boxes: dict[Key, Box]) -> list[str]:
    """Category ids from left to right on screen (list order when not laid out)."""
    keys = [("category", c.id) for c in diagram.categories]
    if not all(k in boxes for k in keys):
        return [c.id for c in diagram.categories]
    return [k[1] for k in sorted(keys, key=lambda k: (centre(boxes[k])[0],
                                                      keys.index(k)))]
