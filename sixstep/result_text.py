"""Every text that presents a scoring result, built once for the matrix, chart, report and CLI.

No Qt: the screens, the report and the command line all read their words and numbers here.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from sixstep.case import Case
from sixstep.numbers import format_number
from sixstep.steps import count

if TYPE_CHECKING:  # only for the annotations: sixstep.scoring imports this module
    from sixstep.scoring import ScoringResult

# -- numbers and percents ---------------------------------------------------------------------


def percent_text(percent: float, decimals: int = 0) -> str:
    """A percent given as 0 to 100: ``78%``, or ``78.1%`` with one decimal."""
    return f"{percent:.{decimals}f}%"


def share_text(share: float, decimals: int = 0) -> str:
    """A share given as 0 to 1: ``38%``, or ``38.5%`` with one decimal."""
    return percent_text(share * 100, decimals)


def scale_span(low: float, high: float) -> str:
    """The score scale: ``1\u201310``."""
    return f"{format_number(low)}\u2013{format_number(high)}"


def total_and_percent(total: float, percent: float) -> str:
    """A bar's end in the chart: ``78.5 (79%)``."""
    return f"{format_number(total)} ({percent_text(percent)})"


# -- ranks ------------------------------------------------------------------------------------
SCREENED_OUT_MARK = "out"  # the rank cell of an alternative that fails a must
NOT_RANKED_MARK = "\u2013"  # a percent or total that an unranked alternative does not have
NO_RANKING = "No alternative is fully scored yet."


def rank_text(rank: int, shared: bool) -> str:
    """``1``, or ``=1`` for a place shared with another alternative."""
    return f"={rank}" if shared else str(rank)


def result_rank_text(result: ScoringResult, alternative_id: str) -> str:
    """The alternative's place in ``result`` (``1``, ``=1``), or "" when it is not ranked."""
    rank = result.rank_of(alternative_id)
    return "" if rank is None else rank_text(rank, result.is_tied(alternative_id))


def rank_phrase(result: ScoringResult, alternative_id: str) -> str:
    """In a sentence: ``rank 2``, ``rank 1, tied``, or "" when it is not ranked."""
    rank = result.rank_of(alternative_id)
    if rank is None:
        return ""
    return f"rank {rank}, tied" if result.is_tied(alternative_id) else f"rank {rank}"


def ranked_label(rank: str, label: str) -> str:
    """A chart bar's label: ``=1. Read the order back``."""
    return f"{rank}. {label}"


def standings(result: ScoringResult) -> dict[str, str]:
    """A short standing per open alternative, for step 6: ``rank 1 \u00b7 78%``."""
    out: dict[str, str] = {}
    for r in result.ranking:
        rank = rank_phrase(result, r.alternative)
        out[r.alternative] = f"{rank} \u00b7 {percent_text(r.percent)}"
    for s in result.screened_out:
        out[s.alternative] = "screened out: fails a must"
    for i in result.incomplete:
        out[i.alternative] = f"not fully scored ({len(i.missing)} missing)"
    return out


# -- cells: pass and fail, numbers, missing ---------------------------------------------------
MISSING = "?"  # a cell nobody has scored, in the matrix
NOT_SCORED = "not scored"  # the same, read aloud
MISSING_TIP = "Not scored yet: a missing cell never counts as 0."
NO_OWN_SCORE = "\u2013"  # the chosen participant has not scored this cell
REPORT_MISSING = "\u2014"  # a cell not scored yet, in the report


def pass_fail_word(value: bool) -> str:
    return "pass" if value else "fail"


def pass_fail_text(value: bool, compact: bool = False) -> str:
    """``\u2713 pass``, ``\u2717 fail``; just the mark when ``compact`` (projector mode)."""
    mark = "\u2713" if value else "\u2717"
    return mark if compact else f"{mark} {pass_fail_word(value)}"


def cell_text(value: bool | float | None, must: bool, compact: bool = False) -> str:
    """A matrix cell: ``?``, a pass or fail mark, or the score."""
    if value is None:
        return MISSING
    if must or isinstance(value, bool):
        return pass_fail_text(bool(value), compact)
    return format_number(float(value))


def own_cell_text(own: bool | float | None, combined: bool | float | None, must: bool,
                  compact: bool = False) -> str:
    """A participant's own score, then everyone's combined in brackets: ``8 (6.5)``."""
    own_text = NO_OWN_SCORE if own is None else cell_text(own, must, compact)
    return f"{own_text} ({cell_text(combined, must, compact)})"


def report_cell_text(value: bool | float | None) -> str:
    """A report's score cell: ``pass``, ``fail``, ``7.5``, or a dash when not scored."""
    if value is None:
        return REPORT_MISSING
    if isinstance(value, bool):
        return pass_fail_word(value)
    return format_number(value)


def to_score_mark(missing: int) -> str:
    """The rank cell of an alternative with unscored cells: ``3 to score``."""
    return f"{missing} to score"


def partial_total_text(total: float) -> str:
    """The total so far of an alternative with unscored cells: ``27 so far``."""
    return f"{format_number(total)} so far"


# -- criteria and weights ---------------------------------------------------------------------
MUST_MARK = "must"


def weight_text(weight: float | None) -> str:
    """A weight in a table: ``8``, or ``not set``."""
    return "not set" if weight is None else format_number(weight)


def weight_label(weight: float | None, share: float | None = None) -> str:
    """Under a criterion's heading: ``w 8 \u00b7 38%``, ``w 8`` or ``no weight``."""
    if weight is None:
        return "no weight"
    text = f"w {format_number(weight)}"
    return text if share is None else f"{text} \u00b7 {share_text(share)}"


def criterion_code(place: int) -> str:
    """A criterion by its place, for narrow headings: ``C3``."""
    return f"C{place}"


def criterion_key_line(place: int, name: str, must: bool) -> str:
    """One line of the key to the codes: ``C1  Works with one person  (must)``."""
    return f"{criterion_code(place)}  {name}" + ("  (must)" if must else "")


def weightless_warning(names: Sequence[str]) -> str:
    """Wants that count for nothing because they have no weight, or "" when there are none."""
    if not names:
        return ""
    quoted = ", ".join(f"\u201c{n}\u201d" for n in names)
    verbs = ("has", "counts") if len(names) == 1 else ("have", "count")
    return (f"{quoted} {verbs[0]} no weight yet and {verbs[1]} for nothing: set the weights "
            "in step 3.")


# -- how stable the lead is -------------------------------------------------------------------


def stability_span(low: float, high: float) -> str:
    """The share range that keeps the leader first, short: ``20\u201360%``."""
    return f"{low * 100:.0f}\u2013{share_text(high)}"


def lead_span_text(low: float, high: float) -> str:
    """Under a weight's heading: ``lead 20\u201360%``."""
    return f"lead {stability_span(low, high)}"


def lead_span_sentence(low: float, high: float) -> list[str]:
    """Under a weight's heading, in words, as two lines: ``keeps the lead`` / ``from 20% to
    60%`` (the short ``lead 20\u201360%`` is for narrow headings)."""
    return ["keeps the lead", f"from {stability_range(low, high)}"]


def stability_range(low: float, high: float, decimals: int = 0) -> str:
    """``20% to 60%`` (the report gives one decimal)."""
    return f"{share_text(low, decimals)} to {share_text(high, decimals)}"


def stability_sentence(low: float, high: float) -> str:
    """How the learner reads a range: ``between 20% and 60%``, or ``anything from 0% to 100%``."""
    if low <= 0 and high >= 1:
        return "anything from 0% to 100%"
    return f"between {share_text(low)} and {share_text(high)}"


def stability_line(criterion: str, share: float, low: float, high: float) -> str:
    """``Cheap: now 38%, holds from 23% to 100%``."""
    return f"{criterion}: now {share_text(share)}, holds from {stability_range(low, high)}"


FRAGILE_HEADING = "The lead is fragile:"
SHORT_FRAGILE = "\u26a0 The lead is fragile: see \u201cHow sure?\u201d below."
NOT_FRAGILE = "No single score point or small weight change would change the leader."


def tie_reason(first: str, second: str) -> str:
    return f"{first} and {second} are tied for first place."


def score_point_reason(criterion: str, first: str, second: str) -> str:
    return (f"One score point on {criterion} would tie or overturn the lead of {first} over "
            f"{second}.")


def weight_reason(criterion: str, share: float, low: float, high: float) -> str:
    return (f"A small change to the weight of {criterion} (now {share_text(share)} of the "
            f"total; the lead holds from {stability_range(low, high)}) would change the "
            "leader.")


def fragile_warning(reasons: Sequence[str]) -> str:
    """The warning above the matrix, or "" when the lead is solid (or there is none)."""
    return "\u26a0 The lead is fragile. " + " ".join(reasons) if reasons else ""


def lead_summary(leader: str | None, reasons: Sequence[str]) -> str:
    """The sentence above the table of weights and their ranges."""
    if leader is None:
        return ("No alternative leads yet: score every cell of at least one alternative that "
                "passes the musts.")
    if reasons:
        return f"{leader} leads. {fragile_warning(reasons)}"
    return (f"{leader} leads. The lead holds while each weight's share stays inside the range "
            "below (the other weights rescaled to match).")


# -- one-line labels, screened out and left out -----------------------------------------------


def one_line(text: str) -> str:
    """Typed text on one line: any run of whitespace (newlines, tabs) becomes one space."""
    return " ".join(text.split())


def alternative_label(case: Case, alternative_id: str) -> str:
    """An alternative's name on one line; its id if it has no name or no longer exists."""
    try:
        return one_line(case.alternative(alternative_id).name) or alternative_id
    except KeyError:
        return alternative_id


def short_label(text: str, width: int) -> list[str]:
    """At most two lines of ``width`` characters, cut short with an ellipsis."""
    return textwrap.wrap(text, width, max_lines=2, placeholder=" \u2026")


def fails_text(criteria: Iterable[str]) -> str:
    """The musts an alternative fails: ``fails Legal, Cheap``."""
    return "fails " + ", ".join(criteria)


def screened_out_tip(criteria: Iterable[str]) -> str:
    return f"Screened out: {fails_text(criteria)}. Not ranked."


def left_out_note(result: ScoringResult) -> str:
    """What the chart leaves out and why, or "" when it shows every open alternative."""
    parts = [f"{s.name} (screened out)" for s in result.screened_out]
    parts += [f"{i.name} ({count(len(i.missing), 'cell')} to score)" for i in result.incomplete]
    return f"Not in the chart: {'; '.join(parts)}." if parts else ""


# -- the command line's table -----------------------------------------------------------------


def format_table(result: ScoringResult, case: Case) -> str:
    """A plain-text report for a terminal: the ranking, then whatever is not ranked and why."""
    names = {c.id: c.name for c in case.criteria}
    width = max([len(r.name) for r in result.ranking] + [11])
    lines = [f"Scores combined by {result.aggregate} of participants.", "",
             f"{'Rank':>4}  {'Alternative':<{width}}  {'Total':>9}  {'Percent':>7}"]
    for r in result.ranking:
        rank = result_rank_text(result, r.alternative)
        lines.append(f"{rank:>4}  {r.name:<{width}}  {format_number(r.total):>9}  "
                     f"{percent_text(r.percent, 1):>7}")
    if not result.ranking:
        lines.append(f"  {NO_RANKING}")
    for s in result.screened_out:
        lines.append(f"Screened out: {s.name} ({fails_text(names[c] for c in s.failed)})")
    for i in result.incomplete:
        lines.append(f"Not ranked, {count(len(i.missing), 'cell')} unscored: {i.name}")
    if result.stability:
        lines += ["", "Weight share over which the leader stays first:"]
        for crit, (low, high) in result.stability.items():
            lines.append("  " + stability_line(names[crit], result.shares[crit], low, high))
    if result.fragile:
        lines += ["", FRAGILE_HEADING] + [f"  {reason}" for reason in result.fragile]
    return "\n".join(lines)


# -- the room: the group's value, contested cells, blind scoring ------------------------------
CONTESTED_MARK = "\u00b1"  # beside a contested cell's value: the room's scores are far apart
HIDDEN = "\u2026"  # a rank, percent or total while the room scores blind (the banner says why)
HIDDEN_TIP = "Hidden until the facilitator reveals the scores."
SCORED_MARK = "\u2713"  # this person has scored the cell (blind scoring shows only that)
ROOM_LEGEND = (f"6.5  group value    Ann: 8  own score    "
               f"{CONTESTED_MARK}  contested (scores far apart)")
SHORT_ROOM_LEGEND = f"{CONTESTED_MARK}  contested"


def spread_text(spread: float) -> str:
    """A normalised spread: ``0.45``."""
    return f"{spread:.2f}"


def person_score_line(name: str, own: bool | float | None, must: bool,
                      compact: bool = False) -> str:
    """Under the group's value, the chosen person's own score: ``Ann: 8``, ``Ann: \u2013``."""
    return f"{name}: {NO_OWN_SCORE if own is None else cell_text(own, must, compact)}"


def person_done_line(name: str, done: bool) -> str:
    """While blind, only whether the chosen person has scored the cell: ``Ann: \u2713``."""
    return f"{name}: {SCORED_MARK if done else NO_OWN_SCORE}"


def scored_count(done: int, total: int) -> str:
    """While blind, how many of the room have scored a cell: ``3/4``."""
    return f"{done}/{total}"


def contested_tip(spread: float, aggregate: str, group: str,
                  people: Sequence[tuple[str, float]]) -> str:
    """A contested cell's tooltip: the spread, each person's score and the group's value."""
    scores = ", ".join(f"{name} {format_number(value)}" for name, value in people)
    return (f"Contested: the scores are far apart (spread {spread_text(spread)}; "
            f"from 0.30 a cell is contested).\nScores: {scores}.\n"
            f"The group's {aggregate}: {group}.")


def blind_cell_tip(done: Sequence[str], waiting: Sequence[str], group: bool = False) -> str:
    """A hidden cell's tooltip: who has scored it and who has not (``group``: a score was
    also entered for the whole group)."""
    lines = [HIDDEN_TIP] + (["A score was entered for the whole group."] if group else [])
    if done:
        lines.append("Scored: " + ", ".join(done) + ".")
    if waiting:
        lines.append("Still to score: " + ", ".join(waiting) + ".")
    return "\n".join(lines)


def blind_banner(progress: Sequence[tuple[str, int, int]], compact: bool = False) -> str:
    """Above the matrix while blind: what is hidden, then each person's cells scored."""
    done = [f"{name}\u00a0{scored_count(n, total)}" + (f"\u00a0{SCORED_MARK}" if n >= total else "")
            for name, n, total in progress]  # (no line break inside one person's count)
    if compact:
        return "Hidden until revealed. " + (f"Scored: {', '.join(done)}" if done else "")
    head = "Blind scoring: every score stays hidden until the facilitator reveals them all."
    return head + ("\nScored so far: " + ", ".join(done) if done else "")


def blind_stored(name: str | None, alternative: str, criterion: str) -> str:
    """The confirmation of a score typed while blind."""
    who = f"{name}\u2019s" if name else "The group\u2019s"
    return f"{who} score for \u201c{alternative}\u201d on \u201c{criterion}\u201d is in (hidden)."


def blind_hidden_view(what: str) -> str:
    """A chart or table that would give the scores away while blind."""
    return f"{what} stays hidden while the room scores blind: reveal the scores to see it."


def median_leader_sentence(mean_leader: str | None, median_leader: str | None) -> str:
    """Whether combining by median instead of mean puts another alternative first
    (the leaders' names, None when no single alternative leads)."""
    if mean_leader == median_leader:
        if mean_leader is None:
            return "No single alternative leads, with the mean or with the median."
        return f"The leader is the same with the median (\u201c{mean_leader}\u201d)."
    if median_leader is None:
        return ("With the median, no single alternative leads (with the mean, "
                f"\u201c{mean_leader}\u201d does).")
    if mean_leader is None:
        return (f"With the median, \u201c{median_leader}\u201d leads (with the mean, no single "
                "alternative does).")
    return (f"With the median, \u201c{median_leader}\u201d leads instead of "
            f"\u201c{mean_leader}\u201d.")


def differs_most(name: str, points: float) -> str:
    """Under the view by person: who is furthest from the group."""
    return (f"{name} differs most from the group: {format_number(points)} points away on "
            "average.")


NOBODY_DIFFERS = "Everyone who scored agrees with the group here."
DIFFERS_MARKS = ("\u2191", "\u2193")  # a person's score well above, well below the group's


def differs_cell(value: float, direction: int) -> str:
    """A person's score in the view by person, marked when far from the group: ``9 \u2191``."""
    mark = DIFFERS_MARKS[0] if direction > 0 else DIFFERS_MARKS[1] if direction < 0 else ""
    return f"{format_number(value)} {mark}".strip()
