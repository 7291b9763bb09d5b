"""Happy Burgers with its four participants, dot-voted and with a relations diagram, read from
the back of the room: projector mode at 1280x720 keeps the ranking, the chart and every box of
the relations diagram on screen at 20 pt or more. The sample's own votes and arrows are taken
back first (they make fifteen boxes, which at 20 pt scroll by design), so the room votes
afresh on a short list that fits."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from sixstep.edits.dots import CastDot, SetDotSettings, TakeBackDot
from sixstep.edits.group import AddRelation, RemoveRelation
from ui.app.main_window import MainWindow

PICKS = {"p1": [0, 0, 3, 5, 7], "p2": [0, 3, 3, 9, 1], "p3": [0, 5, 3, 12, 2],
         "p4": [3, 0, 14, 7, 5]}  # places in the list of causes not ruled out
ARROWS = [(0, 3), (0, 5), (0, 9), (3, 14), (5, 3), (9, 12), (12, 7), (7, 3)]


def voted_burgers(window: MainWindow) -> list[str]:
    """The sample's four participants, five dots each, eight arrows; the causes they used."""
    doc = window.doc
    assert [p.id for p in doc.case.participants] == list(PICKS)
    for dot in list(doc.case.dots):  # the sample's own vote and arrows, taken back
        for _ in range(dot.count):
            doc.apply(TakeBackDot(dot.cause, dot.participant))
    for relation in list(doc.case.relations):
        doc.apply(RemoveRelation(relation.source, relation.target))
    assert not doc.case.dots and not doc.case.relations
    assert all(cause.votes == 0 for cause in doc.diagram.causes)
    ids = [c.id for c in doc.diagram.causes if c.status != "ruled_out"]
    doc.apply(SetDotSettings(5, 2, False))
    for who, picks in PICKS.items():
        for place in picks:
            doc.apply(CastDot(ids[place], who))
    for a, b in ARROWS:
        doc.apply(AddRelation(ids[a], ids[b]))
    return ids


def test_the_room_reads_the_votes_and_the_relations_in_projector_mode(make_window, qtbot,
                                                                      tmp_path):
    window = make_window(size=(1280, 720), sample="happy_burgers")
    ids = voted_burgers(window)
    window.show_step(2)
    window.set_projector_mode(True)
    page = window.workspace.page(2)

    page.tabs.setCurrentWidget(page.dots)
    QApplication.processEvents()
    table = page.dots.table
    assert table.rowCount() == len({i for picks in PICKS.values() for i in picks})
    assert table.font().pointSizeF() >= 20 and page.dots.left_label.font().pointSizeF() >= 20
    assert page.picker.combo.font().pointSizeF() >= 20
    qtbot.waitUntil(lambda: page.dots.chart.pixmap() is not None
                    and not page.dots.chart.pixmap().isNull(), timeout=10000)
    assert window.grab().save(str(tmp_path / "dots.png"))

    page.tabs.setCurrentWidget(page.relations)
    QApplication.processEvents()
    QApplication.processEvents()
    panel = page.relations
    summary = panel.scene.summary
    assert summary is not None and summary.drivers == (ids[0],)
    assert window.doc.diagram.cause(ids[0]).text in panel.summary_label.text()
    assert panel.view.transform().m11() >= 1.0  # 20 pt text drawn at 20 pt at least
    port = panel.view.viewport().rect()
    for node in panel.scene.nodes.values():
        assert node.font.pointSizeF() >= 20
        assert port.contains(panel.view.mapFromScene(node.scene_box()).boundingRect())
    assert window.grab().save(str(tmp_path / "relations.png"))
