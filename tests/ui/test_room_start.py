"""``problem-workshop FILE --room``: the app starts with the room open and prints where the
phones join, so a facilitator (or a script) can go straight into it. Loopback only, bounded."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sample_cases import read_sample
from tests.ui.room_phones import request
from ui.app.cli import main

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 60.0


def _first_lines(process: subprocess.Popen, count: int, timeout: float) -> list[str]:
    assert process.stdout is not None
    lines: list[str] = []
    buffer = b""
    deadline = time.monotonic() + timeout
    while len(lines) < count and time.monotonic() < deadline and process.poll() is None:
        ready, _, _ = select.select([process.stdout], [], [], 0.1)
        if ready:
            chunk = os.read(process.stdout.fileno(), 4096)
            if not chunk:
                break
            buffer += chunk
            *done, buffer = buffer.split(b"\n")
            lines += [line.decode() for line in done]
    return lines


def test_the_room_flag_prints_the_join_address_and_code(tmp_path):
    case_file = tmp_path / "burgers.case.json"
    case_file.write_bytes(read_sample("happy_burgers"))
    (tmp_path / "run").mkdir(mode=0o700)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_RUNTIME_DIR=str(tmp_path / "run"))
    process = subprocess.Popen(
        [sys.executable, "-m", "ui", str(case_file), "--room", "--host", "127.0.0.1",
         "--port", "0"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        lines = _first_lines(process, 2, START_TIMEOUT)
        assert len(lines) == 2, lines
        assert lines[0].startswith("Room open: http://127.0.0.1:")
        url = lines[0].removeprefix("Room open: ")
        code = lines[1].removeprefix("Room code: ")
        assert lines[1].startswith("Room code: ") and len(code) == 6
        assert url.endswith(f"?room={code}")
        status, _ = request(url.split("?")[0])
        assert status == 200  # the server answers while the app runs
    finally:
        process.kill()
        process.wait(timeout=30)


@pytest.mark.parametrize("argv, message", [
    (["--room"], "--room needs a case FILE"),
    (["--host", "127.0.0.1"], "--host and --port go with --room"),
    (["FILE", "--room", "--port", "70000"], "--port must be between 0 and 65535"),
])
def test_room_flags_are_checked_before_any_window(argv, message, capsys, tmp_path):
    case_file = tmp_path / "burgers.case.json"
    case_file.write_bytes(read_sample("happy_burgers"))
    argv = [str(case_file) if a == "FILE" else a for a in argv]
    assert main(argv) == 2
    assert message in capsys.readouterr().err
