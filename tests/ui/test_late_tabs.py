"""Step 2's dot vote and relations tabs are made when first opened, and then look and act
as if they had always been there (projector text included)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.common import theme
from ui.steps.research import DOTS_TAB, RELATIONS_TAB


def test_tabs_are_made_on_first_opening_by_key_in_projector_mode(make_window, qtbot):
    window = make_window(sample="happy_burgers")
    window.show_step(2)
    page = window.workspace.page(2)
    assert page._dots is None and page._relations is None  # not made yet
    window.set_projector_mode(True)
    page.tabs.setFocus()
    qtbot.keyClick(page.tabs, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # "D&ots"
    assert page.tabs.currentIndex() == DOTS_TAB and page.tabs.currentWidget() is page.dots
    assert page.tabs.tabText(DOTS_TAB) == "D&ots" and page.tabs.tabToolTip(DOTS_TAB)
    assert page.dots.isVisible() and page._relations is None
    assert page.dots.left_label.font().pointSizeF() >= theme.PROJECTOR_PT
    page.tabs.setCurrentIndex(RELATIONS_TAB)
    assert page.tabs.currentWidget() is page.relations and page.relations.isVisible()
    assert page.tabs.count() == 4
    window.set_projector_mode(False)
    assert page.dots.left_label.font().pointSizeF() == theme.NORMAL_PT
