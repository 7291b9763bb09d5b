"""Copy and paste as text: a branch as a Markdown outline that reads back with its marks, and
pasted Mermaid, Markdown or plain indented lines read into the same tree."""

from __future__ import annotations

import pytest

from fishbone.model import Category, Cause, Diagram
from sixstep.interchange import InterchangeError, paste_plan
from sixstep.interchange.clipboard import copy_text, read_pasted


def fishbone() -> Diagram:
    return Diagram("Orders go wrong", [Category("people", "People"), Category("kit", "Kit")], [
        Cause("c1", "people", None, "Rushed", "confirmed", True, 3),
        Cause("c2", "people", "c1", "Short staffed"),
        Cause("c3", "people", "c2", "Sick leave [not a mark]"),
        Cause("c4", "people", None, "Noise"),
        Cause("c5", "kit", None, "Old till"),
    ])


def tree(outline) -> list:
    def one(node):
        return (node.text, node.status, node.root_cause, node.votes,
                [one(child) for child in node.children])
    return [one(node) for node in outline.headings]


def test_a_cause_branch_is_a_markdown_outline_with_its_marks():
    text = copy_text(fishbone(), "cause", "c1")
    assert text == ("- Rushed [confirmed, root, 3 votes]\n  - Short staffed\n"
                    "    - Sick leave [not a mark\\]\n")
    assert tree(read_pasted(text)) == [
        ("Rushed", "confirmed", True, 3, [("Short staffed", "possible", False, 0, [
            ("Sick leave [not a mark]", "possible", False, 0, [])])])]


def test_a_heading_and_the_head_copy_their_causes_too():
    assert copy_text(fishbone(), "category", "kit") == "- Kit\n  - Old till\n"
    whole = copy_text(fishbone(), "head", "head")
    assert whole.startswith("# Orders go wrong\n\n- People\n  - Rushed [confirmed")


@pytest.mark.parametrize("text", [
    "- A\n  - A1\n- B\n",
    "* A\r\n\t* A1\r\n* B\r\n",
    "\ufeff1. A\n   1. A1\n2. B\n",
    "ishikawa-beta\n    Effect here\n  A\n    A1\n  B\n",
    "%% from the wiki\nISHIKAWA\nEffect\nA\n A1\nB\n",
    "A\n  A1\n\nB\n",  # plain lines, as typed from sticky notes
])
def test_pasted_text_in_each_shape_gives_the_same_tree(text):
    assert tree(read_pasted(text)) == [
        ("A", "possible", False, 0, [("A1", "possible", False, 0, [])]),
        ("B", "possible", False, 0, [])]


def test_pasted_top_lines_become_causes_under_the_target():
    d = fishbone()
    plan = paste_plan(d, read_pasted("- A\n  - A1\n"), "people", "c4")
    assert [(parent, c.text) for _, parent, c in plan.causes] == [("c4", "A"), ("c6", "A1")]


@pytest.mark.parametrize("text, where", [
    ("- A\n  - B [9999999 votes]\n", "line 2"),
    ("ishikawa\nEffect\n" + " " * 3 + "x\n" + "".join(" " * (i + 4) + "y\n"
                                                        for i in range(60)), "line"),
    ("A\n\x00B\n", "line 2"),
])
def test_bad_pasted_text_names_the_line(text, where):
    with pytest.raises(InterchangeError, match=where):
        read_pasted(text)
