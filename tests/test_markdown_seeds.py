"""Hand-written Markdown seeds: checked front matter, trusted Markdown with raw HTML escaped, editor's topics."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsarchive.corpus import build_corpus
from newsarchive.markdown_seeds import markdown_blocks, sanitise_markdown
from newsarchive.pipeline import article_from_file, article_from_text
from newsarchive.publications import load_publications
from newsarchive.reading import SeedError, decode_seed
from newsarchive.structure.article import BlockKind
from newsarchive.vocabulary import load_vocabulary
from sitebuild import build_project

FIXTURES = Path(__file__).parent / "fixtures"
HANDWRITTEN = FIXTURES / "handwritten.md"
PAGE = "articles/2023/un-rapporteur-urges-china-to-halt-forced-returns/index.html"

# A hand-written seed whose body tries raw HTML, attribute lists and script links.
HOSTILE = """---
title: Activists report arrests in Dandong
date: 2022-05-01
---

Activists said *twelve* defectors were arrested near the border: <script>alert("x")</script> <img src=x onerror=alert(1)>

A [bad link](javascript:alert(1)) and a [data link](DATA:text/html;base64,PHNjcmlwdD4=) and an attribute list {: onclick="alert(2)" }.

[ref]: java&#115;cript:alert(3)

Code keeps its text: `<b>bold</b>`.

```html
<script>not run either</script>
```
"""


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# The article of a hand-written seed given as text
def _article(text: str, name: str = "note.md"):
    return article_from_text(decode_seed(text.encode("utf-8"), f"seeds/{name}"), load_publications())


# A hand-written seed with the given front-matter lines and a plain body
def _seed(*front_matter: str) -> str:
    return "---\n" + "\n".join(front_matter) + "\n---\n\nDefectors were returned across the Tumen River last week.\n"


# -----------------------------------------------------------------------------
# Front matter
# -----------------------------------------------------------------------------


def test_the_front_matter_gives_the_articles_metadata():
    article = article_from_file(HANDWRITTEN, load_publications(), "seeds/handwritten.md")
    assert article.title == "UN rapporteur urges China to halt forced returns"
    assert article.date.isoformat() == "2023-10-20"
    assert article.authors == ["Jane Archivist"]
    assert article.publication.slug == "korea-times"
    assert article.source_url == "https://www.koreatimes.co.kr/www/nation/2023/10/103_361781.html"
    assert article.editor_topics == ["forced-repatriation"]
    assert article.warnings == []


@pytest.mark.parametrize(
    "front_matter, message",
    [
        (("title: T", "tags: [x]"), r"seeds/note\.md: front matter key 'tags' is unknown"),
        (("title: T", "date: 12/03/2024"), r"seeds/note\.md: front matter key 'date': '12/03/2024' is not a date; write it as YYYY-MM-DD"),
        (("title: T", "date: 2024-02-30"), r"seeds/note\.md: front matter key 'date'"),
        (("date: 2024-02-03",), r"seeds/note\.md: front matter key 'title' is missing"),
        (("title: T", "authors: {name: x}"), r"seeds/note\.md: front matter key 'authors' must be a list"),
        (("title: T", "url: javascript:alert(1)"), r"seeds/note\.md: front matter key 'url'"),
        (("title: T", "allow_html: maybe"), r"seeds/note\.md: front matter key 'allow_html' must be true or false"),
        (("title: [unclosed",), r"seeds/note\.md: front matter is not valid YAML"),
    ],
)
def test_bad_front_matter_is_a_seed_error_naming_the_file_and_key(front_matter, message):
    with pytest.raises(SeedError, match=message):
        _article(_seed(*front_matter))


def test_a_markdown_file_without_front_matter_is_a_seed_error():
    with pytest.raises(SeedError, match=r"seeds/note\.md: has no front matter"):
        _article("# A heading\n\nSome text.\n")


# -----------------------------------------------------------------------------
# Body
# -----------------------------------------------------------------------------


def test_plain_paragraphs_headings_and_bullets_are_ordinary_blocks_and_markdown_stays_markdown():
    article = article_from_file(HANDWRITTEN, load_publications(), "seeds/handwritten.md")
    kinds = [block.kind for block in article.body]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.SUBHEADING, BlockKind.LIST_ITEM,
                     BlockKind.LIST_ITEM, BlockKind.MARKDOWN, BlockKind.MARKDOWN]
    assert article.summary.startswith("Summary by the archive's editors")
    assert "*non-refoulement*" in article.body[5].text


def test_a_level_one_heading_never_makes_a_second_h1():
    blocks = markdown_blocks("# Background\n\n# The *new* policy\n")
    assert [(block.kind, block.text) for block in blocks] == [
        (BlockKind.SUBHEADING, "Background"), (BlockKind.MARKDOWN, "## The *new* policy")]


def test_raw_html_attribute_lists_and_script_links_are_made_inert_but_code_is_untouched():
    text = "\n\n".join(block.text for block in _article(HOSTILE).body)
    assert "<script" not in text.split("```html")[0] and "<img" not in text
    assert "&lt;script>" in text and "&lt;img src=x onerror=alert(1)>" in text
    assert "[bad link](#)" in text and "[data link](#)" in text and "[ref]: #" in text
    assert "\\{: onclick" in text
    assert "`<b>bold</b>`" in text and "```html\n<script>not run either</script>\n```" in text


def test_allow_html_lets_raw_html_through_but_never_script_links():
    markdown = 'A <abbr title="United Nations High Commissioner for Refugees">UNHCR</abbr> [x](javascript:alert(1)) <https://unhcr.org>'
    assert sanitise_markdown(markdown, allow_html=True) == markdown.replace("javascript:alert(1)", "#")
    assert sanitise_markdown(markdown) == markdown.replace("<abbr", "&lt;abbr").replace("</abbr", "&lt;/abbr").replace(
        "javascript:alert(1)", "#")


def test_front_matter_topics_are_added_topics_for_the_tagger(tmp_path):
    (tmp_path / "note.md").write_text(_seed("title: Returned", "topics: [forced-repatriation]"), encoding="utf-8")
    corpus = build_corpus(tmp_path, load_publications(), load_vocabulary())
    assert corpus.problems == []
    assert corpus.articles[0].article.topics[0].slug == "forced-repatriation"


# -----------------------------------------------------------------------------
# The built site
# -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = build_project(tmp_path_factory.mktemp("markdown-seeds"),
                         {"handwritten.md": HANDWRITTEN.read_bytes(), "hostile.md": HOSTILE.encode("utf-8")})
    assert site.returncode == 0, site.log
    return site


def test_a_hand_written_seed_is_built_with_its_markdown_rendered(built):
    page = built.page(PAGE)
    assert re.search(r"<h1[^>]*>UN rapporteur urges China to halt forced returns</h1>", page)
    assert "<em>non-refoulement</em>" in page
    assert '<a href="https://www.unhcr.org/about-unhcr/who-we-are/1951-refugee-convention">1951 Refugee Convention</a>' in page
    assert "<blockquote>" in page and "<li>an end to forced repatriations</li>" in page
    assert 'class="article-original" href="https://www.koreatimes.co.kr/www/nation/2023/10/103_361781.html"' in page


def test_a_hostile_hand_written_seed_runs_nothing(built):
    page = built.page("articles/2022/activists-report-arrests-in-dandong/index.html")
    body = page[page.index('itemprop="articleBody"') : page.index("</article>")]
    assert not re.search(r"<(script|img)\b|<[^>]*\son\w+\s*=|href=\"\s*javascript:", body, re.IGNORECASE)
    assert "&lt;script&gt;alert" in body and "<em>twelve</em>" in body
