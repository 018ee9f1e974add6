"""Property: an article's terms are counted as counting them text by text, word by word, counted them."""
from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive import relating
from newsarchive.structure.article import Article, Block, BlockKind

# Words and pieces of words: stopwords, plurals, endings, possessives, hyphens, digits, and letters whose
# lower case is longer or depends on what follows ("İ", a final "Σ").
PIECES = [
    "The", "refugees", "Refugee's", "repatriated", "REPATRIATION", "north-east", "border’s", "it's", "said",
    "ΟΔΟΣ", "Σ", "İstanbul", "İ", "x", "ab", "3rd", "_", "'", "’", "-", " ", " ", "\n", ".", ",",
]

texts = st.lists(st.sampled_from(PIECES), max_size=20).map("".join)


# The terms of a text as they were computed: word by word
def reference_terms_of(text: str) -> list[str]:
    words = (word.replace("’", "'").removesuffix("'s") for word in relating._WORD.findall(text.lower()))
    return [relating._stem(word) for word in words if len(word) >= relating.MIN_TERM_LENGTH and word not in relating._STOPWORDS]


@settings(max_examples=400, deadline=None)
@given(texts, st.lists(st.tuples(st.sampled_from([BlockKind.PARAGRAPH, BlockKind.CAPTION]), texts), max_size=5))
def test_term_counts_are_the_terms_of_the_headline_and_each_paragraph_counted(title: str, blocks) -> None:
    article = Article(seed_path="seeds/test.txt", title=title, body=[Block(kind, text) for kind, text in blocks])
    expected = Counter(term for text in [title, *(block.text for block in article.paragraphs)] for term in reference_terms_of(text))
    assert relating._term_counts(article) == expected
    assert relating.terms_of(title) == reference_terms_of(title)
