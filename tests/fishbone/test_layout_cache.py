"""A measurer kept from one layout to the next wraps only the texts that are new, and a
layout cache rebuilds only the subtrees that changed, always giving what a fresh layout gives."""

from __future__ import annotations

from fishbone.geometry import LayoutOptions, MonospaceMeasurer
from fishbone.layout import LayoutCache, layout_diagram
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
    assert len(kept._wraps) <= 10
    assert all(len(table) <= 10 for table in kept._widths.values())


def nested() -> Diagram:
    d = Diagram("The effect", [Category("k", "Heading"), Category("j", "Other")])
    for i in range(12):
        parent = f"c{i - 4}" if i >= 4 else None
        d.add_cause(Cause(f"c{i}", "k" if i % 2 else "j", parent, f"cause {i} of a few words"))
    return d


def test_a_layout_cache_rebuilds_only_changed_subtrees_and_matches_a_fresh_layout():
    d = nested()
    cache = LayoutCache(MonospaceMeasurer())
    layout_diagram(d, cache)
    before = {id(block) for block in cache.blocks.values()}
    d.set_cause("c9", "text", "cause 9 now reads quite differently")  # under c5, under c1
    assert layout_diagram(d, cache) == layout_diagram(d, MonospaceMeasurer())
    after = {id(block) for block in cache.blocks.values()}
    assert len(after) == len(before) and len(before - after) == 1  # c1's subtree alone
    for edit in (lambda: d.set_cause("c5", "collapsed", True),
                 lambda: d.move_cause("c6", "j", None),
                 lambda: d.remove_cause("c2"),
                 lambda: d.add_cause(Cause("new", "k", "c3", "a new sub-cause"))):
        edit()
        for options in (LayoutOptions(), LayoutOptions(head_on_right=False, max_label_width=90)):
            assert layout_diagram(d, cache, options) == layout_diagram(
                d, MonospaceMeasurer(), options)


def test_an_edit_in_one_category_leaves_the_other_bones_and_their_boxes_as_they_were():
    d = nested()
    cache = LayoutCache(MonospaceMeasurer())
    first = layout_diagram(d, cache)
    bones = dict(cache.bones)
    d.set_cause("c9", "text", "cause 9 of a few wordz")  # same size; under "k", "j" is first
    again = layout_diagram(d, cache)
    assert again == layout_diagram(d, MonospaceMeasurer())
    kept = [key for key in cache.bones if key in bones]
    assert len(kept) == 1 and kept[0][0].id == "j"  # the other bone is reused...
    before = {b.id: b for b in first.boxes}
    for box in again.boxes:
        if box.id in ("j", "c0", "c2", "c4", "c6", "c8", "c10"):  # ...and its boxes too
            assert box is before[box.id]


def test_a_kept_cache_follows_random_edits_exactly():
    import random

    from tests.fishbone.test_layout_properties import random_diagram

    rng = random.Random(5)
    d = random_diagram(3, 120)
    cache = LayoutCache(MonospaceMeasurer())
    flipped = LayoutOptions(head_on_right=False)
    for step in range(40):
        cause = rng.choice(d.causes)
        what = rng.random()
        if what < 0.4:
            d.set_cause(cause.id, "text", cause.text + rng.choice([" more", "x", ""]))
        elif what < 0.6:
            d.set_cause(cause.id, "collapsed", not cause.collapsed)
        elif what < 0.8:
            d.remove_cause(cause.id)
        else:
            d.add_cause(Cause(d.next_cause_id(), cause.category, cause.id, "a new one"))
        options = flipped if step % 7 == 3 else LayoutOptions()
        assert layout_diagram(d, cache, options) == layout_diagram(
            d, MonospaceMeasurer(), options)


def test_a_heading_whose_stamp_is_unchanged_is_reused_without_walking_its_causes(monkeypatch):
    import fishbone.layout as layout_module

    d = nested()
    cache = LayoutCache(MonospaceMeasurer())
    layout_diagram(d, cache)
    walked: list[str] = []
    real = layout_module._Layouter.cause_block

    def counting(self, top, depth):  # noqa: ANN001, ANN202
        walked.append(top.category)
        return real(self, top, depth)

    def headings_walked(diagram: Diagram) -> set[str]:
        walked.clear()
        monkeypatch.setattr(layout_module._Layouter, "cause_block", counting)
        kept = layout_diagram(diagram, cache)
        monkeypatch.setattr(layout_module._Layouter, "cause_block", real)
        assert kept == layout_diagram(diagram, MonospaceMeasurer())
        return set(walked)

    d.set_cause("c9", "text", "cause 9 now reads quite differently")  # under "k"
    assert headings_walked(d) == {"k"}
    assert headings_walked(d) == set()  # nothing changed
    d.move_cause("c6", "k", None)  # from "j" to "k": both are walked again
    assert headings_walked(d) == {"j", "k"}
    d.rename_category("j", "Other heading")  # a heading changed: every heading is looked at
    assert headings_walked(d) == {"j", "k"}
    other = nested()  # another diagram with the same ids is never taken for this one
    assert headings_walked(other) == {"j", "k"}


def test_a_kept_cache_follows_moves_and_heading_edits_exactly():
    import random

    from fishbone.model import Category as Heading
    from tests.fishbone.test_layout_properties import random_diagram

    rng = random.Random(11)
    d = random_diagram(4, 150)
    cache = LayoutCache(MonospaceMeasurer())
    for step in range(60):
        cause = rng.choice(d.causes)
        what = rng.random()
        if what < 0.3:
            d.move_cause(cause.id, rng.choice(d.categories).id, None, rng.choice((None, 0)))
        elif what < 0.45:
            d.set_cause(cause.id, "text", cause.text + " and more")
        elif what < 0.55:
            d.rename_category(rng.choice(d.categories).id, f"Heading {step}")
        elif what < 0.65:
            d.move_category(rng.choice(d.categories).id, 0)
        elif what < 0.7:
            d.add_category(Heading(f"h{step}", f"New heading {step}"))
        elif what < 0.8:
            d.set_effect(f"An effect at step {step}")
        elif what < 0.9:
            removed = d.remove_cause(cause.id)
            if rng.random() < 0.5:
                d.restore(removed)
        else:
            d.set_cause(cause.id, "collapsed", not cause.collapsed)
        assert layout_diagram(d, cache, anchored=True) == layout_diagram(
            d, MonospaceMeasurer(), anchored=True)
