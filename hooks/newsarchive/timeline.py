"""Timeline: every article by year and month, newest first, with its topics and reading time.

The timeline page (`timeline.md`) lists the whole archive compactly, one line
per article, under a heading per year (linking that year's page) and per month.
`year_page_by_month` is a richer page for one year, grouped the same way, that
can replace `listings.year_page` at `articles/<year>/index.md`.  All functions
return Markdown with links relative to the page they are written on.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from .corpus import PlacedArticle, newest_first_key
from .escaping import escape_markdown
from .listings import (ARCHIVE_INDEX, Remember, article_list, articles_by_year, make_now, relative_link, year_label,
                       year_page_path, year_title)
from .structure.article import Article, BlockKind, derived_value

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Source path of the timeline page.
TIMELINE_PAGE = "timeline.md"

# Average adult reading speed for running text, in words per minute.
WORDS_PER_MINUTE = 230

# Blocks a reader reads as part of the article (captions and our notes are skimmed).
_READ_BLOCK_KINDS = (BlockKind.PARAGRAPH, BlockKind.SUBHEADING, BlockKind.LIST_ITEM)

# Up to this many articles the timeline lists every one; past it, months with counts (the year
# pages list the articles), so the page does not grow with the archive.
TIMELINE_ARTICLE_LIMIT = 500

# Topics shown beside an article on the timeline, most relevant first.
TIMELINE_TOPIC_COUNT = 3

# A word, for counting: letters or digits joined by inner apostrophes or hyphens.
_WORD = re.compile(r"\w+(?:['’-]\w+)*")

# Heading for articles without a date.
_UNDATED_LABEL = "Undated"

# English month names (strftime's %B follows the machine's locale; these do not).
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


# -----------------------------------------------------------------------------
# Timeline
# -----------------------------------------------------------------------------


# Articles newest first, undated last, ties by headline then seed (the corpus order)
def newest_first(articles: Iterable[PlacedArticle]) -> list[PlacedArticle]:
    return sorted(articles, key=newest_first_key)


# Minutes an average reader needs for the article's text (at least one)
def reading_minutes(article: Article) -> int:
    return derived_value(article, "timeline.reading_minutes", lambda: _reading_minutes(article))


# Reading minutes, computed
def _reading_minutes(article: Article) -> int:
    words = sum(len(_WORD.findall(block.text)) for block in article.body if block.kind in _READ_BLOCK_KINDS)
    words += sum(len(_WORD.findall(note.text)) for note in article.footnotes)
    return max(1, round(words / WORDS_PER_MINUTE))


# The timeline page: years (linking their pages), months, and one line per article (`by_year`: the
# articles grouped by `listings.articles_by_year`, when the caller has them; `remembered`: may give a
# year's part of the page made earlier from the same articles)
def timeline_page(articles: Iterable[PlacedArticle], page_path: str = TIMELINE_PAGE, *,
                  by_year: dict[str, list[PlacedArticle]] | None = None, remembered: Remember | None = None) -> str:
    years = by_year if by_year is not None else articles_by_year(newest_first(articles))
    count = sum(len(in_year) for in_year in years.values())
    lines = [
        "---",
        "title: Timeline",
        "description: Every article in the archive by year and month of publication, newest first.",
        "---\n",
        "# Timeline\n",
        f"{_count_phrase(count)}, newest first. "
        f"Each year's heading leads to that year's page; see also the [archive by year]({relative_link(ARCHIVE_INDEX, page_path)}).\n",
    ]
    every_article = count <= TIMELINE_ARTICLE_LIMIT
    remembered = remembered or make_now
    for year, in_year in years.items():
        # named by whether it lists every article, so that a remembered part is not used for the other kind
        name = f"{page_path}#{year}{'' if every_article else ':months'}"
        lines.append(remembered(name, in_year, lambda: _year_part(year, in_year, page_path, every_article)))
    return "\n".join(lines) + "\n"


# A year's page grouped by month, each article with topics and reading time
def year_page_by_month(year: str, articles: Iterable[PlacedArticle]) -> str:
    path = year_page_path(year)
    placed = newest_first(articles)
    label = year_title(year)
    lines = [
        f"---\ntitle: {label}\n---\n",
        f"# {label}\n",
        f"{_count_phrase(len(placed))}. [All years]({relative_link(ARCHIVE_INDEX, path)}) · "
        f"[Timeline]({relative_link(TIMELINE_PAGE, path)})\n",
    ]
    for month, in_month in _by_month(placed):
        if month:
            lines.append(f"## {month}\n")
        lines.append(article_list(in_month, path))
    return "\n".join(lines)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# One year's part of the timeline: its heading, then its months with their articles (or, in a large
# archive, with their counts)
def _year_part(year: str, in_year: list[PlacedArticle], page_path: str, every_article: bool) -> str:
    label = year_label(year)
    year_link = relative_link(year_page_path(year), page_path)
    lines = [f"## [{label}]({year_link}) ({_count_phrase(len(in_year))})\n"]
    for month, in_month in _by_month(in_year):
        if not every_article:  # a large archive: months with counts, each leading to its part of the year page
            name = month or _UNDATED_LABEL
            lines.append(f"- [{name}]({year_link}#{name.lower()}) ({_count_phrase(len(in_month))})")
            continue
        if month:
            lines.append(f"### {month}\n")
        lines.extend(_timeline_item(item, page_path) for item in in_month)
        lines.append("")
    lines.append("")
    return "\n".join(lines)


# (month name, articles) in order, for newest-first articles of one year; "" for undated
def _by_month(placed: list[PlacedArticle]) -> list[tuple[str, list[PlacedArticle]]]:
    return _runs(placed, lambda item: MONTH_NAMES[item.article.date.month - 1] if item.article.date else "")


# Consecutive runs of items sharing a key, in order (the input is already sorted)
def _runs(items: list[PlacedArticle], key) -> list[tuple[str, list[PlacedArticle]]]:
    runs: list[tuple[str, list[PlacedArticle]]] = []
    for item in items:
        value = key(item)
        if runs and runs[-1][0] == value:
            runs[-1][1].append(item)
        else:
            runs.append((value, [item]))
    return runs


# One timeline line: day, linked headline, topics and reading time
def _timeline_item(placed: PlacedArticle, page_path: str) -> str:
    article = placed.article
    day = f"{_short_date(article.date)} · " if article.date else ""
    link = f"[{escape_markdown(article.title, line_start=False)}]({relative_link(placed.page_path, page_path)})"
    topics = ", ".join(escape_markdown(topic.label, line_start=False) for topic in article.topics[:TIMELINE_TOPIC_COUNT])
    details = " · ".join(part for part in (topics, f"{reading_minutes(article)} min read") if part)
    return f"- {day}{link}  \n  <small>{details}</small>"


# "5 Aug": the day and short month, for a line under its month's heading
def _short_date(date: dt.date) -> str:
    return f"{date.day} {MONTH_NAMES[date.month - 1][:3]}"


# "12 articles" / "1 article"
def _count_phrase(count: int) -> str:
    return f"{count} article{'' if count == 1 else 's'}"
