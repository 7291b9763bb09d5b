"""Generated benchmark material: diagrams of any size, the big scored case, the peer's diagram.

Everything is deterministic (fixed seeds), so two runs measure the same diagrams.
"""

from __future__ import annotations

import random

from fishbone.model import Category, Cause, Diagram
from sixstep.case import Alternative, Case, Criterion, Participant, Score

HEADINGS = ("Equipment", "Systems", "Processes", "People", "Environment", "Materials")
WORDS = ("the", "night", "shift", "manager", "was", "not", "told", "about", "new", "till",
         "screen", "orders", "from", "delivery", "apps", "arrive", "late", "kitchen",
         "printer", "jams", "when", "busy", "staff", "training", "skipped", "for", "weekend",
         "rota", "changes", "headset", "battery", "dies", "menu", "board", "unclear", "prices",
         "supplier", "delivers", "frozen", "buns", "after", "opening", "fryer", "timer",
         "broken", "since", "March", "nobody", "checks", "hand-over", "notes", "at", "10pm")
EFFECT = "Customers leave frustrated after waiting too long for their order"
MAX_DEPTH = 4


def sentence(rnd: random.Random, low: int = 3, high: int = 12, long_share: float = 0.1) -> str:
    """``low`` to ``high`` words; a ``long_share`` of them a long one of up to 30 words (about
    15 to 180 characters, as a scribe writes them)."""
    n = rnd.randint(13, 30) if rnd.random() < long_share else rnd.randint(low, high)
    return " ".join(rnd.choice(WORDS) for _ in range(n)).capitalize()


def generated_diagram(n_causes: int, max_depth: int = MAX_DEPTH, seed: int = 3) -> Diagram:
    """Six headings and ``n_causes`` causes nested up to ``max_depth`` deep, with the marks a
    workshop leaves: statuses, root causes, votes and notes."""
    rnd = random.Random(seed)
    cats = [Category(name.lower(), name) for name in HEADINGS]
    d = Diagram(EFFECT, cats)
    open_parents: list[tuple[Cause, int]] = []
    for i in range(n_causes):
        if open_parents and rnd.random() < 0.75:
            parent, depth = rnd.choice(open_parents)
            cause, depth = Cause(f"c{i + 1}", parent.category, parent.id, sentence(rnd)), depth + 1
        else:
            cause, depth = Cause(f"c{i + 1}", rnd.choice(cats).id, None, sentence(rnd)), 1
        roll = rnd.random()
        cause.status = "confirmed" if roll < 0.2 else "ruled_out" if roll < 0.3 else "possible"
        cause.root_cause = cause.status == "confirmed" and rnd.random() < 0.1
        cause.votes = rnd.randint(1, 7) if rnd.random() < 0.3 else 0
        cause.notes = "Checked with the night team on Tuesday" if rnd.random() < 0.1 else ""
        d.add_cause(cause)
        if depth < max_depth:
            open_parents.append((cause, depth))
    return d


def scored_case(alternatives: int = 40, criteria: int = 8, participants: int = 12,
                seed: int = 7) -> Case:
    """A case with every alternative scored on every want criterion by every participant
    (criteria named in two to six words, alternatives in three to eight, a tenth longer)."""
    rng = random.Random(seed)
    case = Case(title=f"Benchmark, {alternatives} x {criteria} x {participants}")
    # a criterion is named in a few words, as a column heading ("Cost to run", "Time to set
    # up"); a 30-word name would make the matrix's heading taller than the window
    case.criteria = [Criterion(f"k{j}", f"Criterion {j}: {sentence(rng, 2, 6, long_share=0.0)}",
                               "want", criteria - j) for j in range(criteria)]
    case.alternatives = [Alternative(f"a{i}", f"Alternative {i}: {sentence(rng, 3, 8)}")
                         for i in range(alternatives)]
    case.participants = [Participant(f"p{i}", f"Person {i}") for i in range(participants)]
    case.scores = [Score(a.id, k.id, rng.randint(1, 10), p.id) for a in case.alternatives
                   for k in case.criteria for p in case.participants]
    return case


def generated_case(n_causes: int, shape: tuple[int, int, int] = (40, 8, 12)) -> Case:
    """A scored case (40 x 8 x 12 unless ``shape`` says otherwise) with a generated diagram
    of ``n_causes`` causes."""
    case = scored_case(*shape)
    case.title = f"Benchmark, {n_causes} causes"
    case.problem.question = "How can we serve every customer within five minutes?"
    case.fishbone = generated_diagram(n_causes)
    return case


def peer_headings(seed: int = 5) -> dict[str, list[str]]:
    """Thirty short causes under six headings, five each: what the peer package can draw."""
    rnd = random.Random(seed)
    return {name: [sentence(rnd, 2, 5, long_share=0.0) for _ in range(5)] for name in HEADINGS}


def peer_case(seed: int = 5) -> Case:
    """The same thirty causes as a case of ours (one level, no marks)."""
    case = Case(title="Thirty causes")
    case.fishbone = Diagram(EFFECT, [Category(name.lower(), name) for name in HEADINGS])
    n = 0
    for name, texts in peer_headings(seed).items():
        for text in texts:
            n += 1
            case.fishbone.add_cause(Cause(f"c{n}", name.lower(), None, text))
    return case
