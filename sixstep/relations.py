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
