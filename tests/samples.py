"""Synthetic articles for the unit tests of the cross-linking modules."""
from __future__ import annotations

import datetime as dt

from newsarchive.addressing import slugify
from newsarchive.corpus import PlacedArticle
from newsarchive.structure.article import (
    Article,
    Block,
    BlockKind,
    EntityMention,
    Publication,
    TopicMatch,
)

CHOSUN = Publication("chosun-ilbo", "The Chosun Ilbo", "https://www.chosun.com/english/")
ASAHI = Publication("asahi-shimbun", "The Asahi Shimbun", "https://www.asahi.com/ajw/")


# An article with sensible defaults; `paragraphs` are plain paragraph texts
def article(title: str = "A headline", *, paragraphs: tuple[str, ...] = ("Some running text about the border.",),
            date: dt.date | None = dt.date(2016, 8, 5), topics: tuple[str, ...] = (), entities: tuple[str, ...] = (),
            **fields) -> Article:
    return Article(
        seed_path=fields.pop("seed_path", f"seeds/{slugify(title)}.txt"),
        title=title,
        body=fields.pop("body", [Block(BlockKind.PARAGRAPH, text) for text in paragraphs]),
        date=date,
        topics=[TopicMatch(slug, slug.replace("-", " ").capitalize(), 1.0) for slug in topics],
        entities=[EntityMention(slug, slug.replace("-", " ").title(), "organisation", 1) for slug in entities],
        **fields,
    )


# The article placed at the page path the site would give it
def placed(title: str = "A headline", **fields) -> PlacedArticle:
    item = article(title, **fields)
    year = item.date.year if item.date else "undated"
    return PlacedArticle(item, f"articles/{year}/{slugify(title)}.md")
