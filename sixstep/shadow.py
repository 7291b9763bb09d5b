"""A second copy of the open case, kept in step by the journal's lines, so a recovery snapshot
can be encoded away from the interface thread without reading the case that thread edits.

The copy starts from the case's compact file bytes and follows each edit as the journal wrote
it (``sixstep.journal``: an edit encoded before it applied). It is parsed only when a snapshot
needs it, and it never shares an object with the case it copies. A few counts taken from the
real case at the snapshot (``fingerprint``) catch a copy that went astray: it is then dropped
(``ShadowError``) and the caller starts it again from the real case.
"""

from __future__ import annotations

from dataclasses import dataclass

from sixstep.case import Case
from sixstep.caseio import dumps_case, loads_case
from sixstep.journal import decode_edit

Fingerprint = tuple[str, int, int, int, int, int, int]


class ShadowError(Exception):
    """The copy cannot stand for the case: it must be started again from the case itself."""


def fingerprint(case: Case) -> Fingerprint:
    """A few things about ``case`` that cost nothing to read (no walk over its records)."""
    d = case.fishbone
    return (case.title, len(d.causes), len(d.categories), len(case.criteria),
            len(case.alternatives), len(case.scores), len(case.participants))


@dataclass(frozen=True)
class Base:
    """The case after ``seq`` edits, in its compact file bytes."""

    seq: int
    data: bytes


@dataclass(frozen=True)
class Line:
    """Edit number ``seq``, as the journal encoded it."""

    seq: int
    text: str


Step = Base | Line


class ShadowCase:
    """The copy; every call must come from one thread (the recovery writer)."""

    def __init__(self) -> None:
        self.seq: int | None = None  # the edit count it stands at (None: it has no case)
        self._data: bytes | None = None  # the bytes it starts from, until they are parsed
        self._case: Case | None = None
        self._lines: list[str] = []

    def follow(self, steps: list[Step]) -> None:
        """Take the next steps: a base starts it again, a line must be the next edit."""
        for step in steps:
            if isinstance(step, Base):
                self.seq, self._data, self._case, self._lines = step.seq, step.data, None, []
            elif self.seq is None or step.seq != self.seq + 1:
                self.drop()
                raise ShadowError(f"edit {step.seq} does not follow edit {self.seq}")
            else:
                self._lines.append(step.text)
                self.seq = step.seq

    def case(self, expected: Fingerprint | None = None) -> Case:
        """The copy as it stands, parsed and brought up to date; ShadowError (and the copy
        is dropped) when it cannot be, or when it does not match ``expected``."""
        try:
            if self._case is None:
                if self._data is None:
                    raise ShadowError("there is no case to start from")
                self._case, self._data = loads_case(self._data), None
            lines, self._lines = self._lines, []
            with self._case.changes.blocked():
                for text in lines:
                    decode_edit(text).apply(self._case)
        except ShadowError:
            self.drop()
            raise
        except Exception as exc:  # an edit that will not apply twice the same way
            self.drop()
            raise ShadowError(f"the copy cannot follow: {str(exc) or type(exc).__name__}") \
                from exc
        if expected is not None and fingerprint(self._case) != expected:
            self.drop()
            raise ShadowError("the copy differs from the case")
        return self._case

    def encoded(self, expected: Fingerprint | None = None) -> bytes:
        """The copy's compact file bytes: with nothing to check it against and no edit since
        it started, the bytes it started from (nothing parsed); else the copy brought up to
        date, checked and encoded."""
        if expected is None and self._case is None and not self._lines and self._data:
            return self._data
        return dumps_case(self.case(expected), compact=True)

    def drop(self) -> None:
        self.seq, self._data, self._case, self._lines = None, None, None, []
