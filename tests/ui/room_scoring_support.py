"""Happy Burgers scored by a room of four: each want cell's value (the mean of the sample's own
scores) becomes four people's, two of them far apart on a few cells, so the matrix has
contested cells and calm ones. Blind scoring starts off, so the tests turn it on themselves."""

from __future__ import annotations

from pathlib import Path

from sample_cases import read_sample
from sixstep.case import BlindScoring, Case, Participant, Score
from sixstep.caseio import dumps_case, loads_case

PEOPLE = (("p1", "Thandi"), ("p2", "Ravi"), ("p3", "Mia"), ("p4", "Jo"))
OFFSETS = (0, 1, -1, 0)  # each person's lean against the sample's score: a calm room
SPLIT = {  # (alternative, criterion) -> the four scores of a room that disagrees
    ("a1", "k4"): (2, 9, 3, 9),
    ("a4", "k3"): (10, 3, 9, 2),
    ("a5", "k5"): (1, 8, 2, 7),
}


def group_values(case: Case) -> Case:
    """``case`` with one group score per want cell: the mean of whatever was entered there."""
    wants = {c.id for c in case.criteria if c.kind == "want"}
    entered: dict[tuple[str, str], list[float]] = {}
    scores: list[Score] = []
    for score in case.scores:
        if score.criterion not in wants:
            scores.append(score)
            continue
        cell = (score.alternative, score.criterion)
        if cell not in entered:
            entered[cell] = []
            scores.append(Score(score.alternative, score.criterion, 0.0, None))
        entered[cell].append(float(score.value))
    for number, score in enumerate(scores):
        values = entered.get((score.alternative, score.criterion))
        if values is not None:
            mean = sum(values) / len(values)
            scores[number] = Score(score.alternative, score.criterion,
                                   int(mean) if mean.is_integer() else mean, None)
    case.scores = scores
    return case


def four_people(case: Case) -> Case:
    """``case`` (Happy Burgers) with four participants who scored every want cell."""
    case = group_values(case)
    case.participants = [Participant(pid, name) for pid, name in PEOPLE]
    case.blind = BlindScoring()
    wants = {c.id for c in case.criteria if c.kind == "want"}
    scale = case.score_scale
    scores: list[Score] = []
    for score in case.scores:
        if score.criterion not in wants or score.participant is not None:
            scores.append(score)
            continue
        split = SPLIT.get((score.alternative, score.criterion))
        for number, (pid, _) in enumerate(PEOPLE):
            value = split[number] if split else min(scale.max, max(
                scale.min, float(score.value) + OFFSETS[number]))
            scores.append(Score(score.alternative, score.criterion, value, pid))
    case.scores = scores
    return case


def burgers_with_four() -> Case:
    return four_people(loads_case(read_sample("happy_burgers").decode("utf-8")))


def write_burgers_with_four(folder: Path) -> Path:
    path = folder / "burgers_room.case.json"
    path.write_bytes(dumps_case(burgers_with_four()))
    return path
