"""Text for the fishbone layout: wrapping to a width and measuring once per (text, role)."""

from __future__ import annotations

from collections.abc import Callable

from fishbone.geometry import TextMeasurer

MeasureWidth = Callable[[str], float]


def wrap_text(text: str, max_width: float, measure_width: MeasureWidth,
              known: dict[str, float] | None = None) -> tuple[str, ...]:
    """Break ``text`` into lines no wider than ``max_width`` (when a single character allows).

    Lines break at spaces; a word wider than the limit is cut between characters; explicit
    newlines are kept (a blank line stays a blank line); empty text gives one empty line.
    ``known`` may hold widths ``measure_width`` has already given (its cache), read directly.
    """
    if "\n" not in text and "\r" not in text and "\t" not in text:  # one paragraph
        return tuple(_wrap_paragraph(text, max_width, measure_width, known))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, max_width, measure_width, known))
    return tuple(lines) if lines else ("",)


# How far a line's width may differ from the sum of its words' and spaces' widths (kerning,
# rounding) before a guess is no longer trusted: inside this band the candidate is measured.
SUM_SLACK = 1.0
SUM_SLACK_PER_UNIT = 0.01


def _wrap_paragraph(paragraph: str, max_width: float, measure: MeasureWidth,
                    known: dict[str, float] | None = None) -> list[str]:
    """Greedy: each line takes words while the line still fits.

    Whether a longer line fits is first judged from the sum of its words' widths and the
    spaces' (each word is measured once, and a measuring cache knows most words already);
    only a sum within a small band of the limit is settled by measuring the line itself. So
    the lines are the ones measuring every candidate gives, at about one measure a word.
    ``known`` is the measure's own table of widths, read directly when it is given.
    """
    words = [w for w in paragraph.split(" ") if w]
    get = (known if known is not None else {}).get
    # A guess g is surely short when g + slack(g) <= max_width, and surely long when
    # g - slack(g) > max_width, with slack(g) = SUM_SLACK + SUM_SLACK_PER_UNIT * g.
    sure_fit = (max_width - SUM_SLACK) / (1.0 + SUM_SLACK_PER_UNIT)
    maybe_fit = (max_width + SUM_SLACK) / (1.0 - SUM_SLACK_PER_UNIT)
    out: list[str] = []
    line: list[str] = []  # the words of the line being filled
    line_width = 0.0
    space = measure(" ") if len(words) > 1 else 0.0
    for word in words:
        width = get(word)
        if width is None:
            width = measure(word)
        if line:
            guess = line_width + space + width
            if guess <= sure_fit:
                line.append(word)
                line_width = guess
                continue
            if guess <= maybe_fit:
                exact = measure(" ".join(line) + " " + word)
                if exact <= max_width:
                    line.append(word)
                    line_width = exact
                    continue
            out.append(" ".join(line))
            line = []
        if width <= max_width:
            line.append(word)
            line_width = width
            continue
        pieces = _break_word(word, max_width, measure)
        out.extend(pieces[:-1])
        line = [pieces[-1]]
        line_width = measure(pieces[-1])
    if line or not out:
        out.append(" ".join(line))
    return out


def _break_word(word: str, max_width: float, measure: MeasureWidth) -> list[str]:
    """Cut a word that is too wide into pieces that fit, at least one character each.

    Each piece is the longest prefix of the rest that fits: found by doubling a probe from
    one character, then halving between the last fit and the first misfit. So only strings
    up to twice a piece's length are measured, and a long word costs time in proportion to
    its length, not to its square.
    """
    pieces: list[str] = []
    start, end = 0, len(word)
    while start < end:
        fits, probe = 1, 2  # one character always goes, even when it is too wide
        while start + probe < end and measure(word[start:start + probe]) <= max_width:
            fits, probe = probe, 2 * probe
        if start + probe >= end:  # the probe reached the end of the word
            probe = end - start
            if measure(word[start:end]) <= max_width:
                fits = probe
        lo, hi = fits, probe - 1  # the longest fitting prefix is in [lo, hi]
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if measure(word[start:start + mid]) <= max_width:
                lo = mid
            else:
                hi = mid - 1
        pieces.append(word[start:start + lo])
        start += lo
    return pieces


class CachedMeasurer:
    """Wraps a TextMeasurer so each (text, role) and each role's line height is asked once,
    and each text is wrapped once per width and role.

    ``layout_diagram`` makes a fresh one per layout unless it is given one: a caller that lays
    out again and again (the canvas, on every edit) keeps one, so only new texts are wrapped.
    Each cache is emptied when it grows past ``limit`` entries (typing makes many texts).
    """

    def __init__(self, measurer: TextMeasurer, limit: int = 50_000) -> None:
        self._measurer = measurer
        self.limit = limit
        self._widths: dict[str, dict[str, float]] = {}  # role -> text -> width
        self._measures: dict[str, MeasureWidth] = {}  # role -> a measure of that table
        self._heights: dict[str, float] = {}
        self._wraps: dict[tuple[str, float, str], tuple[str, ...]] = {}

    def measure_for(self, role: str) -> MeasureWidth:
        """The one-argument width of ``role``'s texts, through its table (one dict lookup a
        text that is known: wrapping asks for every word)."""
        found = self._measures.get(role)
        if found is None:
            table = self._widths.setdefault(role, {})
            ask = self._measurer.width

            def measure(text: str) -> float:
                width = table.get(text)
                if width is None:
                    if len(table) >= self.limit:
                        table.clear()
                    width = table[text] = float(ask(text, role))
                return width
            found = self._measures[role] = measure
        return found

    def width(self, text: str, role: str) -> float:
        table = self._widths.get(role)
        found = None if table is None else table.get(text)
        if found is None:
            found = self.measure_for(role)(text)
        return found

    def line_height(self, role: str) -> float:
        found = self._heights.get(role)
        if found is None:
            found = self._heights[role] = float(self._measurer.line_height(role))
        return found

    def wrap(self, text: str, max_width: float, role: str) -> tuple[str, ...]:
        key = (text, max_width, role)
        found = self._wraps.get(key)
        if found is None:
            if len(self._wraps) >= self.limit:
                self._wraps.clear()
            found = self._wraps[key] = wrap_text(text, max_width, self.measure_for(role),
                                                 self._widths.get(role))
        return found
