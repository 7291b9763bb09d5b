"""New, Open, Save, Save As and the unsaved-changes prompt for the window's one document.

The questions to the user (``ask_*``) and ``show_error`` are methods so that tests can
replace them. A case is only swapped out after the new one has loaded: a bad file never
costs the group the case on screen.

The open file is locked (``sixstep.file_lock``): a second window on it is offered a
read-only view or a copy, and a save first checks the file was not changed on disk since it
was read, and asks if it was.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from sixstep.atomic import clean_stale_temps, failure_message
from sixstep.case import new_case
from sixstep.file_lock import DiskStamp, FileLock, LockOwner, changed_on_disk, stamp
from sixstep.json_checks import CaseFormatError
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
        self.lock: FileLock | None = None  # the lock on doc.path while this window holds it
        self.disk_stamp: DiskStamp | None = None  # the file as it was read or last saved
        self.step_wanted: int | None = None  # the step asked for, while ``opened`` fires
        self.read_only = False  # opened while another window held the file: Save asks a name
        self.locking = True  # False: a look that never saves (a screenshot) takes no lock
        self._swapping = False
        doc.replaced.connect(self._on_doc_replaced)

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

    def ask_locked(self, path: Path, owner: LockOwner) -> str:
        """"read_only", "copy" or "cancel" for a file another window has open (without a
        user to ask: read-only, which never overwrites anyone)."""
        if not self.interactive:
            return "read_only"
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("The case is open elsewhere")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"\u201c{path.name}\u201d is already open ({owner.describe()}).")
        box.setInformativeText("Saving from two windows would overwrite one window's work. "
                               "Open it read-only (Save then asks for a new name), or open a "
                               "copy that has no file yet.")
        read_only = box.addButton("Open read-only", QMessageBox.ButtonRole.AcceptRole)
        copy = box.addButton("Open a copy", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(read_only)
        box.exec()
        return {id(read_only): "read_only", id(copy): "copy"}.get(id(box.clickedButton()),
                                                                 "cancel")

    def ask_changed_on_disk(self, path: Path) -> str:
        """"overwrite", "save_as" or "cancel" when the file changed since it was read
        (without a user to ask: cancel, and say why)."""
        if not self.interactive:
            print(f"Not saved: {path.name} changed on disk since it was read.",
                  file=sys.stderr)
            return "cancel"
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("The file changed on disk")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"\u201c{path.name}\u201d was changed by someone else since it was "
                    "opened or last saved here.")
        box.setInformativeText("Overwrite loses those changes; Save As keeps both.")
        overwrite = box.addButton("Overwrite", QMessageBox.ButtonRole.DestructiveRole)
        save_as = box.addButton("Save As\u2026", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.exec()
        return {id(overwrite): "overwrite", id(save_as): "save_as"}.get(
            id(box.clickedButton()), "cancel")

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
        from sixstep.caseio import loads_case

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

    def open_path(self, path: Path, ask: bool = True, step: int | None = None) -> bool:
        """Load ``path``; on any problem say what it is and keep the current case. With
        ``step`` the case opens at that step (``step_wanted`` while ``opened`` fires), else
        where it was left."""
        if ask and not self.maybe_save():
            return False
        from sixstep.caseio import load_case  # the reader loads with the first file read

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
        held = self.lock is not None and _same(self.lock.path, path)  # opened again here
        lock: FileLock | None = (self.lock if held and self.lock is not None
                                 else FileLock(path))
        assert lock is not None
        owner = None if held or not self.locking else lock.acquire()
        read_only = False
        if owner is not None:
            answer = self.ask_locked(path, owner)
            if answer == "cancel":
                return False
            if answer == "copy":
                self.doc.replace(case, None)
                self._emit_opened(step)
                return True
            lock, read_only = None, True
        self._swapping = True
        try:
            self.doc.replace(case, path)
        finally:
            self._swapping = False
        self._hold(lock, path)
        self.read_only = read_only
        self._remember(path)
        clean_stale_temps(path.parent)  # a save cut off by a kill left its temporary file
        self._emit_opened(step)
        return True

    def _emit_opened(self, step: int | None) -> None:
        self.step_wanted = step
        try:
            self.opened.emit()
        finally:
            self.step_wanted = None

    def save(self) -> bool:
        if self.doc.path is None or self.read_only or in_app_folder(self.doc.path):
            return self.save_as()
        return self.save_to(self.doc.path)

    def save_as(self) -> bool:
        path = self.ask_save_path()
        return self.save_to(path) if path is not None else False

    def save_to(self, path: Path) -> bool:
        path = Path(path)
        ours = self.lock is not None and _same(self.lock.path, path)
        if ours and changed_on_disk(path, self.disk_stamp):
            answer = self.ask_changed_on_disk(path)
            if answer == "save_as":
                return self.save_as()
            if answer != "overwrite":
                return False
        lock = self.lock if ours and self.lock is not None else FileLock(path)
        owner = None if ours else lock.acquire()
        if owner is not None:
            self.show_error("Cannot save the case",
                            f"{path.name} is open in another window ({owner.describe()}). "
                            "Save under another name, or close it there first.")
            return False
        self.saving.emit()
        from sixstep.caseio import save_case

        try:
            save_case(self.doc.case, path)
        except Exception as exc:  # every failure is shown, in plain words
            if not ours:
                lock.release()
            self.show_error("Cannot save the case",
                            f"{failure_message(path, exc)}\n\n"
                            "The case is still open; try another folder or name.")
            return False
        self.doc.mark_saved(path)
        self._hold(lock, path)
        self.read_only = False
        self._remember(path)
        return True

    # -- the lock on the open file ----------------------------------------------------------
    def _hold(self, lock: FileLock | None, path: Path) -> None:
        """Keep ``lock`` (letting go of any other) and the stamp of ``path`` as it is now."""
        if self.lock is not None and self.lock is not lock:
            self.lock.release()
        self.lock, self.disk_stamp = lock, stamp(path)

    def release_lock(self) -> None:
        """Let another window have the file (the window closes or shows another case)."""
        if self.lock is not None:
            self.lock.release()
        self.lock, self.disk_stamp, self.read_only = None, None, False

    def _on_doc_replaced(self) -> None:
        if not self._swapping:  # new, sample, recovered work: this file is no longer shown
            self.release_lock()

    def _remember(self, path: Path) -> None:
        self.settings.add_recent_file(path)
        self.settings.set_value("last_directory", str(Path(path).resolve().parent))
        self.recent_changed.emit()


def _same(a: Path, b: Path) -> bool:
    return Path(a).absolute() == Path(b).absolute()
