"""Property: the tagger's faster matching finds exactly what its earlier, plainer matching found.

Each reference below is the code as it read before it was made faster: every trie searched in its own
case mode over the text as written, with the word-start test in front; the capitalised-phrase pattern
testing the word start first; the overlap test looking at every known span.
"""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive import tagging
from newsarchive.vocabulary import (
    load_vocabulary,
    term_has_word_boundaries,
    term_is_case_sensitive,
    term_is_regex,
    term_pattern,
    term_words,
)

# Terms for the matchers: acronyms, wildcards, apostrophes, shared beginnings, a script without spaces,
# regular expressions, and letters that case-insensitive matching folds in more than one way.
TERMS = [
    "North Korea", "North Korean*", "Korea", "repatriation", "repatriat*", "Kim Jong-un", "Jong-un", "the UN",
    "UNHCR", "UN", "NGOs", "MSS", "U.S.", "N. Korean", "defector's", "sanctions", "sanction*", "seoul",
    "강제송환", "북송", "re:\\d[\\d,.]*\\s+(?:defectors|refugees)", "re:^Q\\s*[:.]",
    "café", "straße", "kiss", "ıraq", "ſeoul", "ΣΟΦΙΑ", "Kelvin", "kiss me", "me too", "ıraq war", "war crimes",
]
# Text pieces: pieces of terms, in other cases, and characters that lower-case or fold unusually.
PIECES = [
    "North", "north", "NORTH", "Korea", "KOREA", "korean", "Koreans", "repatriated", "Kim", "Jong", "un", "UN",
    "UNHCR", "unhcr", "NGOs", "MSS", "U.S.", "N.", "N.Korean", "defector’s", "SANCTIONS", "Seoul", "SEOUL",
    "강제송환", "북송", "3 defectors", "1,200 refugees", "Q:", "A.", "CAFÉ", "café", "STRASSE", "straße", "ẞ",
    "KISS", "kiſs", "ıraq", "IRAQ", "İraq", "ſeoul", "σοφια", "ΣΟΦΙΑ", "ΣΟΦΙΑΣ", "\u212aelvin", "kelvin",
    "me", "too", "war", "WAR", "crimes", " ", " ", "  ", "\n", "-", "–", "’", "'", ".", ",", "(", "_", "1", "x",
]


# The matcher's hits as the tagger found them before: each trie searched with its own case mode over the
# text as written, the word-start test before every branch, "re:" terms in one plain alternation
def reference_hits(matcher: tagging._TermMatcher, terms: list[str], text: str) -> list[tuple[int, int, int]]:
    tries: dict[tuple[bool, bool], dict] = {}
    for term in terms:
        if not term_is_regex(term):
            case_sensitive = term_is_case_sensitive(term)
            words, wildcard = term_words(term)
            mode = (case_sensitive, term_has_word_boundaries(term))
            tagging._trie_add(tries.setdefault(mode, {}), tagging._term_atoms(words, wildcard, case_sensitive))
    found = []
    for (case_sensitive, word_boundaries), trie in tries.items():
        source = reference_trie_source(trie)
        regex = re.compile(rf"(?<!\w){source}(?!\w)" if word_boundaries else source, 0 if case_sensitive else re.IGNORECASE)
        for match in regex.finditer(text):
            index = matcher._term_matched(match.group(), case_sensitive)
            if index is not None:
                found.append((match.start(), match.end(), index))
    patterns = {term_pattern(term)[0]: matcher.terms.index(term) for term in terms if term_is_regex(term)}
    if patterns:
        ordered = sorted(patterns.items(), key=lambda pattern: -len(pattern[0]))
        regex = re.compile("|".join(f"({pattern})" for pattern, _ in ordered), re.MULTILINE | re.IGNORECASE)
        found += [(match.start(), match.end(), ordered[match.lastindex - 1][1]) for match in regex.finditer(text)]
    return tagging._longest_first(found)


# A trie node's regular expression source as it was: longer continuations tried before the term ending here
def reference_trie_source(node: dict) -> str:
    ordered = sorted((atom for atom in node if atom != tagging._END), key=lambda atom: atom == tagging._WILDCARD_ATOM)
    branches = [(tagging._ATOM_SOURCES.get(atom) or re.escape(atom)) + reference_trie_source(node[atom]) for atom in ordered]
    if tagging._END in node:
        branches.append("")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


# Texts of pieces, mostly a space apart
texts = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from([" ", " ", " ", "", "\n", "-"])), max_size=20).map(
    lambda pieces: "".join(piece + separator for piece, separator in pieces)
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(TERMS), min_size=1, max_size=12, unique=True), texts)
def test_the_matcher_finds_what_searching_each_trie_in_its_case_mode_found(terms: list[str], text: str) -> None:
    matcher = tagging._TermMatcher(("owner", term) for term in terms)
    assert matcher._find_hits(text) == reference_hits(matcher, terms, text)


# Where ignoring case matches more than lower-casing does ("s" matches "ſ", "ı" matches "I"), the matcher
# searches the text as written: a term matched there but not looked up still hides a term inside it
def test_texts_and_terms_that_fold_beyond_lower_case_are_searched_as_written() -> None:
    for terms, text in [(["kiss me", "me too"], "kiſs me too"), (["ıraq war", "war crimes"], "IRAQ WAR CRIMES")]:
        matcher = tagging._TermMatcher(("owner", term) for term in terms)
        assert matcher._find_hits(text) == reference_hits(matcher, terms, text) == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TERMS), min_size=1, max_size=12, unique=True),
       st.text(alphabet=st.sampled_from(list("aAkKsSiIıİſßẞΣσςéÉ\u212a \n-’'.NnUu북")), max_size=40))
def test_lower_cased_matching_agrees_on_any_mix_of_cased_characters(terms: list[str], text: str) -> None:
    matcher = tagging._TermMatcher(("owner", term) for term in terms)
    assert matcher._find_hits(text) == reference_hits(matcher, terms, text)


# The capitalised-phrase pattern as it was, testing the word start before the first capital
REFERENCE_CAPITALISED_PHRASE = re.compile(
    r"(?<![\w’'])[A-Z][\w’'\-]*(?:(?:\s+(?:of|for|and|the|on|in))*\s+[A-Z][\w’'\-]*)*"
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["A", "Ministry", "of", "the", "State", "x", "é", "’", "'", "-", "_", "1", " ", "\n", "."]), max_size=25))
def test_capitalised_phrases_are_found_where_the_word_start_first_pattern_found_them(pieces: list[str]) -> None:
    text = "".join(pieces)
    found = [match.span() for match in tagging._CAPITALISED_PHRASE.finditer(text)]
    assert found == [match.span() for match in REFERENCE_CAPITALISED_PHRASE.finditer(text)]


spans = st.tuples(st.integers(0, 30), st.integers(0, 10)).map(lambda span: (span[0], span[0] + span[1]))


@settings(max_examples=400, deadline=None)
@given(st.lists(spans, max_size=12), spans)
def test_the_overlap_test_agrees_with_looking_at_every_span(known: list[tuple[int, int]], span: tuple[int, int]) -> None:
    expected = any(start < span[1] and span[0] < end for start, end in known)
    assert tagging._overlaps(*span, tagging._span_index(known)) == expected


def test_the_vocabulary_s_case_insensitive_tries_are_run_over_lower_cased_text() -> None:
    matchers = tagging._matchers(load_vocabulary())
    for matcher in (matchers.topics, matchers.entities, matchers.cues):
        for case_sensitive, _, lowered_regex in matcher._word_regexes:
            assert (lowered_regex is None) == case_sensitive
