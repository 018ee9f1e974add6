"""An article becomes one Markdown page: front matter, h1, byline, body element, footnotes, author note."""
from __future__ import annotations

import datetime as dt
import re

import markdown
import yaml

from newsarchive.rendering import expand_wrappers, render_article
from newsarchive.structure.article import Article, Block, BlockKind, Footnote, FootnoteRef, Publication

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "footnotes", "pymdownx.escapeall", "toc"]


def _article(**changes) -> Article:
    fields = dict(
        seed_path="seeds/x.txt",
        title="A headline",
        body=[
            Block(BlockKind.PARAGRAPH, "First paragraph, as written.1 Then more.", (FootnoteRef(28, 1),)),
            Block(BlockKind.CAPTION, "A photo caption."),
            Block(BlockKind.EDITORIAL_NOTE, "The source's table was not preserved."),
            Block(BlockKind.PARAGRAPH, "Second paragraph."),
        ],
        date=dt.date(2016, 8, 5),
        authors=["Kim Myong-song"],
        publication=Publication("chosun", "The Chosun Ilbo"),
        dateline="Seoul",
        footnotes=[Footnote(1, "Ibid, pp. 17-18.")],
        author_note="The author is a fellow.",
    )
    fields.update(changes)
    return Article(**fields)


def _html(article: Article) -> tuple[dict, str]:
    page = render_article(article)
    _, front, body = page.split("---\n", 2)
    return yaml.safe_load(front), expand_wrappers(markdown.markdown(body, extensions=EXTENSIONS))


def test_page_has_one_h1_then_byline_then_body():
    _, html = _html(_article())
    assert html.count("<h1") == 1
    assert html.index("<h1") < html.index("article-byline") < html.index('itemprop="articleBody"')
    assert "By <span class=\"article-author\">Kim Myong-song</span>" in html
    assert re.search(r'<time datetime="2016-08-05"[^>]*>5 August 2016</time>', html)


def test_footnotes_and_author_note_sit_inside_the_body_element():
    _, html = _html(_article())
    body = html[html.index('itemprop="articleBody"'):]
    assert body.index('class="footnote"') < body.index("article-author-note")
    assert 'href="#fn:1"' in body and "Ibid, pp. 17-18." in body


def test_footnote_reference_replaces_the_glued_marker_position():
    _, html = _html(_article())
    assert 'as written.1<sup' not in html
    assert 'as written.<sup id="fnref:1">' in html


def test_unknown_source_is_said_not_guessed():
    _, html = _html(_article(publication=None))
    assert "Source unknown" in html


def test_front_matter_carries_jsonld_and_citation_data():
    front, _ = _html(_article())
    assert front["jsonld"]["@type"] == "NewsArticle"
    assert front["jsonld"]["datePublished"] == "2016-08-05"
    assert front["jsonld"]["author"] == [{"@type": "Person", "name": "Kim Myong-song"}]
    assert front["jsonld"]["publisher"] == {"@type": "Organization", "name": "The Chosun Ilbo"}
    assert front["jsonld"]["isBasedOn"] == "seeds/x.txt"
    assert front["article"]["authors"] == ["Kim Myong-song"]


def test_caption_and_editorial_note_are_marked_as_such():
    _, html = _html(_article())
    assert '<p class="article-caption">A photo caption.</p>' in html
    assert "admonition note" in html and "table was not preserved" in html


def test_rendering_is_deterministic():
    assert render_article(_article()) == render_article(_article())


def test_full_text_search_filters_are_marked():
    from newsarchive.structure.article import EntityMention

    page = render_article(_article(entities=[EntityMention("thae-yong-ho", "Thae Yong-ho", "person", 2)], article_type="analysis"))
    assert 'data-pagefind-body' in page
    assert 'data-pagefind-filter="source" data-pagefind-meta="source">The Chosun Ilbo<' in page
    assert 'data-pagefind-filter="year:2016"' in page
    assert '<span data-pagefind-filter="person">Thae Yong-ho</span>' in page
    assert 'data-pagefind-filter="type">Analysis<' in page


def test_large_archives_keep_article_text_out_of_the_header_search():
    assert "data-search-exclude" not in render_article(_article()).split('itemprop="articleBody"')[1].split(">")[0]
    small = render_article(_article(), header_search_full_text=False)
    assert 'itemprop="articleBody" data-pagefind-body data-search-exclude' in small


def test_wrapped_sections_become_elements_around_rendered_markdown():
    from newsarchive.rendering import wrap_markdown

    page = wrap_markdown('<div class="box" data-x>', "Some *emphasis*.\n\n## A heading")
    html = expand_wrappers(markdown.markdown(page, extensions=EXTENSIONS))
    assert re.fullmatch(r'<div class="box" data-x>\s*<p>Some <em>emphasis</em>.</p>\s*<h2 id="a-heading">A heading</h2>\s*</div>',
                        html.strip())


def test_seed_text_cannot_forge_a_wrapper_marker():
    forged = "<!-- archive:open <script> --> alert(1) <!-- archive:close </script> -->"
    _, html = _html(_article(body=[Block(BlockKind.PARAGRAPH, forged)]))
    assert "<script" not in html
    assert "&lt;!-- archive:open &lt;script&gt; --&gt;" in html


def test_the_body_caption_and_author_note_carry_their_classes_without_md_in_html():
    page = render_article(_article())
    assert " markdown>" not in page
    _, html = _html(_article())
    assert '<p class="article-author-note">The author is a fellow.</p>' in html
    assert re.search(r'<div itemprop="articleBody" data-pagefind-body>\s*<p>First paragraph', html)


def test_an_html_island_comes_out_of_python_markdown_exactly_as_the_plain_html_block_would():
    from newsarchive.rendering import expand_islands, html_island

    block = '<ul data-search-exclude>\n<li><a href="../x/">A &amp; B</a><br><small>5 August 2016</small></li>\n</ul>'
    plain = f"# Title\n\nText before.\n\n{block}\n\nText after.\n"
    island = f"# Title\n\nText before.\n\n{html_island(block)}\n\nText after.\n"
    converted = markdown.markdown(plain, extensions=EXTENSIONS)
    assert expand_islands(markdown.markdown(island, extensions=EXTENSIONS)) == converted
    assert block in converted


def test_islands_set_aside_come_back_opened_and_one_holding_a_search_attribute_stays():
    from newsarchive.rendering import expand_islands, html_island, put_islands_back, set_islands_aside

    first, second = "<ul>\n<li>one</li>\n</ul>", '<ul>\n<li data-search-x="y">two</li>\n</ul>'
    page = f"<h1>T</h1>\n{html_island(first)}\n<p>between</p>\n{html_island(second)}\n"
    folded, islands = set_islands_aside(page)
    assert islands == [first] and "one" not in folded and html_island(second) in folded
    assert expand_islands(put_islands_back(folded, islands)) == expand_islands(page)
    assert set_islands_aside("<p>no islands</p>") == ("<p>no islands</p>", [])


def test_an_agency_byline_is_an_organisation_in_jsonld():
    front, _ = _html(_article(authors=["Yonhap", "Kim Myong-song"]))
    assert front["jsonld"]["author"] == [{"@type": "Organization", "name": "Yonhap"}, {"@type": "Person", "name": "Kim Myong-song"}]
