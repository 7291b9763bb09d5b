"""Tests of the window, pages, canvas and exports (pytest-qt, offscreen)."""
