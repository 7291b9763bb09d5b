"""Text people type shows as typed: an "&" stays an "&", and a very long word never pushes
the window wider than the screen."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QScrollArea

from sample_cases import read_sample
from sixstep.caseio import loads_case
from ui.app.main_window import MainWindow
from ui.common.theme import breakable
from ui.fishbone_editor.capture_note import CaptureNote

LONG = "W" * 300
LINK = "https://intranet.example.com/reports/night-shift/complaints-summary-2026.pdf"


def open_case(window: MainWindow, rename) -> None:
    case = loads_case(read_sample("happy_burgers"))
    rename(case)
    window.doc.replace(case, None)
    window.files.opened.emit()


def shown(text: str) -> str:
    """What a label shows, without the invisible break chances."""
    return text.replace("\u200b", "")


def test_an_ampersand_in_an_alternative_stays_on_its_tick_box(window):
    def rename(case):
        case.alternatives[0].name = "R&D <b>pilot</b>"
    open_case(window, rename)
    window.show_step(6)
    box = window.workspace.page(6).chosen.boxes[window.doc.case.alternatives[0].id]
    assert box.text().replace("&&", "&") == "R&D <b>pilot</b>"
    assert QKeySequence.mnemonic(box.text()).isEmpty()  # no underlined D, no Alt+D


def test_the_new_heading_button_keeps_the_ampersand(qtbot):
    note = CaptureNote()
    qtbot.addWidget(note)
    note.say('No heading "R&D": the whole line went under "Tools & kit".', "R&D")
    assert note.make_button.text() == "Make heading \u201cR&&D\u201d"
    assert QKeySequence.mnemonic(note.make_button.text()).isEmpty()
    assert note.text() == 'No heading "R&D": the whole line went under "Tools & kit".'


@pytest.mark.parametrize("word", [LONG, LINK])
def test_a_very_long_word_never_widens_the_window(window, qtbot, word):
    def rename(case):
        case.alternatives[1].name = word
        case.alternatives[1].strengths = word
        case.criteria[2].name = word
        case.criteria[2].weight = None  # the guidance then names it: "give ... a weight"
        case.fishbone.causes[0].root_cause = True
        case.fishbone.causes[0].text = word
    open_case(window, rename)
    window.set_projector_mode(True)  # the biggest text there is
    window.set_projector_mode(False)
    alternative = window.doc.case.alternatives[1]
    for step in (2, 3, 4, 5, 6):
        window.show_step(step)
        if step == 2:
            window.workspace.page(2).tabs.setCurrentIndex(1)
        if step == 4:
            window.workspace.page(4).select_row(1)
            label = window.workspace.page(4).links_label
            assert word in shown(label.text())
        if step == 5:
            details = window.workspace.page(5).details
            details.set_alternative(alternative.id)
            assert shown(details.title_label.text()) == word
        qtbot.wait(1)
        assert window.width() <= 1280, f"step {step} made the window {window.width()} wide"
        for area in window.workspace.frame(step).findChildren(QScrollArea):
            if area.isVisible() and area.widget() is not None:  # nothing cut off at the right
                assert area.widget().minimumSizeHint().width() <= area.viewport().width()
    window.show_step(3)
    window.set_projector_mode(True)
    qtbot.wait(1)
    assert window.width() <= 1280


def test_ordinary_text_is_left_alone_and_long_words_only_gain_invisible_breaks():
    assert breakable("How can one person keep up?") == "How can one person keep up?"
    assert shown(breakable(LINK + " and " + LONG)) == LINK + " and " + LONG
    assert max(len(w) for w in breakable(LONG).split("\u200b")) <= 20


def test_chart_labels_take_at_most_two_lines_and_keep_dollars_literal():
    from ui.scoring.chart import short_label

    assert short_label(LONG, 20).count("\n") == 1
    assert short_label("Costs $5 and $6", 40) == r"Costs \$5 and \$6"
    label = short_label("A" * 19 + "$" + "B" * 30, 20)
    assert label.count("$") == label.count(r"\$")  # every dollar still escaped


def tooltip_reads(tip: str) -> str:
    """What a tooltip shows: Qt reads anything that looks like HTML as HTML."""
    from PySide6.QtGui import Qt, QTextDocument

    document = QTextDocument()
    if Qt.mightBeRichText(tip):
        document.setHtml(tip)
    else:
        document.setPlainText(tip)
    return document.toPlainText()


def test_tooltips_show_typed_text_as_typed(window):
    from PySide6.QtCore import Qt

    bold, picture = "<b>bold</b> & <i>it</i>", "<img src=x> R&D"

    def rename(case):
        case.problem.terms[0].definition = bold
        case.criteria[2].name = picture
        case.criteria[2].weight = None  # so the navigator's tooltip names it
        case.criteria[3].description = bold
        case.alternatives[0].name = picture + " " + LONG  # cut short on its box
    open_case(window, rename)
    window.show_step(1)
    terms = window.workspace.page(1).terms_table.model
    assert tooltip_reads(terms.data(terms.index(0, 1), Qt.ItemDataRole.ToolTipRole)) == bold
    window.show_step(3)
    criteria = window.workspace.page(3).model
    assert tooltip_reads(criteria.data(criteria.index(2, 0), Qt.ItemDataRole.ToolTipRole)) \
        == picture
    assert tooltip_reads(criteria.data(criteria.index(3, 3), Qt.ItemDataRole.ToolTipRole)) \
        == bold
    step3 = window.workspace.navigator.item(2).toolTip()
    assert picture in tooltip_reads(step3)
    window.show_step(6)
    box = window.workspace.page(6).chosen.boxes[window.doc.case.alternatives[0].id]
    assert tooltip_reads(box.toolTip()) == picture + " " + LONG


def test_score_matrix_tooltips_show_typed_text_as_typed(window):
    from PySide6.QtCore import Qt

    bold = "<b>bold</b> & <i>it</i>"

    def rename(case):
        must = next(c for c in case.criteria if c.kind == "must")
        must.name, must.description = bold, ""
        failing = next(s for s in case.scores if s.criterion == must.id)
        failing.value = False
    open_case(window, rename)
    window.show_step(5)
    model = window.workspace.page(5).model
    column = next(i for i in range(model.columnCount())
                  if model.criterion_at(i) is not None and model.criterion_at(i).name == bold)
    header = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tooltip_reads(header) == bold
    screened = [model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
                for row in range(model.rowCount())]
    assert any(tip and bold in tooltip_reads(tip) for tip in screened)
