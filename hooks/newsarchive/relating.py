"""Relating: for every article, the few other articles a reader should read next.

Similarity is TF-IDF cosine over each article's headline and paragraphs,
combined with the topics and entities the two articles share.  To stay near
linear in the size of the archive, no article is compared with every other:
an inverted index maps each term to the articles using it, and an article is
only compared with the articles that use at least one of its own most
distinctive terms (terms used by a large share of the archive are too common
to find neighbours with and are not looked up).  Only the best of those
candidates by that partial overlap get the full cosine.

Standard library only; every threshold and weight is named in "Data".
"""
from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from .addressing import relative_link
from .corpus import PlacedArticle
from .escaping import escape_markdown
from .structure.article import Article, derived_value

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# How much each kind of evidence counts in the final score (they sum to 1).
TEXT_WEIGHT = 0.7
TOPIC_WEIGHT = 0.15
ENTITY_WEIGHT = 0.15

# An article's vector keeps only its this many highest-weighted terms (bounds each cosine's cost).
VECTOR_TERMS = 150

# How many of an article's highest-weighted terms are used to find candidates.
QUERY_TERMS = 25

# A term used by more than this share of the archive is not looked up (too common)...
MAX_TERM_SHARE = 0.2
# ...unless the archive is small enough that every term can be (tiny archives, tests)...
MIN_LOOKUP_POSTINGS = 50
# ...and never one with more postings than this (bounds each article's lookup cost).
MAX_TERM_POSTINGS = 400

# How many candidates, best by partial overlap, get the full cosine.
MAX_CANDIDATES = 40

# Pairs scoring below this are not related at all.
MIN_SCORE = 0.02

# Words shorter than this are not terms.
MIN_TERM_LENGTH = 3

# Endings taken off words (after plurals), longest first, leaving at least MIN_STEM_LENGTH letters.
_SUFFIXES = ("ational", "ations", "ation", "ating", "ated", "ates", "ions", "ion", "ing", "ed", "ate", "ment", "ly", "e")
MIN_STEM_LENGTH = 4

# A word: letters, with inner apostrophes or hyphens ("china's", "north-east").
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

# Function words and news boilerplate that say nothing about what an article is about.
_STOPWORDS = frozenset(
    """
    about above according across after again against all almost also although always among and another any
    are around because been before being below between both but can could did does doing done down during
    each either even ever every few for from further had has have having her here hers herself him himself
    his how however into its itself just last least less like made make many may might more most much must
    near nor not now off once one only other our ours ourselves out over own per rather said same say says
    she should since some still such than that the their theirs them themselves then there these they this
    those though through thus too two under until upon very was way well were what when where whether which
    while who whom whose why will with within without would yet you your yours also new year years told
    """.split()
)


@dataclass(frozen=True)
class Relation:
    """Another article related to one: its page, how related, and what the two share."""

    page_path: str  # the related article's page, e.g. "articles/2024/slug.md"
    score: float  # 0..1, higher is more related (rounded to 4 places)
    shared_topics: tuple[str, ...] = ()  # topic slugs both articles are filed under, sorted
    shared_entities: tuple[str, ...] = ()  # entity slugs both articles name, sorted


@dataclass(frozen=True)
class _Subjects:
    """The topic and entity slugs of one article, computed once per build."""

    topics: frozenset[str]
    entities: frozenset[str]

    @classmethod
    def of(cls, article: Article) -> _Subjects:
        """The subjects an article is tagged with."""
        return cls(frozenset(t.slug for t in article.topics), frozenset(e.slug for e in article.entities))


# -----------------------------------------------------------------------------
# Relating
# -----------------------------------------------------------------------------


# Up to `limit` related articles for every article, best first, keyed by page path
def related_articles(placed: list[PlacedArticle], limit: int = 5) -> dict[str, list[Relation]]:
    all_counts = [term_counts(item.article) for item in placed]
    document_frequency = _document_frequency(all_counts)
    vectors = [tfidf_vector(counts, document_frequency, len(placed)) for counts in all_counts]
    postings = _inverted_index(vectors)
    lookup_limit = min(MAX_TERM_POSTINGS, max(MIN_LOOKUP_POSTINGS, int(MAX_TERM_SHARE * len(placed))))
    subjects = [_Subjects.of(item.article) for item in placed]
    cosines: dict[tuple[int, int], float] = {}
    related: dict[str, list[Relation]] = {}
    for index, item in enumerate(placed):
        relations = []
        for other in _candidates(index, vectors[index], postings, lookup_limit):
            pair = (min(index, other), max(index, other))
            if pair not in cosines:
                cosines[pair] = _cosine(vectors[index], vectors[other])
            relation = _relation(subjects[index], subjects[other], placed[other].page_path, cosines[pair])
            if relation.score >= MIN_SCORE:
                relations.append(relation)
        related[item.page_path] = sorted(relations, key=lambda relation: (-relation.score, relation.page_path))[:limit]
    return related


# How often each term occurs in the article's headline and paragraphs
def term_counts(article: Article) -> Counter[str]:
    return derived_value(article, "relating.term_counts", lambda: _term_counts(article))


# Term counts, computed
def _term_counts(article: Article) -> Counter[str]:
    texts = [article.title, *(block.text for block in article.paragraphs)]
    return Counter(term for text in texts for term in terms_of(text))


# The terms of a text: lower-cased words, stopwords and short words dropped, endings folded
def terms_of(text: str) -> list[str]:
    words = (word.replace("’", "'").removesuffix("'s") for word in _WORD.findall(text.lower()))
    return [_stem(word) for word in words if len(word) >= MIN_TERM_LENGTH and word not in _STOPWORDS]


# TF-IDF vector (sublinear tf, smoothed idf) of unit length, strongest term first, keeping only the
# strongest terms other articles also use (a term no other article has adds to the length, never to a cosine)
def tfidf_vector(counts: Mapping[str, int], document_frequency: Mapping[str, int], documents: int) -> dict[str, float]:
    weights = {
        term: (1 + math.log(count)) * (1 + math.log((1 + documents) / (1 + document_frequency[term])))
        for term, count in counts.items()
    }
    norm = math.sqrt(sum(weight * weight for weight in weights.values()))
    shared = [(term, weight) for term, weight in weights.items() if document_frequency[term] > 1]
    strongest = sorted(shared, key=lambda item: (-item[1], item[0]))[:VECTOR_TERMS]
    return {term: weight / norm for term, weight in strongest} if norm else {}


# Markdown "Related reading" list for one article's page (empty when there is nothing to show)
def related_reading_markdown(relations: list[Relation], placed_by_path: Mapping[str, PlacedArticle],
                             from_page: str, heading: str = "Related reading") -> str:
    items = []
    for relation in relations:
        target = placed_by_path.get(relation.page_path)
        if target is None:
            continue
        link = relative_link(target.page_path, from_page)
        shared = _shared_labels(target.article, relation)
        note = f"  \n  <small>Also about: {shared}</small>" if shared else ""
        items.append(f"- [{escape_markdown(target.article.title, line_start=False)}]({link}){note}")
    return f"## {heading}\n\n" + "\n".join(items) + "\n" if items else ""


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# In how many articles each term occurs
def _document_frequency(all_counts: list[Counter[str]]) -> Counter[str]:
    document_frequency: Counter[str] = Counter()
    for counts in all_counts:
        document_frequency.update(counts.keys())
    return document_frequency


# term -> (article index, weight) of every article whose vector has it
def _inverted_index(vectors: list[dict[str, float]]) -> dict[str, list[tuple[int, float]]]:
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for index, vector in enumerate(vectors):
        for term, weight in vector.items():
            postings[term].append((index, weight))
    return postings


# Articles sharing one of this article's top terms, best by partial overlap, never itself
def _candidates(index: int, vector: dict[str, float], postings: Mapping[str, list[tuple[int, float]]],
                lookup_limit: int) -> list[int]:
    overlap: dict[int, float] = defaultdict(float)
    for term, weight in itertools.islice(vector.items(), QUERY_TERMS):  # the vector is strongest first
        posting = postings[term]
        if len(posting) > lookup_limit:
            continue
        for other, other_weight in posting:
            overlap[other] += weight * other_weight
    overlap.pop(index, None)
    return sorted(overlap, key=lambda other: (-overlap[other], other))[:MAX_CANDIDATES]


# Cosine of two unit vectors: the dot product over the terms they share
def _cosine(first: dict[str, float], second: dict[str, float]) -> float:
    return math.fsum(first[term] * second[term] for term in first.keys() & second.keys())  # fsum: order-free, exact


# The relation of one article to another (at `page_path`): weighted text, topic and entity similarity
def _relation(mine: _Subjects, theirs: _Subjects, page_path: str, text_similarity: float) -> Relation:
    score = (
        TEXT_WEIGHT * text_similarity
        + TOPIC_WEIGHT * _jaccard(mine.topics, theirs.topics)
        + ENTITY_WEIGHT * _jaccard(mine.entities, theirs.entities)
    )
    return Relation(page_path, round(score, 4), _shared(mine.topics, theirs.topics), _shared(mine.entities, theirs.entities))


# What two sets share, sorted
def _shared(first: frozenset[str], second: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(first & second))


# Share of the union the two sets have in common (0 when both are empty)
def _jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    union = first | second
    return len(first & second) / len(union) if union else 0.0


# A word with its common English endings taken off ("repatriated", "repatriation" -> "repatri")
@functools.lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM_LENGTH:
            return word[: -len(suffix)]
    return word


# Labels of the topics and names of the entities the relation shares, as escaped Markdown
def _shared_labels(target: Article, relation: Relation) -> str:
    topics = [topic.label for topic in target.topics if topic.slug in relation.shared_topics]
    entities = [entity.name for entity in target.entities if entity.slug in relation.shared_entities]
    return ", ".join(escape_markdown(label, line_start=False) for label in [*topics, *entities][:4])
