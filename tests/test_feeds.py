"""Atom feeds: valid XML, one entry per article (newest first, limited), escaped text, no clock."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from newsarchive.browsing import articles_by_topic
from newsarchive.feeds import ARCHIVE_FEED, archive_feed, atom_feed, subject_feeds, topic_feed_path
from newsarchive.sources import sources_of
from newsarchive.timeline import newest_first
from samples import ASAHI, CHOSUN, placed

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://archive.example.org/sub/"


def _archive():
    return [
        placed("Older story", date=dt.date(2014, 8, 15), publication=ASAHI, authors=["Koichiro Ishida"], topics=("border",)),
        placed("Newest story", date=dt.date(2024, 1, 1), topics=("repatriation", "border")),
        placed("Middle story", date=dt.date(2016, 8, 5), publication=CHOSUN, authors=["Kim Myong-song", "Lee"]),
        placed("Undated story", date=None),
    ]


def _parse(xml: str) -> ET.Element:
    assert xml.startswith('<?xml version="1.0" encoding="utf-8"?>\n')
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.tag == f"{ATOM}feed"
    return root


def test_feed_has_one_entry_per_article_newest_first_and_its_required_elements():
    root = _parse(atom_feed("Archive", SITE, ARCHIVE_FEED, _archive()))
    entries = root.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Newest story", "Middle story", "Older story", "Undated story"]
    assert root.findtext(f"{ATOM}id") == "https://archive.example.org/sub/feed.xml"
    assert root.findtext(f"{ATOM}updated") == "2024-01-01T00:00:00Z"
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == "https://archive.example.org/sub/feed.xml"
    for entry in entries:
        for required in ("id", "title", "updated", "author/" + ATOM + "name", "summary"):
            assert entry.findtext(ATOM + required), required
    middle = entries[1]
    assert middle.findtext(f"{ATOM}id") == "https://archive.example.org/sub/articles/2016/middle-story/"
    assert middle.find(f"{ATOM}link").get("href") == middle.findtext(f"{ATOM}id")
    assert [name.text for name in middle.iter(f"{ATOM}name")] == ["Kim Myong-song", "Lee"]
    assert middle.findtext(f"{ATOM}published") == "2016-08-05T00:00:00Z"
    assert [category.get("term") for category in entries[0].findall(f"{ATOM}category")] == ["repatriation", "border"]


def test_entry_author_falls_back_to_publication_then_unknown():
    entries = _parse(atom_feed("A", SITE, ARCHIVE_FEED, _archive())).findall(f"{ATOM}entry")
    authors = {entry.findtext(f"{ATOM}title"): entry.findtext(f"{ATOM}author/{ATOM}name") for entry in entries}
    assert authors["Newest story"] == "Unknown author"


def test_limit_keeps_the_newest():
    root = _parse(atom_feed("Archive", SITE, ARCHIVE_FEED, _archive(), limit=2))
    assert [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")] == ["Newest story", "Middle story"]


def test_updated_never_comes_from_the_clock(monkeypatch):
    undated = [placed("Undated story", date=None)]
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert _parse(atom_feed("A", SITE, ARCHIVE_FEED, undated)).findtext(f"{ATOM}updated") == "1970-01-01T00:00:00Z"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert _parse(atom_feed("A", SITE, ARCHIVE_FEED, undated)).findtext(f"{ATOM}updated") == "2023-11-14T22:13:20Z"
    assert _parse(atom_feed("A", SITE, ARCHIVE_FEED, [])).findall(f"{ATOM}entry") == []


def test_hostile_titles_and_summaries_are_escaped_text():
    hostile = "</title><script>alert('x')</script> & \x01\ufffe <![CDATA[ ]]>"
    item = placed(hostile, paragraphs=(hostile + " is the first sentence of a long enough paragraph.",), topics=("a-b",))
    xml = atom_feed('Feed "title" <&>', SITE, ARCHIVE_FEED, [item])
    root = _parse(xml)
    assert "<script>" not in xml
    entry = root.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "</title><script>alert('x')</script> &  <![CDATA[ ]]>"
    assert root.findtext(f"{ATOM}title") == 'Feed "title" <&>'


def test_same_input_gives_the_same_bytes():
    assert atom_feed("A", SITE, ARCHIVE_FEED, _archive()) == atom_feed("A", SITE, ARCHIVE_FEED, list(reversed(_archive())))


def test_without_site_url_links_are_relative_to_the_feed():
    root = _parse(atom_feed("A", "", "feeds/sources/x.xml", _archive(), page_url="sources/x/"))
    assert root.find(f"{ATOM}link[@rel='alternate']").get("href") == "../../sources/x/"
    assert root.find(f"{ATOM}entry/{ATOM}link").get("href") == "../../articles/2024/newest-story/"


# Every feed the site makes of an archive: the archive's, each source's and each topic's
def _site_feeds(articles, title, site_url):
    placed = newest_first(articles)
    return {ARCHIVE_FEED: archive_feed(placed, title, site_url),
            **subject_feeds(sources_of(placed), articles_by_topic(placed), title, site_url)}


def test_site_feeds_cover_the_archive_each_source_and_each_topic():
    feeds = _site_feeds(_archive(), "Archive", SITE)
    assert sorted(feeds) == sorted([
        ARCHIVE_FEED,
        "feeds/sources/asahi-shimbun.xml",
        "feeds/sources/chosun-ilbo.xml",
        "feeds/sources/source-unknown.xml",
        topic_feed_path("border"),
        topic_feed_path("repatriation"),
    ])
    border = _parse(feeds[topic_feed_path("border")])
    assert border.find(f"{ATOM}link[@rel='alternate']").get("href") == "https://archive.example.org/sub/topics/border/"
    assert [entry.findtext(f"{ATOM}title") for entry in border.findall(f"{ATOM}entry")] == ["Newest story", "Older story"]
    chosun = _parse(feeds["feeds/sources/chosun-ilbo.xml"])
    assert chosun.findtext(f"{ATOM}title") == "Archive: The Chosun Ilbo"
    assert chosun.find(f"{ATOM}link[@rel='alternate']").get("href") == "https://archive.example.org/sub/sources/chosun-ilbo/"
    unknown = _parse(feeds["feeds/sources/source-unknown.xml"])
    assert len(unknown.findall(f"{ATOM}entry")) == 2
