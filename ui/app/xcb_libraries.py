"""Which system libraries Qt's X11 (xcb) plugin needs, and the Debian/Ubuntu package of each."""

from __future__ import annotations

import ctypes
from collections.abc import Callable

# The plugin's own needs beyond what any desktop has (from `objdump -p libqxcb.so`), as
# (library file, Debian/Ubuntu package). Qt prints a page of plugin messages without them.
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-util.so.1", "libxcb-util1"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    ("libxcb-sync.so.1", "libxcb-sync1"),
    ("libxcb-shm.so.0", "libxcb-shm0"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
)
PACKAGES = " ".join(package for _, package in XCB_LIBRARIES)


def loads(name: str) -> bool:
    """Whether the dynamic loader finds the library ``name``."""
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def missing_packages(can_load: Callable[[str], bool] = loads) -> list[str]:
    """The packages to install for the libraries the xcb plugin cannot load."""
    return [package for library, package in XCB_LIBRARIES if not can_load(library)]


def install_line(packages: list[str]) -> str:
    """One line telling what to install, or "" when nothing is missing."""
    if not packages:
        return ""
    return ("Qt cannot open a window on X11: system libraries are missing. Install them "
            f"(Debian/Ubuntu): sudo apt-get install {' '.join(packages)}")
