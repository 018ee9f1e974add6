"""One article arriving as a text dump and as a saved web page folds into one page, with the page's metadata."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsarchive.corpus import build_corpus
from newsarchive.deduplication import find_duplicates, without_duplicates
from newsarchive.publications import load_publications
from newsarchive.structure.article import Article, Block, BlockKind, Publication
from sitebuild import build_project

FIXTURES = Path(__file__).parent / "fixtures"
SAVED_PAGE = FIXTURES / "saved_page.html"
DUMP = FIXTURES / "saved_page_dump.txt"
CANONICAL = "https://www.koreaherald.com/view.php?ud=20240312000611"
BODY = [f"Paragraph {number} of the same article about defectors returned from China to North Korea, told at length."
        for number in range(8)]


# An article with the given paragraphs and metadata
def _article(seed: str, paragraphs: list[str], **metadata) -> Article:
    return Article(seed_path=seed, title=metadata.pop("title", "A headline"),
                   body=[Block(BlockKind.PARAGRAPH, text) for text in paragraphs], **metadata)


def test_a_dump_folds_into_its_saved_page_whose_metadata_wins(tmp_path):
    (tmp_path / "a_dump.txt").write_bytes(DUMP.read_bytes())
    (tmp_path / "b_page.html").write_bytes(SAVED_PAGE.read_bytes())
    corpus = build_corpus(tmp_path, load_publications())
    [placed] = corpus.articles
    assert placed.article.seed_path.endswith("b_page.html")
    assert placed.article.authors == ["Park Min-ji", "Lee Jung-hoon"]  # the dump's byline names one of them
    assert placed.article.publication.slug == "korea-herald" and placed.article.source_url == CANONICAL
    assert [problem for problem in corpus.problems if "a_dump.txt" in problem] == []
    [note] = [note for note in corpus.notes if "a_dump.txt" in note]
    assert "folded into the saved web page" in note and "b_page.html" in note


def test_the_fold_keeps_the_body_with_the_most_words_and_fills_what_the_page_lacks():
    page = _article("seeds/page.html", BODY[:7], title="Page headline", authors=["Park Min-ji"],
                    source_url=CANONICAL, publication=Publication("korea-herald", "The Korea Herald"))
    dump = _article("seeds/dump.txt", BODY, title="Dump headline", authors=["Somebody Else"], dateline="Seoul",
                    date=dt.date(2024, 3, 12))
    [folded], [duplicate] = without_duplicates([dump, page])
    assert (duplicate.kept, duplicate.dropped, duplicate.folded) == ("seeds/page.html", "seeds/dump.txt", True)
    assert (folded.seed_path, folded.title, folded.authors, folded.source_url) == (
        "seeds/page.html", "Page headline", ["Park Min-ji"], CANONICAL)
    assert folded.date.isoformat() == "2024-03-12"  # the page had none
    assert [block.text for block in folded.body] == BODY and folded.dateline == "Seoul"


def test_a_kept_finder_folds_the_same_page_and_dump_into_the_same_article_until_one_changes():
    from newsarchive.deduplication import DuplicateFinder

    page = _article("seeds/page.html", BODY[:7], title="Page headline")
    dump = _article("seeds/dump.txt", BODY, title="Dump headline")
    finder = DuplicateFinder()
    [first], _ = without_duplicates([dump, page], finder=finder)
    [again], _ = without_duplicates([dump, page], finder=finder)
    assert again is first  # under `mkdocs serve` an unchanged fold is not a new article on every rebuild
    edited = _article("seeds/dump.txt", [*BODY, "One more paragraph an editor added to the dump of the article."])
    [changed], _ = without_duplicates([edited, page], finder=finder)
    assert changed is not first and changed.body[-1].text.startswith("One more paragraph")


def test_duplicates_without_a_saved_page_or_between_saved_pages_stay_warnings():
    dumps = find_duplicates([_article("seeds/a.txt", BODY), _article("seeds/b.txt", BODY)])
    pages = find_duplicates([_article("seeds/a.html", BODY), _article("seeds/b.htm", BODY)])
    assert [duplicate.folded for duplicate in dumps + pages] == [False, False]
    assert "duplicate of" in dumps[0].message and "folded" not in pages[0].message


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = build_project(tmp_path_factory.mktemp("folding"),
                         {"a_dump.txt": DUMP.read_bytes(), "b_page.html": SAVED_PAGE.read_bytes()}, strict=True)
    assert site.returncode == 0, site.log  # strict: a fold is a note, not a warning
    return site


def test_the_folded_article_has_one_page_and_the_build_log_notes_the_fold(built):
    assert len(built.article_pages()) == 1
    assert "a_dump.txt: folded into the saved web page" in built.log
    assert f'href="{CANONICAL}"' in built.page("articles/2024/families-of-repatriated-defectors-plead-with-beijing/index.html")
