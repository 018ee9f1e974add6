"""The per-seed pipeline: read -> clean -> extract metadata -> tag.

Plain functions over the article model; the MkDocs hook and the command line
both call these, and tests call them directly.  A seed's ending says what it
is: a text dump (`.txt`: cleaning and metadata), a saved web page (`.html`,
`.htm`: html_seeds, trafilatura) or a hand-written article (`.md`:
markdown_seeds).  All three give the same `Article`, which the later stages
treat alike.
"""
from __future__ import annotations

from pathlib import Path

from . import cleaning, metadata
from .html_seeds import article_from_html, is_html_seed
from .markdown_seeds import article_from_markdown, is_markdown_seed
from .publications import PublicationRegistry
from .reading import read_seed
from .structure.article import Article, SeedText


# One seed's text to its article, before tagging (the seed's path ending picks the extraction)
def article_from_text(seed: SeedText, publications: PublicationRegistry) -> Article:
    if is_html_seed(seed.path):
        return article_from_html(seed, publications)
    if is_markdown_seed(seed.path):
        return article_from_markdown(seed, publications)
    cleaned = cleaning.clean(seed)
    return metadata.extract_article(cleaned, publications)


# One seed file to its article; raises reading.SeedError for a file that is no article
def article_from_file(path: Path, publications: PublicationRegistry, display_path: str | None = None) -> Article:
    return article_from_text(read_seed(path, display_path), publications)
