"""What a reader does on the archive's pages, as Playwright steps the tests share."""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Material's search box, its results and its highlight of the match on the opened page.
SEARCH_INPUT = ".md-search__input"
SEARCH_OPENER = 'label.md-header__button[for="__search"]'
SEARCH_RESULT_LINKS = ".md-search-result__list a.md-search-result__link"
SEARCH_SCROLLER = ".md-search__scrollwrap"
HIGHLIGHT = "mark[data-md-highlight]"

# How often, and how far apart, the search results are read until they stop changing.
SETTLE_LOOKS = 20
SETTLE_PAUSE_MS = 250

# How many times the result list is scrolled to its end to make Material render more results.
MAX_RESULT_SCROLLS = 20

# Material's palette toggle (the label shown is the one switching to the other scheme).
PALETTE_TOGGLE = 'form[data-md-component="palette"] label[title="{title}"]'

# Material's menu button and the drawer it opens on small screens.
DRAWER_BUTTON = '.md-header label.md-header__button[for="__drawer"]'
DRAWER = ".md-sidebar--primary"

# Impacts that fail the accessibility tests.
BLOCKING_IMPACTS = ("serious", "critical")

# A reader's headings, in document order, with their levels (JavaScript run in the page).
HEADINGS_SCRIPT = """() => Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'))
  .map(h => ({level: Number(h.tagName[1]), text: h.textContent.trim()}))"""


@dataclass(frozen=True)
class AxeViolation:
    """One axe-core rule broken on a page, with where."""

    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.rule} ({self.impact}): {self.help} at {', '.join(self.targets[:5])}"


# -----------------------------------------------------------------------------
# Reader's steps
# -----------------------------------------------------------------------------


# Open a page and wait until its scripts have run and it has stopped loading
def visit(page: Page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")


# Click a link and wait until its page is shown (Material's instant navigation swaps pages in place)
def follow(page: Page, link: Locator) -> None:
    target = link.evaluate("a => a.href")
    link.click()
    expect(page).to_have_url(target)
    page.wait_for_load_state("networkidle")


# Type a query into the search box as a person would; the URLs of all result links, scrolled through
def search(page: Page, query: str) -> list[str]:
    search_box = page.locator(SEARCH_INPUT)
    if not search_box.is_visible():
        page.locator(SEARCH_OPENER).click()
    search_box.click()
    page.keyboard.type(query, delay=20)
    expect(page.locator(SEARCH_RESULT_LINKS).first).to_be_visible()
    urls = _settled_result_urls(page)
    for _ in range(MAX_RESULT_SCROLLS):  # Material renders ten results at a time, more as the list is scrolled
        page.locator(SEARCH_SCROLLER).evaluate("list => list.scrollTop = list.scrollHeight")
        more = _settled_result_urls(page)
        if len(more) == len(urls):
            break
        urls = more
    return urls


# Switch the colour scheme with the header's toggle
def toggle_palette(page: Page, to: str) -> None:
    title = {"dark": "Switch to dark mode", "light": "Switch to light mode"}[to]
    page.locator(PALETTE_TOGGLE.format(title=title)).click()


# Material's current colour scheme: "default" (light) or "slate" (dark)
def color_scheme(page: Page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


# Content links whose address matches `href`, in page order
def content_links(page: Page, href: re.Pattern[str]) -> list[Locator]:
    links = page.locator(".md-content a[href]").all()
    return [link for link in links if href.search(link.get_attribute("href") or "")]


# Path of a URL without query or fragment: "http://h/articles/x/?h=y" -> "/articles/x/"
def url_path(url: str) -> str:
    return urlsplit(url).path


# Serious and critical axe-core violations on the page as it is now
def blocking_violations(page: Page) -> list[AxeViolation]:
    results = Axe().run(page, options={"resultTypes": ["violations"]})
    return [
        AxeViolation(v["id"], v["impact"], v["help"], tuple(" ".join(node["target"]) for node in v["nodes"]))
        for v in results.response["violations"]
        if v["impact"] in BLOCKING_IMPACTS
    ]


# The search result URLs once two looks in a row agree (results refresh with every key typed)
def _settled_result_urls(page: Page) -> list[str]:
    previous: list[str] | None = None
    for _ in range(SETTLE_LOOKS):
        urls = page.eval_on_selector_all(SEARCH_RESULT_LINKS, "links => links.map(a => a.href)")
        if urls and urls == previous:
            return urls
        previous = urls
        page.wait_for_timeout(SETTLE_PAUSE_MS)
    return previous or []


# Problems with the page's heading outline: not exactly one h1, not starting at h1, or a skipped level
def outline_problems(page: Page) -> list[str]:
    headings = page.evaluate(HEADINGS_SCRIPT)
    problems = []
    h1_count = sum(1 for heading in headings if heading["level"] == 1)
    if h1_count != 1:
        problems.append(f"{h1_count} h1 headings, expected exactly one")
    if headings and headings[0]["level"] != 1:
        problems.append(f"the first heading is h{headings[0]['level']} {headings[0]['text']!r}, not the h1")
    for previous, heading in zip(headings, headings[1:]):
        if heading["level"] > previous["level"] + 1:
            problems.append(f"h{previous['level']} {previous['text']!r} is followed by "
                            f"h{heading['level']} {heading['text']!r}, skipping a level")
    return problems
