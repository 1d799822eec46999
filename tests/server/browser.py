"""A real browser for the room pages: Debian's chromium driven by Selenium, or a clean skip.

CI's clean clone may have only Python: without chromium, chromedriver or selenium
the browser tests skip (the HTTP-client tests still run everywhere).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage")


def _find(*names: str) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


def chromium_or_skip():
    """A started Selenium Chrome driver on the system chromium; skip the test if there is none."""
    try:
        from selenium import webdriver
    except ImportError:
        pytest.skip("selenium is not installed (pip install -e .[test])")
    browser = _find("chromium", "chromium-browser")
    driver_path = _find("chromedriver")
    if browser is None or driver_path is None:
        pytest.skip("no chromium/chromedriver here (Debian: apt-get install chromium chromium-driver)")
    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager reach for a download
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument("--window-size=1366,768")
    options.add_argument("--lang=fr-FR")
    service = webdriver.ChromeService(executable_path=driver_path)
    return webdriver.Chrome(options=options, service=service)


def set_viewport(driver, width: int, height: int, *, mobile: bool) -> None:
    """The page's own viewport (not the window's), as a phone or a laptop shows it."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


def set_offline(driver, offline: bool) -> None:
    """Cut or restore this page's network, as a dropped Wi-Fi does (the server keeps running)."""
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})


def screenshot_dir(tmp_path: Path) -> Path:
    """Where screenshots go: CRISISDESK_SCREENSHOTS if set (to look at them), else the test's folder."""
    folder = Path(os.environ.get("CRISISDESK_SCREENSHOTS") or tmp_path / "screens")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
