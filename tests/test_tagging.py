"""The tagger: matching rules, weighting and thresholds, topic counts, overrides and privacy."""
from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive import tagging
from newsarchive.structure.article import Article, Block, BlockKind
from newsarchive.tagging import (
    MAX_TOPICS,
    MIN_TOPICS,
    TagOverrides,
    private_people,
    tag_article,
    topic_report,
    vocabulary_suggestions,
)
from newsarchive.vocabulary import Vocabulary, VocabularyError, load_vocabulary, term_is_regex

FILLER = "The weather in the capital was mild and the markets were quiet for most of the week."


# One vocabulary for the whole module (hypothesis tests cannot take fixtures per example).
SHARED_VOCABULARY = load_vocabulary()


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return SHARED_VOCABULARY


# An article with a headline and paragraphs (the first paragraph is the lead)
def make_article(title: str, *paragraphs: str, **fields) -> Article:
    body = [Block(BlockKind.PARAGRAPH, text) for text in paragraphs]
    return Article(seed_path="seeds/test.txt", title=title, body=body, **fields)


# The slugs of the topics an article is filed under, in order
def topic_slugs(article: Article) -> list[str]:
    return [topic.slug for topic in article.topics]


# Entity slug -> count, as the tagger returns them
def entity_counts(article: Article) -> dict[str, int]:
    return {mention.slug: mention.count for mention in article.entities}


# -----------------------------------------------------------------------------
# Matching: word boundaries, case, longest match
# -----------------------------------------------------------------------------


def test_acronym_un_does_not_match_inside_words(vocabulary: Vocabulary) -> None:
    article = make_article("Unable to leave", "They were unable to cross. Unfortunately the UNIT was closed.", FILLER)
    report = {score.slug: score for score in topic_report(article, vocabulary)}
    assert "united-nations" not in report


def test_acronym_un_matches_as_a_whole_word_with_possessive(vocabulary: Vocabulary) -> None:
    article = make_article("Review", "China faces the UN’s review.", "The UN said so.", FILLER)
    report = {score.slug: score for score in topic_report(article, vocabulary)}
    assert dict(report["united-nations"].evidence)["UN"] == 2


def test_acronyms_match_case_sensitively(vocabulary: Vocabulary) -> None:
    article = make_article("Agents", "The MSS sent agents.", "The mss in lower case and AMSS or MSSQL are not it.", FILLER)
    counts = entity_counts(tag_article(article, vocabulary))
    assert counts["ministry-of-state-security"] == 1


def test_ordinary_words_match_whatever_their_case(vocabulary: Vocabulary) -> None:
    article = make_article("REPATRIATION FEARS", "Repatriation continued; defectors were repatriated.", FILLER)
    evidence = dict(next(s for s in topic_report(article, vocabulary) if s.slug == "forced-repatriation").evidence)
    assert evidence["repatriat*"] == 3


def test_longest_match_wins_and_aliases_fold_into_the_entity(vocabulary: Vocabulary) -> None:
    article = make_article(
        "Kim Jong-un speaks",
        "Kim Jong Un met officials. Jong-un then left.",
        "The UN High Commissioner for Refugees, or UNHCR, spoke; the UN listened.",
    )
    counts = entity_counts(tag_article(article, vocabulary))
    assert counts["kim-jong-un"] == 3
    assert counts["unhcr"] == 2
    assert counts["united-nations"] == 1  # the bare "UN"; the one inside the agency's name is the agency


def test_hyphen_space_and_apostrophe_variants_match(vocabulary: Vocabulary) -> None:
    article = make_article("Party", "The Workers’ Party of Korea and the Workers' Party of Korea.", "Fake N.Korean and N. Korean people.")
    counts = entity_counts(tag_article(article, vocabulary))
    assert counts["workers-party-of-korea"] == 2


def test_korean_alias_matches_before_a_particle(vocabulary: Vocabulary) -> None:
    article = make_article("강제송환 문제", "중국의 강제송환이 계속되고 있다. 강제북송을 멈춰라.")
    report = {score.slug: score for score in topic_report(article, vocabulary)}
    assert report["forced-repatriation"].score >= 3 * 1 + 2


# Every plain term of the vocabulary, written in a sentence, is found as itself (trie and patterns agree)
def test_every_plain_term_is_found_in_a_sentence(vocabulary: Vocabulary) -> None:
    matchers = tagging._matchers(vocabulary)
    for topic in vocabulary.topics:
        for term in topic.match_terms:
            if term_is_regex(term):
                continue
            written = term.rstrip("*") + ("s" if term.endswith("*") else "")
            hits = matchers.topics.hits(f"We read that {written} mattered.")
            owners = {slug for _, _, index in hits for slug in matchers.topics.owners[index]}
            assert topic.slug in owners, (topic.slug, term)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Kim Jong-un", "UNHCR", "the UN", "unable", "MSS", "Seoul", "sanctions", "and", "Mr. Yong-ho", "Thae Yong-ho"]), max_size=30))
def test_entity_counts_equal_the_mentions_written(words: list[str]) -> None:
    vocabulary = SHARED_VOCABULARY
    article = make_article("", " ".join(words) + ".")
    counts = entity_counts(tag_article(article, vocabulary))
    assert counts.get("kim-jong-un", 0) == words.count("Kim Jong-un")
    assert counts.get("unhcr", 0) == words.count("UNHCR")
    assert counts.get("united-nations", 0) == words.count("the UN")
    assert counts.get("ministry-of-state-security", 0) == words.count("MSS")
    assert counts.get("thae-yong-ho", 0) == words.count("Mr. Yong-ho") + words.count("Thae Yong-ho")


# -----------------------------------------------------------------------------
# Weighting and thresholds
# -----------------------------------------------------------------------------


def test_a_single_passing_mention_does_not_file_the_topic(vocabulary: Vocabulary) -> None:
    article = make_article(
        "China repatriates defectors",
        "China repatriated dozens of defectors caught near the border, sending them back to North Korea.",
        "Repatriation has continued for years despite protests.",
        "Some diplomats say additional sanctions could follow.",
    )
    tagged = tag_article(article, vocabulary)
    assert "forced-repatriation" in topic_slugs(tagged)
    assert "sanctions" not in topic_slugs(tagged)
    sanctions = next(score for score in topic_report(article, vocabulary) if score.slug == "sanctions")
    assert not sanctions.filed and sanctions.score == 1


def test_headline_and_lead_count_more_than_the_body(vocabulary: Vocabulary) -> None:
    in_headline = make_article("Sanctions bite", FILLER, FILLER)
    in_lead = make_article("News", "Sanctions bite.", FILLER)
    in_body = make_article("News", FILLER, "Sanctions bite.")
    scores = [next((s.score for s in topic_report(a, vocabulary) if s.slug == "sanctions"), 0)
              for a in (in_headline, in_lead, in_body)]
    assert scores[0] > scores[1] > scores[2] > 0


def test_repeated_mentions_raise_the_score_up_to_a_cap(vocabulary: Vocabulary) -> None:
    few = make_article("News", FILLER, "Sanctions bite.", "Sanctions hurt.")
    many = make_article("News", FILLER, *(["Sanctions bite."] * 20))
    few_score = next(s.score for s in topic_report(few, vocabulary) if s.slug == "sanctions")
    many_score = next(s.score for s in topic_report(many, vocabulary) if s.slug == "sanctions")
    assert few_score == 2 and many_score == tagging.TERM_REPEAT_CAP


# -----------------------------------------------------------------------------
# Between 2 and 8 topics, most relevant first
# -----------------------------------------------------------------------------


def test_at_most_eight_topics_most_relevant_first(vocabulary: Vocabulary) -> None:
    everything = [
        "Forced repatriation and deportation continue.", "The Refugee Convention and non-refoulement apply.",
        "Asylum in third countries.", "Chinese authorities and Chinese officials.", "Beijing and Pyongyang signed a treaty.",
        "Border guards at the border.", "A diplomat and an ambassador defected.", "The number of defectors rose, statistics show.",
        "Human rights and torture.", "Prison camps and detention.", "Punishment and a sentence.", "The UN and UNHCR.",
        "The Ministry of Unification.", "NGOs and activists.", "Brokers and bribes.", "Fake defectors with forged papers.",
        "Sanctions and an embargo.", "Famine and starvation.", "Women and trafficking.", "Agents abducted them.",
        "Overseas workers and trade missions.", "Corruption and embezzlement.", "Regime collapse.", "Russia and Moscow.",
        "The COVID-19 pandemic.", "Ethnic Koreans in Yanbian.",
    ]
    article = make_article("Everything", *(sentence for sentence in everything for _ in range(2)))
    tagged = tag_article(article, vocabulary)
    assert len(tagged.topics) == MAX_TOPICS
    scores = [topic.score for topic in tagged.topics]
    assert scores == sorted(scores, reverse=True)


def test_weak_evidence_still_gives_two_topics(vocabulary: Vocabulary) -> None:
    article = make_article("A quiet week", FILLER, "A broker was mentioned.", "So was famine.")
    tagged = tag_article(article, vocabulary)
    assert len(tagged.topics) == MIN_TOPICS
    assert set(topic_slugs(tagged)) == {"brokers-smuggling", "economy-famine"}
    assert not tagged.warnings


def test_no_evidence_leaves_a_warning(vocabulary: Vocabulary) -> None:
    tagged = tag_article(make_article("Weather", FILLER), vocabulary)
    assert tagged.topics == []
    assert any("no topic" in warning for warning in tagged.warnings)


def test_only_tagging_fields_change(vocabulary: Vocabulary) -> None:
    article = make_article("Sanctions bite", "Sanctions bite hard.", authors=["A. Writer"], warnings=["earlier"])
    tagged = tag_article(article, vocabulary)
    for name in ("seed_path", "title", "body", "date", "authors", "publication", "footnotes", "edits"):
        assert getattr(tagged, name) == getattr(article, name)
    assert tagged.warnings[0] == "earlier"
    assert article.topics == []  # the input is not changed


# -----------------------------------------------------------------------------
# Editor overrides
# -----------------------------------------------------------------------------


def test_overrides_win(vocabulary: Vocabulary) -> None:
    article = make_article("Sanctions bite", "Sanctions bite hard; sanctions on banks.", "Famine returned. Famine spread.")
    overrides = TagOverrides(add_topics=("women-defectors",), remove_topics=("sanctions",), article_type="opinion")
    tagged = tag_article(article, vocabulary, overrides)
    assert topic_slugs(tagged)[0] == "women-defectors"
    assert "sanctions" not in topic_slugs(tagged)
    assert "economy-famine" in topic_slugs(tagged)
    assert tagged.article_type == "opinion"


def test_override_with_unknown_topic_is_a_clear_error(vocabulary: Vocabulary) -> None:
    with pytest.raises(VocabularyError, match=r"seeds/test.txt.*unknown topic 'sanction'.*did you mean 'sanctions'"):
        tag_article(make_article("x", FILLER), vocabulary, TagOverrides(add_topics=("sanction",)))
    with pytest.raises(VocabularyError, match="unknown type 'poem'"):
        tag_article(make_article("x", FILLER), vocabulary, TagOverrides(article_type="poem"))


def test_overrides_from_a_mapping(vocabulary: Vocabulary) -> None:
    overrides = TagOverrides.from_mapping({"add_topics": "sanctions", "article_type": "analysis"}, "front matter")
    assert overrides == TagOverrides(add_topics=("sanctions",), article_type="analysis")
    with pytest.raises(VocabularyError, match="front matter: unknown tag override 'topics'"):
        TagOverrides.from_mapping({"topics": ["sanctions"]}, "front matter")


# -----------------------------------------------------------------------------
# Privacy and editor reports
# -----------------------------------------------------------------------------


def test_private_people_are_never_in_entities(vocabulary: Vocabulary) -> None:
    article = make_article("Photos", "John Flawed took the photos of Thae Yong-ho.", credits=["Photography by John Flawed"])
    tagged = tag_article(article, vocabulary)
    assert "john-flawed" not in entity_counts(tagged)
    assert entity_counts(tagged)["thae-yong-ho"] == 1
    assert [(person.slug, person.count) for person in private_people(article, vocabulary)] == [("john-flawed", 2)]


def test_topic_report_shows_topics_below_the_threshold(vocabulary: Vocabulary) -> None:
    article = make_article("Sanctions bite", "Sanctions bite hard.", "Famine spread; the famine killed; famine.", "A broker was mentioned.")
    report = {score.slug: score for score in topic_report(article, vocabulary)}
    assert report["sanctions"].filed and report["economy-famine"].filed
    assert not report["brokers-smuggling"].filed
    assert report["brokers-smuggling"].evidence == (("broker*", 1),) and report["brokers-smuggling"].score == 1


def test_vocabulary_suggestions_are_frequent_unknown_phrases(vocabulary: Vocabulary) -> None:
    article = make_article(
        "Daily NK reports",
        "The Transitional Justice Working Group said on Monday that the Transitional Justice Working Group had data.",
        "Thae Yong-ho and Thae Yong-ho again. Then Seoul, Seoul.",
    )
    suggestions = dict(vocabulary_suggestions(article, vocabulary))
    assert suggestions.get("Transitional Justice Working Group") == 2
    assert not any("Thae" in phrase or "Seoul" in phrase for phrase in suggestions)


def test_tagging_stays_fast_on_long_text(vocabulary: Vocabulary) -> None:
    paragraph = ("Kim Jong-un's regime sent agents of the MSS across the border; China repatriated "
                 "defectors despite the UNHCR and the Refugee Convention. ") * 5
    article = make_article("Long", *([paragraph] * 400))  # about 400 KB
    tag_article(article, vocabulary)  # compile once
    started = time.perf_counter()
    tagged = tag_article(article, vocabulary)
    assert time.perf_counter() - started < 5.0
    assert entity_counts(tagged)["kim-jong-un"] == 2000


def test_words_inside_an_unlisted_name_are_no_topic_evidence(vocabulary: Vocabulary) -> None:
    article = make_article("Lawyers speak", "Lawyers for Human Rights and Unification of Korea said so.", FILLER)
    report = {score.slug: score for score in topic_report(article, vocabulary)}
    assert "human-rights" not in report
    assert "ngos-activists" in report  # the topic lists the lawyers' group as evidence


def test_mentions_of_listed_entities_are_topic_evidence(vocabulary: Vocabulary) -> None:
    article = make_article("Agency speaks", "The United Nations High Commissioner for Refugees spoke.", FILLER)
    report = {score.slug: score for score in topic_report(article, vocabulary)}
    assert report["united-nations"].score == 2  # one mention, in the lead


# What precedes a word that opens a sentence, as a pattern over the text before it (the tagger's rule, as
# it read before it stopped copying that text for every capitalised word)
SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[\"“‘(]\s*)$")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(" \n\t\u00a0\u2028.!?:;\"“‘(aB,'’")), max_size=12), st.integers(0, 12))
def test_opening_a_sentence_is_judged_as_the_sentence_start_pattern_judges_it(text, start):
    start = min(start, len(text))
    assert tagging._opens_sentence(text, start) == bool(SENTENCE_START.search(text[:start]))
