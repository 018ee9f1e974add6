"""Metadata: headline, byline, date, dateline, footnotes and source read from cleaned text."""
from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.cleaning import clean
from newsarchive.metadata import extract_article, is_organisation_name
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


def test_video_kicker_is_a_headline_not_a_photo_credit() -> None:
    article = _article("VIDEO: Voting on the Housing Authority's Future\n\nBy Tatyana Turner.\n\nPublished November 8, 2023")
    assert article.title == "VIDEO: Voting on the Housing Authority's Future"
    assert article.authors == ["Tatyana Turner"]


def test_a_standfirst_does_not_beat_the_headline_above_it() -> None:
    header = ("Brothel catering to politicians busted in Boston\n\nJohns paid up to $600 an hour for services\n\n"
              "The acting attorney speaks during a press conference on Wednesday. (Photo by Jane Roe/Herald Staff)\n\n"
              "By Grace Zokovitch\n\nNovember 8, 2023")
    assert _article(header).title == "Brothel catering to politicians busted in Boston"


def test_a_kicker_that_prefixes_other_headlines_gets_no_repeat_bonus() -> None:
    header = ("Home\n\nBand Unites With Former Frontman for Anniversary Tour\n\nBy Ryan Reed\n\nNovember 19, 2019\n\n"
              "The Band\n")
    footer = "Related\n\nThe Band: Lighting Up With the Stars of a Comedy Film in a Long Run\n"
    assert _article(header, footer).title == "Band Unites With Former Frontman for Anniversary Tour"


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("AFP/The Local - [email protected]", ["AFP/The Local"]),
        ("ByJ.R. Stone KGO logo", ["J.R. Stone"]),
        ("By Jessica Holly, Gail Levy, 7 News WSVN", ["Jessica Holly", "Gail Levy", "7 News WSVN"]),
    ],
)
def test_agency_and_station_bylines(line: str, authors: list[str]) -> None:
    article = _article(f"A headline about the border region\n\n{line}")
    assert article.authors == authors and article.author_role == ""


def test_a_section_name_beside_the_date_is_not_an_author() -> None:
    article = _article("City Talk\n\nWednesday 20 November 2019 9:22 am\n\nA headline about the border region\n\nAnna Menin")
    assert article.authors == ["Anna Menin"]


def test_warnings_do_not_carry_the_seed_path() -> None:
    assert all("seeds/" not in warning for warning in _article("").warnings)


def test_an_agency_credit_far_below_the_article_is_another_story() -> None:
    footer = "\n\n".join(["Share", "Tags: border", "Posted in News", "Comments", "Leave a reply", "Name", "Website",
                          "Related", "Floods hit the north (Reuters)"])
    assert _article("A headline about the border region\n\nBy Jane Doe", footer).publication is None
    credited = _article("A headline about the border region", "Copyright © Yonhap News Agency\n\n" + footer)
    assert credited.publication is not None and credited.publication.slug == "yonhap"


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Reuters", ["Reuters"]),
        ("By AFP", ["AFP"]),
        ("By Kashmira Gander On 11/13/19 at 4:00 PM EST", ["Kashmira Gander"]),
        ("By Jane Doe, updated 5 hours ago", ["Jane Doe"]),
    ],
)
def test_organisation_bylines_and_bylines_that_say_when(line: str, authors: list[str]) -> None:
    article = _article(f"A headline about the border region\n\n{line}\n\nNov. 20, 2019, 9:28 AM UTC")
    assert article.authors == authors


def test_a_lone_line_of_names_beside_the_date_credits_all_of_them() -> None:
    article = _article("A headline about the border region\n\nKevin Johnson and Kevin McCoy USA TODAY\n\n"
                       "Published 7:07 PM EST Nov 19, 2019")
    assert article.authors == ["Kevin Johnson", "Kevin McCoy"]


def test_a_lone_name_line_is_not_read_from_a_headline_or_a_button() -> None:
    article = _article("Learn More\n\nGigantic Chinese telescope opens to astronomers worldwide\n\n"
                       "Kevin Johnson and Kevin McCoy USA TODAY\n\nPublished 7:07 PM EST Nov 19, 2019")
    assert article.authors == ["Kevin Johnson", "Kevin McCoy"]
    headline_only = _article("Gigantic Chinese telescope opens to astronomers worldwide\n\n18 Nov 2019")
    assert headline_only.authors == []


def test_a_menu_entry_beside_the_date_is_not_an_author() -> None:
    menu = "\n".join(f"• {entry}" for entry in ("Latest Highlights", "Hometown Hockey", "Our Best Stories"))
    article = _article(f"{menu}\n\nHometown Hockey\n\nA headline about the border region\n\nNovember 19, 2019, 9:02 AM")
    assert article.authors == []
    listed_byline = _article("A headline about the border region\n\n• Debbie White\n\n• 18 Nov 2019, 19:09")
    assert listed_byline.authors == ["Debbie White"]


def test_names_beside_dates_after_the_article_are_other_stories() -> None:
    footer = "\n\n".join(["Related stories", "Delhi Pollution", "19 November 2019", "Andy Murray", "12 Nov 2019, 2:30pm"])
    article = _article("A headline about the border region\n\nMarch 3, 2020", footer)
    assert article.authors == []


@pytest.mark.parametrize(
    ("name", "publication", "organisation"),
    [
        ("Reuters", "Reuters", True),
        ("AFP/The Local", "", True),
        ("European Space Agency", "", True),
        ("7 News WSVN", "", True),
        ("HNN Staff", "", True),
        ("Daily NK", "", True),
        ("Kim Myong-song", "Daily NK", False),
        ("J.R. Stone", "", False),
        ("Leah C. Stokes", "", False),
        ("KOICHIRO ISHIDA", "", False),
    ],
)
def test_organisation_authors_are_told_from_people(name: str, publication: str, organisation: bool) -> None:
    assert is_organisation_name(name, publication) is organisation


def test_a_long_byline_gives_its_date_and_an_update_after_it_does_not_win() -> None:
    byline = "By HNN Staff | November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM"
    footer = "\n\n".join(["More stories", "Another story entirely", "Published November 19, 2019 at 6:56 PM"])
    article = _article(f"A headline about the border region\n\n{byline}", footer)
    assert article.date == dt.date(2019, 11, 18)
    assert article.authors == ["HNN Staff"]


def test_a_year_glued_to_a_time_is_still_a_date() -> None:
    article = _article("A headline about the border region\n\nPublished Wed, Nov 20 20194:29 AM ESTUpdated an hour ago")
    assert article.date == dt.date(2019, 11, 20)


@pytest.mark.parametrize(
    ("credit", "authors"),
    [
        ("Reported by Jieun Kim for RFA’s Korean Service. Translated by Leejin Jun. Written in English by Eugene Whong.",
         ["Jieun Kim"]),
        ("(Reporting by Josh Smith; Editing by Lincoln Feast)", ["Josh Smith"]),
        ("Reporting by Josh Smith in Seoul; Additional reporting by Ju-min Park; Editing by Lincoln Feast", ["Josh Smith"]),
    ],
)
def test_a_closing_reporting_credit_names_the_authors_and_becomes_a_note(credit: str, authors: list[str]) -> None:
    article = _article("A headline about the border region\n\nOctober 10, 2023", credit)
    assert article.authors == authors
    assert article.author_note == credit
    assert [block.text for block in article.body] == PARAGRAPHS
    assert any(edit.action == "moved" and edit.before == credit for edit in article.edits)


def test_a_closing_credit_does_not_replace_the_byline() -> None:
    article = _article("A headline about the border region\n\nBy Jane Doe\n\nOctober 10, 2023", "Translated by Leejin Jun.")
    assert article.authors == ["Jane Doe"] and article.author_note == "Translated by Leejin Jun."


@pytest.mark.parametrize("line", ["By Jeong Tae-joo - 2023.10.10 3:00pm", "2023/10/10 15:00", "Posted 2023.10.10"])
def test_year_first_dates_as_korean_and_japanese_sites_print_them(line: str) -> None:
    assert _article(f"A headline about the border region\n\n{line}").date == dt.date(2023, 10, 10)


def test_a_closing_sentence_that_starts_like_a_credit_stays_in_the_body() -> None:
    closing = "Written by hand in 1950, the letter was found in a drawer in Yanji last year."
    article = _article("A headline about the border region\n\nOctober 10, 2023", closing)
    assert article.body[-1].text == closing and article.author_note == ""


def test_a_wire_dateline_with_its_date_and_a_reporters_address_after_the_story() -> None:
    text = "SEOUL, Oct. 10 (Yonhap) -- " + PARAGRAPHS[0]
    article = extract_article(clean(SeedText("seeds/t.txt", "\n\n".join(
        ["North Korea fires a missile", "October 10, 2023", text, *PARAGRAPHS[1:], "(END)", "kdh@yna.co.kr"]) + "\n",
        "utf-8", "0" * 64)), load_publications())
    assert article.dateline == "Seoul"
    assert article.body[0].text == text and article.body[-1].text == PARAGRAPHS[-1]
    assert article.publication is not None and article.publication.slug == "yonhap"


def test_additional_reporting_credits_no_author() -> None:
    article = _article("A headline about the border region\n\nOctober 10, 2023", "Additional reporting by Joseph Hudak")
    assert article.authors == [] and article.author_note == "Additional reporting by Joseph Hudak"


def test_a_lone_name_with_its_social_handle_beside_the_date() -> None:
    article = _article("A headline about the border region\n\nNishant Kumar @Nishantopines\n\nOctober 10, 2023")
    assert article.authors == ["Nishant Kumar"]


def test_a_standfirst_kept_apart_under_the_headline_is_read() -> None:
    article = _article("Home\n\nWorld\n\nBorder crossings rise as patrols thin out\n\n"
                       "Rights groups say about 60 were sent back from Jilin province.\n\nBy Jane Doe for RFA Korean\n\n"
                       "2023.10.12\n\nShare on Facebook\n\nEmail")
    assert article.title == "Border crossings rise as patrols thin out"
    assert article.standfirst == "Rights groups say about 60 were sent back from Jilin province."
    assert article.summary == article.standfirst
    assert [block.text for block in article.body] == PARAGRAPHS


def test_no_standfirst_when_the_text_starts_under_the_headline() -> None:
    article = _article("Border crossings rise as patrols thin out\n\nBy Jane Doe\n\nMarch 3, 2020")
    assert article.standfirst == "" and article.summary.startswith("The ministry said on Tuesday")


def test_a_line_below_the_byline_or_about_the_page_is_no_standfirst() -> None:
    below = _article("Border crossings rise as patrols thin out\n\nBy Jane Doe for RFA Korean\n\n2023.10.12\n\n"
                     "Kim Jong Un waves to the crowd in Pyongyang on Monday.\n\nShare on Facebook\n\nEmail")
    assert below.standfirst == ""
    notice = _article("Border crossings rise as patrols thin out\n\nThis article is more than 2 years old.\n\n"
                      "By Jane Doe for RFA Korean\n\n2023.10.12\n\nShare on Facebook\n\nEmail")
    assert notice.standfirst == ""
