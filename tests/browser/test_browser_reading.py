"""Reading the archive as a person would: links from page to page, dark mode, a phone."""
from __future__ import annotations

import re

import pytest

from archive_pages import ARTICLE_BODY, ARTICLE_HREF, PHONE, YEAR_HREF
from availability import require_browser_libraries

require_browser_libraries()

from playwright.sync_api import expect  # noqa: E402

from browsing import (  # noqa: E402
    DRAWER, DRAWER_BUTTON, color_scheme, content_links, follow, toggle_palette, url_path, visit,
)

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Links from an article to the topics it is filed under, and the built HTML that shows a site has them.
TOPIC_LINKS = ".article-topics a, a.article-topic"
TOPIC_MARKUP = r'class="[^"]*\barticle-topics?\b'

# Links from an article to related articles ("Related reading"), and the HTML that shows a site has them.
RELATED_LINKS = ".article-related a, .related-reading a, #related-reading + ul a"
RELATED_MARKUP = r'class="[^"]*\b(article-related|related-reading)\b|id="related-reading"'


# True once the drawer has slid all the way in (JavaScript run in the page).
DRAWER_FULLY_OPEN = f"""() => {{
  const box = document.querySelector('{DRAWER}').getBoundingClientRect();
  return box.width > 0 && box.left >= 0 && box.right <= window.innerWidth;
}}"""


# -----------------------------------------------------------------------------
# Tests
# -----------------------------------------------------------------------------


def test_home_page_leads_to_an_article_and_back(page, served_site):
    visit(page, served_site.url())
    home_heading = page.locator("h1").inner_text()
    links = content_links(page, ARTICLE_HREF)
    assert links, "the home page links to no article (expected links to articles/<year>/<slug>/)"
    headline = links[0].inner_text().strip()

    follow(page, links[0])

    expect(page.locator(ARTICLE_BODY)).to_be_visible()
    expect(page.locator("h1")).to_have_text(headline)
    page.go_back()
    expect(page).to_have_url(served_site.url())
    expect(page.locator("h1")).to_have_text(home_heading)


def test_archive_listing_leads_through_a_year_to_an_article(page, served_site):
    visit(page, served_site.url())
    follow(page, page.locator(".md-tabs a, .md-nav a, .md-content a").filter(has_text=re.compile(r"^\s*(Archive|by year)\s*$")).first)
    expect(page).to_have_url(re.compile(r"/articles/$"))
    years = content_links(page, YEAR_HREF)
    assert years, "the archive page links to no year page (expected links to <year>/)"
    year = years[0].inner_text().strip()

    follow(page, years[0])

    expect(page).to_have_url(re.compile(rf"/articles/{year}/$"))
    articles = content_links(page, ARTICLE_HREF)
    assert articles, f"the {year} page links to no article"
    follow(page, articles[0])
    expect(page.locator(ARTICLE_BODY)).to_be_visible()
    page.go_back()
    expect(page).to_have_url(re.compile(rf"/articles/{year}/$"))


def test_topic_link_leads_to_a_topic_page_listing_the_article(page, served_site):
    with_topics = served_site.pages_matching(TOPIC_MARKUP)
    if not with_topics:
        pytest.skip(f"the site has no topic links yet (no element matching {TOPIC_LINKS!r}); topic pages come later")
    article = next((path for path in with_topics if path in served_site.article_paths()), with_topics[0])
    visit(page, served_site.url(article))
    topic = page.locator(TOPIC_LINKS).first

    follow(page, topic)

    assert url_path(page.url) != "/" + article
    listed = [url_path(link.evaluate("a => a.href")) for link in content_links(page, ARTICLE_HREF)]
    assert "/" + article in listed, f"the topic page {page.url} does not list the article it was reached from ({article})"


def test_related_article_link_leads_to_another_article(page, served_site):
    with_related = [path for path in served_site.pages_matching(RELATED_MARKUP) if path in served_site.article_paths()]
    if not with_related:
        pytest.skip(f"the site has no related-article links yet (no element matching {RELATED_LINKS!r})")
    article = with_related[0]
    visit(page, served_site.url(article))
    related = page.locator(RELATED_LINKS).first
    headline = related.inner_text().strip()

    follow(page, related)

    expect(page.locator(ARTICLE_BODY)).to_be_visible()
    assert url_path(page.url) != "/" + article, "the related-article link leads back to the same article"
    expect(page.locator("h1")).to_have_text(headline)


def test_dark_mode_is_kept_after_reload_and_on_the_next_page(page, served_site):
    visit(page, served_site.url())
    assert color_scheme(page) == "default", "a reader whose system prefers light should start in light mode"

    toggle_palette(page, to="dark")

    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    visit(page, served_site.url(served_site.article_paths()[0]))
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    toggle_palette(page, to="light")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")


def test_article_reads_on_a_phone_without_sideways_scrolling(new_page, served_site, screenshot_dir):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    widest = _longest_article(served_site)
    visit(page, served_site.url(widest))

    overflow = page.evaluate("""() => ({
        document: document.documentElement.scrollWidth, body: document.body.scrollWidth, viewport: window.innerWidth})""")

    page.screenshot(path=screenshot_dir / "article-phone.png", full_page=True)
    assert overflow["document"] <= overflow["viewport"] and overflow["body"] <= overflow["viewport"], (
        f"{widest} scrolls sideways on a {PHONE['width']}px phone: {overflow}")


def test_menu_opens_on_a_phone(new_page, served_site, screenshot_dir):
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    visit(page, served_site.url(served_site.article_paths()[0]))
    expect(page.locator(DRAWER)).not_to_be_in_viewport()

    page.locator(DRAWER_BUTTON).click()

    page.wait_for_function(DRAWER_FULLY_OPEN)
    archive = page.locator(DRAWER).get_by_role("link", name="Archive", exact=True)
    expect(archive).to_be_visible()
    page.screenshot(path=screenshot_dir / "menu-phone.png")
    archive.click()
    expect(page).to_have_url(re.compile(r"/articles/$"))


def test_screenshots_of_home_and_an_article(page, served_site, screenshot_dir):
    visit(page, served_site.url())
    page.screenshot(path=screenshot_dir / "home.png", full_page=True)
    visit(page, served_site.url(served_site.article_paths()[0]))
    page.screenshot(path=screenshot_dir / "article.png", full_page=True)

    assert (screenshot_dir / "home.png").stat().st_size > 0
    assert (screenshot_dir / "article.png").stat().st_size > 0


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# The article page with the most HTML: the likeliest to hold a long word, URL or table
def _longest_article(served_site) -> str:
    pages = served_site.built.article_pages()
    longest = max(pages, key=lambda path: path.stat().st_size)
    return str(longest.relative_to(served_site.built.site).parent.as_posix()) + "/"
