"""Relating: for every article, the few other articles a reader should read next.

Similarity is TF-IDF cosine over each article's headline and paragraphs,
combined with the topics and entities the two articles share.  To stay near
linear in the size of the archive, no article is compared with every other:
an inverted index maps each term to the articles using it, and an article is
only compared with the articles that use at least one of its own most
distinctive terms (terms used by a large share of the archive are too common
to find neighbours with and are not looked up).  Only the best of those
candidates by that partial overlap get the full cosine.

`mkdocs serve` builds the site again in the same process after a seed changed;
`RelatedArticles` keeps what one build computed and updates it for the next,
redoing only what depends on the articles that are new, gone or changed.  The
document frequencies stay exact, but unchanged articles keep their vectors,
weighted by the document frequencies and archive size of when they were
computed, and an unchanged article's list only gains a new article that finds
it among its own candidates: an approximation a preview server can live with.
A full `mkdocs build` (a new process, or `related_articles`) recomputes
everything.

Standard library only; every threshold and weight is named in "Data".
"""
from __future__ import annotations

import functools
import itertools
import math
import re
import sys
from collections import Counter, defaultdict
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .corpus import PlacedArticle
from .escaping import escape_html
from .listings import article_section_html
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

# An update recomputes everything instead when more than this share of the archive is new, gone or
# changed (a bulk change would leave many kept vectors stale, and the update would save little).
REBUILD_SHARE = 0.05

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
    return RelatedArticles().update(placed, limit)


class RelatedArticles:
    """The related articles of one build, kept to update for the next build in the same process.

    `update(placed, limit)` gives what `related_articles` gives.  The first call computes everything,
    exactly as `related_articles`.  A later call tells the articles apart by identity (an unchanged
    seed gives the very same Article object, a changed one a new object) and redoes only what depends
    on the ones that are new, gone or changed:

    - exact: the document frequencies (the term sets of gone articles taken off, of new ones added),
      the vectors of the new articles, the inverted index, and the lists it recomputes: those of the
      new articles and of every article whose list named a gone article or one whose page moved, each
      as a full computation would give it from the vectors as they now are;
    - approximate: unchanged articles keep their vectors, weighted by the document frequencies,
      archive size and lookup limit of when they were computed; and an unchanged list gains a new
      article only when the new article finds it among its own candidates and scores above its last
      entry (a full computation would instead look from the unchanged article).

    A full `mkdocs build` recomputes everything, and so does an update when more than REBUILD_SHARE
    of the archive is new or gone, or `limit` or a setting in "Data" differs from the last call.

    Articles are kept by a slot number that stays theirs between calls (their index in the list of
    the call that computed everything; new articles get new ones, a gone one's slot stays empty).
    `recomputed` and `inserted` tell what the last call did.

    `update_kept` gives the lists as they are kept, tuples replaced (never changed) when they change,
    so that a caller can tell an unchanged list by its identity.
    """

    # Nothing kept yet: the first update computes everything
    def __init__(self) -> None:
        self.recomputed = 0  # related lists the last call computed (every one when it recomputed everything)
        self.inserted = 0  # new articles the last call inserted into lists it did not recompute
        self._settings: tuple[object, ...] | None = None  # `limit` and the settings in "Data" of the last call
        self._slot_of: dict[int, int] = {}  # id(article) -> slot, for every article of the last call
        self._articles: list[Article | None] = []  # by slot; keeping them keeps their ids unique
        self._paths: list[str] = []  # page path by slot
        self._subjects: list[_Subjects | None] = []
        self._vectors: list[dict[str, float]] = []
        self._rank: list[int] = []  # position in the last call's list by slot: breaks ties between candidates
        self._lists: list[tuple[Relation, ...]] = []  # related list by slot (a new tuple when it changes)
        self._targets: list[tuple[int, ...]] = []  # slots of the articles in the related list, by slot
        self._document_frequency: Counter[str] = Counter()
        self._postings: dict[str, dict[int, float]] = {}  # term -> {slot: weight} of every vector with it

    # The related articles of `placed`, by page path: updated from the last call where it can be
    def update(self, placed: list[PlacedArticle], limit: int = 5) -> dict[str, list[Relation]]:
        return {path: list(relations) for path, relations in self.update_kept(placed, limit).items()}

    # `update`, giving the kept lists themselves: tuples, each the very same object while it is unchanged
    def update_kept(self, placed: list[PlacedArticle], limit: int = 5) -> dict[str, tuple[Relation, ...]]:
        settings = _settings(limit)
        # the same article object twice (never in a corpus) would need two slots under one id
        if settings != self._settings or len({id(item.article) for item in placed}) < len(placed):
            return self._compute_all(placed, settings)
        slots = [self._slot_of.get(id(item.article), -1) for item in placed]  # -1: new, or changed
        added = [position for position, slot in enumerate(slots) if slot < 0]
        gone = sorted(set(self._slot_of.values()).difference(slots))
        if max(len(gone), len(added)) > REBUILD_SHARE * len(placed):
            return self._compute_all(placed, settings)
        moved = {slot for slot, item in zip(slots, placed) if slot >= 0 and self._paths[slot] != item.page_path}
        self.recomputed = self.inserted = 0
        for slot in gone:
            self._forget(slot)
        for position in added:
            self._document_frequency.update(term_counts(placed[position].article).keys())
        for position in added:  # once every new article is counted
            slots[position] = self._add(placed[position], len(placed))
        for position, (slot, item) in enumerate(zip(slots, placed)):
            self._rank[slot] = position
            self._paths[slot] = item.page_path
        if gone or added or moved:
            self._relate_again(set(gone) | moved, [slots[position] for position in added], limit,
                               _lookup_limit(len(placed)))
        return self._result(placed, slots)

    # Everything computed from scratch, as for a first call: slot i is placed[i]
    def _compute_all(self, placed: list[PlacedArticle], settings: tuple[object, ...]) -> dict[str, tuple[Relation, ...]]:
        self.inserted = 0
        self._settings = settings
        limit = settings[0]
        # term counts unpacked one article at a time, twice: all of them at once would take ~100 MB at 10,000
        self._document_frequency = _document_frequency(term_counts(item.article) for item in placed)
        vectors = self._vectors = [tfidf_vector(term_counts(item.article), self._document_frequency, len(placed))
                                   for item in placed]
        self._postings = _inverted_index(vectors)
        self._articles = [item.article for item in placed]
        self._slot_of = {id(article): slot for slot, article in enumerate(self._articles)}
        self._paths = [item.page_path for item in placed]
        self._subjects = [_Subjects.of(item.article) for item in placed]
        self._rank = list(range(len(placed)))
        self._lists = [() for _ in placed]
        self._targets = [() for _ in placed]
        lookup_limit = _lookup_limit(len(placed))
        cosines: dict[tuple[int, int], float] = {}
        for index in range(len(placed)):
            mine: dict[int, float] = {}
            for other in _candidates(index, vectors[index], self._postings, lookup_limit, self._rank):
                pair = (min(index, other), max(index, other))
                if pair not in cosines:
                    cosines[pair] = _cosine(vectors[index], vectors[other])
                mine[other] = cosines[pair]
            self._set_list(index, mine, limit)
        self.recomputed = len(placed)
        return self._result(placed, list(range(len(placed))))

    # Take a gone (or changed) article out: its terms, its postings, its slot
    def _forget(self, slot: int) -> None:
        article = self._articles[slot]
        assert article is not None
        terms = term_counts(article).keys()
        self._document_frequency.subtract(terms)
        for term in terms:
            if self._document_frequency[term] <= 0:
                del self._document_frequency[term]
        for term in self._vectors[slot]:
            posting = self._postings[term]
            del posting[slot]
            if not posting:
                del self._postings[term]
        del self._slot_of[id(article)]
        self._articles[slot] = self._subjects[slot] = None
        self._vectors[slot], self._lists[slot], self._targets[slot] = {}, (), ()

    # Put a new (or changed) article, its terms already counted, in a new slot with its vector and postings
    def _add(self, item: PlacedArticle, documents: int) -> int:
        slot = len(self._articles)
        vector = tfidf_vector(term_counts(item.article), self._document_frequency, documents)
        for term, weight in vector.items():
            self._postings.setdefault(term, {})[slot] = weight
        self._slot_of[id(item.article)] = slot
        self._articles.append(item.article)
        self._paths.append(item.page_path)
        self._subjects.append(_Subjects.of(item.article))
        self._vectors.append(vector)
        self._rank.append(slot)
        self._lists.append(())
        self._targets.append(())
        return slot

    # Recompute the lists of the new articles and of those naming a `stale` one (gone, or its page
    # moved); offer each new article to the other lists of its candidates
    def _relate_again(self, stale: set[int], new: list[int], limit: int, lookup_limit: int) -> None:
        again = set(new) | {
            slot for slot, targets in enumerate(self._targets) if targets and not stale.isdisjoint(targets)
        }
        cosines_of: dict[int, dict[int, float]] = {}
        for slot in sorted(again, key=self._rank.__getitem__):
            vector = self._vectors[slot]
            cosines_of[slot] = {
                other: _cosine(vector, self._vectors[other])
                for other in _candidates(slot, vector, self._postings, lookup_limit, self._rank)
            }
            self._set_list(slot, cosines_of[slot], limit)
        self.recomputed = len(again)
        for slot in new:
            for other, cosine in cosines_of[slot].items():
                if other not in again and self._offer(other, slot, cosine, limit):
                    self.inserted += 1

    # The list of `slot` from the cosines of its candidates: the best `limit` relations scoring enough
    def _set_list(self, slot: int, cosines: Mapping[int, float], limit: int) -> None:
        mine = self._subjects[slot]
        assert mine is not None
        relations = []
        for other, cosine in cosines.items():
            relation = _relation(mine, self._subjects[other], self._paths[other], cosine)  # type: ignore[arg-type]
            if relation.score >= MIN_SCORE:
                relations.append((relation, other))
        relations.sort(key=_relation_order)
        del relations[limit:]
        self._lists[slot] = tuple(relation for relation, _ in relations)
        self._targets[slot] = tuple(other for _, other in relations)

    # Insert `new` into the list of `slot` if it belongs among the best `limit`; whether it did
    def _offer(self, slot: int, new: int, cosine: float, limit: int) -> bool:
        mine, theirs = self._subjects[slot], self._subjects[new]
        relation = _relation(mine, theirs, self._paths[new], cosine)  # type: ignore[arg-type]
        if relation.score < MIN_SCORE or limit <= 0:
            return False
        current = list(zip(self._lists[slot], self._targets[slot]))
        if len(current) >= limit and _relation_order((relation, new)) >= _relation_order(current[-1]):
            return False
        relations = sorted([*current, (relation, new)], key=_relation_order)[:limit]
        self._lists[slot] = tuple(relation for relation, _ in relations)
        self._targets[slot] = tuple(other for _, other in relations)
        return True

    # The lists of `placed` (at `slots`), by page path: the kept tuples themselves
    def _result(self, placed: list[PlacedArticle], slots: list[int]) -> dict[str, tuple[Relation, ...]]:
        lists = self._lists
        return {item.page_path: lists[slot] for item, slot in zip(placed, slots)}


# How often each term occurs in the article's headline and paragraphs (kept with the article packed
# as one string of terms and an array of counts: a fifth of a dict's memory, and a term has no space)
def term_counts(article: Article) -> dict[str, int]:
    terms, counts = derived_value(article, "relating.term_counts", lambda: _packed(_term_counts(article)))
    return dict(zip(terms.split(" "), counts)) if terms else {}


# Term counts packed: the terms joined by spaces, in order, and their counts
def _packed(counts: Counter[str]) -> tuple[str, array]:
    terms = sorted(counts)
    return " ".join(terms), array("I", (counts[term] for term in terms))


# Term counts, computed: each distinct word is counted, then turned into its term once (the texts are
# lower-cased as one, a line break apart: no word spans one, and a final sigma stays final before it)
def _term_counts(article: Article) -> Counter[str]:
    text = "\n".join([article.title, *(block.text for block in article.paragraphs)])
    counts: Counter[str] = Counter()
    for word, count in Counter(_WORD.findall(text.lower())).items():
        term = _term(word)
        if term:
            counts[term] += count
    return counts


# The terms of a text: lower-cased words, stopwords and short words dropped, endings folded
def terms_of(text: str) -> list[str]:
    return [term for term in map(_term, _WORD.findall(text.lower())) if term]


# The term a lower-cased word stands for ("" for stopwords and short words)
@functools.lru_cache(maxsize=200_000)
def _term(word: str) -> str:
    word = word.replace("’", "'").removesuffix("'s")
    return _stem(word) if len(word) >= MIN_TERM_LENGTH and word not in _STOPWORDS else ""


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
    # the terms interned: every vector kept naming "refugee" names the one string
    return {sys.intern(term): weight / norm for term, weight in strongest} if norm else {}


# The "Related reading" section of one article's page, an HTML block ("" when there is nothing to show)
def related_reading_html(relations: Sequence[Relation], placed_by_path: Mapping[str, PlacedArticle],
                         from_page: str, heading: str = "Related reading") -> str:
    items = []
    for relation in relations:
        target = placed_by_path.get(relation.page_path)
        if target is not None:
            shared = _shared_labels(target.article, relation)
            items.append((target, f"Also about: {shared}" if shared else ""))
    return article_section_html(heading, items, from_page)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# In how many articles each term occurs
def _document_frequency(all_counts: Iterable[Mapping[str, int]]) -> Counter[str]:
    document_frequency: Counter[str] = Counter()
    for counts in all_counts:
        document_frequency.update(counts.keys())
    return document_frequency


# term -> {article index: weight} of every article whose vector has it
def _inverted_index(vectors: list[dict[str, float]]) -> dict[str, dict[int, float]]:
    postings: dict[str, dict[int, float]] = defaultdict(dict)
    for index, vector in enumerate(vectors):
        for term, weight in vector.items():
            postings[term][index] = weight
    return dict(postings)


# Articles sharing one of this article's top terms, best by partial overlap (then by `rank`), never itself
def _candidates(index: int, vector: dict[str, float], postings: Mapping[str, Mapping[int, float]],
                lookup_limit: int, rank: Sequence[int]) -> list[int]:
    overlap: dict[int, float] = defaultdict(float)
    for term, weight in itertools.islice(vector.items(), QUERY_TERMS):  # the vector is strongest first
        posting = postings[term]
        if len(posting) > lookup_limit:
            continue
        for other, other_weight in posting.items():
            overlap[other] += weight * other_weight
    overlap.pop(index, None)
    return sorted(overlap, key=lambda other: (-overlap[other], rank[other]))[:MAX_CANDIDATES]


# How many postings a looked-up term may have in an archive of `documents` articles
def _lookup_limit(documents: int) -> int:
    return min(MAX_TERM_POSTINGS, max(MIN_LOOKUP_POSTINGS, int(MAX_TERM_SHARE * documents)))


# Everything a kept computation depends on besides the articles: `limit` first, then the settings in "Data"
def _settings(limit: int) -> tuple[object, ...]:
    return (limit, TEXT_WEIGHT, TOPIC_WEIGHT, ENTITY_WEIGHT, VECTOR_TERMS, QUERY_TERMS, MAX_TERM_SHARE,
            MIN_LOOKUP_POSTINGS, MAX_TERM_POSTINGS, MAX_CANDIDATES, MIN_SCORE, MIN_TERM_LENGTH, MIN_STEM_LENGTH)


# The order of a related list: best score first, then by page path
def _relation_order(entry: tuple[Relation, int]) -> tuple[float, str]:
    return -entry[0].score, entry[0].page_path


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
    return ", ".join(escape_html(label) for label in [*topics, *entities][:4])
