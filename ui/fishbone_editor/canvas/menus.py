"""Context menus of the canvas: for a cause, a heading, the head, or the empty background.

Every entry runs through ``DiagramActions`` (one undo step each) or the view's editing;
the shortcut each entry shares with the keyboard is shown next to it.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from fishbone.model import PRESETS, STATUSES
from ui.common import theme
from ui.fishbone_editor.canvas.actions import (
    ROOT_CAUSE_SHORTCUT,
    STATUS_LABELS,
    STATUS_SHORTCUTS,
    VOTE_DOWN_SHORTCUT,
    VOTE_UP_SHORTCUT,
)
from ui.fishbone_editor.canvas.host import CanvasView

Key = tuple[str, str]


def _add(menu: QMenu, text: str, slot, shortcut: str = "", enabled: bool = True,
         checked: bool | None = None) -> QAction:
    action = menu.addAction(text)
    action.triggered.connect(lambda _=False: slot())
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutVisibleInContextMenu(True)
    action.setEnabled(enabled)
    if checked is not None:
        action.setCheckable(True)
        action.setChecked(checked)
    return action


def build_context_menu(view: CanvasView, key: Key | None) -> QMenu:
    """The menu for ``key`` (None: the background)."""
    menu = QMenu(view.viewport())
    menu.setObjectName("canvas_menu")
    if key is None:
        _background_menu(view, menu)
    elif key[0] == "cause":
        _cause_menu(view, menu, key[1])
    elif key[0] == "category":
        _category_menu(view, menu, key[1])
    else:
        _add(menu, "Edit effect", lambda: view.start_edit(key), "F2")
        _add(menu, "Add heading", lambda: _new_heading(view, None), "Tab")
        menu.addSeparator()
        _background_menu(view, menu)
    return menu


def show_context_menu(view: CanvasView, key: Key | None, global_pos: QPoint) -> None:
    view.finish_edit()
    menu = build_context_menu(view, key)
    menu.exec(global_pos)
    menu.deleteLater()  # its actions carry shortcuts; do not keep them about


def _cause_menu(view: CanvasView, menu: QMenu, cause_id: str) -> None:
    actions, d = view.diagram_actions, view.doc.diagram
    cause = d.cause(cause_id)
    _add(menu, "Edit text", lambda: view.start_edit(("cause", cause_id)), "F2")
    _add(menu, "Add cause below", lambda: view.start_edit(
        ("cause", actions.add_sibling(cause_id)), is_new=True), "Return")
    _add(menu, "Add sub-cause", lambda: view.start_edit(
        ("cause", actions.add_child(cause_id)), is_new=True), "Tab")
    menu.addSeparator()
    status = menu.addMenu("Status")
    for name in STATUSES:
        _add(status, STATUS_LABELS[name], lambda n=name: actions.set_status(cause_id, n),
             STATUS_SHORTCUTS[name], checked=cause.status == name)
    _add(menu, "Root cause", lambda: actions.toggle_root_cause(cause_id), ROOT_CAUSE_SHORTCUT,
         checked=cause.root_cause)
    hidden = view.doc.votes_hidden  # the room's dots before their reveal: no count
    _add(menu, "Vote up" if hidden else f"Vote up ({cause.votes})",
         lambda: actions.vote(cause_id, 1), VOTE_UP_SHORTCUT)
    _add(menu, "Vote down", lambda: actions.vote(cause_id, -1), VOTE_DOWN_SHORTCUT,
         enabled=hidden or cause.votes > 0)
    if view.open_notes is not None:
        _add(menu, "Notes\u2026", lambda: view.open_notes(cause_id))
    for text, keys, run in view.cause_tools:
        _add(menu, text, lambda r=run: r(cause_id), keys)
    has_children = bool(d.children(cause.category, cause_id))
    _add(menu, "Expand" if cause.collapsed else "Collapse",
         lambda: actions.toggle_collapsed(cause_id), "Space",
         enabled=has_children or cause.collapsed)
    menu.addSeparator()
    move = menu.addMenu("Move to heading")
    for cat in d.categories:
        name = theme.no_mnemonic(cat.name)  # a plain "&", not a menu mnemonic
        here = cat.id == cause.category and cause.parent is None
        _add(move, name, lambda c=cat.id: actions.move_cause(cause_id, c, None),
             enabled=not here)
    _add(menu, "Make sibling of parent", lambda: actions.promote(cause_id), "Shift+Tab",
         enabled=cause.parent is not None)
    menu.addSeparator()
    count = len(d.subtree(cause_id)) - 1
    label = "Delete" if not count else f"Delete with {count} sub-cause{'s' * (count > 1)}"
    _add(menu, label, lambda: actions.remove_cause(cause_id), "Delete")


def _category_menu(view: CanvasView, menu: QMenu, category_id: str) -> None:
    actions, d = view.diagram_actions, view.doc.diagram
    index = d.category_index(category_id)
    _add(menu, "Rename heading", lambda: view.start_edit(("category", category_id)), "F2")
    _add(menu, "Add cause", lambda: view.start_edit(
        ("cause", actions.add_cause(category_id)), is_new=True), "Tab")
    _add(menu, "Add heading after", lambda: _new_heading(view, index + 1), "Return")
    _add(menu, "Move heading earlier", lambda: actions.move_category(category_id, index - 1),
         enabled=index > 0)
    _add(menu, "Move heading later", lambda: actions.move_category(category_id, index + 1),
         enabled=index < len(d.categories) - 1)
    menu.addSeparator()
    count = len([c for c in d.causes if c.category == category_id])
    label = "Remove heading" + (f" and its {count} cause{'s' * (count > 1)}" if count else "")
    _add(menu, label, lambda: actions.remove_category(category_id), "Delete")
    menu.addSeparator()
    _preset_menu(view, menu)


def _background_menu(view: CanvasView, menu: QMenu) -> None:
    if view.overview:
        _add(menu, "Back to reading size", view.fit_or_overview, "Ctrl+0")
    elif view.reading_floor > view.whole_zoom():
        _add(menu, "Whole diagram (small text)", view.fit_or_overview, "Ctrl+0")
    else:
        _add(menu, "Fit to window", view.fit_or_overview, "Ctrl+0")
    _add(menu, "Actual size", view.actual_size)
    menu.addSeparator()
    _add(menu, "Add heading", lambda: _new_heading(view, None))
    _add(menu, "Collapse all", lambda: view.diagram_actions.set_all_collapsed(True))
    _add(menu, "Expand all", lambda: view.diagram_actions.set_all_collapsed(False))
    _preset_menu(view, menu)


def _preset_menu(view: CanvasView, menu: QMenu) -> None:
    presets = menu.addMenu("Apply heading preset")
    for name in PRESETS:
        _add(presets, name, lambda n=name: view.diagram_actions.apply_preset(n))


def _new_heading(view: CanvasView, index: int | None) -> None:
    category_id = view.diagram_actions.add_category("New heading", index)
    view.start_edit(("category", category_id), is_new=True, text="")
