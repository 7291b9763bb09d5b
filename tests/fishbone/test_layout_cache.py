"""A measurer kept from one layout to the next wraps only the texts that are new."""

from __future__ import annotations

from fishbone.geometry import MonospaceMeasurer
from fishbone.layout import layout_diagram
from fishbone.layout_text import CachedMeasurer
from fishbone.model import Category, Cause, Diagram


class CountingMeasurer(MonospaceMeasurer):
    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def width(self, text: str, role: str) -> float:
        self.asked.append(text)
        return super().width(text, role)


def diagram() -> Diagram:
    d = Diagram("The effect", [Category("k", "Heading")])
    for i in range(20):
        d.add_cause(Cause(f"c{i}", "k", None, f"cause {i} in several plain words"))
    return d


def test_a_kept_measurer_gives_the_same_layout_and_measures_only_new_text():
    d = diagram()
    counting = CountingMeasurer()
    kept = CachedMeasurer(counting)
    first = layout_diagram(d, kept)
    assert first == layout_diagram(d, MonospaceMeasurer())
    counting.asked.clear()
    assert layout_diagram(d, kept) == first
    assert counting.asked == []
    d.set_cause("c3", "text", "cause 3 now reads differently")
    again = layout_diagram(d, kept)
    assert again == layout_diagram(d, MonospaceMeasurer())
    assert counting.asked and all("differently" in t or "reads" in t or "now" in t
                                  for t in counting.asked)


def test_the_caches_are_bounded():
    kept = CachedMeasurer(MonospaceMeasurer(), limit=10)
    for i in range(25):
        kept.wrap(f"text number {i}", 100.0, "cause")
    assert len(kept._wraps) <= 10 and len(kept._widths) <= 10
