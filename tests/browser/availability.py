"""Whether the browser tests can run here: Playwright, axe-core and Chromium.

Without them the tests are skipped with the reason, so that a developer without
Chromium can still run the rest of the suite; under CI (the CI environment
variable set) they fail instead, so a missing browser is never a silent pass.
"""
from __future__ import annotations

import importlib.util
import os
import shutil

import pytest

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Places Chromium may be; CHROMIUM_PATH wins when set.
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser")

# Python packages the browser tests import (requirements-browser.txt).
BROWSER_LIBRARIES = ("playwright", "axe_playwright_python")


# -----------------------------------------------------------------------------
# Checks
# -----------------------------------------------------------------------------


# Skip the calling test module (or fail under CI) when a browser library is not installed
def require_browser_libraries() -> None:
    missing = [name for name in BROWSER_LIBRARIES if importlib.util.find_spec(name) is None]
    if missing:
        unavailable(f"{', '.join(missing)} not installed; pip install -r requirements-browser.txt", module=True)


# Path of Chromium, or None when there is none
def chromium_executable() -> str | None:
    for candidate in filter(None, (os.environ.get("CHROMIUM_PATH"), *CHROMIUM_CANDIDATES)):
        found = shutil.which(candidate)
        if found:
            return found
    return None


# Skip because the browser tests cannot run here, or fail when running under CI
def unavailable(reason: str, *, module: bool = False):
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run under CI: {reason}", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason} (under CI they fail instead)", allow_module_level=module)
