"""Escaping: untrusted text becomes Markdown that renders as exactly that text, in every slot of a page."""
from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from newsarchive.escaping import escape_html, escape_markdown
from newsarchive.rendering import render_article
from newsarchive.structure.article import Article, Block, BlockKind, Footnote, FootnoteRef, Publication
from untrusted import PAYLOADS, as_shown, html_problems, markdown_to_html, split_page, visible_text

PAYLOAD_IDS = list(PAYLOADS)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# An article with the same hostile text in every field that carries seed text
def _hostile_article(payload: str) -> Article:
    return Article(
        seed_path="seeds/hostile.txt",
        title=f"Defectors {payload} headline",
        body=[
            Block(BlockKind.PARAGRAPH, payload),
            Block(BlockKind.PARAGRAPH, f"In the middle {payload} of a paragraph. More", (FootnoteRef(len(f"In the middle {payload} of a paragraph."), 1),)),
            Block(BlockKind.SUBHEADING, payload),
            Block(BlockKind.LIST_ITEM, payload),
            Block(BlockKind.LIST_ITEM, f"second {payload}"),
            Block(BlockKind.CAPTION, f"Caption {payload}"),
            Block(BlockKind.PARAGRAPH, f"After the list {payload}"),
        ],
        date=dt.date(2016, 8, 5),
        authors=[f"Kim {payload}", "Lee"],
        author_role=f"Role {payload}",
        publication=Publication("hostile", f"Publication {payload}"),
        dateline=f"Place {payload}",
        credits=[f"Photo by {payload}"],
        footnotes=[Footnote(1, f"Note {payload}")],
        author_note=f"The author {payload}",
    )


# -----------------------------------------------------------------------------
# escape_markdown
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAYLOAD_IDS)
def test_payload_at_line_start_renders_as_one_paragraph_of_its_own_text(name):
    page_html = markdown_to_html(escape_markdown(PAYLOADS[name]) + "\n")
    assert re.fullmatch(r"<p>[^<]*</p>", page_html), page_html
    assert visible_text(page_html) == as_shown(PAYLOADS[name])


@pytest.mark.parametrize("name", PAYLOAD_IDS)
def test_payload_inside_a_line_renders_as_its_own_text(name):
    page_html = markdown_to_html("Before " + escape_markdown(PAYLOADS[name], line_start=False) + " after\n")
    assert re.fullmatch(r"<p>[^<]*</p>", page_html), page_html
    assert visible_text(page_html) == as_shown(f"Before {PAYLOADS[name]} after")


@pytest.mark.parametrize("name", PAYLOAD_IDS)
def test_payload_as_heading_stays_one_heading_of_its_own_text(name):
    page_html = markdown_to_html(f"# {escape_markdown(PAYLOADS[name])}\n")
    assert re.fullmatch(r'<h1 id="[^"]*">[^<]*</h1>', page_html), page_html
    assert visible_text(page_html) == as_shown(PAYLOADS[name])


def test_line_breaks_and_indentation_do_not_become_structure():
    text = "first line\n\n    indented code?\n- a list?\n> a quote?"
    page_html = markdown_to_html(escape_markdown(text) + "\n")
    assert re.fullmatch(r"<p>[^<]*</p>", page_html), page_html


def test_escape_html_is_safe_in_attributes_and_collapses_whitespace():
    assert escape_html('a "b" <c> & \'d\'\n e') == "a &quot;b&quot; &lt;c&gt; &amp; &#x27;d&#x27; e"


# -----------------------------------------------------------------------------
# Whole pages
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAYLOAD_IDS)
def test_hostile_text_in_every_field_renders_literally_and_inertly(name):
    payload = PAYLOADS[name]
    page = render_article(_hostile_article(payload))
    page_html = markdown_to_html(page)
    assert html_problems(page_html) == []
    shown = visible_text(page_html)
    for expected in (f"Defectors {payload} headline", f"Kim {payload}", f"Role {payload}", f"Place {payload}",
                     f"Photo by {payload}", f"Note {payload}", f"The author {payload}", f"Caption {payload}",
                     f"Publication {payload}", f"After the list {payload}", f"second {payload}"):
        assert as_shown(expected) in shown, expected


@pytest.mark.parametrize("name", PAYLOAD_IDS)
def test_hostile_text_keeps_the_page_structure(name):
    page_html = markdown_to_html(render_article(_hostile_article(PAYLOADS[name])))
    assert page_html.count("<h1") == 1
    assert page_html.count("<h2") == 1
    assert page_html.count("<li") == 2 + 1  # two list items and one footnote
    assert page_html.count('class="article-caption"') == 1
    assert page_html.count('<sup id="fnref:1">') == 1
    assert "<table" not in page_html and "<hr" not in page_html.split('class="footnote"')[0]
    assert "<blockquote" not in page_html and "<pre" not in page_html and "<code" not in page_html


@pytest.mark.parametrize("name", PAYLOAD_IDS)
def test_front_matter_holds_escaped_title_for_the_theme_and_raw_text_for_templates(name):
    title = f"Defectors {PAYLOADS[name]} headline"
    page = render_article(_hostile_article(PAYLOADS[name]))
    body, front = split_page(page)
    assert body.lstrip().startswith("# ")
    assert html.unescape(front["title"]) == as_shown(title)
    assert "<" not in front["title"] and "<" not in front["description"]
    assert front["article"]["title"] == title
    assert front["jsonld"]["headline"] == title


def test_a_paragraph_after_a_list_item_is_not_swallowed_by_it():
    article = _hostile_article("plain")
    page_html = markdown_to_html(render_article(article))
    list_html = page_html[page_html.index("<ul>"): page_html.index("</ul>")]
    assert "After the list" not in list_html


def test_one_line_takes_every_kind_of_whitespace_the_regex_knows():
    from newsarchive.escaping import _WHITESPACE, one_line

    # its shortcut assumes no whitespace character but the space is printable
    assert [c for c in map(chr, range(0x110000)) if _WHITESPACE.match(c) and c != " " and c.isprintable()] == []
    for space in ("\t", "\n", "\u00a0", "\u2028", "\u3000", "\x85", "  "):
        assert one_line(f" a{space}b ") == "a b "
