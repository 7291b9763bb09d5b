"""Big diagrams as one PNG: laid out densely to fit at 150 dpi, and when even that is too
large, written at the largest resolution that fits, which the dialog and the window tell."""

from __future__ import annotations

import struct

import pytest
from PySide6.QtGui import QImageReader

from sixstep.caseio import new_case, save_case
from tests.ui.generated import generated_diagram
from ui.export import diagram as diagram_export
from ui.export.diagram import MAX_PIXELS, export_png, plan_picture
from ui.export.dialog import ExportDialog, ExportOptions
from ui.painting.style import LIGHT


def _pixels(plan) -> int:
    scale = plan.dpi / 72
    return round(plan.size.width() * scale) * round(plan.size.height() * scale)


def test_a_small_diagram_keeps_its_usual_layout(qapp):
    plan = plan_picture(generated_diagram(40), 150)
    assert plan.dpi == 150 and not plan.dense and plan.style is LIGHT


@pytest.mark.parametrize("key", [False, True])
def test_five_hundred_causes_fit_at_150_dpi_laid_out_densely(qapp, key):
    plan = plan_picture(generated_diagram(500), 150, key)
    assert plan.dense and plan.dpi == 150
    assert _pixels(plan) <= MAX_PIXELS
    assert plan.style.subcause_font.size * plan.dpi / 72 >= 14  # the smallest text, in pixels


def test_a_thousand_causes_fit_at_the_largest_resolution_that_fits(qapp):
    plan = plan_picture(generated_diagram(1000), 150)
    assert plan.dense and 90 <= plan.dpi < 150
    assert _pixels(plan) <= MAX_PIXELS
    higher = plan.dpi + 1
    assert (plan.size.width() * higher / 72) * (plan.size.height() * higher / 72) > MAX_PIXELS
    assert plan.style.subcause_font.size * plan.dpi / 72 >= 11


def _file_dpi(path) -> int:
    """The resolution a PNG file states (its pHYs chunk), without reading its pixels."""
    data = path.read_bytes()
    at = data.index(b"pHYs") + 4
    return round(struct.unpack(">I", data[at:at + 4])[0] * 0.0254)


def test_five_hundred_causes_are_written_at_150_dpi(qapp, tmp_path):
    used = export_png(generated_diagram(500), tmp_path / "big.png", 150)
    size = QImageReader(str(tmp_path / "big.png")).size()
    assert used == 150 == _file_dpi(tmp_path / "big.png")
    assert size.width() * size.height() <= MAX_PIXELS


@pytest.fixture
def big_window(make_window, tmp_path):
    case = new_case()
    case.fishbone = generated_diagram(1000)
    save_case(case, tmp_path / "big.case.json")
    window = make_window(active=False)
    assert window.files.open_path(tmp_path / "big.case.json", ask=False)
    return window


def test_the_dialog_says_the_resolution_a_big_picture_will_have(big_window, qtbot):
    dialog = ExportDialog(ExportOptions("png", 150), big_window, big_window.exports.picture_plan)
    qtbot.addWidget(dialog)
    used = round(plan_picture(big_window.doc.diagram, 150).dpi)
    assert not dialog.size_note.isHidden()
    assert f"at {used} dpi" in dialog.size_note.text()
    assert "too large for one picture at 150 dpi" in dialog.size_note.text()
    dialog.dpi_box.setValue(72)  # fits, densely
    assert "laid out densely" in dialog.size_note.text() and "72 dpi" in dialog.size_note.text()
    dialog.dpi_box.setValue(36)  # fits as it is
    assert dialog.size_note.isHidden()
    dialog.format_box.setCurrentIndex(1)  # a PDF: the note is about pictures
    dialog.dpi_box.setValue(150)
    assert dialog.size_note.isHidden()


def test_the_window_says_the_resolution_it_wrote(big_window, tmp_path, monkeypatch):
    monkeypatch.setattr(diagram_export, "MAX_PIXELS", 4_000_000)  # small and fast to write
    big_window.exports.ask_options = lambda options: ExportOptions("png", 150)
    big_window.exports.ask_path = lambda fmt, suggested: tmp_path / "big.png"
    big_window.export_action.trigger()
    message = big_window.statusBar().currentMessage()
    size = QImageReader(str(tmp_path / "big.png")).size()
    assert size.width() * size.height() <= 4_000_000
    used = _file_dpi(tmp_path / "big.png")
    assert used < 150 and f"at {used} dpi" in message and "too large" in message


@pytest.mark.parametrize(("transparent", "key"), [(False, False), (True, False), (False, True)])
def test_a_picture_drawn_in_bands_is_the_picture_drawn_whole(qapp, tmp_path, monkeypatch,
                                                              transparent, key):
    from PySide6.QtGui import QImage

    from ui.export.diagram import render_image

    diagram = generated_diagram(40)
    whole = render_image(diagram, 30, transparent, key)
    monkeypatch.setattr(diagram_export, "BAND_BYTES", 30 * 4 * whole.width())  # 30 rows
    export_png(diagram, tmp_path / "bands.png", 30, transparent, key)
    back = QImage(str(tmp_path / "bands.png"))
    assert back.size() == whole.size()
    fmt = QImage.Format.Format_ARGB32
    a, b = whole.convertToFormat(fmt), back.convertToFormat(fmt)
    assert a.pixelColor(0, 0) == b.pixelColor(0, 0)
    differ = sum(a.pixel(x, y) != b.pixel(x, y)
                 for y in range(0, a.height(), 3) for x in range(0, a.width(), 3))
    assert differ < a.width() * a.height() / 9 / 500  # text edges may fall a shade apart
