"""How the fishbone looks: fonts per text role, colour palettes, and a Qt text measurer."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from PySide6.QtGui import QFont, QFontMetricsF

# Families tried in order; Qt falls back to its default sans serif when none is installed.
FAMILIES: tuple[str, ...] = (
    "DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial", "Liberation Sans",
)


@dataclass(frozen=True)
class FontSpec:
    """One font: family, size in layout units (1 unit = 1 pt in exports), bold or not."""

    family: str
    size: float
    bold: bool = False


@dataclass(frozen=True)
class DiagramStyle:
    """Fonts, colours ("#rrggbb") and pen widths used to paint a fishbone."""

    def __hash__(self) -> int:
        """Worked out once: painting looks up fonts and measurers by style thousands of times
        a frame, and the generated hash would combine every field each time."""
        cached = self.__dict__.get("_hash")
        if cached is None:
            cached = hash(tuple(getattr(self, f.name) for f in fields(self)))
            object.__setattr__(self, "_hash", cached)
        return cached

    name: str
    head_font: FontSpec = FontSpec(FAMILIES[0], 22, True)
    category_font: FontSpec = FontSpec(FAMILIES[0], 19, True)
    cause_font: FontSpec = FontSpec(FAMILIES[0], 15)
    subcause_font: FontSpec = FontSpec(FAMILIES[0], 13)
    mark_font: FontSpec = FontSpec(FAMILIES[0], 9, True)  # tags, vote counts, "+N"
    line_spacing: float = 1.18  # line height as a multiple of the font's own height
    mark_size: float = 1.0  # badges, vote dots and note folds, as a multiple of their own size

    background: str = "#ffffff"
    spine: str = "#243b53"
    bone: str = "#334e68"
    cause_line: str = "#829ab1"
    head_fill: str = "#243b53"
    head_text: str = "#ffffff"
    category_fill: str = "#486581"
    category_text: str = "#ffffff"
    cause_fill: str = "#ffffff"
    cause_text: str = "#102a43"
    possible: str = "#9fb3c8"  # thin outline
    confirmed: str = "#2f9e44"  # solid outline + check badge
    ruled_out: str = "#7b8794"  # faded, struck-through text + cross badge
    root_cause: str = "#d9480f"  # thick border + "ROOT" tag
    root_fill: str = "#fff4e6"
    mark_text: str = "#ffffff"  # text on badges and tags
    vote: str = "#1971c2"
    note: str = "#f59f00"
    collapsed: str = "#627d98"
    selection: str = "#1c7ed6"
    drop_target: str = "#37b24d"

    spine_width: float = 7.0
    bone_width: float = 3.5
    cause_line_width: float = 1.8
    subcause_line_width: float = 1.3
    outline_width: float = 1.3
    strong_outline_width: float = 2.4
    root_outline_width: float = 3.6

    def font_spec(self, role: str) -> FontSpec:
        specs = {
            "head": self.head_font,
            "category": self.category_font,
            "cause": self.cause_font,
            "subcause": self.subcause_font,
            "mark": self.mark_font,
        }
        try:
            return specs[role]
        except KeyError:
            raise ValueError(f"unknown text role {role!r}") from None


LIGHT = DiagramStyle(name="light")

DARK = DiagramStyle(
    name="dark",
    background="#1b1f24",
    spine="#bcccdc",
    bone="#9fb3c8",
    cause_line="#627d98",
    head_fill="#d9e2ec",
    head_text="#102a43",
    category_fill="#334e68",
    category_text="#f0f4f8",
    cause_fill="#242a31",
    cause_text="#e6edf3",
    possible="#52606d",
    confirmed="#51cf66",
    ruled_out="#6b7785",
    root_cause="#ff8c42",
    root_fill="#3b2616",
    mark_text="#102a43",
    vote="#74c0fc",
    note="#fcc419",
    collapsed="#9fb3c8",
    selection="#4dabf7",
    drop_target="#69db7c",
)

# White background, black text, heavier lines and bigger text: for washed-out projectors.
PROJECTOR = replace(
    LIGHT,
    name="projector",
    head_font=FontSpec(FAMILIES[0], 26, True),
    category_font=FontSpec(FAMILIES[0], 22, True),
    cause_font=FontSpec(FAMILIES[0], 18, True),
    subcause_font=FontSpec(FAMILIES[0], 16, True),
    mark_font=FontSpec(FAMILIES[0], 11, True),
    spine="#000000",
    bone="#000000",
    cause_line="#334e68",
    head_fill="#000000",
    category_fill="#102a43",
    cause_text="#000000",
    possible="#52606d",
    confirmed="#087f23",
    ruled_out="#7b8794",
    root_cause="#c92a2a",
    root_fill="#ffe3e3",
    spine_width=9.0,
    bone_width=4.5,
    cause_line_width=2.4,
    subcause_line_width=1.8,
    outline_width=1.8,
    strong_outline_width=3.0,
    root_outline_width=4.5,
)

# The projector's sizes and line weights on a black background, for a dark room or theme.
PROJECTOR_DARK = replace(
    DARK,
    name="projector_dark",
    **{f: getattr(PROJECTOR, f) for f in (
        "head_font", "category_font", "cause_font", "subcause_font", "mark_font",
        "spine_width", "bone_width", "cause_line_width", "subcause_line_width",
        "outline_width", "strong_outline_width", "root_outline_width")},
    background="#000000",
    spine="#ffffff",
    bone="#e6edf3",
    cause_line="#9fb3c8",
    head_fill="#ffffff",
    head_text="#000000",
    cause_fill="#000000",
    cause_text="#ffffff",
    possible="#9fb3c8",
)

# The light colours with small fonts, thin lines and small marks: a big diagram exported as
# one picture, laid out with fishbone.geometry.DENSE_OPTIONS (not a screen style).
DENSE = replace(
    LIGHT,
    name="dense",
    head_font=FontSpec(FAMILIES[0], 16, True),
    category_font=FontSpec(FAMILIES[0], 13, True),
    cause_font=FontSpec(FAMILIES[0], 10),
    subcause_font=FontSpec(FAMILIES[0], 8),
    mark_font=FontSpec(FAMILIES[0], 7, True),
    line_spacing=1.05,
    mark_size=0.6,
    spine_width=5.0,
    bone_width=2.5,
    cause_line_width=1.2,
    subcause_line_width=0.9,
    outline_width=0.9,
    strong_outline_width=1.6,
    root_outline_width=2.4,
)

STYLES: dict[str, DiagramStyle] = {
    s.name: s for s in (LIGHT, DARK, PROJECTOR, PROJECTOR_DARK)}


def make_font(spec: FontSpec) -> QFont:
    """A QFont sized in pixels, so one layout unit is one unit on any paint device."""
    font = QFont()
    font.setFamilies(list(dict.fromkeys((spec.family, *FAMILIES))))
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPixelSize(max(1, round(spec.size)))
    font.setBold(spec.bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(True)
    return font


class QtTextMeasurer:
    """The layout's TextMeasurer backed by QFontMetricsF (needs a QGuiApplication)."""

    def __init__(self, style: DiagramStyle = LIGHT) -> None:
        self.style = style
        self._fonts: dict[str, QFont] = {}
        self._metrics: dict[str, QFontMetricsF] = {}
        self._widths: dict[tuple[str, str], float] = {}

    def font_for(self, role: str) -> QFont:
        font = self._fonts.get(role)
        if font is None:
            font = self._fonts[role] = make_font(self.style.font_spec(role))
        return QFont(font)

    def metrics(self, role: str) -> QFontMetricsF:
        fm = self._metrics.get(role)
        if fm is None:
            fm = self._metrics[role] = QFontMetricsF(self.font_for(role))
        return fm

    def width(self, text: str, role: str) -> float:
        key = (text, role)
        w = self._widths.get(key)
        if w is None:
            w = self._widths[key] = self.metrics(role).horizontalAdvance(text)
        return w

    def line_height(self, role: str) -> float:
        return self.metrics(role).height() * self.style.line_spacing

    def ascent(self, role: str) -> float:
        return self.metrics(role).ascent()

    def descent(self, role: str) -> float:
        return self.metrics(role).descent()
