"""Fixtures for the browser tests: one served app and one Chromium per test session."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import sync_playwright

from tests.browser.harness import (
    CHROMIUM_ARGS,
    chromium_executable,
    open_app,
    served_app,
    source_data,
    wait_until,
)


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def app_url():
    # YCSP_APP_URL: drive an app that is already served (a dev server, a portal's staging copy).
    if url := os.environ.get("YCSP_APP_URL"):
        yield url
        return
    with served_app() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    # A missing browser is an error, never a skip: the browser tests are part of the suite.
    executable = chromium_executable()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def app(browser, app_url):
    """``app(query, width, height, **context_options)`` opens the app in a new context once
    the map's data are in the browser; returns ``(page, record)``. Contexts close after."""
    contexts = []

    def open_(query: str = "", width: int = 1366, height: int = 768, **options):
        context, page, rec = open_app(browser, app_url + query, width, height, **options)
        contexts.append(context)
        wait_until(lambda: source_data(page, "ycsp_fill"))
        return page, rec

    yield open_
    for context in contexts:
        context.close()
