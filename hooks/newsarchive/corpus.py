"""The corpus: every seed in a folder turned into placed articles, plus the problems found.

Reads each seed through the pipeline, reports bad seeds and duplicates (one
message each, naming the file and what is wrong) without stopping the others,
and gives every article its page path.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .addressing import assign_page_paths
from .pipeline import article_from_file
from .publications import PublicationRegistry
from .reading import SeedError, is_seed_file
from .structure.article import Article

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
    ignored: list[str] = field(default_factory=list)  # files in seeds/ that are not seeds


# -----------------------------------------------------------------------------
# Building
# -----------------------------------------------------------------------------


# Every seed in `seed_dir` through the pipeline; `finish` runs on each article (tagging)
def build_corpus(
    seed_dir: Path,
    publications: PublicationRegistry,
    *,
    display_root: Path | None = None,
    finish: Callable[[Article], Article] | None = None,
) -> Corpus:
    corpus = Corpus()
    articles: list[Article] = []
    for path in sorted(seed_dir.iterdir()) if seed_dir.is_dir() else []:
        shown = path.relative_to(display_root).as_posix() if display_root else path.as_posix()
        if not path.is_file() or not is_seed_file(path):
            corpus.ignored.append(shown)
            continue
        try:
            article = article_from_file(path, publications, shown)
        except SeedError as error:
            corpus.problems.append(str(error))
            continue
        if not article.body:
            corpus.problems.append(f"{shown}: no article text found (the file looks like page furniture only)")
            continue
        corpus.problems.extend(f"{shown}: {warning}" for warning in article.warnings)
        articles.append(finish(article) if finish else article)
    articles = _without_duplicates(articles, corpus.problems)
    paths = assign_page_paths(articles)
    corpus.articles = sorted(
        (PlacedArticle(article, paths[article.seed_path]) for article in articles),
        key=_newest_first,
    )
    return corpus


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# Drop articles whose body repeats an earlier seed's, with a message naming both files
def _without_duplicates(articles: list[Article], problems: list[str]) -> list[Article]:
    first_by_body: dict[str, Article] = {}
    kept = []
    for article in articles:
        fingerprint = body_fingerprint(article)
        if fingerprint in first_by_body:
            original = first_by_body[fingerprint]
            problems.append(f"{article.seed_path}: duplicate of {original.seed_path} (same article text); one page is built")
            continue
        first_by_body[fingerprint] = article
        kept.append(article)
    return kept


# Hash of an article's words, blind to case, punctuation and spacing
def body_fingerprint(article: Article) -> str:
    words = re.findall(r"\w+", " ".join(block.text for block in article.paragraphs).lower())
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


# Sort key: newest date first, undated last, then by headline and file for a stable order
def _newest_first(placed: PlacedArticle) -> tuple:
    date = placed.article.date
    return (date is None, -(date.toordinal() if date else 0), placed.article.title.lower(), placed.article.seed_path)
