"""The five real seeds come out as the articles an editor expects (golden checks)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsarchive.cleaning import clean
from newsarchive.metadata import extract_article
from newsarchive.publications import load_publications
from newsarchive.reading import read_seed
from newsarchive.structure.article import Article, BlockKind

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


# The article made from the seed whose file name starts with `prefix`
def _article(prefix: str) -> Article:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return extract_article(clean(read_seed(path, f"seeds/{path.name}")), load_publications())


# All the text a reader sees in the body, blocks joined
def _body_text(article: Article) -> str:
    return "\n".join(block.text for block in article.body)


@pytest.fixture(scope="module")
def chosun() -> Article:
    return _article("000")


@pytest.fixture(scope="module")
def asmolov() -> Article:
    return _article("001")


@pytest.fixture(scope="module")
def asahi() -> Article:
    return _article("002")


@pytest.fixture(scope="module")
def refugee_problem() -> Article:
    return _article("003")


@pytest.fixture(scope="module")
def straits() -> Article:
    return _article("004")


def test_000_metadata(chosun: Article) -> None:
    assert chosun.title == "China Produces Fake N.Korean Defectors"
    assert chosun.authors == ["Kim Myong-song"]
    assert chosun.date == dt.date(2016, 8, 5)
    assert chosun.publication is not None and chosun.publication.name == "The Chosun Ilbo"


def test_000_furniture_gone(chosun: Article) -> None:
    body = _body_text(chosun)
    for furniture in ("Copyright", "Previous Next", "All Headlines Back to Top"):
        assert furniture not in body
    assert chosun.body[0].text.startswith("China is rolling out fake North Korean defectors")
    assert chosun.body[-1].text.endswith("a spokesman for a human rights group said.")


def test_001_metadata(asmolov: Article) -> None:
    assert asmolov.title == "“Mass Exodus” of North Koreans: a Reality or Myth?"
    assert asmolov.authors == ["Konstantin Asmolov"]
    assert asmolov.date == dt.date(2016, 9, 9)
    assert asmolov.publication is not None and asmolov.publication.name == "New Eastern Outlook"


def test_001_spam_prompts_and_digit_run_gone(asmolov: Article) -> None:
    body = _body_text(asmolov)
    assert "casino" not in body
    assert "Please select digest to download:" not in body
    assert "34234234123123" not in body
    assert asmolov.body[0].text.startswith("Summer 2016 was marked by a series of high-profile defections")
    assert asmolov.body[0].text.endswith("they can hardly be classified as provocations.")
    rules = {edit.rule for edit in asmolov.edits}
    assert {"spam", "download-prompt", "digit-run"} <= rules


def test_001_lost_table_is_an_editorial_note(asmolov: Article) -> None:
    notes = [block for block in asmolov.body if block.kind is BlockKind.EDITORIAL_NOTE]
    assert len(notes) == 1
    assert "table" in notes[0].text and "not preserved" in notes[0].text
    assert "Prior to 1970" not in _body_text(asmolov)
    assert all(block.text.strip() for block in asmolov.body)
    index = asmolov.body.index(notes[0])
    assert asmolov.body[index - 1].text.endswith("The table below summarizes the numbers of North Korean defectors to the ROK.")
    assert asmolov.body[index + 1].text.startswith("In 2015, 1,277 North Koreans fled")


def test_001_author_note(asmolov: Article) -> None:
    assert asmolov.author_note.startswith("Konstantin Asmolov, Ph.D, Chief Research Fellow")
    assert "Konstantin Asmolov, Ph.D" not in _body_text(asmolov)


def test_002_metadata(asahi: Article) -> None:
    assert asahi.title == "Beijing allowing N. Korean officials to capture defectors on Chinese side of border"
    assert asahi.authors == ["Koichiro Ishida"]
    assert asahi.author_role == "Correspondent"
    assert asahi.date == dt.date(2014, 8, 15)
    assert asahi.publication is not None and asahi.publication.name == "The Asahi Shimbun"
    assert asahi.dateline == "Shenyang, China"
    assert asahi.body[0].text.startswith("SHENYANG, China--North Korean agents are searching")


def test_002_caption_once_and_widgets_gone(asahi: Article) -> None:
    captions = [block for block in asahi.body if block.kind is BlockKind.CAPTION]
    assert len(captions) == 1 and captions[0].text.startswith("The Yalu river in China's Liaoning province")
    paragraphs = "\n".join(block.text for block in asahi.paragraphs)
    assert "Yalu river" not in paragraphs
    body = _body_text(asahi)
    for furniture in ("submit to reddit", "• 1", "Toggle", "More AJW", "KOICHIRO", "Correspondent"):
        assert furniture not in body


def test_003_metadata(refugee_problem: Article) -> None:
    assert refugee_problem.title == "China and its North Korean Refugee Problem"
    assert refugee_problem.authors == []
    assert refugee_problem.credits == ["Photography by John Flawed"]
    assert refugee_problem.date == dt.date(2012, 4, 3)
    assert "Share |" not in _body_text(refugee_problem)
    assert "Posted on" not in _body_text(refugee_problem)


def test_003_footnotes(refugee_problem: Article) -> None:
    assert [note.number for note in refugee_problem.footnotes] == [1, 2, 3, 4]
    assert refugee_problem.footnotes[0].text.startswith("Stephen Haggard and Marcus Noland")
    assert refugee_problem.footnotes[1].text == "Ibid, pp. 17-18."
    refs = {ref.number: (block, ref) for block in refugee_problem.body for ref in block.footnote_refs}
    assert sorted(refs) == [1, 2, 3, 4]
    for number, ending in ((1, "refugee conventions."), (2, "hard labor."), (3, "traitors and criminals."),
                           (4, "escaping to China.")):
        block, ref = refs[number]
        assert block.text[: ref.offset].endswith(ending)
    body = _body_text(refugee_problem)
    assert "conventions.1" not in body and "criminals.3" not in body
    assert "In 2011 over 2,737 North Koreans" in body and "since the 1953 truce" in body
    assert "Stephen Haggard" not in body


def test_004_metadata(straits: Article) -> None:
    assert straits.title == "China unlikely to cave under pressure to stop sending North Korean defectors back: Observers"
    assert straits.authors == ["Wendy Teo"]
    assert straits.author_role == "South Korea Correspondent"
    assert straits.date == dt.date(2024, 1, 1)
    assert straits.dateline == "Seoul"
    assert straits.publication is None  # only named as interview venues inside the story


def test_004_page_furniture_gone(straits: Article) -> None:
    body = _body_text(straits)
    assert "top of page" not in body and "bottom of page" not in body
    assert straits.body[-1].text.startswith("“It might be a bit embarrassing")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_removal_is_recorded(prefix: str) -> None:
    article = _article(prefix)
    assert article.edits
    assert all(edit.rule and edit.action in {"removed", "changed", "moved"} for edit in article.edits)
