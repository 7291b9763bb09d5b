"""OPML from outliners and mind-map tools, ours reading back, and XML that must be refused."""

import time

import pytest

from fishbone.model import Category, Cause, Diagram
from sixstep.interchange import InterchangeError
from sixstep.interchange.opml import read_opml, write_opml

from .interchange_shapes import happy_burgers, shape, tree

MIND_MAP = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Late deliveries</title></head>
  <body>
    <outline text="Late deliveries">
      <outline text="People"><outline text="Drivers new" _note="Three started in May"/></outline>
      <outline text="Vehicles"/>
    </outline>
  </body>
</opml>
"""


def test_a_mind_map_export_has_its_central_topic_as_the_effect():
    outline = read_opml(MIND_MAP.encode("utf-8"))
    assert tree(outline) == ("Late deliveries", [("People", [("Drivers new", [])]),
                                                 ("Vehicles", [])])
    assert outline.headings[0].children[0].notes == "Three started in May"


def test_an_outliner_export_has_its_title_as_the_effect():
    text = ('<opml version="1.0"><head><title>Late deliveries</title></head><body>'
            '<outline text="People"><outline text="New drivers"/></outline>'
            '<outline title="Vehicles"/></body></opml>')
    assert tree(read_opml(text)) == (
        "Late deliveries", [("People", [("New drivers", [])]), ("Vehicles", [])])


def test_one_top_outline_under_a_different_title_is_a_heading():
    text = ('<opml version="2.0"><head><title>Late deliveries</title></head><body>'
            '<outline text="People"><outline text="New drivers"/></outline></body></opml>')
    assert tree(read_opml(text)) == ("Late deliveries", [("People", [("New drivers", [])])])


def test_round_trip_keeps_tree_statuses_votes_and_notes():
    diagram = happy_burgers()
    text = write_opml(diagram)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    assert shape(read_opml(text), status=True, notes=True) == shape(
        diagram, status=True, notes=True)


def test_awkward_texts_survive():
    texts = ['<b> & "quotes"', "line\nbreak\tand tab", "  \u00e9t\u00e9 \U0001f600", "]]>"]
    diagram = Diagram("Effect & <co>", [Category("people", "People")],
                      [Cause(f"c{i}", "people", None, t.strip(), notes=t)
                       for i, t in enumerate(texts)])
    outline = read_opml(write_opml(diagram))
    assert outline.effect == "Effect & <co>"
    assert [(c.text, c.notes) for c in outline.headings[0].children] == [
        (t.strip(), t) for t in texts]


def test_an_empty_diagram_round_trips():
    outline = read_opml(write_opml(Diagram("", [])))
    assert (outline.effect, outline.headings) == ("", [])


@pytest.mark.parametrize("text, message", [
    ('<?xml version="1.0"?>\n<!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa">\n'
     '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<opml><body><outline text="&b;"/>'
     '</body></opml>', "line 2: a DOCTYPE is not allowed"),
    ('<?xml version="1.0"?>\n<!DOCTYPE opml SYSTEM "file:///etc/passwd">\n<opml/>',
     "line 2: a DOCTYPE"),
    ("<opml><body>\n<outline text='a'>\n</opml>", "line 3, column 3: not well-formed"),
    ("<opml><body><outline text='&nope;'/></body></opml>", "line 1, column"),
    ("<html><body/></html>", "not OPML"),
    ("<opml><head/></opml>", "no <body>"),
    ("<opml><body><outline text='h'/>\n<outline text='a' status='maybe'/></body></opml>",
     "line 2: unknown status"),
    ("<opml><body><outline text='h'/>\n\n<outline text='a' votes='-1'/></body></opml>",
     "line 3: votes"),
])
def test_bad_or_unsafe_xml_is_refused_with_its_line(text, message):
    with pytest.raises(InterchangeError, match=message):
        read_opml(text)


def test_ten_thousand_nested_outlines_are_refused_quickly():
    text = ("<opml><body>" + "<outline text='x'>\n" * 10_000 + "</outline>" * 10_000
            + "</body></opml>")
    start = time.process_time()
    with pytest.raises(InterchangeError, match="levels deep"):
        read_opml(text.encode("utf-8"))
    assert time.process_time() - start < 1.0
