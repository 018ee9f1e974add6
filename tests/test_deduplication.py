"""Deduplication: one page per article however often it was dumped; different articles never merge."""
from __future__ import annotations

import dataclasses
import random
import re
import time

import pytest

from newsarchive import deduplication
from newsarchive.deduplication import Duplicate, DuplicateFinder, body_similarity, find_duplicates, without_duplicates
from newsarchive.pipeline import article_from_text
from newsarchive.publications import load_publications
from newsarchive.reading import decode_seed
from newsarchive.structure.article import Article, Block, BlockKind
from sitebuild import ROOT, build_project

ORIGINAL = ROOT / "seeds" / "000_de70b2de4758b334.txt"

# Words for synthetic articles that share vocabulary but not sentences.
WORDS = ("defectors china border police brokers families seoul beijing river night arrested returned camp "
         "officials activists report month year crossing village province asylum embassy journey").split()


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# An article with the given paragraphs
def _article(seed: str, *paragraphs: str, title: str = "A headline") -> Article:
    return Article(seed_path=seed, title=title, body=[Block(BlockKind.PARAGRAPH, text) for text in paragraphs])


# A paragraph of random words (seeded, so the same every run)
def _random_paragraph(generator: random.Random, words: int = 60) -> str:
    return " ".join(generator.choice(WORDS) for _ in range(words)).capitalize() + "."


# The same article as dumped from a different page layout: other menus, share widgets and footer
def _redumped(text: str) -> str:
    lines = text.splitlines()
    return "\n".join(["Skip to main content", "Menu", "Search", "", *lines[:-3], "", "Share on Facebook", "Tweet",
                      "Related Articles", "Sign up for our daily newsletter", "Copyright © The Chosun Ilbo"]) + "\n"


# The same article from a seed saved again unchanged: a new object with the same words (as a rebuild reads it)
def _reread(article: Article) -> Article:
    return dataclasses.replace(article)


# A near copy of an article under another seed: its last paragraph dropped
def _near_copy(seed: str, article: Article) -> Article:
    return _article(seed, *(block.text for block in article.body[:-1]))


# The finder's duplicates for the list, checked against finding them afresh (the same records in the same order)
def _found(finder: DuplicateFinder, articles: list[Article]) -> list[Duplicate]:
    duplicates = finder.find(articles)
    assert duplicates == find_duplicates(articles)
    return duplicates


# Article pages of a built site whose h1 is the headline
def _pages_headed(built, headline: str) -> list:
    return [path for path in built.article_pages() if re.search(rf"<h1[^>]*>{re.escape(headline)}</h1>", path.read_text(encoding="utf-8"))]


# -----------------------------------------------------------------------------
# Finding duplicates
# -----------------------------------------------------------------------------


def test_the_same_words_are_a_duplicate_whatever_the_case_punctuation_and_spacing():
    first = _article("seeds/a.txt", "China is rolling out fake defectors.", "The ruse is another feather in its cap.")
    second = _article("seeds/b.txt", "china is rolling out  FAKE defectors", "The ruse -- is another feather in its cap!")
    assert find_duplicates([first, second]) == [Duplicate(kept="seeds/a.txt", dropped="seeds/b.txt", similarity=1.0, exact=True)]


def test_the_same_article_dumped_with_different_furniture_is_one_article():
    publications = load_publications()
    text = ORIGINAL.read_text(encoding="utf-8")
    first = article_from_text(decode_seed(text.encode(), "seeds/a.txt"), publications)
    second = article_from_text(decode_seed(_redumped(text).encode("cp1252"), "seeds/b.txt"), publications)
    kept, duplicates = without_duplicates([first, second])
    assert [article.seed_path for article in kept] == ["seeds/a.txt"]
    assert [(duplicate.kept, duplicate.dropped) for duplicate in duplicates] == [("seeds/a.txt", "seeds/b.txt")]


def test_a_dump_with_a_paragraph_more_is_a_near_duplicate_and_the_fuller_one_is_kept():
    generator = random.Random(1)
    paragraphs = [_random_paragraph(generator) for _ in range(10)]
    short = _article("seeds/a.txt", *paragraphs[:9])
    full = _article("seeds/b.txt", *paragraphs)
    duplicates = find_duplicates([short, full])
    assert [(duplicate.kept, duplicate.dropped, duplicate.exact) for duplicate in duplicates] == [("seeds/b.txt", "seeds/a.txt", False)]
    assert 0.8 <= duplicates[0].similarity < 1.0
    assert "seeds/a.txt" in duplicates[0].message and "seeds/b.txt" in duplicates[0].message


def test_a_truncated_dump_is_a_duplicate_of_the_whole_article():
    generator = random.Random(2)
    paragraphs = [_random_paragraph(generator) for _ in range(12)]
    duplicates = find_duplicates([_article("seeds/full.txt", *paragraphs), _article("seeds/teaser.txt", *paragraphs[:4])])
    assert [(duplicate.kept, duplicate.dropped) for duplicate in duplicates] == [("seeds/full.txt", "seeds/teaser.txt")]


def test_different_articles_with_the_same_headline_are_not_duplicates():
    generator = random.Random(3)
    first = _article("seeds/a.txt", *(_random_paragraph(generator) for _ in range(6)), title="Defectors in China")
    second = _article("seeds/b.txt", *(_random_paragraph(generator) for _ in range(6)), title="Defectors in China")
    assert find_duplicates([first, second]) == []
    assert body_similarity(first, second) < 0.2


def test_articles_sharing_stock_paragraphs_are_not_duplicates():
    generator = random.Random(4)
    stock = "Human rights groups have urged Beijing for years to stop sending the defectors back across the border."
    articles = [_article(f"seeds/{index}.txt", _random_paragraph(generator, 120), stock) for index in range(5)]
    assert find_duplicates(articles) == []


def test_three_dumps_of_one_article_leave_one_and_name_it_in_each_warning():
    body = ("The same article text, long enough to matter.", "A second paragraph of the same article.")
    articles = [_article(f"seeds/{name}.txt", *body) for name in ("c", "a", "b")]
    kept, duplicates = without_duplicates(articles)
    assert [article.seed_path for article in kept] == ["seeds/a.txt"]
    assert [(duplicate.dropped, duplicate.kept) for duplicate in duplicates] == [("seeds/b.txt", "seeds/a.txt"), ("seeds/c.txt", "seeds/a.txt")]


def test_result_does_not_depend_on_the_order_of_the_articles():
    generator = random.Random(5)
    paragraphs = [_random_paragraph(generator) for _ in range(8)]
    articles = [_article("seeds/x.txt", *paragraphs), _article("seeds/y.txt", *paragraphs[:7]),
                _article("seeds/z.txt", _random_paragraph(generator))]
    assert find_duplicates(articles) == find_duplicates(list(reversed(articles)))


def test_articles_without_body_text_are_not_duplicates_of_each_other():
    assert find_duplicates([_article("seeds/a.txt"), _article("seeds/b.txt")]) == []


def test_ten_thousand_articles_are_checked_in_seconds_not_all_pairs():
    generator = random.Random(6)
    articles = [_article(f"seeds/{index:05d}.txt", _random_paragraph(generator, 150)) for index in range(10_000)]
    articles.append(_article("seeds/copy.txt", articles[1234].body[0].text))
    started = time.perf_counter()
    duplicates = find_duplicates(articles)
    assert time.perf_counter() - started < 20
    assert [(duplicate.kept, duplicate.dropped) for duplicate in duplicates] == [("seeds/01234.txt", "seeds/copy.txt")]


# -----------------------------------------------------------------------------
# Between builds of one process (mkdocs serve)
# -----------------------------------------------------------------------------


def test_a_finder_kept_between_builds_finds_what_finding_afresh_finds_after_each_edit():
    generator = random.Random(8)
    articles = [_article(f"seeds/{index:02d}.txt", *(_random_paragraph(generator) for _ in range(6)))
                for index in range(12)]
    articles += [_near_copy("seeds/12.txt", articles[2]),
                 _article("seeds/13.html", *(block.text for block in articles[5].body))]
    finder = DuplicateFinder()
    assert [(duplicate.kept, duplicate.dropped, duplicate.folded) for duplicate in _found(finder, articles)] == [
        ("seeds/13.html", "seeds/05.txt", True), ("seeds/02.txt", "seeds/12.txt", False)]
    original = articles[3]
    articles[3] = _near_copy("seeds/03.txt", articles[7])  # seed 03 edited into a near copy of seed 07
    found = _found(finder, articles)
    assert ("seeds/07.txt", "seeds/03.txt") in [(duplicate.kept, duplicate.dropped) for duplicate in found]
    assert finder.indexed == 1
    articles[3] = _reread(original)  # and back
    assert len(_found(finder, articles)) == 2 and finder.indexed == 1
    del articles[2]  # the near copy seeds/12.txt is no longer anybody's duplicate
    assert [duplicate.dropped for duplicate in _found(finder, articles)] == ["seeds/05.txt"] and finder.indexed == 0
    articles.append(_article("seeds/14.txt", *(block.text.upper() for block in articles[0].body)))  # a new seed
    assert "seeds/14.txt" in [duplicate.dropped for duplicate in _found(finder, articles)] and finder.indexed == 1
    generator.shuffle(articles)
    assert len(_found(finder, articles)) == 2 and (finder.indexed, finder.counted_pairs) == (0, 0)
    articles = [_reread(article) for article in articles]  # every seed read again
    assert len(_found(finder, articles)) == 2 and finder.indexed == len(articles)
    assert without_duplicates(articles, finder) == without_duplicates(articles)


def test_a_finder_does_no_pair_work_for_an_unchanged_list_and_indexes_only_the_changed_article():
    generator = random.Random(9)
    paragraphs = [_random_paragraph(generator) for _ in range(40)]
    articles = [_article(f"seeds/{index:02d}.txt", *paragraphs[index : index + 5]) for index in range(30)]
    finder = DuplicateFinder()
    _found(finder, articles)
    assert finder.indexed == len(articles) and finder.counted_pairs > 0
    _found(finder, articles)
    assert (finder.indexed, finder.counted_pairs) == (0, 0)
    _found(finder, list(reversed(articles)))
    assert (finder.indexed, finder.counted_pairs) == (0, 0)
    articles[10] = _article("seeds/10.txt", *paragraphs[10:14], "A new last paragraph, long enough to count for something.")
    _found(finder, articles)
    assert finder.indexed == 1 and 0 < finder.counted_pairs < len(articles)


def test_a_finder_follows_a_sampled_shingle_becoming_a_stock_phrase_and_back(monkeypatch):
    # With at most two articles per indexed shingle, a third copy turns the shared shingles into stock
    # phrases: the pair already found is no longer a candidate, and is again once the copy goes.
    monkeypatch.setattr(deduplication, "MAX_POSTING_LENGTH", 2)
    generator = random.Random(10)
    paragraphs = [_random_paragraph(generator) for _ in range(9)]
    first, second = _article("seeds/a.txt", *paragraphs), _article("seeds/b.txt", *paragraphs[:8])
    third = _article("seeds/c.txt", *paragraphs[1:])
    other = _article("seeds/d.txt", *(_random_paragraph(generator) for _ in range(6)))
    finder = DuplicateFinder()
    assert [duplicate.dropped for duplicate in _found(finder, [first, second, other])] == ["seeds/b.txt"]
    assert _found(finder, [first, second, third, other]) == []
    assert [duplicate.dropped for duplicate in _found(finder, [first, second, other])] == ["seeds/b.txt"]
    assert finder.indexed == 0 and finder.counted_pairs > 0


def test_a_finder_agrees_with_finding_afresh_over_random_edits(monkeypatch):
    monkeypatch.setattr(deduplication, "MAX_POSTING_LENGTH", 4)  # postings cross it often
    generator = random.Random(11)
    words = WORDS[:6]  # few words: many shared shingles, near copies and stock phrases

    # A new article: random words, a near copy, an exact copy in capitals, or no text; a saved page now and then
    def new_article(articles: list[Article]) -> Article:
        seed = f"seeds/{generator.randrange(30):02d}" + generator.choice([".txt", ".txt", ".html"])
        choice = generator.random()
        if articles and choice < 0.4:
            return _near_copy(seed, generator.choice(articles))
        if articles and choice < 0.5:
            return _article(seed, *(block.text.upper() for block in generator.choice(articles).body))
        if choice < 0.55:
            return _article(seed)
        return _article(seed, *(" ".join(generator.choice(words) for _ in range(generator.randrange(10, 60)))
                                for _ in range(generator.randrange(1, 5))))

    articles: list[Article] = []
    for _ in range(15):
        articles.append(new_article(articles))
    finder = DuplicateFinder()
    for _ in range(60):
        _found(finder, articles)
        assert without_duplicates(articles, finder) == without_duplicates(articles)
        articles = list(articles)
        edit = generator.randrange(6)
        if edit == 0:
            articles[generator.randrange(len(articles))] = new_article(articles)
        elif edit == 1 and len(articles) > 2:
            del articles[generator.randrange(len(articles))]
        elif edit == 2:
            articles.insert(generator.randrange(len(articles) + 1), new_article(articles))
        elif edit == 3:
            generator.shuffle(articles)
        elif edit == 4:
            articles.append(generator.choice(articles))  # the same object listed twice
        else:
            index = generator.randrange(len(articles))
            articles[index] = _reread(articles[index])


# -----------------------------------------------------------------------------
# In the built site
# -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def duplicate_site(tmp_path_factory):
    """A site from one article dumped twice and two different articles with one headline."""
    text = ORIGINAL.read_text(encoding="utf-8")
    generator = random.Random(7)
    same_headline = [
        "\n\n".join(["Defectors detained near the border", "By Jane Doe", "March 3, 2019",
                     *(_random_paragraph(generator) for _ in range(5))]) + "\n"
        for _ in range(2)
    ]
    seeds = {"000_original.txt": text.encode(), "001_redump.txt": _redumped(text).encode("utf-16"),
             "002_first.txt": same_headline[0].encode(), "003_second.txt": same_headline[1].encode()}
    return build_project(tmp_path_factory.mktemp("duplicates"), seeds)


def test_an_article_dumped_twice_gives_one_page_and_a_warning_naming_both(duplicate_site):
    assert duplicate_site.returncode == 0, duplicate_site.log
    warnings = [line for line in duplicate_site.log.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1 and "seeds/000_original.txt" in warnings[0] and "seeds/001_redump.txt" in warnings[0]
    pages = _pages_headed(duplicate_site, "China Produces Fake N.Korean Defectors")
    assert len(pages) == 1


def test_two_articles_with_one_headline_get_two_pages_at_distinct_urls(duplicate_site):
    pages = _pages_headed(duplicate_site, "Defectors detained near the border")
    assert len(pages) == 2 and len({path.parent for path in pages}) == 2
