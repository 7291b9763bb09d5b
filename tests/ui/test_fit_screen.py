"""Small screens: the window fits the screen, step 5 shows the matrix, the step list keeps names."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QTableView

from sixstep.steps import STEPS
from ui.app.main_window import MainWindow
from ui.app.placement import place_window, remember_place
from ui.common.settings import AppSettings
from ui.scoring.matrix import FIRST_CRITERION


def visible_rows(view: QTableView) -> int:
    """How many matrix rows are shown whole in the view's viewport."""
    height = view.viewport().height()
    shown = 0
    for row in range(view.model().rowCount()):
        top = view.rowViewportPosition(row)
        if top >= 0 and top + view.rowHeight(row) <= height:
            shown += 1
    return shown


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)])
@pytest.mark.parametrize("projector", [False, True])
def test_step_5_shows_at_least_five_matrix_rows(make_window, size, projector):
    window: MainWindow = make_window(size=size, sample="happy_burgers", active=False)
    window.set_projector_mode(projector)
    window.show_step(5)
    for _ in range(3):
        QApplication.processEvents()
    matrix = window.workspace.page(5).matrix
    assert matrix.model().rowCount() >= 5
    assert visible_rows(matrix) >= 5, (size, projector, matrix.viewport().height())


@pytest.mark.parametrize("projector", [False, True])
def test_at_800_by_600_every_step_keeps_its_size_and_its_page(make_window, projector):
    window: MainWindow = make_window(size=(800, 600), sample="happy_burgers", active=False)
    window.set_projector_mode(projector)
    for number in range(1, 7):
        window.show_step(number)
        QApplication.processEvents()
        hint = window.minimumSizeHint()
        assert hint.width() <= 800 and hint.height() <= 600, (number, hint)
        page = window.workspace.page(number)
        assert page.isVisible() and page.height() >= 150, (number, page.height())


def test_a_narrow_step_list_keeps_the_names_in_tooltips_and_spoken_text(make_window):
    window: MainWindow = make_window(size=(800, 600), sample="happy_burgers", active=False)
    window.show_step(1)
    QApplication.processEvents()
    navigator = window.workspace.navigator
    assert navigator.compact
    for number, step in enumerate(STEPS, start=1):
        item = navigator.item(number - 1)
        assert item.text().startswith(str(number))
        assert step.title in item.toolTip()
        assert step.title in item.data(Qt.ItemDataRole.AccessibleTextRole)
    assert window.workspace.frame(1).heading.text().endswith(STEPS[0].title)


def test_the_window_opens_within_the_available_screen_and_remembers_its_place(qtbot):
    settings = AppSettings.in_memory()
    window = MainWindow(settings)
    window.files.interactive = False
    qtbot.addWidget(window)
    area = QRect(0, 0, 1024, 768)
    place_window(window, settings, area)
    assert area.contains(window.frameGeometry()) or area.contains(window.geometry())
    assert window.width() <= 1024 and window.height() <= 768
    window.show()
    qtbot.waitExposed(window)
    window.setGeometry(QRect(40, 50, 700, 500))
    QApplication.processEvents()
    remember_place(window, settings)
    again = MainWindow(settings)
    qtbot.addWidget(again)
    place_window(again, settings, area)
    assert (again.width(), again.height()) == (700, 500)
    # a place remembered on a bigger screen is brought back within this one
    small = QRect(0, 0, 640, 480)
    place_window(again, settings, small)
    assert again.width() <= 640 and again.height() <= 480


def test_headers_say_the_lead_in_words_where_there_is_room_and_short_where_not(make_window):
    roomy: MainWindow = make_window(size=(1600, 1000), sample="happy_burgers", active=False)
    roomy.show_step(5)
    QApplication.processEvents()
    model = roomy.workspace.page(5).model
    header = model.headerData(FIRST_CRITERION + 3, Qt.Orientation.Horizontal)
    assert "keeps the lead\nfrom 23% to 100%" in header
    small: MainWindow = make_window(size=(1024, 768), sample="happy_burgers", active=False)
    small.show_step(5)
    QApplication.processEvents()
    model = small.workspace.page(5).model
    header = model.headerData(FIRST_CRITERION + 3, Qt.Orientation.Horizontal)
    assert "lead 23\u2013100%" in header and "keeps" not in header


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)])
def test_step_2_shows_every_tab_name_whole_on_a_small_projector(make_window, size):
    """At 1024x768 in projector mode the tabs scrolled: only two of four were in sight."""
    window: MainWindow = make_window(size=size, sample="happy_burgers", active=False)
    window.set_projector_mode(True)
    window.show_step(2)
    for _ in range(3):
        QApplication.processEvents()
    bar = window.workspace.page(2).tabs.tabBar()
    metrics = bar.fontMetrics()
    for index in range(bar.count()):
        text = bar.tabText(index).replace("&", "")
        assert bar.tabRect(index).right() <= bar.width(), text  # in sight, no scrolling
        assert bar.tabRect(index).width() >= metrics.horizontalAdvance(text), text  # whole
        assert bar.tabToolTip(index)  # the long name


def test_the_recovery_note_fits_a_small_projector_status_bar(make_window):
    """It was cut off at 1024x768 in projector mode ("...on the start scree")."""
    from ui.files.recovery_actions import RECOVERY_NOTE

    window: MainWindow = make_window(size=(1024, 768), sample="happy_burgers", active=False)
    window.set_projector_mode(True)
    bar = window.statusBar()
    assert bar.fontMetrics().horizontalAdvance(RECOVERY_NOTE) < window.width() - 40
