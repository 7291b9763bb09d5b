"""Mermaid ishikawa: Mermaid's own examples read as Mermaid reads them, labels escaped so
that what we write renders as the same tree (expected trees checked against Mermaid 11.17)."""

import pytest

from fishbone.model import Category, Cause, Diagram
from sixstep.interchange import InterchangeError, import_diagram
from sixstep.interchange.mermaid import encode_label, read_mermaid, write_mermaid

from .interchange_shapes import happy_burgers, shape, tree

DOCS_EXAMPLE = """ishikawa-beta
    Blurry Photo
    Process
        Out of focus
        Shutter speed too slow
        Protective film not removed
        Beautification filter applied
    User
        Shaky hands
    Equipment
        LENS
            Inappropriate lens
            Damaged lens
            Dirty lens
        SENSOR
            Damaged sensor
            Dirty sensor
    Environment
        Subject moved too quickly
        Too dark
"""


def test_the_documentation_example():
    outline = read_mermaid(DOCS_EXAMPLE)
    assert outline.effect == "Blurry Photo"
    assert [h.text for h in outline.headings] == ["Process", "User", "Equipment", "Environment"]
    equipment = outline.headings[2]
    assert [c.text for c in equipment.children] == ["LENS", "SENSOR"]
    assert [c.text for c in equipment.children[1].children] == ["Damaged sensor", "Dirty sensor"]


def test_an_unindented_root_and_nested_causes():
    outline = read_mermaid("ishikawa-beta\nProblem\nCause A\n  Subcause A1\nCause B\n")
    assert tree(outline) == ("Problem", [("Cause A", [("Subcause A1", [])]), ("Cause B", [])])


def test_the_effect_indented_deeper_than_its_causes():
    text = "ishikawa\n          Effect deep\n  Heading A\n    cause 1\n      sub 1\n    cause 2\n"
    assert tree(read_mermaid(text)) == (
        "Effect deep", [("Heading A", [("cause 1", [("sub 1", [])]), ("cause 2", [])])])


def test_the_first_cause_sets_the_base_and_shallower_lines_are_headings():
    text = "ishikawa-beta\n  E\n      H1\n        c1\n    H2\n  H3\n        c3\n"
    assert tree(read_mermaid(text)) == (
        "E", [("H1", [("c1", [])]), ("H2", []), ("H3", [("c3", [])])])


def test_a_very_deep_diagram_with_uneven_steps():
    text = ("ishikawa-beta\n    Very deep\n    Cause 2\n      2-2\n        2-2-2\n"
            "          2-2-2-1\n            2-2-2-1-1\n          2-2-2-1\n    Cause 3\n"
            "       3-1\n         3-1-1\n            3-1-1-1\n")
    assert tree(read_mermaid(text)) == ("Very deep", [
        ("Cause 2", [("2-2", [("2-2-2", [("2-2-2-1", [("2-2-2-1-1", [])]),
                                          ("2-2-2-1", [])])])]),
        ("Cause 3", [("3-1", [("3-1-1", [("3-1-1-1", [])])])]),
    ])


def test_comments_directives_front_matter_and_blank_lines_are_skipped():
    text = ("---\ntitle: Burgers\nconfig:\n  theme: forest\n---\n%%{init: {'theme': 'dark'}}%%\n"
            "%% a comment before\nISHIKAWA-BETA\n  %% comment inside\n  Effect %% not a comment\n"
            "    Heading\n      %%{init: {\n        'theme': 'base'}}%%\n      cause one\n\n"
            "      cause two\n")
    assert tree(read_mermaid(text)) == (
        "Effect %% not a comment", [("Heading", [("cause one", []), ("cause two", [])])])


def test_tabs_count_as_one_crlf_and_byte_order_mark():
    text = "\ufeffishikawa-beta\r\n\tEffect\r\n\t\tH\r\n\t\t\tc1\r\n\t\t  c2\r\n\t\tH2\r\n"
    outline = read_mermaid(text.encode("utf-8"))
    assert tree(outline) == ("Effect", [("H", [("c1", [("c2", [])])]), ("H2", [])])


def test_the_effect_may_follow_the_keyword_on_the_header_line():
    assert tree(read_mermaid("ishikawa The effect\n  H\n    c\n")) == (
        "The effect", [("H", [("c", [])])])


def test_unlimited_depth_within_the_limit():
    text = "ishikawa-beta\nE\n" + "".join(" " * i + f"n{i}\n" for i in range(1, 45))
    outline = read_mermaid(text)
    depth, node = 0, outline.headings
    while node:
        depth, node = depth + 1, node[0].children
    assert depth == 44


@pytest.mark.parametrize("text", [
    "Ishikawa effect", "ishikawa-beta", "%% not a comment", "a < b & c > d", "R&D",
    "Line one\nline two", "Issue #12; here", "&#169; literal", "[]", "literal <br> tag",
    "50% a;b x#y", "\u00dcn\u00ef \U0001f600", "---", "%%{init: {}}%%", "tab\tinside",
])
def test_labels_are_escaped_and_read_back(text):
    written = encode_label(text)
    assert not written.lower().startswith(("ishikawa", "%%")) and "\n" not in written
    diagram = Diagram("E", [Category("people", "People")], [Cause("c1", "people", None, text)])
    assert import_diagram("mermaid", write_mermaid(diagram)).causes[0].text == text


def test_escapes_are_entity_codes_mermaid_understands():
    assert encode_label("Ishikawa effect") == "#73;shikawa effect"
    assert encode_label("a < b") == "a #60; b"
    assert encode_label("Issue #12; here") == "Issue #35;12; here"
    assert encode_label("two\nlines") == "two<br>lines"
    assert encode_label("") == "#32;"


def test_export_is_ishikawa_beta_two_spaces_and_no_blank_lines():
    text = write_mermaid(happy_burgers())
    lines = text.splitlines()
    assert lines[0] == "ishikawa-beta"
    assert lines[1] == "  Customer leaves frustrated"
    assert lines[2] == "    Equipment"
    assert lines[3] == "      Kitchen screen shows cancellations late"
    assert all(line.strip() for line in lines)
    assert all((len(line) - len(line.lstrip(" "))) % 2 == 0 for line in lines)


def test_round_trip_keeps_texts_order_and_nesting():
    diagram = happy_burgers()
    assert shape(read_mermaid(write_mermaid(diagram))) == shape(diagram)


@pytest.mark.parametrize("text, where", [
    ("flowchart TD\n  A --> B\n", "line 1"),
    ("%% only a comment\n\n", "no Mermaid ishikawa"),
    ("---\ntitle: x\nishikawa\n  E\n", "line 1"),
    ("ishikawa\n  E\n  %%{init: {\n", "line 3"),
])
def test_bad_input_names_the_line(text, where):
    with pytest.raises(InterchangeError, match=where):
        read_mermaid(text)
