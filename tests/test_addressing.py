"""URLs are readable, stable and unique, never made from the seed's hash name."""
from __future__ import annotations

import datetime as dt

from newsarchive.addressing import assign_page_paths, slugify
from newsarchive.structure.article import Article, Block, BlockKind


def _article(seed: str, title: str, date: dt.date | None) -> Article:
    return Article(seed_path=seed, title=title, body=[Block(BlockKind.PARAGRAPH, "Text.")], date=date)


def test_slug_is_ascii_words_of_the_headline():
    assert slugify("“Mass Exodus” of North Koreans: a Reality or Myth?") == "mass-exodus-of-north-koreans-a-reality-or-myth"
    assert slugify("China Produces Fake N.Korean Defectors") == "china-produces-fake-n-korean-defectors"


def test_slug_of_text_without_latin_letters_falls_back():
    assert slugify("탈북민 강제송환") == "article"


def test_long_slug_is_cut_at_a_word_boundary():
    slug = slugify("word " * 40)
    assert len(slug) <= 96 and not slug.endswith("-") and slug.endswith("word")


def test_page_path_uses_year_and_headline_not_file_name():
    paths = assign_page_paths([_article("seeds/000_de70b2de4758b334.txt", "China Produces Fake N.Korean Defectors", dt.date(2016, 8, 5))])
    assert paths == {"seeds/000_de70b2de4758b334.txt": "articles/2016/china-produces-fake-n-korean-defectors.md"}


def test_same_headline_gets_distinct_stable_urls():
    articles = [_article(f"seeds/{n}.txt", "Same headline", dt.date(2020, 1, 1)) for n in ("b", "a")]
    paths = assign_page_paths(articles)
    assert paths["seeds/a.txt"] == "articles/2020/same-headline.md"
    assert paths["seeds/b.txt"] == "articles/2020/same-headline-2.md"
    assert assign_page_paths(reversed(articles)) == paths


def test_undated_article_has_its_own_folder():
    assert assign_page_paths([_article("seeds/x.txt", "No date", None)])["seeds/x.txt"] == "articles/undated/no-date.md"


def test_relative_link_agrees_with_posixpath_relpath_on_site_paths():
    import itertools
    import posixpath

    from newsarchive.addressing import relative_link

    paths = ["index.md", "feed.xml", "topics/index.md", "topics/sanctions.md", "topics/sanctions/2019.md",
             "articles/2016/a.md", "articles/2016/b.md", "articles/2017/a.md", "articles/index.md", "a/bc/d.md", "a/b.md"]
    for target, page in itertools.product(paths, repeat=2):
        assert relative_link(target, page) == posixpath.relpath(target, posixpath.dirname(page) or "."), (target, page)
