"""The six-step case: every record a workshop keeps, as plain typed dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from fishbone.changes import ChangeStream
from fishbone.model import Diagram

FORMAT_NAME = "problem-workshop-case"
FORMAT_VERSION = 1

CRITERION_KINDS: tuple[str, ...] = ("must", "want")
ALTERNATIVE_STATUSES: tuple[str, ...] = ("open", "eliminated", "merged")
ROOM_IDEA_TARGETS: tuple[str, ...] = ("cause", "alternative")

# The research techniques the course names, with one line of guidance each.
TECHNIQUES: tuple[tuple[str, str, str], ...] = (
    ("critical_evaluation", "Critical evaluation",
     "Follow up in detail with customers about one product or service."),
    ("informal_surveys", "Informal surveys",
     "Ask the same questions every year so periods can be compared."),
    ("focus_groups", "Focus groups",
     "About 8 to 10 pre-screened people, a moderator and a written report."),
    ("brainstorming", "Brainstorming",
     "Every idea is accepted; nobody judges while ideas are flowing."),
    ("benchmarking", "Benchmarking",
     "Compare with others in the industry, or with your own earlier measurements."),
    ("fishbone", "Fishbone diagram",
     "Group possible causes under headings, then confirm or rule out each one."),
)


@dataclass
class Term:
    term: str = ""
    definition: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Problem:
    """Step 1: the problem as a question, its terms, symptoms, seriousness and effects."""

    question: str = ""
    terms: list[Term] = field(default_factory=list)
    symptoms: list[str] = field(default_factory=list)
    seriousness: str = ""
    effects: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class PreviousEffort:
    effort: str = ""
    what_stopped_it: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Research:
    """Step 2 (besides the fishbone): open questions, earlier efforts, findings, techniques."""

    to_research: list[str] = field(default_factory=list)
    to_research_done: list[bool] = field(default_factory=list)  # parallel to to_research
    previous_efforts: list[PreviousEffort] = field(default_factory=list)
    findings: str = ""
    techniques: list[str] = field(default_factory=list)  # ids from TECHNIQUES
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Criterion:
    """Step 3: a must (pass/fail) or a want (weighted) criterion; list order is importance."""

    id: str
    name: str
    kind: str = "want"
    weight: float | None = None  # want only: a positive number
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Alternative:
    """Step 4/5: an idea, its fate (open, eliminated or merged) and its evaluation notes."""

    id: str
    name: str
    status: str = "open"
    eliminated_reason: str = ""
    merged_into: str | None = None
    addresses: list[str] = field(default_factory=list)
    strengths: str = ""
    weaknesses: str = ""
    cost: str = ""
    benefit: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Score:
    """One cell of the matrix: a bool for a must criterion, a number for a want criterion."""

    alternative: str
    criterion: str
    value: bool | float
    participant: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class ScoreScale:
    min: float = 1
    max: float = 10
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Participant:
    id: str
    name: str
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Workshop:
    """When and where the workshop met and who ran it (the attendees are ``participants``)."""

    date: str = ""  # YYYY-MM-DD, or empty
    facilitator: str = ""
    place: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def is_blank(self) -> bool:
        return not (self.date or self.facilitator or self.place or self.extra)


@dataclass
class Dot:
    """Dots one participant put on one cause; ``participant`` None records the room's
    anonymous dots (counted totals only)."""

    cause: str
    participant: str | None
    count: int = 1
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class DotSettings:
    """How dot voting runs: dots per participant (None: a third of the causes, at most 10),
    the most one participant may put on one cause (None: no cap) and anonymous room mode."""

    budget: int | None = None
    cap: int | None = None
    anonymous: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def is_default(self) -> bool:
        return self.budget is None and self.cap is None and not self.anonymous and not self.extra


@dataclass
class Relation:
    """An arrow of the relations diagram: cause ``source`` drives cause ``target``."""

    source: str
    target: str
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class ParkedIdea:
    """An idea for the parking lot: it belongs elsewhere; ``step`` is where it came up."""

    text: str = ""
    step: int = 1
    done: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class RoomIdea:
    """An idea a phone sent in room mode, waiting in the inbox for the facilitator: a cause
    under the heading ``category``, or an alternative (``category`` None). ``sender`` is the
    participant who sent it (None: anonymous). Ids are "r1", "r2"..."""

    id: str
    text: str
    target: Literal["cause", "alternative"] = "cause"
    category: str | None = None
    sender: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class BlindScoring:
    """Blind scoring: while ``on`` and not ``revealed``, each participant's entries and the
    group value stay hidden from the room."""

    on: bool = False
    revealed: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def hides(self) -> bool:
        return self.on and not self.revealed

    def is_default(self) -> bool:
        return not (self.on or self.revealed or self.extra)


@dataclass
class Action:
    action: str = ""
    owner: str = ""
    due: str = ""
    success_measure: str = ""
    follow_up: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Review:
    """The short regular review after the action plan."""

    what_worked: str = ""
    what_did_not: str = ""
    what_next: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Selection:
    """Step 6: the chosen alternative(s), why, the action plan and the review."""

    chosen: list[str] = field(default_factory=list)
    rationale: str = ""
    actions: list[Action] = field(default_factory=list)
    review: Review = field(default_factory=Review)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Case:
    """One workshop, as saved in a ``.case.json`` file."""

    title: str = ""
    problem: Problem = field(default_factory=Problem)
    research: Research = field(default_factory=Research)
    fishbone: Diagram = field(default_factory=Diagram)
    criteria: list[Criterion] = field(default_factory=list)
    not_addressed: list[str] = field(default_factory=list)
    alternatives: list[Alternative] = field(default_factory=list)
    scores: list[Score] = field(default_factory=list)
    score_scale: ScoreScale = field(default_factory=ScoreScale)
    selection: Selection = field(default_factory=Selection)
    participants: list[Participant] = field(default_factory=list)
    step_notes: dict[str, str] = field(default_factory=dict)  # "1".."6" -> free notes
    workshop: Workshop = field(default_factory=Workshop)
    dots: list[Dot] = field(default_factory=list)
    dot_settings: DotSettings = field(default_factory=DotSettings)
    relations: list[Relation] = field(default_factory=list)
    parking_lot: list[ParkedIdea] = field(default_factory=list)
    blind: BlindScoring = field(default_factory=BlindScoring)
    timers: dict[str, int] = field(default_factory=dict)  # "1".."6" -> preset seconds
    room_ideas: list[RoomIdea] = field(default_factory=list)  # the room's inbox, in order
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def changes(self) -> ChangeStream:
        """The one stream every verb of this case and of its fishbone tells."""
        return self.fishbone.changes

    def criterion(self, criterion_id: str) -> Criterion:
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)

    def alternative(self, alternative_id: str) -> Alternative:
        for a in self.alternatives:
            if a.id == alternative_id:
                return a
        raise KeyError(alternative_id)

    def open_alternatives(self) -> list[Alternative]:
        return [a for a in self.alternatives if a.status == "open"]


def next_id(prefix: str, used: list[str]) -> str:
    """``prefix`` plus one more than the largest number already used with that prefix."""
    best = 0
    for value in used:
        if value.startswith(prefix) and value[len(prefix):].isdigit():
            best = max(best, int(value[len(prefix):]))
    candidate = best + 1
    taken = set(used)
    while f"{prefix}{candidate}" in taken:
        candidate += 1
    return f"{prefix}{candidate}"


def new_case() -> Case:
    """A blank case: the five course headings and a 1 to 10 scale."""
    return Case()
