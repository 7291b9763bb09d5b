"""Shared helpers for the interchange tests: a tree as plain nested tuples, the samples."""

from __future__ import annotations

from pathlib import Path

from fishbone.model import Diagram
from sixstep.caseio import load_case
from sixstep.interchange import Outline, outline_from_diagram
from sixstep.interchange.outline import walk

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "sample_cases").glob("*.case.json"))


def shape(source: Diagram | Outline, status: bool = False, notes: bool = False) -> tuple:
    """(effect, [(depth, text[, status, root, votes][, notes]) ...]) in reading order."""
    outline = source if isinstance(source, Outline) else outline_from_diagram(source)
    rows = []
    for depth, node in walk(outline.headings):
        row: tuple = (depth, node.text)
        if status and depth > 1:
            row += (node.status, node.root_cause, node.votes)
        if notes and depth > 1:
            row += (node.notes,)
        rows.append(row)
    return outline.effect, rows


def tree(outline: Outline) -> tuple:
    """(effect, [(text, [children...]) ...]) for comparing with a tree written by hand."""
    def node(n):
        return (n.text, [node(c) for c in n.children])
    return outline.effect, [node(h) for h in outline.headings]


def happy_burgers() -> Diagram:
    return load_case(SAMPLES[[p.name for p in SAMPLES].index("happy_burgers.case.json")]).fishbone
