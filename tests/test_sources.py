"""Sources: an index of publications with counts, and a page per publication with its feed."""
from __future__ import annotations

import datetime as dt

import markdown
import yaml

from newsarchive.publications import PublicationRegistry
from newsarchive.sources import UNKNOWN_SOURCE_SLUG, source_page, sources_list, sources_of
from newsarchive.structure.article import Publication
from samples import ASAHI, CHOSUN, placed


def _archive():
    return [
        placed("Chosun one", date=dt.date(2014, 1, 1), publication=CHOSUN),
        placed("Unknown one", date=dt.date(2020, 1, 1)),
        placed("Chosun two", date=dt.date(2016, 8, 5), publication=CHOSUN),
        placed("Asahi one", date=dt.date(2015, 1, 1), publication=ASAHI),
    ]


# The sources index's list for an archive
def sources_index(articles):
    return sources_list(sources_of(articles))


# Every publication's page and year pages: {source path: Markdown}
def source_pages(articles):
    return {path: text for source in sources_of(articles) for path, text in source_page(source).items()}


def test_sources_counted_most_first_unknown_last_articles_newest_first():
    sources = sources_of(_archive())
    assert [(source.slug, len(source.articles)) for source in sources] == [
        ("chosun-ilbo", 2), ("asahi-shimbun", 1), (UNKNOWN_SOURCE_SLUG, 1)
    ]
    assert [item.article.title for item in sources[0].articles] == ["Chosun two", "Chosun one"]
    assert sources[2].name == "Source unknown"


def test_index_links_each_source_page_relatively():
    text = sources_index(_archive())
    assert "- [The Chosun Ilbo](sources/chosun-ilbo.md) (2)" in text
    assert "- [Source unknown](sources/source-unknown.md) (1)" in text
    assert sources_index([]) == "*No articles yet.*\n"


def test_source_page_lists_articles_and_links_its_feed_and_home_page():
    pages = source_pages(_archive())
    assert sorted(pages) == ["sources/asahi-shimbun.md", "sources/chosun-ilbo.md", "sources/source-unknown.md"]
    page = pages["sources/chosun-ilbo.md"]
    _, front, body = page.split("---\n", 2)
    assert yaml.safe_load(front)["title"] == "The Chosun Ilbo"
    html = markdown.markdown(body, extensions=["pymdownx.escapeall"])
    assert 'href="../feeds/sources/chosun-ilbo.xml"' in html
    assert 'href="../sources.md"' in html
    assert '<a href="https://www.chosun.com/english/">The Chosun Ilbo website</a>' in html
    assert html.index("Chosun two") < html.index("Chosun one")
    assert 'href="../../articles/2016/chosun-two/"' in html
    assert "could not be read" in pages["sources/source-unknown.md"]


def test_hostile_publication_names_are_escaped():
    evil = Publication("evil", '<script>x</script> "*Evil*"', "javascript:alert(1)")
    page = source_pages([placed("Story", publication=evil)])["sources/evil.md"]
    _, front, body = page.split("---\n", 2)
    assert "<script>" not in yaml.safe_load(front)["title"]
    html = markdown.markdown(body, extensions=["pymdownx.escapeall"])
    assert "<script>" not in html and "javascript:" not in html and "<em>Evil</em>" not in html


def test_every_registry_publication_gets_a_distinct_page_path():
    registry = PublicationRegistry.load()
    slugs = [publication.slug for publication in registry.publications]
    assert UNKNOWN_SOURCE_SLUG not in slugs
