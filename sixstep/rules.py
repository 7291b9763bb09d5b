"""The case's value rules, each written once: typed text, weights, the score scale, scores
and votes. The file loader, the edit verbs and the typed-cell parser all call these."""

from __future__ import annotations

import math
from collections.abc import Collection, Container
from datetime import date
from typing import Any, Literal

from fishbone.model import MAX_VOTES as MAX_VOTES  # the votes rule is the diagram's
from fishbone.model import STATUSES, votes_problem
from sixstep.case import ALTERNATIVE_STATUSES, CRITERION_KINDS, ROOM_IDEA_TARGETS, TECHNIQUES
from sixstep.numbers import format_number, plain_number

SCALE_LIMIT = 1e6  # the largest magnitude of either end of the score scale
WEIGHT_LIMIT = 1e9  # the largest weight a want criterion may have
TECHNIQUE_IDS: tuple[str, ...] = tuple(key for key, _, _ in TECHNIQUES)
# How much each kind of text may hold: (characters, lines). The file loader, the edit verbs
# and the typed cells all read this one table.
TEXT_LIMITS: dict[str, tuple[int, int]] = {
    "id": (200, 1),  # an id, or a reference to one
    "name": (1_000, 100),  # a title, a name, a heading, the effect, a cause's text, a term
    "text": (10_000, 1_000),  # a sentence or paragraph: a question, a reason, a description
    "notes": (100_000, 5_000),  # notes, findings and step notes
}
MAX_TEXT = TEXT_LIMITS["notes"][0]  # characters in any one text

# How many entries each list of a case may hold (a big workshop stays far below these).
ITEM_LIMITS: dict[str, int] = {
    "categories": 50,
    "causes": 5_000,
    "addresses": 5_000,  # the causes one alternative addresses
    "criteria": 200,
    "alternatives": 1_000,
    "participants": 500,
    "scores": 50_000,  # (each score is seven texts in the file)
    "actions": 1_000,
    "step_notes": 50,
    "list": 1_000,  # any other list: terms, symptoms, efforts, addresses, chosen...
}
MAX_CAUSE_DEPTH = 30  # levels of sub-causes under a main bone, the top cause being level 1

# What keys this version does not know may hold in one record (kept and saved as they are).
MAX_EXTRA_VALUES = 10_000  # values, counting every list, object, text and number
MAX_EXTRA_CHARS = 1_000_000  # characters of text, keys included

_LINE_BREAKS = ("\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


class RuleError(ValueError):
    """A value that a rule refuses; the message is a sentence for the user."""


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def line_count(value: str) -> int:
    """How many lines ``value`` shows as (a CR LF pair is one break; empty text is one line)."""
    if value.isprintable():  # no line break is printable: one pass for most texts
        return 1
    breaks = sum(value.count(mark) for mark in _LINE_BREAKS)
    return 1 + breaks - value.count("\r\n")


def text_problem(value: str, kind: str = "notes") -> str | None:
    """Why ``value`` cannot be kept as a text of ``kind`` (see TEXT_LIMITS), or None."""
    chars, lines = TEXT_LIMITS[kind]
    if len(value) > chars:
        return f"is longer than {chars:,} characters"
    if line_count(value) > lines:
        return "may not break across lines" if lines == 1 else f"has more than {lines:,} lines"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "holds a character that cannot be saved"
    return None


def check_text(value: Any, what: str = "The text", kind: str = "notes") -> str:
    """Plain text that can be saved: a string within the ``kind``'s limits of TEXT_LIMITS
    (characters and lines), with no lone surrogate."""
    if not isinstance(value, str):
        raise RuleError(f"{what} must be text.")
    problem = text_problem(value, kind)
    if problem is not None:
        raise RuleError(f"{what} {problem}.")
    return value


def check_count(count: int, what: str, kind: str = "list") -> None:
    """Refuse a list of ``kind`` (a key of ITEM_LIMITS) growing to more than its limit."""
    limit = ITEM_LIMITS.get(kind, ITEM_LIMITS["list"])
    if count > limit:
        raise RuleError(f"{what} may hold at most {limit:,} entries.")


def check_cause_depth(depth: int) -> None:
    """Refuse a cause nested deeper than MAX_CAUSE_DEPTH (1 is a cause on a main bone)."""
    if depth > MAX_CAUSE_DEPTH:
        raise RuleError(f"Causes may be nested at most {MAX_CAUSE_DEPTH} levels deep.")


def check_choice(value: Any, allowed: tuple[str, ...], what: str) -> str:
    """One of a closed set of words (a status, a kind, a field's name)."""
    if not isinstance(value, str) or value not in allowed:
        raise RuleError(f"{what} is one of {', '.join(allowed)}, not {value!r}.")
    return value


def check_cause_status(value: Any) -> str:
    return check_choice(value, STATUSES, "A cause's status")


def check_criterion_kind(value: Any) -> str:
    return check_choice(value, CRITERION_KINDS, "A criterion's kind")


def check_alternative_status(value: Any) -> str:
    return check_choice(value, ALTERNATIVE_STATUSES, "An alternative's status")


def check_flag(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise RuleError(f"{what} is yes or no.")
    return value


# -- references: ids that must name a record the case has -----------------------------------
def check_reference(value: Any, known: Container[str], what: str) -> str:
    """An id naming an existing record; ``what`` says of what ("cause", "alternative")."""
    if not isinstance(value, str) or value not in known:
        raise RuleError(f"There is no {what} with the id {value!r}.")
    return value


def check_linked_cause(value: Any, cause_ids: Container[str]) -> str:
    """A cause an alternative addresses: one the fishbone has."""
    return check_reference(value, cause_ids, "cause")


def check_chosen(value: Any, alternative_ids: Container[str]) -> str:
    """An alternative chosen in step 6: one the case has."""
    return check_reference(value, alternative_ids, "alternative")


def check_technique(value: Any) -> str:
    """A research technique of step 2: one of ``TECHNIQUES``."""
    return check_reference(value, TECHNIQUE_IDS, "research technique")


def check_scorer(value: Any, participant_ids: Collection[str]) -> str | None:
    """Who gave a score: None (the group) or a participant. A case with no participants
    takes any name (files written before participants were kept)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise RuleError(f"There is no participant with the id {value!r}.")
    if participant_ids:
        check_reference(value, participant_ids, "participant")
    return value


def check_weight(value: Any) -> int | float | None:
    """A want criterion's weight: None (not weighted yet) or a finite number above 0."""
    if value is None:
        return None
    if not _is_number(value) or not math.isfinite(value) or not 0 < value <= WEIGHT_LIMIT:
        raise RuleError(f"A weight is a number above 0 and up to {WEIGHT_LIMIT:,.0f}.")
    return plain_number(value)


def check_scale(low: Any, high: Any) -> tuple[int | float, int | float]:
    """The score scale's two ends: finite, within SCALE_LIMIT, the highest above the lowest."""
    for end in (low, high):
        if not _is_number(end) or not math.isfinite(end) or abs(end) > SCALE_LIMIT:
            raise RuleError(f"The scale ends must be numbers between {-SCALE_LIMIT:,.0f} and "
                            f"{SCALE_LIMIT:,.0f}.")
    if not low < high:
        raise RuleError("The highest score must be above the lowest.")
    return plain_number(low), plain_number(high)


def check_score(kind: str, name: str, value: Any, low: float, high: float) -> bool | int | float:
    """One cell's value: pass or fail (a bool) for a must, a number on the scale for a want."""
    if kind == "must":
        if not isinstance(value, bool):
            raise RuleError(f"\u201c{name}\u201d is a must: pass or fail only.")
        return value
    if not _is_number(value):
        raise RuleError(f"\u201c{name}\u201d needs a number, not pass or fail.")
    if not math.isfinite(value) or not low <= value <= high:
        raise RuleError(f"Scores run from {format_number(low)} to {format_number(high)}.")
    return plain_number(value)


def check_votes(value: Any) -> int:
    """Votes on a cause: a whole number from 0 to MAX_VOTES (the rule is the diagram's own,
    ``fishbone.model.votes_problem``; the model cannot import this package)."""
    problem = votes_problem(value)
    if problem is not None:
        raise RuleError(problem)
    return int(value)


# -- the room: workshop, dots, relations, parking lot, timers, the root cause ---------------
MAX_DOTS = 100  # the largest dot budget or cap per participant
MAX_DEFAULT_DOTS = 10  # the default budget never goes above this
MAX_TIMER = 24 * 60 * 60  # the longest timer preset, in seconds
STEP_NUMBERS: tuple[int, ...] = (1, 2, 3, 4, 5, 6)


def check_date(value: Any, what: str = "The date") -> str:
    """A calendar day written YYYY-MM-DD, or the empty text for no date."""
    text = check_text(value, what)
    if text == "":
        return text
    digits = text[:4] + text[5:7] + text[8:]
    ok = len(text) == 10 and text[4] == text[7] == "-" and text.isascii() and digits.isdigit()
    try:
        if ok:
            date.fromisoformat(text)
    except ValueError:
        ok = False
    if not ok:
        raise RuleError(f"{what} is a day written YYYY-MM-DD, such as 2026-03-14.")
    return text


def _whole(value: Any, low: int, high: int, message: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise RuleError(message)
    return value


def check_dot_budget(value: Any) -> int | None:
    """Dots per participant: None (the default, see ``default_dot_budget``) or 1 to MAX_DOTS."""
    if value is None:
        return None
    return _whole(value, 1, MAX_DOTS, f"A dot budget is a whole number from 1 to {MAX_DOTS}.")


def check_dot_cap(value: Any) -> int | None:
    """The most dots one participant may put on one cause: None (no cap) or 1 to MAX_DOTS."""
    if value is None:
        return None
    return _whole(value, 1, MAX_DOTS, f"A cap per cause is a whole number from 1 to {MAX_DOTS}.")


def check_dot_count(value: Any) -> int:
    """Dots in one record (one participant on one cause): 1 to MAX_VOTES."""
    return _whole(value, 1, MAX_VOTES, f"A dot count is a whole number from 1 to {MAX_VOTES:,}.")


def default_dot_budget(cause_count: int) -> int:
    """A third of the causes, rounded (halves up), at least 1 when there are causes, at most
    MAX_DEFAULT_DOTS."""
    if cause_count <= 0:
        return 0
    return max(1, min(MAX_DEFAULT_DOTS, (cause_count + 1) // 3))


def check_dot_limits(who: str, held: int, budget: int, on_cause: int, cap: int | None) -> None:
    """A participant holding ``held`` dots in all, ``on_cause`` of them on one cause, stays
    within the budget and the cap per cause."""
    if held > budget:
        raise RuleError(f"{who}: {held} dots, over the budget of {budget} each.")
    if cap is not None and on_cause > cap:
        raise RuleError(f"{who}: {on_cause} dots on one cause, over the cap of {cap} per cause.")


def check_relation(source: Any, target: Any, cause_ids: Container[str],
                   existing: Container[tuple[str, str]]) -> tuple[str, str]:
    """An arrow "``source`` drives ``target``" between two existing, different causes, not
    drawn already. Loops through several causes are allowed."""
    for end in (source, target):
        if not isinstance(end, str) or end not in cause_ids:
            raise RuleError(f"An arrow joins two causes; there is no cause {end!r}.")
    if source == target:
        raise RuleError("An arrow joins two different causes, not a cause to itself.")
    if (source, target) in existing:
        raise RuleError("That arrow is already drawn.")
    return source, target


def check_step_number(value: Any, what: str = "The step") -> int:
    """One of the six steps, 1 to 6."""
    return _whole(value, 1, 6, f"{what} is a whole number from 1 to 6.")


def check_timer_seconds(value: Any) -> int:
    """A timer preset: whole seconds from 1 to MAX_TIMER."""
    return _whole(value, 1, MAX_TIMER,
                  f"A timer preset is a whole number of seconds from 1 to {MAX_TIMER:,}.")


def check_blind(on: Any, revealed: Any) -> tuple[bool, bool]:
    """Blind scoring's state: on or off, and revealed only while on."""
    if not isinstance(on, bool) or not isinstance(revealed, bool):
        raise RuleError("Blind scoring is on or off, revealed or not.")
    if revealed and not on:
        raise RuleError("Only blind scoring can be revealed: turn it on first.")
    return on, revealed


def check_room_idea(text: Any, target: Any, category: Any, sender: Any,
                    heading_ids: Container[str], participant_ids: Container[str]
                    ) -> tuple[str, Literal["cause", "alternative"], str | None, str | None]:
    """An idea a phone sent: its text (a cause's or an alternative's, not blank), what it is
    for (a cause or an alternative), the heading a cause goes under (none for an
    alternative) and who sent it (a participant's id, or None for anonymous)."""
    text = check_text(text, "An idea", "name")
    if not text.strip():
        raise RuleError("An idea needs some text.")
    for_cause = check_choice(target, ROOM_IDEA_TARGETS, "What an idea is for") == "cause"
    if for_cause:
        category = check_reference(category, heading_ids, "heading")
    elif category is not None:
        raise RuleError("An idea for an alternative goes under no heading.")
    if sender is not None:
        sender = check_reference(sender, participant_ids, "participant")
    return text, "cause" if for_cause else "alternative", category, sender


def check_root_cause(status: str, root_cause: bool) -> None:
    """The method's rule: a ruled-out cause cannot be the root cause."""
    if root_cause and status == "ruled_out":
        raise RuleError("A ruled-out cause cannot be the root cause.")
