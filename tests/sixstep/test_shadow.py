"""The copy of a case kept by the journal's lines, and the process that writes it."""

from __future__ import annotations

import json

import pytest

import sixstep.shadow_process as shadow_process
from sample_cases import read_sample
from sixstep.caseio import dumps_case, loads_case
from sixstep.edits.criteria import AddCriterion
from sixstep.edits.fields import InsertItem, SetText
from sixstep.journal import encode_edit
from sixstep.shadow import Base, Line, ShadowCase, ShadowError, fingerprint
from sixstep.shadow_process import ShadowProcess


def a_case():
    return loads_case(read_sample("happy_burgers"))


def edited(case, edits) -> list[Line]:
    """Apply ``edits`` to ``case`` and return them as the journal's lines 1, 2..."""
    lines = []
    for number, edit in enumerate(edits, start=1):
        lines.append(Line(number, encode_edit(edit)))
        edit.apply(case)
    return lines


EDITS = (SetText(("title",), "Copied"), InsertItem(("problem", "symptoms"), "Cold \U0001f35f"),
         AddCriterion("Quiet", "want", 3.0, None, "k99"))


def test_the_copy_follows_the_lines_to_the_same_case():
    case = a_case()
    base = dumps_case(case, compact=True)
    lines = edited(case, EDITS)
    shadow = ShadowCase()
    shadow.follow([Base(0, base), *lines[:1]])
    shadow.follow(lines[1:])
    assert shadow.seq == 3
    assert shadow.encoded(fingerprint(case)) == dumps_case(case, compact=True)
    assert shadow.case() is not case


def test_a_copy_with_no_edit_gives_back_its_bytes_unparsed():
    shadow = ShadowCase()
    shadow.follow([Base(4, b"not even a case")])
    assert shadow.encoded() == b"not even a case"


def test_a_line_out_of_order_drops_the_copy():
    case = a_case()
    lines = edited(case, EDITS)
    shadow = ShadowCase()
    shadow.follow([Base(0, dumps_case(a_case(), compact=True))])
    with pytest.raises(ShadowError):
        shadow.follow([lines[1]])
    assert shadow.seq is None
    with pytest.raises(ShadowError):
        shadow.case()


def test_a_copy_that_differs_from_the_case_is_dropped():
    case = a_case()
    shadow = ShadowCase()
    shadow.follow([Base(0, dumps_case(case, compact=True)), *edited(case, EDITS)])
    case.title = "Changed behind the edits' back"
    with pytest.raises(ShadowError, match="differs"):
        shadow.encoded(fingerprint(case))
    assert shadow.seq is None


def test_a_line_that_will_not_apply_drops_the_copy():
    shadow = ShadowCase()
    shadow.follow([Base(0, dumps_case(a_case(), compact=True)),
                   Line(1, encode_edit(SetText(("nowhere",), "x")))])
    with pytest.raises(ShadowError, match="cannot follow"):
        shadow.encoded()


def written(target) -> tuple[dict, bytes]:
    head, _, body = target.read_bytes().partition(b"\n")
    return json.loads(head), body


def test_the_process_writes_the_copy_and_goes_when_closed(tmp_path):
    case = a_case()
    base = dumps_case(case, compact=True)
    lines = edited(case, EDITS)
    target = tmp_path / "deep" / "s.recovery"
    shadow = ShadowProcess()
    try:
        shadow.write([Base(0, base), *lines[:2]], None, target, b'{"n":1}\n')
        assert written(target) == ({"n": 1}, dumps_case(_applied(EDITS[:2]), compact=True))
        shadow.write(lines[2:], fingerprint(case), target, b'{"n":2}\n')
        assert written(target) == ({"n": 2}, dumps_case(case, compact=True))
        process = shadow._process
        assert process is not None and process.poll() is None
    finally:
        shadow.close()
    assert process.poll() is not None


def _applied(edits):
    case = a_case()
    for edit in edits:
        edit.apply(case)
    return case


def test_the_process_tells_a_lost_copy_and_a_write_error(tmp_path):
    case = a_case()
    shadow = ShadowProcess()
    try:
        shadow.follow([Base(0, dumps_case(case, compact=True))])
        folder = tmp_path / "in the way"
        folder.mkdir()
        with pytest.raises(OSError, match="a folder of that name is in the way"):
            shadow.write([], None, folder, b"{}\n")
        shadow.write([Line(1, encode_edit(EDITS[0]))], None, tmp_path / "s", b"{}\n")
        assert b'"title":"Copied"' in written(tmp_path / "s")[1]  # the copy outlived it
        with pytest.raises(ShadowError, match="does not follow"):
            shadow.write([Line(3, encode_edit(EDITS[2]))], None, tmp_path / "s", b"{}\n")
        shadow._process.kill()  # a process that died is started again, with no copy ...
        shadow._process.wait()
        with pytest.raises(ShadowError):
            shadow.write([Line(2, encode_edit(EDITS[1]))], None, tmp_path / "s", b"{}\n")
        shadow.write([Base(0, b"{}")], None, tmp_path / "s", b"{}\n")  # ... until a base
        assert written(tmp_path / "s") == ({}, b"{}")
    finally:
        shadow.close()


def test_without_a_process_the_copy_is_kept_in_this_thread(tmp_path, monkeypatch):
    monkeypatch.setattr(shadow_process.sys, "executable", str(tmp_path / "no-python"))
    case = a_case()
    base = dumps_case(case, compact=True)
    lines = edited(case, EDITS)
    shadow = ShadowProcess()
    shadow.write([Base(0, base), *lines], fingerprint(case), tmp_path / "s", b"{}\n")
    assert shadow._process is None and shadow._local is not None
    assert written(tmp_path / "s")[1] == dumps_case(case, compact=True)
    shadow.close()
