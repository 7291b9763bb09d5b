"""Where the arrow keys take the selection on the canvas: the rule lives in
``fishbone.navigation`` (no Qt); these names stay here for the canvas modules."""

from fishbone.navigation import (
    DOWN,
    HEAD,
    LEFT,
    RIGHT,
    UP,
    Direction,
    Key,
    centre,
    child_keys,
    headings_in_screen_order,
    parent_key,
    screen_order,
    sibling_keys,
    sibling_move_index,
    spread_axis,
    step,
)

__all__ = ["DOWN", "HEAD", "LEFT", "RIGHT", "UP", "Direction", "Key", "centre", "child_keys",
           "headings_in_screen_order", "parent_key", "screen_order", "sibling_keys",
           "sibling_move_index", "spread_axis", "step"]
