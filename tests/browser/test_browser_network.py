"""No calls out: while a reader browses, the pages ask nothing of any host but this one.

The archive is read offline and must not leak its readers to font, analytics or
script hosts; every request the browser makes is recorded (page.on("request"),
set up by the `new_page` fixture) and must go to 127.0.0.1.
"""
from __future__ import annotations

from availability import require_browser_libraries

require_browser_libraries()

from playwright.sync_api import expect  # noqa: E402

from archive_pages import ARTICLE_BODY, ARTICLE_HREF, PHONE, YEAR_HREF  # noqa: E402
from browsing import (  # noqa: E402
    DRAWER, DRAWER_BUTTON, SEARCH_RESULT_LINKS, content_links, follow, search, toggle_palette, visit,
)

# Links from an article to the topics it is filed under (when the site has them).
TOPIC_LINKS = ".article-topics a, a.article-topic"


def test_browsing_requests_only_this_machine(new_page, served_site, request_log):
    page = new_page()
    visit(page, served_site.url())
    search(page, "Wangjing")
    page.locator(SEARCH_RESULT_LINKS).first.click()
    page.wait_for_load_state("networkidle")
    visit(page, served_site.url("articles/"))
    follow(page, content_links(page, YEAR_HREF)[0])
    follow(page, content_links(page, ARTICLE_HREF)[0])
    expect(page.locator(ARTICLE_BODY)).to_be_visible()
    for path in served_site.article_paths()[:3]:
        visit(page, served_site.url(path))
    if page.locator(TOPIC_LINKS).count():
        page.locator(TOPIC_LINKS).first.click()
        page.wait_for_load_state("networkidle")
    toggle_palette(page, to="dark")
    page.reload()
    for path in _other_pages(served_site):
        visit(page, served_site.url(path))
    phone = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    visit(phone, served_site.url(served_site.article_paths()[0]))
    phone.locator(DRAWER_BUTTON).click()
    expect(phone.locator(DRAWER)).to_be_in_viewport()

    assert any(url.endswith("/search/search_index.json") for url in request_log.urls), (
        "the walk did not load the search index; it did not exercise search")
    assert request_log.offsite() == [], "pages requested other hosts:\n" + "\n".join(sorted(set(request_log.offsite())))


# Site paths of the hand-written and index pages (404 included), which may load their own scripts
def _other_pages(served_site) -> list[str]:
    site = served_site.built.site
    articles = set(served_site.article_paths())
    pages = [path.relative_to(site).as_posix() for path in site.glob("*.html")]
    pages += [path.parent.relative_to(site).as_posix() + "/" for path in site.glob("*/index.html")]
    return sorted(path for path in pages if path not in articles)
