"""The site: the corpus rendered into the pages MkDocs adds to the build.

`build_site` runs the whole pipeline over `seeds/` and writes each generated
page into a cache folder (only when its text changed, so `mkdocs serve`
reloads only what changed, and plugins that read source files find them).
Hand-written pages in `docs/` carry placeholders such as
`<!-- archive:latest -->` that `fill_placeholders` replaces with listings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import listings
from .corpus import Corpus, build_corpus
from .publications import PublicationRegistry, load_publications
from .rendering import display_date, render_article

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Where generated pages are written, relative to the project root (safe to delete).
PAGE_CACHE = Path(".cache") / "newsarchive" / "pages"

# A placeholder in a hand-written page: <!-- archive:NAME -->
_PLACEHOLDER = re.compile(r"<!--\s*archive:([a-z-]+)\s*-->")


@dataclass(frozen=True)
class GeneratedPage:
    """A page the archive adds to the site: its path in the site and the file holding it."""

    src_uri: str
    abs_path: Path


@dataclass
class ArchiveSite:
    """Everything the hook needs from one build of the archive."""

    corpus: Corpus
    pages: list[GeneratedPage] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        """One line per bad seed or duplicate, naming the file."""
        return self.corpus.problems

    # Title, date and URL of the newest articles, for templates
    def latest_links(self, count: int = 10) -> list[dict[str, str]]:
        return [
            {"title": placed.article.title, "date": display_date(placed.article.date), "url": placed.url}
            for placed in self.corpus.articles[:count]
        ]

    # A hand-written page with its archive placeholders filled in
    def fill_placeholders(self, markdown: str, src_uri: str) -> str:
        return _PLACEHOLDER.sub(lambda match: self._placeholder(match.group(1), src_uri, match.group(0)), markdown)

    # The Markdown a placeholder stands for (unknown names stay as they are)
    def _placeholder(self, name: str, src_uri: str, original: str) -> str:
        articles = self.corpus.articles
        if name == "latest":
            return listings.latest_articles(articles, src_uri)
        if name == "count":
            return str(len(articles))
        if name == "sources":
            return "\n".join(f"- {source} ({count})" for source, count in listings.source_counts(articles)) + "\n"
        return original


# -----------------------------------------------------------------------------
# Building
# -----------------------------------------------------------------------------


# Run the pipeline over the project's seeds and write the generated pages
def build_site(root: Path, *, site_url: str = "", publications: PublicationRegistry | None = None) -> ArchiveSite:
    registry = publications or load_publications()
    corpus = build_corpus(root / "seeds", registry, display_root=root)
    site = ArchiveSite(corpus=corpus)
    site.notes.extend(f"{path}: not a seed file, ignored" for path in corpus.ignored)
    cache = root / PAGE_CACHE
    for src_uri, markdown in _page_texts(corpus, site_url):
        site.pages.append(GeneratedPage(src_uri, _write_if_changed(cache / src_uri, markdown)))
    return site


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# (source path, Markdown) of every generated page
def _page_texts(corpus: Corpus, site_url: str):
    for placed in corpus.articles:
        url = site_url.rstrip("/") + "/" + placed.url if site_url else ""
        yield placed.page_path, render_article(placed.article, url=url)
    yield listings.ARCHIVE_INDEX, listings.archive_index_page(corpus.articles)
    for year, placed in listings.articles_by_year(corpus.articles).items():
        yield listings.year_page_path(year), listings.year_page(year, placed)


# Write a file only when its text differs from what is there; returns its path
def _write_if_changed(path: Path, text: str) -> Path:
    data = text.encode("utf-8")
    if not path.is_file() or path.read_bytes() != data:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return path
