"""Feeds: Atom 1.0 feeds of the newest articles, for the archive, each topic and each source.

Built with `xml.etree.ElementTree`, so every title and summary is escaped by
the XML writer; characters XML 1.0 cannot carry are dropped first.  Nothing
depends on the clock: a feed's `updated` is its newest article's date (or
`SOURCE_DATE_EPOCH`, or the epoch, when no article is dated), so a rebuild of
the same seeds gives the same bytes.
"""
from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator

from .browsing import topic_labels, topic_page_path
from .listings import Remember, make_now
from .corpus import PlacedArticle
from .sources import Source, source_page_path
from .timeline import newest_first

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The Atom namespace, declared as the default namespace on <feed> (elements are written unprefixed).
ATOM_NS = "http://www.w3.org/2005/Atom"

# Path in the site of the whole archive's feed.
ARCHIVE_FEED = "feed.xml"  # at the root: Material looks for sitemap.xml beside every rel=alternate link

# How many entries a feed carries.
FEED_LIMIT = 50

# Entry author when the article names none and its publication is unknown.
UNKNOWN_AUTHOR = "Unknown author"

# Characters XML 1.0 does not allow (control characters, lone surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# Path in the site of one topic's feed
def topic_feed_path(slug: str) -> str:
    return f"feeds/topics/{slug}.xml"


# -----------------------------------------------------------------------------
# Feeds
# -----------------------------------------------------------------------------


# An Atom 1.0 document of the newest `limit` entries; `page_url` is the HTML page the feed mirrors
def atom_feed(title: str, site_url: str, feed_path: str, entries: Iterable[PlacedArticle], limit: int = FEED_LIMIT,
              *, page_url: str = "") -> str:
    articles = newest_first(entries)
    feed = ET.Element("feed", xmlns=ATOM_NS)
    _text(feed, "title", title)
    _text(feed, "id", _absolute(site_url, feed_path) if site_url else f"urn:newsarchive:{feed_path}")
    _link(feed, _href(site_url, feed_path, feed_path), rel="self", type="application/atom+xml")
    _link(feed, _href(site_url, page_url, feed_path), rel="alternate", type="text/html")
    _text(feed, "updated", _timestamp(articles[0].article.date if articles else None))
    author = ET.SubElement(feed, "author")
    _text(author, "name", title)
    for placed in articles[:limit]:
        feed.append(_entry(placed, site_url, feed_path))
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


# The whole archive's feed, of articles newest first (the corpus order)
def archive_feed(articles: list[PlacedArticle], site_title: str, site_url: str, limit: int = FEED_LIMIT) -> str:
    return atom_feed(site_title, site_url, ARCHIVE_FEED, articles[:limit], limit)


# The feed of each source and each topic: {path in the site: Atom XML}.  Each group of articles is newest
# first (the corpus order); `remembered(path, entries, make)`, when given, may return a feed made earlier
# from the same group.
def subject_feeds(sources: list[Source], by_topic: dict[str, list[PlacedArticle]], site_title: str, site_url: str,
                  limit: int = FEED_LIMIT, remembered: Remember | None = None) -> dict[str, str]:
    remembered = remembered or make_now
    feeds = {}
    for path, title, entries, page_url in _feed_subjects(sources, by_topic, site_title):
        feeds[path] = remembered(path, entries, lambda: atom_feed(title, site_url, path, entries[:limit], limit,
                                                                  page_url=page_url))
    return feeds


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# (feed path, title, articles, page it mirrors) of every source's and topic's feed
def _feed_subjects(sources: list[Source], by_topic: dict[str, list[PlacedArticle]],
                   site_title: str) -> Iterator[tuple[str, str, list[PlacedArticle], str]]:
    for source in sources:
        yield source.feed_path, f"{site_title}: {source.name}", source.articles, _page_url(source_page_path(source.slug))
    labels = topic_labels(by_topic)
    for slug, tagged in sorted(by_topic.items()):
        yield topic_feed_path(slug), f"{site_title}: {labels[slug]}", tagged, _page_url(topic_page_path(slug))


# One <entry>: title, id, link, dates, authors, summary and topic categories
def _entry(placed: PlacedArticle, site_url: str, feed_path: str) -> ET.Element:
    article = placed.article
    entry = ET.Element("entry")
    _text(entry, "title", article.title)
    _text(entry, "id", _absolute(site_url, placed.url) if site_url else f"urn:newsarchive:{placed.page_path}")
    _link(entry, _href(site_url, placed.url, feed_path), rel="alternate", type="text/html")
    if article.date:
        _text(entry, "published", _timestamp(article.date))
    _text(entry, "updated", _timestamp(article.date))
    for name in article.authors or [article.publication.name if article.publication else UNKNOWN_AUTHOR]:
        author = ET.SubElement(entry, "author")
        _text(author, "name", name)
    if article.summary:
        _text(entry, "summary", article.summary).set("type", "text")
    for topic in article.topics:
        ET.SubElement(entry, "category", term=_xml_safe(topic.slug), label=_xml_safe(topic.label))
    return entry


# A child element holding text (XML-safe); returns it
def _text(parent: ET.Element, name: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, name)
    element.text = _xml_safe(text)
    return element


# A <link> child
def _link(parent: ET.Element, href: str, **attributes: str) -> None:
    ET.SubElement(parent, "link", href=_xml_safe(href), **attributes)


# Text without the characters XML 1.0 cannot carry
def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


# RFC 3339 time at midnight UTC of a date; without a date, SOURCE_DATE_EPOCH or the epoch
def _timestamp(date: dt.date | None) -> str:
    if date is not None:
        return f"{date.isoformat()}T00:00:00Z"
    try:
        seconds = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    except ValueError:
        seconds = 0
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# A site path as an absolute URL under the site's URL
def _absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path.lstrip("/")


# A link target: absolute when the site URL is known, else relative to the feed's own location
def _href(site_url: str, path: str, feed_path: str) -> str:
    if site_url:
        return _absolute(site_url, path)
    relative = posixpath.relpath(path or ".", posixpath.dirname(feed_path) or ".")
    return relative + "/" if path.endswith("/") or not path else relative


# The directory-style URL of a page from its source path ("sources/x.md" -> "sources/x/")
def _page_url(page_path: str) -> str:
    return page_path.removesuffix(".md") + "/"
