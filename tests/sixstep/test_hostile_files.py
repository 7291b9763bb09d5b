"""Files built to hurt: every limit is refused on one short line naming the place, a lone
surrogate never gets in, a 20 MB file is refused in bounded memory and time, and mutated
samples give a case or a refusal, never anything else."""

from __future__ import annotations

import copy
import json
import random
import time
import tracemalloc
from typing import Any

import pytest

from fishbone.model import Cause
from sample_cases import read_sample, sample_names
from sixstep import caseio, rules
from sixstep.caseio import CaseFormatError, dumps_case, loads_case
from sixstep.json_checks import FIELD_KINDS
from sixstep.load_limits import MAX_TEXTS
from sixstep.rules import ITEM_LIMITS, MAX_CAUSE_DEPTH, TEXT_LIMITS
from tests.sixstep.test_caseio import CONTRACT_EXAMPLE

SHORT = 300  # the longest refusal a message box should ever show
HEAD = b'{"format": "problem-workshop-case", "version": 1, '


def _doc() -> dict[str, Any]:
    return json.loads(json.dumps(CONTRACT_EXAMPLE))


def _refusal(data: bytes | str) -> str:
    with pytest.raises(CaseFormatError) as info:
        loads_case(data)
    message = str(info.value)
    assert "\n" not in message and len(message) <= SHORT, message[:400]
    return message


def _set(doc: dict[str, Any], path: str, value: Any) -> bytes:
    *parents, last = path.split(".")
    node: Any = doc
    for key in parents:
        node = node[int(key)] if key.isdigit() else node[key]
    node[int(last) if last.isdigit() else last] = value
    return json.dumps(doc).encode()


# -- text: characters and lines, per kind of field --------------------------------------------
def _too_long(kind: str) -> str:
    return "x" * (TEXT_LIMITS[kind][0] + 1)


def _too_many_lines(kind: str) -> str:
    return "a\n" * TEXT_LIMITS[kind][1]


TEXT_CASES = [
    ("title", _too_long("name"), "title", "longer than 1,000 characters"),
    ("title", _too_many_lines("name"), "title", "more than 100 lines"),
    ("alternatives.0.name", "\n" * 99_999, "alternatives[0].name", "longer than 1,000"),
    ("alternatives.0.name", "\n" * 500, "alternatives[0].name", "more than 100 lines"),
    ("fishbone.effect", _too_long("name"), "fishbone.effect", "longer than"),
    ("fishbone.causes.0.text", "a\r\n" * 100 + "b", "fishbone.causes[0].text", "lines"),
    ("fishbone.causes.0.notes", _too_long("notes"), "fishbone.causes[0].notes", "100,000"),
    ("fishbone.causes.0.notes", _too_many_lines("notes"), "fishbone.causes[0].notes",
     "more than 5,000 lines"),
    ("fishbone.causes.0.id", "c\n1", "fishbone.causes[0].id", "may not break across lines"),
    ("alternatives.0.id", _too_long("id"), "alternatives[0].id", "longer than 200"),
    ("criteria.0.description", _too_long("text"), "criteria[0].description", "10,000"),
    ("problem.symptoms", ["fine", _too_long("text")], "problem.symptoms[1]", "longer than"),
    ("alternatives.0.addresses", ["c1\u2028"], "alternatives[0].addresses[0]", "lines"),
    ("selection.actions.0.owner", _too_many_lines("name"), "selection.actions[0].owner",
     "lines"),
    ("research.findings", _too_long("notes"), "research.findings", "100,000"),
    ("step_notes", {"1": _too_many_lines("notes")}, "step_notes.1", "5,000 lines"),
    ("step_notes", {"1\n2": "a"}, "step_notes", "a key may not break across lines"),
]


@pytest.mark.parametrize(("path", "value", "place", "problem"), TEXT_CASES)
def test_each_kind_of_text_has_its_limits(path, value, place, problem):
    message = _refusal(_set(_doc(), path, value))
    assert message.startswith(place + ":") and problem in message


def test_texts_at_their_limits_load():
    doc = _doc()
    doc["title"] = "t" * TEXT_LIMITS["name"][0]
    doc["alternatives"][0]["name"] = "\n".join(["n"] * TEXT_LIMITS["name"][1])
    doc["fishbone"]["causes"][0]["notes"] = "a\n" * (TEXT_LIMITS["notes"][1] - 1)
    case = loads_case(json.dumps(doc))
    assert len(case.title) == 1000 and case.alternatives[0].name.count("\n") == 99


def test_every_known_key_names_a_kind_of_the_table():
    assert set(FIELD_KINDS.values()) <= set(TEXT_LIMITS)


def test_the_rule_the_edits_call_is_the_same_table():
    with pytest.raises(rules.RuleError, match="more than 100 lines"):
        rules.check_text("\n" * 100, "The name", "name")
    with pytest.raises(rules.RuleError, match="may not break across lines"):
        rules.check_text("a\nb", "The id", "id")
    assert rules.check_text("x" * 50_000, "Notes") == "x" * 50_000  # (the old default)
    with pytest.raises(rules.RuleError, match="cannot be saved"):
        rules.check_text("\ud800", "The name", "name")
    with pytest.raises(rules.RuleError, match="at most 200"):
        rules.check_count(201, "The criteria", "criteria")
    with pytest.raises(rules.RuleError, match="30 levels"):
        rules.check_cause_depth(MAX_CAUSE_DEPTH + 1)
    assert rules.line_count("a\r\nb\rc\nd") == 4 and rules.line_count("") == 1
    for mark in rules._LINE_BREAKS:  # each break counts, the short cut for one line aside
        assert rules.line_count(f"one\ttab{mark}two \u00e9") == 2
    assert rules.line_count("one line, a tab\t and \u00e9 \U0001f600") == 1


# -- item counts, cause depth, step notes ---------------------------------------------------
def _many(make, count: int) -> list[Any]:
    return [make(i) for i in range(count)]


COUNT_CASES = [
    ("criteria", lambda i: {"id": f"k{i}", "name": "n", "kind": "must"}, "criteria"),
    ("participants", lambda i: {"id": f"p{i}", "name": "n"}, "participants"),
    ("alternatives", lambda i: {"id": f"a{i}", "name": "n"}, "alternatives"),
    ("fishbone.categories", lambda i: {"id": f"h{i}", "name": "n"}, "categories"),
    ("problem.symptoms", lambda i: "s", "list"),
    ("selection.actions", lambda i: {"action": "a"}, "actions"),
]


@pytest.mark.parametrize(("path", "make", "kind"), COUNT_CASES)
def test_each_list_has_a_most_entries(path, make, kind):
    limit = ITEM_LIMITS[kind]
    message = _refusal(_set(_doc(), path, _many(make, limit + 1)))
    place = path.replace(".0.", "[0].")
    assert message.startswith(place + ":") and f"at most {limit:,}" in message


def test_five_thousand_and_one_causes_are_refused():
    doc = _doc()
    doc["fishbone"]["causes"] = _many(
        lambda i: {"id": f"c{i}", "category": "equipment", "text": "t"},
        ITEM_LIMITS["causes"] + 1)
    assert _refusal(json.dumps(doc)).startswith("fishbone.causes: has 5,001 entries")


def test_scores_use_their_limit_from_the_table(monkeypatch):
    monkeypatch.setitem(ITEM_LIMITS, "scores", 1)
    doc = _doc()
    doc["scores"].append({"alternative": "a1", "criterion": "k1", "value": 3,
                          "participant": "p9"})
    assert _refusal(json.dumps(doc)).startswith("scores: has 2 entries; at most 1")


def test_too_many_step_notes_are_refused():
    notes = {str(i): "n" for i in range(ITEM_LIMITS["step_notes"] + 1)}
    assert _refusal(_set(_doc(), "step_notes", notes)).startswith("step_notes: has 51")


def _chain(depth: int) -> bytes:
    doc = _doc()
    doc["fishbone"]["causes"] = [
        {"id": f"c{i}", "category": "equipment", "parent": f"c{i - 1}" if i else None,
         "text": f"level {i + 1}"} for i in range(depth)]
    doc["alternatives"][0]["addresses"] = []
    return json.dumps(doc).encode()


def test_causes_nest_thirty_deep_but_not_thirty_one():
    case = loads_case(_chain(MAX_CAUSE_DEPTH))
    assert case.fishbone.depth(f"c{MAX_CAUSE_DEPTH - 1}") == MAX_CAUSE_DEPTH
    message = _refusal(_chain(MAX_CAUSE_DEPTH + 1))
    assert message.startswith(f"fishbone.causes[{MAX_CAUSE_DEPTH}].parent:")


def test_a_chain_thousands_deep_is_refused_quickly():
    start = time.process_time()
    assert "levels deep" in _refusal(_chain(4000))
    assert time.process_time() - start < 2.0


def test_a_deep_chain_in_any_order_is_placed_at_the_first_cause_too_deep():
    doc = json.loads(_chain(40))
    causes = doc["fishbone"]["causes"]
    causes.reverse()
    assert _refusal(json.dumps(doc)).startswith("fishbone.causes[0].parent:")
    causes.append(causes.pop(0))  # c38 (depth 39) first, c39 (depth 40) last
    assert _refusal(json.dumps(doc)).startswith("fishbone.causes[0].parent:")
    random.Random(3).shuffle(causes)
    first = next(i for i, c in enumerate(causes) if int(c["id"][1:]) >= MAX_CAUSE_DEPTH)
    assert _refusal(json.dumps(doc)).startswith(f"fishbone.causes[{first}].parent:")


# -- keys this version does not know ----------------------------------------------------------
def test_unknown_keys_within_their_bounds_are_kept():
    doc = _doc()
    doc["dot_votes"] = {"c1": [1, 2, 3], "note": "x" * 1000}
    doc["fishbone"]["causes"][0]["colour"] = "#ff0000"
    again = json.loads(dumps_case(loads_case(json.dumps(doc))))
    assert again["dot_votes"]["c1"] == [1, 2, 3]


@pytest.mark.parametrize(("value", "where"), [
    ([[]] * (rules.MAX_EXTRA_VALUES + 1), "dot_votes"),
    (["y" * 100_000] * 11, "dot_votes"),
    ({"k": {"k": [0] * 6000}, "j": [0] * 6000}, "dot_votes"),
])
def test_unknown_keys_may_not_hold_too_much(value, where):
    doc = _doc()
    doc["dot_votes"] = value
    message = _refusal(json.dumps(doc))
    assert message.startswith(where + ":") and "this version does not know" in message


def test_unknown_content_is_bounded_per_record():
    doc = _doc()
    doc["fishbone"]["causes"][0]["history"] = [0] * (rules.MAX_EXTRA_VALUES + 1)
    assert _refusal(json.dumps(doc)).startswith("fishbone.causes[0].history:")


def test_an_unknown_key_of_a_hundred_thousand_characters_is_refused_briefly():
    doc = _doc()
    doc["k" * 100_000] = 1
    assert "does not know" in _refusal(json.dumps(doc))


def test_three_million_tiny_lists_under_an_unknown_key_are_refused_in_well_under_a_second():
    data = HEAD + b'"x": [' + b"[]," * 3_000_000 + b"[]]}"
    start = time.process_time()
    assert "more than" in _refusal(data)
    assert time.process_time() - start < 1.0


# -- lone surrogates ---------------------------------------------------------------------------
@pytest.mark.parametrize(("data", "place"), [
    (HEAD + b'"title": "\\ud800"}', "title"),
    (HEAD + b'"title": "ok \\uDFFF"}', "title"),
    (HEAD + b'"extra": {"deep": ["a", "\\ud83d"]}}', "extra.deep[1]"),
    (HEAD + b'"\\udc00": 1}', "the top level"),
])
def test_a_lone_surrogate_is_refused_where_it_is(data, place):
    message = _refusal(data)
    assert message.startswith(place + ":") and "cannot be saved" in message


def test_a_lone_surrogate_in_text_given_as_a_string_is_refused():
    doc = _doc()
    doc["fishbone"]["causes"][0]["text"] = "till \ud800"
    text = json.dumps(doc, ensure_ascii=False)
    assert _refusal(text).startswith("fishbone.causes[0].text:")


def test_a_surrogate_pair_is_a_character_and_loads():
    case = loads_case(HEAD + b'"title": "smile \\ud83d\\ude00"}')
    assert case.title == "smile \U0001F600"
    assert loads_case(dumps_case(case)).title == case.title


def test_a_surrogate_encoded_in_the_bytes_is_not_utf8():
    assert "UTF-8" in _refusal(HEAD + b'"title": "\xed\xa0\x80"}')


# -- short messages, memory, one-line refusals -------------------------------------------------
def test_messages_stay_short_whatever_the_file_holds():
    ids = ["x" * 199 + str(i) for i in range(3)]
    doc = _doc()
    doc["fishbone"]["causes"] = [
        {"id": ids[i], "category": "equipment", "parent": ids[(i + 1) % 3], "text": "t"}
        for i in range(3)]
    assert "cycle" in _refusal(json.dumps(doc))
    assert len(_refusal(_set(_doc(), "research.techniques", ["t" * 200]))) <= SHORT
    assert len(_refusal(HEAD + b'"title": ' + b'"a' + b"\\n" * 200_000 + b'"}')) <= SHORT
    assert str(CaseFormatError("a\nb " * 100_000)).count("\n") == 0
    assert len(str(CaseFormatError("x" * 200_000))) == SHORT


def test_running_out_of_memory_is_a_one_line_refusal(monkeypatch):
    def no_memory(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(caseio, "parse_case", no_memory)
    assert "memory" in _refusal(json.dumps(CONTRACT_EXAMPLE))


def _outcome(data: bytes) -> str:
    try:
        loads_case(data)
    except CaseFormatError as exc:
        return str(exc)
    return "loaded"


def _cost(data: bytes) -> tuple[str, int, float]:
    """The outcome, the peak of memory allocated while loading, and the time it took (timed
    apart: tracing every allocation slows the loading several times)."""
    start = time.process_time()
    outcome = _outcome(data)
    seconds = time.process_time() - start
    tracemalloc.start()
    try:
        assert _outcome(data) == outcome
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return outcome, peak, seconds


TWENTY_MB = 20 * 1024 * 1024 - 1000


@pytest.mark.parametrize("count", [
    100_000, pytest.param(MAX_TEXTS - 10, marks=pytest.mark.slow, id="as-many-as-allowed")])
def test_a_twenty_mb_file_of_texts_is_refused_within_ten_times_its_size(count):
    """The shape the pre-scan lets through to the parser: many texts (as many as it allows
    is the worst case, and the slowest to trace)."""
    text = b'"' + b"t" * ((TWENTY_MB - 100) // count - 4) + b'", '
    data = HEAD + b'"x": [' + text * count + b'""]}'
    outcome, peak, seconds = _cost(data)
    assert "this version does not know" in outcome
    assert peak < 10 * len(data) and seconds < 4.0


@pytest.mark.parametrize("body", [
    b'"x": "' + "\U0001F600".encode() + b"a" * TWENTY_MB + b'"}',  # one wide text
    b'"x": [' + b"1, " * (TWENTY_MB // 3) + b"1]}",  # millions of numbers
    b'"x": ' + b"[" * (TWENTY_MB // 2) + b"]" * (TWENTY_MB // 2) + b"}",  # deep
    b'"x": "' + b'\\"' * (TWENTY_MB // 2) + b'"}',  # escapes only
])
def test_other_twenty_mb_files_are_refused_within_ten_times_their_size(body):
    data = HEAD + body
    outcome, peak, seconds = _cost(data)
    assert outcome != "loaded" and len(outcome) <= SHORT
    assert peak < 10 * len(data) and seconds < 2.0


# -- mutated samples ---------------------------------------------------------------------------
HOSTILE_VALUES: list[Any] = [
    "\n" * 5000, "x" * 120_000, "\ud800", [[[[[[]]]]]] * 50, list(range(2000)),
    {"k" * 300: 1}, 1e308, -0.0, 10**30, None, True, "", {}, [],
]
HOSTILE_BYTES = [b"[", b"{", b"]", b'"\\ud800"', b"1e999", b"NaN", b"\n" * 50, b"\xff",
                 b'"', b"\\", b",", b"-", b"0" * 400]


LARGEST = 4_000_000  # bytes one mutation may add


def _size(value: Any) -> int:
    return len(json.dumps(value))


def _nodes(doc: Any) -> list[tuple[Any, Any]]:
    """(container, key) of every value in ``doc``, without recursion."""
    out: list[tuple[Any, Any]] = []
    stack = [doc]
    while stack:
        node = stack.pop()
        keys = list(node) if isinstance(node, dict) else range(len(node))
        for key in keys:
            out.append((node, key))
            if isinstance(node[key], (dict, list)):
                stack.append(node[key])
    return out


def _mutate(data: bytes, rng: random.Random) -> bytes:
    if rng.random() < 0.5:
        doc = json.loads(data)
        for _ in range(rng.randint(1, 3)):
            node, key = rng.choice(_nodes(doc))
            choice = rng.random()
            if choice < 0.4:
                node[key] = copy.deepcopy(rng.choice(HOSTILE_VALUES))
            elif choice < 0.6 and isinstance(node[key], list) and node[key]:
                times = rng.choice([2, 50, 2000])  # (a file stays within about 20 MB)
                node[key] = node[key] * max(1, min(times, LARGEST // _size(node[key])))
            elif choice < 0.8 and isinstance(node, dict):
                del node[key]
            elif isinstance(node[key], str) and node[key]:
                times = rng.choice([3, 300, 30_000])
                node[key] = node[key] * max(1, min(times, LARGEST // 4 // len(node[key])))
        return json.dumps(doc, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(out) + 1)
        choice = rng.random()
        if choice < 0.4:
            out[at:at] = rng.choice(HOSTILE_BYTES) * rng.choice([1, 1, 10, 1000])
        elif choice < 0.7:
            del out[at:at + rng.randint(1, 40)]
        else:
            span = bytes(out[at:at + rng.randint(1, 200)])
            out[at:at] = span * rng.choice([2, 10, 500])
    return bytes(out)


def _check_one(data: bytes) -> None:
    start = time.process_time()
    try:
        case = loads_case(data)
    except CaseFormatError as exc:
        message = str(exc)
        assert message and "\n" not in message and len(message) <= SHORT
    else:
        saved = dumps_case(case)  # anything that loads can be saved, and reads back the same
        assert dumps_case(loads_case(saved)) == saved
        for cause in case.fishbone.causes:
            assert case.fishbone.depth(cause.id) <= MAX_CAUSE_DEPTH
            assert isinstance(cause, Cause) and len(cause.text) <= TEXT_LIMITS["name"][0]
    assert time.process_time() - start < 2.0


def _run_fuzz(count: int, seed: int) -> None:
    rng = random.Random(seed)
    samples = [read_sample(name) for name in sample_names()]
    for _ in range(count):
        _check_one(_mutate(rng.choice(samples), rng))


def test_a_few_hundred_mutated_samples_load_or_are_refused_briefly():
    _run_fuzz(300, seed=11)


@pytest.mark.slow
def test_ten_thousand_mutated_samples_load_or_are_refused_briefly():
    _run_fuzz(10_000, seed=12)
