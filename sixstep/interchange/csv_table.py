"""CSV tables, as spreadsheets write them: one row per cause under a header row.

Header names are matched without regard to case, spaces or dashes: ``effect``; ``heading``
(or ``category``); ``cause``, ``sub-cause``, ``sub-cause 2``... (or ``cause 1``, ``cause
2``...), or instead one ``path`` column (``Heading > cause > sub-cause``); ``status``, ``root
cause``, ``votes``, ``notes``. Other columns are ignored. Comma, semicolon or tab is told from
the header; UTF-8 with or without a byte-order mark; quoted fields may hold line breaks;
numbers are plain digits, whatever the machine's locale.

Each row is one cause: its deepest filled cell. A filled cell to its left names an ancestor:
the row above's at that level if it has the same text, else the last one of that text under
the same parent, else a new one. An empty cell means "the same as the row above", so both
full paths and indented sheets read. A row with only a heading adds that heading; headings
are matched by name across the whole table. Cells that would start a spreadsheet formula
(``= + - @``) are written behind a ``'``, which reading removes.
"""

from __future__ import annotations

import csv
import io
import re

from fishbone.model import Diagram
from sixstep.interchange.errors import (
    MAX_DEPTH,
    MAX_NODES,
    InterchangeError,
    decode_text,
)
from sixstep.interchange.outline import (
    STATUS_TEXT,
    Node,
    Outline,
    as_outline,
    checked_text,
    read_flag,
    read_status,
    read_votes,
    walk,
)

_NAMES = {
    "effect": "effect", "problem": "effect", "heading": "heading", "category": "heading",
    "bone": "heading", "path": "path", "status": "status", "rootcause": "root_cause",
    "root": "root_cause", "votes": "votes", "vote": "votes", "notes": "notes", "note": "notes",
}
_LEVEL = re.compile(r"(sub)?cause(\d{0,2})")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
BLANK = "(no text)"  # a cause with no text: an empty cell would read as no cause at all


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    header = re.sub(r'"[^"]*"', "", header)
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def _columns(header: list[str]) -> tuple[dict[str, int], list[int]]:
    """Named columns (name -> index) and the level columns, heading first."""
    named: dict[str, int] = {}
    levels: dict[int, int] = {}
    for index, title in enumerate(header):
        key = re.sub(r"[^a-z0-9]", "", title.lower())
        level = _LEVEL.fullmatch(key)
        if level:
            sub, number = level.group(1), level.group(2)
            if sub:
                depth = int(number) + 1 if number else 2
            else:
                depth = int(number) if number else 1
            if depth < 1:
                continue
            if depth in levels:
                raise InterchangeError(f"two columns for level {depth} of cause", 1, index + 1)
            levels[depth] = index
        elif key in _NAMES:
            if _NAMES[key] in named:
                raise InterchangeError(f"two {_NAMES[key]} columns", 1, index + 1)
            named[_NAMES[key]] = index
    if "path" in named and ("heading" in named or levels):
        raise InterchangeError("use either a path column or heading and cause columns", 1)
    if "path" not in named and "heading" not in named:
        raise InterchangeError("the header row needs a heading column (or a path column), "
                               f"not {', '.join(repr(h) for h in header[:6])}", 1)
    if len(levels) > MAX_DEPTH:
        raise InterchangeError(f"more than {MAX_DEPTH} levels of cause columns", 1)
    for depth in range(1, len(levels) + 1):
        if depth not in levels:
            raise InterchangeError(f"no column for cause level {depth}, but deeper ones", 1)
    order = [named["heading"]] if "heading" in named else []
    return named, order + [levels[d] for d in range(1, len(levels) + 1)]


def _cell(row: list[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    value = row[index].replace("\r\n", "\n").replace("\r", "\n").strip()
    if value[:1] == "'" and value[1:2] and value[1:2] in (*_FORMULA, "'"):
        value = value[1:]
    return value


def read_csv(data: bytes | str) -> Outline:
    """Read a CSV table."""
    text = decode_text(data)
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        header = next(rows, None)
        if header is None or not any(h.strip() for h in header):
            raise InterchangeError("the table is empty; the first row names the columns", 1)
        named, level_columns = _columns(header)
        return _read_rows(rows, named, level_columns)
    except csv.Error as exc:
        raise InterchangeError(f"not valid CSV: {exc}", rows.line_num) from None


def _read_rows(rows, named: dict[str, int], level_columns: list[int]) -> Outline:  # type: ignore[no-untyped-def]
    outline = Outline()
    headings: dict[str, Node] = {}
    named_children: dict[int, dict[str, Node]] = {}  # id(parent) -> text -> its last child
    current: list[Node] = []
    count = 0
    line = rows.line_num + 1
    for row in rows:
        start, line = line, rows.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        effect = _cell(row, named.get("effect"))
        if effect and not outline.effect:
            outline.effect = checked_text(effect, "The effect", start)
        if "path" in named:
            path = [p.strip() for p in _cell(row, named["path"]).split(">")]
            path = path if any(path) else []
            cells = [(named["path"] + 1, p) for p in path]
        else:
            cells = [(i + 1, _cell(row, i)) for i in level_columns]
        if len(cells) > MAX_DEPTH:
            raise InterchangeError(f"nested more than {MAX_DEPTH} levels deep", start)
        deepest = max((k for k, (_, value) in enumerate(cells) if value), default=None)
        if deepest is None:
            continue
        for k in range(deepest + 1):
            column, value = cells[k]
            if not value:
                if k >= len(current):
                    what = "heading" if k == 0 else "cause above this one"
                    raise InterchangeError(f"no {what}: the cell is empty and no row above "
                                           "gives one", start, column)
                continue
            value = checked_text(value, "A label", start, column)
            if k and value == BLANK:
                value = ""
            if k < deepest and k < len(current) and _same(current[k].text, value, k == 0):
                continue
            del current[k:]
            if k == 0:
                node = headings.get(value.casefold())
                if node is None:
                    node = headings[value.casefold()] = Node(value, line=start)
                    outline.headings.append(node)
            else:
                parent = current[-1]
                known = named_children.setdefault(id(parent), {})
                node = known.get(value) if k < deepest else None
                if node is None:
                    node = (_cause(row, named, value, start) if k == deepest
                            else Node(value, line=start))
                    parent.children.append(node)
                    known[value] = node
                    count += 1
                    if count > MAX_NODES:
                        raise InterchangeError(f"more than {MAX_NODES:,} causes", start)
            current.append(node)
    return outline


def _same(old: str, new: str, heading: bool) -> bool:
    return old.casefold() == new.casefold() if heading else old == new


def _cause(row: list[str], named: dict[str, int], text: str, line: int) -> Node:
    def at(name: str) -> tuple[str, int | None]:
        index = named.get(name)
        return _cell(row, index), None if index is None else index + 1

    status, root, votes, notes = at("status"), at("root_cause"), at("votes"), at("notes")
    return Node(
        text,
        read_status(status[0], line, status[1]),
        read_flag(root[0], "root cause", line, root[1]),
        read_votes(votes[0], line, votes[1]),
        checked_text(notes[0], "A note", line, notes[1]),
        line=line,
    )


def _guard(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA) or value.startswith("'") else value


def write_csv(source: Diagram | Outline) -> str:
    """A header row, then one row per cause (and per heading that has none), full paths."""
    outline = as_outline(source)
    nodes = list(walk(outline.headings))
    levels = max([1, *(depth - 1 for depth, _ in nodes)])
    causes = ["cause"] + [f"sub-cause {n}" if n > 1 else "sub-cause" for n in range(1, levels)]
    out = io.StringIO()
    table = csv.writer(out, lineterminator="\r\n")
    table.writerow(["effect", "heading", *causes, "status", "root cause", "votes", "notes"])
    effect = _guard(outline.effect)
    path: list[str] = []
    for depth, node in nodes:
        del path[depth - 1:]
        path.append(_guard(node.text.strip() or (BLANK if depth > 1 else "")))
        if depth == 1:
            if not node.children:
                table.writerow([effect, *path, *[""] * (levels + 4)])
            continue
        table.writerow([effect, *path, *[""] * (levels + 1 - len(path)),
                        STATUS_TEXT[node.status], "yes" if node.root_cause else "",
                        str(node.votes) if node.votes else "", _guard(node.notes)])
    if not nodes:
        table.writerow([effect, *[""] * (levels + 5)])
    return out.getvalue()
