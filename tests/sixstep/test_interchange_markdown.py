"""Markdown outlines as people and other tools write them, and ours reading back the same."""

import pytest

from fishbone.model import Category, Cause, Diagram
from sixstep.interchange import InterchangeError
from sixstep.interchange.markdown import read_markdown, write_markdown

from .interchange_shapes import happy_burgers, shape, tree


def test_a_plain_outline_with_a_title():
    text = "# Orders go missing\n\n- People\n  - New staff\n    - No induction\n- Systems\n"
    assert tree(read_markdown(text)) == (
        "Orders go missing", [("People", [("New staff", [("No induction", [])])]),
                              ("Systems", [])])


def test_bullets_numbers_tabs_mixed_indentation_crlf_bom_and_blank_lines():
    text = ("\ufeff# Effect\r\n\r\n* Equipment\r\n\t+ Old oven\r\n\t\t1. Thermostat\r\n"
            "\t\t2) Door seal\r\n\r\n    - Fryer\r\n+ People\r\n   - Tired\r\n\r\n")
    outline = read_markdown(text.encode("utf-8"))
    assert tree(outline) == ("Effect", [
        ("Equipment", [("Old oven", [("Thermostat", []), ("Door seal", [])]), ("Fryer", [])]),
        ("People", [("Tired", [])]),
    ])


def test_three_space_and_four_space_styles_nest_by_relative_indentation():
    text = "- A\n   - a1\n      - a11\n   - a2\n- B\n    - b1\n"
    assert tree(read_markdown(text)) == (
        "", [("A", [("a1", [("a11", [])]), ("a2", [])]), ("B", [("b1", [])])])


def test_headings_as_levels_with_bullets_under_them():
    text = ("---\ntags: [fishbone]\n---\n# Effect\n\n## Equipment\n- Oven\n  - Seal\n"
            "### Fryer\n- Oil old\n## People\n- Tired\n")
    assert tree(read_markdown(text)) == ("Effect", [
        ("Equipment", [("Oven", [("Seal", [])]), ("Fryer", [("Oil old", [])])]),
        ("People", [("Tired", [])]),
    ])


def test_task_boxes_and_continuation_lines():
    text = "- People\n  - [ ] Ask the\n    night shift\n  - [x] Done one\n"
    outline = read_markdown(text)
    assert [c.text for c in outline.headings[0].children] == ["Ask the\nnight shift", "Done one"]


def test_the_suffix_reads_status_root_and_votes():
    text = ("- People\n  - Tired [confirmed, root, 3 votes]\n  - Bored [Ruled out]\n"
            "  - Hungry [1 vote]\n  - Draft [todo]\n  - Tagged[confirmed]\n")
    causes = read_markdown(text).headings[0].children
    got = [(c.text, c.status, c.root_cause, c.votes) for c in causes]
    assert got == [("Tired", "confirmed", True, 3), ("Bored", "ruled_out", False, 0),
                   ("Hungry", "possible", False, 1), ("Draft [todo]", "possible", False, 0),
                   ("Tagged[confirmed]", "possible", False, 0)]


def test_round_trip_keeps_the_tree_statuses_root_causes_and_votes():
    diagram = happy_burgers()
    text = write_markdown(diagram)
    assert text.startswith("# Customer leaves frustrated\n\n- Equipment\n")
    assert "  - Till cannot amend a sent order [confirmed, root, 6 votes]\n" in text
    assert shape(read_markdown(text), status=True) == shape(diagram, status=True)


@pytest.mark.parametrize("text", [
    "Ends in brackets [confirmed]", "[ ] looks like a task", "back\\slash \\[x\\]",
    "two\nlines", "three\n- dash line\n1. number line", "# hash", "", "trailing ]",
])
def test_texts_that_look_like_markup_read_back(text):
    diagram = Diagram("E #", [Category("people", "People")],
                      [Cause("c1", "people", None, text, "confirmed", votes=2)])
    outline = read_markdown(write_markdown(diagram))
    assert outline.effect == "E #"
    cause = outline.headings[0].children[0]
    assert (cause.text, cause.status, cause.votes) == (text, "confirmed", 2)


@pytest.mark.parametrize("text, where", [
    ("- A\n\nSome paragraph\n", "line 3"),
    ("Intro text\n- A\n", "line 1"),
    ("- A\n  - b [confirmed, 99999999 votes]\n", "line 2"),
])
def test_bad_input_names_the_line(text, where):
    with pytest.raises(InterchangeError, match=where):
        read_markdown(text)
