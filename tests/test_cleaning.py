"""Cleaning: furniture goes, article text stays word for word, every removal is recorded."""
from __future__ import annotations

import textwrap

import pytest

from newsarchive.cleaning import LOST_TABLE_NOTE, clean
from newsarchive.furniture import furniture_rule
from newsarchive.structure.article import BlockKind, CleanedText, SeedText

PARAGRAPHS = [
    "The ministry said on Tuesday that the number of people who crossed the border had risen sharply this year.",
    "Officials in the province told reporters that they had not been informed of any change in the policy.",
    "Human rights groups have long argued that those sent back face harsh punishment when they return home.",
]


# A cleaned seed made from the given text
def _clean(text: str) -> CleanedText:
    return clean(SeedText("seeds/test.txt", text, "utf-8", "0" * 64))


# The body texts of a cleaned seed
def _body(cleaned: CleanedText) -> list[str]:
    return [line.text for line in cleaned.body]


def test_paragraphs_survive_verbatim_and_menus_go() -> None:
    menu = "Home\nWorld\nPolitics\nBusiness\nSign in\nSubscribe\n"
    footer = "Share |\nBack to Top\nCopyright © Example News 2024. All rights reserved.\n"
    cleaned = _clean(menu + "\n" + "\n\n".join(PARAGRAPHS) + "\n\n" + footer)
    assert _body(cleaned) == PARAGRAPHS
    removed = {edit.before for edit in cleaned.edits if edit.action == "removed"}
    assert {"Share |", "Back to Top", "Sign in"} <= removed


def test_w3m_wrapped_lines_are_joined() -> None:
    long_paragraph = " ".join(PARAGRAPHS * 3)
    wrapped, line = [], ""
    for word in long_paragraph.split():
        if len(line) + 1 + len(word) > 79:
            wrapped.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    wrapped.append(line)
    cleaned = _clean("\n".join(wrapped) + "\n\nThe end of the story.\n")
    assert _body(cleaned)[0] == long_paragraph
    assert cleaned.body[0].number == 1 and cleaned.body[0].last == len(wrapped)


def test_lynx_indentation_and_bullets_are_taken_off() -> None:
    text = "   * News\n   * Sport\n   (BUTTON) Menu\n   ____________\n\n" + "\n\n".join(f"   {p}" for p in PARAGRAPHS)
    cleaned = _clean(text)
    assert _body(cleaned) == PARAGRAPHS
    assert {"form-field"} <= {edit.rule for edit in cleaned.edits}


def test_glued_digit_run_is_repaired() -> None:
    cleaned = _clean("1234567890123Summer " + PARAGRAPHS[0][0].lower() + PARAGRAPHS[0][1:] + "\n\n" + PARAGRAPHS[1])
    assert cleaned.body[0].text.startswith("Summer the ministry said")
    assert any(edit.rule == "digit-run" and edit.action == "changed" for edit in cleaned.edits)


def test_lost_table_becomes_an_editorial_note() -> None:
    text = PARAGRAPHS[0] + "\n\nPrior to 1970 1" + "\n" * 30 + PARAGRAPHS[1] + "\n\n" + PARAGRAPHS[2]
    cleaned = _clean(text)
    kinds = [line.kind for line in cleaned.body]
    assert kinds == [BlockKind.PARAGRAPH, BlockKind.EDITORIAL_NOTE, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]
    assert cleaned.body[1].text == LOST_TABLE_NOTE


def test_repeated_caption_is_kept_once_as_caption() -> None:
    caption = "A river on the border between the two countries, seen from the northern bank. (File photo)"
    text = "\n\n".join(PARAGRAPHS) + f"\n\n{caption}\n\n{caption}\n  • {caption}\n"
    cleaned = _clean(text)
    captions = [line for line in cleaned.body if line.kind is BlockKind.CAPTION]
    assert [line.text for line in captions] == [caption]
    assert sum(1 for edit in cleaned.edits if edit.rule == "repeated-line") == 2


def test_runs_of_other_headlines_inside_the_article_go() -> None:
    related = "Most read\nMinister resigns over budget row\nFloods hit the north again\nStars turn out for gala night\n"
    text = f"{PARAGRAPHS[0]}\n\n{related}\n{PARAGRAPHS[1]}\n\n{PARAGRAPHS[2]}\n"
    cleaned = _clean(text)
    assert _body(cleaned) == PARAGRAPHS


def test_headline_and_byline_stay_above_the_body() -> None:
    text = "A headline about the border\n\nBy Jane Doe\n\nMarch 3, 2020\n\n" + "\n\n".join(PARAGRAPHS)
    cleaned = _clean(text)
    assert [line.text for line in cleaned.before] == ["A headline about the border", "By Jane Doe", "March 3, 2020"]
    assert _body(cleaned) == PARAGRAPHS


def test_furniture_rules_name_kinds_of_furniture() -> None:
    assert furniture_rule("Previous Next") == "navigation"
    assert furniture_rule("submit to reddit") == "share-widget"
    assert furniture_rule("• 1") == "counter"
    assert furniture_rule("Copyright © Chosunilbo &") == "copyright"
    assert furniture_rule("Please select digest to download:") == "download-prompt"
    assert furniture_rule("Read more: Alibaba poised to launch listing") == "promo"
    assert furniture_rule("Advertisement") == "advertisement"
    assert furniture_rule(PARAGRAPHS[0]) == ""


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Post navigation", "navigation"),
        ("PREVIOUS Cost-of-living adjustment for retired teachers passes", "navigation"),
        ("Next article: Floods hit the north", "navigation"),
        ("Wordcount: 717", "counter"),
        ("Read: Two disasters are exponentially worse than one", "promo"),
        ("Tagged Amazon, Amazon.com, Superior Court", "tags-line"),
        ("The reCAPTCHA verification period has expired. Please reload the page.", "browser-notice"),
        ("Support Snopes and make a difference for readers everywhere.", "donation-appeal"),
        ("We do this work every day at no cost to you, but it is far from free to produce.", "donation-appeal"),
        ("20 thoughts on “Amazon liable for defective products”", "comment-thread"),
        ("Leave a Reply", "comment-thread"),
        ("(END)", "end-mark"),
        ("To reach the reporter behind this story, contact jane@example.org. To reach the editor, contact ed@example.org.",
         "feedback"),
        ("kdh@yna.co.kr", "contact"),
        ("ⓒ Korea JoongAng Daily", "copyright"),
        ("Read this article in Korean", "language-version"),
        ("Please direct any comments or questions about this article to desk@example.com.", "feedback"),
        ("Korean officials said the English version of the report would follow in May.", ""),
        ("These Atomic Bomb Tests Used U.S. Troops as Guinea Pigs (3:29)", "image-placeholder"),
        ("Preview thumbnail for video'How Fast Can Gibbons Swing Through the Forest?", "image-placeholder"),
        ("Support for the policy has grown among our neighbours, the ministry said.", ""),
        ("Tagged by police as a leader of the gang, he was sent back in 2019.", ""),
        ("NEXT STEPS FOR DEFECTORS", ""),
        ("Next post-war talks were held in Geneva, the ministry said.", ""),
        ("Next year the ministry expects the number of arrivals to fall again.", ""),
    ],
)
def test_previous_next_links_and_cms_labels_are_furniture_but_sentences_are_not(line: str, rule: str) -> None:
    assert furniture_rule(line) == rule


def test_no_article_warning_does_not_repeat_the_seed_path() -> None:
    cleaned = _clean("Home\nMenu\nSign in\n")
    assert cleaned.body == [] and cleaned.warnings == ["no article text found"]


def test_reported_sentences_that_mention_widget_words_stay() -> None:
    reported = [
        "The agency said the newsletter sent to its members had urged them to subscribe to the new rules.",
        "Investigators told reporters that the site's cookies and privacy policy had been copied from a bank.",
    ]
    assert all(furniture_rule(sentence) == "" for sentence in reported)
    assert furniture_rule("Sign up for our daily newsletter and get the best stories in your inbox.") == "newsletter"
    assert furniture_rule("This site is protected by reCAPTCHA and the Google Privacy Policy applies.") == "cookie-notice"
    cleaned = _clean("\n\n".join([PARAGRAPHS[0], reported[0], PARAGRAPHS[1], reported[1], PARAGRAPHS[2]]))
    assert _body(cleaned) == [PARAGRAPHS[0], reported[0], PARAGRAPHS[1], reported[1], PARAGRAPHS[2]]


def test_reader_prompts_are_furniture() -> None:
    assert furniture_rule("Neil Young's plan to vote suffers a setback Read more") == "promo"
    assert furniture_rule("If you enjoyed this article, we have a proposition for you: join our club.") == "promo"
    assert furniture_rule("Misinformation is a real threat. The Daily needs your help.") == "promo"
    assert furniture_rule("We want to hear what you think about this article. Submit a letter to the editor.") == "feedback"
    long_policy = (
        "When submitting content, please abide by our submission guidelines, and avoid posting profanity. "
        "Should you violate our guidelines, we reserve the right to remove your comments and to block your "
        "account from posting anything at all on this website in the future."
    )
    assert furniture_rule(long_policy) == "feedback"
    assert furniture_rule("This document is subject to copyright. Apart from any fair dealing for the purpose "
                          "of private study or research, no part may be reproduced without the written permission.") == "copyright"
    assert furniture_rule("Get access to the fastest growing subscription service for as little as a dollar a "
                          "week, use the code at checkout and read everything.") == "subscription-pitch"


def test_shouted_headlines_of_other_stories_go_but_short_capitals_stay() -> None:
    assert furniture_rule("SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'") == "shouted-headline"
    assert furniture_rule("SEOUL, SOUTH KOREA") == ""


def test_spam_needs_a_spam_phrase_or_two_spam_words() -> None:
    assert furniture_rule("casino siteleri yeni bahis siteleri deneme bonusu veren siteler") == "spam"
    assert furniture_rule("North Korean workers were sent to a casino in Macau, the report said.") == ""
    assert furniture_rule("August 8 – Tinley Park, IL @ Hollywood Casino Amphitheatre") == ""


def test_form_field_glued_to_a_sentence_is_taken_off_the_sentence() -> None:
    text = f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]} _________________\n\n{PARAGRAPHS[2]}\n"
    cleaned = _clean(text)
    assert _body(cleaned) == PARAGRAPHS
    assert any(edit.rule == "glued-form-field" and edit.action == "changed" for edit in cleaned.edits)


def test_hover_card_glued_to_a_linked_name_is_cut_out() -> None:
    glued = ("A man pleaded guilty to threatening Rep. Jane RoeJane RoeSenate passes budget | Floods hit the north "
             "Other headline here MORE (D-Minn.), prosecutors said on Monday.")
    cleaned = _clean(f"{PARAGRAPHS[0]}\n\n{glued}\n\n{PARAGRAPHS[1]}\n")
    assert _body(cleaned)[1] == "A man pleaded guilty to threatening Rep. Jane Roe (D-Minn.), prosecutors said on Monday."
    assert any(edit.rule == "hover-text" for edit in cleaned.edits)


def test_lynx_long_wrapped_lines_are_joined() -> None:
    paragraphs = [" ".join(PARAGRAPHS[i:] + PARAGRAPHS[:i]) * 3 for i in range(3)]
    wrapped = [textwrap.fill(text, width=240, initial_indent="   ", subsequent_indent="   ") for text in paragraphs]
    assert all(len(piece.split("\n")) > 1 for piece in wrapped)
    cleaned = _clean("\n\n".join(wrapped) + "\n")
    assert _body(cleaned) == paragraphs


def test_data_list_below_the_article_is_kept_as_list_items() -> None:
    dates = ["June 9 – Tampa, FL @ Coral Sky Amphitheatre", "June 10 – Raleigh, NC @ Walnut Creek",
             "July 2 – Denver, CO @ Pepsi Center", "July 19 – Toronto, ON @ Budweiser Stage"]
    text = "\n\n".join(PARAGRAPHS) + "\n\nTour Dates\n\n" + "\n".join(dates) + "\n\nHome\nSign in\nMenu\n"
    cleaned = _clean(text)
    listed = [line.text for line in cleaned.body if line.kind is BlockKind.LIST_ITEM]
    assert listed == dates


def test_cards_of_other_stories_go_with_their_blurbs() -> None:
    cards = "\n\n".join(
        f"{headline}\n\n  • 8 October 2019\n  • Fact Check\n\n{blurb}"
        for headline, blurb in [
            ("Did The Minister Divert Billions From Pensions?", "A routine review of content labelled satire."),
            ("Was The Mayor Caught On A Leaked Recording?", "The remarks were also pretty vague."),
            ("Did The Zoo Really Lose Its Only Panda?", "Visitors were told a different story."),
        ]
    )
    cleaned = _clean("\n\n".join(PARAGRAPHS) + "\n\n" + cards + "\n")
    assert _body(cleaned) == PARAGRAPHS
    assert any(edit.rule == "teaser-run" for edit in cleaned.edits)


def test_captions_in_a_row_do_not_take_the_next_paragraph_with_them() -> None:
    captions = "\n\n".join(f"[photo-{n}]\n{name} Submitted photo" for n, name in enumerate(
        ["Elizabeth A. Burton", "Victor N. Burton", "Ryan S. Hollman", "Christopher Tays"]))
    short_paragraph = "A sheriff's dog later found narcotics in the car, and officers reported finding a pistol."
    after = "\n\n".join(PARAGRAPHS * 2)
    cleaned = _clean(f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}\n\n{captions}\n\n{short_paragraph}\n\n{after}\n")
    assert short_paragraph in _body(cleaned)


def test_runs_of_truncated_headlines_go() -> None:
    teasers = "\n".join(["Minister resigns over budget row …", "Floods hit the north again …",
                         "Stars turn out for a gala night in the capital …"])
    cleaned = _clean(f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}\n\n{teasers}\n\n{PARAGRAPHS[2]}\n")
    assert _body(cleaned) == PARAGRAPHS


def test_a_short_list_the_article_introduces_with_a_colon_stays() -> None:
    items = ["Food aid for the border towns", "More patrols at night", "A hotline for families"]
    intro = "The committee listed three demands in its letter to the provincial government:"
    text = f"{PARAGRAPHS[0]}\n\n{intro}\n" + "\n".join(f"  * {item}" for item in items) + f"\n\n{PARAGRAPHS[1]}\n\n{PARAGRAPHS[2]}\n"
    cleaned = _clean(text)
    assert _body(cleaned) == [PARAGRAPHS[0], intro, *items, PARAGRAPHS[1], PARAGRAPHS[2]]
    assert [line.kind for line in cleaned.body[2:5]] == [BlockKind.LIST_ITEM] * 3
    assert furniture_rule("You might also be interested in these stories:") == "promo"


def test_an_article_of_very_short_paragraphs_is_not_judged_furniture() -> None:
    short = ["Kim crossed the river.", "Guards opened fire.", "Two men died.", "Kim reached Yanji."]
    cleaned = _clean("Home\nMenu\n\n" + "\n\n".join(short) + "\n\nSign in\n")
    assert _body(cleaned) == short


def test_numbered_list_under_a_promo_label_goes() -> None:
    most_read = "Most Read\n\n" + "\n".join(
        f"  {n}. {text}" for n, text in enumerate([
            "Tuesday's hearings were a disaster for the ruling party Even their own witnesses said damaging stuff.",
            "One of the witnesses confirmed a deal on television This may be the biggest moment so far.",
            "The speaker keeps calling the hearing a circus. It is not as clever as he thinks it is.",
        ], start=1))
    cleaned = _clean(f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}\n\n{most_read}\n\n{PARAGRAPHS[2]}\n\n{PARAGRAPHS[0]} Again.\n")
    assert _body(cleaned) == [*PARAGRAPHS, f"{PARAGRAPHS[0]} Again."]
    assert sum(1 for edit in cleaned.edits if edit.rule == "promoted-list") == 3


def test_text_right_above_a_photo_credit_is_its_caption() -> None:
    caption = "The prime minister passes a new passenger aircraft at the airshow in Dubai on Monday, Nov. 13, 2017."
    text = f"{PARAGRAPHS[0]}\n\n{caption}\nNatalie Naccache | Bloomberg | Getty Images\n\n{PARAGRAPHS[1]}\n\n{PARAGRAPHS[2]}\n"
    cleaned = _clean(text)
    kinds = {line.text: line.kind for line in cleaned.body}
    assert kinds[caption] is BlockKind.CAPTION and kinds[PARAGRAPHS[1]] is BlockKind.PARAGRAPH


def test_a_short_lead_paragraph_before_the_main_run_is_kept():
    # A one-sentence lead scores too little to join the main run of text on its own.
    text = (
        "Seoul reacts to the latest defection.\n\n"
        "The ministry said the case was under review by the government.\n\n"
        "top of page\n\n"
        + " ".join(["The officials said that the defector had crossed the river at night and was safe."] * 4)
        + "\n"
    )
    body = [line.text for line in clean(SeedText("seeds/x.txt", text, "utf-8", "")).body]
    assert "The ministry said the case was under review by the government." in body
    assert "top of page" not in body


def test_image_placeholders_glued_to_a_sentence_are_taken_off_the_sentence() -> None:
    cleaned = _clean(f"{PARAGRAPHS[0]}\n\n[lazyload-p][tweets]{PARAGRAPHS[1]}\n\n{PARAGRAPHS[2]}\n")
    assert _body(cleaned) == PARAGRAPHS
    assert any(edit.rule == "glued-image-placeholder" and edit.action == "changed" for edit in cleaned.edits)


def test_a_bracketed_number_or_an_editors_note_is_not_an_image_placeholder() -> None:
    footnote = f"[1]{PARAGRAPHS[1]}"
    cleaned = _clean(f"{PARAGRAPHS[0]}\n\n{footnote}\n\n{PARAGRAPHS[2]}\n")
    assert footnote in _body(cleaned)
    sic = f"{PARAGRAPHS[1][:-1]} [sic] and more."
    assert sic in _body(_clean(f"{PARAGRAPHS[0]}\n\n{sic}\n\n{PARAGRAPHS[2]}\n"))


def test_a_photo_credit_alone_on_its_line_is_no_subheading() -> None:
    cleaned = _clean(f"{PARAGRAPHS[0]}\n\nImage via Getty Images\n\n{PARAGRAPHS[1]}\n\n{PARAGRAPHS[2]}\n")
    kinds = {line.text: line.kind for line in cleaned.body}
    assert kinds.get("Image via Getty Images") in (BlockKind.CAPTION, None)


def test_readers_comments_after_a_comment_thread_heading_are_not_the_article() -> None:
    thread = "\n\n".join([
        "20 thoughts on “Border crossings rise”", "Jane Reader says:", "August 15, 2020 at 9:35 am",
        "That is exactly what I expected to happen after the rules changed last spring.", "Reply",
        "John Reader says:", "August 15, 2020 at 1:49 pm",
        "It seems like there should be a simple fix to this, and the ministry knows it.", "Reply",
    ])
    cleaned = _clean("\n\n".join(PARAGRAPHS) + "\n\n" + thread + "\n")
    assert _body(cleaned) == PARAGRAPHS


def test_a_comment_count_under_the_headline_does_not_end_the_article() -> None:
    text = "\n\n".join(["Border crossings rise as patrols thin out", "12 comments on this story", *PARAGRAPHS])
    assert _body(_clean(text + "\n")) == PARAGRAPHS


def test_cut_off_headlines_of_other_stories_with_their_captions_are_furniture() -> None:
    teasers = []
    for number in range(3):
        teasers += [f"Another story about the floods in the north number {number} …",
                    f"People wade through water in the town of Sinuiju on day {number}. (AP Photo/Jane Roe)"]
    cleaned = _clean("\n\n".join([*PARAGRAPHS, *teasers]) + "\n")
    assert _body(cleaned) == PARAGRAPHS
    assert sum(edit.rule == "truncated-teasers" for edit in cleaned.edits) == 6


def test_a_caption_after_one_cut_off_line_stays() -> None:
    caption = "People wade through water in the town of Sinuiju. (AP Photo/Jane Roe)"
    text = "\n\n".join([PARAGRAPHS[0], "He said the water kept rising and rising …", caption, *PARAGRAPHS[1:]])
    assert caption in _body(_clean(text + "\n"))


def test_a_sentence_repeated_at_the_start_of_a_paragraph_stays_repeated() -> None:
    line = f"{PARAGRAPHS[0]} {PARAGRAPHS[0]} {PARAGRAPHS[1]}"
    assert line in _body(_clean(f"{line}\n\n{PARAGRAPHS[2]}\n"))


def test_the_lead_pictures_caption_above_the_first_paragraph_is_kept_as_a_caption() -> None:
    caption = "A North Korean border guard post near Hyesan in a file photo. (AP Photo/Jane Roe)"
    cleaned = _clean("\n\n".join(["Home", "News", "Border crossings rise as patrols thin out", caption, *PARAGRAPHS]) + "\n")
    assert _body(cleaned) == [caption, *PARAGRAPHS]
    assert cleaned.body[0].kind is BlockKind.CAPTION


def test_a_paragraph_that_repeats_itself_survives_whole() -> None:
    repetitive = ("The government the government the government the government. "
                  "The government the government the government the government.")
    assert repetitive in _body(_clean(f"{PARAGRAPHS[0]}\n\n{repetitive}\n\n{PARAGRAPHS[1]}\n"))
