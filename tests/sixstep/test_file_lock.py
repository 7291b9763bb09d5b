"""The lock beside a case file and the stamp of the file as read: two holders never share a
lock, a lock left by a dead process is taken over, and a change on disk is noticed."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from sixstep.file_lock import FileLock, changed_on_disk, lock_path, read_owner, stamp

ROOT = Path(__file__).resolve().parents[2]
HOLD = """
import sys, time
from sixstep.file_lock import FileLock
lock = FileLock(sys.argv[1])
print("taken" if lock.acquire() is None else "refused", flush=True)
sys.stdin.readline()
lock.release()
"""


def _case(tmp_path: Path) -> Path:
    path = tmp_path / "plan.case.json"
    path.write_text("{}", encoding="utf-8")
    return path


def test_the_lock_sits_beside_the_file_and_names_its_owner(tmp_path):
    path = _case(tmp_path)
    lock = FileLock(path)
    assert lock.acquire() is None
    assert lock_path(path) == tmp_path / ".plan.case.json.lock" and lock_path(path).exists()
    owner = read_owner(path)
    assert owner is not None and owner.pid == os.getpid()
    assert owner.host == socket.gethostname() and abs(owner.since - time.time()) < 60
    lock.release()
    assert not lock_path(path).exists()


def test_a_second_holder_in_the_same_process_is_refused(tmp_path):
    path = _case(tmp_path)
    first, second = FileLock(path), FileLock(path)
    assert first.acquire() is None
    owner = second.acquire()
    assert owner is not None and owner.token == first.owner.token
    second.release()  # never removes a lock it does not hold
    assert lock_path(path).exists()
    first.release()
    assert second.acquire() is None
    second.release()


def test_a_lock_of_a_dead_process_on_this_machine_is_taken_over(tmp_path):
    path = _case(tmp_path)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    lock_path(path).write_text(json.dumps({
        "pid": int(dead.stdout), "host": socket.gethostname(), "user": "ana",
        "since": time.time() - 3600, "token": "old"}), encoding="utf-8")
    lock = FileLock(path)
    assert lock.acquire() is None
    assert read_owner(path).token == lock.owner.token
    lock.release()


def test_a_damaged_lock_is_taken_over_but_one_from_another_machine_is_not(tmp_path):
    path = _case(tmp_path)
    lock_path(path).write_text('{"pid": 12', encoding="utf-8")  # cut off by a kill
    lock = FileLock(path)
    assert lock.acquire() is None
    lock.release()
    lock_path(path).write_text(json.dumps({
        "pid": 1, "host": "another-laptop", "user": "ben", "since": time.time()}),
        encoding="utf-8")
    owner = FileLock(path).acquire()
    assert owner is not None and owner.host == "another-laptop"
    assert "ben on another-laptop" in owner.describe()


def test_a_lock_held_by_a_real_second_process_is_respected_until_it_lets_go(tmp_path):
    path = _case(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    other = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        assert other.stdout.readline().strip() == "taken"
        owner = FileLock(path).acquire()
        assert owner is not None and owner.pid == other.pid
        other.stdin.write("\n")
        other.stdin.flush()
        assert other.wait(timeout=20) == 0
    finally:
        other.kill()
        other.wait()
    lock = FileLock(path)
    assert lock.acquire() is None
    lock.release()


def test_a_lock_of_a_killed_process_is_taken_over(tmp_path):
    path = _case(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    other = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    assert other.stdout.readline().strip() == "taken"
    other.kill()
    other.wait()
    assert lock_path(path).exists()  # nothing ran to remove it
    lock = FileLock(path)
    assert lock.acquire() is None
    lock.release()


def test_a_change_on_disk_is_noticed_and_a_touch_is_not(tmp_path):
    path = _case(tmp_path)
    before = stamp(path)
    assert not changed_on_disk(path, before)
    os.utime(path, ns=(before.mtime_ns + 5_000_000_000,) * 2)  # touched, same bytes
    assert not changed_on_disk(path, before)
    path.write_text("{ }", encoding="utf-8")
    assert changed_on_disk(path, before)
    path.unlink()
    assert not changed_on_disk(path, before)  # gone: writing it again overwrites nothing
    assert not changed_on_disk(path, None)
