"""A long word costs layout time in proportion to its length: it is broken into lines that
fit, each the longest piece that fits, as before."""

from __future__ import annotations

import random
import time

from fishbone.geometry import MonospaceMeasurer
from fishbone.layout import layout_diagram, wrap_text
from fishbone.model import Cause, Diagram


class CountingMeasurer(MonospaceMeasurer):
    """Measures like a real font would cost: in proportion to the text, and counts it all."""

    def __init__(self) -> None:
        super().__init__()
        self.measured = 0

    def width(self, text: str, role: str) -> float:
        self.measured += len(text)
        return super().width(text, role)


def _diagram(n: int) -> Diagram:
    diagram = Diagram("e" * n)
    category = diagram.categories[0].id
    diagram.causes.append(Cause("c1", category, None, "c" * n))
    diagram.causes.append(Cause("c2", category, "c1", "short words " + "s" * n + " and more"))
    return diagram


def _work(n: int) -> int:
    measurer = CountingMeasurer()
    layout_diagram(_diagram(n), measurer)
    return measurer.measured


def test_a_hundred_thousand_character_word_lays_out_in_well_under_a_second():
    diagram = _diagram(100_000)
    start = time.process_time()
    layout = layout_diagram(diagram, MonospaceMeasurer())
    assert time.process_time() - start < 1.0
    head = layout.box("head")
    assert head is not None and "".join(head.lines) == "e" * 100_000
    assert max(len(line) for line in head.lines) < 100


def test_the_work_of_a_long_word_grows_linearly():
    small, large = _work(10_000), _work(40_000)
    assert large < 4.5 * small  # the square would be 16 times


def test_the_time_of_a_long_word_grows_linearly():
    def best(n: int) -> float:
        diagram = _diagram(n)
        times = []
        for _ in range(3):
            start = time.process_time()
            layout_diagram(diagram, MonospaceMeasurer())
            times.append(time.process_time() - start)
        return min(times)

    small, large = best(5_000), best(20_000)
    assert large < 8 * small + 0.02  # the square would be 16 times


def _longest_prefix_lines(word: str, width: float, measure) -> tuple[str, ...]:
    """The plain definition: each line is the longest prefix that fits (one character at
    least), found by trying one length after another."""
    lines = []
    while word:
        fits = 1
        for size in range(2, len(word) + 1):
            if measure(word[:size]) > width:
                break
            fits = size
        lines.append(word[:fits])
        word = word[fits:]
    return tuple(lines)


def test_long_words_break_exactly_where_the_longest_fitting_piece_ends():
    rng = random.Random(5)
    weights = {ch: rng.uniform(0.4, 2.5) for ch in "abcdefghijklmnopqrstuvwxyzWMi"}

    def measure(text: str) -> float:
        return sum(weights[ch] for ch in text)

    for _ in range(300):
        word = "".join(rng.choice(list(weights)) for _ in range(rng.randint(1, 90)))
        width = rng.choice([0.3, 1.0, 2.0, 4.5, 10.0, 33.0])
        assert wrap_text(word, width, measure) == _longest_prefix_lines(word, width, measure)
