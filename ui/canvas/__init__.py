"""The interactive fishbone canvas: scene, items, view, keys, menus and editing in place."""

from ui.canvas.scene import DiagramScene
from ui.canvas.view import DiagramView

__all__ = ["DiagramScene", "DiagramView"]
