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

import difflib
import functools
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
# A run of capitalised words, possibly joined by small lowercase words ("Ministry of State Security").
_CAPITALISED_PHRASE = re.compile(
    r"(?<![\w’'])[A-Z][\w’'\-]*(?:(?:\s+(?:of|for|and|the|on|in))*\s+[A-Z][\w’'\-]*)*"
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
        known_spans = [(start, end) for start, end, _ in matchers.entities.hits(zone.text) + matchers.topics.hits(zone.text)]
        for match in _CAPITALISED_PHRASE.finditer(zone.text):
            phrase = _suggested_phrase(match.group(), vocabulary.not_suggested)
            if " " not in match.group() and _opens_sentence(zone.text, match.start()):
                continue  # one capitalised word opening a sentence is just a sentence
            if phrase and not _overlaps(match.start(), match.end(), known_spans):
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
        self._word_regexes = [(mode[0], _trie_regex(trie, *mode)) for mode, trie in tries.items()]
        self._other_regex = _alternation_regex(other_patterns)
        self._recent_hits: dict[str, tuple[tuple[int, int, int], ...]] = {}  # text -> its hits, oldest first
        self._matched: dict[tuple[bool, str], int | None] = {}  # (case-sensitive, text a trie matched) -> term index

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
        for case_sensitive, regex in self._word_regexes:
            for match in regex.finditer(text):
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


# One regular expression finding any term of a trie (as whole words, unless told otherwise)
def _trie_regex(trie: dict, case_sensitive: bool, word_boundaries: bool) -> re.Pattern[str]:
    flags = 0 if case_sensitive else re.IGNORECASE
    source = _trie_source(trie)
    return re.compile(rf"(?<!\w){source}(?!\w)" if word_boundaries else source, flags)


# The regular expression source of a trie node: longer continuations tried before the term ending here
def _trie_source(node: dict) -> str:
    ordered = sorted((atom for atom in node if atom != _END), key=lambda atom: atom == _WILDCARD_ATOM)
    branches = [(_ATOM_SOURCES.get(atom) or re.escape(atom)) + _trie_source(node[atom]) for atom in ordered]
    if _END in node:
        branches.append("")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


# One alternation of term patterns with a group each; (regex, group number -> term index), or None
def _alternation_regex(patterns: dict[str, int]) -> tuple[re.Pattern[str], dict[int, int]] | None:
    if not patterns:
        return None
    ordered = sorted(patterns.items(), key=lambda pattern: -len(pattern[0]))
    source = "|".join(f"({pattern})" for pattern, _ in ordered)
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

    @property
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


# Whether a span overlaps any of the given spans
def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(span_start < end and start < span_end for span_start, span_end in spans)
