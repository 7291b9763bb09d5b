"""problem-workshop import and export for Mermaid, Markdown, OPML and CSV: files in and out,
one line on stderr and exit code 2 for bad input, nothing written then."""

import subprocess
import sys
from pathlib import Path

import pytest

from sixstep.caseio import load_case
from sixstep.interchange.mermaid import read_mermaid
from ui.app.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "sample_cases"
HAPPY = SAMPLES / "happy_burgers.case.json"
SUFFIX = {"mermaid": ".mmd", "markdown": ".md", "opml": ".opml", "csv": ".csv"}


def texts(diagram):
    return [(c.category, c.text) for c in diagram.causes]


@pytest.mark.parametrize("name", sorted(SUFFIX))
def test_export_then_import_gives_a_case_with_the_same_fishbone(tmp_path, capsys, name):
    exported = tmp_path / f"burgers{SUFFIX[name]}"
    assert main(["export", str(HAPPY), "--format", name, "-o", str(exported)]) == 0
    out = tmp_path / "imported.case.json"
    assert main(["import", str(exported), "-o", str(out)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith(f"wrote {out} (26 causes")
    original, imported = load_case(HAPPY), load_case(out)
    assert imported.fishbone.effect == original.fishbone.effect
    assert texts(imported.fishbone) == texts(original.fishbone)
    assert imported.title == "" and imported.alternatives == []


def test_the_mermaid_export_is_what_mermaid_reads(tmp_path):
    out = tmp_path / "burgers.mmd"
    assert main(["export", str(HAPPY), "--format", "mermaid", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("ishikawa-beta\n  Customer leaves frustrated\n    Equipment\n")
    assert len(read_mermaid(text).headings) == 5


def test_import_into_an_existing_case_extends_its_fishbone(tmp_path):
    outline = tmp_path / "more.md"
    outline.write_text("# ignored effect\n- People\n  - Night shift tired\n- Suppliers\n"
                       "  - Buns late [confirmed, 2 votes]\n", encoding="utf-8")
    out = tmp_path / "more.case.json"
    assert main(["import", str(outline), "--into", str(HAPPY), "-o", str(out)]) == 0
    before, after = load_case(HAPPY), load_case(out)
    assert after.fishbone.effect == before.fishbone.effect
    assert after.alternatives == before.alternatives
    assert [c.name for c in after.fishbone.categories][-1] == "Suppliers"
    added = after.fishbone.causes[len(before.fishbone.causes):]
    assert [(c.category, c.text, c.status, c.votes) for c in added] == [
        ("people", "Night shift tired", "possible", 0),
        ("suppliers", "Buns late", "confirmed", 2)]
    assert texts(after.fishbone)[:len(before.fishbone.causes)] == texts(before.fishbone)


def test_csv_with_semicolons_and_an_explicit_format(tmp_path):
    table = tmp_path / "causes.txt"
    table.write_bytes("\ufeffHeading;Cause;Votes\r\nPeople;\"Tired;\r\nvery\";3\r\n"
                      .encode("utf-8"))
    out = tmp_path / "t.case.json"
    assert main(["import", str(table), "--format", "csv", "-o", str(out)]) == 0
    cause = load_case(out).fishbone.causes[0]
    assert (cause.text, cause.votes) == ("Tired;\nvery", 3)


@pytest.mark.parametrize("name, content, message", [
    ("bad.mmd", b"flowchart TD\n", "line 1"),
    ("bad.md", b"- a\n\npara\n", "line 3"),
    ("bad.opml", b"<opml><body>\n<outline>\n", "not well-formed"),
    ("bad.csv", b"heading,cause,status\nA,b,maybe\n", "line 2, column 3"),
    ("huge.md", b"- x\n" * 200_000, "more than 50,000 lines"),
    ("binary.mmd", bytes(range(256)) * 10, "binary"),
    ("noformat.xyz", b"x", "cannot tell the format"),
])
def test_bad_input_gives_one_line_and_exit_2_and_writes_nothing(tmp_path, capsys, name,
                                                                 content, message):
    path = tmp_path / name
    path.write_bytes(content)
    out = tmp_path / "out.case.json"
    assert main(["import", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(str(path)) and message in err[0]
    assert not out.exists()


def test_import_refuses_to_overwrite_without_force(tmp_path, capsys):
    source = tmp_path / "a.md"
    source.write_text("- People\n", encoding="utf-8")
    out = tmp_path / "a.case.json"
    out.write_text("keep", encoding="utf-8")
    assert main(["import", str(source), "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "keep"
    assert main(["import", str(source), "-o", str(out), "--force"]) == 0


def test_text_export_does_not_load_qt(tmp_path):
    out = tmp_path / "b.opml"
    code = ("import sys; from ui.app.cli import main;"
            f"assert main(['export', {str(HAPPY)!r}, '--format', 'opml', '-o', {str(out)!r}]) == 0;"
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip().splitlines()[-1] == "False"
    assert out.read_text(encoding="utf-8").startswith("<?xml")
