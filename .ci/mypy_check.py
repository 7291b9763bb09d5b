"""Run mypy: fishbone and sixstep strict and clean; ui only with the known errors of a list."""

# The known ui errors are in .ci/mypy_ui_known.txt, one per line as "file: message [code]"
# without the line number, so moving code is not a new error. The list may only shrink: a
# new error fails, and so does a gone one until the list is shortened. ``--write`` rewrites
# the list from the current run (after a merge, say); review that diff: it should only remove.

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KNOWN = ROOT / ".ci" / "mypy_ui_known.txt"
ERROR_LINE = re.compile(r"^(?P<file>[^:\s]+\.pyi?):\d+(?::\d+)?: error: (?P<message>.*)$")


def normalise(file: str, message: str) -> str:
    """``file: message`` with any line number inside the message blanked out too."""
    message = re.sub(r"line \d+", "line N", message.strip())
    return f"{file}: {message}"


def run_mypy() -> tuple[int, list[str], str]:
    """mypy's exit code, its normalised error lines, and its whole output."""
    command = [sys.executable, "-m", "mypy", "--no-pretty", "--no-color-output",
               "--hide-error-context", "--no-error-summary", "--show-error-codes"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    output = done.stdout + done.stderr
    errors = []
    for line in output.splitlines():
        match = ERROR_LINE.match(line)
        if match:
            errors.append(normalise(match["file"].replace("\\", "/"), match["message"]))
    return done.returncode, errors, output


def read_known() -> Counter[str]:
    lines = KNOWN.read_text("utf-8").splitlines() if KNOWN.exists() else []
    return Counter(line for line in lines if line.strip() and not line.startswith("#"))


def write_known(errors: Counter[str]) -> None:
    header = ("# Known mypy errors in ui/ (file: message [code]). This list may only shrink;\n"
              "# .ci/mypy_check.py fails on any error not listed here.\n")
    KNOWN.write_text(header + "".join(f"{e}\n" for e in sorted(errors.elements())), "utf-8")


def main(argv: list[str]) -> int:
    code, errors, output = run_mypy()
    if code not in (0, 1) or (code == 1 and not errors):
        print(output, end="")
        print(f"mypy did not run to the end (exit code {code}).", file=sys.stderr)
        return 2
    domain = [e for e in errors if not e.startswith("ui/")]
    current = Counter(e for e in errors if e.startswith("ui/"))
    if "--write" in argv:
        write_known(current)
        print(f"Wrote {sum(current.values())} known ui errors to {KNOWN.relative_to(ROOT)}.")
        return 1 if domain else 0
    known = read_known()
    new, gone = current - known, known - current
    for line in domain:
        print(f"strict (fishbone, sixstep, sample_cases): {line}")
    for line in sorted(new.elements()):
        print(f"new in ui: {line}")
    if domain or new:
        print(f"mypy: {len(domain) + sum(new.values())} error(s) to fix (line numbers: run mypy).",
              file=sys.stderr)
        return 1
    if gone:
        for line in sorted(gone.elements()):
            print(f"fixed: {line}")
        print(f"mypy: {sum(gone.values())} known ui error(s) are gone: well done. Shrink the list "
              f"to match: remove them from {KNOWN.relative_to(ROOT)} (or run "
              f"'python .ci/mypy_check.py --write').", file=sys.stderr)
        return 1
    print(f"mypy: ok ({sum(current.values())} known ui errors left to fix)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
