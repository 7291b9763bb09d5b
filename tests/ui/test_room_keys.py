"""No key means two things at once: every shortcut (menu actions, the room's keys, widget
keys) and every Alt+letter mnemonic that can fire together on one screen of the window, on
every step and every tab of step 2, with the parking lot open, in both modes, and in the
five-whys dialog."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QTabBar,
    QWidget,
)

from ui.facilitation.five_whys import FiveWhysDialog

WINDOW_WIDE = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


def _mnemonic(text: str) -> str:
    return QKeySequence.mnemonic(text).toString()


def _shown(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisible() and widget.window() is top


def window_keys(top: QWidget) -> list[tuple[str, str]]:
    """(key, what) for every key that works anywhere in ``top`` as it is shown now."""
    out: list[tuple[str, str]] = []
    for action in top.findChildren(QAction):
        if action.shortcutContext() not in WINDOW_WIDE or not action.isEnabled():
            continue
        owners = action.associatedObjects()
        if any(isinstance(o, QMenu) or (isinstance(o, QWidget) and _shown(o, top))
               for o in owners) or action.parent() is top:
            out += [(k.toString(), f"action {action.text()!r} @{id(action):x}")
                    for k in action.shortcuts()]
    for shortcut in top.findChildren(QShortcut):
        parent = shortcut.parent()
        if (shortcut.context() in WINDOW_WIDE and shortcut.isEnabled()
                and isinstance(parent, QWidget) and _shown(parent, top)):
            out += [(k.toString(), f"shortcut @{id(shortcut):x}") for k in shortcut.keys()]
    for widget in top.findChildren(QWidget):
        if not _shown(widget, top) or isinstance(widget.window(), QMenu):
            continue
        texts: list[str] = []
        if isinstance(widget, QAbstractButton) and not isinstance(widget.parent(), QTabBar):
            texts = [widget.text()]
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            texts = [widget.text()]
        elif isinstance(widget, QGroupBox):
            texts = [widget.title()]
        elif isinstance(widget, QTabBar):
            texts = [widget.tabText(i) for i in range(widget.count())
                     if widget.isTabEnabled(i)]
        elif isinstance(widget, QMenuBar):
            texts = [a.text() for a in widget.actions()]
        out += [(_mnemonic(t), f"{type(widget).__name__} {t!r} @{id(widget):x}")
                for t in texts if _mnemonic(t)]
    return [(k, what) for k, what in out if k]


def scoped_keys(top: QWidget) -> dict[QWidget, list[tuple[str, str]]]:
    """Widget -> the keys of the actions and shortcuts that work only with the focus in it."""
    out: dict[QWidget, list[tuple[str, str]]] = {}
    for action in top.findChildren(QAction):
        if action.shortcutContext() in WINDOW_WIDE or not action.isEnabled():
            continue
        for owner in action.associatedObjects():
            if isinstance(owner, QWidget) and _shown(owner, top):
                out.setdefault(owner, []).extend(
                    (k.toString(), f"action {action.text()!r} @{id(action):x}")
                    for k in action.shortcuts())
    for shortcut in top.findChildren(QShortcut):
        parent = shortcut.parent()
        if (shortcut.context() not in WINDOW_WIDE and isinstance(parent, QWidget)
                and _shown(parent, top)):
            out.setdefault(parent, []).extend((k.toString(), f"shortcut @{id(shortcut):x}")
                                              for k in shortcut.keys())
    return out


def clashes(top: QWidget) -> list[str]:
    """Every key that two things claim on ``top`` as it is shown now."""
    # one action (or shortcut, or widget) reached twice is one meaning, not a clash
    wide = list(dict.fromkeys(window_keys(top)))
    found = [f"{key}: {[w for k, w in wide if k == key]}"
             for key, n in Counter(k for k, _ in wide).items() if n > 1]
    scoped = scoped_keys(top)
    for widget, keys in scoped.items():
        # what works with the focus in ``widget``: its own keys, its ancestors' and the window's
        mine = list(keys)
        parent = widget.parentWidget()
        while parent is not None:
            mine += [(k, w) for k, w in scoped.get(parent, [])
                     if parent is not widget]
            parent = parent.parentWidget()
        around = list(dict.fromkeys(mine + wide))
        for key, n in Counter(k for k, _ in around).items():
            if n > 1 and key in {k for k, _ in keys}:
                found.append(f"{type(widget).__name__} {widget.accessibleName()!r} {key}: "
                             f"{[w for k, w in around if k == key]}")
    return sorted(set(found))


def screens(window):
    """Show every screen in turn: each step, each tab of step 2."""
    for number in range(1, 7):
        window.show_step(number)
        if number == 2:
            tabs = window.workspace.page(2).tabs
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                yield f"step 2, {tabs.tabText(index)!r}"
        else:
            yield f"step {number}"


def test_no_key_means_two_things_on_any_screen(make_window, qtbot):
    window = make_window(sample="happy_burgers")
    found = []
    for projector in (False, True):
        window.set_projector_mode(projector)
        for parking in (False, True):
            window.room.dock.setVisible(parking)
            for name in screens(window):
                found += [f"{name} (projector {projector}, parking lot {parking}): {c}"
                          for c in clashes(window)]
    assert found == []


def test_the_five_whys_dialog_has_no_clash_either(make_window, qtbot):
    window = make_window(sample="happy_burgers")
    dialog = FiveWhysDialog(window.doc, window.doc.case.fishbone.causes[0].id, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert window_keys(dialog)  # it has keys: the test sees them
    assert clashes(dialog) == []
