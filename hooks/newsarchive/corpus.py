"""The corpus: every seed in a folder turned into placed articles, plus the problems found.

Reads each seed through the pipeline, reports bad seeds and duplicates (one
message each, naming the file and what is wrong) without stopping the others,
and gives every article its page path.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .addressing import assign_page_paths
from .caching import SeedCache, SeedResult
from .deduplication import DuplicateFinder, without_duplicates
from .overrides import apply_override, is_override_file, load_override, override_path_for
from .pipeline import article_from_file
from .publications import PublicationRegistry
from .reading import MAX_SEED_BYTES, SeedError, is_saved_page_folder, is_seed_file
from .structure.article import Article, derived_value
from .tagging import ArticleReview, TagOverrides, review_article, tag_article
from .vocabulary import Vocabulary, VocabularyError

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

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
def build_corpus(
    seed_dir: Path,
    publications: PublicationRegistry,
    vocabulary: Vocabulary | None = None,
    *,
    display_root: Path | None = None,
    cache: SeedCache | None = None,
    prepare: Callable[[Article], None] | None = None,
    duplicate_finder: DuplicateFinder | None = None,
) -> Corpus:
    corpus = Corpus()
    seeds: list[tuple[Path, str]] = []
    for path in sorted(seed_dir.iterdir()) if seed_dir.is_dir() else []:
        shown = path.relative_to(display_root).as_posix() if display_root else path.as_posix()
        if is_override_file(path) or is_saved_page_folder(path):
            continue
        if not path.is_file() or not is_seed_file(path):
            corpus.ignored.append(shown)
            continue
        seeds.append((path, shown))
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
    corpus.articles = sorted(
        (PlacedArticle(article, paths[article.seed_path]) for article in articles),
        key=newest_first_key,
    )
    return corpus


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# Every seed's result, in seed order: from the cache where the seed is unchanged, the rest computed
# (on all the machine's cores when there are enough of them to pay for starting workers) and stored
def _seed_results(
    seeds: list[tuple[Path, str]], publications: PublicationRegistry, vocabulary: Vocabulary | None, cache: SeedCache | None,
    prepare: Callable[[Article], None] | None,
) -> list[SeedResult]:
    keys = [cache.file_key(path, shown, override_path_for(path), MAX_SEED_BYTES) if cache is not None else ""
            for path, shown in seeds]
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
    seeds: list[tuple[Path, str]], publications: PublicationRegistry, vocabulary: Vocabulary | None,
    prepare: Callable[[Article], None] | None,
) -> list[SeedResult]:
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if workers < 2 or len(seeds) < PARALLEL_FROM_SEEDS:
        return [_seed_result(path, shown, publications, vocabulary, prepare) for path, shown in seeds]
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
def _seed_result_in_worker(seed: tuple[Path, str]) -> SeedResult:
    assert _worker_data is not None, "worker started without its data"
    return _seed_result(seed[0], seed[1], *_worker_data)


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
