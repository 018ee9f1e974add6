"""Deduplication: the same article dumped twice becomes one page.

Two seeds are the same article when their bodies say the same thing: either
exactly (the same words once case, punctuation and spacing are ignored, which
is what two dumps of one page with different furniture leave after cleaning)
or nearly (their word 5-shingles overlap by a Jaccard index of at least
`NEAR_DUPLICATE_JACCARD`, or the shorter body lies almost wholly inside the
longer one: a truncated dump).  Two different articles that only share a
headline are not duplicates.

When one of the copies is a saved web page (`.html`/`.htm`), the others fold
into it: its page is the one built, with the saved page's metadata (headline,
date, authors, publication, original address; a dump's fills what the page
lacks) and the body of the copy with the most words.  The record of each folded
copy says so (`Duplicate.folded`), for a note rather than a warning.

Finding near duplicates never compares all pairs: every body is reduced to a
sample of its shingles chosen by hash value (the same shingle is sampled in
every body that has it), the samples go into an index, and only articles that
share several sampled shingles are compared in full.  Shingles that occur in
very many articles (stock phrases) are left out of the index, so the work
grows about linearly with the archive.
"""
from __future__ import annotations

import hashlib
import re
import zlib
from array import array
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .structure.article import Article, derived_value

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Words per shingle (a run of consecutive words compared between bodies).
SHINGLE_WORDS = 5

# Bodies whose shingle sets have at least this Jaccard index are the same article.
NEAR_DUPLICATE_JACCARD = 0.8

# A body with at least this share of its shingles inside another body is a copy of it (truncated dump).
NEAR_DUPLICATE_CONTAINMENT = 0.9

# Bodies with fewer shingles than this are only compared exactly (too short to judge by overlap).
MIN_SHINGLES_COMPARED = 20

# One shingle in this many (by hash) is sampled into the index.
SAMPLE_EVERY = 8

# Two articles are compared in full when they share this share of the smaller one's sample...
CANDIDATE_SHARED_SAMPLE = 0.5

# ...and at least this many sampled shingles.
CANDIDATE_MIN_SHARED = 2

# Sampled shingles found in more articles than this are stock phrases and are not indexed.
MAX_POSTING_LENGTH = 50

# Seed endings of saved web pages, whose metadata wins when a dump of the same article folds into them.
SAVED_PAGE_SUFFIXES = (".html", ".htm")

# What a saved page's article gives a fold (where it has it), and the rest from the copy with the most words.
_PAGE_METADATA_FIELDS = ("title", "date", "authors", "author_role", "publication", "source_url", "credits")


@dataclass(frozen=True)
class Duplicate:
    """A seed whose article repeats another's: `dropped` gets no page, `kept` does."""

    kept: str  # seed path of the article that is built
    dropped: str  # seed path of the article left out
    similarity: float  # Jaccard index of the two bodies' shingles (1.0 for the same words)
    exact: bool  # the same words, ignoring case, punctuation and spacing
    folded: bool = False  # a dump folded into the saved web page `kept` (a note, not a problem)

    @property
    def message(self) -> str:
        """One line naming both files (a warning, or a note when folded)."""
        how = "same article text" if self.exact else f"nearly the same article text, {self.similarity:.0%} overlap"
        if self.folded:
            return (f"{self.dropped}: folded into the saved web page {self.kept} ({how}); "
                    f"one page is built, with the saved page's metadata")
        return f"{self.dropped}: duplicate of {self.kept} ({how}); only {self.kept} is built"


@dataclass(frozen=True)
class _Body:
    """What deduplication needs of one article's body."""

    index: int  # position in the list of articles
    seed_path: str
    words: int  # number of words, to keep the more complete dump
    saved_page: bool  # the seed is a saved web page (its metadata wins)
    fingerprint: str  # hash of the normalised words
    word_hashes: array  # crc32 of each word, compact (4 bytes a word): shingles are made from these on demand
    sample: frozenset[int]  # the shingles sampled for the index
    shingle_count: int  # how many distinct shingles the body has


# -----------------------------------------------------------------------------
# Deduplication
# -----------------------------------------------------------------------------


# Every seed that repeats another, each named with the one that is kept
def find_duplicates(articles: Sequence[Article]) -> list[Duplicate]:
    bodies = [_body(index, article) for index, article in enumerate(articles)]
    pairs = _exact_pairs(bodies) | _near_pairs(bodies)
    groups = _groups(len(bodies), pairs)
    duplicates = []
    for group in groups:
        kept = min((bodies[index] for index in group), key=_completeness)
        for index in sorted(group, key=lambda index: bodies[index].seed_path):
            if index != kept.index:
                duplicates.append(_duplicate(kept, bodies[index]))
    return sorted(duplicates, key=lambda duplicate: duplicate.dropped)


# The articles without the repeats (order kept), and the duplicates found; a saved web page with
# dumps folded into it becomes one article (see `fold`)
def without_duplicates(articles: Sequence[Article]) -> tuple[list[Article], list[Duplicate]]:
    duplicates = find_duplicates(articles)
    dropped = {duplicate.dropped for duplicate in duplicates}
    by_path = {article.seed_path: article for article in articles}
    folded_into: dict[str, list[Article]] = defaultdict(list)
    for duplicate in duplicates:
        if duplicate.folded:
            folded_into[duplicate.kept].append(by_path[duplicate.dropped])
    return [
        fold(article, folded_into[article.seed_path]) if article.seed_path in folded_into else article
        for article in articles
        if article.seed_path not in dropped
    ], duplicates


# One article from a saved page and the dumps of the same article: the page's metadata (a dump's
# where the page has none) and the body, notes, tags and warnings of the copy with the most words
def fold(page: Article, dumps: Sequence[Article]) -> Article:
    fullest = max([page, *dumps], key=lambda article: len(_body_words(article)))  # the page on a tie
    metadata = {
        name: next((value for value in (getattr(copy, name) for copy in (page, *dumps)) if value), getattr(page, name))
        for name in _PAGE_METADATA_FIELDS
    }
    return replace(fullest, seed_path=page.seed_path, **metadata)


# Hash of an article's words, blind to case, punctuation and spacing
def body_fingerprint(article: Article) -> str:
    return hashlib.sha256(" ".join(_body_words(article)).encode("utf-8")).hexdigest()


# Jaccard index of two articles' body shingles (1.0 for identical bodies, 0.0 for nothing shared)
def body_similarity(first: Article, second: Article) -> float:
    return _jaccard(_shingles(_word_hashes(_body_words(first))), _shingles(_word_hashes(_body_words(second))))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# The words of an article's body text, lowercased, punctuation dropped
def _body_words(article: Article) -> list[str]:
    return re.findall(r"\w+", " ".join(block.text for block in article.paragraphs).lower())


# What deduplication keeps of one article (its word statistics computed once per article)
def _body(index: int, article: Article) -> _Body:
    words, fingerprint, word_hashes, sample, shingle_count = body_statistics(article)
    saved_page = article.seed_path.lower().endswith(SAVED_PAGE_SUFFIXES)
    return _Body(index, article.seed_path, words, saved_page, fingerprint, word_hashes, sample, shingle_count)


# An article body's word count, fingerprint, word hashes, sampled shingles and shingle count (once per article)
def body_statistics(article: Article) -> tuple[int, str, array, frozenset[int], int]:
    return derived_value(article, "deduplication.body_statistics", lambda: _body_statistics(article))


# The body statistics, computed
def _body_statistics(article: Article) -> tuple[int, str, array, frozenset[int], int]:
    words = _body_words(article)
    word_hashes = _word_hashes(words)
    shingles = _shingles(word_hashes)
    sample = frozenset(shingle for shingle in shingles if shingle % SAMPLE_EVERY == 0)
    fingerprint = hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()
    return len(words), fingerprint, word_hashes, sample, len(shingles)


# crc32 of each word, in a compact array (the same on every run of Python)
def _word_hashes(words: list[str]) -> array:
    return array("I", map(zlib.crc32, map(str.encode, words)))


# Hashes of every run of SHINGLE_WORDS consecutive words, the same on every run of Python
# (runs of word hashes as tuples of ints, whose hash does not depend on PYTHONHASHSEED)
def _shingles(word_hashes: array) -> frozenset[int]:
    runs = zip(*(word_hashes[offset:] for offset in range(SHINGLE_WORDS)))
    return frozenset(map(hash, runs))


# Pairs of articles (by index) with the same words
def _exact_pairs(bodies: list[_Body]) -> set[tuple[int, int]]:
    first_with: dict[str, int] = {}
    pairs = set()
    for body in bodies:
        if body.words == 0:
            continue
        if body.fingerprint in first_with:
            pairs.add((first_with[body.fingerprint], body.index))
        else:
            first_with[body.fingerprint] = body.index
    return pairs


# Pairs of articles (by index) whose bodies overlap enough, found through the sample index
def _near_pairs(bodies: list[_Body]) -> set[tuple[int, int]]:
    postings: dict[int, list[int]] = defaultdict(list)
    for body in bodies:
        if body.shingle_count >= MIN_SHINGLES_COMPARED:
            for shingle in body.sample:
                postings[shingle].append(body.index)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for indexes in postings.values():
        if len(indexes) > MAX_POSTING_LENGTH:
            continue
        for position, first in enumerate(indexes):
            for second in indexes[position + 1 :]:
                shared[(first, second)] += 1
    candidates = (pair for pair, count in shared.items() if _is_candidate(bodies[pair[0]], bodies[pair[1]], count))
    return {pair for pair in candidates if _overlap_enough(bodies[pair[0]], bodies[pair[1]])}


# Whether two bodies share enough sampled shingles to be compared in full
def _is_candidate(first: _Body, second: _Body, shared_samples: int) -> bool:
    smaller = min(len(first.sample), len(second.sample))
    return shared_samples >= max(CANDIDATE_MIN_SHARED, CANDIDATE_SHARED_SAMPLE * smaller)


# Whether two bodies are the same article by Jaccard index or by containment of the shorter
def _overlap_enough(first: _Body, second: _Body) -> bool:
    first_shingles, second_shingles = _shingles(first.word_hashes), _shingles(second.word_hashes)
    common = len(first_shingles & second_shingles)
    smaller = min(len(first_shingles), len(second_shingles))
    jaccard = common / (len(first_shingles) + len(second_shingles) - common)
    return jaccard >= NEAR_DUPLICATE_JACCARD or common / smaller >= NEAR_DUPLICATE_CONTAINMENT


# Jaccard index of two sets (0.0 when both are empty)
def _jaccard(first: frozenset[int], second: frozenset[int]) -> float:
    union = len(first | second)
    return len(first & second) / union if union else 0.0


# Groups of article indexes joined by the pairs (union-find), each sorted, in order of first member
def _groups(count: int, pairs: set[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(count))

    # The representative of an index's group
    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for first, second in sorted(pairs):
        parent[max(root(first), root(second))] = min(root(first), root(second))
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(count):
        members[root(index)].append(index)
    return [group for _, group in sorted(members.items()) if len(group) > 1]


# Sort key for the copy to keep (smallest first): a saved web page, then the most words, then the
# first seed file by name
def _completeness(body: _Body) -> tuple[bool, int, str]:
    return (not body.saved_page, -body.words, body.seed_path)


# The Duplicate record for a dropped body and the one kept in its place
def _duplicate(kept: _Body, dropped: _Body) -> Duplicate:
    exact = kept.fingerprint == dropped.fingerprint
    similarity = 1.0 if exact else _jaccard(_shingles(kept.word_hashes), _shingles(dropped.word_hashes))
    folded = kept.saved_page and not dropped.saved_page
    return Duplicate(kept=kept.seed_path, dropped=dropped.seed_path, similarity=similarity, exact=exact, folded=folded)
