"""Browser tests: the built archive served on 127.0.0.1 and read in headless Chromium.

The site is built once per session (the `real_site` fixture in tests/conftest.py),
served by a threading HTTP server on a free port, and driven with Playwright's
sync API through Debian's Chromium (/usr/bin/chromium; `tools/install-browser.sh`
installs it).  When Chromium or Playwright is missing the tests are skipped with
the reason, except under CI (the CI environment variable set), where they fail.
"""
from __future__ import annotations

import functools
import os
import re
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from archive_pages import DESKTOP, LOCAL_HOST  # noqa: E402
from availability import chromium_executable, require_browser_libraries, unavailable  # noqa: E402
from sitebuild import ROOT, BuiltSite  # noqa: E402

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Where a run leaves what a person may want to look at (gitignored).
OUTPUT_DIR = Path(os.environ.get("TEST_OUTPUT_DIR", ROOT / "test-output"))
SCREENSHOT_DIR = OUTPUT_DIR / "screenshots"

# Flags that keep Chromium from hanging or calling home on a closed network.
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


# -----------------------------------------------------------------------------
# Test set-up
# -----------------------------------------------------------------------------


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives the built site in headless Chromium (skipped without Chromium unless CI is set)")


# Every test in this folder is a browser test
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)


@dataclass(frozen=True)
class ServedSite:
    """The built site, served over HTTP on 127.0.0.1."""

    built: BuiltSite
    base_url: str  # "http://127.0.0.1:PORT/"

    # Absolute URL of a site path ("", "articles/", "articles/2016/x/")
    def url(self, path: str = "") -> str:
        return self.base_url + path.lstrip("/")

    # Site paths ("articles/2016/x/") of every article page
    def article_paths(self) -> list[str]:
        return [_site_path(page, self.built.site) for page in self.built.article_pages()]

    # Site path of the article page whose HTML contains `text`
    def article_containing(self, text: str) -> str:
        for page in self.built.article_pages():
            if text.lower() in page.read_text(encoding="utf-8").lower():
                return _site_path(page, self.built.site)
        raise AssertionError(f"no article page of the built site contains {text!r}")

    # Site paths of the pages whose HTML matches `pattern`
    def pages_matching(self, pattern: str) -> list[str]:
        regex = re.compile(pattern)
        return sorted(_site_path(page, self.built.site) for page in self.built.site.rglob("*.html")
                      if regex.search(page.read_text(encoding="utf-8")))


@dataclass
class RequestLog:
    """Every URL a browser context asked for, to prove nothing leaves the machine."""

    urls: list[str] = field(default_factory=list)

    # Requests to any host but 127.0.0.1 (data: and blob: URLs never leave the page)
    def offsite(self) -> list[str]:
        return [url for url in self.urls
                if urlsplit(url).scheme not in ("data", "blob", "about") and urlsplit(url).hostname != LOCAL_HOST]


@pytest.fixture(scope="session")
def served_site(real_site: BuiltSite) -> Iterator[ServedSite]:
    """The real site, built once, served by a threading HTTP server on a free port."""
    handler = functools.partial(_QuietHandler, directory=str(real_site.site))
    server = ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield ServedSite(real_site, f"http://{LOCAL_HOST}:{server.server_address[1]}/")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Debian Chromium driven by Playwright; skipped (or failed under CI) when unavailable."""
    require_browser_libraries()
    from playwright.sync_api import sync_playwright

    executable = chromium_executable()
    if executable is None:
        unavailable("Chromium was not found (looked for $CHROMIUM_PATH, /usr/bin/chromium, chromium, "
                    "chromium-browser on PATH); run tools/install-browser.sh")
    playwright = sync_playwright().start()
    try:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, headless=True, timeout=60_000)
    except Exception as error:  # noqa: BLE001 - any launch failure means "no browser here"
        playwright.stop()
        unavailable(f"Chromium at {executable} could not be launched: {str(error).strip().splitlines()[0]}")
    try:
        yield launched
    finally:
        launched.close()
        playwright.stop()


@pytest.fixture
def request_log() -> RequestLog:
    """The URLs requested by the test's browser pages."""
    return RequestLog()


@pytest.fixture
def new_page(browser, request_log: RequestLog):
    """Factory for pages in fresh browser contexts (own storage), each request recorded."""
    contexts = []

    def open_page(viewport: dict | None = None, color_scheme: str = "light", **options):
        context = browser.new_context(viewport=viewport or DESKTOP, color_scheme=color_scheme,
                                      service_workers="block", **options)
        context.set_default_timeout(15_000)
        context.on("request", lambda request: request_log.urls.append(request.url))
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    """A desktop page in a fresh browser context, light colour scheme."""
    return new_page()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """test-output/screenshots/, created on first use."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# Serves files without printing a line per request
class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass


# Site path of a built HTML file: site/articles/2016/x/index.html -> "articles/2016/x/"
def _site_path(page: Path, site: Path) -> str:
    relative = page.relative_to(site).as_posix()
    return relative[: -len("index.html")] if relative.endswith("index.html") else relative
