"""The canvas keys: a facilitator can build the whole fishbone without the mouse.

==================  ===============================================================
Arrows              move like a tree (``fishbone.navigation``): Up/Down the sibling
                    before/after, Left the parent (a cause's heading, a heading's
                    head), Right the first child; with nothing selected, the head.
                    The view follows the selection, keeping its neighbours in sight
Home                select the head (the effect)
PgUp / PgDown       jump to the heading before / after along the spine, tail to head
                    (from a cause, PgUp goes to its own heading; they wrap around)
Enter               cause: add a sibling after it and name it; heading: add a heading
                    after it and name it; head: edit the effect
Tab                 cause: add a sub-cause; heading: add a cause on its bone;
                    head: add a heading at the end (each then named in place)
Shift+Tab           make a sub-cause a sibling of its parent
Ctrl+Tab            leave the canvas for the next control (Ctrl+Shift+Tab: the one before),
                    since Tab itself adds a cause here
F2, or typing       edit the selected box in place (typing starts with that letter);
                    in the field Enter keeps the text, Esc throws it away
Delete, Backspace   remove the cause with its sub-causes (or the heading with its causes)
Alt+Up / Alt+Down   move the cause one place among its siblings, as seen on screen
Alt+Left/Alt+Right  move the cause to the heading on that side (onto its bone, last);
                    a heading: move it one place along the spine that way
Alt+P               status of the cause: possible
Alt+C               status of the cause: confirmed
Alt+X               status of the cause: ruled out
Alt+= (or Alt++)    one dot more on the cause; Alt+- one dot less (from whoever votes:
                    step 2 picks them with Alt+1..9, Alt+0 for the room)
Space               collapse or expand the cause's sub-causes
Ctrl+Shift+R        mark or unmark the cause as a root cause
Menu, Shift+F10     the context menu (status, votes, headings, presets)
Ctrl+= / Ctrl++     zoom in; Ctrl+- zoom out
Ctrl+0              fit the diagram to the window; where the text would be too small to
                    read (projector mode) it switches between the whole diagram and
                    reading size instead
Ctrl+arrows         scroll the view
Ctrl+C              copy the selected cause with its sub-causes (a heading with its
                    causes; the head: the whole diagram) as a Markdown outline, as text
Ctrl+V              paste outline or Mermaid text: its causes go under the selected
                    cause or heading as one undo step (with the head or nothing
                    selected, its top lines are headings, matched by name)
==================  ===============================================================

The Alt keys for status and votes work from the whole fishbone editor (the capture line and
the side panel too), so a scribe can add a cause and mark it without leaving the line.
None of these keys is a window shortcut (Ctrl+N/O/S/Shift+S/Z/Y/Q, Ctrl+1..6,
Ctrl+PgUp/PgDown, Ctrl+G, F11, Ctrl+Shift+P), and none is a plain letter, so typing on a
selected box always edits it. Ctrl+C and Ctrl+V belong to the canvas while it has the focus,
even if the window gives them to something else (the window's picture copy is Ctrl+Shift+C).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

from ui.fishbone_editor.canvas import navigation as nav
from ui.fishbone_editor.canvas.actions import (
    ROOT_CAUSE_SHORTCUT,
    STATUS_SHORTCUTS,
    VOTE_DOWN_SHORTCUT,
    VOTE_UP_SHORTCUT,
    DiagramActions,
)
from ui.fishbone_editor.canvas.host import CanvasView
from ui.fishbone_editor.canvas.menus import show_context_menu
from ui.painting.paint import head_points_right

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
KEYPAD = Qt.KeyboardModifier.KeypadModifier

ARROWS = {K.Key_Left: nav.LEFT, K.Key_Right: nav.RIGHT, K.Key_Up: nav.UP, K.Key_Down: nav.DOWN}
PLAIN_KEYS = {K.Key_Return, K.Key_Enter, K.Key_Tab, K.Key_Backtab, K.Key_F2, K.Key_Delete,
              K.Key_Backspace, K.Key_Space, K.Key_Home, K.Key_PageUp, K.Key_PageDown,
              K.Key_Menu, *ARROWS}


def _key_of(shortcut: str) -> tuple[Qt.KeyboardModifier, Qt.Key]:
    combination = QKeySequence(shortcut)[0]
    return combination.keyboardModifiers(), combination.key()


# (modifiers, key) -> what it does to the selected cause
CAUSE_KEYS: dict[tuple[Qt.KeyboardModifier, Qt.Key], tuple[str, object]] = {
    **{_key_of(keys): ("status", status) for status, keys in STATUS_SHORTCUTS.items()},
    _key_of(VOTE_UP_SHORTCUT): ("vote", 1),
    (ALT, K.Key_Plus): ("vote", 1),  # the keypad's + and layouts where = is not the + key
    (ALT | SHIFT, K.Key_Plus): ("vote", 1),  # Alt+Shift+=, which Qt reports as Alt++
    _key_of(VOTE_DOWN_SHORTCUT): ("vote", -1),
    _key_of(ROOT_CAUSE_SHORTCUT): ("root", None),
}


def _mods(event: QKeyEvent) -> Qt.KeyboardModifier:
    return event.modifiers() & ~KEYPAD


def cause_key(event: QKeyEvent) -> tuple[str, object] | None:
    """What a key does to the selected cause: ("status", name), ("vote", +1 or -1),
    ("root", None); None for any other key."""
    return CAUSE_KEYS.get((_mods(event), Qt.Key(event.key())))


def apply_cause_key(actions: DiagramActions, cause_id: str, what: tuple[str, object]) -> None:
    """Carry out ``cause_key``'s answer on one cause (one undo step, or none if no change)."""
    verb, value = what
    if verb == "status":
        actions.set_status(cause_id, str(value))
    elif verb == "vote":
        actions.vote(cause_id, int(value))  # type: ignore[call-overload]
    elif verb == "root":
        actions.toggle_root_cause(cause_id)


def wants_key(view: CanvasView, event: QEvent) -> bool:
    """Keys the canvas takes even when a window action has the same shortcut."""
    if not isinstance(event, QKeyEvent) or view.edit_session is not None:
        return False
    mods, key = _mods(event), event.key()
    if mods in (Qt.KeyboardModifier.NoModifier, SHIFT) and key in PLAIN_KEYS:
        return True
    if mods == ALT and key in ARROWS:
        return True
    if mods == CTRL and (key == K.Key_V or
                         (key == K.Key_C and view.diagram_scene.selection is not None)):
        return True
    return cause_key(event) is not None


def handle_key(view: CanvasView, event: QKeyEvent) -> bool:
    """Act on one key press; False leaves it to Qt (and the window's shortcuts)."""
    mods, key = _mods(event), event.key()
    if key in (K.Key_Tab, K.Key_Backtab) and mods & CTRL:
        forward = key == K.Key_Tab and not mods & SHIFT
        view.focus_next_widget(forward)
        return True
    if mods == CTRL and key in (K.Key_C, K.Key_V):
        # the text formats load with the first copy or paste, not with the canvas
        from ui.fishbone_editor.canvas import clipboard

        if key == K.Key_C:
            return clipboard.copy_selection(view)
        clipboard.paste_clipboard(view)
        return True
    if mods == CTRL:
        return _zoom_or_scroll(view, key)
    what = cause_key(event)
    if what is not None:
        cause = view.diagram_scene.selected_cause
        if cause is not None:
            apply_cause_key(view.diagram_actions, cause.id, what)
        return True
    if mods == ALT and key in ARROWS:
        _move(view, key)
        return True
    if key == K.Key_Backtab or (key == K.Key_Tab and mods == SHIFT):
        cause = view.diagram_scene.selected_cause
        if cause is not None:
            view.diagram_actions.promote(cause.id)
        return True
    if (key == K.Key_F10 and mods == SHIFT) or (key == K.Key_Menu and not mods):
        _menu_for_selection(view)
        return True
    if mods not in (Qt.KeyboardModifier.NoModifier, SHIFT):
        return False
    if key in ARROWS and not mods:
        scene = view.diagram_scene
        boxes = scene.shown_boxes
        target = nav.step(scene.diagram, boxes, scene.selection, ARROWS[key])
        if target is not None:
            view.select(target)
        return True
    if key == K.Key_Home:
        view.select(nav.HEAD)
        return True
    if key in (K.Key_PageUp, K.Key_PageDown):
        _jump_to_heading(view, -1 if key == K.Key_PageUp else 1)
        return True
    return _edit_key(view, key, event.text())


def _edit_key(view: CanvasView, key: int, text: str) -> bool:
    scene = view.diagram_scene
    if scene.selection is None:
        if key in (K.Key_Return, K.Key_Enter, K.Key_Tab, K.Key_F2):
            view.select(nav.HEAD)
            return True
        return False
    kind, item_id = scene.selection
    actions, d = view.diagram_actions, scene.diagram
    if key in (K.Key_Return, K.Key_Enter):
        if kind == "cause":
            view.start_edit(("cause", actions.add_sibling(item_id)), is_new=True)
        elif kind == "category":
            new = actions.add_category("New heading", d.category_index(item_id) + 1)
            view.start_edit(("category", new), is_new=True, text="")
        else:
            view.start_edit(nav.HEAD)
        return True
    if key == K.Key_Tab:
        if kind == "cause":
            view.start_edit(("cause", actions.add_child(item_id)), is_new=True)
        elif kind == "category":
            view.start_edit(("cause", actions.add_cause(item_id)), is_new=True)
        else:
            new = actions.add_category("New heading")
            view.start_edit(("category", new), is_new=True, text="")
        return True
    if key == K.Key_F2:
        view.start_edit(scene.selection)
        return True
    if key in (K.Key_Delete, K.Key_Backspace):
        _delete(view, kind, item_id)
        return True
    if key == K.Key_Space:
        if kind == "cause":
            actions.toggle_collapsed(item_id)
        return True
    if text and text.isprintable() and not text.isspace():
        view.start_edit(scene.selection, text=text)
        return True
    return False


def _delete(view: CanvasView, kind: str, item_id: str) -> None:
    """Remove the selected box and select a neighbour: next sibling, previous, or parent."""
    scene = view.diagram_scene
    d = scene.diagram
    if kind == "head":
        return
    key = (kind, item_id)
    boxes = scene.shown_boxes
    order = nav.screen_order(nav.sibling_keys(d, key), boxes)
    after = None
    if key in order:
        i = order.index(key)
        rest = order[i + 1:] + list(reversed(order[:i]))
        after = rest[0] if rest else None
    after = after or nav.parent_key(d, key)
    if kind == "cause":
        view.diagram_actions.remove_cause(item_id)
    else:
        view.diagram_actions.remove_category(item_id)
    view.select(after)


def _jump_to_heading(view: CanvasView, step: int) -> None:
    """Select the heading ``step`` places along the spine from the selection's heading."""
    scene = view.diagram_scene
    d = scene.diagram
    boxes = scene.shown_boxes
    headings = nav.headings_in_screen_order(d, boxes)
    if not headings:
        return
    key = scene.selection
    if key is not None and key[0] == "category" and key[1] in headings:
        target = headings.index(key[1]) + step
    elif key is not None and key[0] == "cause" and d.cause(key[1]).category in headings:
        # a cause sits between its own heading and the next: PgUp goes to its own heading
        own = headings.index(d.cause(key[1]).category)
        target = own if step < 0 else own + 1
    else:
        target = 0 if step > 0 else len(headings) - 1
    target %= len(headings)
    view.select(("category", headings[target]))


def _move(view: CanvasView, key: int) -> None:
    scene = view.diagram_scene
    if scene.selection is None:
        return
    kind, item_id = scene.selection
    d, actions = scene.diagram, view.diagram_actions
    boxes = scene.shown_boxes
    if kind == "category":
        if key in (K.Key_Left, K.Key_Right):
            # headings run from the tail towards the head: on screen, away from the head
            step = -1 if key == K.Key_Left else 1
            if not head_points_right(scene.layout):
                step = -step
            actions.move_category(item_id, d.category_index(item_id) + step)
        return
    if kind != "cause":
        return
    if key in (K.Key_Up, K.Key_Down):
        index = nav.sibling_move_index(d, boxes, item_id, -1 if key == K.Key_Up else 1)
        if index is not None:
            cause = d.cause(item_id)
            actions.move_cause(item_id, cause.category, cause.parent, index)
        return
    headings = nav.headings_in_screen_order(d, boxes)
    here = headings.index(d.cause(item_id).category)
    there = here + (-1 if key == K.Key_Left else 1)
    if 0 <= there < len(headings):
        actions.move_cause(item_id, headings[there], None)
    view.select(("cause", item_id))


def _zoom_or_scroll(view: CanvasView, key: int) -> bool:
    if key in (K.Key_Equal, K.Key_Plus):
        view.zoom_in()
    elif key == K.Key_Minus:
        view.zoom_out()
    elif key == K.Key_0:
        view.fit_or_overview()
    elif key in ARROWS:
        dx, dy = ARROWS[key]
        bars = (view.horizontalScrollBar(), view.verticalScrollBar())
        for bar, d in zip(bars, (dx, dy), strict=True):
            bar.setValue(bar.value() + int(d * bar.singleStep() * 4))
    else:
        return False
    return True


def _menu_for_selection(view: CanvasView) -> None:
    key = view.diagram_scene.selection
    box = view.diagram_scene.box(key) if key else None
    if box is None:
        point = view.viewport().rect().center()
    else:
        x, y, w, h = box.rect
        point = view.mapFromScene(x + min(w, 40.0), y + h)
    show_context_menu(view, key, view.viewport().mapToGlobal(QPoint(point)))
