"""New, Open, Save, Save As and the unsaved-changes prompt for the window's one document.

The questions to the user (``ask_*``) and ``show_error`` are methods so that tests can
replace them. A case is only swapped out after the new one has loaded: a bad file never
costs the group the case on screen.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from sixstep.atomic import clean_stale_temps, failure_message
from sixstep.caseio import CaseFormatError, load_case, loads_case, new_case, save_case
from ui.common.settings import AppSettings
from ui.document.document import CaseDocument

SUFFIX = ".case.json"
FILTER = "Case files (*.case.json *.json);;All files (*)"


def app_folder() -> Path:
    """The folder the app runs from (the one holding its samples)."""
    import sample_cases

    return Path(sample_cases.__file__).resolve().parent.parent


def in_app_folder(path: Path) -> bool:
    return Path(path).resolve().is_relative_to(app_folder())


def documents_folder() -> str:
    """The user's documents folder (their home when the desktop names none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return found or str(Path.home())


class FileActions(QObject):
    """Document verbs; ``opened`` fires after a case was swapped in (new, sample, file)."""

    opened = Signal()
    recent_changed = Signal()
    saving = Signal()  # a save starts: the recovery copy is brought up to date first

    def __init__(self, window: QWidget, doc: CaseDocument, settings: AppSettings) -> None:
        super().__init__(window)
        self.window, self.doc, self.settings = window, doc, settings
        self.interactive = True  # False: report errors on stderr (screenshots, batch)

    # -- questions (tests replace these) -----------------------------------------------
    def ask_save_changes(self) -> str:
        """"save", "discard" or "cancel" for a modified case."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Unsaved changes")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"Save the changes to \u201c{self.doc.display_name}\u201d?")
        box.setInformativeText("If you don't save, the changes since the last save are lost.")
        box.setStandardButtons(QMessageBox.StandardButton.Save
                               | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(
                    QMessageBox.StandardButton(answer), "cancel")

    def ask_open_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self.window, "Open a case", self._start_dir(),
                                              FILTER)
        return Path(name) if name else None

    def ask_save_path(self) -> Path | None:
        path = self.doc.path
        if path is not None and not in_app_folder(path):
            start = path
        else:
            name = path.name if path is not None else self._suggested_name()
            start = Path(self._start_dir()) / name
        name, _ = QFileDialog.getSaveFileName(self.window, "Save the case as", str(start),
                                              FILTER)
        if not name:
            return None
        path = Path(name)
        return path if path.name.endswith(".json") else path.with_name(path.name + SUFFIX)

    def show_error(self, title: str, text: str) -> None:
        if not self.interactive:
            print(f"{title}: {text}", file=sys.stderr)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    def _start_dir(self) -> str:
        """The case's folder, else the last one used, else the user's documents folder;
        never the app's own folder (where the samples live)."""
        for folder in (self.doc.path.parent if self.doc.path is not None else None,
                       self.settings.value("last_directory") or None):
            if folder is not None and not in_app_folder(Path(folder)):
                return str(folder)
        return documents_folder()

    def _suggested_name(self) -> str:
        words = "".join(ch if ch.isalnum() else " " for ch in self.doc.case.title.split(":")[0])
        stem = "_".join(words.lower().split())[:40] or "untitled"
        return stem + SUFFIX

    # -- verbs -------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when it is fine to drop the current case (saved, discarded or unchanged)."""
        if not self.doc.is_modified():
            return True
        answer = self.ask_save_changes()
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new_blank(self) -> bool:
        if not self.maybe_save():
            return False
        self.doc.replace(new_case(), None)
        self.opened.emit()
        return True

    def new_from_sample(self, name: str) -> bool:
        """Open a copy of a sample: it has no path, so Save asks where to keep it."""
        from sample_cases import read_sample

        if not self.maybe_save():
            return False
        try:
            case = loads_case(read_sample(name))
        except (KeyError, CaseFormatError) as exc:
            self.show_error("Cannot open the sample", f"The sample {name!r} cannot be read: {exc}")
            return False
        self.doc.replace(case, None)
        self.opened.emit()
        return True

    def open(self) -> bool:
        if not self.maybe_save():
            return False
        path = self.ask_open_path()
        return self.open_path(path, ask=False) if path is not None else False

    def open_path(self, path: Path, ask: bool = True) -> bool:
        """Load ``path``; on any problem say what it is and keep the current case."""
        if ask and not self.maybe_save():
            return False
        path = Path(path)
        try:
            case = load_case(path)
        except CaseFormatError as exc:
            self.show_error("Cannot open the case",
                            f"{path.name} is not a case file this app can read.\n\n{exc}")
            return False
        except OSError as exc:
            self.show_error("Cannot open the case",
                            f"{path.name} cannot be read: {exc.strerror or exc}")
            if not path.exists():
                self.settings.remove_recent_file(path)
                self.recent_changed.emit()
            return False
        self.doc.replace(case, path)
        self._remember(path)
        clean_stale_temps(path.parent)  # a save cut off by a kill left its temporary file
        self.opened.emit()
        return True

    def save(self) -> bool:
        if self.doc.path is None or in_app_folder(self.doc.path):  # never over a sample
            return self.save_as()
        return self.save_to(self.doc.path)

    def save_as(self) -> bool:
        path = self.ask_save_path()
        return self.save_to(path) if path is not None else False

    def save_to(self, path: Path) -> bool:
        self.saving.emit()
        try:
            save_case(self.doc.case, path)
        except Exception as exc:  # every failure is shown, in plain words
            self.show_error("Cannot save the case",
                            f"{failure_message(path, exc)}\n\n"
                            "The case is still open; try another folder or name.")
            return False
        self.doc.mark_saved(Path(path))
        self._remember(Path(path))
        return True

    def _remember(self, path: Path) -> None:
        self.settings.add_recent_file(path)
        self.settings.set_value("last_directory", str(Path(path).resolve().parent))
        self.recent_changed.emit()
