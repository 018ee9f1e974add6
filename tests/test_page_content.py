"""An article page's content made without Python-Markdown is byte for byte what MkDocs makes of its Markdown.

The hook hands MkDocs the content `rendering.render_article_page` made (converting 10,000 article pages
with Python-Markdown was most of a build), so it must never differ from the Markdown it stands for:
checked page by page against MkDocs' own conversion (hand-made articles with every block kind and the
awkward cases, random text), and over whole sites built both ways.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
import functools
import os
import string
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from material.plugins.search.plugin import SearchIndex
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from newsarchive.linking import Span
from newsarchive.rendering import RenderedArticle, expand_wrappers, render_article_page
from newsarchive.structure.article import Article, Block, BlockKind, Footnote, FootnoteRef, Publication
from sitebuild import ROOT, build_project

import archive_hook

# Pages the hand-made articles link to.
TARGETS = ("places/china.md", "people/kim-jong-un.md", "organisations/unhcr.md", "topics/border-crossing.md")

# Where the hand-made article lives.
PAGE = "articles/2016/a-headline.md"

# Text with every character Markdown, its extensions or HTML might read as syntax.
AWKWARD = "1986. *Stars* & <b>tags</b> \"quoted\" 'single' `code` _under_ [x](y) {: .c } # ! | ~ ^ = + $ \\ &amp; &#160; -- ..."


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# The site's MkDocs configuration, loaded once
@functools.cache
def _config():
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins._current_plugin = None  # set by MkDocs while a plugin's event runs; File.generated reads it
    return config


# What MkDocs makes of a page's Markdown: (content with the hook's wrappers expanded, table of contents,
# front matter, title)
def _mkdocs_content(markdown: str, page_path: str = PAGE) -> tuple[str, str, dict, str]:
    config = _config()
    files = Files([File.generated(config, path, content="") for path in TARGETS])
    page_file = File.generated(config, page_path, content=markdown)
    files.append(page_file)
    page = Page(None, page_file, config)
    page.read_source(config)
    page.render(config, files)
    return expand_wrappers(page.content), str(page.toc), page.meta, page.title


# What the hook's page makes of the rendered page's own content: the same four
def _own_content(rendered: RenderedArticle, page_path: str = PAGE) -> tuple[str, str, dict, str]:
    assert rendered.content is not None
    config = _config()
    page = archive_hook.ArchivePage(File.generated(config, page_path, content=rendered.markdown), config, rendered.content)
    page.read_source(config)
    page.render(config, Files([]))
    page.load_content()
    return page.content, str(page.toc), page.meta, page.title


# An article with the given body and notes (a byline, tags and sections around it, as on the site)
def _article(body: list[Block], footnotes: list[Footnote] = (), author_note: str = "", title: str = "A headline") -> Article:
    return Article(
        seed_path="seeds/x.txt", title=title, body=body, date=dt.date(2016, 8, 5), authors=["Kim Myong-song"],
        publication=Publication("chosun", "The Chosun Ilbo"), dateline="Seoul", footnotes=list(footnotes),
        author_note=author_note,
    )


# The article's page as the site renders it, with links, tags and a section after the text
def _page(article: Article, links: dict[int, list[Span]] | None = None) -> RenderedArticle:
    return render_article_page(
        article, url="https://archive.example.org/articles/2016/a-headline/", page_path=PAGE, links=links or {},
        topic_links=[("Border crossing", "../../../topics/border-crossing/")], reading_minutes=3,
        sections=['<div class="related"><h2 id="related-reading" data-search-exclude>Related reading</h2><p>x</p></div>\n'],
        header_search_full_text=False,
    )


# -----------------------------------------------------------------------------
# Tests
# -----------------------------------------------------------------------------


def test_every_block_kind_renders_as_mkdocs_renders_its_markdown():
    text = "China sent Kim Jong Un's defectors back, the UNHCR said.1 Then more."
    article = _article(
        [
            Block(BlockKind.PARAGRAPH, text, (FootnoteRef(60, 3),)),
            Block(BlockKind.SUBHEADING, "A headline"),  # same words as the title: the toc makes its id unique
            Block(BlockKind.SUBHEADING, "Related reading"),
            Block(BlockKind.LIST_ITEM, "First bullet about China"),
            Block(BlockKind.LIST_ITEM, AWKWARD),
            Block(BlockKind.CAPTION, "A photo caption.", (FootnoteRef(16, 7),)),
            Block(BlockKind.EDITORIAL_NOTE, "The source's table was not preserved."),
            Block(BlockKind.PARAGRAPH, AWKWARD),
            Block(BlockKind.PARAGRAPH, "Leading footnote then text.", (FootnoteRef(0, 9),)),
            Block(BlockKind.LIST_ITEM, "A list at the end of the body"),
        ],
        footnotes=[Footnote(3, "Ibid, pp. 17-18."), Footnote(7, AWKWARD), Footnote(9, "Last.")],
        author_note="The author is a fellow & writer.",
    )
    links = {0: [Span(0, 5, "places/china.md"), Span(11, 22, "people/kim-jong-un.md"), Span(48, 53, "organisations/unhcr.md")]}
    rendered = _page(article, links)
    assert _own_content(rendered) == _mkdocs_content(rendered.markdown)


@pytest.mark.parametrize("body", [
    [],
    [Block(BlockKind.LIST_ITEM, "Only a bullet")],
    [Block(BlockKind.SUBHEADING, "Only a heading")],
    [Block(BlockKind.PARAGRAPH, "   spaced\u00a0out\ttext  \n with lines   ")],
    [Block(BlockKind.PARAGRAPH, "- not a list"), Block(BlockKind.PARAGRAPH, "> not a quote"), Block(BlockKind.PARAGRAPH, "===")],
])
def test_edge_bodies_render_as_mkdocs_renders_them(body):
    rendered = _page(_article(body, title="Title with “quotes” & 2016: a — dash"))
    assert _own_content(rendered) == _mkdocs_content(rendered.markdown)


@pytest.mark.parametrize("article", [
    _article([Block(BlockKind.MARKDOWN, "Some *editor's* Markdown.")]),
    _article([Block(BlockKind.PARAGRAPH, "Twice.", (FootnoteRef(2, 1), FootnoteRef(6, 1)))], [Footnote(1, "Note.")]),
    _article([Block(BlockKind.PARAGRAPH, "Undefined.", (FootnoteRef(10, 4),))]),
    _article([Block(BlockKind.SUBHEADING, "Heading", (FootnoteRef(7, 1),))], [Footnote(1, "Note.")]),
    _article([Block(BlockKind.PARAGRAPH, " \t\u00a0\n ")]),
])
def test_what_only_python_markdown_should_convert_has_no_content(article):
    assert _page(article).content is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(list(BlockKind)[:-1]), st.text(string.printable + "“”’–—é漢\u00a0", min_size=1, max_size=80)),
                min_size=1, max_size=6))
def test_random_text_renders_as_mkdocs_renders_it(blocks):
    rendered = _page(_article([Block(kind, text) for kind, text in blocks]))
    if rendered.content is not None:  # None: the text escapes to nothing, and Python-Markdown converts the page
        assert _own_content(rendered) == _mkdocs_content(rendered.markdown)


# NEWSARCHIVE_PYTHON_MARKDOWN: Python-Markdown converts every page; NEWSARCHIVE_UNCACHED_THEME: the theme
# renders its tabs, navigation, search box and settings on every page (archive_hook._theme_fragment)
@pytest.mark.parametrize("variable", ["NEWSARCHIVE_PYTHON_MARKDOWN", "NEWSARCHIVE_UNCACHED_THEME"])
def test_a_site_built_without_the_shortcuts_is_byte_identical(tmp_path, variable):
    fixtures = ROOT / "tests" / "fixtures"
    seeds = {"saved_page.html": (fixtures / "saved_page.html").read_bytes(), "dump.txt": (fixtures / "saved_page_dump.txt").read_bytes()}
    fast = build_project(tmp_path / "fast", seeds, real_seeds=True, strict=True)
    slow = build_project(tmp_path / "slow", seeds, real_seeds=True, strict=True, environment={variable: "1"})
    assert fast.returncode == 0 and slow.returncode == 0, fast.log + slow.log
    fast_files = sorted(path.relative_to(fast.site) for path in fast.site.rglob("*") if path.is_file())
    slow_files = sorted(path.relative_to(slow.site) for path in slow.site.rglob("*") if path.is_file())
    assert fast_files == slow_files
    assert len(fast.article_pages()) >= 6
    different = [str(path) for path in fast_files if (fast.site / path).read_bytes() != (slow.site / path).read_bytes()]
    assert different == []


# The header-search entries Material's search plugin makes of a page's content
def _search_entries(html: str, toc: str = "") -> list[dict]:
    index = SearchIndex()
    page = SimpleNamespace(meta={"title": "A headline", "search": {"boost": 2}}, title="A headline", url="articles/2016/a-headline/",
                           toc=get_toc([]), content=html)
    index.add_entry_from_context(page)
    return index.entries


def test_the_search_plugin_sees_only_what_it_indexes_when_the_text_stays_out_of_the_header_search():
    article = _article([Block(BlockKind.PARAGRAPH, "Text about China."), Block(BlockKind.SUBHEADING, "A subheading"),
                        Block(BlockKind.PARAGRAPH, "More text.")])
    content = _page(article).content
    assert content.searched_html is not None and content.html.startswith(content.searched_html)
    whole = _search_entries(content.html)
    # The whole page gives the same entry, plus an empty one per subheading of the (excluded) text
    assert _search_entries(content.searched_html) == [entry for entry in whole if entry["text"]]
    assert [entry["location"] for entry in whole if not entry["text"]] == ["articles/2016/a-headline/#a-subheading"]


def test_the_search_plugin_sees_the_whole_page_when_it_indexes_the_text_or_the_text_holds_its_attributes():
    article = _article([Block(BlockKind.PARAGRAPH, "Text about China.")])
    full_text = render_article_page(article, header_search_full_text=True)
    assert full_text.content.searched_html is None
    tricky = _page(_article([Block(BlockKind.PARAGRAPH, 'It said data-search-exclude="x" in the text.')]))
    assert tricky.content.searched_html is None


def test_the_hook_gives_the_search_plugin_the_part_and_the_theme_the_whole():
    rendered = _page(_article([Block(BlockKind.PARAGRAPH, "Text.")]))
    config = _config()
    page = archive_hook.ArchivePage(File.generated(config, PAGE, content=rendered.markdown), config, rendered.content)
    page.read_source(config)
    assert archive_hook.on_page_markdown(page.markdown, page=page, config=config, files=Files([])) == ""
    page.render(config, Files([]))
    page.content = archive_hook.on_page_content(page.content, page=page, config=config, files=Files([]))
    assert page.content == ""  # read in when the page is built
    seen = []
    for handler in sorted(archive_hook.on_page_context.methods, key=lambda method: -method.mkdocs_priority):
        handler({}, page=page, config=config, nav=None)
        seen.append(page.content)
    assert seen == [rendered.content.searched_html, rendered.content.html]


@pytest.mark.parametrize("standfirst", [
    "Rights groups say about 60 were sent back from Jilin province.",
    AWKWARD,
    "Brokers wrote <script>alert('dek')</script> & {{ page.title }} [x](javascript:alert(1)) **bold** to families.",
])
def test_a_standfirst_renders_as_mkdocs_renders_it_and_shows_as_written(standfirst):
    article = dataclasses.replace(_article([Block(BlockKind.PARAGRAPH, "The text.")]), standfirst=standfirst)
    rendered = _page(article)
    content, *_ = _own_content(rendered)
    assert (content, *_) == _mkdocs_content(rendered.markdown)
    shown = content[content.index('class="article-standfirst"') : content.index('<div class="article-byline"')]
    assert html.unescape(re.sub(r"<[^>]+>", "", shown.split(">", 1)[1])).strip() == " ".join(standfirst.split())
    assert "<script" not in shown and "<a " not in shown and "<strong" not in shown
    assert shown.split(">", 1)[0].endswith("data-pagefind-body")  # full-text search indexes it with the text
