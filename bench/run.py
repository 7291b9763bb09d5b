"""Every benchmark figure of the app, each with its target and MET or MISSED.

Run: ``python bench/run.py [--quick] [--json OUT] [--only TEXT] [--profile TEXT]``.
``--quick`` is the smoke CI runs (smallest sizes, one to three repeats, under a minute);
``--json OUT`` writes every figure; ``--only TEXT`` runs the figures whose label contains
TEXT; ``--profile TEXT`` prints a cProfile of the in-process figures whose label contains it;
``--list`` prints the labels; ``--table-from JSON`` prints a run's figures as Markdown.
The figures come from the modules ``bench/figures_*.py``; a figure that cannot run prints
"not measured" and why. Benchmarks, not tests: nothing here fails a build.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

import figures_canvas  # noqa: E402
import figures_export  # noqa: E402
import figures_model  # noqa: E402
import figures_process  # noqa: E402
from config import Config  # noqa: E402
from harness import Recorder, Spec, header, markdown_table  # noqa: E402
from window import qt_app, settle  # noqa: E402

Group = tuple[str, Callable[[Config], list[Spec]], Callable[[Config, Recorder, Path], None]]
GROUPS: tuple[Group, ...] = (
    ("layout, files and scoring", figures_model.specs,
     lambda cfg, rec, folder: figures_model.run(cfg, rec)),
    ("the window", figures_canvas.specs, figures_canvas.run),
    ("exports", figures_export.specs, figures_export.run),
    ("whole processes", figures_process.specs, figures_process.run),
)


def planned_labels(quick: bool) -> list[str]:
    """Every figure label a run prints, in order (the quick smoke's test checks them)."""
    cfg = Config.make(quick)
    return [spec.label for _, make_specs, _ in GROUPS for spec in make_specs(cfg)]


def run(cfg: Config, rec: Recorder) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        for name, make_specs, measure in GROUPS:
            specs = make_specs(cfg)
            if not rec.plan(specs):
                continue
            print(f"\n# {name}", flush=True)
            why = "its group did not reach it"
            try:
                measure(cfg, rec, Path(tmp))
            except Exception as exc:  # noqa: BLE001 - report it, go on with the other groups
                why = f"{type(exc).__name__}: {exc}"
            rec.finish_group(specs, why)


def summary(rec: Recorder) -> str:
    figures = rec.figures.values()
    count = {v: sum(1 for f in figures if f.verdict == v) for v in ("MET", "MISSED",
                                                                  "not measured")}
    missed = [f.label for f in figures if f.verdict == "MISSED"]
    lines = [f"\n{count['MET']} MET, {count['MISSED']} MISSED, {count['not measured']} not "
             f"measured, {len(rec.figures)} figures"]
    lines += [f"  missed: {label}" for label in missed]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the smoke: small and fast")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write every figure here")
    parser.add_argument("--only", metavar="TEXT", help="the figures whose label contains TEXT")
    parser.add_argument("--profile", metavar="TEXT", help="cProfile the figures matching TEXT")
    parser.add_argument("--list", action="store_true", help="print the figures' labels, run none")
    parser.add_argument("--table-from", type=Path, metavar="JSON",
                        help="print a --json run's figures as a Markdown table, run none")
    args = parser.parse_args(argv)
    if args.table_from is not None:
        print(markdown_table(json.loads(args.table_from.read_text("utf-8"))["figures"]))
        return 0
    cfg = Config.make(args.quick)
    if args.list:
        print("\n".join(label for label in planned_labels(cfg.quick)
                        if (args.only or "").lower() in label.lower()))
        return 0
    qt_app()
    rec = Recorder(args.only, args.profile, settle=settle)
    started = time.perf_counter()
    print(f"Problem Workshop benchmarks{' (quick)' if cfg.quick else ''}, "
          f"{datetime.date.today()}, load average {_load()}\n{header()}", flush=True)
    run(cfg, rec)
    print(summary(rec))
    seconds = time.perf_counter() - started
    print(f"{seconds:.0f} s")
    if args.json is not None:
        args.json.write_text(json.dumps({
            "date": datetime.datetime.now().isoformat(timespec="seconds"),
            "quick": cfg.quick, "only": args.only, "seconds": round(seconds, 1),
            "load_average": _load(), "python": platform.python_version(),
            "machine": f"{platform.machine()}, {os.cpu_count()} cpus",
            "figures": rec.rows(),
        }, indent=2) + "\n", "utf-8")
    return 0


def _load() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


if __name__ == "__main__":
    sys.exit(main())
