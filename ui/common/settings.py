"""The app's settings: one table of (key, type, default, meaning) over QSettings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

ORGANIZATION = "ProblemWorkshop"
APPLICATION = "Problem Workshop"
MAX_RECENT = 8
MAX_CASE_STEPS = 40


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    meaning: str


SETTINGS: tuple[Setting, ...] = (
    Setting("recent_files", list, [], "Case files opened or saved lately, newest first."),
    Setting("case_steps", list, [], "The step each case was left at: 'N path', newest first."),
    Setting("last_directory", str, "", "Folder the Open and Save dialogs start in."),
    Setting("window/geometry", bytes, b"", "Size and place of the main window."),
    Setting("ui/show_guidance", bool, True, "Show the facilitator's guidance above each step."),
    Setting("ui/theme", str, "system", "Colours: 'system' (follow the desktop), 'light', 'dark'."),
    Setting("export/format", str, "png", "Diagram export format last chosen: png, pdf or svg."),
    Setting("export/dpi", int, 150, "PNG export resolution in dots per inch."),
    Setting("export/transparent", bool, False, "PNG export with a transparent background."),
    Setting("export/key", bool, False, "PNG export with the title and key, as the PDF page."),
    Setting("export/page", str, "A4", "PDF export page size: A4, A3 or Letter."),
    Setting("export/poster", bool, False, "PDF export as a poster over several pages."),
)
_BY_KEY = {s.key: s for s in SETTINGS}


def _coerce(setting: Setting, raw: Any) -> Any:
    """QSettings hands back strings from INI files and None for empty lists: fix that up."""
    if raw is None:
        return setting.default
    if setting.type is bool:
        if isinstance(raw, str):
            return raw.strip().lower() in ("1", "true", "yes")
        return bool(raw)
    if setting.type is list:
        if isinstance(raw, str):
            return [raw] if raw else []
        return [str(v) for v in raw] if isinstance(raw, (list, tuple)) else setting.default
    if setting.type is bytes:
        try:
            return bytes(raw)
        except TypeError:
            return setting.default
    try:
        return setting.type(raw)
    except (TypeError, ValueError):
        return setting.default


class AppSettings:
    """Typed access to the settings table.

    ``AppSettings()`` uses the user's QSettings store; ``AppSettings.in_memory()`` keeps
    values in a dict (tests, screenshots), so those never touch a user's settings.
    """

    def __init__(self, store: QSettings | None = None, memory: bool = False) -> None:
        self._memory: dict[str, Any] | None = {} if memory else None
        self._store = None if memory else (store or QSettings(ORGANIZATION, APPLICATION))

    @classmethod
    def in_memory(cls) -> AppSettings:
        return cls(memory=True)

    def value(self, key: str) -> Any:
        setting = _BY_KEY[key]
        if self._memory is not None:
            raw = self._memory.get(key)
        else:
            raw = self._store.value(key)
        value = _coerce(setting, raw)
        return list(value) if isinstance(value, list) else value

    def set_value(self, key: str, value: Any) -> None:
        setting = _BY_KEY[key]
        value = _coerce(setting, value)
        if self._memory is not None:
            self._memory[key] = value
        else:
            self._store.setValue(key, value)

    def recent_files(self) -> list[Path]:
        return [Path(p) for p in self.value("recent_files")]

    def add_recent_file(self, path: Path) -> None:
        text = str(Path(path).resolve())
        recent = [p for p in self.value("recent_files") if p != text]
        self.set_value("recent_files", [text, *recent][:MAX_RECENT])

    def remove_recent_file(self, path: Path) -> None:
        text = str(Path(path).resolve())
        self.set_value("recent_files", [p for p in self.value("recent_files") if p != text])

    def clear_recent_files(self) -> None:
        self.set_value("recent_files", [])

    def case_step(self, path: Path) -> int | None:
        """The step the case at ``path`` was left at, if it was opened before."""
        text = str(Path(path).resolve())
        for line in self.value("case_steps"):
            number, _, where = line.partition(" ")
            if where == text and number.isdigit():
                return int(number)
        return None

    def set_case_step(self, path: Path, step: int) -> None:
        text = str(Path(path).resolve())
        kept = [line for line in self.value("case_steps") if line.partition(" ")[2] != text]
        self.set_value("case_steps", [f"{step} {text}", *kept][:MAX_CASE_STEPS])
