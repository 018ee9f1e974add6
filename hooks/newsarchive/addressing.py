"""Addressing: readable, stable, unique URLs for articles.

An article lives at `articles/<year>/<slug-of-its-headline>/`, never at a URL
made from the seed's hash file name.  Two articles with the same headline in
the same year get `-2`, `-3`, ... in seed-file order, so URLs are stable as
long as the seeds are.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .structure.article import Article, derived_value

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Longest slug, in characters, cut at a word boundary.
MAX_SLUG_LENGTH = 96

# Folder for articles whose date is unknown.
UNDATED = "undated"


# -----------------------------------------------------------------------------
# Addressing
# -----------------------------------------------------------------------------


# ASCII slug of a text: "“Mass Exodus” of North Koreans" -> "mass-exodus-of-north-koreans"
def slugify(text: str, fallback: str = "article") -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > MAX_SLUG_LENGTH:
        slug = slug[:MAX_SLUG_LENGTH].rsplit("-", 1)[0]
    return slug or fallback


# Source path (as MkDocs sees it) of each article's page, unique across the archive
def assign_page_paths(articles: Iterable[Article]) -> dict[str, str]:
    taken: set[str] = set()
    paths: dict[str, str] = {}
    for article in sorted(articles, key=lambda article: article.seed_path):
        base = derived_value(article, "addressing.page_base", lambda: _page_base(article))
        stem, counter = base, 1
        while stem in taken:
            counter += 1
            stem = f"{base}-{counter}"
        taken.add(stem)
        paths[article.seed_path] = f"{stem}.md"
    return paths


# Markdown link target from one source page to another (MkDocs resolves .md links and makes them
# relative URLs, so the site works from any sub-path)
# (both are normalised paths from the docs root, as the pipeline makes them: no "." or ".." parts;
# plain string work, since posixpath.relpath resolves both against the working directory and is
# ~20x slower: it was a quarter of a warm build at 10,000 articles)
def relative_link(target: str, from_page: str) -> str:
    folder = from_page.split("/")[:-1]
    parts = target.split("/")
    shared = 0
    for mine, theirs in zip(folder, parts[:-1]):
        if mine != theirs:
            break
        shared += 1
    return "/".join([".."] * (len(folder) - shared) + parts[shared:])


# The URL of a page from another page, as MkDocs writes it with `use_directory_urls` (the archive's
# setting: "articles/2016/slug.md" is served at "articles/2016/slug/"), for links in raw HTML that
# MkDocs does not rewrite.  Listing pages use it: Python-Markdown turns a list item of a Markdown
# link ~7 times slower than the same item written as HTML, and listings hold every article many times.
def page_url_link(target: str, from_page: str) -> str:
    return relative_link(_directory_url(target), _directory_url(from_page) + "index.html") or "./"


# A page's directory-style URL relative to the site root ("" for the home page)
def _directory_url(page: str) -> str:
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
        return stem
    return stem + "/"


# An article's page path before it is made unique, without ".md": its year folder and headline slug
def _page_base(article: Article) -> str:
    return f"articles/{article.date.year if article.date else UNDATED}/{slugify(article.title)}"
