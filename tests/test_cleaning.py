"""Cleaning: furniture goes, article text stays word for word, every removal is recorded."""
from __future__ import annotations

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
