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

`mkdocs serve` builds the site again in the same process after a seed changes.
A `DuplicateFinder` kept between those builds remembers the index and the pairs
it found: articles are known by identity (never changed in place; a changed
seed is a new Article), so a rebuild indexes only the articles it has not seen,
drops those no longer listed, and counts again only the pairs whose count they
change, with the same result as finding from scratch.
"""
from __future__ import annotations

import hashlib
import re
import zlib
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import combinations, repeat

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

    seed_path: str
    words: int  # number of words, to keep the more complete dump
    saved_page: bool  # the seed is a saved web page (its metadata wins)
    fingerprint: str  # hash of the normalised words
    word_hashes: array  # crc32 of each word, compact (4 bytes a word): shingles are made from these on demand
    sample: array  # the shingles sampled for the index, ascending (an array: a tenth of a frozenset's memory)
    shingle_count: int  # how many distinct shingles the body has


# -----------------------------------------------------------------------------
# Deduplication
# -----------------------------------------------------------------------------


# Every seed that repeats another, each named with the one that is kept
def find_duplicates(articles: Sequence[Article]) -> list[Duplicate]:
    return DuplicateFinder().find(articles)


# The articles without the repeats (order kept), and the duplicates found; a saved web page with
# dumps folded into it becomes one article (see `fold`).  A `finder` kept between builds of one
# process (`mkdocs serve`) reuses the work of the build before; the result is the same.
def without_duplicates(
    articles: Sequence[Article], finder: DuplicateFinder | None = None
) -> tuple[list[Article], list[Duplicate]]:
    duplicates = finder.find(articles) if finder is not None else find_duplicates(articles)
    if not duplicates:
        return list(articles), duplicates
    dropped = {duplicate.dropped for duplicate in duplicates}
    by_path = {article.seed_path: article for article in articles}
    folded_into: dict[str, list[Article]] = defaultdict(list)
    for duplicate in duplicates:
        if duplicate.folded:
            folded_into[duplicate.kept].append(by_path[duplicate.dropped])
    fold_into = finder.fold if finder is not None else fold
    return [
        fold_into(article, folded_into[article.seed_path]) if article.seed_path in folded_into else article
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


class DuplicateFinder:
    """Finds duplicates like `find_duplicates`, remembering its work from one call to the next.

    Keep one for the life of a process that builds the site more than once (`mkdocs serve`) and
    pass it to `without_duplicates`.  Every occurrence of an article in the list gets a slot (a
    number, never reused, later ones larger) known by the article's identity: articles are never
    changed in place, so the same object has the same body.  Each call takes in only the articles
    it has not seen (their sampled shingles join the index and their pairs with every other article
    are counted) and lets go of those no longer listed.  A pair of articles it already had is
    counted again only when an arriving or leaving article moved one of their shared postings across
    `MAX_POSTING_LENGTH` (the only way a pair's count depends on other articles).  The decided near
    pairs and the full comparisons are kept; the groups and records are then made from the current
    list exactly as from scratch, so the result is the same, record for record and in order.
    """

    # An empty finder: nothing indexed
    def __init__(self) -> None:
        self._clear()

    # Every seed that repeats another, as `find_duplicates(articles)` gives them, reusing earlier calls' work
    def find(self, articles: Sequence[Article]) -> list[Duplicate]:
        self._folds_before, self._folds = self._folds, {}
        keys = _occurrence_keys(articles)
        listed = set(keys)
        leaving = [key for key in self._slots if key not in listed]
        if leaving and len(leaving) == len(self._slots):
            self._clear()  # nothing stays: starting afresh is quicker than letting every slot go
            leaving = []
        arriving = [(key, article) for key, article in zip(keys, articles) if key not in self._slots]
        self.indexed, self.counted_pairs = len(arriving), 0
        if leaving or arriving:
            try:
                self._update(leaving, arriving)
            except BaseException:
                self._clear()  # half an update is no index: the next call starts afresh
                raise
        return self._duplicates([self._slots[key] for key in keys])

    # `fold(page, dumps)`: the very same article as the last call's while the page and dumps are the same
    # objects (so that a folded article is not new on every build)
    def fold(self, page: Article, dumps: Sequence[Article]) -> Article:
        key = (id(page), *map(id, dumps))
        entry = self._folds_before.get(key) or self._folds.get(key) or ((page, *dumps), fold(page, dumps))
        self._folds[key] = entry  # the page and dumps kept with it, so that their identities stay unique
        return entry[1]

    # Forget everything: no slots, no index, no pairs
    def _clear(self) -> None:
        self._slots: dict[tuple[int, int], int] = {}  # occurrence key (see `_occurrence_keys`) -> slot
        self._articles: dict[int, Article] = {}  # slot -> article, held so that no other object gets its id
        self._bodies: dict[int, _Body] = {}  # slot -> what deduplication needs of the article's body
        self._postings: dict[int, list[int]] = defaultdict(list)  # sampled shingle -> slots with it, ascending
        self._near: dict[int, set[int]] = {}  # slot -> slots whose bodies are near duplicates of its own
        self._comparisons: dict[int, dict[int, tuple[bool, float]]] = {}  # slot -> slot -> `_overlap` of the two
        self._same_words: dict[str, list[int]] = {}  # fingerprint -> slots of the bodies (with words) that have it
        self._repeated: set[str] = set()  # fingerprints of more than one slot
        self._folds: dict[tuple[int, ...], tuple[tuple[Article, ...], Article]] = {}  # see `fold`, for this call
        self._folds_before: dict[tuple[int, ...], tuple[tuple[Article, ...], Article]] = {}  # for the call before
        self._next_slot = 0
        self.indexed = 0  # articles the last call took in (new or changed since the call before, or listed once more)
        self.counted_pairs = 0  # pairs of articles whose shared samples the last call counted

    # Let the leaving occurrences go, take the arriving ones in, and decide again every pair whose count changed
    def _update(self, leaving: list[tuple[int, int]], arriving: list[tuple[tuple[int, int], Article]]) -> None:
        incoming = [(key, article, _body(article)) for key, article in arriving]
        staying = len(leaving) < len(self._slots)  # some pairs are already decided
        touched: set[int] = set()  # sampled shingles whose postings change (only needed when some slot stays)
        if staying:
            touched.update(shingle for key in leaving for shingle in _indexed_sample(self._bodies[self._slots[key]]))
            touched.update(shingle for _, _, body in incoming for shingle in _indexed_sample(body))
        counted_before = {shingle: self._counted(shingle) for shingle in touched}
        for key in leaving:
            self._forget(key)
        first_new = self._next_slot
        for key, article, body in incoming:
            self._remember(key, article, body)
        # Pairs with a new slot: counted through the postings that have one (all of them on a first call)
        with_new: Counter[tuple[int, int]] = Counter()  # (earlier slot, new slot) -> counted samples shared
        postings = self._postings
        for posting in (postings.get(shingle, ()) for shingle in touched) if staying else postings.values():
            if 1 < len(posting) <= MAX_POSTING_LENGTH and posting[-1] >= first_new:
                for position in range(max(1, bisect_left(posting, first_new)), len(posting)):
                    with_new.update(zip(posting[:position], repeat(posting[position])))
        # Pairs of staying slots: a count changes only where a shared posting crossed MAX_POSTING_LENGTH
        recount: set[tuple[int, int]] = set()
        for shingle in touched:
            if self._counted(shingle) != counted_before[shingle]:
                recount.update(combinations([slot for slot in postings.get(shingle, ()) if slot < first_new], 2))
        for first, second in recount:
            self._decide(first, second, self._shared(first, second))
        for (first, second), shared in with_new.items():
            self._decide(first, second, shared)
        self.counted_pairs = len(recount) + len(with_new)

    # Give an arriving occurrence the next slot and put its sampled shingles in the index
    def _remember(self, key: tuple[int, int], article: Article, body: _Body) -> None:
        slot = self._next_slot
        self._next_slot += 1
        self._slots[key] = slot
        self._articles[slot] = article
        self._bodies[slot] = body
        postings = self._postings
        for shingle in _indexed_sample(body):
            postings[shingle].append(slot)
        if body.words:
            same = self._same_words.setdefault(body.fingerprint, [])
            same.append(slot)
            if len(same) > 1:
                self._repeated.add(body.fingerprint)

    # Take a leaving occurrence out of the index, with its near pairs and comparisons
    def _forget(self, key: tuple[int, int]) -> None:
        slot = self._slots.pop(key)
        del self._articles[slot]
        body = self._bodies.pop(slot)
        if body.words:
            same = self._same_words[body.fingerprint]
            same.remove(slot)
            if len(same) < 2:
                self._repeated.discard(body.fingerprint)
            if not same:
                del self._same_words[body.fingerprint]
        for shingle in _indexed_sample(body):
            posting = self._postings[shingle]
            posting.remove(slot)
            if not posting:
                del self._postings[shingle]
        for other in self._near.pop(slot, ()):
            self._near[other].discard(slot)
        for other in self._comparisons.pop(slot, {}):
            del self._comparisons[other][slot]

    # Whether a sampled shingle's posting is short enough to count (not a stock phrase)
    def _counted(self, shingle: int) -> bool:
        return len(self._postings.get(shingle, ())) <= MAX_POSTING_LENGTH

    # How many counted sampled shingles two indexed slots share
    def _shared(self, first: int, second: int) -> int:
        common = set(self._bodies[first].sample).intersection(self._bodies[second].sample)
        return sum(1 for shingle in common if len(self._postings[shingle]) <= MAX_POSTING_LENGTH)

    # Record whether two slots are near duplicates, given how many counted sampled shingles they share
    def _decide(self, first: int, second: int, shared: int) -> None:
        bodies = self._bodies
        candidate = shared >= CANDIDATE_MIN_SHARED and _is_candidate(bodies[first], bodies[second], shared)
        if candidate and self._compare(first, second)[0]:
            self._near.setdefault(first, set()).add(second)
            self._near.setdefault(second, set()).add(first)
        elif second in self._near.get(first, ()):
            self._near[first].discard(second)
            self._near[second].discard(first)

    # Whether two slots' bodies overlap enough, and their Jaccard index (compared in full once per pair)
    def _compare(self, first: int, second: int) -> tuple[bool, float]:
        known = self._comparisons.get(first, {}).get(second)
        if known is None:
            known = _overlap(self._bodies[first], self._bodies[second])
            self._comparisons.setdefault(first, {})[second] = known
            self._comparisons.setdefault(second, {})[first] = known
        return known

    # The Duplicate records of the listed slots (in list order): groups by index, as from scratch (only
    # the slots with the same words as another or a near duplicate are looked at)
    def _duplicates(self, slots: list[int]) -> list[Duplicate]:
        paired = {slot for fingerprint in self._repeated for slot in self._same_words[fingerprint]}
        paired.update(slot for slot, others in self._near.items() if others)
        if not paired:
            return []
        index_of = {slot: index for index, slot in enumerate(slots) if slot in paired}
        pairs = set()
        for fingerprint in self._repeated:  # each with the first in the list of the same words
            first, *others = sorted(index_of[slot] for slot in self._same_words[fingerprint])
            pairs.update((first, other) for other in others)
        pairs.update(
            (index_of[first], index_of[second])
            for first, others in self._near.items()
            for second in others
            if first < second
        )
        bodies = self._bodies
        duplicates = []
        for group in _groups(pairs):
            kept = min(group, key=lambda index: _completeness(bodies[slots[index]]))  # the first in the list on a tie
            for index in sorted(group, key=lambda index: bodies[slots[index]].seed_path):
                if index != kept:
                    duplicates.append(self._duplicate(slots[kept], slots[index]))
        return sorted(duplicates, key=lambda duplicate: duplicate.dropped)

    # The Duplicate record for a dropped slot and the one kept in its place
    def _duplicate(self, kept: int, dropped: int) -> Duplicate:
        kept_body, dropped_body = self._bodies[kept], self._bodies[dropped]
        exact = kept_body.fingerprint == dropped_body.fingerprint
        similarity = 1.0 if exact else self._compare(kept, dropped)[1]
        folded = kept_body.saved_page and not dropped_body.saved_page
        return Duplicate(kept=kept_body.seed_path, dropped=dropped_body.seed_path, similarity=similarity, exact=exact,
                         folded=folded)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# The words of an article's body text, lowercased, punctuation dropped
def _body_words(article: Article) -> list[str]:
    return re.findall(r"\w+", " ".join(block.text for block in article.paragraphs).lower())


# What deduplication keeps of one article (its word statistics computed once per article)
def _body(article: Article) -> _Body:
    words, fingerprint, word_hashes, sample, shingle_count = body_statistics(article)
    saved_page = article.seed_path.lower().endswith(SAVED_PAGE_SUFFIXES)
    return _Body(article.seed_path, words, saved_page, fingerprint, word_hashes, sample, shingle_count)


# An article body's word count, fingerprint, word hashes, sampled shingles and shingle count (once per article)
def body_statistics(article: Article) -> tuple[int, str, array, array, int]:
    return derived_value(article, "deduplication.body_statistics", lambda: _body_statistics(article))


# The body statistics, computed
def _body_statistics(article: Article) -> tuple[int, str, array, array, int]:
    words = _body_words(article)
    word_hashes = _word_hashes(words)
    shingles = _shingles(word_hashes)
    sample = array("q", sorted(shingle for shingle in shingles if shingle % SAMPLE_EVERY == 0))
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


# A key for each article in the list that names the same object on the next call: its identity and
# how many times the same object came before it in the list (an article listed twice is two occurrences)
def _occurrence_keys(articles: Sequence[Article]) -> list[tuple[int, int]]:
    seen: dict[int, int] = {}
    keys = []
    for article in articles:
        identity = id(article)
        repeat = seen.get(identity, 0)
        seen[identity] = repeat + 1
        keys.append((identity, repeat))
    return keys


# The sampled shingles of a body that go into the index (none when it is too short to judge by overlap)
def _indexed_sample(body: _Body) -> array:
    return body.sample if body.shingle_count >= MIN_SHINGLES_COMPARED else array("q")


# Whether two bodies share enough sampled shingles to be compared in full
def _is_candidate(first: _Body, second: _Body, shared_samples: int) -> bool:
    smaller = min(len(first.sample), len(second.sample))
    return shared_samples >= max(CANDIDATE_MIN_SHARED, CANDIDATE_SHARED_SAMPLE * smaller)


# Whether two bodies are the same article by Jaccard index or by containment of the shorter, and
# their Jaccard index (as `_jaccard` gives it)
def _overlap(first: _Body, second: _Body) -> tuple[bool, float]:
    first_shingles, second_shingles = _shingles(first.word_hashes), _shingles(second.word_hashes)
    common = len(first_shingles & second_shingles)
    smaller = min(len(first_shingles), len(second_shingles))
    union = len(first_shingles) + len(second_shingles) - common
    jaccard = common / union if union else 0.0
    contained = smaller > 0 and common / smaller >= NEAR_DUPLICATE_CONTAINMENT
    return jaccard >= NEAR_DUPLICATE_JACCARD or contained, jaccard


# Jaccard index of two sets (0.0 when both are empty)
def _jaccard(first: frozenset[int], second: frozenset[int]) -> float:
    union = len(first | second)
    return len(first & second) / union if union else 0.0


# Groups of article indexes joined by the pairs (union-find), each sorted, in order of first member
def _groups(pairs: set[tuple[int, int]]) -> list[list[int]]:
    parent = {index: index for pair in pairs for index in pair}

    # The representative of an index's group
    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for first, second in sorted(pairs):
        parent[max(root(first), root(second))] = min(root(first), root(second))
    members: dict[int, list[int]] = defaultdict(list)
    for index in sorted(parent):
        members[root(index)].append(index)
    return [group for _, group in sorted(members.items()) if len(group) > 1]


# Sort key for the copy to keep (smallest first): a saved web page, then the most words, then the
# first seed file by name
def _completeness(body: _Body) -> tuple[bool, int, str]:
    return (not body.saved_page, -body.words, body.seed_path)
