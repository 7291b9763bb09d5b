"""CSV tables as spreadsheets write them: separators, quoting, byte-order marks, layouts."""

import pytest

from fishbone.model import Category, Cause, Diagram
from sixstep.interchange import InterchangeError, export_bytes, import_diagram
from sixstep.interchange.csv_table import read_csv, write_csv

from .interchange_shapes import happy_burgers, shape, tree


def test_semicolons_quoted_newlines_and_a_byte_order_mark():
    text = ('\ufeffHeading;Cause;Sub-cause;Status;Root cause;Votes;Notes\r\n'
            'People;"Tired; after\r\nnight shift";;Confirmed;yes;3;"said ""often"""\r\n'
            ';;No breaks;;;;\r\n'
            'Equipment;Oven;;ruled out;;;\r\n')
    outline = read_csv(text.encode("utf-8"))
    assert tree(outline) == ("", [("People", [("Tired; after\nnight shift", [("No breaks", [])])]),
                                  ("Equipment", [("Oven", [])])])
    tired = outline.headings[0].children[0]
    assert (tired.status, tired.root_cause, tired.votes, tired.notes) == (
        "confirmed", True, 3, 'said "often"')


def test_full_paths_and_indented_sheets_read_the_same():
    full = "heading,cause,sub-cause\nPeople,Tired,\nPeople,Tired,Long shifts\nPeople,Bored,\n"
    indented = "Category,Cause 1,Cause 2\nPeople,,\n,Tired,\n,,Long shifts\n,Bored,\n"
    expected = ("", [("People", [("Tired", [("Long shifts", [])]), ("Bored", [])])])
    assert tree(read_csv(full)) == expected == tree(read_csv(indented))


def test_a_path_column_and_headings_matched_across_the_table():
    text = "Path,Votes\nPeople > Tired,2\nEquipment > Oven\npeople > Tired > Long shifts\n"
    outline = read_csv(text)
    assert tree(outline) == ("", [("People", [("Tired", [("Long shifts", [])])]),
                                  ("Equipment", [("Oven", [])])])
    assert outline.headings[0].children[0].votes == 2


def test_tabs_unknown_columns_and_an_effect_column():
    text = "Effect\tHeading\tCause\tOwner\nSlow service\tPeople\tTired\tAnn\n"
    assert tree(read_csv(text)) == ("Slow service", [("People", [("Tired", [])])])


def test_round_trip_keeps_tree_statuses_votes_and_notes():
    diagram = happy_burgers()
    data = export_bytes("csv", diagram)
    assert data.startswith(b"\xef\xbb\xbfeffect,heading,cause,sub-cause,sub-cause 2,status,")
    assert shape(read_csv(data), status=True, notes=True) == shape(
        diagram, status=True, notes=True)


def test_formula_like_texts_are_guarded_and_read_back():
    texts = ["=1+1", "-5 degrees", "@home", "+44 line", "'quoted"]
    diagram = Diagram("E", [Category("people", "People")],
                      [Cause(f"c{i}", "people", None, t) for i, t in enumerate(texts)])
    written = write_csv(diagram)
    assert ",'=1+1," in written
    assert [c.text for c in import_diagram("csv", written).causes] == texts


def test_siblings_with_the_same_text_stay_apart():
    diagram = Diagram("E", [Category("people", "People")], [
        Cause("c1", "people", None, "Same"), Cause("c2", "people", "c1", "Child"),
        Cause("c3", "people", None, "Same"), Cause("c4", "people", "c3", "Other child"),
    ])
    assert shape(read_csv(write_csv(diagram))) == shape(diagram)


@pytest.mark.parametrize("text, message", [
    ("", "empty"),
    ("name,value\na,1\n", "needs a heading column"),
    ("heading,cause,status\nPeople,Tired,maybe\n", "line 2, column 3: unknown status"),
    ("heading,cause,votes\nPeople,Tired,3.5\n", "line 2, column 3: votes"),
    ("heading,cause,votes\nPeople,Tired,1\n,,\n,Bored,1e3\n", "line 4, column 3"),
    ('heading,cause\nPeople,"Tired\nand\n', "not valid CSV"),
    ("heading,cause\n,Tired\n", "line 2, column 1: no heading"),
    ("heading,cause,sub-cause 3\nA,b,c\n", "no column for cause level 2"),
    ("heading,path\nA,b\n", "either a path column"),
])
def test_bad_tables_name_the_line_and_column(text, message):
    with pytest.raises(InterchangeError, match=message):
        read_csv(text)
