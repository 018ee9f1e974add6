"""Listing pages stay small: a subject's page lists its newest articles and links one page per year."""
from __future__ import annotations

import datetime as dt

from newsarchive.listings import SUBJECT_LISTING_LIMIT, article_list, subject_listing

from samples import placed


def _articles(count: int, years: tuple[int, ...] = (2016, 2015)) -> list:
    items = [placed(f"Article {index}", date=dt.date(years[index % len(years)], 1, 1 + index % 28)) for index in range(count)]
    return sorted(items, key=lambda item: item.article.date, reverse=True)


def test_a_small_subject_lists_everything_on_its_own_page():
    articles = _articles(5)
    listing, pages = subject_listing("Sanctions", "topics/sanctions.md", articles, lambda item: item, article_list)
    assert pages == {}
    assert listing.count(">Article ") == 5


def test_a_large_subject_lists_its_newest_and_links_a_page_per_year():
    articles = _articles(SUBJECT_LISTING_LIMIT + 10)
    listing, pages = subject_listing("Sanctions", "topics/sanctions.md", articles, lambda item: item, article_list)
    assert listing.count(">Article ") == SUBJECT_LISTING_LIMIT
    assert set(pages) == {"topics/sanctions/2016.md", "topics/sanctions/2015.md"}
    assert "[2016](sanctions/2016.md)" in listing and "[2015](sanctions/2015.md)" in listing
    assert sum(page.count(">Article ") for page in pages.values()) == len(articles)
    assert "[All years](../sanctions.md)" in pages["topics/sanctions/2016.md"]
    assert 'title: "Sanctions: 2016"' in pages["topics/sanctions/2016.md"]
