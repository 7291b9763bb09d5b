"""Step 5 of Happy Burgers with four participants, on the screens of a real room: 1280 x 720
and 1024 x 768, normal and projector mode, open and blind. Renders each to PNG (in
``$ROOM_SHOTS`` when set, to be looked at) and checks what a screenshot cannot be trusted to
show by eye: the window keeps its size and every room text is at reading size."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication

from sixstep.edits.group import start_blind
from ui.common.theme import PROJECTOR_PT
from ui.scoring.matrix import FIRST_CRITERION

from .room_scoring_support import write_burgers_with_four


@pytest.fixture(autouse=True)
def _test_paths():
    QStandardPaths.setTestModeEnabled(True)


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)])
@pytest.mark.parametrize("projector", [False, True])
def test_step_5_with_four_participants_reads_on_small_screens(make_window, tmp_path, size,
                                                              projector):
    folder = Path(os.environ.get("ROOM_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    window = make_window(size=size, active=False)
    window.files.open_path(write_burgers_with_four(tmp_path), ask=False)
    window.set_projector_mode(projector)
    window.show_step(5)
    page = window.workspace.page(5)
    page.participant_combo.setCurrentIndex(2)  # typing for Ravi: his own line under each cell
    page.matrix.setCurrentIndex(page.model.index_of("a1", "k3"))
    QApplication.processEvents()
    tag = f"step5_room_{size[0]}x{size[1]}_{'projector' if projector else 'normal'}"
    for state in ("open", "blind"):
        if state == "blind":
            window.doc.apply(start_blind())
            QApplication.processEvents()
        image = window.grab()
        image.save(str(folder / f"{tag}_{state}.png"))
        assert (image.width(), image.height()) == size  # nothing pushed the window wider
        bar = page.participant_bar
        assert bar.minimumSizeHint().width() <= bar.width()
        if projector:
            delegate = page.matrix.itemDelegate()
            index = page.model.index(0, FIRST_CRITERION + 2)
            main, own = delegate.fonts(page.matrix.font(), index)
            assert page.matrix.font().pointSizeF() >= PROJECTOR_PT
            assert main.pointSizeF() > PROJECTOR_PT and own.pointSizeF() >= PROJECTOR_PT
            for label in (page.room.note_label, page.room.by_person.title_label,
                          page.room.blind_button, page.room.reveal_button):
                assert label.font().pointSizeF() >= PROJECTOR_PT, label
    assert page.room.note_label.isVisible() and page.room.reveal_button.isVisible()
    window.doc.undo_stack.setClean()
