"""Step 1, define the problem: the question, its terms, symptoms, seriousness and effects."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from fishbone.changes import Change
from sixstep.edits.fields import touches
from ui.common.theme import plain_label
from ui.document.document import CaseDocument
from ui.widgets.fields import LineField, TextField
from ui.widgets.form import add_section, scrolling_body, section_label
from ui.widgets.record_table import RecordTable
from ui.widgets.step_page import StepPage
from ui.widgets.string_list import StringListEditor

QUESTION_HINT = (
    "Tip: write the problem as a question (\u201cHow can we \u2026?\u201d). A question makes "
    "the group describe it in full."
)


class DefinePage(StepPage):
    """Everything the group says about the problem before looking for causes."""

    number = 1
    kinds = frozenset({"problem"})

    def __init__(self, doc: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(doc, parent)
        layout = scrolling_body(self)
        self.title_field = LineField(
            doc, ("title",), "Case title",
            placeholder="A short name for this workshop")
        add_section(layout, "Case &title", self.title_field, spacing_before=0)

        self.question_field = TextField(
            doc, ("problem", "question"), "Problem question",
            placeholder="How can we \u2026?", lines=2)
        add_section(layout, "The problem as a &question", self.question_field)
        self.question_hint = plain_label(QUESTION_HINT, role="hint")
        self.question_hint.setAccessibleName("Question hint")
        layout.addWidget(self.question_hint)

        self.terms_table = RecordTable(
            doc, ("problem", "terms"),
            [("term", "Term", 1), ("definition", "What we mean by it", 3)],
            "Key terms and definitions", "term")
        add_section(layout, "&Key terms and what we mean by them", self.terms_table)

        self.symptoms_list = StringListEditor(
            doc, ("problem", "symptoms"), "Symptoms", "symptom",
            placeholder="What did people see happen? Enter adds it")
        self.effects_list = StringListEditor(
            doc, ("problem", "effects"), "Effects", "effect",
            placeholder="Who or what does it affect? Enter adds it")
        for editor in (self.symptoms_list, self.effects_list):
            editor.view.setMinimumHeight(150)
            editor.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        pair = QGridLayout()
        pair.setHorizontalSpacing(18)
        pair.addWidget(section_label("S&ymptoms", self.symptoms_list.entry), 0, 0)
        pair.addWidget(section_label("Effects: what it &affects", self.effects_list.entry), 0, 1)
        pair.addWidget(self.symptoms_list, 1, 0)
        pair.addWidget(self.effects_list, 1, 1)
        layout.addSpacing(10)
        layout.addLayout(pair, 1)

        self.seriousness_field = TextField(
            doc, ("problem", "seriousness"), "How serious it is",
            placeholder="How often, how costly, how urgent?", lines=3)
        add_section(layout, "How &serious is it?", self.seriousness_field)
        self.refresh()

    def on_change(self, change: Change) -> None:
        if touches(change, ("problem", "question")):
            self.refresh()

    def refresh(self) -> None:
        question = self.doc.case.problem.question.strip()
        self.question_hint.setVisible(not question.endswith("?"))

