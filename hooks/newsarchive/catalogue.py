"""Catalogue: the archive's metadata as open data, in JSON and CSV.

One record per article: headline, date, authors, publication, type, summary,
topics, entities, reading time, its page's URL and the seed it was built
from.  Articles come newest first (the corpus order), keys and columns in a
fixed order, so the same seeds always give the same bytes.  The CSV flattens
lists with "; " and defends spreadsheets against formula injection.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from .corpus import PlacedArticle
from .structure.article import derived_value
from .rendering import UNKNOWN_SOURCE
from .timeline import newest_first, reading_minutes

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Paths in the site of the two files.
ARTICLES_JSON = "data/articles.json"
ARTICLES_CSV = "data/articles.csv"

# What joins the items of a list in one CSV cell.
LIST_SEPARATOR = "; "

# A cell starting with one of these is a formula to a spreadsheet; it gets a leading apostrophe.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# The CSV columns, in order.
CSV_COLUMNS = (
    "title", "date", "authors", "author_role", "publication", "publication_slug", "dateline", "article_type",
    "summary", "topics", "topic_slugs", "entities", "entity_slugs", "reading_minutes", "url", "page_path", "seed",
)


# -----------------------------------------------------------------------------
# Catalogue
# -----------------------------------------------------------------------------


# Every article's metadata as one record (plain data, ready for JSON)
def article_record(placed: PlacedArticle, site_url: str = "") -> dict:
    article = placed.article
    publication = article.publication
    return {
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "authors": list(article.authors),
        "author_role": article.author_role,
        "publication": {"slug": publication.slug, "name": publication.name, "url": publication.url} if publication else None,
        "dateline": article.dateline,
        "article_type": article.article_type,
        "summary": article.summary,
        "topics": [{"slug": topic.slug, "label": topic.label, "score": round(topic.score, 4)} for topic in article.topics],
        "entities": [
            {"slug": entity.slug, "name": entity.name, "kind": entity.kind, "count": entity.count} for entity in article.entities
        ],
        "reading_minutes": reading_minutes(article),
        "url": _site_url(site_url, placed.url),
        "page_path": placed.page_path,
        "seed": article.seed_path,
    }


# The catalogue as JSON: {"count": n, "articles": [records, newest first]}, one record per line
# (readable and diffable; each line is made once per article and page, and kept with the article)
def articles_json(placed: Iterable[PlacedArticle], site_url: str = "") -> str:
    articles = newest_first(placed)
    return "".join(json_document(len(articles), [json_records(articles, site_url)]))


# The JSON records of articles, one per line: a part of the document (see `json_document`)
def json_records(articles: Iterable[PlacedArticle], site_url: str = "") -> str:
    return ",\n".join(_json_line(item, site_url) for item in articles)


# The JSON document of `count` articles, as pieces to join (or write one after the other), from the
# non-empty parts `json_records` made of consecutive runs of them, newest first (a part can be kept while
# its articles are the same; at 10,000 articles the document is ~25 MB, and joining it costs more than
# the change)
def json_document(count: int, parts: list[str]) -> tuple[str, ...]:
    pieces = [f'{{"count": {count}, "articles": [\n']
    for index, part in enumerate(parts):
        pieces += (",\n", part) if index else (part,)
    pieces.append("\n]}\n")
    return tuple(pieces)


# The catalogue as CSV (RFC 4180, header row, lists joined by "; ", formula cells defused)
def articles_csv(placed: Iterable[PlacedArticle], site_url: str = "") -> str:
    return "".join(csv_document([csv_records(newest_first(placed), site_url)]))


# The CSV lines of articles: a part of the document (see `csv_document`)
def csv_records(articles: Iterable[PlacedArticle], site_url: str = "") -> str:
    return "".join(_csv_record_line(item, site_url) for item in articles)


# The CSV document as pieces to join (or write one after the other), from the parts `csv_records` made
# of consecutive runs of the articles, newest first
def csv_document(parts: list[str]) -> tuple[str, ...]:
    return (_csv_line(CSV_COLUMNS), *parts)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# One article's JSON record, on one line (by json's C encoder)
def _json_line(placed: PlacedArticle, site_url: str) -> str:
    return derived_value(placed.article, f"catalogue.json:{placed.page_path}|{site_url}",
                         lambda: json.dumps(article_record(placed, site_url), ensure_ascii=False, sort_keys=True))


# One article's CSV line
def _csv_record_line(placed: PlacedArticle, site_url: str) -> str:
    return derived_value(placed.article, f"catalogue.csv:{placed.page_path}|{site_url}", lambda: _csv_line(
        [_defused(value) for value in map(_csv_row(article_record(placed, site_url)).get, CSV_COLUMNS)]))


# Cells as one CSV line (RFC 4180 quoting, CRLF)
def _csv_line(cells: Iterable[str]) -> str:
    output = io.StringIO()
    csv.writer(output, lineterminator="\r\n").writerow(cells)
    return output.getvalue()


# A record flattened to one text per CSV column
def _csv_row(record: dict) -> dict[str, str]:
    publication = record["publication"] or {}
    return {
        **{column: str(record[column] if record.get(column) is not None else "") for column in CSV_COLUMNS if column in record},
        "authors": LIST_SEPARATOR.join(record["authors"]),
        "publication": publication.get("name", UNKNOWN_SOURCE),
        "publication_slug": publication.get("slug", ""),
        "topics": LIST_SEPARATOR.join(topic["label"] for topic in record["topics"]),
        "topic_slugs": LIST_SEPARATOR.join(topic["slug"] for topic in record["topics"]),
        "entities": LIST_SEPARATOR.join(entity["name"] for entity in record["entities"]),
        "entity_slugs": LIST_SEPARATOR.join(entity["slug"] for entity in record["entities"]),
    }


# A cell a spreadsheet will show as text, never evaluate: formula-like starts get a leading "'"
def _defused(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


# A page URL, absolute when the site's URL is known
def _site_url(site_url: str, url: str) -> str:
    return site_url.rstrip("/") + "/" + url if site_url else url
