"""Metadata: headline, byline, date, dateline, footnotes and source read from cleaned text."""
from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.cleaning import clean
from newsarchive.metadata import extract_article
from newsarchive.publications import load_publications
from newsarchive.structure.article import Article, SeedText

PARAGRAPHS = [
    "The ministry said on Tuesday that the number of people who crossed the border had risen sharply this year.",
    "Officials in the province told reporters that they had not been informed of any change in the policy.",
    "Human rights groups have long argued that those sent back face harsh punishment when they return home.",
]


# The article made from a dump with the given header lines above three paragraphs
def _article(header: str, footer: str = "") -> Article:
    text = header + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n\n" + footer
    return extract_article(clean(SeedText("seeds/test.txt", text, "utf-8", "0" * 64)), load_publications())


def test_headline_byline_and_date_above_the_body() -> None:
    article = _article("Home\nWorld\n\nBorder crossings rise as patrols thin out\n\nBy JANE DOE and John Roe\n\nMarch 3, 2020")
    assert article.title == "Border crossings rise as patrols thin out"
    assert article.authors == ["Jane Doe", "John Roe"]
    assert article.date == dt.date(2020, 3, 3)
    assert [block.text for block in article.body] == PARAGRAPHS
    assert any(edit.action == "moved" and edit.before == "By JANE DOE and John Roe" for edit in article.edits)


@pytest.mark.parametrize(
    ("line", "authors", "role"),
    [
        ("By KOICHIRO ISHIDA/ Correspondent", ["Koichiro Ishida"], "Correspondent"),
        ("By Eric Levitz@EricLevitz", ["Eric Levitz"], ""),
        ("By Alexandra Tremayne-Pengelly • 11/08/23 5:19pm", ["Alexandra Tremayne-Pengelly"], ""),
        ("09.09.2016 Author: Konstantin Asmolov", ["Konstantin Asmolov"], ""),
        ("By Grace Zokovitch | gzokovitch@example.com", ["Grace Zokovitch"], ""),
    ],
)
def test_byline_shapes(line: str, authors: list[str], role: str) -> None:
    article = _article(f"A headline about the border region\n\n{line}")
    assert article.authors == authors
    assert article.author_role == role


def test_role_on_its_own_line() -> None:
    article = _article("A headline about the border region\n\nBy Wendy Teo\n\nSouth Korea Correspondent\n\nJanuary 01, 2024")
    assert article.authors == ["Wendy Teo"] and article.author_role == "South Korea Correspondent"
    assert article.title == "A headline about the border region"


def test_photo_credit_is_not_a_byline() -> None:
    article = _article("A headline about the border region\n\nPhotography by John Flawed")
    assert article.authors == [] and article.credits == ["Photography by John Flawed"]


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("August 05, 2016 08:26", dt.date(2016, 8, 5)),
        ("18 Nov 2019, 19:09", dt.date(2019, 11, 18)),
        ("09.09.2016", dt.date(2016, 9, 9)),
        ("2019-11-20T10:43:00", dt.date(2019, 11, 20)),
        ("Wednesday 20 November 2019 9:22 am", dt.date(2019, 11, 20)),
    ],
)
def test_date_shapes(line: str, date: dt.date) -> None:
    assert _article(f"A headline about the border region\n\n{line}").date == date


def test_published_date_preferred_to_updated() -> None:
    article = _article("A headline about the border region\n\nUpdated: 19 November 2019\n\nPublished: 18 November 2019")
    assert article.date == dt.date(2019, 11, 18)


def test_date_at_the_end() -> None:
    assert _article("A headline about the border region", "Posted on April 3, 2012").date == dt.date(2012, 4, 3)


def test_dateline_is_read_but_text_kept() -> None:
    article = extract_article(
        clean(SeedText("seeds/t.txt", "A headline about it all\n\nNEW YORK (Reuters) - " + PARAGRAPHS[0], "utf-8", "")),
        load_publications(),
    )
    assert article.dateline == "New York"
    assert article.body[0].text.startswith("NEW YORK (Reuters) - ")


def test_publication_needs_evidence_outside_the_story() -> None:
    mentioned = _article("A headline about the border region\n\nBy Jane Doe", "")
    assert mentioned.publication is None
    credited = _article("A headline about the border region", "Copyright © Yonhap News Agency")
    assert credited.publication is not None and credited.publication.slug == "yonhap"


def test_no_headline_gives_a_warning() -> None:
    article = _article("")
    assert article.title and any("no headline" in warning for warning in article.warnings)
