"""The floor client in Debian's Chromium, driven by Playwright at a phone's 360×640, against a real `snapp serve`.

No browser is downloaded: the tests use /usr/bin/chromium (`apt-get install chromium`). Without it they skip
and say so; in CI (CI=true) they fail instead.
"""

from __future__ import annotations

import os
import statistics
from collections.abc import Iterator
from pathlib import Path

import pytest

from snapp.db.engine import sqlite_url
from tests.conftest import ADMIN_PASSWORD
from tests.server.conftest import Server

CHROMIUM = Path("/usr/bin/chromium")
PHONE = {"width": 360, "height": 640}


@pytest.fixture
def db_url(tmp_path) -> str:
    """SQLite only: the page talks to the same API whatever the database (tests/server covers both)."""
    return sqlite_url(tmp_path / "snapp.db")


@pytest.fixture(scope="session")
def playwright():
    if not CHROMIUM.exists():
        message = "Debian's chromium is missing at /usr/bin/chromium: apt-get install -y chromium to run the browser tests"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as running:
        yield running


def chromium(playwright, *flags: str):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", *flags])


@pytest.fixture(scope="session")
def browser(playwright):
    launched = chromium(playwright)
    yield launched
    launched.close()


@pytest.fixture
def server(db_url, company) -> Iterator[Server]:
    running = Server(db_url)
    yield running
    running.stop()


@pytest.fixture
def phone(browser, server):
    """A logged-in phone page on the floor client's home screen, in English."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="en-US",
                                  base_url=server.url)  # fmt: skip
    page = context.new_page()
    log_in(page)
    yield page
    context.close()


def log_in(page, name: str = "admin", password: str = ADMIN_PASSWORD, *, device: str | None = None) -> None:
    """Log in on the floor client; ``device``: the secret a paired phone keeps (sent as X-SNApp-Device)."""
    page.goto("/floor/")
    if device:
        page.evaluate("secret => localStorage.setItem('snapp.device', secret)", device)
    page.fill("#login-form [name=name]", name)
    page.fill("#login-form [name=password]", password)
    page.click("#login-form button")
    page.wait_for_selector("#home:not([hidden])")


def wedge(page, code: str) -> None:
    """A keyboard-wedge scanner: the code at 5 ms per character, then Enter, into the focused field."""
    page.keyboard.type(code, delay=5)
    page.keyboard.press("Enter")


def percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[max(0, round(0.95 * len(ordered)) - 1)]
