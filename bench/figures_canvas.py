"""Figures of the fishbone canvas in the real window: opening a case, every edit, a repaint.

Each edit is timed from the key press until the scene is updated and painted (Qt's events
processed), on the step-2 page of a window whose every step page has been built. A key that
edits nothing stops its figure ("not measured"), so a moved shortcut cannot pass for speed.
"""

from __future__ import annotations

import itertools
import statistics
from pathlib import Path

import figures_pages
from config import Config
from generate import generated_case
from harness import Recorder, Spec, Target, with_commas
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from window import ChangeCounter, action_named, close_window, open_case, open_window, settle

from sixstep.caseio import save_case

FRAME_MS = 16.0
ALL_MS = 50.0
K, ALT = Qt.Key, Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
EDITS = ("add a sibling (Enter)", "add by the capture line (Enter)",
         "rename in the panel, per keystroke", "status (Alt+C / Alt+P)", "move (Alt+Down)",
         "delete a subtree (Delete)", "undo the delete (Ctrl+Z)", "redo the delete (Ctrl+Shift+Z)")


def build_label(n: int) -> str:
    return f"open a case at step 2 (canvas build), {with_commas(n)} causes"


def edit_label(what: str, n: int) -> str:
    return f"edit: {what}, {with_commas(n)} causes"


def specs(cfg: Config) -> list[Spec]:
    n = cfg.edit_size
    out = [Spec(build_label(size)) for size in cfg.build_sizes]
    out += [Spec(edit_label(what, n), "ms", Target(FRAME_MS)) for what in EDITS]
    out += [Spec(edit_label(what, n), "ms", Target(ALL_MS))
            for what in ("collapse all (toolbar)", "expand all (toolbar)")]
    out += [Spec(f"arrow key (select the next cause), {with_commas(n)} causes", "ms",
                 Target(FRAME_MS)),
            Spec(f"zoom step (Ctrl+=), {with_commas(n)} causes", "ms", Target(FRAME_MS)),
            Spec(f"repaint, whole diagram fitted, {with_commas(n)} causes", "ms",
                 Target(FRAME_MS)),
            Spec(f"repaint at 100%, {with_commas(n)} causes", "ms", Target(FRAME_MS))]
    return out + figures_pages.specs(cfg)


def run(cfg: Config, rec: Recorder, folder: Path) -> None:
    paths = {}
    for n in {*cfg.build_sizes, cfg.edit_size}:
        paths[n] = folder / f"bench_{n}.case.json"
        save_case(generated_case(n), paths[n])
    window = open_window(folder / "recovery")
    try:
        for n in sorted(cfg.build_sizes, key=lambda size: size == cfg.edit_size):
            rec.safely(build_label(n), lambda n=n: rec.measure(
                build_label(n), lambda: open_case(window, paths[n]),
                repeat=cfg.build_repeat(n)))
        open_case(window, paths[cfg.edit_size])
        for step in (1, 3, 4, 5, 6, 2):  # every page built, as in a session
            window.show_step(step)
            settle()
        edits(cfg, rec, window)
        figures_pages.run(cfg, rec, window)
    finally:
        close_window(window)


def edits(cfg: Config, rec: Recorder, window) -> None:  # noqa: ANN001, C901 - one list of edits
    n, repeat = cfg.edit_size, cfg.repeat
    doc = window.doc
    editor = window.workspace.page(2).fishbone
    view, panel, capture = editor.view, editor.panel, editor.capture
    d = doc.diagram
    stack = doc.undo_stack
    counter = ChangeCounter(doc)
    picks = itertools.cycle([c.id for c in d.causes if c.parent is not None][::7])

    def select(cause_id: str) -> None:
        view.select(("cause", cause_id))
        view.setFocus()

    def select_next() -> None:
        select(next(picks))

    def key(widget, k, mods=Qt.KeyboardModifier.NoModifier, what=""):  # noqa: ANN001, ANN202
        return counter.checked(lambda: QTest.keyClick(widget, k, mods), what or str(k))

    def in_place_editor():  # noqa: ANN202
        return view.edit_session.editor

    def escape() -> None:
        if view.edit_session is not None:
            QTest.keyClick(in_place_editor(), K.Key_Escape)

    label = f"arrow key (select the next cause), {with_commas(n)} causes"
    rec.safely(label, lambda: rec.measure(label, lambda: QTest.keyClick(view, K.Key_Down),
                                          repeat, setup=select_next))

    rec.safely(edit_label(EDITS[0], n), lambda: rec.measure(
        edit_label(EDITS[0], n), key(view, K.Key_Return, what="Enter on a cause"),
        repeat, setup=select_next, teardown=escape))

    def type_capture() -> None:
        capture.setText("People: the new starter was never shown the hand-over notes")
        capture.setFocus()

    rec.safely(edit_label(EDITS[1], n), lambda: rec.measure(
        edit_label(EDITS[1], n), key(capture, K.Key_Return, what="Enter in the capture line"),
        repeat, setup=type_capture))

    def focus_panel_text() -> None:
        select_next()
        panel.text.setFocus()
        panel.text.end(False)

    rec.safely(edit_label(EDITS[2], n), lambda: rec.measure(
        edit_label(EDITS[2], n), key(panel.text, K.Key_S, what="a key in the panel's text"),
        repeat, setup=focus_panel_text))

    status_key = [K.Key_C]

    def select_for_status() -> None:
        cause_id = next(picks)
        select(cause_id)
        status_key[0] = K.Key_P if d.cause(cause_id).status == "confirmed" else K.Key_C

    rec.safely(edit_label(EDITS[3], n), lambda: rec.measure(
        edit_label(EDITS[3], n),
        counter.checked(lambda: QTest.keyClick(view, status_key[0], ALT), "Alt+C or Alt+P"),
        repeat, setup=select_for_status))

    middles = itertools.cycle([kids[len(kids) // 2].id for kids in _sibling_groups(d)
                               if len(kids) >= 3])
    rec.safely(edit_label(EDITS[4], n), lambda: rec.measure(
        edit_label(EDITS[4], n), key(view, K.Key_Down, ALT, "Alt+Down"), repeat,
        setup=lambda: select(next(middles)), teardown=stack.undo))

    biggest = sorted((c for c in d.causes if c.parent is None),
                     key=lambda c: -len(d.subtree(c.id)))[:7]
    size = statistics.median(len(d.subtree(c.id)) for c in biggest)
    tops = itertools.cycle([c.id for c in biggest])
    delete = key(view, K.Key_Delete, what="Delete")

    def select_top() -> None:
        select(next(tops))

    note = f"{size:.0f} causes in the subtree"
    rec.safely(edit_label(EDITS[5], n), lambda: rec.measure(
        edit_label(EDITS[5], n), delete, repeat, setup=select_top, teardown=stack.undo,
        note=note))
    rec.safely(edit_label(EDITS[6], n), lambda: rec.measure(
        edit_label(EDITS[6], n), key(view, K.Key_Z, CTRL, "Ctrl+Z"), repeat,
        setup=lambda: (select_top(), delete()), note=note))
    rec.safely(edit_label(EDITS[7], n), lambda: rec.measure(
        edit_label(EDITS[7], n), key(view, K.Key_Z, CTRL | SHIFT, "Ctrl+Shift+Z"), repeat,
        setup=lambda: (select_top(), delete(), stack.undo(), view.setFocus()),
        teardown=stack.undo, note=note))

    collapse, expand = action_named(editor, "Collapse all"), action_named(editor, "Expand all")
    if collapse is None or expand is None:
        raise LookupError("the editor has no 'Collapse all' / 'Expand all' actions")
    heavy = cfg.heavy_repeat
    label = edit_label("collapse all (toolbar)", n)
    rec.safely(label, lambda: rec.measure(label, counter.checked(collapse.trigger, label),
                                          heavy, teardown=stack.undo))
    label2 = edit_label("expand all (toolbar)", n)
    rec.safely(label2, lambda: rec.measure(
        label2, counter.checked(expand.trigger, label2), heavy, setup=collapse.trigger,
        teardown=lambda: (stack.undo(), stack.undo())))

    view.fit_to_window()
    settle()
    label = f"repaint, whole diagram fitted, {with_commas(n)} causes"
    rec.safely(label, lambda: rec.measure(label, view.viewport().repaint, repeat,
                                          note=f"zoom {view.zoom:.0%}"))
    view.set_zoom(1.0)
    select_next()
    settle()
    label = f"repaint at 100%, {with_commas(n)} causes"
    rec.safely(label, lambda: rec.measure(label, view.viewport().repaint, repeat))
    zooms = itertools.cycle([1.0, 1.2])
    label = f"zoom step (Ctrl+=), {with_commas(n)} causes"
    rec.safely(label, lambda: rec.measure(
        label, lambda: QTest.keyClick(view, K.Key_Equal, CTRL), repeat,
        setup=lambda: (view.set_zoom(next(zooms)), view.setFocus())))
    stack.setClean()


def _sibling_groups(d) -> list[list]:  # noqa: ANN001
    groups: dict[tuple[str, str | None], list] = {}
    for cause in d.causes:
        groups.setdefault((cause.category, cause.parent), []).append(cause)
    return list(groups.values())
