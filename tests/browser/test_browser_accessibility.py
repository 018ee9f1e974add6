"""Accessibility as a reader with a screen reader, a keyboard or low vision meets it.

axe-core runs on the home page, the archive listings and an article in light and
dark; no violation of serious or critical impact is allowed (the fixes for the ones
Material has out of the box are in docs/stylesheets/accessibility.css and
docs/overrides/).  Every built page is also read for `lang`, a title, a skip link
and a heading outline.
"""
from __future__ import annotations

import re

from html.parser import HTMLParser
from pathlib import Path

import pytest

from availability import require_browser_libraries

require_browser_libraries()

from playwright.sync_api import expect  # noqa: E402

from archive_pages import YEAR_HREF  # noqa: E402
from browsing import blocking_violations, color_scheme, outline_problems, search, visit  # noqa: E402

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The kinds of page a reader meets, each by how to find one in the built site.
PAGE_KINDS = ("home", "archive listing", "year listing", "article")

# The browser's colour-scheme preference, and the Material scheme it should give.
SCHEMES = {"light": "default", "dark": "slate"}


# -----------------------------------------------------------------------------
# Tests in the browser
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_serious_axe_violations(new_page, served_site, kind, scheme):
    page = new_page(color_scheme=scheme)
    visit(page, served_site.url(_page_of_kind(served_site, kind)))
    assert color_scheme(page) == SCHEMES[scheme]

    violations = blocking_violations(page)

    assert not violations, f"axe finds on the {kind} page ({scheme}):\n" + "\n".join(map(str, violations))


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_serious_axe_violations_in_open_search(new_page, served_site, scheme):
    page = new_page(color_scheme=scheme)
    visit(page, served_site.url())
    search(page, "Wangjing")

    violations = blocking_violations(page)

    assert not violations, f"axe finds in the open search dialog ({scheme}):\n" + "\n".join(map(str, violations))


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_headings_form_an_outline(page, served_site, kind):
    visit(page, served_site.url(_page_of_kind(served_site, kind)))

    assert outline_problems(page) == []


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_skip_link_is_the_first_tab_stop_and_leads_to_the_content(page, served_site, kind):
    visit(page, served_site.url(_page_of_kind(served_site, kind)))

    page.keyboard.press("Tab")

    skip = page.locator("a.md-skip")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    target = "#" + skip.evaluate("a => a.hash.slice(1)")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(target) + "$"))  # waits: the hash changes after the key press
    expect(page.locator(f'[id="{target[1:]}"]')).to_be_in_viewport()


# -----------------------------------------------------------------------------
# Tests of every built page (no browser needed, so they run fast on big sites)
# -----------------------------------------------------------------------------


def test_every_page_has_a_language_a_title_and_a_skip_link(served_site):
    problems = []
    for path in sorted(served_site.built.site.rglob("*.html")):
        facts = _read_page(path)
        name = path.relative_to(served_site.built.site).as_posix()
        if not facts.lang:
            problems.append(f"{name}: <html> has no lang")
        if not facts.title.strip():
            problems.append(f"{name}: no <title>")
        if facts.skip_target is None:
            problems.append(f"{name}: no skip link (a.md-skip)")
        elif facts.skip_target not in facts.ids:
            problems.append(f"{name}: the skip link leads to #{facts.skip_target}, which is not on the page")

    assert problems == []


def test_every_page_has_one_h1_and_skips_no_heading_level(served_site):
    problems = []
    for path in sorted(served_site.built.site.rglob("*.html")):
        levels = _read_page(path).heading_levels
        name = path.relative_to(served_site.built.site).as_posix()
        if levels.count(1) != 1:
            problems.append(f"{name}: {levels.count(1)} h1 headings")
        if levels and levels[0] != 1:
            problems.append(f"{name}: starts with h{levels[0]}")
        problems += [f"{name}: h{a} followed by h{b}" for a, b in zip(levels, levels[1:]) if b > a + 1]

    assert problems == []


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# Site path of one page of a kind
def _page_of_kind(served_site, kind: str) -> str:
    if kind == "home":
        return ""
    if kind == "archive listing":
        return "articles/"
    if kind == "year listing":
        years = sorted(path.relative_to(served_site.built.site).parent.as_posix() + "/"
                       for path in served_site.built.site.glob("articles/*/index.html"))
        years = [path for path in years if YEAR_HREF.search(path)]
        assert years, "the site has no year listing page (articles/<year>/)"
        return years[-1]
    return served_site.article_paths()[0]


class _PageFacts(HTMLParser):
    """What the accessibility checks read from a page's HTML: lang, title, skip link, headings, ids."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.title = ""
        self.skip_target: str | None = None
        self.heading_levels: list[int] = []
        self.ids: set[str] = set()
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "html":
            self.lang = attributes.get("lang", "")
        elif tag == "title":
            self._in_title = True
        elif tag == "a" and "md-skip" in attributes.get("class", "").split() and self.skip_target is None:
            self.skip_target = attributes.get("href", "").lstrip("#")
        elif len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
            self.heading_levels.append(int(tag[1]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


# The accessibility facts of one built page
def _read_page(path: Path) -> _PageFacts:
    facts = _PageFacts()
    facts.feed(path.read_text(encoding="utf-8"))
    return facts
