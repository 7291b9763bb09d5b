"""How far one criterion's share of the weight can move before the leader changes."""

from __future__ import annotations

import math
from fractions import Fraction


def stability_interval(
    criterion: str,
    weights: dict[str, Fraction],
    scores: dict[str, dict[str, Fraction]],
    leader: str | None,
) -> tuple[Fraction, Fraction]:
    """The interval of ``criterion``'s normalised share w_k = W_k / sum(W) over which ``leader``
    stays first (ties at the ends count as staying first), the other weights rescaled in
    proportion.

    Each alternative's normalised total is linear in the share t:
    ``t * s_k + (1 - t) * R`` with ``R`` its weighted mean over the other criteria. The leader
    keeps first place where its line lies on or above every rival's: an intersection of
    half-lines, worked out exactly.
    """
    low, high = Fraction(0), Fraction(1)
    rest = sum((w for k, w in weights.items() if k != criterion), Fraction(0))
    if leader is None or len(scores) < 2 or rest == 0:
        return low, high

    def line(alt: str) -> tuple[Fraction, Fraction]:
        row = scores[alt]
        others = sum((w * row[k] for k, w in weights.items() if k != criterion), Fraction(0))
        return others / rest, row[criterion]  # value at t = 0, value at t = 1

    lead0, lead1 = line(leader)
    for alt in scores:
        if alt == leader:
            continue
        rival0, rival1 = line(alt)
        d0, d1 = lead0 - rival0, lead1 - rival1  # the leader's margin at t = 0 and t = 1
        slope = d1 - d0
        if slope == 0:
            if d0 < 0:
                return Fraction(0), Fraction(0)  # cannot happen for the true leader
            continue
        root = -d0 / slope
        if slope > 0:
            low = max(low, root)
        else:
            high = min(high, root)
    return low, high


def stability_intervals(
    weights: dict[str, Fraction],
    scores: dict[str, dict[str, Fraction]],
    leader: str | None,
) -> dict[str, tuple[Fraction, Fraction]]:
    """``stability_interval`` for every criterion of ``weights``: the same exact intervals,
    worked out at once in whole numbers.

    The weights are scaled by the least common multiple of their denominators and the scores
    by that of theirs, so every total is an integer; each alternative's weighted total is
    summed once, a criterion's "others" being that total less its own part. With ``D`` the
    leader's margin over a rival on the other criteria and ``E = d1 * rest - D`` (``d1`` the
    margin on the criterion, ``rest`` the other weights), the margin at share t is zero at
    ``t = -D / E`` and grows with t where ``E * rest > 0``, as in ``stability_interval``.
    """
    if leader is None or len(scores) < 2:
        return {k: (Fraction(0), Fraction(1)) for k in weights}
    scaled_weights = _whole(weights)
    rows = dict(zip(scores, _whole_rows([scores[alt] for alt in scores], list(weights)),
                    strict=True))
    totals = {alt: sum(w * row[k] for k, w in scaled_weights.items())
              for alt, row in rows.items()}
    weight_sum = sum(scaled_weights.values())
    lead_row, lead_total = rows[leader], totals[leader]
    out = {}
    for criterion, weight in scaled_weights.items():
        rest = weight_sum - weight
        if rest == 0:
            out[criterion] = (Fraction(0), Fraction(1))
            continue
        lead1 = lead_row[criterion]
        lead_others = lead_total - weight * lead1
        low, high = (0, 1), (1, 1)  # (numerator, positive denominator)
        for alt, row in rows.items():
            if alt == leader:
                continue
            rival1 = row[criterion]
            margin = lead_others - (totals[alt] - weight * rival1)  # D
            bend = (lead1 - rival1) * rest - margin  # E
            if bend == 0:
                if margin * rest < 0:
                    low, high = (0, 1), (0, 1)  # cannot happen for the true leader
                    break
                continue
            root = (-margin, bend) if bend > 0 else (margin, -bend)
            if bend * rest > 0:
                if root[0] * low[1] > low[0] * root[1]:
                    low = root
            elif root[0] * high[1] < high[0] * root[1]:
                high = root
        out[criterion] = (Fraction(*low), Fraction(*high))
    return out


def _whole(values: dict[str, Fraction]) -> dict[str, int]:
    """``values`` times the least common multiple of their denominators: whole numbers."""
    scale = math.lcm(*(v.denominator for v in values.values()))
    return {k: v.numerator * (scale // v.denominator) for k, v in values.items()}


def _whole_rows(rows: list[dict[str, Fraction]], keys: list[str]) -> list[dict[str, int]]:
    """Every row's ``keys`` times one common multiple of all their denominators."""
    scale = math.lcm(*(row[k].denominator for row in rows for k in keys))
    return [{k: row[k].numerator * (scale // row[k].denominator) for k in keys}
            for row in rows]
