"""Light and dark palettes that follow the desktop; font sizes for normal and projector mode."""

from __future__ import annotations

import re

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QProxyStyle, QStyle, QWidget

NORMAL_PT = 12.0
PROJECTOR_PT = 20.0  # the floor for every text in projector mode

# Font roles: (normal point size, projector point size, bold). Widgets opt in with
# ``set_role(widget, name)``; everything else inherits the window's base size.
ROLES: dict[str, tuple[float, float, bool]] = {
    "title": (26.0, 36.0, True),
    "heading": (18.0, 28.0, True),
    "subheading": (13.5, 22.0, True),
    "hint": (11.0, 20.0, False),
}
_ROLE_PROPERTY = "font_role"
_NORMAL_PROPERTY = "normal_point_size"


def set_role(widget: QWidget, role: str) -> QWidget:
    """Mark ``widget`` as a heading, title or hint: its size follows the mode."""
    widget.setProperty(_ROLE_PROPERTY, role)
    return widget


_LONG_WORD = re.compile(r"\S{25,}")
_BREAK = "\u200b"  # zero width space: a place a line may break, never shown


def breakable(text: str) -> str:
    """``text`` with invisible break chances inside very long words (a pasted link, a
    300-letter word), so a wrapping label never widens the window to fit one."""
    return _LONG_WORD.sub(
        lambda m: _BREAK.join(m.group()[i:i + 20] for i in range(0, len(m.group()), 20)), text)


class PlainLabel(QLabel):
    """A label for text people typed: always plain text, and long words can wrap."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt name
        super().setText(breakable(text))


def plain_tip(text: str) -> str:
    """``text`` for a tooltip, shown as typed: tooltips guess at rich text, so "<b>" would
    turn bold and "<img src=x>" would look for a picture."""
    return QtGui.Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal) if text else ""


def no_mnemonic(text: str) -> str:
    """Text for a menu, button or tick box that shows every "&" instead of reading it as
    an Alt-key marker (typed text such as "R&D" or "Fruit & Veg")."""
    return text.replace("&", "&&")


def one_line(text: str) -> str:
    """Typed text for a single-line place (a window title): newlines and runs of spaces
    become one space."""
    return " ".join(text.split())


def plain_label(text: str = "", role: str = "", wrap: bool = True,
                parent: QWidget | None = None) -> QLabel:
    """A label that shows text exactly as typed: never rich text."""
    label = PlainLabel("", parent)
    label.setWordWrap(wrap)
    label.setText(text)
    if role:
        set_role(label, role)
        _apply_role(label, role, projector=False)
    return label


def _apply_role(widget: QWidget, role: str, projector: bool) -> None:
    normal, big, bold = ROLES[role]
    font = QFont(widget.font())
    if font.pointSizeF() == (big if projector else normal) and font.bold() == bold:
        return  # already so: setting it again would still tell every child
    font.setPointSizeF(big if projector else normal)
    font.setBold(bold)
    widget.setFont(font)


def remember_normal_fonts(root: QWidget) -> None:
    """Note the normal size of every widget under ``root`` that sets its own font.

    Call it while ``root`` is in normal mode (before projector mode changes anything), so
    that leaving projector mode can put those sizes back.
    """
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.property(_ROLE_PROPERTY) in ROLES:
            continue
        if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
            size = widget.font().pointSizeF()
            if size > 0:
                widget.setProperty(_NORMAL_PROPERTY, size)


def scale_fonts(root: QWidget, projector: bool) -> None:
    """Size the fonts of ``root`` and its descendants for the mode.

    Widgets with a role get that role's size. Widgets that set their own font (another page's
    big countdown, say) keep it in normal mode and are scaled up, never below the floor, in
    projector mode. Everything else inherits the window's base size.
    """
    for widget in [root, *root.findChildren(QWidget)]:
        role = widget.property(_ROLE_PROPERTY)
        if role in ROLES:
            _apply_role(widget, role, projector)
            continue
        if widget is root or not widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
            continue
        normal = widget.property(_NORMAL_PROPERTY)
        if normal is None:
            normal = widget.font().pointSizeF()
            if normal <= 0:  # a pixel-sized font: leave it alone
                continue
            if not projector:
                widget.setProperty(_NORMAL_PROPERTY, normal)
        font = QFont(widget.font())
        size = float(normal)
        if projector:
            size = max(PROJECTOR_PT, size * PROJECTOR_PT / NORMAL_PT)
        if font.pointSizeF() != size:
            font.setPointSizeF(size)
            widget.setFont(font)


def scale_late(root: QWidget, projector: bool) -> None:
    """Size the fonts of ``root``, made after the window (a panel built on first use), for
    the mode, remembering its normal sizes first so that leaving projector mode restores them."""
    scale_fonts(root, False)
    remember_normal_fonts(root)
    if projector:  # in normal mode the first pass left every font right
        scale_fonts(root, True)


def set_base_font(window: QWidget, projector: bool) -> None:
    """The window's own font: every widget without a font of its own inherits it."""
    font = QFont(window.font())
    font.setPointSizeF(PROJECTOR_PT if projector else NORMAL_PT)
    window.setFont(font)


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hints is not None else Qt.ColorScheme.Unknown
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def _palette(colours: dict[str, str]) -> QPalette:
    pal = QPalette()
    roles = {
        "window": QPalette.ColorRole.Window, "text": QPalette.ColorRole.WindowText,
        "base": QPalette.ColorRole.Base, "alt": QPalette.ColorRole.AlternateBase,
        "button": QPalette.ColorRole.Button, "highlight": QPalette.ColorRole.Highlight,
        "highlighted_text": QPalette.ColorRole.HighlightedText,
        "tooltip": QPalette.ColorRole.ToolTipBase, "link": QPalette.ColorRole.Link,
        "placeholder": QPalette.ColorRole.PlaceholderText,
    }
    for name, role in roles.items():
        pal.setColor(role, QColor(colours[name]))
    pal.setColor(QPalette.ColorRole.Text, QColor(colours["text"]))
    pal.setColor(QPalette.ColorRole.ButtonText, QColor(colours["text"]))
    pal.setColor(QPalette.ColorRole.ToolTipText, QColor(colours["text"]))
    pal.setColor(QPalette.ColorRole.BrightText, QColor("#ff5555"))
    disabled = QColor(colours["placeholder"])
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return pal


LIGHT = {
    "window": "#f1f3f5", "text": "#1a1d21", "base": "#ffffff", "alt": "#e9eef5",
    "button": "#e4e8ec", "highlight": "#1c5fb8", "highlighted_text": "#ffffff",
    "tooltip": "#fffbe6", "link": "#1c5fb8", "placeholder": "#6b7280",
}
DARK = {
    "window": "#202327", "text": "#e8eaed", "base": "#16181b", "alt": "#2a2f36",
    "button": "#30353c", "highlight": "#3d8bfd", "highlighted_text": "#ffffff",
    "tooltip": "#33302a", "link": "#8ab4f8", "placeholder": "#9aa0a6",
}
# Projector: the same shapes with the contrast turned up as far as it goes.
LIGHT_PROJECTOR = {
    **LIGHT, "window": "#ffffff", "text": "#000000", "base": "#ffffff", "alt": "#e6ecf5",
    "button": "#dde3ea", "highlight": "#003c99", "placeholder": "#404040",
}
DARK_PROJECTOR = {
    **DARK, "window": "#000000", "text": "#ffffff", "base": "#000000", "alt": "#1f2a38",
    "button": "#262b33", "highlight": "#5aa0ff", "highlighted_text": "#000000",
    "placeholder": "#c8c8c8",
}


def resolve_dark(choice: str) -> bool:
    """``choice`` is the ``ui/theme`` setting: "system", "light" or "dark"."""
    if choice == "dark":
        return True
    if choice == "light":
        return False
    return system_prefers_dark()


_SCALED_METRICS = (
    QStyle.PixelMetric.PM_IndicatorWidth, QStyle.PixelMetric.PM_IndicatorHeight,
    QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
    QStyle.PixelMetric.PM_ScrollBarExtent, QStyle.PixelMetric.PM_SmallIconSize,
)


_OUTLINED = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
    QStyle.PrimitiveElement.PE_FrameLineEdit,
    QStyle.PrimitiveElement.PE_Frame,
)


class ScalingStyle(QProxyStyle):
    """Fusion, with tick boxes, radio buttons and scroll bars that grow with the font.

    On dark palettes Fusion outlines boxes in a shade darker than the window, which vanishes
    on black; we add a light outline so tick boxes and fields stay visible on a projector.
    """

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: ANN001, N802
        super().drawPrimitive(element, option, painter, widget)
        if element not in _OUTLINED:
            return
        palette = option.palette
        if palette.color(QPalette.ColorRole.Window).lightness() >= 128:
            return
        colour = QColor(palette.color(QPalette.ColorRole.WindowText))
        colour.setAlpha(150)
        painter.save()
        painter.setPen(colour)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
        painter.restore()

    def pixelMetric(self, metric, option=None, widget=None) -> int:  # noqa: ANN001, N802
        base = super().pixelMetric(metric, option, widget)
        if metric in _SCALED_METRICS and widget is not None:
            size = widget.font().pointSizeF()
            if size > NORMAL_PT:
                return round(base * size / NORMAL_PT)
        return base


def apply_theme(app: QApplication, choice: str = "system") -> bool:
    """Fusion with our light or dark palette; returns whether dark was chosen."""
    dark = resolve_dark(choice)
    if not isinstance(app.style(), ScalingStyle):
        app.setStyle(ScalingStyle("Fusion"))
    app.setPalette(_palette(DARK if dark else LIGHT))
    return dark


def window_palette(dark: bool, projector: bool) -> QPalette:
    if projector:
        return _palette(DARK_PROJECTOR if dark else LIGHT_PROJECTOR)
    return _palette(DARK if dark else LIGHT)


def current_is_dark() -> bool:
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
