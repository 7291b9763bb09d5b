"""Hypothesis against the loader: any input gives a valid case or one CaseFormatError."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sixstep.caseio import CaseFormatError, dumps_case, loads_case
from tests.sixstep.test_caseio import CONTRACT_EXAMPLE

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=20,
)
FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


def _outcome(data: bytes | str) -> None:
    try:
        case = loads_case(data)
    except CaseFormatError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    once = dumps_case(case)
    assert dumps_case(loads_case(once)) == once


@FUZZ
@given(st.binary(max_size=200))
def test_random_bytes(data):
    _outcome(data)


@FUZZ
@given(json_values)
def test_random_json(value):
    _outcome(json.dumps(value))


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, prefix + (i,))


ALL_PATHS = list(_paths(CONTRACT_EXAMPLE))[1:]


@FUZZ
@given(st.sampled_from(ALL_PATHS), json_values, st.booleans())
def test_one_field_of_a_good_file_replaced_or_removed(path, value, remove):
    doc = json.loads(json.dumps(CONTRACT_EXAMPLE))
    node = doc
    for key in path[:-1]:
        node = node[key]
    if remove:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    _outcome(json.dumps(doc))


@FUZZ
@given(st.lists(st.text(max_size=60), min_size=4, max_size=4))
def test_any_text_survives_a_round_trip_exactly(texts):
    doc = json.loads(json.dumps(CONTRACT_EXAMPLE))
    doc["title"], doc["problem"]["question"] = texts[0], texts[1]
    doc["fishbone"]["causes"][0]["text"], doc["selection"]["rationale"] = texts[2], texts[3]
    case = loads_case(json.dumps(doc))
    assert case.title == texts[0] and case.fishbone.causes[0].text == texts[2]
    assert loads_case(dumps_case(case)).selection.rationale == texts[3]
