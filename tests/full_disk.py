"""A disk that fills up: run writers in a child process whose files cannot grow past 4 KB.

``resource.RLIMIT_FSIZE`` makes every write past the limit fail (with SIGXFSZ ignored, the
write returns an error instead of killing the process), as a full disk does. The child runs
named jobs and prints one JSON line for each: ``python -B -m tests.full_disk jobs CASE
JOB=PATH...`` calls the writers, ``python -B -m tests.full_disk cli ARGV_JSON...`` calls the
command line's ``main`` and records its exit code, stdout and stderr.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

LIMIT = 4096
ROOT = Path(__file__).resolve().parents[1]


def small_case_file(folder: Path) -> Path:
    """Happy Burgers without its criteria, alternatives and research: every file it gives
    is still well over 4 KB, and its report is quick to set."""
    doc = json.loads((ROOT / "sample_cases" / "happy_burgers.case.json").read_bytes())
    for key in ("criteria", "alternatives", "scores", "not_addressed"):
        doc[key] = []
    doc["research"], doc["selection"] = {}, {}
    path = Path(folder) / "small.case.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _small_disk() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def run_on_full_disk(args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run ``python -B ARGS`` from the project root with files limited to 4 KB."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run([sys.executable, "-B", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, preexec_fn=_small_disk, timeout=120)


def run_jobs(case_file: Path, jobs: dict[str, Path]) -> dict[str, dict[str, Any]]:
    """Each job's outcome: ``{"error": None}`` or the exception's type, message, errno."""
    pairs = [f"{job}={path}" for job, path in jobs.items()]
    done = run_on_full_disk(["-m", "tests.full_disk", "jobs", str(case_file), *pairs])
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return {line.pop("job"): line for line in lines}


def run_cli(commands: list[list[str]]) -> list[dict[str, Any]]:
    """Each command line's exit code, stdout and stderr, all run in one child process."""
    done = run_on_full_disk(["-m", "tests.full_disk", "cli", *map(json.dumps, commands)])
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


# -- the child's side -------------------------------------------------------------------------
def _jobs() -> dict[str, Callable[[Any, Path], None]]:
    def png(case, path):
        from ui.export.diagram import export_png
        export_png(case.fishbone, path, 72)

    def pdf(case, path):
        from ui.export.diagram import export_pdf
        export_pdf(case.fishbone, path)

    def svg(case, path):
        from ui.export.diagram import export_svg
        export_svg(case.fishbone, path)

    def layout_json(case, path):
        from ui.export.diagram import export_layout_json
        export_layout_json(case.fishbone, path)

    def report_pdf(case, path):
        from ui.export.report_pdf import export_report_pdf
        export_report_pdf(case, path)

    def report_md(case, path):
        from ui.document.document import CaseDocument
        from ui.export.report_actions import write_report
        write_report(CaseDocument(case), "md", path)

    def save(case, path):
        from sixstep.caseio import save_case
        save_case(case, path)

    return {"png": png, "pdf": pdf, "svg": svg, "layout-json": layout_json,
            "report-pdf": report_pdf, "report-md": report_md, "save": save}


def _outcome(call: Callable[[], None]) -> dict[str, Any]:
    try:
        call()
    except Exception as exc:  # every kind of failure is reported to the parent
        return {"error": type(exc).__name__, "os_error": isinstance(exc, OSError),
                "message": str(exc), "errno": getattr(exc, "errno", None)}
    return {"error": None}


def _child(argv: list[str]) -> None:
    mode, rest = argv[0], argv[1:]
    if mode == "jobs":
        from sixstep.caseio import load_case

        jobs = _jobs()
        case = load_case(rest[0])
        if any(not pair.startswith(("save=", "report-md=")) for pair in rest[1:]):
            from ui.painting.render import ensure_gui_app
            ensure_gui_app()
        for pair in rest[1:]:
            job, path = pair.split("=", 1)
            result = _outcome(lambda job=job, path=path: jobs[job](case, Path(path)))
            print(json.dumps({"job": job, **result}), flush=True)
        return
    from ui.app.cli import main

    for encoded in rest:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(json.loads(encoded))
        print(json.dumps({"rc": code, "out": out.getvalue(), "err": err.getvalue()}),
              flush=True)


if __name__ == "__main__":
    _child(sys.argv[1:])
