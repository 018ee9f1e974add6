"""Related articles: text similarity plus shared topics and entities, never the article itself."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import markdown
import pytest

from newsarchive import relating
from newsarchive.corpus import PlacedArticle
from newsarchive.relating import RelatedArticles, Relation, related_articles, related_reading_html, terms_of
from newsarchive.structure.article import Block, BlockKind
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


def test_related_reading_html_links_relatively_and_escapes_titles():
    archive = [
        placed("China repatriates refugees", paragraphs=REPATRIATION, date=dt.date(2012, 4, 3), topics=("repatriation",)),
        placed("Beijing *keeps* [sending] refugees back", paragraphs=REPATRIATION_AGAIN, date=dt.date(2024, 1, 1),
               topics=("repatriation",)),
    ]
    by_path = {item.page_path: item for item in archive}
    relations = related_articles(archive)[archive[0].page_path]
    text = related_reading_html(relations, by_path, archive[0].page_path)
    assert 'href="../../2024/beijing-keeps-sending-refugees-back/"' in text
    html = markdown.markdown(text, extensions=["pymdownx.escapeall", "md_in_html"])
    assert html == text.strip()
    assert '<h2 id="related-reading" data-search-exclude>Related reading</h2>' in html
    assert "Beijing *keeps* [sending] refugees back</a>" in html
    assert "Also about: Repatriation" in html
    assert related_reading_html([], by_path, archive[0].page_path) == ""


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


# -----------------------------------------------------------------------------
# Kept between builds (mkdocs serve)
# -----------------------------------------------------------------------------

_CONSONANTS = "bcdfghjklmnpqrstvwxz"


# A made-up word no stemming or stopword list touches, one per number
def _word(number: int) -> str:
    return f"vel{_CONSONANTS[number // 20]}a{_CONSONANTS[number % 20]}ork"


# A chain of articles: article i is titled with word i and uses words i, i+1 and i+2, so it relates
# to the two articles either side of it and to no other
def _chain(count: int = 40) -> list:
    return [
        placed(_word(number).capitalize(), paragraphs=(f"{_word(number)} {_word(number + 1)} {_word(number + 2)}.",))
        for number in range(count)
    ]


# The placed article at `index` of `archive` replaced by a new article object with other paragraphs
def _changed(archive: list, index: int, paragraphs: tuple[str, ...]) -> list:
    item = archive[index]
    body = [Block(BlockKind.PARAGRAPH, text) for text in paragraphs]
    return [*archive[:index], PlacedArticle(dataclasses.replace(item.article, body=body), item.page_path),
            *archive[index + 1:]]


def _paths_in(related: dict) -> set[str]:
    return {relation.page_path for relations in related.values() for relation in relations}


def test_first_update_is_the_full_computation():
    for archive in (_chain(), _archive(), []):
        state = RelatedArticles()
        assert state.update(archive) == related_articles(archive)
        assert state.recomputed == len(archive)


def test_first_update_is_the_full_computation_on_the_real_seeds(real_corpus):
    state = RelatedArticles()
    assert state.update(real_corpus.articles, limit=3) == related_articles(real_corpus.articles, limit=3)


def test_update_with_the_same_articles_recomputes_nothing():
    archive = _chain()
    state = RelatedArticles()
    first = state.update(archive)
    assert state.update(list(archive)) == first
    assert (state.recomputed, state.inserted) == (0, 0)
    # the caller may change what it got without changing what is kept
    first[archive[0].page_path].clear()
    assert state.update(archive) == related_articles(archive)


def test_an_article_changed_into_a_near_copy_relates_to_its_original_both_ways():
    archive = _chain()
    state = RelatedArticles()
    before = state.update(archive)
    original, changed = archive[5], archive[20]
    text = f"{_word(5)} {_word(6)} {_word(7)}, again."
    updated = _changed(archive, 20, (text,))
    after = state.update(updated)
    assert updated[20].article is not changed.article and updated[20].page_path == changed.page_path
    assert 0 < state.recomputed <= 5  # the changed article and the four lists that named it
    assert after[changed.page_path][0].page_path == original.page_path
    assert changed.page_path in [relation.page_path for relation in after[original.page_path]]
    assert state.inserted >= 1
    # as the full computation has it
    full = related_articles(updated)
    assert full[changed.page_path][0].page_path == original.page_path
    assert changed.page_path in [relation.page_path for relation in full[original.page_path]]
    # the articles the old text related to (words 20 to 22) no longer name it, unless through word 20 (its title)
    for index in (21, 22):
        assert changed.page_path not in [relation.page_path for relation in after[archive[index].page_path]]
    assert before != after


def test_articles_unrelated_to_the_changed_one_keep_their_lists():
    archive = _chain()
    state = RelatedArticles()
    before = state.update(archive)
    after = state.update(_changed(archive, 20, (f"{_word(5)} {_word(6)} {_word(7)}, again.",)))
    # the old text shared words with articles 18-22, the new one with 3-7 (and 18-19 through the title)
    unrelated = [item.page_path for index, item in enumerate(archive) if not (3 <= index <= 7 or 18 <= index <= 22)]
    assert unrelated and all(after[path] == before[path] for path in unrelated)
    assert after.keys() == before.keys()


def test_a_removed_article_leaves_every_list():
    archive = _chain()
    state = RelatedArticles()
    before = state.update(archive)
    gone = archive[10]
    assert gone.page_path in _paths_in(before)
    after = state.update(archive[:10] + archive[11:])
    assert gone.page_path not in after and gone.page_path not in _paths_in(after)
    assert state.recomputed == 4  # the lists of articles 8, 9, 11 and 12
    # the same articles as the full computation names, the scores off by what the kept vectors lag behind
    full = related_articles(archive[:10] + archive[11:])
    assert {path: {relation.page_path for relation in relations} for path, relations in after.items()} == {
        path: {relation.page_path for relation in relations} for path, relations in full.items()
    }
    # and an article added back is found again
    assert state.update(archive)[gone.page_path] == before[gone.page_path]
    assert gone.page_path in _paths_in(state.update(archive))


def test_a_moved_page_is_named_at_its_new_path():
    archive = _chain()
    state = RelatedArticles()
    before = state.update(archive)
    moved = PlacedArticle(archive[10].article, "articles/2016/moved.md")
    after = state.update([*archive[:10], moved, *archive[11:]])
    assert archive[10].page_path not in after and archive[10].page_path not in _paths_in(after)
    assert after["articles/2016/moved.md"] == before[archive[10].page_path]
    renamed = {archive[10].page_path: "articles/2016/moved.md"}
    for path, relations in before.items():
        if path != archive[10].page_path:  # the same relations, the moved one renamed (and sorted by its new path)
            assert after[path] == sorted(
                (dataclasses.replace(relation, page_path=renamed.get(relation.page_path, relation.page_path))
                 for relation in relations),
                key=lambda relation: (-relation.score, relation.page_path),
            )
    assert 0 < state.recomputed <= 4


def test_another_limit_or_setting_or_a_bulk_change_recomputes_everything(monkeypatch):
    archive = _chain()
    state = RelatedArticles()
    state.update(archive)
    assert state.update(archive, limit=3) == related_articles(archive, limit=3)
    assert state.recomputed == len(archive)
    monkeypatch.setattr(relating, "MIN_SCORE", 0.5)
    assert state.update(archive, limit=3) == related_articles(archive, limit=3)
    assert state.recomputed == len(archive)
    monkeypatch.undo()
    state.update(archive)
    bulk = archive
    for index in range(int(relating.REBUILD_SHARE * len(archive)) + 1):
        bulk = _changed(bulk, index, (f"{_word(30)} {_word(31)} {_word(index)}.",))
    assert state.update(bulk) == related_articles(bulk)
    assert state.recomputed == len(archive)
