"""The journal's codec: every edit the edits' own tests make (and every inverse they get back)
turns into one line of JSON and back into an equal edit that does the same to a case."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fishbone.model import Category, Cause
from sixstep.case import Action, Alternative, Criterion, Score, Term
from sixstep.caseio import CaseFormatError, dumps_case, loads_case
from sixstep.edits.base import Edit, Sequence
from sixstep.edits.fields import InsertItem, SetText
from sixstep.journal import (
    JournalError,
    decode_edit,
    encode_edit,
    encode_header,
    encode_record,
    read_journal,
    registry,
    replay,
)
from tests.sixstep.edit_support import small_case

HERE = Path(__file__).parent
EDIT_TESTS = sorted(str(p) for p in HERE.glob("test_edits_*.py")) + [
    str(HERE / "test_room_edits.py")]
EDIT_KINDS = {name for name, kind in registry().items() if issubclass(kind, Edit)}


class Recorder:
    """A pytest plugin: while the edit tests run, every outermost ``apply`` is kept with the
    file before and after it (when the case can be written to a file)."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, bytes | None, bytes | None]] = []
        self.inverses: list[Edit] = []
        self.depth = 0

    def pytest_sessionstart(self, session: Any) -> None:
        self.patches = []
        for kind in registry().values():
            if issubclass(kind, Edit) and "apply" in vars(kind):
                self.patches.append((kind, vars(kind)["apply"]))
                kind.apply = self._wrap(vars(kind)["apply"])

    def pytest_sessionfinish(self, session: Any) -> None:
        for kind, original in self.patches:
            kind.apply = original

    def _wrap(self, original: Any) -> Any:
        recorder = self

        def apply(edit: Edit, case: Any) -> Any:
            outer = recorder.depth == 0
            before = _file(case) if outer else None
            line = encode_edit(edit) if outer else ""  # as the journal does: before it applies
            recorder.depth += 1
            try:
                applied = original(edit, case)
            finally:
                recorder.depth -= 1
            recorder.inverses.append(applied.inverse)  # inner ones too (a Sequence's parts)
            if outer:
                recorder.seen.append((line, before, _file(case)))
            return applied
        return apply


def _file(case: Any) -> bytes | None:
    try:
        return dumps_case(case, compact=True)
    except (ValueError, TypeError, AttributeError):
        return None


@pytest.fixture(scope="module")
def recorded() -> Recorder:
    recorder = Recorder()
    code = pytest.main(["-q", "-p", "no:cacheprovider", "-p", "no:randomly", "-n", "0",
                        *EDIT_TESTS],
                       plugins=[recorder])
    assert code == 0
    assert len(recorder.seen) > 100
    return recorder


def _normal(data: bytes) -> bytes:
    """The file as the loader reads it (it writes 10.0 as 10, say)."""
    return dumps_case(loads_case(data))


def _same(a: Any, b: Any) -> bool:
    """Equal, with NaN equal to itself."""
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if dataclasses.is_dataclass(a) and not isinstance(a, type):
        return type(a) is type(b) and all(
            _same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    if isinstance(a, (tuple, list)):
        return type(a) is type(b) and len(a) == len(b) and all(map(_same, a, b))
    if isinstance(a, dict):
        return type(b) is dict and a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def test_every_edit_kind_and_every_inverse_round_trips(recorded):
    kinds = set()
    for edit in [decode_edit(line) for line, _, _ in recorded.seen] + recorded.inverses:
        line = encode_edit(edit)
        assert "\n" not in line and line.isascii()
        back = decode_edit(line)
        assert _same(back, edit), line
        kinds.add(type(edit).__name__)
    missing = EDIT_KINDS - kinds - {"Nothing"}
    assert not missing, f"no test made these edits: {sorted(missing)}"


def _replay(recorded: Recorder, stride: int) -> int:
    """Decode every ``stride``-th recorded edit and apply it to the case it was applied to."""
    replayed = 0
    for line, before, after in recorded.seen[::stride]:
        if before is None or after is None or before == after:
            continue
        try:
            case = loads_case(before)
            expected = _normal(after)
        except CaseFormatError:
            continue  # a test's case the loader would not take: nothing to compare
        decode_edit(line).apply(case)
        assert _normal(dumps_case(case)) == expected, line
        replayed += 1
    return replayed


def test_a_decoded_edit_does_to_a_case_what_the_edit_did(recorded):
    # every fourth edit by default (each needs two loads and two saves); all with -m slow
    assert _replay(recorded, 4) > 100


@pytest.mark.slow
def test_every_decoded_edit_does_to_a_case_what_the_edit_did(recorded):
    assert _replay(recorded, 1) > 100


def test_a_journal_replays_in_order_and_ignores_a_torn_last_line():
    case = small_case()
    start = dumps_case(case, compact=True)
    edits = [SetText(("title",), "One"), InsertItem(("selection", "actions"), Action("Call")),
             SetText(("title",), "Two")]
    data = encode_header({"seq": 4, "base": True}) + start
    for number, edit in enumerate(edits, start=5):
        line = encode_edit(edit)
        edit.apply(case)
        data += encode_record(number, line)
    cut = data + encode_record(8, SetText(("title",), "Three"))[:-9]
    journal = read_journal(cut)
    assert journal.torn and journal.base == start.rstrip(b"\n") and len(journal.records) == 3
    again = loads_case(journal.base)
    result = replay(again, 4, [journal])
    assert (result.applied, result.reached, result.problem) == (3, 7, "")
    assert _normal(dumps_case(again)) == _normal(dumps_case(case))


def test_a_gap_or_a_record_that_will_not_apply_stops_the_replay():
    data = encode_header({"seq": 0}) + encode_record(1, SetText(("title",), "A"))
    data += encode_record(3, SetText(("title",), "C"))
    result = replay(small_case(), 0, [read_journal(data)])
    assert result.reached == 1 and "edit 2 is missing" in result.problem
    bad = encode_header({"seq": 0}) + encode_record(1, SetText(("nowhere",), "A"))
    result = replay(small_case(), 0, [read_journal(bad)])
    assert result.applied == 0 and "edit 1 could not be replayed" in result.problem


def test_what_the_journal_cannot_hold_is_refused_in_words():
    with pytest.raises(JournalError, match="cannot hold a object"):
        encode_edit(SetText(("title",), object()))  # type: ignore[arg-type]
    with pytest.raises(JournalError):
        decode_edit('{"$c": "NoSuchEdit", "f": {}}')
    with pytest.raises(JournalError):
        read_journal(b"not a header\n")


# -- a property: any values the records may hold come back equal ----------------------------------
texts = st.text(st.characters() | st.sampled_from(["\ud800", "\n", "\"", "$"]),
                max_size=12) | st.sampled_from(["$t", "$c", "$m", "$r", "#"])
numbers = st.floats(allow_nan=True) | st.integers(-(2**70), 2**70)
plain = st.none() | st.booleans() | numbers | texts
extras = st.dictionaries(texts, st.recursive(plain, lambda inner: st.lists(inner, max_size=3)
                                             | st.dictionaries(texts, inner, max_size=3)),
                         max_size=3)
records = st.one_of(
    st.builds(Cause, texts, texts, st.none() | texts, texts, extra=extras),
    st.builds(Category, texts, texts, extra=extras),
    st.builds(Alternative, texts, texts, addresses=st.lists(texts, max_size=3), extra=extras),
    st.builds(Criterion, texts, texts, weight=st.none() | numbers, extra=extras),
    st.builds(Score, texts, texts, st.booleans() | numbers, st.none() | texts, extra=extras),
    st.builds(Term, texts, texts, extra=extras),
    st.builds(Action, texts, texts, texts, extra=extras),
)
leaves = st.one_of(
    st.builds(SetText, st.tuples(texts, st.integers(0, 9)), texts, st.booleans()),
    st.builds(InsertItem, st.tuples(texts), records | texts, st.none() | st.integers(0, 9)),
)


@settings(max_examples=300, deadline=None)
@given(st.recursive(leaves, lambda inner: st.builds(
    Sequence, st.lists(inner, max_size=3).map(tuple), texts), max_leaves=6))
def test_any_edit_with_any_record_round_trips(edit):
    line = encode_edit(edit)
    assert line.isascii() and "\n" not in line
    assert _same(decode_edit(line), edit)
