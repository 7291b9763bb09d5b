"""No typed text is ever read as HTML: a case whose every text and whose file name hold HTML is
opened, every step and the start screen (the case in recent files and as a recovery offer)
are shown, and every label, tooltip and item is scanned for text Qt would render as rich."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGraphicsTextItem,
    QGraphicsView,
    QLabel,
    QTabBar,
    QTextEdit,
    QWidget,
)

from sample_cases import read_sample
from sixstep.caseio import load_case
from sixstep.json_checks import FIELD_KINDS, LIST_KINDS
from sixstep.steps import STEPS
from ui.files.recovery import Snapshot

HTML = '<img src="file:///dev/zero"><b>x</b>'
MARKERS = ("<img", "<b>")
NOT_TEXT = {"format", "from", "to", "cause", "due", "follow_up", "date"}  # ids, dates, words


def _hostile_document() -> dict[str, Any]:
    """happy_burgers with every typed text replaced by HTML (numbered, so names stay unique)."""
    doc = json.loads(read_sample("happy_burgers"))
    count = 0
    stack: list[tuple[Any, Any, str]] = [(doc, k, k) for k in doc]
    while stack:
        node, key, name = stack.pop()
        value = node[key]
        if isinstance(value, dict):
            stack.extend((value, k, k) for k in value)
        elif isinstance(value, list):
            if name not in LIST_KINDS:
                stack.extend((value, i, name) for i in range(len(value)))
        elif isinstance(value, str) and FIELD_KINDS.get(name) != "id" and name not in NOT_TEXT:
            count += 1
            node[key] = f"{HTML} {count}"
    return doc


def _tip_is_rich(tip: str) -> bool:
    """A tooltip Qt would render as HTML while it holds a typed tag as it was typed."""
    return any(m in tip for m in MARKERS) and GuiQt.mightBeRichText(tip)


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model keeps its one column private
        return 1


def _model_tips(model: QAbstractItemModel) -> list[str]:
    tips = []
    top = QModelIndex()
    for orientation, count in ((Qt.Orientation.Horizontal, _columns(model, top)),
                               (Qt.Orientation.Vertical, model.rowCount(top))):
        tips.extend(str(model.headerData(i, orientation, Qt.ItemDataRole.ToolTipRole) or "")
                    for i in range(count))
    parents, seen = [QModelIndex()], 0
    while parents and seen < 20_000:
        parent = parents.pop()
        for row in range(model.rowCount(parent)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                seen += 1
                tips.append(str(model.data(index, Qt.ItemDataRole.ToolTipRole) or ""))
                if column == 0 and _columns(model, index) and model.rowCount(index):
                    parents.append(index)
    return tips


def _rich_places(root: QWidget) -> list[str]:
    """Every place under ``root`` that would render typed HTML, described for the failure."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(widget).__name__} {widget.objectName() or widget.accessibleName()!r}"
        if _tip_is_rich(widget.toolTip()):
            found.append(f"{where}: tooltip {widget.toolTip()!r}")
        if isinstance(widget, QLabel) and any(m in widget.text() for m in MARKERS) \
                and widget.textFormat() != Qt.TextFormat.PlainText:
            found.append(f"{where}: label {widget.text()!r}")
        if isinstance(widget, QTextEdit) and "<img" in widget.document().toHtml():
            found.append(f"{where}: text box holds a picture")
        if isinstance(widget, QTabBar):
            found += [f"{where}: tab tooltip" for i in range(widget.count())
                      if _tip_is_rich(widget.tabToolTip(i))]
        if isinstance(widget, (QAbstractItemView, QComboBox)) and widget.model() is not None:
            found += [f"{where}: item tooltip {tip!r}" for tip in _model_tips(widget.model())
                      if _tip_is_rich(tip)]
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():
                if _tip_is_rich(item.toolTip()):
                    found.append(f"{where}: canvas tooltip {item.toolTip()!r}")
                if isinstance(item, QGraphicsTextItem) and "<img" in item.toHtml():
                    found.append(f"{where}: canvas text holds a picture")
    for action in root.findChildren(QAction):
        if _tip_is_rich(action.toolTip()):
            found.append(f"action {action.text()!r}: tooltip {action.toolTip()!r}")
    return found


def _hostile_file(tmp_path: Path) -> Path:
    folder = tmp_path / "<b>folder<i>"  # a file name holds no "/"
    folder.mkdir()
    path = folder / "<img src=zero><b>x.case.json"
    path.write_text(json.dumps(_hostile_document()), encoding="utf-8")
    return path


def test_the_hostile_case_holds_html_everywhere(tmp_path):
    case = load_case(_hostile_file(tmp_path))
    assert case.title.startswith(HTML) and case.alternatives[0].name.startswith(HTML)
    assert case.fishbone.causes[0].text.startswith(HTML)
    assert all(c.name.startswith(HTML) for c in case.criteria)


def test_no_typed_html_is_rendered_in_any_step_or_on_the_start_screen(window, tmp_path):
    path = _hostile_file(tmp_path)
    assert window.files.open_path(path, ask=False)
    problems: list[str] = []
    for number in range(1, len(STEPS) + 1):
        window.show_step(number)
        QApplication.processEvents()
        problems += [f"step {number}: {p}" for p in _rich_places(window)]
    case = window.doc.case
    snapshot = Snapshot(file=tmp_path / "snap.json", session="s", title=case.title,
                        original_path=path, saved_at=time.time(), case=case)
    broken = Snapshot(file=tmp_path / "<b>snap.json", session="t", saved_at=time.time(),
                      error=HTML)
    window.start_screen.recovery_panel.set_snapshots([snapshot, broken])
    window.start_screen.set_recent([path])
    window.show_start_screen()
    QApplication.processEvents()
    problems += [f"start screen: {p}" for p in _rich_places(window)]
    assert not problems, "\n".join(problems[:20])


def test_tooltips_from_plain_tip_show_the_text_as_typed():
    from ui.common.theme import plain_tip

    for text in (HTML, "a\nb <i>c</i>", "R&D <br>"):
        tip = plain_tip(text)
        document = QTextDocument()
        document.setHtml(tip) if GuiQt.mightBeRichText(tip) else document.setPlainText(tip)
        assert document.toPlainText() == text
        assert "<img" not in document.toHtml()
