"""Fixtures for the browser tests: one served app and one Chromium per test session."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import sync_playwright

from tests.browser.harness import CHROMIUM_ARGS, chromium_executable, served_app


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
