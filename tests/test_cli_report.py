"""``problem-workshop report``: Markdown without Qt, PDF with it; bad input: one line, exit 2."""

import subprocess
import sys
from pathlib import Path

import pytest

from ui.app.cli import main

HAPPY = Path(__file__).resolve().parents[1] / "sample_cases" / "happy_burgers.case.json"


def test_markdown_report(tmp_path, capsys):
    out = tmp_path / "happy.md"
    assert main(["report", str(HAPPY), "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"wrote {out}"
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Happy Burgers") and "## Step 6: Select and plan" in text


def test_pdf_report_on_letter_paper(qapp, tmp_path, capsys):  # qapp: widget tests follow
    out = tmp_path / "happy.PDF"
    assert main(["report", str(HAPPY), "-o", str(out), "--page", "Letter"]) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert capsys.readouterr().out.strip() == f"wrote {out}"


@pytest.mark.parametrize("args", [
    ["report", str(HAPPY), "-o", "out.docx"],
    ["report", str(HAPPY), "-o", "out"],
    ["report", "/no/such/file.case.json", "-o", "out.md"],
    ["report", str(HAPPY)],
    ["report", str(HAPPY), "-o", "x.pdf", "--page", "B5"],
    ["report", str(HAPPY), "-o", "/no/such/folder/x.md"],
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys, args):
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    captured = capsys.readouterr()
    assert len(captured.err.strip().splitlines()) == 1 and "Traceback" not in captured.err
    assert captured.out == ""
    assert not list(tmp_path.iterdir())


def test_bad_case_file_is_refused(tmp_path, capsys):
    bad = tmp_path / "bad.case.json"
    bad.write_text('{"format": "problem-workshop-case", "version": 99}', encoding="utf-8")
    assert main(["report", str(bad), "-o", str(tmp_path / "r.md")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(str(bad))
    assert not (tmp_path / "r.md").exists()


def test_markdown_report_never_loads_qt(tmp_path):
    out = tmp_path / "r.md"
    code = (
        "import sys; from ui.app.cli import main;"
        f"rc = main(['report', {str(HAPPY)!r}, '-o', {str(out)!r}]);"
        "print(rc, ','.join(sorted(m for m in sys.modules"
        " if m.startswith(('PySide6', 'shiboken6')))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip().splitlines()[-1].strip() == "0"
    assert out.is_file()
