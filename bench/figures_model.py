"""Figures without a window: layout and its growth, save and load, scoring with stability."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from config import Config
from generate import generated_case, generated_diagram, scored_case
from harness import Recorder, Spec, Target, fitted_exponent, n_log_n_exponent, with_commas

from fishbone.geometry import MonospaceMeasurer
from fishbone.layout import layout_diagram
from sixstep.caseio import load_case, save_case
from sixstep.scoring import score_case

LAYOUT_MS_AT_1000 = 20.0


def layout_label(n: int) -> str:
    return f"layout (monospace measurer), {with_commas(n)} causes"


def fit_sizes(cfg: Config) -> tuple[int, ...]:
    """The sizes the growth is fitted over: all but the smallest (its fixed costs would flatter
    the slope) when there are three or more."""
    return cfg.layout_sizes[1:] if len(cfg.layout_sizes) > 2 else cfg.layout_sizes


def exponent_label(cfg: Config) -> str:
    sizes = fit_sizes(cfg)
    return f"layout growth exponent, {with_commas(sizes[0])} to {with_commas(sizes[-1])} causes"


def specs(cfg: Config) -> list[Spec]:
    out = [Spec(layout_label(n), "ms", Target(LAYOUT_MS_AT_1000) if n == 1000 else None)
           for n in cfg.layout_sizes]
    out.append(Spec(exponent_label(cfg), "", Target(round(n_log_n_exponent(fit_sizes(cfg)), 2),
                                                    "(n log n)")))
    out.append(Spec(f"layout (Qt measurer, cold cache), {with_commas(cfg.edit_size)} causes"))
    n = with_commas(cfg.edit_size)
    out += [Spec(f"save the case, {n} causes, {cfg.case_tag}"),
            Spec(f"load the case, {n} causes, {cfg.case_tag}"),
            Spec(f"scoring with stability, {cfg.scoring_tag}")]
    return out


def run(cfg: Config, rec: Recorder) -> None:
    medians: dict[int, float] = {}
    for n in cfg.layout_sizes:
        diagram = generated_diagram(n)
        times = []
        for _ in range(cfg.layout_repeat(n)):
            measurer = MonospaceMeasurer()
            start = time.perf_counter()
            layout_diagram(diagram, measurer)
            times.append((time.perf_counter() - start) * 1000)
        figure = rec.record(layout_label(n), times)
        if figure is not None and figure.median is not None:
            medians[n] = figure.median
    sizes = fit_sizes(cfg)
    if all(n in medians for n in sizes):
        slope = fitted_exponent(sizes, [medians[n] for n in sizes])
        rec.record(exponent_label(cfg), [slope], note="slope of log time on log causes")
    else:
        rec.not_measured(exponent_label(cfg), "needs the layout figures it is fitted to")
    qt_layout(cfg, rec)
    files(cfg, rec)
    alternatives, criteria, participants = cfg.scoring_shape
    case = scored_case(alternatives, criteria, participants)
    rec.measure(f"scoring with stability, {cfg.scoring_tag}", lambda: score_case(case),
                repeat=cfg.repeat)


def qt_layout(cfg: Config, rec: Recorder) -> None:
    label = f"layout (Qt measurer, cold cache), {with_commas(cfg.edit_size)} causes"
    if not rec.wants(label):
        return
    from ui.painting.render import ensure_gui_app
    from ui.painting.style import LIGHT, QtTextMeasurer

    ensure_gui_app()
    diagram = generated_diagram(cfg.edit_size)
    times = []
    for _ in range(cfg.repeat):
        measurer = QtTextMeasurer(LIGHT)
        start = time.perf_counter()
        layout_diagram(diagram, measurer)
        times.append((time.perf_counter() - start) * 1000)
    rec.record(label, times)


def files(cfg: Config, rec: Recorder) -> None:
    n = with_commas(cfg.edit_size)
    case = generated_case(cfg.edit_size)
    with tempfile.TemporaryDirectory(prefix="bench-files-") as tmp:
        path = Path(tmp) / "bench.case.json"
        rec.measure(f"save the case, {n} causes, {cfg.case_tag}", lambda: save_case(case, path),
                    repeat=cfg.repeat)
        save_case(case, path)
        rec.measure(f"load the case, {n} causes, {cfg.case_tag}", lambda: load_case(path),
                    repeat=cfg.repeat, note=f"{path.stat().st_size / 1024:,.0f} KiB")
