"""The command line: one clear line and exit code 2 on bad input; validate, score, samples, new."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sample_cases import sample_names
from ui.app.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "sample_cases"
HAPPY = SAMPLES / "happy_burgers.case.json"


def test_validate_every_sample(capsys):
    files = sorted(SAMPLES.glob("*.case.json"))
    assert len(files) == 10
    assert main(["validate", *map(str, files)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"{f}: ok" for f in files]


def test_validate_reports_a_bad_file_in_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.case.json"
    bad.write_text('{"format": "problem-workshop-case", "version": 99}', encoding="utf-8")
    assert main(["validate", str(HAPPY), str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out.strip() == f"{HAPPY}: ok"
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(str(bad)) and "newer" in lines[0]


@pytest.mark.parametrize("content", [b"", b"\xff\xfe", b"[1,2", b'{"a": NaN}', b"[" * 100000])
def test_hostile_files_give_one_line_and_exit_2(tmp_path, capsys, content):
    bad = tmp_path / "x.case.json"
    bad.write_bytes(content)
    assert main(["score", str(bad)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_missing_file_and_bad_arguments(capsys):
    assert main(["validate", "/no/such/file.case.json"]) == 2
    assert main(["score"]) == 2
    assert main(["export", str(HAPPY), "--format", "gif", "-o", "x.gif"]) == 2
    assert main(["new", "--from", "no_such_sample", "x.case.json"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 4 and all("Traceback" not in line for line in err)


def test_export_key_adds_the_title_and_key_to_a_png_only(tmp_path, capsys):
    from PySide6.QtGui import QImage

    plain, keyed = tmp_path / "plain.png", tmp_path / "keyed.png"
    assert main(["export", str(HAPPY), "--format", "png", "--dpi", "36", "-o", str(plain)]) == 0
    assert main(["export", str(HAPPY), "--format", "png", "--dpi", "36", "--key",
                 "-o", str(keyed)]) == 0
    assert QImage(str(keyed)).height() > QImage(str(plain)).height()
    assert main(["export", str(HAPPY), "--format", "svg", "--key",
                 "-o", str(tmp_path / "x.svg")]) == 2
    assert "--key applies to PNG only" in capsys.readouterr().err


def test_score_json_ranks_happy_burgers(capsys):
    assert main(["score", str(HAPPY), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) >= {"ranking", "screened_out", "missing", "stability"}
    ranks = [r["rank"] for r in result["ranking"]]
    assert ranks == sorted(ranks) and ranks[0] == 1
    totals = [r["total"] for r in result["ranking"]]
    assert totals == sorted(totals, reverse=True)
    for row in result["ranking"]:
        assert set(row) >= {"alternative", "name", "total", "percent", "rank"}
        assert 0 <= row["percent"] <= 100
    for low, high in result["stability"].values():
        assert 0 <= low <= high <= 1


def test_score_table_is_readable(capsys):
    assert main(["score", str(HAPPY), "--median"]) == 0
    out = capsys.readouterr().out
    assert "1" in out and len(out.splitlines()) > 3


def test_samples_and_new(tmp_path, capsys):
    assert main(["samples"]) == 0
    listed = capsys.readouterr().out
    assert all(name in listed for name in sample_names())
    out = tmp_path / "mine.case.json"
    assert main(["new", "--from", "Happy Burgers", str(out)]) == 0
    assert out.read_bytes() == HAPPY.read_bytes()
    assert main(["new", "--from", "happy_burgers", str(out)]) == 2  # no silent overwrite


def test_python_dash_m_ui_runs_the_same_program():
    done = subprocess.run([sys.executable, "-m", "ui", "validate", str(HAPPY)],
                          capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == f"{HAPPY}: ok"


def test_no_screen_is_one_clear_line_not_a_qt_abort():
    from ui.app.app import display_problem

    assert "DISPLAY" in display_problem({}, "linux")
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({}, "darwin") is None
