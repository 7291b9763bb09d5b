"""The poster PDF: each page paints only what lies on its tile; pages, crop marks, overlap."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QImage

from fishbone.layout_index import LayoutIndex, box_extent
from tests.ui.generated import generated_diagram
from ui.export.poster import (
    MARGIN,
    MARK,
    OVERLAP,
    export_poster_pdf,
    label_rect,
    plan_tiles,
    tile_rect,
)
from ui.painting.render import drawing_rect, render_layout_for_export


def test_each_page_paints_only_the_boxes_on_its_tile(qapp, tmp_path, monkeypatch):
    diagram = generated_diagram(120)
    asked: list[tuple[tuple[float, float, float, float], list]] = []
    find = LayoutIndex.boxes

    def spy(self, rect):
        found = find(self, rect)
        asked.append((rect, found))
        return found

    monkeypatch.setattr(LayoutIndex, "boxes", spy)
    plan = export_poster_pdf(diagram, tmp_path / "poster.pdf", "A4")
    layout = render_layout_for_export(diagram)
    every = {b.id for b in layout.boxes}
    assert plan.pages > 4
    assert 0 < len(asked) <= plan.pages  # a page beside the drawing asks nothing
    painted: set[str] = set()
    for rect, found in asked:
        x, y, w, h = rect
        for box in found:
            x0, y0, x1, y1 = box_extent(box)
            r = 40 if box.kind == "head" else 12
            assert x0 <= x + w + r and x - r <= x1 and y0 <= y + h + r and y - r <= y1
        assert len(found) < len(every) / 2  # a tile, not the whole diagram
        painted |= {b.id for b in found}
    assert painted == every  # and every box is on some page
    source = drawing_rect(layout)
    covered = QRectF()
    for rect, _ in asked:
        covered = covered.united(QRectF(*rect))
    assert covered.contains(source.adjusted(1, 1, -1, -1))


def test_the_pages_are_the_plan_and_neighbours_overlap(qapp, tmp_path):
    plan = plan_tiles(QSizeF(2500, 1400), "A3")
    assert plan.pages == plan.columns * plan.rows > 1
    for column in range(plan.columns - 1):
        here, there = tile_rect(plan, column, 0), tile_rect(plan, column + 1, 0)
        assert here.right() - there.left() == pytest.approx(OVERLAP)
    for row in range(plan.rows - 1):
        here, there = tile_rect(plan, 0, row), tile_rect(plan, 0, row + 1)
        assert here.bottom() - there.top() == pytest.approx(OVERLAP)
    last = tile_rect(plan, plan.columns - 1, plan.rows - 1)
    assert last.right() >= 2500 and last.bottom() >= 1400  # nothing cut off
    plan = export_poster_pdf(generated_diagram(60), tmp_path / "poster.pdf", "A4")
    data = (tmp_path / "poster.pdf").read_bytes()
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) == plan.pages


def test_the_label_fits_under_a_portrait_tile(qapp):
    plan = plan_tiles(QSizeF(400, 2000), "A4")
    assert not plan.landscape
    tile = QRectF(MARGIN, MARGIN, plan.tile.width(), plan.tile.height())
    rect = label_rect(tile)
    font = QFont()
    font.setPointSizeF(7.0)
    text = ("Poster page 888 of 888: row 88 of 88, column 88 of 88. The dashed ticks show "
            "where the next page's picture starts; trim at the corner marks and overlap.")
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
    needed = QFontMetricsF(font).boundingRect(rect, flags, text)
    assert needed.height() <= rect.height() and needed.right() <= rect.right() + 0.5
    assert rect.left() > tile.left() + MARK and rect.right() < tile.right() - OVERLAP


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="needs pdftoppm")
def test_every_page_has_crop_marks_and_its_label(qapp, tmp_path):
    plan = export_poster_pdf(generated_diagram(40), tmp_path / "poster.pdf", "A4")
    subprocess.run(["pdftoppm", "-r", "72", "-png", "-f", "2", "-l", "2",
                    str(tmp_path / "poster.pdf"), str(tmp_path / "page")], check=True)
    image = QImage(str(next(tmp_path.glob("page*.png"))))
    tile = QRectF(MARGIN, MARGIN, plan.tile.width(), plan.tile.height())

    def ink(x: float, y: float) -> bool:
        return QImage.pixelColor(image, round(x), round(y)).lightness() < 200

    for cx, cy, dx, dy in ((tile.left(), tile.top(), -1, -1), (tile.right(), tile.top(), 1, -1),
                           (tile.left(), tile.bottom(), -1, 1),
                           (tile.right(), tile.bottom(), 1, 1)):
        assert ink(cx + dx * (2 + MARK / 2), cy) or ink(cx + dx * (2 + MARK / 2), cy - dy * 0.5)
        assert ink(cx, cy + dy * (2 + MARK / 2)) or ink(cx - dx * 0.5, cy + dy * (2 + MARK / 2))
    assert not ink(MARGIN / 2, MARGIN / 2) and not ink(tile.left() - 2 - MARK - 3, tile.top())
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(tmp_path / "poster.pdf"),
                               "-"], capture_output=True, text=True, check=True).stdout
        assert f"Poster page 2 of {plan.pages}" in text and "overlap." in text
