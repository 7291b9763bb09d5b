"""File > Import: a Mermaid, Markdown, OPML or CSV fishbone into a new case, or into the open
case's fishbone as one undo step (headings matched by name, new ones added).

The file is read and checked before anything changes, so bad input costs nothing: its one-line
message is shown in a plain-text box. The questions (``ask_*``) are methods tests replace.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from sixstep.caseio import new_case
from sixstep.edits.imports import ImportCauses
from sixstep.interchange import (
    FORMATS,
    InterchangeError,
    Outline,
    diagram_from_outline,
    format_for_path,
    merge_into,
    read_outline,
)
from sixstep.interchange.errors import MAX_BYTES
from sixstep.interchange.outline import walk
from sixstep.rules import RuleError
from ui.document.document import CaseDocument
from ui.files.actions import FileActions

NEW_CASE, INTO_CASE = "new", "into"
_ALL = " ".join(f"*{s}" for f in FORMATS.values() for s in f.suffixes)
IMPORT_FILTER = ";;".join([
    f"Fishbone outlines ({_ALL})",
    *(f"{f.label} ({' '.join('*' + s for s in f.suffixes)})" for f in FORMATS.values()),
    "All files (*)",
])


def count_causes(outline: Outline) -> int:
    return sum(1 for depth, _ in walk(outline.headings) if depth > 1)


class ImportActions(QObject):
    """Import verbs; ``imported(message)`` fires after causes came in (to show the fishbone
    and say how many)."""

    imported = Signal(str)

    def __init__(self, window: QWidget, doc: CaseDocument, files: FileActions,
                 case_is_open: Callable[[], bool] = lambda: True) -> None:
        super().__init__(window)
        self.window, self.doc, self.files = window, doc, files
        self.case_is_open = case_is_open  # False (start screen): only "into a new case"

    # -- questions (tests replace these) -------------------------------------------------
    def ask_import_path(self) -> Path | None:
        folder = (str(self.doc.path.parent) if self.doc.path is not None
                  else self.files.settings.value("last_directory") or str(Path.home()))
        name, _ = QFileDialog.getOpenFileName(self.window, "Import a fishbone", folder,
                                              IMPORT_FILTER)
        return Path(name) if name else None

    def ask_destination(self, name: str, causes: int) -> str | None:
        """NEW_CASE, INTO_CASE, or None to cancel."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Import a fishbone")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"Where should the {causes} causes from \u201c{name}\u201d go?")
        box.setInformativeText("Into this case's fishbone adds them as one step that Undo "
                               "takes back; headings with the same name are shared.")
        into = box.addButton("Into this case's &fishbone", QMessageBox.ButtonRole.AcceptRole)
        new = box.addButton("Into a &new case", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(into)
        box.exec()
        clicked = box.clickedButton()
        return INTO_CASE if clicked is into else NEW_CASE if clicked is new else None

    # -- verbs ---------------------------------------------------------------------------
    def import_file(self) -> bool:
        path = self.ask_import_path()
        return self.import_path(path) if path is not None else False

    def import_path(self, path: Path) -> bool:
        """Read ``path``, ask where it goes, bring it in; False if refused or cancelled."""
        path = Path(path)
        outline = self._read(path)
        if outline is None:
            return False
        causes = count_causes(outline)
        where = self.ask_destination(path.name, causes) if self.case_is_open() else NEW_CASE
        if where == NEW_CASE:
            return self._into_new_case(path, outline, causes)
        if where == INTO_CASE:
            return self._into_this_case(path, outline)
        return False

    def _fail(self, path: Path, message: str) -> None:
        self.files.show_error("Cannot import", f"{path.name}: {message}")

    def _read(self, path: Path) -> Outline | None:
        fmt = format_for_path(path)
        if fmt is None:
            self._fail(path, "not a Mermaid (.mmd), Markdown (.md), OPML (.opml) or CSV (.csv) "
                             "file")
            return None
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            self._fail(path, f"cannot be read: {exc.strerror or exc}")
            return None
        try:
            outline = read_outline(fmt.name, data)
        except InterchangeError as exc:
            self._fail(path, str(exc))
            return None
        if not outline.headings and not outline.effect.strip():
            self._fail(path, "there is no fishbone in it (no effect, headings or causes)")
            return None
        return outline

    def _into_new_case(self, path: Path, outline: Outline, causes: int) -> bool:
        try:
            diagram = diagram_from_outline(outline)
        except InterchangeError as exc:
            self._fail(path, str(exc))
            return False
        if not self.files.maybe_save():
            return False
        case = new_case()
        case.fishbone = diagram
        self.doc.replace(case, None)
        self.doc.undo_stack.resetClean()  # untitled and unsaved: closing asks to save it
        self.imported.emit(f"Imported {causes} causes from {path.name} into a new case")
        return True

    def _into_this_case(self, path: Path, outline: Outline) -> bool:
        try:
            plan = merge_into(self.doc.diagram, outline)
            if plan.effect is None and not plan.categories and not plan.causes:
                self._fail(path, "there is nothing in it that the fishbone lacks")
                return False
            self.doc.apply(ImportCauses(plan))
        except (InterchangeError, RuleError) as exc:
            self._fail(path, str(exc))
            return False
        self.imported.emit(f"Imported {len(plan.causes)} causes from {path.name}")
        return True
