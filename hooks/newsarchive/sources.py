"""Sources: the publications the archive holds articles from, and a page for each.

The sources index lists every publication with its article count (articles
whose publication is unknown are grouped under "Source unknown", never
guessed); each publication's page (`sources/<slug>.md`) lists its articles
newest first and links its Atom feed (`feeds/sources/<slug>.xml`).  Links are
relative to the page they are written on.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import yaml

from .corpus import PlacedArticle
from .grouping import grouped
from .escaping import escape_html, escape_markdown
from .listings import Remember, article_list, relative_link, subject_listing
from .rendering import UNKNOWN_SOURCE
from .timeline import newest_first

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Source path of the hand-written sources index page (its placeholder gets `sources_list`).
SOURCES_INDEX = "sources.md"

# Slug of the group of articles whose publication is unknown.
UNKNOWN_SOURCE_SLUG = "source-unknown"


@dataclass
class Source:
    """A publication (or the unknown-source group) and its articles, newest first."""

    slug: str
    name: str
    url: str = ""  # the publication's home page, from the registry
    articles: list[PlacedArticle] = field(default_factory=list)

    @property
    def page_path(self) -> str:
        """Source path of the publication's page."""
        return source_page_path(self.slug)

    @property
    def feed_path(self) -> str:
        """Path in the site of the publication's Atom feed."""
        return source_feed_path(self.slug)


# Source path of one publication's page
def source_page_path(slug: str) -> str:
    return f"sources/{slug}.md"


# Path in the site of one publication's Atom feed
def source_feed_path(slug: str) -> str:
    return f"feeds/sources/{slug}.xml"


# -----------------------------------------------------------------------------
# Sources
# -----------------------------------------------------------------------------


# Every publication with articles, most articles first (then by name); the unknown group last
def sources_of(articles: Iterable[PlacedArticle]) -> list[Source]:
    return sources_from_groups(grouped(newest_first(articles), source_entries))


# The sources of articles grouped by source slug (each group newest first), ordered as `sources_of`
# orders them; each Source holds its group itself
def sources_from_groups(by_slug: dict[str, list[PlacedArticle]]) -> list[Source]:
    found = [_new_source(group[0], group) for group in by_slug.values()]
    return sorted(found, key=lambda source: (source.slug == UNKNOWN_SOURCE_SLUG, -len(source.articles),
                                            source.name.casefold(), source.slug))


# The (source slug, article) pair of an article, for grouping.Grouping
def source_entries(placed: PlacedArticle) -> tuple[tuple[str, PlacedArticle]]:
    return ((source_slug(placed), placed),)


# Slug of an article's publication, or of the unknown-source group
def source_slug(placed: PlacedArticle) -> str:
    publication = placed.article.publication
    return publication.slug if publication else UNKNOWN_SOURCE_SLUG


# Markdown list of the given publications with counts, in their order, each linking its page
def sources_list(publications: list[Source], from_page: str = SOURCES_INDEX) -> str:
    items = [
        f"- [{escape_markdown(source.name, line_start=False)}]({relative_link(source.page_path, from_page)}) "
        f"({len(source.articles)})"
        for source in publications
    ]
    return "\n".join(items) + "\n" if items else "*No articles yet.*\n"


# One publication's page (name, home page, feed link, its newest articles) and its year pages
# (`by_year`: its articles grouped by year, when the caller has them)
def source_page(source: Source, remembered: Remember | None = None, *,
                by_year: dict[str, list[PlacedArticle]] | None = None) -> dict[str, str]:
    path = source.page_path
    count = len(source.articles)
    intro = f"{count} article{'' if count == 1 else 's'} in the archive"
    if source.slug == UNKNOWN_SOURCE_SLUG:
        intro += " whose publication could not be read from the text with confidence"
    front_matter = {"title": escape_html(source.name), "description": escape_html(f"Articles from {source.name} in the archive.")}
    lines = [
        f"---\n{yaml.safe_dump(front_matter, allow_unicode=True, sort_keys=True)}---\n",
        f"# {escape_markdown(source.name)}\n",
        f"{intro}, newest first.\n",
    ]
    if source.url.startswith(("https://", "http://")):
        lines.append(f'<p class="source-home"><a href="{escape_html(source.url)}">{escape_html(source.name)} website</a></p>\n')
    lines.append(
        f"[Atom feed]({relative_link(source.feed_path, path)}) · [All sources]({relative_link(SOURCES_INDEX, path)})\n"
    )
    listing, year_pages = subject_listing(source.name, path, source.articles, lambda placed: placed, article_list,
                                          remembered, by_year)
    lines.append(listing)
    return {path: "\n".join(lines), **year_pages}



# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# The Source of a group of articles, named after its newest article's publication
def _new_source(placed: PlacedArticle, articles: list[PlacedArticle]) -> Source:
    publication = placed.article.publication
    if publication is None:
        return Source(UNKNOWN_SOURCE_SLUG, UNKNOWN_SOURCE, articles=articles)
    return Source(publication.slug, publication.name, publication.url, articles=articles)
