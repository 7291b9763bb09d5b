"""What Qt must be told before the application object exists (read once, at its creation)."""

from __future__ import annotations

import os


def before_app() -> None:
    """Set Qt's environment for this app; a value the user set already is kept.

    QT_NO_GUI_THREADPOOL: Qt hands fills and image conversions of a few hundred thousand
    pixels to a pool of threads. On the two-core laptops workshops run on, waking and waiting
    for those threads cost more than the fill: a scroll bar repaints in 0.15 ms without the
    pool and 0.4 ms with it, and undoing a delete on a 1,000-cause canvas dropped from about
    47 to 30 ms (bench/run.py; measured offscreen, old and new alternated).
    """
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
