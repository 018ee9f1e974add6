"""The per-seed pipeline: read -> clean -> extract metadata -> tag.

Plain functions over the article model; the MkDocs hook and the command line
both call these, and tests call them directly.
"""
from __future__ import annotations

from pathlib import Path

from . import cleaning, metadata
from .publications import PublicationRegistry
from .reading import read_seed
from .structure.article import Article, SeedText


# One seed's text to its article, before tagging
def article_from_text(seed: SeedText, publications: PublicationRegistry) -> Article:
    cleaned = cleaning.clean(seed)
    return metadata.extract_article(cleaned, publications)


# One seed file to its article; raises reading.SeedError for a file that is no article
def article_from_file(path: Path, publications: PublicationRegistry, display_path: str | None = None) -> Article:
    return article_from_text(read_seed(path, display_path), publications)
