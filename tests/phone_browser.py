"""Headless chromium as a phone for the room's browser tests: one profile each (a phone keeps
its token in its own storage), phone-sized, skipped (or, where CI installed it, failed) when
chromium or its driver is missing."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMEDRIVER = "/usr/bin/chromedriver"
WIDTH, HEIGHT = 390, 844
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-dev-shm-usage", f"--window-size={WIDTH},{HEIGHT}")


def chromium_or_skip() -> str:
    """The chromium binary; skip the test without it (fail when PW_REQUIRE_BROWSER is set:
    CI installed it, so a skip would hide a broken install)."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None or not Path(CHROMEDRIVER).exists():
        missing = ("chromium and chromium-driver are not installed "
                   "(apt-get install chromium chromium-driver)")
        if os.environ.get("PW_REQUIRE_BROWSER"):
            pytest.fail(missing)
        pytest.skip(missing)
    return browser


@contextmanager
def phone() -> Iterator[Any]:
    """One phone-sized headless chromium with a fresh profile, closed and removed after."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser = chromium_or_skip()
    profile = tempfile.mkdtemp(prefix="room-phone-")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    chrome = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        chrome.set_window_size(WIDTH, HEIGHT)
        chrome.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": True})
        yield chrome
    finally:
        chrome.quit()
        shutil.rmtree(profile, ignore_errors=True)
