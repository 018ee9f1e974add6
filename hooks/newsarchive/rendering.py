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

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence


from .escaping import escape_html, escape_markdown
from .linking import Span, block_markdown
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

# The marker comments `wrap_markdown` writes and `expand_wrappers` turns into tags (seed text never
# holds a literal "<": escaping writes it as "&lt;").
_WRAPPER_MARKER = re.compile(r"<!-- archive:(?:open (<[a-z]+(?: [^<>]*)?>)|close (</[a-z]+>)) -->")


# -----------------------------------------------------------------------------
# Rendering
# -----------------------------------------------------------------------------


# The whole Markdown page for one article.  `page_path` is its source path (links are made relative
# to it), `links` the entity-link spans per body block, `topic_links` (label, link) pairs for its
# tags, `sections` HTML blocks shown after the body (entities, related articles, citation: written as
# HTML, with links between pages as directory-style URLs, since Python-Markdown spends more time on them
# as Markdown than on the article's own text)
def render_article(
    article: Article,
    *,
    url: str = "",
    page_path: str = "article.md",
    links: Mapping[int, Sequence[Span]] | None = None,
    topic_links: Iterable[tuple[str, str]] = (),
    sections: Iterable[str] = (),
    reading_minutes: int = 0,
    header_search_full_text: bool = True,
) -> str:
    parts = [
        front_matter_block(article_front_matter(article, url=url)),
        f"# {escape_markdown(article.title)}\n",
        render_byline(article, reading_minutes),
        render_topic_tags(topic_links),
        render_search_filters(article),
    ]
    body = list(render_body(article.body, links or {}, page_path))
    if article.footnotes:
        body.append(FOOTNOTES_MARKER + "\n")
        body.extend(f"[^{note.number}]: {escape_markdown(note.text)}\n" for note in article.footnotes)
    if article.author_note:
        body.append(f"{escape_markdown(article.author_note)}\n{{: .article-author-note }}\n")
    search_exclude = "" if header_search_full_text else " data-search-exclude"
    parts.append(wrap_markdown(f'<div itemprop="articleBody" data-pagefind-body{search_exclude}>', "\n".join(body)))
    after_body = "".join(section for section in sections if section)
    if after_body:  # one HTML block: the sections are HTML, with no blank line that would end the block
        parts.append(f'<div class="article-after" data-search-exclude>\n{after_body}</div>\n')
    return "\n".join(part for part in parts if part)


# Markdown inside an HTML element, written as two marker comments that `expand_wrappers` turns into the
# element's tags after Python-Markdown has run.  (md_in_html's `markdown` attribute would do the same, but
# makes converting an article page three to four times slower.)  `open_tag` is our own markup, never seed text.
def wrap_markdown(open_tag: str, markdown: str) -> str:
    name = re.match(r"<([a-z]+)", open_tag).group(1)
    return f"<!-- archive:open {open_tag} -->\n\n{markdown.strip(chr(10))}\n\n<!-- archive:close </{name}> -->\n"


# The HTML of a page with `wrap_markdown`'s marker comments turned into the tags they stand for
def expand_wrappers(html: str) -> str:
    if "<!-- archive:" not in html:
        return html
    return _WRAPPER_MARKER.sub(lambda marker: marker.group(1) or marker.group(2), html)


# A front-matter block; written as JSON, which is YAML too, and ten times faster to write
def front_matter_block(data: dict) -> str:
    return f"---\n{json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)}\n---\n"


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
        "author": [{"@type": "Person", "name": name} for name in article.authors],
        "isBasedOn": article.seed_path,
        "keywords": [topic.label for topic in article.topics],
    }
    if article.date:
        jsonld["datePublished"] = article.date.isoformat()
    if article.publication:
        jsonld["publisher"] = {"@type": "Organization", "name": article.publication.name}
    return jsonld


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


# Markdown for the body blocks, in order; consecutive list items form one list
def render_body(blocks: Iterable[Block], links: Mapping[int, Sequence[Span]], page_path: str) -> Iterator[str]:
    previous: BlockKind | None = None
    for index, block in enumerate(blocks):
        # A MARKDOWN block is an editor's Markdown, already sanitised by markdown_seeds: emitted as written.
        text = block.text if block.kind is BlockKind.MARKDOWN else block_markdown(block, links.get(index, ()), page_path)
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
