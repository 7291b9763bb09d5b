"""Everything that uses PySide6: windows, canvas, commands, exports, command line."""
