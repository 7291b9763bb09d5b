"""Copy and paste on the canvas, as plain text.

Ctrl+C puts the selected branch on the clipboard as a Markdown outline: a cause with its
sub-causes (its marks as ``[confirmed, root, 3 votes]``), a heading with its causes, or, from
the head, the whole diagram. Ctrl+V reads outline or Mermaid text from the clipboard and adds
its causes as one undo step: under the selected cause or heading (top-level lines become
causes there, not headings); with the head or nothing selected its top lines are headings,
matched by name, as File > Import does. Bad text changes nothing and says what is wrong.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from sixstep.edits.base import Edit
from sixstep.edits.fishbone import SetCauseAttribute
from sixstep.edits.headings import Grouped
from sixstep.edits.imports import PASTE_TITLE, ImportCauses
from sixstep.interchange import InterchangeError, MergePlan, merge_into, paste_plan
from sixstep.interchange.clipboard import copy_text, read_pasted
from sixstep.rules import RuleError
from ui.fishbone_editor.canvas.host import CanvasView


def show_paste_error(parent: QWidget, message: str) -> None:
    """The one-line reason, in a plain-text box (tests replace this)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Cannot paste", message, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText("Paste a Markdown outline ('- cause', indented sub-causes) or a "
                           "Mermaid ishikawa diagram.")
    box.exec()


def copy_selection(view: CanvasView) -> bool:
    """Put the selected branch on the clipboard; False when nothing is selected."""
    key = view.diagram_scene.selection
    if key is None:
        return False
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(copy_text(view.diagram_scene.diagram, *key))
    return True


def paste_clipboard(view: CanvasView) -> bool:
    """Paste the clipboard's text (if any) at the selection; True when causes came in."""
    text = QGuiApplication.clipboard().text()
    return bool(text.strip()) and paste_text(view, text)


def paste_text(view: CanvasView, text: str) -> bool:
    """Add the causes of ``text`` at the selection as one undo step."""
    d = view.doc.diagram
    key = view.diagram_scene.selection
    try:
        outline = read_pasted(text)
        if key is None or key[0] == "head":
            plan = merge_into(d, outline)
        elif key[0] == "category":
            plan = paste_plan(d, outline, key[1])
        else:
            cause = d.cause(key[1])
            plan = paste_plan(d, outline, cause.category, cause.id)
        if _empty(plan):
            return False
        edit: Edit = ImportCauses(plan, PASTE_TITLE)
        if key is not None and key[0] == "cause" and d.cause(key[1]).collapsed and plan.causes:
            # the new sub-causes are to be seen: open the cause in the same step
            edit = Grouped((SetCauseAttribute(key[1], "collapsed", False), edit), PASTE_TITLE)
        view.doc.apply(edit)
    except (InterchangeError, RuleError) as exc:
        show_paste_error(view.viewport(), str(exc))
        return False
    return True


def _empty(plan: MergePlan) -> bool:
    return plan.effect is None and not plan.categories and not plan.causes
