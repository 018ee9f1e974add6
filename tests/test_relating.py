"""Related articles: text similarity plus shared topics and entities, never the article itself."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import markdown
import pytest

from newsarchive import relating
from newsarchive.relating import Relation, related_articles, related_reading_markdown, terms_of
from samples import placed

ROOT = Path(__file__).resolve().parents[1]

REPATRIATION = (
    "China forcibly repatriates North Korean refugees caught crossing the border, treating them as illegal migrants.",
    "Human rights groups say those repatriated face prison camps, and urge Beijing to respect the refugee convention.",
)
REPATRIATION_AGAIN = (
    "Beijing keeps repatriating North Korean refugees despite the refugee convention it signed.",
    "Activists say repatriated refugees face torture and prison camps after the forced return.",
)
SPORTS = (
    "The national football team won the championship final after extra time in a crowded stadium.",
    "Fans celebrated the goal scored by the young striker in the last minute of the match.",
)


def _archive():
    return [
        placed("China repatriates refugees", paragraphs=REPATRIATION, date=dt.date(2012, 4, 3)),
        placed("Beijing keeps sending refugees back", paragraphs=REPATRIATION_AGAIN, date=dt.date(2024, 1, 1)),
        placed("Football final", paragraphs=SPORTS, date=dt.date(2016, 8, 5)),
    ]


def test_similar_articles_relate_to_each_other_and_never_to_themselves():
    archive = _archive()
    related = related_articles(archive)
    first, second, sports = (item.page_path for item in archive)
    assert related[first][0].page_path == second
    assert related[second][0].page_path == first
    for path, relations in related.items():
        assert path not in [relation.page_path for relation in relations]


def test_unrelated_article_gets_nothing_below_the_threshold():
    related = related_articles(_archive())
    sports = "articles/2016/football-final.md"
    assert all(relation.score >= relating.MIN_SCORE for relation in related[sports])
    assert sports not in [relation.page_path for relation in related["articles/2012/china-repatriates-refugees.md"]]


def test_shared_topics_and_entities_are_reported_and_raise_the_score():
    text = ("Refugees crossed the river at night near the border town.",)
    plain = [placed("One", paragraphs=text), placed("Two", paragraphs=text), placed("Three", paragraphs=text)]
    tagged = [
        placed("One", paragraphs=text, topics=("repatriation",), entities=("unhcr",)),
        placed("Two", paragraphs=text, topics=("repatriation", "brokers"), entities=("unhcr",)),
        placed("Three", paragraphs=text),
    ]
    untagged_score = related_articles(plain)["articles/2016/one.md"][0].score
    relations = related_articles(tagged)["articles/2016/one.md"]
    assert relations[0] == Relation("articles/2016/two.md", relations[0].score, ("repatriation",), ("unhcr",))
    assert relations[0].score > untagged_score
    assert relations[1].page_path == "articles/2016/three.md"


def test_limit_and_deterministic_order():
    text = ("Refugees crossed the river at night near the border town.",)
    archive = [placed(f"Story {number}", paragraphs=text) for number in range(8)]
    related = related_articles(archive, limit=3)
    assert all(len(relations) == 3 for relations in related.values())
    assert related == related_articles(list(reversed(archive)), limit=3)
    # equal scores are ordered by page path
    first = related["articles/2016/story-0.md"]
    assert [relation.page_path for relation in first] == sorted(relation.page_path for relation in first)


def test_empty_and_single_article_archives():
    assert related_articles([]) == {}
    only = placed("Alone")
    assert related_articles([only]) == {only.page_path: []}


def test_terms_fold_endings_and_drop_stopwords():
    assert terms_of("The refugees were repatriated") == terms_of("refugee repatriation")
    assert "the" not in terms_of("The border") and "border" in terms_of("The border")


def test_common_terms_are_not_looked_up_in_a_large_archive(monkeypatch):
    """Candidates come only through distinctive terms: a term every article shares finds nobody."""
    monkeypatch.setattr(relating, "MIN_LOOKUP_POSTINGS", 1)
    words = [f"rare{letter * 3}" for letter in "abcdefghijklmnopqrst"]
    archive = [placed(f"Story {number}", paragraphs=(f"border {word}",)) for number, word in enumerate(words)]
    archive.append(placed("Twin", paragraphs=(f"border {words[3]}",)))
    related = related_articles(archive)
    assert [relation.page_path for relation in related["articles/2016/twin.md"]] == ["articles/2016/story-3.md"]
    assert related["articles/2016/story-5.md"] == []


def test_related_reading_markdown_links_relatively_and_escapes_titles():
    archive = [
        placed("China repatriates refugees", paragraphs=REPATRIATION, date=dt.date(2012, 4, 3), topics=("repatriation",)),
        placed("Beijing *keeps* [sending] refugees back", paragraphs=REPATRIATION_AGAIN, date=dt.date(2024, 1, 1),
               topics=("repatriation",)),
    ]
    by_path = {item.page_path: item for item in archive}
    relations = related_articles(archive)[archive[0].page_path]
    text = related_reading_markdown(relations, by_path, archive[0].page_path)
    assert "(../2024/beijing-keeps-sending-refugees-back.md)" in text
    html = markdown.markdown(text, extensions=["pymdownx.escapeall"])
    assert "Beijing *keeps* [sending] refugees back</a>" in html
    assert "Also about: Repatriation" in html
    assert related_reading_markdown([], by_path, archive[0].page_path) == ""


@pytest.fixture(scope="module", params=["text only", "tagged"])
def real_corpus(request):
    """The five real seeds, as plain cleaned articles and as tagged by the vocabulary (as the site builds them)."""
    from newsarchive.corpus import build_corpus
    from newsarchive.publications import load_publications
    from newsarchive.vocabulary import load_vocabulary

    vocabulary = load_vocabulary() if request.param == "tagged" else None
    corpus = build_corpus(ROOT / "seeds", load_publications(), vocabulary, display_root=ROOT)
    assert len(corpus.articles) == 5, corpus.problems
    return corpus


def test_real_seeds_the_two_repatriation_articles_rank_each_other_first(real_corpus):
    by_title = {item.article.title: item for item in real_corpus.articles}
    old = next(item for title, item in by_title.items() if title.startswith("China and its North Korean Refugee Problem"))
    new = next(item for title, item in by_title.items() if title.startswith("China unlikely to cave under pressure"))
    related = related_articles(real_corpus.articles)
    assert related[old.page_path][0].page_path == new.page_path
    assert related[new.page_path][0].page_path == old.page_path
    assert all(relations for relations in related.values())
