"""The corpus: every seed in a folder turned into placed articles, plus the problems found.

Reads each seed through the pipeline, reports bad seeds and duplicates (one
message each, naming the file and what is wrong) without stopping the others,
and gives every article its page path.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .addressing import assign_page_paths
from .caching import SeedCache, SeedResult
from .deduplication import without_duplicates
from .overrides import apply_override, is_override_file, load_override, override_path_for
from .pipeline import article_from_file
from .publications import PublicationRegistry
from .reading import MAX_SEED_BYTES, SeedError, is_seed_file
from .structure.article import Article
from .tagging import TagOverrides, tag_article
from .vocabulary import Vocabulary, VocabularyError

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------


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
) -> Corpus:
    corpus = Corpus()
    articles: list[Article] = []
    for path in sorted(seed_dir.iterdir()) if seed_dir.is_dir() else []:
        shown = path.relative_to(display_root).as_posix() if display_root else path.as_posix()
        if is_override_file(path):
            continue
        if not path.is_file() or not is_seed_file(path):
            corpus.ignored.append(shown)
            continue
        result = _cached_seed_result(path, shown, publications, vocabulary, cache)
        corpus.problems.extend(result.problems)
        corpus.notes.extend(result.notes)
        if result.article is not None:
            articles.append(result.article)
    articles, duplicates = without_duplicates(articles)
    # A dump folded into its saved page is a note; any other duplicate is a problem.
    corpus.problems.extend(duplicate.message for duplicate in duplicates if not duplicate.folded)
    corpus.notes.extend(duplicate.message for duplicate in duplicates if duplicate.folded)
    paths = assign_page_paths(articles)
    corpus.articles = sorted(
        (PlacedArticle(article, paths[article.seed_path]) for article in articles),
        key=_newest_first,
    )
    return corpus


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# One seed's result from the cache when its bytes and override are unchanged, else computed and stored
def _cached_seed_result(
    path: Path, shown: str, publications: PublicationRegistry, vocabulary: Vocabulary | None, cache: SeedCache | None
) -> SeedResult:
    key = _cache_key(path, shown, cache) if cache is not None else None
    cached = cache.get(key) if cache is not None and key else None
    if cached is not None:
        return cached
    result = _seed_result(path, shown, publications, vocabulary)
    if cache is not None and key:
        cache.put(key, result)
    return result


# The cache key of a seed, or "" when the seed is too large to be worth reading here
def _cache_key(path: Path, shown: str, cache: SeedCache) -> str:
    try:
        if path.stat().st_size > MAX_SEED_BYTES:
            return ""
        override = override_path_for(path)
        return cache.key(shown, path.read_bytes(), override.read_bytes() if override.is_file() else b"")
    except OSError:
        return ""


# One seed's article: pipeline, override, tags; or the problem that stops it
def _seed_result(path: Path, shown: str, publications: PublicationRegistry, vocabulary: Vocabulary | None) -> SeedResult:
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
            result.notes.extend(f"{shown}: {note}" for note in tagged.warnings[len(article.warnings) :])
            article = tagged
        result.article = article
    except (SeedError, VocabularyError) as error:
        result.problems.append(str(error))
    return result


# Sort key: newest date first, undated last, then by headline and file for a stable order
def _newest_first(placed: PlacedArticle) -> tuple:
    date = placed.article.date
    return (date is None, -(date.toordinal() if date else 0), placed.article.title.lower(), placed.article.seed_path)
