"""Listings: the index pages that lead readers to articles.

The navigation never lists articles one by one; these pages do, grouped by
year so that no page grows with the whole archive: the home page's latest
articles, the archive index (years with counts), one page per year, and the
sources index.  Every function returns Markdown; links are relative to the
page they are written on, so the site works from any sub-path.  The lists of
articles themselves are raw HTML blocks (escaped text, directory-style URLs):
Python-Markdown spends about 1 ms on a list item of a Markdown link with its
date and summary, and listings hold every article once per topic and entity.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import TypeVar

from .addressing import UNDATED, page_url_link, relative_link, slugify
from .corpus import PlacedArticle
from .grouping import grouped
from .escaping import escape_html, escape_markdown
from .rendering import UNKNOWN_SOURCE, display_date, html_island
from .structure.article import derived_value

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# An item of a listing (an article, or an article with a mention count).
T = TypeVar("T")

# `remembered(path, items, make)`: the text of a page made from these items (articles, or articles
# with a mention count), made by `make()` unless the caller remembers it from an earlier build (see
# site.GeneratedMemory); None: always made.
Remember = Callable[[str, list, Callable[[], str]], str]


# The `Remember` of callers that remember nothing: the page is made now
def make_now(path: str, items: list, make: Callable[[], str]) -> str:
    return make()

# How many articles the home page lists.
LATEST_COUNT = 20

# Most articles a subject's page (a topic, person, place, organisation or source) lists itself;
# past that it lists the newest and links one page per year, so no page grows with the archive.
SUBJECT_LISTING_LIMIT = 30

# Source path of the archive index page and of each year's page.
ARCHIVE_INDEX = "articles/index.md"


# How a year folder is shown in lists: the year, or "Undated"
def year_label(year: str) -> str:
    return "Undated" if year == UNDATED else year


# The title of a year's page
def year_title(year: str) -> str:
    return "Undated articles" if year == UNDATED else f"Articles from {year}"


# Source path of the page listing one year's articles
def year_page_path(year: str) -> str:
    return f"articles/{year}/index.md"


# -----------------------------------------------------------------------------
# Listings
# -----------------------------------------------------------------------------


# List of articles with date, source and one-line summary, linked from `from_page` (an HTML block)
def article_list(articles: Iterable[PlacedArticle], from_page: str) -> str:
    items = [_article_item(placed, from_page) for placed in articles]
    return html_list(items) if items else "*No articles yet.*\n"


# A headed list of articles, each linked, with an optional note (escaped HTML) below it: an HTML
# section for an article page ("" when there are no items)
def article_section_html(heading: str, items: Iterable[tuple[PlacedArticle, str]], from_page: str) -> str:
    rendered = [
        f'<li><a href="{escape_html(page_url_link(placed.page_path, from_page))}">{escape_html(placed.article.title)}</a>'
        + (f"<br>\n<small>{note}</small>" if note else "") + "</li>"
        for placed, note in items
    ]
    if not rendered:
        return ""
    # data-search-exclude on the heading keeps the whole section out of the header search (Material's
    # search starts a new section at every heading with an id, even inside an excluded element)
    return (f'<h2 id="{slugify(heading)}" data-search-exclude>{escape_html(heading)}</h2>\n<ul>\n'
            + "\n".join(rendered) + "\n</ul>\n")


# A raw HTML list block of ready items (blank lines around it, so Python-Markdown passes it through).
# Kept out of the header search's index: the articles are indexed on their own pages, and every
# listing repeating their headlines and summaries made the index grow by ~6 KB per article.
def html_list(items: Iterable[str]) -> str:
    return "\n" + html_island("<ul data-search-exclude>\n" + "\n".join(items) + "\n</ul>") + "\n"


# The latest articles, for the home page
def latest_articles(articles: list[PlacedArticle], from_page: str = "index.md") -> str:
    return article_list(articles[:LATEST_COUNT], from_page)


# Articles grouped by year (newest first), each year linking to its own page
def articles_by_year(articles: list[PlacedArticle]) -> dict[str, list[PlacedArticle]]:
    return in_year_order(grouped(articles, year_entries))


# Items grouped by their article's year folder, newest year first and undated last; each group
# keeps the items' order
def grouped_by_year(items: Iterable[T], placed_of: Callable[[T], PlacedArticle]) -> dict[str, list[T]]:
    years: dict[str, list[T]] = defaultdict(list)
    for item in items:
        years[year_of(placed_of(item))].append(item)
    return in_year_order(years)


# The year folder of an article
def year_of(placed: PlacedArticle) -> str:
    date = placed.article.date
    return str(date.year) if date else UNDATED


# Groups by year folder in the order listings show them: newest year first, undated last
def in_year_order(years: dict[str, list[T]]) -> dict[str, list[T]]:
    return dict(sorted(years.items(), key=lambda item: (item[0] == UNDATED, -int(item[0]) if item[0].isdigit() else 0)))


# The (year folder, article) pair of an article, for grouping.Grouping
def year_entries(placed: PlacedArticle) -> tuple[tuple[str, PlacedArticle]]:
    return ((year_of(placed), placed),)


# The archive index page: every year with its article count (`by_year`: the articles grouped by
# `articles_by_year`, when the caller has them)
def archive_index_page(articles: list[PlacedArticle], by_year: dict[str, list[PlacedArticle]] | None = None) -> str:
    lines = [
        "---",
        "title: Archive",
        "description: Every article in the archive, by year of publication.",
        "---\n",
        "# Archive\n",
        f"The archive holds {len(articles)} article{'s' if len(articles) != 1 else ''}. Choose a year:\n",
    ]
    for year, placed in (by_year if by_year is not None else articles_by_year(articles)).items():
        label = year_label(year)
        link = relative_link(year_page_path(year), ARCHIVE_INDEX)
        lines.append(f"- [{label}]({link}) ({len(placed)})")
    return "\n".join(lines) + "\n"


# One year's page: its articles, newest first
def year_page(year: str, articles: list[PlacedArticle]) -> str:
    label = year_title(year)
    path = year_page_path(year)
    return (
        f"---\ntitle: {label}\n---\n\n# {label}\n\n"
        f"[All years]({relative_link(ARCHIVE_INDEX, path)})\n\n" + article_list(articles, path)
    )


# A subject page's listing and, when it has more articles than one page lists, its year pages:
# (Markdown for the subject page, {source path of a year page: Markdown}).  `items` are newest
# first; `placed_of` gives an item's article, `render` the Markdown list of items for a page;
# `by_year`: the items grouped by `grouped_by_year`, when the caller has them.
def subject_listing(
    title: str,
    page_path: str,
    items: list[T],
    placed_of: Callable[[T], PlacedArticle],
    render: Callable[[list[T], str], str],
    remembered: Remember | None = None,
    by_year: dict[str, list[T]] | None = None,
) -> tuple[str, dict[str, str]]:
    remembered = remembered or make_now
    if len(items) <= SUBJECT_LISTING_LIMIT:
        return render(items, page_path), {}
    pages, links = {}, []
    for year, in_year in (by_year if by_year is not None else grouped_by_year(items, placed_of)).items():
        year_path = f"{page_path.removesuffix('.md')}/{year}.md"
        label = year_label(year)
        links.append(f"[{label}]({relative_link(year_path, page_path)}) ({len(in_year)})")
        heading = f"{title}: {label}"
        pages[year_path] = remembered(year_path, in_year, lambda: (
            f'---\ntitle: "{yaml_quoted(escape_html(heading))}"\n---\n\n# {escape_markdown(heading)}\n\n'
            f"[All years]({relative_link(page_path, year_path)})\n\n" + render(in_year, year_path)
        ))
    intro = f"The newest {SUBJECT_LISTING_LIMIT} of {len(items)}. All of them by year: " + " · ".join(links) + "\n\n"
    return intro + render(items[:SUBJECT_LISTING_LIMIT], page_path), pages


# How many articles each publication has, most first
def source_counts(articles: Iterable[PlacedArticle]) -> list[tuple[str, int]]:
    counts = Counter(_source_of(placed) for placed in articles)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# One list item: linked headline, then date, source and summary
def _article_item(placed: PlacedArticle, from_page: str) -> str:
    link = escape_html(page_url_link(placed.page_path, from_page))
    return f'<li><a href="{link}">' + derived_value(placed.article, "listings.item", lambda: _item_text(placed))


# A list item after its link's opening tag (the same on every listing, so made once per article)
def _item_text(placed: PlacedArticle) -> str:
    article = placed.article
    details = " · ".join(part for part in (display_date(article.date), escape_html(_source_of(placed))) if part)
    return f"{escape_html(article.title)}</a><br><small>{details}</small><br>{escape_html(article.summary)}</li>"


# Text safe inside a double-quoted YAML scalar
def yaml_quoted(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


# The publication name of an article, or the unknown-source label
def _source_of(placed: PlacedArticle) -> str:
    publication = placed.article.publication
    return publication.name if publication else UNKNOWN_SOURCE

