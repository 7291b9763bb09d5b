"""The command line for the room: contested cells in ``score --json`` and the ``causes`` list."""

from __future__ import annotations

import json

from tests.sixstep.room_cases import doc, every_field_doc, scores, text
from ui.app.cli import main


def _file(tmp_path, document):
    path = tmp_path / "room.case.json"
    path.write_text(text(document), encoding="utf-8")
    return str(path)


def test_score_json_lists_contested_cells(tmp_path, capsys):
    document = doc(scores=scores({("a1", "k1"): [4.4, 7.1], ("a1", "k2"): [5, 5],
                                  ("a2", "k1"): [5, 6], ("a2", "k2"): [1, 10]}))
    document["criteria"] = document["criteria"][:2]
    assert main(["score", _file(tmp_path, document), "--json"]) == 0
    contested = json.loads(capsys.readouterr().out)["contested"]
    assert [(c["alternative"], c["criterion"]) for c in contested] == [("a1", "k1"), ("a2", "k2")]
    assert round(contested[0]["spread"], 9) == 0.3 and contested[1]["spread"] == 1.0


def test_score_json_of_a_case_without_participants_has_no_contested_cells(capsys):
    from tests.test_cli import SAMPLES

    leaky = SAMPLES / "leaky_pipes.case.json"  # one scorer: the group's own numbers
    assert main(["score", str(leaky), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["contested"] == []


def test_causes_json_lists_every_cause_with_arrows_and_marks(tmp_path, capsys):
    assert main(["causes", _file(tmp_path, every_field_doc()), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == ["c1", "c2", "c3", "c4", "c5", "c6"]
    assert set(rows[0]) == {"id", "text", "category", "status", "votes", "incoming",
                            "outgoing", "driver", "outcome"}
    by_id = {r["id"]: r for r in rows}
    assert (by_id["c1"]["votes"], by_id["c1"]["outgoing"], by_id["c1"]["incoming"]) == (3, 1, 1)
    assert by_id["c2"]["incoming"] == 2 and by_id["c2"]["outcome"] is True
    assert [r["id"] for r in rows if r["driver"]] == ["c1", "c2", "c4"]
    assert by_id["c6"] == {"id": "c6", "text": "cause 6", "category": "method",
                           "status": "possible", "votes": 0, "incoming": 0, "outgoing": 0,
                           "driver": False, "outcome": False}


def test_causes_prints_a_table_and_refuses_a_bad_file(tmp_path, capsys):
    assert main(["causes", _file(tmp_path, every_field_doc())]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:3] == ["Votes", "In", "Out"] and len(out) == 7
    assert "cause 2  [driver, outcome]" in out[2]
    bad = every_field_doc()
    bad["relations"].append({"from": "c1", "to": "c1"})
    assert main(["causes", _file(tmp_path, bad)]) == 2
    assert "relations[3]" in capsys.readouterr().err


def test_score_json_of_happy_burgers_names_its_contested_cells(capsys):
    from tests.test_cli import HAPPY

    assert main(["score", str(HAPPY), "--json"]) == 0
    contested = json.loads(capsys.readouterr().out)["contested"]
    assert [(c["alternative"], c["criterion"]) for c in contested] == [
        ("a1", "k3"), ("a2", "k5"), ("a4", "k4")]
    assert all(c["spread"] >= 0.3 for c in contested)
