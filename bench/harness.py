"""The benchmark harness: figures with targets, timing, the printed table and the JSON."""

from __future__ import annotations

import cProfile
import math
import pstats
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field

Fn = Callable[[], object]


@dataclass(frozen=True)
class Target:
    """A figure's goal: ``value`` in ``unit``, met when the median is at or below it
    (``higher=True``: at or above)."""

    value: float
    unit: str = "ms"
    higher: bool = False

    def met(self, median: float) -> bool:
        return median >= self.value if self.higher else median <= self.value

    def text(self) -> str:
        return f"{'>=' if self.higher else '<='} {_number(self.value)} {self.unit}".rstrip()


@dataclass(frozen=True)
class Spec:
    """One planned figure: its label, the unit it is measured in and its target, if any."""

    label: str
    unit: str = "ms"
    target: Target | None = None


@dataclass
class Figure:
    """One measured (or not measured) figure, as printed and as written to the JSON."""

    label: str
    unit: str
    median: float | None = None
    low: float | None = None
    high: float | None = None
    runs: int = 0
    target: str = ""
    verdict: str = ""  # MET, MISSED, "" (no target) or "not measured"
    note: str = ""
    samples: list[float] = field(default_factory=list)

    def line(self) -> str:
        if self.median is None:
            return f"{self.label:58} not measured: {self.note}"
        spread = (f"[{_number(self.low)}..{_number(self.high)}]"
                  if self.runs > 1 and self.low is not None and self.high is not None else "")
        value = f"{_number(self.median)} {self.unit}"
        note = f"  ({self.note})" if self.note else ""
        return (f"{self.label:58} {value:>12} {spread:>19} {self.target or '-':>12}  "
                f"{self.verdict or '-'}{note}")


def _number(x: float | None) -> str:
    if x is None:
        return "?"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    return f"{x:.2f}" if abs(x) < 10 else f"{x:.1f}"


def header() -> str:
    return (f"{'figure':58} {'median':>12} {'[min..max]':>19} {'target':>12}  verdict\n"
            + "-" * 112)


class Recorder:
    """Collects the figures of one run. Only planned labels may be recorded; ``only`` keeps
    the figures whose label contains it (case-insensitive); ``profile`` runs cProfile over the
    measurements whose label contains it."""

    def __init__(self, only: str | None = None, profile: str | None = None,
                 settle: Fn | None = None, echo: Callable[[str], None] = print) -> None:
        self.only = (only or "").lower()
        self.profile = (profile or "").lower()
        self.settle = settle or (lambda: None)
        self.echo = echo
        self.specs: dict[str, Spec] = {}
        self.figures: dict[str, Figure] = {}

    def plan(self, specs: Sequence[Spec]) -> list[Spec]:
        """Declare a group's figures; returns those this run wants."""
        wanted = []
        for spec in specs:
            self.specs[spec.label] = spec
            if self.wants(spec.label):
                wanted.append(spec)
        return wanted

    def wants(self, label: str) -> bool:
        return self.only in label.lower()

    def measure(self, label: str, fn: Fn, repeat: int = 5, setup: Fn | None = None,
                teardown: Fn | None = None, note: str | Callable[[], str] = "",
                budget_ms: float | None = None) -> Figure | None:
        """Time ``fn`` and what Qt then has to do (``settle``), ``repeat`` times; ``setup``
        and ``teardown`` run around each time, untimed. A callable ``note`` is asked after.
        Past ``budget_ms`` of timed work no more repeats start (a slow export runs once)."""
        if not self.wants(label):
            return None
        profiler = cProfile.Profile() if self.profile and self.profile in label.lower() else None
        times = []
        for _ in range(repeat):
            if setup is not None:
                setup()
            self.settle()
            if profiler is not None:
                profiler.enable()
            start = time.perf_counter()
            fn()
            self.settle()
            times.append((time.perf_counter() - start) * 1000)
            if profiler is not None:
                profiler.disable()
            if teardown is not None:
                teardown()
            if budget_ms is not None and sum(times) > budget_ms:
                break
        figure = self.record(label, times, note() if callable(note) else note)
        if profiler is not None:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        return figure

    def record(self, label: str, samples: Sequence[float], note: str = "",
               median: float | None = None) -> Figure | None:
        """Record measured ``samples`` (their median unless ``median`` is given)."""
        if not self.wants(label):
            return None
        spec = self._spec(label)
        mid = statistics.median(samples) if median is None else median
        figure = Figure(label, spec.unit, mid, min(samples), max(samples), len(samples),
                        note=note, samples=[round(s, 3) for s in samples])
        if spec.target is not None:
            figure.target = spec.target.text()
            figure.verdict = "MET" if spec.target.met(mid) else "MISSED"
        return self._keep(figure)

    def missed(self, label: str, note: str) -> Figure | None:
        """A figure whose target is missed without a number (an export refused, say)."""
        if not self.wants(label):
            return None
        spec = self._spec(label)
        return self._keep(Figure(label, spec.unit, None, target=spec.target.text()
                                 if spec.target else "", verdict="MISSED", note=note))

    def not_measured(self, label: str, why: str) -> Figure | None:
        if not self.wants(label) or label in self.figures:
            return None
        spec = self._spec(label)
        return self._keep(Figure(label, spec.unit, target=spec.target.text()
                                 if spec.target else "", verdict="not measured", note=why))

    def safely(self, labels: str | Sequence[str], fn: Fn) -> None:
        """Run the measurement of one figure (or of several together) if any is wanted; if it
        fails, those not yet recorded are 'not measured: why'."""
        names = [labels] if isinstance(labels, str) else list(labels)
        if not any(self.wants(label) for label in names):
            return
        try:
            fn()
        except Exception as exc:  # noqa: BLE001 - one figure's failure must not end the run
            for label in names:
                self.not_measured(label, f"{type(exc).__name__}: {exc}")

    def finish_group(self, specs: Sequence[Spec], why: str) -> None:
        """Every planned figure of a group that was not recorded is 'not measured: why'."""
        for spec in specs:
            self.not_measured(spec.label, why)

    def _spec(self, label: str) -> Spec:
        if label not in self.specs:
            raise KeyError(f"figure {label!r} was not planned")
        return self.specs[label]

    def _keep(self, figure: Figure) -> Figure:
        self.figures[figure.label] = figure
        if figure.median is None and figure.verdict == "MISSED":
            self.echo(f"{figure.label:58} {'-':>12} {'':>19} {figure.target:>12}  MISSED"
                      f"  ({figure.note})")
        else:
            self.echo(figure.line())
        return figure

    def rows(self) -> list[dict[str, object]]:
        return [asdict(self.figures[label]) for label in self.specs if label in self.figures]


def markdown_table(figures: Sequence[dict[str, object]]) -> str:
    """The figures of a JSON run as a Markdown table (for the README)."""
    lines = ["| figure | median | min..max | target | verdict |", "|---|---:|---:|---|---|"]
    for f in figures:
        unit = f" {f['unit']}" if f["unit"] else ""
        median = f["median"]
        if median is None:
            value, spread = "-", ""
        else:
            value = f"{_number(median)}{unit}"  # type: ignore[arg-type]
            spread = (f"{_number(f['low'])}..{_number(f['high'])}"  # type: ignore[arg-type]
                      if int(f["runs"]) > 1 else "")  # type: ignore[call-overload]
        verdict = str(f["verdict"] or "-")
        if median is None and f["note"]:  # not measured, or refused: say why
            verdict += f": {f['note']}"
        lines.append(f"| {f['label']} | {value} | {spread} | {f['target'] or '-'} | {verdict} |")
    return "\n".join(lines)


def fitted_exponent(sizes: Sequence[float], times: Sequence[float]) -> float:
    """The slope of log(time) against log(size), by least squares: time ~ size ** slope."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-9)) for t in times]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx


def n_log_n_exponent(sizes: Sequence[float]) -> float:
    """The exponent that ``n log n`` itself fits to over ``sizes``: the ceiling for growth."""
    return fitted_exponent(sizes, [n * math.log(n) for n in sizes])


def with_commas(n: int) -> str:
    return f"{n:,}"
