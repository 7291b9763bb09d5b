"""Tests of the whole project: domain tests run without Qt, ui tests with pytest-qt."""
