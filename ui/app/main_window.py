"""The main window: start screen or the six steps, menus, title, drops, projector mode."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QStackedWidget, QWidget

from sample_cases import list_samples
from sixstep.case import new_case
from sixstep.steps import STEPS
from ui.app.placement import remember_place
from ui.app.start_screen import StartScreen
from ui.app.step_relay import StepRelay
from ui.app.undo_follow import UndoFollower
from ui.common import theme
from ui.common.settings import AppSettings
from ui.document.document import CaseDocument
from ui.facilitation.room_tools import RoomTools
from ui.files.actions import FileActions
from ui.files.recovery_actions import RecoveryActions
from ui.room.mode import RoomMode

if TYPE_CHECKING:  # the steps, exports, reports and imports load on first use, not at start
    from fishbone.changes import Change
    from ui.export.actions import ExportActions
    from ui.export.report_actions import ReportActions
    from ui.files.import_actions import ImportActions
    from ui.steps.workspace import StepWorkspace

APP_NAME = "Problem Workshop"


class MainWindow(QMainWindow):
    """One window, one case document; the start screen until a case is opened.

    With ``recovery_dir`` the open case is autosaved there for crash recovery and work left
    by crashed sessions is offered on the start screen; without it (tests, screenshots) not.
    """

    def __init__(self, settings: AppSettings | None = None, parent: QWidget | None = None,
                 recovery_dir: Path | None = None) -> None:
        super().__init__(parent)
        theme.set_base_font(self, False)  # before any child: none has to be told of a change
        self.settings = settings or AppSettings()
        self.doc = CaseDocument(new_case(), parent=self)
        self.files = FileActions(self, self.doc, self.settings)
        self.projector_mode = False
        self.setAcceptDrops(True)
        self.setAccessibleName(APP_NAME)

        self.start_screen = StartScreen(self)
        self.pages = QStackedWidget(self)  # the step workspace joins it when first shown
        self.pages.addWidget(self.start_screen)
        self.setCentralWidget(self.pages)
        self.steps = StepRelay(self, self)  # the workspace's step changes, once it exists

        self.start_screen.new_requested.connect(self.files.new_blank)
        self.start_screen.open_requested.connect(self.files.open)
        self.start_screen.sample_chosen.connect(self.files.new_from_sample)
        self.start_screen.recent_chosen.connect(self.files.open_path)
        self.files.opened.connect(self._on_files_opened)
        self.files.recent_changed.connect(self._on_files_recent_changed)
        self.doc.undo_stack.cleanChanged.connect(self._update_title)
        self.doc.path_changed.connect(self._update_title)
        self.doc.replaced.connect(self._update_title)
        self.doc.changed.connect(self._on_doc_changed)
        self.steps.step_changed.connect(self._update_title)
        self.steps.step_changed.connect(self._on_workspace_step_changed)

        self._build_menus()
        self.room = RoomTools(self, self.doc, self.steps)  # timer, parking lot, workshop
        self.room_mode = RoomMode(self, self.doc, self.steps, self.room.menu,
                                  self.room.timer)  # phones join over the local network
        self.undo_follow = UndoFollower(self, self)  # undo and redo go to what they changed
        hints = QGuiApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(self._on_hints_color_scheme_changed)
        self._on_files_recent_changed()
        self.show_start_screen()
        self.resize(1280, 800)
        self.recovery = RecoveryActions(self, self.doc, self.files,
                                        self.start_screen.recovery_panel)
        self.recovery.recovered.connect(self._on_recovery_recovered)
        self.recovery.message.connect(self._show_status)
        self.recovery.start(recovery_dir)

    # -- made on first use ------------------------------------------------------------------
    @cached_property
    def workspace(self) -> StepWorkspace:
        """The six steps, made when a case is first shown: the start screen needs none of it."""
        from ui.steps.workspace import StepWorkspace

        workspace = StepWorkspace(self.doc, self)
        workspace.set_guidance_wanted(self.guidance_action.isChecked())
        workspace.set_projector_mode(self.projector_mode)
        theme.scale_late(workspace, self.projector_mode)
        self.pages.addWidget(workspace)
        workspace.step_changed.connect(self.steps.step_changed)
        return workspace

    def has_workspace(self) -> bool:
        return "workspace" in self.__dict__

    @cached_property
    def exports(self) -> ExportActions:
        from ui.export.actions import ExportActions

        exports = ExportActions(self, self.doc, self.settings, self.files.show_error)
        exports.done.connect(self._on_exports_done)
        return exports

    @cached_property
    def reports(self) -> ReportActions:
        from ui.export.report_actions import ReportActions

        reports = ReportActions(self, self.doc, self.settings, self.files.show_error)
        reports.done.connect(self._on_exports_done)
        return reports

    @cached_property
    def imports(self) -> ImportActions:
        from ui.files.import_actions import ImportActions

        imports = ImportActions(self, self.doc, self.files, lambda: not self.on_start_screen())
        imports.imported.connect(self._on_imports_imported)
        return imports

    # -- menus -----------------------------------------------------------------------------
    def _action(self, menu: QMenu, text: str, slot, shortcut=None, checkable: bool = False
                ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(k) for k in keys])
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.setAccessibleName("Menu bar")
        file_menu = bar.addMenu("&File")
        self.new_action = self._action(file_menu, "&New blank case", self.files.new_blank,
                                       QKeySequence.StandardKey.New)
        self.samples_menu = file_menu.addMenu("New from &sample")
        for info in list_samples():
            self._action(self.samples_menu, theme.no_mnemonic(info.title),
                         lambda _=False, n=info.name: self.files.new_from_sample(n))
        self.open_action = self._action(file_menu, "&Open\u2026", self.files.open,
                                        QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.import_action = self._action(file_menu, "&Import\u2026",
                                          lambda: self.imports.import_file(), "Ctrl+I")
        file_menu.addSeparator()
        self.save_action = self._action(file_menu, "&Save", self.files.save,
                                        QKeySequence.StandardKey.Save)
        self.save_as_action = self._action(file_menu, "Save &as\u2026", self.files.save_as,
                                           "Ctrl+Shift+S")
        file_menu.addSeparator()
        self.export_action = self._action(file_menu, "&Export diagram\u2026",
                                          lambda: self.exports.export_diagram(), "Ctrl+E")
        self.report_action = self._action(file_menu, "E&xport report\u2026",
                                          lambda: self.reports.export_report(),
                                          "Ctrl+Shift+E")
        self.copy_diagram_action = self._action(file_menu, "&Copy diagram as picture",
                                                lambda: self.exports.copy_diagram(),
                                                "Ctrl+Shift+C")
        self.print_action = self._action(file_menu, "&Print diagram\u2026",
                                         lambda: self.exports.print_diagram(),
                                         QKeySequence.StandardKey.Print)
        file_menu.addSeparator()
        self._action(file_menu, "S&tart screen", self.show_start_screen, "Ctrl+Shift+H")
        self.quit_action = self._action(file_menu, "&Quit", self.close, "Ctrl+Q")

        edit_menu = bar.addMenu("&Edit")
        self.undo_action = self.doc.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = self.doc.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)

        view = bar.addMenu("&View")
        self._action(view, "&Previous step", lambda: self.show_step(self.current_step() - 1),
                     "Ctrl+PgUp")
        self._action(view, "&Next step", lambda: self.show_step(self.current_step() + 1),
                     "Ctrl+PgDown")
        steps = view.addMenu("&Go to step")
        for s in STEPS:
            self._action(steps, f"&{s.number} {s.title}",
                         lambda _=False, n=s.number: self.show_step(n), f"Ctrl+{s.number}")
        view.addSeparator()
        self.guidance_action = self._action(view, "Show &guidance", self._on_guidance_toggled,
                                            "Ctrl+G", checkable=True)
        self.guidance_action.setChecked(self.settings.value("ui/show_guidance"))
        self.projector_action = self._action(view, "Pro&jector mode", self.set_projector_mode,
                                             "Ctrl+Shift+P", checkable=True)
        self.full_screen_action = self._action(view, "&Full screen", self.set_full_screen,
                                               "F11", checkable=True)
        theme_menu = view.addMenu("&Colours")
        group = QActionGroup(self)
        current = self.settings.value("ui/theme")
        for key, text in (("system", "Follow the &system"), ("light", "&Light"),
                          ("dark", "&Dark")):
            action = self._action(theme_menu, text, lambda _=False, k=key: self.set_theme(k),
                                  checkable=True)
            action.setChecked(key == current)
            group.addAction(action)

    def _on_files_recent_changed(self) -> None:
        recent = self.settings.recent_files()
        self.start_screen.set_recent(recent)
        self.recent_menu.clear()
        for path in recent:
            self._action(self.recent_menu, theme.no_mnemonic(str(path)),
                         lambda _=False, p=path: self.files.open_path(p)
                         ).setToolTip(theme.plain_tip(str(path)))
        self.recent_menu.setEnabled(bool(recent))

    # -- what is shown ---------------------------------------------------------------------
    def show_start_screen(self) -> None:
        self.pages.setCurrentWidget(self.start_screen)
        self._update_title()

    def on_start_screen(self) -> bool:
        return self.pages.currentWidget() is self.start_screen

    def show_step(self, number: int) -> None:
        self.workspace.show_step(number)  # first: the navigator shown empty would pick step 1
        self.pages.setCurrentWidget(self.workspace)
        self.workspace.focus_page()
        self._update_title()

    def current_step(self) -> int:
        return 0 if self.on_start_screen() else self.workspace.current

    def _show_status(self, message: str, timeout_ms: int = 0) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    def _on_exports_done(self, message: str) -> None:
        self._show_status(message, 5000)

    def _on_imports_imported(self, message: str) -> None:
        self.show_step(2)  # the fishbone
        self._show_status(message, 5000)

    def _on_recovery_recovered(self) -> None:
        self.show_step(1)

    def _on_files_opened(self) -> None:
        """Straight to the step asked for, else where the case was left: no other step's page
        is built on the way."""
        path = self.doc.path
        left = self.settings.case_step(path) if path is not None else None
        self.show_step(self.files.step_wanted or left or 1)

    def _on_workspace_step_changed(self, number: int) -> None:
        if self.doc.path is not None and number > 0:  # a reopened case opens where it was left
            self.settings.set_case_step(self.doc.path, number)

    def _on_doc_changed(self, change: Change) -> None:
        if change.kind == "title":
            self._update_title()

    def _update_title(self, *args: object) -> None:
        if self.on_start_screen() and not self.doc.is_modified():
            self.setWindowTitle(APP_NAME)
            self.setWindowModified(False)
            return
        if self.doc.path is not None:
            name = self.doc.path.name
        else:
            name = theme.one_line(self.doc.case.title) or self.doc.display_name
        name = name.replace("[*]", "[ * ]")  # Qt would read it as the modified marker
        self.setWindowTitle(f"{name}[*] \u2014 {APP_NAME}")
        self.setWindowModified(self.doc.is_modified())

    # -- room modes ------------------------------------------------------------------------
    def set_projector_mode(self, on: bool) -> None:
        """Every text at least 20 pt, more contrast, facilitator-only panels hidden."""
        if on and not self.projector_mode:
            theme.remember_normal_fonts(self)
        self.projector_mode = bool(on)
        self.projector_action.setChecked(self.projector_mode)
        dark = theme.current_is_dark()
        self.setPalette(theme.window_palette(dark, self.projector_mode))
        theme.set_base_font(self, self.projector_mode)
        if self.has_workspace():
            self.workspace.set_projector_mode(self.projector_mode)
        self.room.set_projector_mode(self.projector_mode)
        self.room_mode.set_projector_mode(self.projector_mode)
        theme.scale_fonts(self, self.projector_mode)

    def set_full_screen(self, on: bool) -> None:
        self.full_screen_action.setChecked(on)
        self.showFullScreen() if on else self.showNormal()

    def _on_guidance_toggled(self, on: bool) -> None:
        self.settings.set_value("ui/show_guidance", on)
        if self.has_workspace():
            self.workspace.set_guidance_wanted(on)

    def set_theme(self, choice: str) -> None:
        self.settings.set_value("ui/theme", choice)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, choice)
        self.set_projector_mode(self.projector_mode)

    def _on_hints_color_scheme_changed(self, *args: object) -> None:
        if self.settings.value("ui/theme") == "system":
            self.set_theme("system")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.WindowStateChange:
            self.full_screen_action.setChecked(self.isFullScreen())

    # -- closing and dropping --------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        event.ignore()  # an error below keeps the window open (the error is shown)
        self.recovery.flush()  # the latest edits are safe while the save question waits
        if self.files.maybe_save():
            self.recovery.session_closed()
            remember_place(self, self.settings)
            self._on_workspace_step_changed(self.current_step())  # a case saved just now
            self.files.release_lock()  # another window may now open the file
            self.room_mode.close_room()  # nothing listens once the window is gone
            event.accept()
        else:
            event.ignore()

    @staticmethod
    def _dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and url.toLocalFile().lower().endswith(".json"):
                return Path(url.toLocalFile())
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        if self._dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        path = self._dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            self.files.open_path(path)
