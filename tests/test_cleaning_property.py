"""Property: whatever furniture surrounds an article, every paragraph survives verbatim and no furniture does."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.cleaning import clean
from newsarchive.furniture import CAPTION_CREDIT, caption_credit
from newsarchive.structure.article import SeedText

# Function words and content words; prose alternates between them.
FUNCTION_WORDS = "the of and to in that was for on with as by at from he she they it is were said had has have been".split()
CONTENT_WORDS = (
    "government border officials people refugees country year week report police minister city village "
    "families workers river night market school church village leaders court agency group month province "
    "crossed returned asked told found moved walked carried waited opened closed reached met wrote "
    # words that furniture rules look for: prose that merely mentions them is still prose
    "newsletter cookies subscribe casino privacy"
).split()

# Page furniture lines as dumps show them (menus, widgets, prompts, counters, copyright).
FURNITURE = [
    "top of page", "bottom of page", "Previous Next", "All Headlines Back to Top", "Back to Top", "Toggle",
    "More AJW", "Share |", "submit to reddit", "• 1", "• 12", "Copyright © Example Daily &",
    "Please select digest to download:", "Advertisement", "Read more: Another story entirely",
    "Sign in", "Subscribe", "Skip to main content", "(BUTTON) Close", "[ ] Search in title", "Menu",
    "Share on Facebook", "Tweet", "Related Articles", "Most Read", "Sign up for our daily newsletter",
    "We use cookies to improve your experience", "Follow us on Twitter", "[image-name]", "12 Comments",
    "SEAN SPICER ELIMINATED FROM THE DANCE SHOW", "Sign up for our Newsletter", "Breaking News Emails",
    "We want to hear what you think about this article.", "Why you can trust Example News",
    "If you enjoyed this article, we have a proposition for you: join our club.",
    "This document is subject to copyright.", "casino siteleri yeni bahis siteleri deneme bonusu",
    "Misinformation is a real threat. Example News needs your help.",
]


# A sentence of ordinary words, capitalised and closed with a full stop
@st.composite
def sentences(draw: st.DrawFn) -> str:
    pairs = draw(st.lists(st.tuples(st.sampled_from(FUNCTION_WORDS), st.sampled_from(CONTENT_WORDS)), min_size=4, max_size=12))
    text = " ".join(f"{function_word} {content_word}" for function_word, content_word in pairs)
    return text[0].upper() + text[1:] + "."


# A paragraph of one to four sentences
@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(sentences(), min_size=1, max_size=4)))


# A dump: furniture lines above, between and below the article's paragraphs
@st.composite
def dumps(draw: st.DrawFn) -> tuple[str, list[str], list[str]]:
    # Distinct paragraphs: a line a page shows twice is treated as furniture (repeated captions,
    # bylines), so an article that repeats a paragraph word for word is outside this property.
    article = draw(st.lists(paragraphs(), min_size=2, max_size=8, unique=True))
    furniture_lines = st.lists(st.sampled_from(FURNITURE), max_size=6)
    chunks: list[str] = ["\n".join(draw(furniture_lines))]
    used: list[str] = chunks[0].split("\n")
    for paragraph in article:
        chunks.append(paragraph)
        between = draw(st.lists(st.sampled_from(FURNITURE), max_size=1))
        chunks.extend(between)
        used.extend(between)
    tail = draw(furniture_lines)
    chunks.append("\n".join(tail))
    used.extend(tail)
    return "\n\n".join(chunks), article, [line for line in used if line]


@settings(max_examples=40, deadline=None)
@given(dumps())
def test_paragraphs_survive_and_furniture_goes(dump: tuple[str, list[str], list[str]]) -> None:
    text, article, furniture_lines = dump
    cleaned = clean(SeedText("seeds/generated.txt", text, "utf-8", ""))
    body = [line.text for line in cleaned.body]
    for paragraph in article:
        assert paragraph in body
    for furniture in furniture_lines:
        assert furniture not in body
        assert all(furniture not in kept for kept in body)


# Pieces that make or nearly make a photo credit, mixed with prose and odd characters
CREDIT_PIECES = ["(", ")", "/", ":", " ", "AFP", "afp", "Getty Images", "GETTY IMAGES", "AP Photo", "Reuters/",
                 "photo", "Credit", "file photo", "İmages", "ſ", "John Smith", "Kim Lee/AP", "\n", "ap photo"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(CREDIT_PIECES + CONTENT_WORDS), st.text(max_size=4)), max_size=14))
def test_the_quick_credit_test_finds_what_the_credit_pattern_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    quick, full = caption_credit(text), CAPTION_CREDIT.search(text)
    assert (quick and quick.span()) == (full and full.span())
