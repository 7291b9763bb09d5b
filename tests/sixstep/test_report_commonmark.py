"""The Markdown report read through a CommonMark parser: every typed text comes back as
typed, with no stray backslashes and no HTML made from what people typed."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown_it  # noqa: E402 - a test dependency (pyproject "test" extra)
import pytest

from fishbone.model import Cause
from sample_cases import list_samples, read_sample
from sixstep.case import Alternative, Case, Criterion, Term
from sixstep.caseio import loads_case
from sixstep.report import Bullets, Heading, Outline, Paragraph, Table, report_blocks
from sixstep.report_markdown import markdown_from_blocks
from sixstep.result_text import one_line

# what our own Markdown makes; anything else came from typed text
OUR_TAGS = {"h1", "h2", "h3", "h4", "p", "ul", "ol", "li", "em", "strong", "table", "thead",
            "tbody", "tr", "th", "td"}
# the backslash escapes Python-Markdown also understands (other ones show their backslash)
PY_MARKDOWN_ESCAPES = set("\\`*_{}[]()>#+-.!")
TYPED = ("<img src=\"file:///dev/zero\">", "<b>x</b>", "a < b and c > d", "AT&T, R&D",
         "&amp; &copy; &#42;", "snake_case_name", "C:\\Users\\ana", "ends with \\",
         "price {x} ~ 5", "~~~", "~~gone~~", "a | b", "# not a heading", "Title ##",
         "*x* _y_ [link](http://e.com)", "- item", "+ plus", "1. first", "10) ten",
         "`code`", "> quote", "***", "---", "===", "!important", "<!-- note -->",
         "<http://e.com>", "x\\*y")


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.add(tag)
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_comment(self, data: str) -> None:
        self.tags.add("!--")


def rendered(md: str) -> _Reader:
    reader = _Reader()
    reader.feed(markdown_it.MarkdownIt("commonmark").enable("table").render(md))
    return reader


def typed_texts(blocks: list) -> list[str]:
    """Every text the blocks carry, as one line each (what a reader must see)."""
    texts: list[str] = []

    def paragraph(p: Paragraph) -> None:
        texts.append(p.label)
        texts.extend(re.split(r"\n\s*\n", p.text))

    for block in blocks:
        if isinstance(block, Heading):
            texts.append(block.text)
        elif isinstance(block, Paragraph):
            paragraph(block)
        elif isinstance(block, Bullets):
            for item in block.items:
                paragraph(item)
        elif isinstance(block, Outline):
            for e in block.entries:
                texts.extend((e.text, e.marks, e.note))
        elif isinstance(block, Table):
            texts.extend(block.headers)
            for row in block.rows:
                texts.extend(row)
    return [one_line(t) for t in texts if one_line(t)]


def hostile_case() -> Case:
    case = Case(title=TYPED[0] + " | # not a heading")
    case.problem.question = "\n".join(TYPED)
    case.problem.terms = [Term(t, t) for t in TYPED]
    case.problem.symptoms = list(TYPED)
    for n, text in enumerate(TYPED):
        case.fishbone.add_cause(Cause(f"c{n}", "people", None, text, status="confirmed"))
    case.criteria = [Criterion(f"k{n}", t, "want", 1, t) for n, t in enumerate(TYPED)]
    case.alternatives = [Alternative(f"a{n}", t) for n, t in enumerate(TYPED)]
    return case


CASES = [pytest.param(lambda name=info.name: loads_case(read_sample(name)), id=info.name)
         for info in list_samples()] + [pytest.param(hostile_case, id="hostile")]


@pytest.mark.parametrize("make", CASES)
def test_typed_text_comes_back_literally(make):
    blocks = report_blocks(make())
    md = markdown_from_blocks(blocks)
    reader = rendered(md)
    shown = " ".join("".join(reader.parts).split())
    assert reader.tags <= OUR_TAGS, reader.tags - OUR_TAGS
    texts = typed_texts(blocks)
    for text in texts:
        assert text in shown, text
    # a backslash is shown only where someone typed one
    assert shown.count("\\") <= sum(t.count("\\") for t in texts)
    if not any("\\" in t for t in texts):
        assert "\\" not in shown


@pytest.mark.parametrize("make", CASES)
def test_every_escape_is_one_python_markdown_knows(make):
    """Python-Markdown shows a backslash before "<", "&", "|" or "~" as typed: those are
    only escaped where CommonMark needs it (a "|" inside a table)."""
    md = markdown_from_blocks(report_blocks(make()))
    for line in md.splitlines():
        allowed = PY_MARKDOWN_ESCAPES | ({"|"} if line.startswith("|") else set())
        for m in re.finditer(r"\\(.)", line.replace("\\\\", "")):
            assert m.group(1) in allowed or not re.match(r"[!-/:-@\[-`{-~]", m.group(1)), line
