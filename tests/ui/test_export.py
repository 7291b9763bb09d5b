"""Exports: PNG size and alpha, vector PDF with its text, SVG, layout JSON, hostile text."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import pytest
from PySide6.QtGui import QImage, QPageLayout, QPageSize

from fishbone.geometry import Box, Layout
from fishbone.model import Category, Cause, Diagram
from ui.export.diagram import (
    copy_to_clipboard,
    export_case_file,
    export_layout_json,
    export_pdf,
    export_png,
    export_svg,
    image_for_clipboard,
)
from ui.export.page import choose_orientation, page_size

HOSTILE = ("<img src=x>", "cost < 5 and x > 3")
SAMPLE = Path(__file__).resolve().parents[2] / "sample_cases" / "happy_burgers.case.json"


def make_diagram() -> Diagram:
    d = Diagram(
        "Customer leaves frustrated",
        [Category("equipment", "Equipment"), Category("people", "People & <b>staff</b>")],
    )
    d.add_cause(Cause("c1", "equipment", None, "Till cannot edit an order once sent",
                      status="confirmed", votes=2))
    d.add_cause(Cause("c2", "equipment", None, "Menu board is hard to read", status="ruled_out"))
    d.add_cause(Cause("c3", "people", None, "Works alone at night", root_cause=True, votes=9,
                      notes="asked the manager"))
    d.add_cause(Cause("c4", "people", "c3", "No backup after ten"))
    d.add_cause(Cause("c5", "people", None, HOSTILE[0]))
    d.add_cause(Cause("c6", "equipment", None, HOSTILE[1]))
    return d


def squash(text: str) -> str:
    """Without spaces and ligatures: lines wrap and fonts join "ff" into one glyph."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


# -- a PDF text reader that needs no poppler ---------------------------------------------------
def _pdf_objects(data: bytes) -> dict[int, tuple[bytes, bytes]]:
    """Object number -> (dictionary text, decoded stream or b"")."""
    objects = {}
    for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S):
        body = m.group(2)
        stream = b""
        s = re.search(rb"stream\r?\n(.*?)\r?\nendstream", body, re.S)
        if s:
            stream = s.group(1)
            if b"/FlateDecode" in body[: s.start()]:
                stream = zlib.decompress(stream)
            body = body[: s.start()]
        objects[int(m.group(1))] = (body, stream)
    return objects


def _cmap(stream: bytes) -> dict[int, str]:
    table: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", stream, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            table[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", stream, re.S):
        pattern = rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)"
        for lo, hi, dst in re.findall(pattern, block):
            lo_i, hi_i = int(lo, 16), int(hi, 16)
            if dst.startswith(b"["):
                for k, item in enumerate(re.findall(rb"<([0-9A-Fa-f]+)>", dst)):
                    table[lo_i + k] = bytes.fromhex(item.decode()).decode("utf-16-be")
            else:
                start = int(dst[1:-1], 16)
                for code in range(lo_i, hi_i + 1):
                    table[code] = chr(start + code - lo_i)
    return table


def pdf_text_without_poppler(data: bytes) -> str:
    """Text shown by Tj/TJ operators, decoded through each font's ToUnicode map."""
    objects = _pdf_objects(data)
    font_maps: dict[bytes, dict[int, str]] = {}
    for body, _ in objects.values():
        for name, num in re.findall(rb"/(F\d+) (\d+) 0 R", body):
            font_body = objects.get(int(num), (b"", b""))[0]
            ref = re.search(rb"/ToUnicode (\d+) 0 R", font_body)
            if ref:
                font_maps[name] = _cmap(objects[int(ref.group(1))][1])
    out: list[str] = []
    for _, stream in objects.values():
        if b"BT" not in stream:
            continue
        table: dict[int, str] = {}
        ops = rb"/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]*)> Tj|\[([^\]]*)\] TJ|(ET)"
        for font, hex_tj, arr, end in re.findall(ops, stream):
            if font:
                table = font_maps.get(font, {})
            elif end:
                out.append("\n")
            else:
                for h in [hex_tj] if hex_tj else re.findall(rb"<([0-9A-Fa-f]*)>", arr):
                    codes = [int(h[i:i + 4], 16) for i in range(0, len(h), 4)]
                    out.append("".join(table.get(c, "?") for c in codes))
    return "".join(out)


def pdf_texts(path: Path) -> list[str]:
    """The PDF's text by every reader available: always ours, poppler's when installed."""
    texts = [pdf_text_without_poppler(path.read_bytes())]
    if shutil.which("pdftotext"):
        done = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                              text=True, check=True)
        texts.append(done.stdout)
    return texts


# -- PNG ---------------------------------------------------------------------------------------
def test_png_size_follows_dpi(qapp, tmp_path):
    d = make_diagram()
    export_png(d, tmp_path / "a.png", dpi=150)
    export_png(d, tmp_path / "b.png", dpi=300)
    a, b = QImage(str(tmp_path / "a.png")), QImage(str(tmp_path / "b.png"))
    assert not a.isNull() and a.width() > 200 and a.height() > 100
    assert abs(b.width() - 2 * a.width()) <= 2
    assert abs(b.height() - 2 * a.height()) <= 2
    assert round(b.dotsPerMeterX() * 0.0254) == 300


def test_png_transparent_background_has_alpha(qapp, tmp_path):
    d = make_diagram()
    export_png(d, tmp_path / "clear.png", transparent=True)
    export_png(d, tmp_path / "solid.png")
    clear, solid = QImage(str(tmp_path / "clear.png")), QImage(str(tmp_path / "solid.png"))
    assert clear.hasAlphaChannel()
    assert clear.pixelColor(1, 1).alpha() == 0
    assert solid.pixelColor(1, 1).alpha() == 255
    assert solid.pixelColor(1, 1).name() == "#ffffff"


def test_a_picture_too_large_is_drawn_at_the_largest_resolution_that_fits(
        qapp, tmp_path, monkeypatch):
    """A big diagram used to be refused at 150 dpi; now it is written smaller, and the
    resolution used is told."""
    import ui.export.diagram as diagram_export
    from ui.export.diagram import fitting_dpi

    assert fitting_dpi(720, 720, 150) == 150  # 1,500 x 1,500 pixels: fits as asked
    monkeypatch.setattr(diagram_export, "MAX_PIXELS", 1_000_000)
    lower = fitting_dpi(720, 720, 150)
    assert lower == 100  # 1,000 x 1,000 is the most that fits
    used = export_png(make_diagram(), tmp_path / "big.png", dpi=1200)
    image = QImage(str(tmp_path / "big.png"))
    assert used < 1200 and image.width() * image.height() <= 1_000_000
    assert round(image.dotsPerMeterX() * 0.0254) == used


def test_png_rejects_bad_dpi(qapp, tmp_path):
    with pytest.raises(ValueError):
        export_png(make_diagram(), tmp_path / "x.png", dpi=0)


def test_clipboard_image_is_opaque_and_copied(qapp):
    d = make_diagram()
    image = image_for_clipboard(d)
    assert not image.isNull() and image.pixelColor(1, 1).alpha() == 255
    copy_to_clipboard(d)
    assert qapp.clipboard().image().size() == image.size()


# -- PDF ---------------------------------------------------------------------------------------
def test_pdf_is_vector_and_holds_every_text(qapp, tmp_path):
    d = make_diagram()
    out = tmp_path / "d.pdf"
    export_pdf(d, out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert b"/Subtype /Image" not in data and b"/Subtype/Image" not in data
    for text in pdf_texts(out):
        flat = squash(text)
        for cause in d.causes:
            assert squash(cause.text) in flat
        assert squash("People & <b>staff</b>") in flat
        assert squash(d.effect) in flat
        assert "Rootcause" in flat and "Hiddensub-causes" in flat  # the key to the marks


def test_pdf_reader_can_fail(qapp, tmp_path):
    out = tmp_path / "d.pdf"
    export_pdf(make_diagram(), out)
    assert "Nosuchcauseanywhere" not in squash(pdf_text_without_poppler(out.read_bytes()))


def test_pdf_page_sizes_and_orientation(qapp, tmp_path):
    d = make_diagram()
    export_pdf(d, tmp_path / "a4.pdf", page="A4")
    export_pdf(d, tmp_path / "a3.pdf", page="A3")

    def media_box(path: Path) -> list[float]:
        m = re.search(rb"/MediaBox \[([\d.\s]+)\]", path.read_bytes())
        return [float(v) for v in m.group(1).split()]

    a4, a3 = media_box(tmp_path / "a4.pdf"), media_box(tmp_path / "a3.pdf")
    assert sorted(a4[2:]) == pytest.approx([595.0, 842.0], abs=1.5)
    assert sorted(a3[2:]) == pytest.approx([842.0, 1191.0], abs=1.5)
    with pytest.raises(ValueError):
        page_size("B5")


def test_orientation_follows_the_aspect_ratio():
    a4 = QPageSize(QPageSize.PageSizeId.A4)
    wide = Layout((0, 0, 1600, 600), [Box("head", "head", (1400, 250, 150, 80), ("x",), "head")])
    tall = Layout((0, 0, 500, 1400), [Box("head", "head", (300, 650, 150, 80), ("x",), "head")])
    assert choose_orientation(wide, a4) == QPageLayout.Orientation.Landscape
    assert choose_orientation(tall, a4) == QPageLayout.Orientation.Portrait


# -- SVG and layout JSON -----------------------------------------------------------------------
def test_svg_parses_and_holds_text_literally(qapp, tmp_path):
    d = make_diagram()
    out = tmp_path / "d.svg"
    export_svg(d, out)
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    texts = squash("".join("".join(el.itertext()) for el in root.iter() if el.tag.endswith("text")))
    for cause in d.causes:
        assert squash(cause.text) in texts
    assert not [el for el in root.iter() if el.tag.endswith(("img", "image", "b"))]


def test_layout_json_shape(qapp, tmp_path):
    d = make_diagram()
    out = tmp_path / "d.json"
    export_layout_json(d, out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["format"] == "problem-workshop-layout" and doc["version"] == 1
    assert len(doc["bounds"]) == 4
    kinds: dict[str, list[str]] = {}
    for box in doc["boxes"]:
        assert set(box) >= {"id", "kind", "rect", "text"} and len(box["rect"]) == 4
        kinds.setdefault(box["kind"], []).append(box["id"])
    assert sorted(kinds["cause"]) == sorted(c.id for c in d.causes)
    assert sorted(kinds["category"]) == sorted(c.id for c in d.categories)
    assert kinds["head"] == ["head"]
    assert any(line["kind"] == "spine" for line in doc["lines"])
    assert all(len(p) == 2 for line in doc["lines"] for p in line["points"])


# -- the command-line entry --------------------------------------------------------------------
def test_export_case_file_refuses_a_bad_format(qapp, tmp_path):
    with pytest.raises(ValueError, match="format"):
        export_case_file(tmp_path / "none.case.json", "gif", tmp_path / "out.gif")
    with pytest.raises(ValueError, match="dpi"):
        export_case_file(tmp_path / "none.case.json", "pdf", tmp_path / "out.pdf", dpi=300)


@pytest.mark.parametrize("fmt", ["png", "pdf", "svg", "layout-json"])
def test_export_case_file_writes_the_sample(qapp, tmp_path, fmt):
    pytest.importorskip("sixstep.caseio")
    out = tmp_path / f"hb.{fmt}"
    export_case_file(SAMPLE, fmt, out)
    assert out.is_file() and out.stat().st_size > 500


# -- printing ----------------------------------------------------------------------------------
def test_print_goes_through_the_page_painter(qapp, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from ui.export.page import print_diagram

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    d = make_diagram()
    print_diagram(printer, d)
    assert squash(d.effect) in squash(pdf_texts(tmp_path / "printed.pdf")[0])


def test_print_preview_opens_and_cancels(qtbot, monkeypatch):
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from ui.export.diagram import print_with_preview

    shown = []

    def fake_exec(dialog):
        shown.append(dialog.windowTitle())
        return QPrintPreviewDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    assert print_with_preview(make_diagram()) is False
    assert shown == ["Print fishbone diagram"]


def test_a_poster_tiles_the_diagram_at_reading_size_with_overlap_and_marks(qapp, tmp_path):
    from PySide6.QtCore import QSizeF

    from sixstep.caseio import load_case
    from ui.export.poster import OVERLAP, export_poster_pdf, plan_tiles

    one = plan_tiles(QSizeF(300, 200), "A4")
    assert (one.columns, one.rows) == (1, 1)
    wide = plan_tiles(QSizeF(3000, 500), "A3")
    assert wide.landscape and wide.rows == 1
    assert wide.columns * (wide.tile.width() - OVERLAP) + OVERLAP >= 3000  # nothing cut off
    happy = load_case(Path(__file__).resolve().parents[2] / "sample_cases"
                      / "happy_burgers.case.json")
    plan = export_poster_pdf(happy.fishbone, tmp_path / "poster.pdf", "A4")
    data = (tmp_path / "poster.pdf").read_bytes()
    assert data.startswith(b"%PDF-") and plan.pages > 1
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) == plan.pages
    if shutil.which("pdftotext"):
        pages = subprocess.run(["pdftotext", str(tmp_path / "poster.pdf"), "-"],
                               capture_output=True, text=True, check=True).stdout.split("\f")
        assert f"Poster page 1 of {plan.pages}" in pages[0]
        assert "Customer leaves frustrated" in "".join(pages)  # the title and the head
