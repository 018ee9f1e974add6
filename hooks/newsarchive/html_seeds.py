"""Saved web pages: an `.html`/`.htm` seed (a browser's "Save page as") -> Article.

trafilatura finds the article body in the page (it drops menus, share
widgets, cookie banners, comment sections, scripts, styles, iframes, forms and
images, and returns text, never markup) and the metadata it can find.  The
page's own metadata wins where present: JSON-LD (`NewsArticle` and kin), then
Highwire `citation_*` tags, then Open Graph and `article:*` tags, then
trafilatura's own guesses.  The canonical URL (`<link rel="canonical">`,
`og:url`, JSON-LD `url`, or the "saved from url=" comment a browser writes)
becomes the article's `source_url`; only http(s) addresses are kept.

The result is an ordinary `Article` whose blocks hold plain text, so tagging,
linking and rendering (which escapes every block) treat it like a text dump.
The `NAME_files/` folder a browser saves beside the page is never read.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import dateutil.parser
import lxml.etree
import lxml.html
import trafilatura

from .publications import PublicationRegistry
from .reading import SeedError
from .structure.article import Article, Block, BlockKind, Publication, SeedText

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# File endings read as saved web pages.
HTML_SUFFIXES = (".html", ".htm")

# How trafilatura is asked to extract: text only (no links, formatting or tables), no comments,
# images kept only so that their captions can be, and dates from the page's markup only (no guessing
# from the running text, so the same page always gives the same date).
_EXTRACTION = dict(
    with_metadata=True,
    include_comments=False,
    include_tables=False,
    include_images=True,
    include_formatting=False,
    include_links=False,
    deduplicate=False,
    date_extraction_params={"extensive_search": False, "original_date": True},
)

# JSON-LD types that describe an article (the node whose metadata we read).
_ARTICLE_TYPES = {
    "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
    "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting", "ScholarlyArticle", "Report", "WebPage",
}

# The comment browsers write at the top of a saved page: <!-- saved from url=(0042)https://... -->
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)

# Query parameters that only track the reader; they are dropped from the original's address.
_TRACKING_PARAMETER = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid)$", re.IGNORECASE)

# A JSON-LD or meta date: an ISO date at the start ("2024-03-12T16:05:00+09:00").
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")

# Earliest year an article in this archive can carry (older dates in markup are mistakes).
_EARLIEST_YEAR = 1945

# Shown (as an editor's note) where trafilatura dropped a table from the body.
TABLE_NOTE = "A table in the original page was not preserved."


@dataclass
class PageMetadata:
    """What a page says about itself, each field from the most explicit place that has it."""

    title: str = ""
    authors: list[str] = field(default_factory=list)
    date: dt.date | None = None
    publisher: str = ""
    url: str = ""  # canonical address, http(s) only


# -----------------------------------------------------------------------------
# Extraction
# -----------------------------------------------------------------------------


# Whether a seed path is a saved web page (by its ending)
def is_html_seed(path: str) -> bool:
    return path.lower().endswith(HTML_SUFFIXES)


# One saved page's text to its article, before tagging; raises SeedError when no article is found
def article_from_html(seed: SeedText, publications: PublicationRegistry) -> Article:
    document = _extract(seed)
    page = read_page_metadata(seed.text)
    metadata = _with_fallbacks(page, document)
    warnings = [] if metadata.title else ["no headline found"]
    return Article(
        seed_path=seed.path,
        title=metadata.title or seed.path.rsplit("/", 1)[-1].rsplit(".", 1)[0],
        body=_without_headline(body_blocks(document.body), metadata.title),
        date=metadata.date,
        authors=[name for name in metadata.authors if name.casefold() != metadata.publisher.casefold()],
        publication=find_publication(metadata, publications),
        source_url=metadata.url,
        warnings=warnings,
    )


# The page's own metadata: JSON-LD, then citation_* tags, then Open Graph / article:* tags
def read_page_metadata(page_html: str) -> PageMetadata:
    tree = _parse(page_html)
    meta = _meta_tags(tree)
    article = _jsonld_article(tree)
    return PageMetadata(
        title=_first(_text(article.get("headline")), _text(article.get("name")), meta.get("citation_title", [""])[0],
                     meta.get("og:title", [""])[0]),
        authors=_jsonld_names(article.get("author")) or meta.get("citation_author", []) or meta.get("article:author", []),
        date=_first_date(_text(article.get("datePublished")), _text(article.get("dateCreated")),
                         *meta.get("citation_publication_date", []), *meta.get("citation_date", []),
                         *meta.get("article:published_time", [])),
        publisher=_first(_first_name(article.get("publisher")), meta.get("citation_publisher", [""])[0],
                         meta.get("og:site_name", [""])[0]),
        url=canonical_url(tree, page_html, meta, article),
    )


# Body blocks from trafilatura's XML body: paragraphs, subheadings, list items, captions, table notes
def body_blocks(body: lxml.etree._Element | None) -> list[Block]:
    blocks: list[Block] = []
    for element in body if body is not None else ():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        if element.tag == "list":
            blocks.extend(Block(BlockKind.LIST_ITEM, text) for item in element.iter("item") if (text := _element_text(item)))
        elif element.tag == "table":
            blocks.append(Block(BlockKind.EDITORIAL_NOTE, TABLE_NOTE))
        elif element.tag == "graphic":
            if caption := " ".join((element.get("title") or "").split()):
                blocks.append(Block(BlockKind.CAPTION, caption))
        elif text := _element_text(element):
            blocks.append(Block(_BLOCK_KINDS.get(element.tag, BlockKind.PARAGRAPH), text))
    return blocks


# The registry's publication for the page (by its address's host, then by the publisher's name),
# else one named by the page itself, else None
def find_publication(metadata: PageMetadata, publications: PublicationRegistry) -> Publication | None:
    host = _host(metadata.url)
    for publication in publications.publications:
        if host and _host(publication.url) == host:
            return publication
    if metadata.publisher:
        found = publications.find_in(metadata.publisher)
        if found:
            return found
        origin = f"https://{urlsplit(metadata.url).netloc}/" if metadata.url else ""
        return Publication(slug=_slug(metadata.publisher), name=metadata.publisher, url=origin)
    return publications.find_in(host) if host else None


# The page's canonical http(s) address without tracking parameters, or ""
def canonical_url(tree: lxml.html.HtmlElement, page_html: str, meta: dict[str, list[str]], article: dict) -> str:
    candidates = [link.get("href", "") for link in tree.iterfind(".//link") if "canonical" in (link.get("rel") or "").lower().split()]
    candidates += meta.get("og:url", []) + meta.get("citation_public_url", []) + meta.get("citation_abstract_html_url", [])
    candidates += [_text(article.get("url")), _text(article.get("mainEntityOfPage"))]
    candidates += [match.group(1) for match in _SAVED_FROM.finditer(page_html[:4096])]
    for candidate in candidates:
        url = _clean_url(candidate)
        if url:
            return url
    return ""


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

# trafilatura's body elements and the block each becomes ("list", "table", "graphic" are handled apart).
_BLOCK_KINDS = {"p": BlockKind.PARAGRAPH, "head": BlockKind.SUBHEADING, "quote": BlockKind.PARAGRAPH}


# trafilatura's document for a page; SeedError when the page holds no article text
def _extract(seed: SeedText) -> trafilatura.settings.Document:
    try:
        document = trafilatura.bare_extraction(seed.text, **_EXTRACTION)
    except (ValueError, lxml.etree.LxmlError) as error:
        raise SeedError(seed.path, f"is not a web page trafilatura can read ({error})") from error
    if document is None or document.body is None or not len(document.body):
        raise SeedError(seed.path, "is a web page but no article text was found in it (menus and furniture only?)")
    return document


# The page's metadata with gaps filled from trafilatura's own findings
def _with_fallbacks(page: PageMetadata, document: trafilatura.settings.Document) -> PageMetadata:
    return PageMetadata(
        title=page.title or " ".join((document.title or "").split()),
        authors=page.authors or [name.strip() for name in (document.author or "").split(";") if name.strip()],
        date=page.date or _first_date(document.date or ""),
        publisher=page.publisher or " ".join((document.sitename or "").split()),
        url=page.url or _clean_url(document.url or ""),
    )


# The page parsed leniently (a saved page may be any HTML at all)
def _parse(page_html: str) -> lxml.html.HtmlElement:
    try:
        return lxml.html.document_fromstring(page_html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (lxml.etree.LxmlError, ValueError):
        return lxml.html.fromstring("<html></html>")


# Every <meta> tag's content by its name or property, lowercased ("og:title" -> ["..."]), in page order
def _meta_tags(tree: lxml.html.HtmlElement) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {}
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = " ".join((meta.get("content") or "").split())
        if key and content:
            tags.setdefault(key, []).append(content)
    return tags


# The first JSON-LD node describing an article (an empty mapping when there is none)
def _jsonld_article(tree: lxml.html.HtmlElement) -> dict:
    for script in tree.iterfind(".//script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text_content() or "null")
        except ValueError:
            continue
        for node in _jsonld_nodes(data):
            types = node.get("@type")
            if set(types if isinstance(types, list) else [types]) & _ARTICLE_TYPES:
                return node
    return {}


# Every mapping in a JSON-LD document, depth first (lists and "@graph" included)
def _jsonld_nodes(data: object):
    if isinstance(data, list):
        for item in data:
            yield from _jsonld_nodes(item)
    elif isinstance(data, dict):
        yield data
        yield from _jsonld_nodes(data.get("@graph", []))


# Names from a JSON-LD author value: a string, a Person/Organization, or a list of them
def _jsonld_names(value: object) -> list[str]:
    values = value if isinstance(value, list) else [value]
    names = [_first_name(item) for item in values]
    return [name for name in names if name]


# The name of one JSON-LD thing (a string, or a mapping with "name")
def _first_name(value: object) -> str:
    if isinstance(value, dict):
        value = value.get("name")
    return _text(value)


# A JSON-LD value as one line of text ("" for anything that is not text; a mapping's "@id"/"url")
def _text(value: object) -> str:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    if isinstance(value, list):
        value = value[0] if value else ""
    return " ".join(value.split()) if isinstance(value, str) else ""


# The first non-empty text
def _first(*texts: str) -> str:
    return next((text for text in texts if text), "")


# The first of the texts that is a plausible publication date
def _first_date(*texts: str) -> dt.date | None:
    for text in texts:
        date = _parse_date(text)
        if date is not None:
            return date
    return None


# A date from markup: ISO first ("2024-03-12T16:05"), then any clear date; None if not a plausible one
def _parse_date(text: str) -> dt.date | None:
    iso = _ISO_DATE.match(text)
    try:
        date = dt.date(*map(int, iso.groups())) if iso else dateutil.parser.parse(text, fuzzy=False).date()
    except (ValueError, OverflowError, dateutil.parser.ParserError):
        return None
    return date if _EARLIEST_YEAR <= date.year <= dt.date.today().year + 1 else None


# An http(s) address without tracking parameters and fragment, or "" for anything else
def _clean_url(url: str) -> str:
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or re.search(r"[\s<>\"'`]", url):
        return ""
    query = urlencode([(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING_PARAMETER.match(key)])
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", query, ""))


# An address's host without "www." ("" for none)
def _host(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


# A slug for a publication the registry does not know ("The Daily NK" -> "the-daily-nk")
def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "publication"


# An element's words on one line
def _element_text(element: lxml.etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


# The blocks without a first subheading or paragraph that only repeats the headline
def _without_headline(blocks: list[Block], title: str) -> list[Block]:
    if blocks and title and blocks[0].kind is not BlockKind.LIST_ITEM and blocks[0].text.casefold() == title.casefold():
        return blocks[1:]
    return blocks
