"""How far one criterion's share of the weight can move before the leader changes."""

from __future__ import annotations

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
