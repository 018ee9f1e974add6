"""Searching the archive as a person would: type into the box, open a result, see the match."""
from __future__ import annotations

import re

import pytest

from availability import require_browser_libraries

require_browser_libraries()

from playwright.sync_api import expect  # noqa: E402

from archive_pages import ARTICLE_BODY  # noqa: E402
from browsing import HIGHLIGHT, SEARCH_RESULT_LINKS, SEARCH_SCROLLER, search, url_path, visit  # noqa: E402

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# What readers search for, with text that only the article they want contains.
QUERIES = {
    "word from an article body": ("kwan-il-so", "kwan-il-so"),
    "place from an article body": ("Wangjing", "Wangjing"),
    "person": ("Thae Yong-ho", "Thae Yong-ho"),
}


# -----------------------------------------------------------------------------
# Tests
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(("query", "found_in"), QUERIES.values(), ids=QUERIES.keys())
def test_search_finds_the_article_and_highlights_the_match(page, served_site, query, found_in):
    wanted = "/" + served_site.article_containing(found_in)
    visit(page, served_site.url())

    results = search(page, query)

    assert wanted in [url_path(url) for url in results], f"searching {query!r} does not offer {wanted}; it offers {results}"
    page.locator(SEARCH_RESULT_LINKS).nth([url_path(url) for url in results].index(wanted)).click()
    expect(page.locator(ARTICLE_BODY)).to_be_visible()
    assert url_path(page.url) == wanted
    assert "?h=" in page.url, f"the opened result's address {page.url} carries no ?h= highlight query"
    marks = page.locator(f"{ARTICLE_BODY} {HIGHLIGHT}")
    expect(marks.first).to_be_visible()
    terms = {term.lower() for term in re.split(r"[\s\-]+", query) if term}
    marked = {text.strip().lower() for text in marks.all_inner_texts()}
    assert marked & terms, f"the highlighted words {sorted(marked)} are none of the query's {sorted(terms)}"


def test_search_screenshots(page, served_site, screenshot_dir):
    wanted = "/" + served_site.article_containing("Wangjing")
    visit(page, served_site.url())
    results = [url_path(url) for url in search(page, "Wangjing")]
    page.locator(SEARCH_SCROLLER).evaluate("list => list.scrollTop = 0")  # back to the best results
    page.wait_for_timeout(300)  # let the result list finish its fade-in
    page.screenshot(path=screenshot_dir / "search-results.png")

    page.locator(SEARCH_RESULT_LINKS).nth(results.index(wanted)).click()
    page.locator(HIGHLIGHT).first.scroll_into_view_if_needed()
    page.screenshot(path=screenshot_dir / "search-highlight.png")

    assert (screenshot_dir / "search-results.png").stat().st_size > 0
    assert (screenshot_dir / "search-highlight.png").stat().st_size > 0


def test_search_by_topic_label_finds_the_topic_page_and_its_articles(page, served_site):
    visit(page, served_site.url())
    results = [url_path(url) for url in search(page, "forced repatriation")]
    assert any(result.rstrip("/").endswith("topics/forced-repatriation") for result in results), results
    tagged = served_site.pages_matching(r'href="[./]*topics/forced-repatriation/"[^>]*>Forced repatriation<')
    tagged_articles = {"/" + path for path in tagged if path.startswith("articles/20")}
    assert tagged_articles, "no article is tagged with the topic"
    assert tagged_articles & {result.split("#")[0] for result in results}, (sorted(tagged_articles), results)
