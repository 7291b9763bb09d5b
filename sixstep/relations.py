"""The relations diagram over the causes: arrows in and out, drivers, outcomes and loops.

networkx is imported inside the functions that need it: it costs start-up time.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

from sixstep.case import Case

MAX_LOOPS = 100  # the most loops reported, so a big tangled diagram cannot hang the app


@dataclass(frozen=True)
class RelationSummary:
    incoming: dict[str, int]  # cause id -> arrows in (every cause, file order)
    outgoing: dict[str, int]  # cause id -> arrows out
    drivers: tuple[str, ...]  # the most arrows out (at least one): root-cause candidates
    outcomes: tuple[str, ...]  # the most arrows in (at least one)
    loops: tuple[tuple[str, ...], ...]  # each loop from its earliest cause in file order
    loops_cut_short: bool  # True when there were more than MAX_LOOPS loops


def summarise_relations(case: Case, max_loops: int = MAX_LOOPS) -> RelationSummary:
    import networkx as nx

    order = {c.id: i for i, c in enumerate(case.fishbone.causes)}
    graph = nx.DiGraph()
    graph.add_nodes_from(order)
    graph.add_edges_from((r.source, r.target) for r in case.relations)
    incoming = {cid: graph.in_degree(cid) for cid in order}
    outgoing = {cid: graph.out_degree(cid) for cid in order}
    found = list(islice(nx.simple_cycles(graph), max_loops + 1))
    loops = sorted((_from_earliest(loop, order) for loop in found[:max_loops]),
                   key=lambda loop: [order[c] for c in loop])
    return RelationSummary(incoming, outgoing, _most(outgoing), _most(incoming),
                           tuple(loops), len(found) > max_loops)


def _most(counts: dict[str, int]) -> tuple[str, ...]:
    top = max(counts.values(), default=0)
    return tuple(cid for cid, n in counts.items() if n == top) if top > 0 else ()


def _from_earliest(loop: list[str], order: dict[str, int]) -> tuple[str, ...]:
    start = min(range(len(loop)), key=lambda i: order[loop[i]])
    return tuple(loop[start:] + loop[:start])


# -- what the relations view shows, and where ------------------------------------------------
def relation_nodes(case: Case, every: bool = False) -> list[str]:
    """The causes the relations diagram shows, in file order: every cause with ``every``;
    otherwise the causes on an arrow or holding dots (the room's short list), or, while there
    are none of those, every cause not ruled out."""
    causes = case.fishbone.causes
    if every:
        return [c.id for c in causes]
    ends = {end for r in case.relations for end in (r.source, r.target)}
    chosen = [c.id for c in causes if c.id in ends or c.votes > 0]
    return chosen or [c.id for c in causes if c.status != "ruled_out"]


def layered_grid(case: Case, cause_ids: list[str] | tuple[str, ...], columns: int
                 ) -> dict[str, tuple[int, int]]:
    """Each cause's (column, row) in a grid of ``columns`` columns, filled column by column
    from the top left: causes with more arrows out than in first (the drivers, on the left),
    those with more arrows in last (the outcomes, on the right), file order among equals. So
    most arrows run from left to right, and the same case always gives the same grid."""
    columns = max(1, min(columns, len(cause_ids) or 1))
    rows = -(-len(cause_ids) // columns)
    shown = set(cause_ids)
    out = dict.fromkeys(cause_ids, 0)
    into = dict.fromkeys(cause_ids, 0)
    for r in case.relations:
        if r.source in shown and r.target in shown:
            out[r.source] += 1
            into[r.target] += 1
    order = sorted(range(len(cause_ids)), key=lambda i: (
        into[cause_ids[i]] - out[cause_ids[i]], -out[cause_ids[i]], i))
    return {cause_ids[i]: divmod(place, rows) for place, i in enumerate(order)}
