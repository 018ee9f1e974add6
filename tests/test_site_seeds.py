"""The five real seeds, built into the real site: what a reader and a reference manager see."""
from __future__ import annotations

import html
import json
import re

import pytest

SEEDS = {
    "000": dict(
        url="articles/2016/china-produces-fake-n-korean-defectors/index.html",
        title="China Produces Fake N.Korean Defectors",
        authors=["Kim Myong-song"],
        date="2016-08-05",
        date_display="5 August 2016",
        publication="The Chosun Ilbo",
        gone=["Copyright", "Previous Next", "All Headlines Back to Top"],
        kept=["China is rolling out fake North Korean defectors", "a spokesman for a human rights group said."],
    ),
    "001": dict(
        url="articles/2016/mass-exodus-of-north-koreans-a-reality-or-myth/index.html",
        title="“Mass Exodus” of North Koreans: a Reality or Myth?",
        authors=["Konstantin Asmolov"],
        date="2016-09-09",
        date_display="9 September 2016",
        publication="New Eastern Outlook",
        gone=["casino", "Please select digest to download", "34234234123123", "Prior to 1970 1"],
        kept=["Summer 2016 was marked by a series of high-profile defections from North Korea."],
    ),
    "002": dict(
        url="articles/2014/beijing-allowing-n-korean-officials-to-capture-defectors-on-chinese-side-of-border/index.html",
        title="Beijing allowing N. Korean officials to capture defectors on Chinese side of border",
        authors=["Koichiro Ishida"],
        date="2014-08-15",
        date_display="15 August 2014",
        publication="The Asahi Shimbun",
        gone=["submit to reddit", "• 1", "Toggle", "More AJW", "KOICHIRO ISHIDA"],
        kept=["North Korean agents are searching for and detaining defectors"],
    ),
    "003": dict(
        url="articles/2012/china-and-its-north-korean-refugee-problem/index.html",
        title="China and its North Korean Refugee Problem",
        authors=[],
        date="2012-04-03",
        date_display="3 April 2012",
        publication=None,
        gone=["Share |", "Posted on"],
        kept=["In 2011 over 2,737 North Koreans defected to the South", "since the 1953 truce"],
    ),
    "004": dict(
        url="articles/2024/china-unlikely-to-cave-under-pressure-to-stop-sending-north-korean-defectors-back-observers/index.html",
        title="China unlikely to cave under pressure to stop sending North Korean defectors back: Observers",
        authors=["Wendy Teo"],
        date="2024-01-01",
        date_display="1 January 2024",
        publication=None,
        gone=["top of page", "bottom of page"],
        kept=["China has come under pressure for repatriating hundreds of North Korean defectors"],
    ),
}


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# The visible text of an HTML fragment, entities decoded, whitespace folded
def visible_text(fragment: str) -> str:
    fragment = re.sub(r"<(script|style)\b.*?</\1>", " ", fragment, flags=re.S)
    fragment = re.sub(r"</?(p|div|li|ul|ol|h\d|br|hr|nav|section|table|tr|td|th)\b[^>]*>", " ", fragment)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


# The part of a page inside Material's article element
def article_element(page: str) -> str:
    start = page.index('<article class="md-content__inner md-typeset">')
    return page[start : page.index("</article>", start)]


# The part of a page inside the itemprop="articleBody" element
def article_body(page: str) -> str:
    start = page.index('itemprop="articleBody"')
    return page[start : page.rindex("</div>", start, page.index("</article>"))]


# The page's schema.org JSON-LD object
def jsonld(page: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert match, "no JSON-LD in the page head"
    return json.loads(match.group(1))


@pytest.fixture(scope="module", params=sorted(SEEDS))
def seed(request, real_site):
    expected = SEEDS[request.param]
    return expected, real_site.page(expected["url"])


# -----------------------------------------------------------------------------
# Tests
# -----------------------------------------------------------------------------


def test_headline_is_the_only_h1(seed):
    expected, page = seed
    headings = re.findall(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    assert [visible_text(h) for h in headings] == [expected["title"]]


def test_byline_shows_authors_source_and_date(seed):
    expected, page = seed
    byline = visible_text(re.search(r'<div class="article-byline">.*?</div>', page, re.S).group(0))
    for author in expected["authors"]:
        assert author in byline
    if not expected["authors"]:
        assert not byline.startswith("By ")
    assert (expected["publication"] or "Source unknown") in byline
    assert expected["date_display"] in byline


def test_furniture_is_gone_and_text_is_kept(seed):
    expected, page = seed
    text = visible_text(article_element(page))
    for furniture in expected["gone"]:
        assert furniture not in text
    for sentence in expected["kept"]:
        assert sentence in text


def test_jsonld_describes_the_article(seed):
    expected, page = seed
    data = jsonld(page)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == expected["title"]
    assert data["datePublished"] == expected["date"]
    assert [author["name"] for author in data["author"]] == expected["authors"]
    assert data.get("publisher", {}).get("name") == expected["publication"]
    assert data["isBasedOn"].startswith("seeds/") and data["isBasedOn"].endswith(".txt")
    assert data["url"] == "https://archive.example.org/" + expected["url"].removesuffix("index.html")


def test_highwire_citation_tags(seed):
    expected, page = seed
    assert f'<meta name="citation_title" content="{html.escape(expected["title"])}">' in page
    assert re.findall(r'<meta name="citation_author" content="([^"]*)">', page) == expected["authors"]
    assert f'<meta name="citation_publication_date" content="{expected["date"].replace("-", "/")}">' in page


def test_body_sits_in_one_article_body_element(seed):
    _, page = seed
    assert page.count('itemprop="articleBody"') == 1
    body = visible_text(article_body(page))
    byline = visible_text(re.search(r'<div class="article-byline">.*?</div>', page, re.S).group(0))
    assert byline not in body


def test_lost_table_becomes_an_editorial_note(real_site):
    page = real_site.page(SEEDS["001"]["url"])
    body = article_body(page)
    assert "admonition note" in body and "table" in visible_text(body).lower()
    assert "<p></p>" not in body


def test_closing_author_note_is_kept(real_site):
    body = article_body(real_site.page(SEEDS["001"]["url"]))
    note = re.search(r'<p class="article-author-note">(.*?)</p>', body, re.S)
    assert note and visible_text(note.group(1)).startswith("Konstantin Asmolov, Ph.D, Chief Research Fellow")


def test_repeated_caption_appears_once_as_a_caption(real_site):
    page = real_site.page(SEEDS["002"]["url"])
    text = visible_text(article_element(page))
    assert text.count("The Yalu river in China's Liaoning province") == 1
    assert re.search(r'<p class="article-caption">The Yalu river', page)


def test_datelines(real_site):
    for key, place in (("002", "Shenyang, China"), ("004", "Seoul")):
        page = real_site.page(SEEDS[key]["url"])
        byline = visible_text(re.search(r'<div class="article-byline">.*?</div>', page, re.S).group(0))
        assert place.lower() in byline.lower()


def test_author_role_is_not_part_of_the_name(real_site):
    page = real_site.page(SEEDS["004"]["url"])
    assert re.findall(r'<span class="article-author">(.*?)</span>', page) == ["Wendy Teo"]
    assert "South Korea Correspondent" in page
    page = real_site.page(SEEDS["002"]["url"])
    assert re.findall(r'<span class="article-author">(.*?)</span>', page) == ["Koichiro Ishida"]


def test_glued_footnote_markers_become_linked_references(real_site):
    page = real_site.page(SEEDS["003"]["url"])
    body = article_body(page)
    for before, number in (("refugee conventions.", 1), ("hard labor.", 2), ("traitors and criminals.", 3), ("escaping to China.", 4)):
        assert re.search(re.escape(before) + rf'<sup id="fnref:{number}"><a class="footnote-ref" href="#fn:{number}"', body), before
    notes = re.findall(r'<li id="fn:(\d)">', body)
    assert notes == ["1", "2", "3", "4"]
    assert "Stephen Haggard and Marcus Noland" in visible_text(body)


def test_photo_credit_is_not_the_byline(real_site):
    page = real_site.page(SEEDS["003"]["url"])
    assert "article-author" not in page.split('class="article-byline"', 1)[1].split("</div>", 1)[0]
    assert not jsonld(page)["author"]


def test_home_lists_articles_newest_first_with_date_source_and_summary(real_site):
    page = real_site.page("index.html")
    positions = [page.index(html.escape(SEEDS[key]["title"], quote=False)) for key in ("004", "001", "000", "002", "003")]
    assert positions == sorted(positions)
    text = visible_text(article_element(page))
    assert "1 January 2024" in text and "The Chosun Ilbo" in text
    assert "China is rolling out fake North Korean defectors" in text


def test_navigation_does_not_list_articles(real_site):
    page = real_site.page("about/index.html")
    start = re.search(r'<nav class="md-nav md-nav--primary[^"]*"', page).start()
    nav = page[start : page.index('<nav class="md-nav md-nav--secondary"', start)]
    assert "Archive" in nav
    assert "China Produces Fake" not in nav


def test_sitemap_is_produced(real_site):
    sitemap = (real_site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://archive.example.org/articles/2016/china-produces-fake-n-korean-defectors/" in sitemap


def test_search_index_includes_article_text(real_site):
    index = json.loads((real_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any("Wangjing" in doc["text"] for doc in index["docs"])
