"""Grouping: groups kept between builds and updated for what changed are the groups made afresh."""
from __future__ import annotations

import datetime as dt
import random
from collections import Counter

from newsarchive.browsing import articles_by_topic, mention_entries, mentions_by_entity, topic_entries, topic_tally
from newsarchive.corpus import PlacedArticle, Placements, newest_first_key
from newsarchive.grouping import Grouping
from newsarchive.listings import articles_by_year, grouped_by_year, in_year_order, year_entries, year_of
from newsarchive.sources import source_entries, sources_from_groups, sources_of
from newsarchive.structure.article import EntityMention

from samples import ASAHI, CHOSUN, placed

TOPICS = ("sanctions", "repatriation", "prison-camps", "famine")
ENTITIES = ("unhcr", "thae-yong-ho", "shenyang")


# A random article: date (or none), topics (one of them perhaps twice), entities with counts, publication
def _random_article(chance: random.Random, number: int) -> PlacedArticle:
    date = None if chance.random() < 0.1 else dt.date(chance.choice((2014, 2016, 2019)), chance.randint(1, 12), 1)
    topics = tuple(chance.sample(TOPICS, chance.randint(0, 3)))
    item = placed(f"Headline {chance.randint(0, 30)}", date=date, topics=topics + topics[:1] * (chance.random() < 0.1),
                  seed_path=f"seeds/{number:04d}.txt", publication=chance.choice((CHOSUN, ASAHI, None)))
    item.article.entities = [EntityMention(slug, slug.title(), "person", chance.randint(1, 4))
                             for slug in chance.sample(ENTITIES, chance.randint(0, 3))]
    return item


# The seeds' articles placed as build_corpus places them (newest first), and their page paths
def _place(placements: Placements, seeds: dict[int, PlacedArticle]) -> list[PlacedArticle]:
    return placements.place([item.article for item in seeds.values()], {item.article.seed_path: item.page_path
                                                                        for item in seeds.values()})


# Each group's items by the identity of their articles (with mention counts), in order
def _identities(groups: dict[str, list]) -> dict[str, list]:
    return {key: [(id(item[0]), item[1]) if isinstance(item, tuple) else id(item) for item in group]
            for key, group in groups.items()}


def test_groups_updated_edit_by_edit_are_the_groups_made_afresh():
    chance = random.Random(7)
    seeds = {number: _random_article(chance, number) for number in range(60)}
    placements = Placements()
    groupings = [Grouping(topic_entries, part_of=year_of, tally_of=topic_tally),
                 Grouping(mention_entries, placed_of=lambda item: item[0], part_of=year_of),
                 Grouping(source_entries), Grouping(year_entries)]
    articles = _place(placements, seeds)
    for grouping in groupings:
        grouping.fill(articles)
    for step in range(40):
        for number in chance.sample(sorted(seeds), 3):  # edited (a new article), moved (a new page path) or gone
            action = chance.random()
            if action < 0.4:
                seeds[number] = _random_article(chance, number)
            elif action < 0.7:
                seeds[number] = PlacedArticle(seeds[number].article, seeds[number].page_path.replace(".md", "-2.md"))
            else:
                del seeds[number]
        seeds[max(seeds) + 1] = _random_article(chance, max(seeds) + 1)
        topics_before, parts_before = dict(groupings[0].groups), dict(groupings[0].parts)
        articles = _place(placements, seeds)
        assert [id(item) for item in articles] == [id(item) for item in sorted(articles, key=newest_first_key)]
        if step % 5 == 4:  # grouped afresh now and then, as after a large change
            for grouping in groupings:
                grouping.fill(articles)
        else:
            for grouping in groupings:
                grouping.change(placements.left, placements.arrived)
        assert _identities(groupings[0].groups) == _identities(articles_by_topic(articles))
        assert _identities(groupings[1].groups) == _identities(mentions_by_entity(articles))
        assert sources_from_groups(groupings[2].groups) == sources_of(articles)
        assert list(in_year_order(groupings[3].groups)) == list(articles_by_year(articles))
        assert _identities(groupings[3].groups) == _identities(articles_by_year(articles))
        for grouping in groupings[:2]:  # each group's years, in the order listings show them
            for key, group in grouping.groups.items():
                by_year = grouped_by_year(group, grouping.placed_of)
                assert list(grouping.parts[key]) == list(by_year)
                assert _identities(grouping.parts[key]) == _identities(by_year)
        for slug, tagged in groupings[0].groups.items():
            assert groupings[0].tallies[slug] == Counter(other for item in tagged for other in topic_tally(item))
        # a group, or a year of it, with the same articles as before is the very same list
        for key, group in groupings[0].groups.items():
            unchanged = key in topics_before and _identities({key: group}) == _identities({key: topics_before[key]})
            assert (group is topics_before.get(key)) is unchanged
            for year, part in groupings[0].parts[key].items():
                before = parts_before.get(key, {}).get(year)
                assert (part is before) is (before is not None and _identities({1: part}) == _identities({1: before}))


def test_an_unchanged_corpus_is_the_same_list_of_the_same_placed_articles():
    placements = Placements()
    one, two = placed("One"), placed("Two")
    first = placements.place([one.article, two.article], {one.article.seed_path: one.page_path,
                                                          two.article.seed_path: two.page_path})
    same = placements.place([one.article, two.article], {one.article.seed_path: one.page_path,
                                                         two.article.seed_path: two.page_path})
    assert same is first and not placements.left and not placements.arrived
    moved = placements.place([one.article, two.article], {one.article.seed_path: one.page_path,
                                                          two.article.seed_path: "articles/2016/two-2.md"})
    kept = next(item for item in first if item.article is one.article)
    assert any(item is kept for item in moved)
    assert [item.page_path for item in placements.arrived] == ["articles/2016/two-2.md"]
    assert [item.page_path for item in placements.left] == [two.page_path]
