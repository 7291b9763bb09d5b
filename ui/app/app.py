"""Start the Qt application: the main window on screen, or one offscreen screenshot."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

SCREENSHOT_SIZE = (1280, 800)


def _application() -> QApplication:
    from PySide6.QtWidgets import QApplication

    from ui.common.qt_setup import before_app

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        before_app()
        app = QApplication(sys.argv[:1])
    app.setOrganizationName("ProblemWorkshop")
    app.setApplicationName("Problem Workshop")
    app.setApplicationDisplayName("Problem Workshop")
    app.setDesktopFileName("problem-workshop")
    return app


def build_window(path: Path | None, step: int | None, projector: bool, interactive: bool,
                 settings=None):  # noqa: ANN001 - AppSettings, imported late
    """The main window with ``path`` opened at ``step``; None if the file cannot be opened."""
    from ui.app.main_window import MainWindow
    from ui.common.settings import AppSettings
    from ui.files.recovery import default_recovery_dir

    # Crash recovery only for a window a person works in: never for screenshots or batch.
    recovery_dir = default_recovery_dir() if interactive else None
    window = MainWindow(settings or AppSettings(), recovery_dir=recovery_dir)
    window.files.interactive = interactive
    window.files.locking = interactive  # a screenshot only reads the file: no lock beside it
    if path is not None:
        if not window.files.open_path(Path(path), step=step):  # else where it was left
            window.deleteLater()
            return None
    if projector:
        window.set_projector_mode(True)
    return window


def grab_window(window, out: Path, size: tuple[int, int] = SCREENSHOT_SIZE) -> bool:  # noqa: ANN001
    """Lay the window out at ``size`` and save what it shows to a PNG."""
    from PySide6.QtWidgets import QApplication

    window.resize(*size)
    window.show()
    for _ in range(5):
        QApplication.processEvents()
    return window.grab().save(str(out), "PNG")


def display_problem(environ: dict[str, str] | None = None, platform: str = sys.platform,
                    can_load: Callable[[str], bool] | None = None) -> str | None:
    """Why a window cannot open on this Linux machine, in one line; None when it can.

    Qt itself would abort the interpreter with a page of plugin messages instead.
    """
    env = os.environ if environ is None else environ
    if not platform.startswith("linux") or env.get("QT_QPA_PLATFORM", "xcb") != "xcb":
        return None
    if env.get("WAYLAND_DISPLAY") and not env.get("QT_QPA_PLATFORM"):
        return None
    if not env.get("DISPLAY"):
        return ("no screen to open the window on (DISPLAY is not set): run it from a desktop "
                "session, under xvfb-run, or with --screenshot OUT.png to render offscreen")
    from ui.app.xcb_libraries import install_line, loads, missing_packages

    missing = missing_packages(can_load or loads)
    if missing:
        return install_line(missing)
    return None


def run_app(path: Path | None, screenshot: Path | None, step: int | None,
            projector: bool, size: tuple[int, int] = SCREENSHOT_SIZE,
            room: tuple[str | None, int] | None = None) -> int:
    """Show the window (the start screen without ``path``); with ``screenshot``, save a PNG.
    With ``room`` (host or None, port) the room opens at start and its address is printed."""
    from PySide6.QtWidgets import QApplication

    if screenshot is not None and QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif QApplication.instance() is None and (problem := display_problem()) is not None:
        print(f"problem-workshop: {problem}", file=sys.stderr)
        return 2
    app = _application()
    from ui.common import theme
    from ui.common.settings import AppSettings

    settings = AppSettings.in_memory() if screenshot is not None else AppSettings()
    theme.apply_theme(app, settings.value("ui/theme"))
    window = build_window(path, step, projector, interactive=screenshot is None,
                          settings=settings)
    if window is None:
        return 2
    if screenshot is not None:
        ok = grab_window(window, screenshot, size)
        window.doc.undo_stack.setClean()
        window.close()
        if not ok:
            print(f"{screenshot}: cannot write the PNG", file=sys.stderr)
            return 2
        return 0
    from ui.app.placement import place_window

    place_window(window, settings)  # where it was left, within the available screen
    window.show()
    from ui.files import guard, journal_script

    window._guard = guard.install(app, window)  # SIGTERM, session end, uncaught errors
    journal_script.start_script(window)  # test only, by environment
    if room is not None and not open_room_at_start(window, *room):
        window.close()
        return 2
    return app.exec()


def open_room_at_start(window, host: str | None, port: int) -> bool:  # noqa: ANN001
    """Open the room and print where the phones join (flushed, for a script to read)."""
    if not window.room_mode.open_room(host, port):
        print(f"problem-workshop: {window.room_mode.last_error}", file=sys.stderr)
        return False
    bridge = window.room_mode.bridge
    print(f"Room open: {bridge.join_url}", flush=True)
    print(f"Room code: {bridge.code}", flush=True)
    return True
