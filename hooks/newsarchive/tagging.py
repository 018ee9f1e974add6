"""Tagging: file an article under topics, name its entities, judge its type.

Article in, article out: `tag_article` sets `topics`, `entities` and
`article_type` (and may add a warning) and leaves every other field alone.

Topic evidence is the vocabulary's match terms found in the text, weighted by
where they occur (headline, lead paragraph, the rest) and how often, with a
threshold, so that one passing mention does not file an article under a topic.
Every article gets between MIN_TOPICS and MAX_TOPICS topics, most relevant
first; an editor's `TagOverrides` win over all of it.

Matching is one pass per case mode over each piece of text: the terms of a
vocabulary are compiled once into one regular expression for the terms that
match case-sensitively (acronyms) and one for the rest, so tagging stays linear
in the length of the text.  Where matches overlap the longest wins ("Kim
Jong-un" is not also "Jong-un").

Private people (entities.yml `public_figure: false`) never reach
`Article.entities`; editors see them through `private_people`.
"""
from __future__ import annotations

import bisect
import difflib
import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Iterable, Mapping

from .structure.article import Article, BlockKind, EntityMention, TopicMatch
from .vocabulary import (
    TEXT_APOSTROPHE,
    TEXT_SEPARATOR,
    TEXT_SEPARATOR_AFTER_DOT,
    TEXT_WILDCARD,
    Entity,
    Topic,
    Vocabulary,
    VocabularyError,
    match_key,
    term_is_case_sensitive,
    term_has_word_boundaries,
    term_is_regex,
    term_pattern,
    term_words,
)

# -----------------------------------------------------------------------------
# Data: weights and thresholds
# -----------------------------------------------------------------------------

# Weight of one occurrence of a match term, by where it occurs.
TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0  # the first paragraph
BODY_WEIGHT = 1.0
SIDE_TEXT_WEIGHT = 0.0  # bylines, credits, footnotes: searched for entities only
# Occurrences of one term beyond this many add nothing more (a repeated word is not more evidence).
TERM_REPEAT_CAP = 6
# A topic is filed when its score reaches this...
TOPIC_MIN_SCORE = 3.0
# ...and this share of the best topic's score.
TOPIC_MIN_SHARE_OF_BEST = 0.2
# Below MIN_TOPICS filed topics, the best-scoring ones down to this score are added.
TOPIC_FLOOR_SCORE = 1.0
# How many topics an article is filed under (editors' overrides may go beyond).
MIN_TOPICS = 2
MAX_TOPICS = 8
# An article type other than the default needs this many cue hits...
ARTICLE_TYPE_MIN_CUES = 3
# ...and more hits than the default type has.
DEFAULT_ARTICLE_TYPE = "news-report"
# A capitalised phrase seen this often is worth suggesting for the vocabulary.
SUGGESTION_MIN_COUNT = 2
# Texts whose term hits a matcher remembers (more than the zones of one long article).
RECENT_HITS_KEPT = 512
# Texts matched by a trie whose term a matcher remembers (they repeat: "said", "North Korea", "China").
MATCHED_TEXTS_KEPT = 100_000

# Block kinds whose text is searched (editorial notes are ours, not the author's).
_SEARCHED_KINDS = (BlockKind.PARAGRAPH, BlockKind.SUBHEADING, BlockKind.LIST_ITEM, BlockKind.CAPTION)
# No term looked up yet (a matched text may stand for no term: None).
_UNKNOWN = object()
# What ends a sentence, and what opens a quotation or aside: a word after them opens a sentence.
_SENTENCE_ENDS, _OPENINGS = frozenset(".!?:;"), frozenset("\"“‘(")
# A run of capitalised words, possibly joined by small lowercase words ("Ministry of State Security"),
# not inside a word (tested after the first capital, so that the search can skip to the next capital).
_CAPITALISED_PHRASE = re.compile(
    r"[A-Z](?<![\w’'].)[\w’'\-]*(?:(?:\s+(?:of|for|and|the|on|in))*\s+[A-Z][\w’'\-]*)*"
)
# Trie atoms standing for more than one character, and the patterns they become.
_SEPARATOR_ATOM, _SEPARATOR_AFTER_DOT_ATOM = "<separator>", "<separator after dot>"
_APOSTROPHE_ATOM, _WILDCARD_ATOM, _END = "<apostrophe>", "<wildcard>", "<end>"
_ATOM_SOURCES = {
    _SEPARATOR_ATOM: TEXT_SEPARATOR,
    _SEPARATOR_AFTER_DOT_ATOM: TEXT_SEPARATOR_AFTER_DOT,
    _APOSTROPHE_ATOM: TEXT_APOSTROPHE,
    _WILDCARD_ATOM: TEXT_WILDCARD,
}
# A possessive ending to take off a suggested phrase.
_POSSESSIVE = re.compile(r"[’']s?$")
# Every ASCII character, and a character beyond ASCII: where lower-casing a text stands in for ignoring case.
_ASCII, _BEYOND_ASCII = "".join(map(chr, range(128))), re.compile(r"[^\x00-\x7f]")
# How every "re:" term's pattern begins (vocabulary.term_pattern): a word starts there; and the same
# test made after the first character.
_WORD_START, _WORD_START_AFTER_ONE = r"(?<!\w)", r"(?<!\w[\s\S])"


@dataclass(frozen=True)
class TagOverrides:
    """An editor's corrections for one article; they win over the tagger."""

    add_topics: tuple[str, ...] = ()  # topic slugs to file the article under, first in the list
    remove_topics: tuple[str, ...] = ()  # topic slugs never to file it under
    article_type: str = ""  # slug or label of the article type, "" to let the tagger judge

    @classmethod
    def from_mapping(cls, raw: Mapping[str, object], where: str) -> TagOverrides:
        """Overrides read from front matter or a data file; `where` names it in errors."""
        return _overrides_from_mapping(raw, where)


@dataclass(frozen=True)
class TopicScore:
    """One topic's evidence in one article, for the editor report."""

    slug: str
    label: str
    score: float
    evidence: tuple[tuple[str, int], ...]  # (term, occurrences), strongest first
    filed: bool  # whether the tagger files the article under it


# An article with topics, entities and article type set from the vocabulary (overrides win)
def tag_article(article: Article, vocabulary: Vocabulary, overrides: TagOverrides | None = None) -> Article:
    if overrides is not None:
        _check_overrides(overrides, vocabulary, article.seed_path)
    matchers = _matchers(vocabulary)
    zones = _zones(article)
    scores = _topic_scores(zones, matchers, vocabulary)
    topics = _apply_topic_overrides(_filed_topics(scores), scores, overrides, vocabulary)
    warnings = list(article.warnings)
    if not topics:
        warnings.append("tagging: no topic of the vocabulary matched; file it by hand with tag overrides")
    return replace(
        article,
        topics=topics,
        entities=[mention for mention, entity in _entity_mentions(zones, matchers) if not entity.is_private_person],
        article_type=_article_type(zones, matchers, vocabulary, overrides),
        warnings=warnings,
    )


# -----------------------------------------------------------------------------
# Editor reports
# -----------------------------------------------------------------------------


# Every topic with any evidence in the article, best first, filed or not
def topic_report(article: Article, vocabulary: Vocabulary) -> list[TopicScore]:
    matchers = _matchers(vocabulary)
    scores = _topic_scores(_zones(article), matchers, vocabulary)
    filed = {match.slug for match in _filed_topics(scores)}
    return [
        TopicScore(slug=score.topic.slug, label=score.topic.label, score=round(score.total, 2),
                   evidence=score.evidence, filed=score.topic.slug in filed)
        for score in scores
    ]


# Frequent capitalised phrases that match no vocabulary entry: candidates for the data files
def vocabulary_suggestions(article: Article, vocabulary: Vocabulary, limit: int = 10) -> list[tuple[str, int]]:
    matchers = _matchers(vocabulary)
    counts: Counter[str] = Counter()
    for zone in _weighted(_zones(article)):
        known_hits = matchers.entities.hits(zone.text) + matchers.topics.hits(zone.text)
        known_spans = _span_index([(start, end) for start, end, _ in known_hits])
        for match in _CAPITALISED_PHRASE.finditer(zone.text):
            if " " not in match.group() and _opens_sentence(zone.text, match.start()):
                continue  # one capitalised word opening a sentence is just a sentence
            if _overlaps(match.start(), match.end(), known_spans):
                continue
            phrase = _suggested_phrase(match.group(), vocabulary.not_suggested)
            if phrase:
                counts[phrase] += 1
    frequent = [(phrase, count) for phrase, count in counts.items() if count >= SUGGESTION_MIN_COUNT]
    return sorted(frequent, key=lambda found: -found[1])[:limit]


# The people named in the article who are not public figures (for editors only)
def private_people(article: Article, vocabulary: Vocabulary) -> list[EntityMention]:
    mentions = _entity_mentions(_zones(article), _matchers(vocabulary))
    return [mention for mention, entity in mentions if entity.is_private_person]


@dataclass(frozen=True)
class ArticleReview:
    """What an editor checks about one article's tagging (kept with the seed's cached result)."""

    topic_scores: tuple[TopicScore, ...]  # every topic with evidence, filed or not
    suggestions: tuple[tuple[str, int], ...]  # capitalised phrases no vocabulary entry matches
    private_people: tuple[EntityMention, ...]  # for the command-line report only, never the site


# The editor's view of one article's tagging: topic evidence, suggestions, private people
def review_article(article: Article, vocabulary: Vocabulary) -> ArticleReview:
    return ArticleReview(
        topic_scores=tuple(topic_report(article, vocabulary)),
        suggestions=tuple(vocabulary_suggestions(article, vocabulary)),
        private_people=tuple(private_people(article, vocabulary)),
    )


# -----------------------------------------------------------------------------
# Helper functions: matching
# -----------------------------------------------------------------------------


class _TermMatcher:
    """Many terms found in a few passes over the text; each term is evidence for one or more keys.

    Plain-word terms are compiled into one trie-shaped regular expression per
    case mode (each position of the text is tried against a handful of first
    characters, not against every term), and the term a match stands for is
    looked up from the matched text.  Terms in scripts written without spaces
    get a trie of their own, without word boundaries; the few "re:" terms go
    into one ordinary alternation.

    A case-insensitive trie is run, where it finds the same, as a case-sensitive
    one over the lower-cased text (about twice as fast: each character is compared,
    not folded and compared): that is where the text's only cased characters are
    ASCII letters and no term character but itself matches any other (`_lowered`).
    """

    def __init__(self, owned_terms: Iterable[tuple[str, str]]) -> None:
        self.terms: list[str] = []  # the term as written in the data file, by index
        self.owners: list[list[str]] = []  # the keys (topic or entity slugs) each term is evidence for
        self._exact: dict[tuple[bool, str], int] = {}  # (case-sensitive, match key) -> term index
        self._prefixes: dict[bool, list[tuple[str, int]]] = {True: [], False: []}  # wildcard terms, longest first
        other_patterns: dict[str, int] = {}  # pattern source -> term index, for "re:" terms
        tries: dict[tuple[bool, bool], dict] = {}  # (case-sensitive, word boundaries) -> trie
        for owner, term in owned_terms:
            index = self._index(term, other_patterns, tries)
            if owner not in self.owners[index]:
                self.owners[index].append(owner)
        for prefixes in self._prefixes.values():
            prefixes.sort(key=lambda prefix: -len(prefix[0]))
        # (case-sensitive, regex, the same for the lower-cased text or None) of every trie
        self._word_regexes = [(mode[0], _trie_regex(trie, *mode), _lowered_trie_regex(trie, *mode))
                              for mode, trie in tries.items()]
        self._other_regex = _alternation_regex(other_patterns)
        self._recent_hits: dict[str, tuple[tuple[int, int, int], ...]] = {}  # text -> its hits, oldest first
        self._matched: dict[tuple[bool, str], int | None] = {}  # (case-sensitive, text a trie matched) -> term index
        # the characters of the tries run over lower-cased text, and whether lower-casing a text may keep
        # each character beyond ASCII it was seen to have
        self._lowered_chars = {char for trie, (_, _, lowered_regex) in zip(tries.values(), self._word_regexes)
                               if lowered_regex for char in _trie_chars(trie)}
        self._keeps_lowered: dict[str, bool] = {}

    # Non-overlapping (start, end, term index) hits in `text`, the longest winning where hits overlap
    # (remembered for the last few texts: tagging, the editor's review and suggestions ask about the
    # same zones of one article in turn)
    def hits(self, text: str) -> tuple[tuple[int, int, int], ...]:
        known = self._recent_hits.get(text)
        if known is None:
            if len(self._recent_hits) >= RECENT_HITS_KEPT:
                del self._recent_hits[next(iter(self._recent_hits))]
            known = self._recent_hits[text] = tuple(self._find_hits(text))
        return known

    # `hits`' work
    def _find_hits(self, text: str) -> list[tuple[int, int, int]]:
        found = []
        known = self._matched
        lowered = self._lowered(text) if self._lowered_chars else None
        for case_sensitive, regex, lowered_regex in self._word_regexes:
            matches = lowered_regex.finditer(lowered) if lowered_regex and lowered is not None else regex.finditer(text)
            for match in matches:
                matched = match.group()
                index = known.get((case_sensitive, matched), _UNKNOWN)
                if index is _UNKNOWN:
                    index = self._term_matched(matched, case_sensitive)
                    if len(known) < MATCHED_TEXTS_KEPT:
                        known[(case_sensitive, matched)] = index
                if index is not None:
                    found.append((match.start(), match.end(), index))
        if self._other_regex is not None:
            regex, term_by_group = self._other_regex
            found += [(match.start(), match.end(), term_by_group[match.lastindex]) for match in regex.finditer(text)]
        return _longest_first(found)

    # The text lower-cased, where matching that exactly finds what matching the text while ignoring case
    # finds, else None: every character beyond ASCII must be its own lower case, and no term character
    # but itself may match it ("s" matches "ſ")
    def _lowered(self, text: str) -> str | None:
        if not text.isascii():
            for char in set(_BEYOND_ASCII.findall(text)):
                keeps = self._keeps_lowered.get(char)
                if keeps is None:
                    keeps = self._keeps_lowered[char] = _matched_only_by_itself(char, self._lowered_chars)
                if not keeps:
                    return None
        return text.lower()

    # The index of a term, added (to a trie or the other patterns) when first seen
    def _index(self, term: str, other_patterns: dict[str, int], tries: dict[tuple[bool, bool], dict]) -> int:
        if term_is_regex(term):
            source = term_pattern(term)[0]
            if source not in other_patterns:
                other_patterns[source] = self._new_term(term)
            return other_patterns[source]
        case_sensitive = term_is_case_sensitive(term)
        words, wildcard = term_words(term)
        key = (case_sensitive, match_key(" ".join(words), case_sensitive) + ("*" if wildcard else ""))
        if key not in self._exact:
            self._exact[key] = self._new_term(term)
            mode = (case_sensitive, term_has_word_boundaries(term))
            _trie_add(tries.setdefault(mode, {}), _term_atoms(words, wildcard, case_sensitive))
            if wildcard:
                self._prefixes[case_sensitive].append((key[1][:-1], self._exact[key]))
        return self._exact[key]

    # A new term's index
    def _new_term(self, term: str) -> int:
        self.terms.append(term)
        self.owners.append([])
        return len(self.terms) - 1

    # The term a trie match stands for: the exact term, else the longest wildcard term it starts with
    def _term_matched(self, matched: str, case_sensitive: bool) -> int | None:
        key = match_key(matched, case_sensitive)
        if (case_sensitive, key) in self._exact:
            return self._exact[(case_sensitive, key)]
        return next((index for prefix, index in self._prefixes[case_sensitive] if key.startswith(prefix)), None)


# The trie atoms of a plain-word term: its characters, separators, apostrophes and wildcard
def _term_atoms(words: list[str], wildcard: bool, case_sensitive: bool) -> list[str]:
    atoms: list[str] = []
    for position, word in enumerate(words):
        if position:
            atoms.append(_SEPARATOR_AFTER_DOT_ATOM if words[position - 1].endswith(".") else _SEPARATOR_ATOM)
        atoms += [_APOSTROPHE_ATOM if char in "'\u2019" else char for char in (word if case_sensitive else word.lower())]
    return atoms + ([_WILDCARD_ATOM] if wildcard else [])


# Adds one term's atoms to a trie (nested dicts; _END marks where a term ends)
def _trie_add(trie: dict, atoms: list[str]) -> None:
    node = trie
    for atom in atoms:
        node = node.setdefault(atom, {})
    node[_END] = {}


# One regular expression finding any term of a trie (as whole words, unless told otherwise); `lowered`:
# a case-insensitive trie matched exactly, against lower-cased text.  A case-sensitive trie tests where a
# word starts after a term's first character: its terms mostly begin with capitals, rare in text, and the
# search then skips from one to the next; other terms begin with letters found everywhere, and testing
# first fails at once inside words
def _trie_regex(trie: dict, case_sensitive: bool, word_boundaries: bool, lowered: bool = False) -> re.Pattern[str]:
    flags = 0 if case_sensitive or lowered else re.IGNORECASE
    if not word_boundaries:
        return re.compile(_trie_source(trie), flags)
    if case_sensitive:
        return re.compile(rf"{_trie_source(trie, word_start_after_first=True)}(?!\w)", flags)
    return re.compile(rf"{_WORD_START}{_trie_source(trie)}(?!\w)", flags)


# The regular expression source of a trie node: longer continuations tried before the term ending here
# (`word_start_after_first`: each branch tests that no word character comes before it, after its first atom)
def _trie_source(node: dict, word_start_after_first: bool = False) -> str:
    ordered = sorted((atom for atom in node if atom != _END), key=lambda atom: atom == _WILDCARD_ATOM)
    branches = [_atom_source(atom, word_start_after_first) + _trie_source(node[atom]) for atom in ordered]
    if _END in node:
        branches.append(_WORD_START if word_start_after_first else "")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


# The regular expression source of a trie atom, followed when asked by the test that no word character
# comes before it (before it, for an atom that is not a single character)
def _atom_source(atom: str, word_start_after_first: bool) -> str:
    source = _ATOM_SOURCES.get(atom) or re.escape(atom)
    if not word_start_after_first:
        return source
    return source + _WORD_START_AFTER_ONE if len(atom) == 1 else _WORD_START + source


# A case-insensitive trie's regular expression for the lower-cased text, matching exactly; None for a
# case-sensitive trie, or when ignoring case lets one of its characters match an ASCII character that
# does not lower-case to it
def _lowered_trie_regex(trie: dict, case_sensitive: bool, word_boundaries: bool) -> re.Pattern[str] | None:
    if case_sensitive or not all(map(_matches_its_ascii_cases, _trie_chars(trie))):
        return None
    return _trie_regex(trie, False, word_boundaries, lowered=True)


# The single characters of a trie's atoms (not the separators, apostrophes and wildcard)
def _trie_chars(trie: dict) -> set[str]:
    chars = set()
    for atom, node in trie.items():
        if atom not in _ATOM_SOURCES and atom != _END:
            chars.add(atom)
        chars |= _trie_chars(node)
    return chars


# Whether, ignoring case, a character matches just the ASCII characters that lower-case to it
@functools.lru_cache(maxsize=None)
def _matches_its_ascii_cases(char: str) -> bool:
    matched = re.compile(re.escape(char), re.IGNORECASE).findall(_ASCII)
    return char == char.lower() and matched == [other for other in _ASCII if other.lower() == char]


# Whether a character of a text is its own lower case and, ignoring case, no term character but itself matches it
def _matched_only_by_itself(char: str, term_chars: set[str]) -> bool:
    return char == char.lower() and not any(
        re.fullmatch(re.escape(term_char), char, re.IGNORECASE) for term_char in term_chars if term_char != char
    )


# One alternation of term patterns with a group each; (regex, group number -> term index), or None.  When
# every pattern begins at the start of a word (all "re:" terms do) that test is also put before them all,
# so that inside a word the alternation is not entered
def _alternation_regex(patterns: dict[str, int]) -> tuple[re.Pattern[str], dict[int, int]] | None:
    if not patterns:
        return None
    ordered = sorted(patterns.items(), key=lambda pattern: -len(pattern[0]))
    source = "|".join(f"({pattern})" for pattern, _ in ordered)
    if all(pattern.startswith(_WORD_START) for pattern in patterns):
        source = f"{_WORD_START}(?:{source})"
    return re.compile(source, re.MULTILINE | re.IGNORECASE), {group: index for group, (_, index) in enumerate(ordered, start=1)}


# Hits with overlaps removed: at each place the longest hit is kept
def _longest_first(hits: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    kept: list[tuple[int, int, int]] = []
    for hit in sorted(hits, key=lambda hit: (hit[0], hit[0] - hit[1])):
        if kept and hit[0] < kept[-1][1]:
            if hit[1] - hit[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = hit
            continue
        kept.append(hit)
    return kept


@dataclass(frozen=True)
class _Matchers:
    """A vocabulary's terms compiled: topic terms, entity names, article-type cues."""

    topics: _TermMatcher
    entities: _TermMatcher
    cues: _TermMatcher
    entity_by_slug: dict[str, Entity]


# The compiled matchers of a vocabulary, built once per vocabulary object
@functools.lru_cache(maxsize=8)
def _matchers(vocabulary: Vocabulary) -> _Matchers:
    return _Matchers(
        topics=_TermMatcher(_topic_evidence_terms(vocabulary)),
        entities=_TermMatcher((entity.slug, name) for entity in vocabulary.entities for name in entity.names),
        cues=_TermMatcher((kind.slug, cue) for kind in vocabulary.article_types for cue in kind.cues),
        entity_by_slug={entity.slug: entity for entity in vocabulary.entities},
    )


# (topic slug, term) for every topic term and every name of the entities a topic lists; the names of
# other entities come with no topic ("") so that words inside them ("Lawyers for Human Rights") are no evidence
def _topic_evidence_terms(vocabulary: Vocabulary) -> list[tuple[str, str]]:
    owned = [(topic.slug, term) for topic in vocabulary.topics for term in topic.match_terms]
    listing = {slug: [topic.slug for topic in vocabulary.topics if slug in topic.entities] for slug in (e.slug for e in vocabulary.entities)}
    for entity in vocabulary.entities:
        owned += [(owner, name) for owner in listing[entity.slug] or [""] for name in entity.names]
    return owned


# -----------------------------------------------------------------------------
# Helper functions: where text sits
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Zone:
    """A piece of the article's text and the weight of a match term found in it."""

    text: str
    weight: float


# The article's headline, lead paragraph and other blocks, each with its weight; then
# bylines, credits, author note and footnotes, which name people but are no topic evidence
def _zones(article: Article) -> list[_Zone]:
    zones = [_Zone(article.title, TITLE_WEIGHT)] if article.title else []
    lead_seen = False
    for block in article.body:
        if block.kind not in _SEARCHED_KINDS:
            continue
        is_lead = block.kind is BlockKind.PARAGRAPH and not lead_seen
        lead_seen = lead_seen or is_lead
        zones.append(_Zone(block.text, LEAD_WEIGHT if is_lead else BODY_WEIGHT))
    side_texts = [*article.authors, *article.credits, article.author_note, *(note.text for note in article.footnotes)]
    return zones + [_Zone(text, SIDE_TEXT_WEIGHT) for text in side_texts if text]


# The zones that count as evidence for topics and article types (side text does not)
def _weighted(zones: list[_Zone]) -> list[_Zone]:
    return [zone for zone in zones if zone.weight > 0]


# -----------------------------------------------------------------------------
# Helper functions: topics
# -----------------------------------------------------------------------------


@dataclass
class _TopicEvidence:
    """The weights of every occurrence of every term found for one topic."""

    topic: Topic
    weights_by_term: dict[str, list[float]]

    @functools.cached_property
    def total(self) -> float:
        """The topic's score: each term's weights, strongest first, up to TERM_REPEAT_CAP of them."""
        return sum(sum(sorted(weights, reverse=True)[:TERM_REPEAT_CAP]) for weights in self.weights_by_term.values())

    @property
    def evidence(self) -> tuple[tuple[str, int], ...]:
        """(term, occurrences), strongest term first."""
        ranked = sorted(self.weights_by_term.items(), key=lambda item: (-sum(item[1]), item[0]))
        return tuple((term, len(weights)) for term, weights in ranked)


# Every topic with any evidence, best first
def _topic_scores(zones: list[_Zone], matchers: _Matchers, vocabulary: Vocabulary) -> list[_TopicEvidence]:
    found: dict[str, dict[str, list[float]]] = {}
    for zone in _weighted(zones):
        for _, _, term_index in matchers.topics.hits(zone.text):
            for slug in filter(None, matchers.topics.owners[term_index]):
                found.setdefault(slug, {}).setdefault(matchers.topics.terms[term_index], []).append(zone.weight)
    scores = [_TopicEvidence(topic, found[topic.slug]) for topic in vocabulary.topics if topic.slug in found]
    return sorted(scores, key=lambda score: -score.total)


# The topics the evidence files the article under: over the thresholds, MIN_TOPICS..MAX_TOPICS of them
def _filed_topics(scores: list[_TopicEvidence]) -> list[TopicMatch]:
    if not scores:
        return []
    bar = max(TOPIC_MIN_SCORE, scores[0].total * TOPIC_MIN_SHARE_OF_BEST)
    filed = [score for score in scores if score.total >= bar][:MAX_TOPICS]
    if len(filed) < MIN_TOPICS:
        filed = [score for score in scores if score.total >= TOPIC_FLOOR_SCORE][:MIN_TOPICS]
    return [_topic_match(score) for score in filed]


# The article-model record of one filed topic
def _topic_match(score: _TopicEvidence) -> TopicMatch:
    return TopicMatch(slug=score.topic.slug, label=score.topic.label, score=round(score.total, 2),
                      evidence=tuple(term for term, _ in score.evidence))


# The filed topics with the editor's removals and additions applied (additions first)
def _apply_topic_overrides(filed: list[TopicMatch], scores: list[_TopicEvidence], overrides: TagOverrides | None,
                           vocabulary: Vocabulary) -> list[TopicMatch]:
    if overrides is None:
        return filed
    by_slug = {score.topic.slug: _topic_match(score) for score in scores}
    added = [by_slug.get(slug) or _unscored_topic(slug, vocabulary) for slug in dict.fromkeys(overrides.add_topics)]
    kept = [match for match in filed if match.slug not in overrides.add_topics]
    return [match for match in added + kept if match.slug not in overrides.remove_topics]


# A topic the editor added that the text gives no evidence for
def _unscored_topic(slug: str, vocabulary: Vocabulary) -> TopicMatch:
    topic = vocabulary.topic(slug)
    return TopicMatch(slug=topic.slug, label=topic.label, score=0.0, evidence=())


# -----------------------------------------------------------------------------
# Helper functions: entities and article type
# -----------------------------------------------------------------------------


# Every known entity the article names, with its count, most mentioned first
def _entity_mentions(zones: list[_Zone], matchers: _Matchers) -> list[tuple[EntityMention, Entity]]:
    counts: Counter[str] = Counter()
    for zone in zones:
        for _, _, name_index in matchers.entities.hits(zone.text):
            for slug in matchers.entities.owners[name_index]:
                counts[slug] += 1
    mentions = []
    for slug, count in counts.most_common():
        entity = matchers.entity_by_slug[slug]
        mentions.append((EntityMention(slug=slug, name=entity.name, kind=entity.kind, count=count), entity))
    return mentions


# The article type's label: the editor's choice, else the type whose cues the text carries most
def _article_type(zones: list[_Zone], matchers: _Matchers, vocabulary: Vocabulary, overrides: TagOverrides | None) -> str:
    if overrides is not None and overrides.article_type:
        return vocabulary.article_type(overrides.article_type).label
    cue_counts: Counter[str] = Counter()
    for zone in _weighted(zones):
        for _, _, cue_index in matchers.cues.hits(zone.text):
            cue_counts.update(matchers.cues.owners[cue_index])
    default = vocabulary.article_type(DEFAULT_ARTICLE_TYPE) or vocabulary.article_types[0]
    best = max(vocabulary.article_types, key=lambda kind: (cue_counts[kind.slug], kind is default))
    if best is not default and cue_counts[best.slug] >= ARTICLE_TYPE_MIN_CUES and cue_counts[best.slug] > cue_counts[default.slug]:
        return best.label
    return default.label


# -----------------------------------------------------------------------------
# Helper functions: overrides and suggestions
# -----------------------------------------------------------------------------


# Refuses overrides naming a topic or article type the vocabulary does not have
def _check_overrides(overrides: TagOverrides, vocabulary: Vocabulary, seed_path: str) -> None:
    for key in ("add_topics", "remove_topics"):
        for slug in getattr(overrides, key):
            if vocabulary.topic(slug) is None:
                close = difflib.get_close_matches(slug, vocabulary.topic_slugs, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                raise VocabularyError(f"tag overrides for {seed_path}: {key}: unknown topic '{slug}'{hint}")
    if overrides.article_type and vocabulary.article_type(overrides.article_type) is None:
        known = ", ".join(kind.label for kind in vocabulary.article_types)
        raise VocabularyError(f"tag overrides for {seed_path}: article_type: unknown type '{overrides.article_type}' (known: {known})")


# Overrides from a plain mapping, with unknown keys and wrong shapes refused
def _overrides_from_mapping(raw: Mapping[str, object], where: str) -> TagOverrides:
    unknown = sorted(set(raw) - {"add_topics", "remove_topics", "article_type"})
    if unknown:
        raise VocabularyError(f"{where}: unknown tag override '{unknown[0]}' (allowed: add_topics, remove_topics, article_type)")
    lists = {}
    for key in ("add_topics", "remove_topics"):
        value = raw.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(slug, str) for slug in value):
            raise VocabularyError(f"{where}: {key} must be a list of topic slugs")
        lists[key] = tuple(slug.strip() for slug in value)
    article_type = raw.get("article_type") or ""
    if not isinstance(article_type, str):
        raise VocabularyError(f"{where}: article_type must be the name of an article type")
    return TagOverrides(add_topics=lists["add_topics"], remove_topics=lists["remove_topics"], article_type=article_type.strip())


# A capitalised phrase trimmed for the report (leading small words and possessives off), or "" to skip it
def _suggested_phrase(phrase: str, not_suggested: frozenset[str]) -> str:
    words = phrase.split()
    while words and words[0].rstrip(".") in not_suggested:
        words.pop(0)
    trimmed = _POSSESSIVE.sub("", " ".join(words)).strip(" -")
    if len(trimmed) < 3 or trimmed in not_suggested:
        return ""
    return trimmed


# Whether the word at `start` opens a sentence: it opens the text, or follows a sentence's end and a
# space, or an opening quote or bracket (read back from the word over spaces: copying the text before
# every capitalised word to match it against a pattern cost O(n^2) per paragraph)
def _opens_sentence(text: str, start: int) -> bool:
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0:
        return start == 0 or text[:start] == "\n"  # "^$" matches before a final line break
    return (text[end - 1] in _SENTENCE_ENDS and end < start) or text[end - 1] in _OPENINGS


# Spans indexed for `_overlaps`: their starts in order, and the furthest end among the spans up to each
def _span_index(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    ordered = sorted(spans)
    return [start for start, _ in ordered], list(itertools.accumulate((end for _, end in ordered), max))


# Whether a span overlaps any of the indexed spans: of those starting before it ends, one ends after it starts
def _overlaps(start: int, end: int, span_index: tuple[list[int], list[int]]) -> bool:
    starts, furthest_ends = span_index
    starting_before = bisect.bisect_left(starts, end)
    return starting_before > 0 and furthest_ends[starting_before - 1] > start
