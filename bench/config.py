"""What one run measures: the sizes and repeats of the full run and of the quick smoke."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Config:
    quick: bool = False
    layout_sizes: tuple[int, ...] = (50, 200, 1000, 5000)
    build_sizes: tuple[int, ...] = (50, 200, 1000, 5000)
    edit_size: int = 1000  # the canvas edits, exports, save and load
    memory_size: int = 5000
    scoring_shape: tuple[int, int, int] = (100, 50, 10)
    case_tag: str = "40 x 8 x 12"  # the step pages' case (see generate.scored_case)
    report_shape: tuple[int, int, int] = (40, 8, 12)  # alternatives, criteria, participants
    repeat: int = 7  # each quick measurement
    heavy_repeat: int = 3  # collapse all, exports, opening a case
    process_runs: int = 7  # each whole-process measurement (start-up, the peer)

    @classmethod
    def make(cls, quick: bool) -> Config:
        if not quick:
            return cls()
        return cls(quick=True, layout_sizes=(50, 200), build_sizes=(50,), edit_size=50,
                   memory_size=200, scoring_shape=(20, 10, 5), report_shape=(5, 4, 3),
                   repeat=2, heavy_repeat=1, process_runs=1)

    def layout_repeat(self, n: int) -> int:
        if self.quick:
            return 2
        return 20 if n <= 200 else 7 if n <= 1000 else 3

    def build_repeat(self, n: int) -> int:
        return 1 if self.quick or n >= 5000 else self.heavy_repeat

    @property
    def scoring_tag(self) -> str:
        return " x ".join(str(n) for n in self.scoring_shape)

    @property
    def report_tag(self) -> str:
        return " x ".join(str(n) for n in self.report_shape)
