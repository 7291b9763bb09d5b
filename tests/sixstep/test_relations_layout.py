"""What the relations view shows and where: the short list of causes and the layered grid."""

from __future__ import annotations

from sixstep.case import Relation
from sixstep.caseio import loads_case
from sixstep.relations import layered_grid, relation_nodes
from tests.sixstep.room_cases import doc, text


def _case(*pairs: str, votes: dict[str, int] | None = None, ruled_out: tuple[str, ...] = ()):
    case = loads_case(text(doc()))
    case.relations = [Relation(p[:2], p[3:]) for p in pairs]
    for cause in case.fishbone.causes:
        cause.votes = (votes or {}).get(cause.id, 0)
        if cause.id in ruled_out:
            cause.status = "ruled_out"
    return case


def test_the_short_list_is_the_causes_on_arrows_or_with_dots_in_file_order():
    case = _case("c5>c2", votes={"c4": 2, "c2": 1})
    assert relation_nodes(case) == ["c2", "c4", "c5"]
    assert relation_nodes(case, every=True) == ["c1", "c2", "c3", "c4", "c5", "c6"]


def test_without_arrows_or_dots_every_cause_not_ruled_out_is_shown():
    case = _case(ruled_out=("c3",))
    assert relation_nodes(case) == ["c1", "c2", "c4", "c5", "c6"]


def test_the_grid_puts_drivers_left_and_outcomes_right_column_by_column():
    case = _case("c1>c2", "c1>c3", "c1>c4", "c2>c4", "c3>c4")
    ids = ["c1", "c2", "c3", "c4", "c5", "c6"]
    grid = layered_grid(case, ids, 3)
    assert grid["c1"] == (0, 0)  # the driver: top left
    assert grid["c4"] == (2, 1)  # the outcome: last place, on the right
    assert sorted(grid.values()) == [(c, r) for c in range(3) for r in range(2)]
    assert grid == layered_grid(case, ids, 3)  # the same case, the same grid


def test_the_grid_counts_only_arrows_between_shown_causes_and_clamps_columns():
    case = _case("c1>c2", "c6>c1")
    assert layered_grid(case, ["c1", "c2"], 5) == {"c1": (0, 0), "c2": (1, 0)}
    assert layered_grid(case, ["c2", "c1"], 0) == {"c1": (0, 0), "c2": (0, 1)}
    assert layered_grid(case, [], 3) == {}
