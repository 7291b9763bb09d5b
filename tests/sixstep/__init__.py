"""Tests of the case, its file format, steps, scoring and report (plain pytest, no Qt)."""
