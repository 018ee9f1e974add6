"""The corpus: every seed in a folder turned into placed articles, plus the problems found.

Reads each seed through the pipeline, reports bad seeds and duplicates (one
message each, naming the file and what is wrong) without stopping the others,
and gives every article its page path.
"""
from __future__ import annotations

import os
from bisect import bisect_left, insort
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from .addressing import assign_page_paths
from .caching import SeedCache, SeedResult
from .deduplication import DuplicateFinder, without_duplicates
from .overrides import apply_override, is_override_name, load_override, override_name_for, override_path_for
from .pipeline import article_from_file
from .publications import PublicationRegistry
from .reading import MAX_SEED_BYTES, SeedError, is_saved_page_folder_name, is_seed_name
from .structure.article import Article, derived_value
from .tagging import ArticleReview, TagOverrides, review_article, tag_article
from .vocabulary import Vocabulary, VocabularyError

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Above this share of the corpus arriving or leaving at once, Placements sorts the corpus afresh.
REORDER_SHARE = 0.1

# Seeds to compute before worker processes pay for their start (about 0.3 s each).
PARALLEL_FROM_SEEDS = 200

# Most worker processes used (the per-seed stages are independent; more cores, more workers).
MAX_WORKERS = 8


@dataclass(frozen=True)
class PlacedArticle:
    """An article with the path of its page in the site (`articles/2016/slug.md`)."""

    article: Article
    page_path: str

    @property
    def url(self) -> str:
        """The page's URL relative to the site root, directory style."""
        return self.page_path.removesuffix(".md") + "/"


class Placements:
    """The placed articles of the last build, kept between builds of one process (`mkdocs serve`).

    An unchanged seed gives the very same Article object on every build of a remembering process;
    `place` gives it the very same PlacedArticle while its page path is unchanged, updates the corpus
    order for the articles that came and went instead of sorting it again, and gives the very same
    list when none did, so that identities tell what changed.  `left` and `arrived` say what did."""

    # Nothing placed yet: everything arrives
    def __init__(self) -> None:
        self.articles: list[PlacedArticle] = []  # of the last call, newest first
        self.left: list[PlacedArticle] = []  # of the last call: in the list before, not in the new one
        self.arrived: list[PlacedArticle] = []  # of the last call: new PlacedArticles
        self._placed: dict[tuple[int, str], PlacedArticle] = {}  # (id of the article, page path) -> the placed article

    # The articles at their page paths, newest first (see the class)
    def place(self, articles: list[Article], paths: dict[str, str]) -> list[PlacedArticle]:
        known = self._placed
        current, arrived = [], []
        for article in articles:
            placed = known.get((id(article), paths[article.seed_path]))
            if placed is None:
                placed = PlacedArticle(article, paths[article.seed_path])
                arrived.append(placed)
            current.append(placed)
        staying = {id(placed) for placed in current}
        self.left, self.arrived = [placed for placed in self.articles if id(placed) not in staying], arrived
        if not self.left and not arrived:
            return self.articles
        if len(self.left) + len(arrived) > REORDER_SHARE * len(current):
            order = sorted(current, key=newest_first_key)
        else:
            order = list(self.articles)
            for placed in self.left:
                index = bisect_left(order, newest_first_key(placed), key=newest_first_key)
                assert order[index] is placed, "the last build's corpus is out of order"
                del order[index]
            for placed in arrived:
                insort(order, placed, key=newest_first_key)
        for placed in self.left:
            del known[(id(placed.article), placed.page_path)]
        known.update(((id(placed.article), placed.page_path), placed) for placed in arrived)
        self.articles = order
        return order


class SeedFile(NamedTuple):
    """A seed file found in the seed folder: where it is, how messages name it, and its override file's
    path (None when it has none)."""

    path: str
    shown: str
    override: str | None


class SeedFolder:
    """The seed folder's files as the last build found them, kept between builds of one process
    (`mkdocs serve`): while the folder holds the same names (the same of them files), which are seeds
    and which are ignored is not worked out again for each of its thousands of files."""

    # Nothing read yet
    def __init__(self) -> None:
        self._listed: tuple = ()  # the folder, the project root, and (name, is a file) of everything in it
        self._found: tuple[list[SeedFile], list[str]] = ([], [])

    # The seed files of the folder, and the other files in it (as messages name them), in name order
    def read(self, seed_dir: Path, display_root: Path | None) -> tuple[list[SeedFile], list[str]]:
        listing = _listing(seed_dir)
        listed = (seed_dir, display_root, [(name, entry.is_file()) for name, entry in listing.items()])
        if listed != self._listed:
            self._listed, self._found = listed, _seed_files(seed_dir, display_root, listing)
        return self._found


@dataclass
class Corpus:
    """All articles of the archive, newest first, and what went wrong on the way."""

    articles: list[PlacedArticle] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line each, naming the file
    notes: list[str] = field(default_factory=list)  # worth an editor's look, not a fault (untagged, excluded)
    ignored: list[str] = field(default_factory=list)  # files in seeds/ that are not seeds
    reviews: dict[str, ArticleReview] = field(default_factory=dict)  # by seed path, for the editor report


# -----------------------------------------------------------------------------
# Building
# -----------------------------------------------------------------------------


# Every seed in `seed_dir` through the pipeline, with its override applied and tagged;
# with a `cache`, seeds whose bytes and override did not change since the last build are not redone
# (`seed_folder`, `duplicate_finder` and `placements`, kept between builds, redo only what changed in
# their stages)
def build_corpus(
    seed_dir: Path,
    publications: PublicationRegistry,
    vocabulary: Vocabulary | None = None,
    *,
    display_root: Path | None = None,
    cache: SeedCache | None = None,
    prepare: Callable[[Article], None] | None = None,
    duplicate_finder: DuplicateFinder | None = None,
    placements: Placements | None = None,
    seed_folder: SeedFolder | None = None,
) -> Corpus:
    corpus = Corpus()
    seeds, ignored = (seed_folder or SeedFolder()).read(seed_dir, display_root)
    corpus.ignored = list(ignored)
    articles: list[Article] = []
    for result in _seed_results(seeds, publications, vocabulary, cache, prepare):
        corpus.problems.extend(result.problems)
        corpus.notes.extend(result.notes)
        if result.article is not None:
            articles.append(result.article)
            if result.review is not None:
                corpus.reviews[result.article.seed_path] = result.review
    articles, duplicates = without_duplicates(articles, finder=duplicate_finder)
    # A dump folded into its saved page is a note; any other duplicate is a problem.
    corpus.problems.extend(duplicate.message for duplicate in duplicates if not duplicate.folded)
    corpus.notes.extend(duplicate.message for duplicate in duplicates if duplicate.folded)
    paths = assign_page_paths(articles)
    if placements is not None:
        corpus.articles = placements.place(articles, paths)
    else:
        corpus.articles = sorted((PlacedArticle(article, paths[article.seed_path]) for article in articles),
                                 key=newest_first_key)
    return corpus


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# The entries of the seed folder by name, in name order (one read of the folder: its thousands of files
# are neither opened nor looked at one by one here)
def _listing(seed_dir: Path) -> dict[str, os.DirEntry]:
    try:
        entries = {entry.name: entry for entry in os.scandir(seed_dir)}
    except (FileNotFoundError, NotADirectoryError):
        return {}
    return {name: entries[name] for name in sorted(entries)}


# The seed files among a folder's entries (with their override files), and the other files (as messages
# name them); override files and saved pages' folders are neither
def _seed_files(seed_dir: Path, display_root: Path | None,
                listing: dict[str, os.DirEntry]) -> tuple[list[SeedFile], list[str]]:
    seeds, ignored = [], []
    shown_folder = (seed_dir.relative_to(display_root) if display_root else seed_dir).as_posix()
    for name, entry in listing.items():
        shown = f"{shown_folder.rstrip('/')}/{name}" if shown_folder != "." else name
        if is_override_name(name, lambda other: other in listing and listing[other].is_file()) \
                or is_saved_page_folder_name(name):
            continue
        if not entry.is_file() or not is_seed_name(name, seed_dir.name):
            ignored.append(shown)
            continue
        override = override_name_for(name)
        seeds.append(SeedFile(entry.path, shown, listing[override].path if override in listing else None))
    return seeds, ignored


# Every seed's result, in seed order: from the cache where the seed is unchanged, the rest computed
# (on all the machine's cores when there are enough of them to pay for starting workers) and stored
def _seed_results(
    seeds: list[SeedFile], publications: PublicationRegistry, vocabulary: Vocabulary | None, cache: SeedCache | None,
    prepare: Callable[[Article], None] | None,
) -> list[SeedResult]:
    keys = [cache.file_key(seed.path, seed.shown, seed.override, MAX_SEED_BYTES) if cache is not None else ""
            for seed in seeds]
    results: list[SeedResult | None] = [cache.get(key) if cache is not None and key else None for key in keys]
    missing = [index for index, result in enumerate(results) if result is None]
    computed = _compute_results([seeds[index] for index in missing], publications, vocabulary, prepare)
    for index, result in zip(missing, computed):
        results[index] = result
        if cache is not None and keys[index]:
            cache.put(keys[index], result)
    if cache is not None:
        cache.forget_unused()
    return [result for result in results if result is not None]


# Results of the pipeline for seeds, in order; in worker processes when there are many
def _compute_results(
    seeds: list[SeedFile], publications: PublicationRegistry, vocabulary: Vocabulary | None,
    prepare: Callable[[Article], None] | None,
) -> list[SeedResult]:
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if workers < 2 or len(seeds) < PARALLEL_FROM_SEEDS:
        return [_seed_result(Path(seed.path), seed.shown, publications, vocabulary, prepare) for seed in seeds]
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(publications, vocabulary, prepare)) as pool:
        return list(pool.map(_seed_result_in_worker, seeds, chunksize=max(1, len(seeds) // (workers * 8))))


# The data every worker process needs, sent once when it starts
_worker_data: tuple[PublicationRegistry, Vocabulary | None, Callable[[Article], None] | None] | None = None


# Keep the registry and vocabulary in a new worker process
def _start_worker(publications: PublicationRegistry, vocabulary: Vocabulary | None,
                  prepare: Callable[[Article], None] | None) -> None:
    global _worker_data
    _worker_data = (publications, vocabulary, prepare)


# One seed's result, computed in a worker process
def _seed_result_in_worker(seed: SeedFile) -> SeedResult:
    assert _worker_data is not None, "worker started without its data"
    return _seed_result(Path(seed.path), seed.shown, *_worker_data)


# One seed's article: pipeline, override, tags; or the problem that stops it
# (`prepare` computes what later stages derive from the article alone, so it is cached with it)
def _seed_result(path: Path, shown: str, publications: PublicationRegistry, vocabulary: Vocabulary | None,
                 prepare: Callable[[Article], None] | None = None) -> SeedResult:
    result = SeedResult(article=None)
    try:
        override_file = override_path_for(path)
        override = load_override(override_file, shown.removesuffix(path.suffix) + override_file.suffix)
        if override is not None and override.exclude:
            result.notes.append(f"{shown}: excluded by its override file")
            return result
        article = article_from_file(path, publications, shown)
        if not article.body:
            result.problems.append(f"{shown}: no article text found (the file looks like page furniture only)")
            return result
        if override is not None:
            article = apply_override(article, override, publications)
        result.problems.extend(f"{shown}: {warning}" for warning in article.warnings)
        if vocabulary is not None:
            tags = TagOverrides(override.add_topics, override.remove_topics, override.article_type) if override else None
            # A hand-written seed's front-matter `topics` are added topics, after the override file's.
            if article.editor_topics:
                tags = TagOverrides(
                    tuple(dict.fromkeys([*(tags.add_topics if tags else ()), *article.editor_topics])),
                    tags.remove_topics if tags else (),
                    tags.article_type if tags else "",
                )
            tagged = tag_article(article, vocabulary, tags)
            result.review = review_article(tagged, vocabulary)
            result.notes.extend(f"{shown}: {note}" for note in tagged.warnings[len(article.warnings) :])
            article = tagged
        if prepare is not None:
            prepare(article)
        result.article = article
    except (SeedError, VocabularyError) as error:
        result.problems.append(str(error))
    return result


# Sort key: newest date first, undated last, then by headline and file for a stable order (made once
# per article: listings sort the same articles many times)
def newest_first_key(placed: PlacedArticle) -> tuple:
    article = placed.article
    return derived_value(article, "corpus.newest_first_key", lambda: (
        article.date is None, -(article.date.toordinal() if article.date else 0), article.title.lower(), article.seed_path))
