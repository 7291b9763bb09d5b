"""The neutral blocks a workshop report is made of: plain text only; whoever draws them (the
Markdown writer, the PDF writer) decides how text is marked up."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Heading:
    level: int  # 1 the title, 2 a step, 3 a part of a step
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    label: str = ""  # shown in bold before the text
    quiet: bool = False  # an aside such as "(nothing recorded yet)"


@dataclass(frozen=True)
class Bullets:
    items: tuple[Paragraph, ...]
    numbered: bool = False


@dataclass(frozen=True)
class OutlineEntry:
    depth: int  # 0 for a cause on its heading's bone
    text: str
    marks: str  # "confirmed, root cause, 2 votes"
    note: str = ""


@dataclass(frozen=True)
class Outline:
    entries: tuple[OutlineEntry, ...]


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    right: tuple[int, ...] = ()  # columns aligned right (numbers)
    widths: tuple[int, ...] = ()  # relative column widths for paged output


@dataclass(frozen=True)
class DiagramPlace:
    """Where the fishbone picture belongs; paged output draws it on a page of its own."""


@dataclass(frozen=True)
class ParetoChart:
    """Causes by votes, most first, with the running share: paged output may draw it as a
    chart; text output leaves it out (the table beside it holds the same numbers)."""

    labels: tuple[str, ...]
    votes: tuple[int, ...]
    cumulative_percent: tuple[float, ...]
    verify_first: tuple[bool, ...]


@dataclass(frozen=True)
class ContributionsChart:
    """Each ranked alternative's total as a stacked bar, one segment per want criterion
    (weight x score): paged output may draw it; text output leaves it out (the ranking table
    holds the totals)."""

    alternatives: tuple[str, ...]  # labels in rank order, the leader first
    criteria: tuple[str, ...]  # the want criteria in step 3's order
    contributions: tuple[tuple[float, ...], ...]  # per alternative, per criterion


Block = (Heading | Paragraph | Bullets | Outline | Table | DiagramPlace | ParetoChart
         | ContributionsChart)
