"""Saved web pages as seeds: trafilatura's body, the page's own metadata, nothing executable on the site."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsarchive.corpus import build_corpus
from newsarchive.html_seeds import read_page_metadata
from newsarchive.pipeline import article_from_file, article_from_text
from newsarchive.publications import load_publications
from newsarchive.reading import SeedError, decode_seed, is_seed_file
from newsarchive.structure.article import BlockKind
from sitebuild import build_project

FIXTURES = Path(__file__).parent / "fixtures"
SAVED_PAGE = FIXTURES / "saved_page.html"
CANONICAL = "https://www.koreaherald.com/view.php?ud=20240312000611"

# Words of the page's furniture: menus, widgets, banner, comments, newsletter, footer, related links.
FURNITURE = ["Accept all cookies", "We use cookies", "Share on Facebook", "Tweet", "Email this article", "Entertainment",
             "Search the Herald", "Related articles", "BTS member", "cheap flights", "Comments (2)", "Leave a comment",
             "Sign up for our newsletter", "Copyright Herald Corporation", "Privacy policy", "Tags:"]

# What the page's scripts, iframes and pixels would load or run.
EXECUTABLE = ["gtag", "googletag", "dataLayer", "trackPageView", "acceptCookies", "ads.example", "tracker.example",
              "facebook.com/tr", "Families of repatriated defectors plead with Beijing_files", "<iframe"]

# Markup that would run or load something: event-handler attributes, script URLs, frames, forms, images.
EXECUTABLE_MARKUP = re.compile(r"<[^>]*\son\w+\s*=|(?:href|src)\s*=\s*[\"']?\s*javascript:|<(?:iframe|script|form|img|object|embed)\b",
                               re.IGNORECASE)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# The article of a saved page given as HTML text, read as seeds/NAME
def _article(page_html: str, name: str = "page.html"):
    return article_from_text(decode_seed(page_html.encode("utf-8"), f"seeds/{name}"), load_publications())


# A minimal page with the given head and article paragraphs
def _page(head: str, *paragraphs: str) -> str:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return f"<!DOCTYPE html><html><head>{head}</head><body><article>{body}</article></body></html>"


# Long enough paragraphs for trafilatura to call them an article
PARAGRAPHS = (
    "North Korean defectors detained in Liaoning were sent back across the Yalu River last week, according to a "
    "Seoul-based rights group that tracks repatriations from China and interviews the families of those returned.",
    "The group said the detainees had been held for months in a border detention centre in Dandong before being "
    "handed to North Korean state security officials, who took them to an interrogation facility in Sinuiju.",
    "China says North Koreans who cross the border without permission are illegal economic migrants, not refugees, "
    "and returns them under an agreement with Pyongyang signed in 1986 that it still applies today.",
)


# The part of a built page inside Material's article element
def _article_element(page: str) -> str:
    start = page.index('<article class="md-content__inner md-typeset">')
    return page[start : page.index("</article>", start)]


# The words of an HTML fragment, tags taken out (entities kept as written)
def _words(fragment: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", fragment).split())


# -----------------------------------------------------------------------------
# Seeds
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, is_seed",
    [("page.html", True), ("page.HTM", True), ("notes.md", True), ("README.md", False), ("readme.html", False),
     ("page_files/app.js", False), ("page_files/frame.html", False), ("Some page_files/inner.htm", False)],
)
def test_saved_pages_and_markdown_are_seeds_but_not_a_saved_pages_folder(name, is_seed):
    assert is_seed_file(Path("seeds") / name) is is_seed


def test_a_saved_page_with_its_files_folder_gives_one_article_and_nothing_from_the_folder(tmp_path):
    (tmp_path / "page.html").write_bytes(SAVED_PAGE.read_bytes())
    assets = tmp_path / "page_files"
    assets.mkdir()
    (assets / "app.js").write_text("alert(1)")
    (assets / "frame.html").write_text(_page("<title>Ad</title>", *PARAGRAPHS))
    corpus = build_corpus(tmp_path, load_publications())
    assert [placed.article.seed_path for placed in corpus.articles] == [(tmp_path / "page.html").as_posix()]
    assert corpus.problems == []


# -----------------------------------------------------------------------------
# Extraction
# -----------------------------------------------------------------------------


def test_the_article_body_is_extracted_as_paragraphs_subheadings_and_list_items():
    article = article_from_file(SAVED_PAGE, load_publications(), "seeds/page.html")
    kinds = [block.kind for block in article.body]
    texts = [block.text for block in article.body]
    assert texts[0].startswith("Relatives of North Koreans who were forcibly sent back from China")
    assert texts[-1].startswith("Seoul's unification ministry said")
    assert len(article.paragraphs) == 7
    assert (BlockKind.SUBHEADING, '"My sister was sent back in October"') in zip(kinds, texts)
    assert [text for kind, text in zip(kinds, texts) if kind is BlockKind.LIST_ITEM][0] == (
        "an immediate halt to forced repatriations of North Korean defectors;")
    assert article.summary.startswith("Relatives of North Koreans")


def test_furniture_comments_and_scripts_never_reach_the_body():
    article = article_from_file(SAVED_PAGE, load_publications(), "seeds/page.html")
    body = " ".join(block.text for block in article.body) + " " + article.title
    for words in FURNITURE + EXECUTABLE + ["javascript:", "onclick"]:
        assert words not in body


def test_metadata_comes_from_the_pages_json_ld_and_open_graph():
    article = article_from_file(SAVED_PAGE, load_publications(), "seeds/page.html")
    assert article.title == "Families of repatriated defectors plead with Beijing"  # not the <title> with the site name
    assert article.authors == ["Park Min-ji", "Lee Jung-hoon"]
    assert article.date.isoformat() == "2024-03-12"
    assert article.publication is not None and article.publication.slug == "korea-herald"
    assert article.source_url == CANONICAL
    assert article.warnings == []


def test_json_ld_wins_over_citation_tags_which_win_over_open_graph():
    head = ('<meta property="og:title" content="OG headline"><meta property="article:published_time" content="2020-01-03">'
            '<meta name="citation_title" content="Citation headline"><meta name="citation_author" content="Choi Eun-young">'
            '<meta name="citation_publication_date" content="2020/01/02">'
            '<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},'
            '{"@type":"NewsArticle","headline":"JSON-LD headline","datePublished":"2020-01-01",'
            '"author":{"@type":"Person","name":"Kang Ji-won"},"publisher":{"@type":"Organization","name":"Daily NK"}}]}</script>')
    page = read_page_metadata(_page(head, *PARAGRAPHS))
    assert (page.title, page.authors, page.date.isoformat(), page.publisher) == ("JSON-LD headline", ["Kang Ji-won"], "2020-01-01", "Daily NK")
    without_json_ld = read_page_metadata(_page(head.split("<script")[0], *PARAGRAPHS))
    assert (without_json_ld.title, without_json_ld.authors, without_json_ld.date.isoformat()) == (
        "Citation headline", ["Choi Eun-young"], "2020-01-02")
    only_og = read_page_metadata(_page(head.split("<meta name=")[0], *PARAGRAPHS))
    assert (only_og.title, only_og.date.isoformat()) == ("OG headline", "2020-01-03")


def test_a_publisher_the_registry_does_not_know_is_named_as_the_page_names_it():
    head = ('<meta property="og:site_name" content="Tumen River Monitor"><meta property="og:title" content="Defectors sent back">'
            '<link rel="canonical" href="https://tumenmonitor.example.org/2023/defectors-sent-back/">')
    article = _article(_page(head, *PARAGRAPHS))
    assert (article.publication.name, article.publication.slug, article.publication.url) == (
        "Tumen River Monitor", "tumen-river-monitor", "https://tumenmonitor.example.org/")


def test_the_original_address_is_http_only_and_loses_its_tracking_parameters():
    saved_from = "<!-- saved from url=(0080)https://www.straitstimes.com/asia/defectors?utm_source=x&id=7&fbclid=y -->"
    article = _article(saved_from + _page("<title>Defectors</title>", *PARAGRAPHS))
    assert article.source_url == "https://www.straitstimes.com/asia/defectors?id=7"
    assert article.publication.slug == "straits-times"  # found by the address's host
    hostile = _page('<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="data:text/html,x">',
                    *PARAGRAPHS)
    assert _article(hostile).source_url == ""


def test_a_page_with_no_article_text_is_a_seed_error_naming_the_file():
    with pytest.raises(SeedError, match=r"seeds/empty\.html: .*no article text"):
        _article("<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>", "empty.html")


# -----------------------------------------------------------------------------
# The built site
# -----------------------------------------------------------------------------

# Article text that looks like markup: it must show as text, never act.
HOSTILE_PARAGRAPH = ("Activists quoted the message &lt;script&gt;alert('x')&lt;/script&gt; and the link "
                     "[click](javascript:alert(1)){: onclick=\"alert(2)\" } posted on a forum about defectors in China.")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    hostile = SAVED_PAGE.read_text(encoding="utf-8").replace(
        "<p>Seoul's unification ministry", f"<p>{HOSTILE_PARAGRAPH}</p>\n    <p>Seoul's unification ministry")
    site = build_project(tmp_path_factory.mktemp("html-seeds"), {"page.html": hostile.encode("utf-8")})
    assert site.returncode == 0, site.log
    return site


def test_a_saved_page_is_built_like_any_article(built):
    page = built.page("articles/2024/families-of-repatriated-defectors-plead-with-beijing/index.html")
    content = _article_element(page)
    assert re.search(r"<h1[^>]*>Families of repatriated defectors plead with Beijing</h1>", content)
    words = _words(content)
    assert "Park Min-ji" in words and "The Korea Herald" in words and "12 March 2024" in words
    assert "Relatives of North Koreans who were forcibly sent back from China gathered outside" in words
    assert '<h2 id="my-sister-was-sent-back-in-october">' in content
    assert f'href="{CANONICAL}"' in content


def test_nothing_executable_or_from_the_pages_furniture_reaches_the_built_page(built):
    page = built.page("articles/2024/families-of-repatriated-defectors-plead-with-beijing/index.html")
    content = _article_element(page)
    for words in FURNITURE:
        assert words not in _words(content)
    for words in EXECUTABLE:
        assert words not in page
    assert not EXECUTABLE_MARKUP.search(content), EXECUTABLE_MARKUP.search(content)
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in content  # the words, shown as text
    assert "[click](javascript:alert(1)){: onclick=\"alert(2)\" }" in _words(content).replace("&quot;", '"')
