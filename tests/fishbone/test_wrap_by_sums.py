"""Wrapping by the sum of word widths gives the very lines that measuring every candidate gives."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from fishbone.layout_text import CachedMeasurer, wrap_text


def greedy_reference(text: str, max_width: float, measure) -> tuple[str, ...]:
    """The plain greedy wrap: measure each growing line (words that fit; no long words)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in (w for w in paragraph.split(" ") if w):
            candidate = f"{current} {word}" if current else word
            if measure(candidate) <= max_width:
                current = candidate
            else:
                lines.append(current)
                current = word
        lines.append(current)
    return tuple(lines)


def proportional(text: str) -> float:
    """Letters of different widths, and a pair that kerns a little closer."""
    return sum(4.0 + (ord(c) % 7) for c in text) - 0.3 * text.count("Te")


class Counting:
    def __init__(self, measure) -> None:
        self.measure = measure
        self.calls: list[str] = []

    def __call__(self, text: str) -> float:
        self.calls.append(text)
        return self.measure(text)


words = st.text(alphabet="abcdefgTe", min_size=1, max_size=9)
texts = st.lists(words, min_size=1, max_size=25).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(min_value=100, max_value=240))  # every word fits
def test_the_lines_are_those_of_measuring_every_candidate(text: str, limit: int) -> None:
    for measure in (proportional, lambda s: 7.8 * len(s)):
        assert wrap_text(text, float(limit), measure) == greedy_reference(text, limit, measure)


def test_a_line_near_the_limit_is_measured_whole_not_guessed() -> None:
    # "Te" kerns, so the sum of the parts is wider than the whole: the whole decides
    text = "Te Te Te"
    limit = proportional(text)
    assert wrap_text(text, limit, proportional) == (text,)


def test_a_cache_measures_each_word_once_not_every_growing_line() -> None:
    rng = random.Random(4)
    vocabulary = ["".join(rng.choice("abcdefghij") for _ in range(rng.randint(2, 9)))
                  for _ in range(40)]
    text = " ".join(rng.choice(vocabulary) for _ in range(300))
    counting = Counting(lambda s: 7.0 * len(s))

    class Measurer:
        def width(self, text: str, role: str) -> float:
            return counting(text)

        def line_height(self, role: str) -> float:
            return 16.0

    CachedMeasurer(Measurer()).wrap(text, 180.0, "cause")
    # the 40 words, the space and the few lines near the limit; measuring each growing line
    # asked about 300 new strings
    assert len(counting.calls) < 120
