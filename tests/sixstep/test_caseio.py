"""Loading and saving case files: samples, round trips, extras, migrations, atomic writes."""

from __future__ import annotations

import json
import os

import pytest

from sample_cases import read_sample, sample_names
from sixstep import caseio
from sixstep.caseio import CaseFormatError, dumps_case, load_case, loads_case, save_case
from sixstep.schema import load_schema

CONTRACT_EXAMPLE = {
    "format": "problem-workshop-case", "version": 1, "title": "Happy Burgers",
    "problem": {"question": "How can ...?", "terms": [{"term": "a", "definition": "b"}],
                "symptoms": ["s"], "seriousness": "x", "effects": ["e"]},
    "research": {"to_research": ["r"], "findings": "f",
                 "previous_efforts": [{"effort": "e", "what_stopped_it": "w"}]},
    "fishbone": {"effect": "Customer leaves frustrated",
                 "categories": [{"id": "equipment", "name": "Equipment"}],
                 "causes": [{"id": "c1", "category": "equipment", "parent": None,
                             "text": "Till cannot edit an order once sent", "status": "possible",
                             "root_cause": False, "votes": 0, "notes": ""}]},
    "criteria": [{"id": "k1", "name": "Customer waits under 3 minutes", "kind": "want",
                  "weight": 10}],
    "not_addressed": ["n"],
    "alternatives": [{"id": "a1", "name": "Repeat the order back", "status": "open",
                      "eliminated_reason": "", "merged_into": None, "addresses": ["c1"]}],
    "scores": [{"alternative": "a1", "criterion": "k1", "value": 7, "participant": None}],
    "score_scale": {"min": 1, "max": 10},
    "selection": {"chosen": ["a1"], "rationale": "r",
                  "actions": [{"action": "a", "owner": "o", "due": "2026-12-01",
                               "success_measure": "m", "follow_up": "2026-12-15"}]},
}


@pytest.mark.parametrize("name", sample_names())
def test_every_sample_loads_matches_the_schema_and_round_trips_byte_for_byte(name):
    jsonschema = pytest.importorskip("jsonschema")
    data = read_sample(name)
    jsonschema.validate(json.loads(data), load_schema())
    assert dumps_case(loads_case(data)) == data


def test_a_file_written_to_the_contract_alone_loads():
    case = loads_case(json.dumps(CONTRACT_EXAMPLE))
    assert case.fishbone.causes[0].text == "Till cannot edit an order once sent"
    assert case.research.to_research_done == [False]
    assert case.selection.actions[0].follow_up == "2026-12-15"


def test_saving_twice_gives_the_same_bytes_and_keeps_ids_and_order():
    once = dumps_case(loads_case(json.dumps(CONTRACT_EXAMPLE)))
    assert dumps_case(loads_case(once)) == once


def test_keys_from_a_newer_tool_are_kept():
    doc = json.loads(json.dumps(CONTRACT_EXAMPLE))
    doc["dot_votes"] = {"c1": 3}
    doc["fishbone"]["causes"][0]["colour"] = "#ff0000"
    again = json.loads(dumps_case(loads_case(json.dumps(doc))))
    assert again["dot_votes"] == {"c1": 3}
    assert again["fishbone"]["causes"][0]["colour"] == "#ff0000"


def test_a_byte_order_mark_is_fine():
    assert loads_case(b"\xef\xbb\xbf" + json.dumps(CONTRACT_EXAMPLE).encode()).title


def test_version_0_is_migrated():
    doc = json.loads(json.dumps(CONTRACT_EXAMPLE))
    doc["version"] = 0
    fishbone = doc.pop("fishbone")
    fishbone["bones"] = fishbone.pop("categories")
    fishbone["causes"][0].pop("status")
    fishbone["causes"][0]["ruled_out"] = True
    doc["diagram"] = fishbone
    case = loads_case(json.dumps(doc))
    assert [c.name for c in case.fishbone.categories] == ["Equipment"]
    assert case.fishbone.causes[0].status == "ruled_out"
    assert "ruled_out" not in case.fishbone.causes[0].extra


def _with(path: str, value) -> bytes:
    doc = json.loads(json.dumps(CONTRACT_EXAMPLE))
    *parents, last = path.split(".")
    node = doc
    for key in parents:
        node = node[int(key)] if key.isdigit() else node[key]
    node[int(last) if last.isdigit() else last] = value
    return json.dumps(doc).encode()


HOSTILE = [
    (b"", "empty"),
    (b"\xff\xfe{}", "UTF-8"),
    (b"[1, 2", "not valid JSON"),
    (b"[]", "top level"),
    (b'{"format": "problem-workshop-case", "version": 1, "a": NaN}', "a: NaN"),
    (b'{"format": "problem-workshop-case", "version": 1, "a": -Infinity}', "-Infinity"),
    (b'{"format": "problem-workshop-case", "version": 1, "a": 1e999}', "too large"),
    (b'{"format": "problem-workshop-case", "version": 1, "title": "a", "title": "b"}',
     "'title' appears twice"),
    (b"[" * 100_000 + b"]" * 100_000, "nested"),
    (b'{"format": "problem-workshop-case", "version": 1, "x": ' + b"1" * 5000 + b"}",
     "too long"),
    (b'{"format": "something-else", "version": 1}', "not a Problem Workshop case"),
    (b'{"format": "problem-workshop-case", "version": 7}', "newer Problem Workshop"),
    (b'{"format": "problem-workshop-case", "version": "1"}', "version"),
    (_with("title", 5), "title: should be text"),
    (_with("fishbone.causes.0.parent", "nope"), "fishbone.causes[0].parent: no cause"),
    (_with("fishbone.causes.0.category", "people"), "fishbone.causes[0].category"),
    (_with("fishbone.causes.0.status", "maybe"), "fishbone.causes[0].status"),
    (_with("fishbone.causes.0.votes", -1), "fishbone.causes[0].votes"),
    (_with("fishbone.causes.0.parent", "c1"), "cycle"),
    (_with("criteria.0.weight", 0), "criteria[0].weight"),
    (_with("criteria.0.weight", True), "criteria[0].weight"),
    (_with("scores.0.value", 11), "scores[0].value"),
    (_with("scores.0.value", True), "scores[0].value"),
    (_with("scores.0.criterion", "k9"), "scores[0].criterion"),
    (_with("alternatives.0.addresses", ["c9"]), "alternatives[0].addresses[0]"),
    (_with("alternatives.0.merged_into", "a1"), "alternatives[0].merged_into"),
    (_with("selection.chosen", ["a9"]), "selection.chosen[0]"),
    (_with("score_scale.max", 0), "score_scale"),
    (_with("criteria", [{"id": "k1", "weight": 1}, {"id": "k1", "weight": 2}]), "used twice"),
]


@pytest.mark.parametrize(("data", "message"), HOSTILE)
def test_hostile_files_are_refused_with_a_message_that_names_the_problem(data, message):
    with pytest.raises(CaseFormatError) as info:
        loads_case(data)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_an_oversized_file_is_refused_before_parsing(tmp_path, monkeypatch):
    monkeypatch.setattr(caseio, "MAX_BYTES", 1000)
    big = tmp_path / "big.case.json"
    big.write_bytes(b" " * 2000)
    with pytest.raises(CaseFormatError, match="larger than"):
        load_case(big)


def test_save_is_atomic_and_leaves_no_temporary_files(tmp_path):
    target = tmp_path / "x.case.json"
    case = loads_case(json.dumps(CONTRACT_EXAMPLE))
    save_case(case, target)
    assert load_case(target).title == "Happy Burgers"
    assert os.listdir(tmp_path) == ["x.case.json"]


def test_a_failed_save_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "x.case.json"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_case(loads_case(json.dumps(CONTRACT_EXAMPLE)), target)
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["x.case.json"]


def test_a_want_criterion_not_weighted_yet_loads_and_round_trips():
    """The app lets a group list criteria before weighting them; such a file must reopen."""
    jsonschema = pytest.importorskip("jsonschema")
    data = _with("criteria.0.weight", None)
    jsonschema.validate(json.loads(data), load_schema())
    case = loads_case(data)
    assert case.criteria[0].weight is None
    assert loads_case(dumps_case(case)).criteria[0].weight is None


def test_a_compact_dump_loads_to_the_same_case():
    case = loads_case(read_sample("happy_burgers"))
    compact = dumps_case(case, compact=True)
    assert compact.count(b"\n") == 1 and len(compact) < len(dumps_case(case))
    assert dumps_case(loads_case(compact)) == read_sample("happy_burgers")
