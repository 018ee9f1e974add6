"""Rendering: Article -> the Markdown page MkDocs builds.

The page is front matter (for templates: title, description, JSON-LD, citation
meta tags) plus Markdown: the headline as the only h1, a byline block, then
the article body inside one element with `itemprop="articleBody"` (body
blocks, footnotes, author note).  All seed text passes through `escaping`.

Front-matter conventions: `title` and `description` are HTML-escaped because
mkdocs-material prints them without escaping; everything under `article` is
raw text that our own templates escape (`| e`, `| tojson`).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from markdown.extensions import toc

from .escaping import escape_html, escape_html_text, escape_markdown
from .linking import Span, block_inline
from .metadata import is_organisation_name
from .structure.article import Article, Block, BlockKind

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Where Python-Markdown's footnotes extension puts the notes (inside the body element).
FOOTNOTES_MARKER = "///Footnotes Go Here///"

# Shown when the source publication could not be read from the text with confidence.
UNKNOWN_SOURCE = "Source unknown"

# Articles rank above the index pages that merely mention the same words.
ARTICLE_SEARCH_BOOST = 2

# CSS classes of the blocks we add around the article text (the dev-set scorer skips them).
BYLINE_CLASS = "article-byline"
STANDFIRST_CLASS = "article-standfirst"

# The marker comments `wrap_markdown` writes and `expand_wrappers` turns into tags (seed text never
# holds a literal "<": escaping writes it as "&lt;").
_WRAPPER_MARKER = re.compile(r"<!-- archive:(?:open (<[a-z]+(?: [^<>]*)?>)|close (</[a-z]+>)) -->")

# The comment `html_island` writes around a block of HTML, and the marker `set_islands_aside` leaves for it.
_ISLAND = re.compile(r"<!-- archive:html\n(.*?)\n-->", re.S)
_ASIDE = re.compile(r"<!-- archive:aside (\d+) -->")


# What Material's search plugin deletes from a page's content once indexed (`data-search-*="..."`
# attributes); a page holding that text (seed text may) is left to the plugin whole.
_SEARCH_PLUGIN_ATTRIBUTE = re.compile(r'data-search-\w+="')

# -----------------------------------------------------------------------------
# Rendering
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PageContent:
    """A page's HTML content and headings, made without Python-Markdown: exactly what MkDocs would
    make of the page's Markdown (the hook hands it to MkDocs instead of converting the Markdown)."""

    html: str
    toc_tokens: tuple[dict, ...]  # the headings, nested, as Python-Markdown's toc extension lists them
    # How much of `html` the header search indexes when it leaves the article's text out (large
    # archives): the search plugin then parses only that part (None: it parses the whole page)
    searched_length: int | None = None
    front_matter: str = "{}"  # the page's front matter (JSON, which YAML reads alike): text is a quarter of a dict's memory

    @property
    def searched_html(self) -> str | None:
        """The part of the content the search plugin is to see (None: all of it)."""
        return None if self.searched_length is None else self.html[: self.searched_length]

    # The content itself (a StoredContent, in site.py, reads it back from its file)
    def load(self) -> PageContent:
        return self


@dataclass(frozen=True)
class RenderedArticle:
    """One article's page: its Markdown source, and its content when that can be made without
    Python-Markdown (None when the page holds an editor's Markdown, or footnotes only the footnotes
    extension numbers right)."""

    markdown: str
    content: PageContent | None


# The whole Markdown page for one article (see `render_article_page`)
def render_article(article: Article, **options) -> str:
    return render_article_page(article, **options).markdown


# One article's page, as Markdown and as HTML content.  `page_path` is its source path (links are made
# relative to it), `links` the entity-link spans per body block, `topic_links` (label, link) pairs for its
# tags, `sections` HTML blocks shown after the body (entities, related articles, citation: written as
# HTML, with links between pages as directory-style URLs, since Python-Markdown spends more time on them
# as Markdown than on the article's own text)
def render_article_page(
    article: Article,
    *,
    url: str = "",
    page_path: str = "article.md",
    links: Mapping[int, Sequence[Span]] | None = None,
    topic_links: Iterable[tuple[str, str]] = (),
    sections: Iterable[str] = (),
    reading_minutes: int = 0,
    header_search_full_text: bool = True,
) -> RenderedArticle:
    links = links or {}
    labels = _footnote_labels(article)
    # Each body block's inline Markdown and HTML, made in one pass (an editor's Markdown block: as written, no HTML)
    inline = [
        (block.text, "") if block.kind is BlockKind.MARKDOWN else block_inline(block, links.get(index, ()), page_path, labels or {})
        for index, block in enumerate(article.body)
    ]
    head = [
        render_standfirst(article),
        render_byline(article, reading_minutes),
        render_topic_tags(topic_links),
        render_search_filters(article),
    ]
    search_exclude = "" if header_search_full_text else " data-search-exclude"
    body_tag = f'<div itemprop="articleBody" data-pagefind-body{search_exclude}>'
    after_body = "".join(section for section in sections if section)
    # one HTML block: the sections are HTML, with no blank line that would end the block
    after = f'<div class="article-after" data-search-exclude>\n{after_body}</div>\n' if after_body else ""
    front_matter = front_matter_json(article_front_matter(article, url=url))
    parts = [
        front_matter_block(front_matter),
        f"# {escape_markdown(article.title)}\n",
        *head,
        wrap_markdown(body_tag, "\n".join(_body_markdown(article, [markdown for markdown, _ in inline]))),
        after,
    ]
    markdown = "\n".join(part for part in parts if part)
    content = _article_content(article, [html for _, html in inline], labels, head, body_tag, after) if labels is not None else None
    if content:
        searched = not header_search_full_text and not _SEARCH_PLUGIN_ATTRIBUTE.search(content.html)
        searched_length = len(content.html[: content.html.index(body_tag)].rstrip("\n")) if searched else None
        content = dataclasses.replace(content, searched_length=searched_length, front_matter=front_matter)
    return RenderedArticle(markdown, content)


# The label Python-Markdown's footnotes extension shows for each footnote number (its place in the list),
# or None when the extension alone should number them: a number defined twice, referred to twice, or
# referred to and never defined
def _footnote_labels(article: Article) -> dict[int, int] | None:
    labels = {note.number: index for index, note in enumerate(article.footnotes, 1)}
    references = [ref.number for block in article.body for ref in block.footnote_refs]
    if len(labels) != len(article.footnotes) or len(set(references)) != len(references) or not set(references) <= set(labels):
        return None
    return labels


# The body element's Markdown: body blocks, footnotes, author note
def _body_markdown(article: Article, texts: Sequence[str]) -> list[str]:
    body = list(render_body(article.body, texts))
    if article.footnotes:
        body.append(FOOTNOTES_MARKER + "\n")
        body.extend(f"[^{note.number}]: {escape_markdown(note.text)}\n" for note in article.footnotes)
    if article.author_note:
        body.append(f"{escape_markdown(article.author_note)}\n{{: .article-author-note }}\n")
    return body


# The page's content as Python-Markdown would convert `render_article_page`'s Markdown (and the hook
# expand its wrappers), or None when only Python-Markdown should: an editor's Markdown, a heading with
# a footnote, text that escapes to nothing.  `texts`: each body block's inline HTML
def _article_content(article: Article, texts: Sequence[str], labels: Mapping[int, int],
                     head: list[str], body_tag: str, after: str) -> PageContent | None:
    headings = _Headings()
    elements = [headings.add(1, escape_html_text(article.title))]
    elements += [block.rstrip("\n") + "\n" for block in head if block]
    elements.append(body_tag + "\n")
    items: list[str] = []
    for block, text in zip(article.body, texts):
        if block.kind is BlockKind.MARKDOWN or (block.kind is BlockKind.SUBHEADING and block.footnote_refs):
            return None
        if not text:
            return None
        if block.kind is BlockKind.LIST_ITEM:
            items.append(f"<li>{text}</li>")
            continue
        if items:
            elements.append("<ul>\n" + "\n".join(items) + "\n</ul>")
            items = []
        elements.append(_block_html(block.kind, text, headings))
    if items:
        elements.append("<ul>\n" + "\n".join(items) + "\n</ul>")
    if article.footnotes:
        notes = [(note, escape_html_text(note.text)) for note in article.footnotes]
        if not all(text for _, text in notes):
            return None
        elements.append('<div class="footnote">\n<hr />\n<ol>\n' + "".join(
            f'<li id="fn:{note.number}">\n<p>{text}&#160;<a class="footnote-backref" href="#fnref:{note.number}" '
            f'title="Jump back to footnote {labels[note.number]} in the text">&#8617;</a></p>\n</li>\n'
            for note, text in notes) + "</ol>\n</div>")
    if article.author_note:
        if not (note := escape_html_text(article.author_note)):
            return None
        elements.append(f'<p class="article-author-note">{note}</p>')
    elements.append("</div>\n")
    if after:
        elements.append(after.rstrip("\n") + "\n")
    return PageContent("\n".join(elements).strip(), headings.tokens())


class _Headings:
    """The page's headings as Python-Markdown's toc extension gives them ids and lists them."""

    def __init__(self) -> None:
        self._flat: list[dict] = []
        self._ids: set[str] = set()
        self._counters: dict[str, int] = {}

    # The heading's element; `text` is its HTML (plain escaped text)
    def add(self, level: int, text: str) -> str:
        anchor = toc.unique(toc.slugify(html.unescape(text), "-"), self._ids, self._counters)
        self._flat.append({"level": level, "id": anchor, "name": text, "html": text, "data-toc-label": ""})
        return f'<h{level} id="{anchor}">{text}</h{level}>'

    # The headings nested by level, as the toc extension nests them
    def tokens(self) -> tuple[dict, ...]:
        return tuple(toc.nest_toc_tokens([dict(token) for token in self._flat]))


# Markdown inside an HTML element, written as two marker comments that `expand_wrappers` turns into the
# element's tags after Python-Markdown has run.  (md_in_html's `markdown` attribute would do the same, but
# makes converting a page slower.)  `open_tag` is our own markup, never seed text.
def wrap_markdown(open_tag: str, markdown: str) -> str:
    name = re.match(r"<([a-z]+)", open_tag).group(1)
    return f"<!-- archive:open {open_tag} -->\n\n{markdown.strip(chr(10))}\n\n<!-- archive:close </{name}> -->\n"


# The HTML of a page with `wrap_markdown`'s marker comments turned into the tags they stand for
def expand_wrappers(html: str) -> str:
    if "<!-- archive:" not in html:
        return html
    return _WRAPPER_MARKER.sub(lambda marker: marker.group(1) or marker.group(2), html)


# An HTML block Python-Markdown passes on without parsing it: written inside a comment that
# `expand_islands` takes off (Python-Markdown parses a raw HTML block tag by tag, about half a
# millisecond per kilobyte: most of the cost of a listing page; a comment is one token, and Material's
# search plugin skips it too).  `html` is our own markup with escaped text, which never holds "-->".
def html_island(html: str) -> str:
    return f"<!-- archive:html\n{html}\n-->"


# The HTML of a page with `html_island`'s comments turned into the HTML they hold
def expand_islands(html: str) -> str:
    if "<!-- archive:html" not in html:
        return html
    return _ISLAND.sub(lambda island: island.group(1), html)


# A page's HTML with its islands set aside, for a reader that skips them anyway (Material's search plugin,
# whose clean-up regex costs ~0.5 ms per listing page over them): the HTML with a short marker for each
# island, and the islands' HTML.  An island holding what that regex deletes stays in place.
def set_islands_aside(html: str) -> tuple[str, list[str]]:
    if "<!-- archive:html" not in html:
        return html, []
    islands: list[str] = []

    def aside(island: re.Match) -> str:
        if _SEARCH_PLUGIN_ATTRIBUTE.search(island.group(1)):
            return island.group(0)
        islands.append(island.group(1))
        return f"<!-- archive:aside {len(islands) - 1} -->"

    return _ISLAND.sub(aside, html), islands


# The HTML with the islands `set_islands_aside` took out put back, opened
def put_islands_back(html: str, islands: list[str]) -> str:
    return _ASIDE.sub(lambda marker: islands[int(marker.group(1))], html) if islands else html


# A front-matter block holding `front_matter_json`'s text (JSON is YAML too, and ten times faster to write)
def front_matter_block(front_matter: str) -> str:
    return f"---\n{front_matter}\n---\n"


# Front matter data as a front-matter block holds it (keys sorted, so that pages are reproducible)
def front_matter_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)


# Front matter: page title and description for the theme, raw metadata for our templates
def article_front_matter(article: Article, *, url: str = "") -> dict:
    return {
        "title": escape_html(article.title),
        "description": escape_html(article.summary),
        "hide": ["navigation", "toc"],
        "search": {"boost": ARTICLE_SEARCH_BOOST},
        "article": {
            "seed": article.seed_path,
            "title": article.title,
            "date": article.date.isoformat() if article.date else "",
            "date_display": display_date(article.date),
            "authors": list(article.authors),
            "publication": article.publication.name if article.publication else "",
            "dateline": article.dateline,
            "topics": [topic.label for topic in article.topics],
            "url": url,
        },
        "jsonld": news_article_jsonld(article),
    }


# The schema.org NewsArticle for the page head (the template adds the canonical URL)
def news_article_jsonld(article: Article) -> dict:
    jsonld: dict = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "author": [{"@type": _author_type(name, article), "name": name} for name in article.authors],
        "isBasedOn": article.seed_path,
        "keywords": [topic.label for topic in article.topics],
    }
    if article.date:
        jsonld["datePublished"] = article.date.isoformat()
    if article.publication:
        jsonld["publisher"] = {"@type": "Organization", "name": article.publication.name}
    return jsonld


# The schema.org type of an article's author: an organisation (agency, the publication itself) or a person
def _author_type(name: str, article: Article) -> str:
    publication_name = article.publication.name if article.publication else ""
    return "Organization" if is_organisation_name(name, publication_name) else "Person"


# The standfirst under the headline, in HTML with escaped text ("" when the article has none)
def render_standfirst(article: Article) -> str:
    text = escape_html_text(article.standfirst)
    return f'<p class="{STANDFIRST_CLASS}" data-pagefind-body>{text}</p>\n' if text else ""  # full-text search finds it too


# The byline block: type, authors, source, date, dateline and reading time, in HTML with escaped text
def render_byline(article: Article, reading_minutes: int = 0) -> str:
    items = []
    if article.article_type:
        label = escape_html(article.article_type.capitalize())
        items.append(f'<span class="article-type" data-pagefind-filter="type">{label}</span>')
    if article.authors:
        names = ", ".join(f'<span class="article-author">{escape_html(name)}</span>' for name in article.authors)
        role = f", {escape_html(article.author_role)}" if article.author_role else ""
        items.append(f"By {names}{role}")
    source = article.publication.name if article.publication else UNKNOWN_SOURCE
    items.append(f'<span class="article-source" data-pagefind-filter="source" data-pagefind-meta="source">{escape_html(source)}</span>')
    if article.source_url:  # http(s) only: html_seeds and markdown_seeds refuse other addresses
        items.append(f'<a class="article-original" href="{escape_html(article.source_url)}" rel="nofollow noopener">Original</a>')
    if article.date:
        iso = article.date.isoformat()
        items.append(
            f'<time datetime="{iso}" data-pagefind-filter="year:{article.date.year}" '
            f'data-pagefind-meta="date[datetime]" data-pagefind-sort="date[datetime]">{display_date(article.date)}</time>'
        )
    if article.dateline:
        items.append(f'<span class="article-dateline">{escape_html(article.dateline)}</span>')
    if reading_minutes:
        items.append(f'<span class="article-reading-time">{reading_minutes} min read</span>')
    credits = "".join(f'<p class="article-credit">{escape_html(credit)}</p>' for credit in article.credits)
    return f'<div class="{BYLINE_CLASS}"><p>{" · ".join(items)}</p>{credits}</div>\n'


# The article's topics as Material-style tag chips linking to their pages (an HTML block; `topic_links`
# are (label, URL relative to the page) pairs)
def render_topic_tags(topic_links: Iterable[tuple[str, str]]) -> str:
    chips = " ".join(
        f'<a class="md-tag" data-pagefind-filter="topic" href="{escape_html(link)}">{escape_html(label)}</a>'
        for label, link in topic_links
    )
    return f'<nav class="md-tags article-topics" aria-label="Topics"><p>{chips}</p></nav>\n' if chips else ""


# Hidden values the full-text search page filters by (the people the article names)
def render_search_filters(article: Article) -> str:
    people = "".join(
        f'<span data-pagefind-filter="person">{escape_html(mention.name)}</span>'
        for mention in article.entities
        if mention.kind == "person"
    )
    return f'<div class="article-search-filters" hidden>{people}</div>\n' if people else ""


# Markdown for the body blocks, in order, given each block's inline Markdown (an editor's MARKDOWN block,
# already sanitised by markdown_seeds, as written); consecutive list items form one list
def render_body(blocks: Iterable[Block], texts: Iterable[str]) -> Iterator[str]:
    previous: BlockKind | None = None
    for block, text in zip(blocks, texts):
        if block.kind is BlockKind.LIST_ITEM and previous is BlockKind.LIST_ITEM:
            yield f"- {text}"
        else:
            if previous is BlockKind.LIST_ITEM:
                yield "\n"  # a blank line ends the list; otherwise the next block joins its last item
            yield _render_block(block.kind, text)
        previous = block.kind
    if previous is BlockKind.LIST_ITEM:
        yield "\n"


# A date written for people: "5 August 2016"
def display_date(date: dt.date | None) -> str:
    return f"{date.day} {date:%B %Y}" if date else ""


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# Markdown for one block of the body, given its inline Markdown
def _render_block(kind: BlockKind, text: str) -> str:
    if kind is BlockKind.SUBHEADING:
        return f"## {text}\n"
    if kind is BlockKind.LIST_ITEM:
        return f"\n- {text}"
    if kind is BlockKind.CAPTION:
        return f"{text}\n{{: .article-caption }}\n"
    if kind is BlockKind.EDITORIAL_NOTE:
        return f'!!! note "Editor’s note"\n\n    {text}\n'
    if kind is BlockKind.MARKDOWN:
        return f"{text.strip(chr(10))}\n"
    return f"{text}\n"


# HTML for one body block (not a list item), given its inline HTML, as Python-Markdown writes `_render_block`'s Markdown
def _block_html(kind: BlockKind, text: str, headings: _Headings) -> str:
    if kind is BlockKind.SUBHEADING:
        return headings.add(2, text)
    if kind is BlockKind.CAPTION:
        return f'<p class="article-caption">{text}</p>'
    if kind is BlockKind.EDITORIAL_NOTE:
        return f'<div class="admonition note">\n<p class="admonition-title">Editor’s note</p>\n<p>{text}</p>\n</div>'
    return f"<p>{text}</p>"
