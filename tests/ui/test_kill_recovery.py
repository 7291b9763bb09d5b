"""The proof of zero-loss recovery: the real app makes scripted edits, is killed (SIGKILL) at
random moments, also inside a save and inside a recovery write, and every committed edit is
found again; SIGTERM keeps a recovery copy too.

The app runs as ``python -m ui FILE`` with ``PROBLEM_WORKSHOP_SCRIPTED_EDITS`` set
(``ui.files.journal_script``): it prints ``committed N`` once edit N is journaled. The test
replays the same script on its own copy of the case (``Replica``), so it knows the case after
any number of steps; what recovery gives must be the case after the last step printed (or
one more: the kill may fall between the journal write and the print).
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from sample_cases import read_sample
from sixstep.caseio import dumps_case, load_case, loads_case
from sixstep.journal import JOURNAL_SUFFIX
from ui.files.journal_script import ENV, Replica
from ui.files.recovery import SUFFIX, read_snapshot

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 60.0


@dataclass
class Run:
    """One run of the app until it was killed: what it printed and what it left."""

    lines: list[str]
    folder: Path
    session: str
    file: Path

    def last(self, word: str) -> int:
        numbers = [int(line.split()[1]) for line in self.lines if line.startswith(word + " ")]
        return max(numbers, default=0)


def run_and_kill(tmp: Path, seed: int, kill_after: str, extra_ms: float,
                 script: str = "", how: int = signal.SIGKILL) -> Run:
    """Start the app on a copy of a sample, wait for the line ``kill_after``, wait
    ``extra_ms`` more and send ``how``; returns once the process is gone."""
    tmp.mkdir(parents=True, exist_ok=True)
    case_file = tmp / "workshop.case.json"
    case_file.write_bytes(read_sample("happy_burgers"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp / "data"),
               XDG_CONFIG_HOME=str(tmp / "config"), XDG_RUNTIME_DIR=str(tmp / "run"),
               PYTHONUNBUFFERED="1")
    env[ENV] = script or f"{seed}"
    (tmp / "run").mkdir(mode=0o700, exist_ok=True)
    process = subprocess.Popen([sys.executable, "-m", "ui", str(case_file)], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    lines: list[str] = []
    buffer = b""
    deadline = time.monotonic() + START_TIMEOUT
    killed_at: float | None = None
    try:
        while True:
            now = time.monotonic()
            if killed_at is None and now > deadline:
                raise AssertionError(f"the app never printed {kill_after!r}: {lines[-3:]}")
            ready, _, _ = select.select([process.stdout], [], [], 0.005)
            if ready:
                chunk = os.read(process.stdout.fileno(), 65536)
                if not chunk:
                    break
                buffer += chunk
                *done, buffer = buffer.split(b"\n")
                lines += [line.decode() for line in done]
                if killed_at is None and kill_after in lines:
                    killed_at = now + extra_ms / 1000
            if killed_at is not None and now >= killed_at and process.poll() is None:
                process.send_signal(how)
                killed_at = float("inf")
            if process.poll() is not None and not ready:
                break
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)
    head = next(line for line in lines if line.startswith("recovery "))
    folder, session = head[len("recovery "):].rsplit(" ", 1)
    return Run(lines, Path(folder), session, case_file)


def recovered_text(run: Run) -> bytes:
    """The case recovery gives (the file itself when no recovery record is left: a save
    finished and nothing was edited after it)."""
    record = run.folder / f"{run.session}{SUFFIX}"
    journals = list(run.folder.glob(f"{run.session}.*{JOURNAL_SUFFIX}"))
    if not record.exists() and not journals:
        return dumps_case(load_case(run.file))
    snap = read_snapshot(record)
    assert snap.readable, snap.error
    assert not snap.problem, snap.problem
    return dumps_case(snap.case)


def states(seed: int, steps: int) -> list[bytes]:
    """The file after 0, 1, ... ``steps`` scripted steps."""
    replica = Replica(loads_case(read_sample("happy_burgers")), seed)
    out = [dumps_case(replica.case)]
    for _ in range(steps):
        replica.step()
        out.append(dumps_case(replica.case))
    return out


def check_nothing_lost(run: Run, seed: int) -> tuple[int, int]:
    """(edits committed, edits recovered): recovered is the last committed or one more."""
    committed = run.last("committed")
    expected = states(seed, committed + 1)
    got = recovered_text(run)
    assert got in (expected[committed], expected[committed + 1]), (
        f"seed {seed}: recovery does not hold the {committed} committed edits")
    return committed, committed + (got == expected[committed + 1] != expected[committed])


def kill_at_random(tmp: Path, seed: int, most: int = 25) -> tuple[int, int]:
    rng = random.Random(seed)
    run = run_and_kill(tmp, seed, f"committed {rng.randint(2, most)}", rng.uniform(0, 170))
    return check_nothing_lost(run, seed)


def kill_inside(tmp: Path, seed: int, what: str, most: int = 9) -> tuple[int, int]:
    """Kill right after the app says it starts a save ("saving") or a snapshot."""
    rng = random.Random(seed)
    every = rng.randint(3, most)
    script = f"{seed}:{every}:0" if what == "saving" else f"{seed}:0:{every}"
    run = run_and_kill(tmp, seed, f"{what} {every * rng.randint(1, 3)}", rng.uniform(0, 4),
                       script)
    return check_nothing_lost(run, seed)


def test_sigkill_at_random_moments_and_inside_saves_and_snapshots_loses_nothing(tmp_path):
    assert kill_at_random(tmp_path / "a", 101, most=12)[0] >= 2
    kill_inside(tmp_path / "c", 303, "saving", most=4)
    kill_inside(tmp_path / "d", 404, "snapshot", most=4)


def test_sigterm_keeps_a_recovery_copy_of_every_edit(tmp_path):
    run = run_and_kill(tmp_path, 7, "committed 6", 80, how=signal.SIGTERM)
    assert (run.folder / f"{run.session}{SUFFIX}").exists()  # written at the signal
    committed, _ = check_nothing_lost(run, 7)
    assert committed >= 6


@pytest.mark.slow
def test_fifty_kills_and_more_lose_nothing(tmp_path, capsys):
    total = extra = 0
    kills = 0
    for seed in range(1000, 1050):
        committed, found = kill_at_random(tmp_path / f"r{seed}", seed)
        total, extra, kills = total + committed, extra + found - committed, kills + 1
    for seed in range(2000, 2010):
        kill_inside(tmp_path / f"s{seed}", seed, "saving")
        kill_inside(tmp_path / f"n{seed}", seed, "snapshot")
        kills += 2
    with capsys.disabled():
        print(f"\n{kills} kills, {total} edits committed in the random ones, 0 lost "
              f"({extra} journaled but not yet printed)")
