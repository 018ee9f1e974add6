"""No injection: hostile seed text shows on the built site exactly as typed and never runs, loads or becomes structure.

One site is built from a seed per payload (PAYLOADS in tests/untrusted.py), with the payload in the
headline, inside a paragraph and at the start of a paragraph, plus seeds with hostile byline-like
lines and with a YAML front-matter block on top.  Every place a headline reaches is checked: the
h1, `<title>`, meta tags, JSON-LD, the listings and the search index.
"""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from sitebuild import BuiltSite, build_project
from untrusted import PAYLOADS, as_shown, html_problems, visible_text

SITE_NAME = "North Korean Defectors & China — News Archive"

# Paragraph text around the payloads (long enough to read as running text to the cleaner).
OPENING = ("North Korean defectors who reach China face arrest and forced return if the police find them, "
           "activists in Seoul said on Tuesday.")
MIDDLE = "The activists said the phrase {payload} appeared in messages that brokers sent to the families of the defectors last month."
START = "{payload} was written at the start of this line by the brokers, who charge the families of defectors thousands of dollars."
CLOSING = "Human rights groups have urged Beijing for years to stop sending the defectors back across the border to North Korea."


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# A payload on one line, as it shows once whitespace is collapsed
def _one_line(payload: str) -> str:
    return as_shown(payload)


# The headline a payload's seed carries
def _headline(payload: str) -> str:
    return f"Defectors {_one_line(payload)} crossing report"


# A well-formed article dump with the payload in the headline, mid-paragraph and at a paragraph start
def _hostile_seed(payload: str) -> bytes:
    one = _one_line(payload)
    lines = [_headline(payload), "By Jane Doe", "August 5, 2016", OPENING,
             MIDDLE.format(payload=one), START.format(payload=one), CLOSING]
    return ("\n\n".join(lines) + "\n").encode("utf-8")


# A dump whose byline, date and credit lines are hostile
def _hostile_byline_seed() -> bytes:
    lines = ["Brokers and defectors on the Tumen river", "By Kim <script>alert('by')</script> & Lee &amp; Park",
             "Posted on {{ page.title }} August 6, 2016", "Photo: <img src=x onerror=alert('photo')>",
             "Brokers on the Tumen river told reporters that the crossing has become harder since the new fences went up last spring.",
             "Families in the South pay the brokers in cash, and the money often changes hands three or four times on its way.",
             "Copyright © <iframe src=https://evil.example/></iframe> [x](javascript:alert(9))"]
    return ("\n\n".join(lines) + "\n").encode("utf-8")


# A dump that starts with a block looking like YAML front matter
def _front_matter_seed() -> bytes:
    top = "---\ntitle: Injected title\ntemplate: evil.html\nhide: [navigation]\nsearch: {exclude: true}\n---\n"
    lines = ["Front matter cannot hijack this defectors page", "By Jane Doe", "August 7, 2016",
             "A defector who reached Thailand last year said that the journey through China took her almost four months.",
             "She said that she had travelled by bus and on foot, and that she had slept in the homes of strangers on the way."]
    return (top + "\n".join(lines) + "\n").encode("utf-8")


class _HeadReader(HTMLParser):
    """The <title>, meta tags and JSON-LD of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title, self.meta, self.jsonld = "", {}, []
        self._in: str = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "title":
            self._in = "title"
        elif tag == "meta" and attributes.get("name"):
            self.meta.setdefault(attributes["name"], attributes.get("content", ""))
        elif tag == "script" and attributes.get("type") == "application/ld+json":
            self._in = "jsonld"

    def handle_endtag(self, tag):
        self._in = ""

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "jsonld":
            self.jsonld.append(json.loads(data))


# The head of a page, read
def _head(page: str) -> _HeadReader:
    reader = _HeadReader()
    reader.feed(page)
    return reader


# The HTML of the article body element of a page (its <div> up to the matching </div>)
def _article_body(page: str) -> str:
    start = page.rindex("<div", 0, page.index('itemprop="articleBody"'))
    depth = 0
    for tag in re.finditer(r"<(/?)div\b", page[start:]):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return page[start : start + tag.end()]
    raise AssertionError("the article body element is not closed")


# The visible text of a page's h1
def _h1_text(page: str) -> str:
    return visible_text(re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1))


# -----------------------------------------------------------------------------
# Fixtures
# -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> BuiltSite:
    """The site built strictly from one hostile seed per payload and the hostile byline and front-matter seeds."""
    seeds = {f"{index:03d}_{name}.txt": _hostile_seed(payload) for index, (name, payload) in enumerate(PAYLOADS.items())}
    seeds["900_byline.txt"] = _hostile_byline_seed()
    seeds["901_front_matter.txt"] = _front_matter_seed()
    built = build_project(tmp_path_factory.mktemp("hostile-site"), seeds, strict=True)
    assert built.returncode == 0, built.log
    return built


@pytest.fixture(scope="module")
def pages_by_headline(hostile_site) -> dict[str, str]:
    """Every article page of the hostile site, by the text of its h1."""
    pages = {}
    for path in hostile_site.article_pages():
        page = path.read_text(encoding="utf-8")
        pages[_h1_text(page)] = page
    return pages


@pytest.fixture(scope="module")
def search_index(hostile_site) -> list[dict]:
    """The documents of the built search index."""
    return json.loads(hostile_site.page("search/search_index.json"))["docs"]


# -----------------------------------------------------------------------------
# Tests
# -----------------------------------------------------------------------------


def test_no_page_of_the_site_runs_or_loads_anything_from_a_seed(hostile_site):
    pages = sorted(hostile_site.site.rglob("*.html"))
    assert len(pages) > len(PAYLOADS)
    problems = {path.relative_to(hostile_site.site).as_posix(): html_problems(path.read_text(encoding="utf-8")) for path in pages}
    assert {path: found for path, found in problems.items() if found} == {}


def test_every_hostile_seed_became_one_article_page(pages_by_headline):
    for payload in PAYLOADS.values():
        assert _headline(payload) in pages_by_headline


@pytest.mark.parametrize("name", list(PAYLOADS))
def test_headline_shows_literally_in_h1_title_meta_and_jsonld(name, pages_by_headline):
    headline = _headline(PAYLOADS[name])
    page = pages_by_headline[headline]
    head = _head(page)
    assert page.count("<h1") == 1
    assert as_shown(head.title) == as_shown(f"{headline} - {SITE_NAME}")
    assert head.meta["citation_title"] == headline
    assert [item["headline"] for item in head.jsonld if item.get("@type") == "NewsArticle"] == [headline]
    assert head.meta["description"] == OPENING


@pytest.mark.parametrize("name", list(PAYLOADS))
def test_payload_inside_and_at_the_start_of_paragraphs_shows_literally_without_structure(name, pages_by_headline):
    one = _one_line(PAYLOADS[name])
    body = _article_body(pages_by_headline[_headline(PAYLOADS[name])])
    shown = visible_text(body)
    assert MIDDLE.format(payload=one) in shown
    # A leading "*" is a bullet in a text dump: the cleaner may take it as the item's marker.
    start = START.format(payload=one)
    assert start in shown or start.startswith("*") and start.lstrip("* ") in shown
    for element in ("<table", "<hr", "<pre", "<code", "<blockquote", "<h2", "<h3", "<em>", "<strong>", "<sup",
                    'class="admonition', "<details", 'class="footnote'):
        assert element not in body, element
    # The only links are the archive's own (entity pages), never a link written in the seed.
    assert all(":" not in href for href in re.findall(r'href="([^"]*)"', body))


@pytest.mark.parametrize("name", list(PAYLOADS))
def test_headline_shows_literally_in_listings(name, hostile_site):
    headline = _headline(PAYLOADS[name])
    assert headline in visible_text(hostile_site.page("articles/2016/index.html"))


def test_the_home_page_lists_the_latest_headlines_literally(hostile_site):
    shown = visible_text(hostile_site.page("index.html"))
    listed = [payload for payload in PAYLOADS.values() if _headline(payload) in shown]
    assert len(listed) >= 10


@pytest.mark.parametrize("name", list(PAYLOADS))
def test_headline_and_text_are_escaped_html_in_the_search_index(name, search_index):
    headline = _headline(PAYLOADS[name])
    documents = [doc for doc in search_index if visible_text(doc["title"]) == headline]
    assert documents, f"{headline!r} not in the search index"
    assert any(MIDDLE.format(payload=_one_line(PAYLOADS[name])) in visible_text(doc["text"]) for doc in documents)
    for doc in documents:
        assert html_problems(doc["title"]) == [] and html_problems(doc["text"]) == []


def test_hostile_byline_lines_are_shown_as_text_or_not_at_all(pages_by_headline):
    page = pages_by_headline["Brokers and defectors on the Tumen river"]
    assert html_problems(page) == []
    byline = page[page.index('class="article-byline"') : page.index('itemprop="articleBody"')]
    for fragment in ("<script", "<img", "<iframe", "javascript:alert"):
        assert fragment not in byline


def test_front_matter_in_a_seed_is_text_not_page_settings(pages_by_headline, search_index):
    page = pages_by_headline["Front matter cannot hijack this defectors page"]
    assert "Injected title" not in _head(page).title
    assert 'data-md-component="navigation"' in page or "md-nav" in page  # navigation not hidden by the seed
    assert any(visible_text(doc["title"]) == "Front matter cannot hijack this defectors page" for doc in search_index)


def test_placeholders_in_seed_text_are_not_filled(pages_by_headline):
    page = pages_by_headline[_headline(PAYLOADS["html-comment"])]
    assert "<!-- archive:latest -->" in visible_text(_article_body(page))
