"""The interactive fishbone canvas: scene, items, view, keys, menus and editing in place."""

from ui.fishbone_editor.canvas.scene import DiagramScene
from ui.fishbone_editor.canvas.view import DiagramView

__all__ = ["DiagramScene", "DiagramView"]
