"""Open data: every article's metadata as JSON and CSV, deterministic and spreadsheet-safe."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

from newsarchive.catalogue import CSV_COLUMNS, articles_csv, articles_json
from samples import CHOSUN, placed

SITE = "https://archive.example.org/"


def _archive():
    return [
        placed("Older story", date=dt.date(2014, 8, 15), topics=("border",)),
        placed("Newest story", date=dt.date(2024, 1, 1), publication=CHOSUN, authors=["Kim Myong-song", "Lee Ha"],
               topics=("repatriation", "border"), entities=("unhcr",), article_type="news report"),
    ]


def test_json_holds_every_article_with_metadata_topics_entities_url_and_seed():
    document = json.loads(articles_json(_archive(), SITE))
    assert document["count"] == 2
    newest = document["articles"][0]
    assert newest["title"] == "Newest story"
    assert newest["date"] == "2024-01-01"
    assert newest["authors"] == ["Kim Myong-song", "Lee Ha"]
    assert newest["publication"] == {"slug": "chosun-ilbo", "name": "The Chosun Ilbo", "url": "https://www.chosun.com/english/"}
    assert [topic["slug"] for topic in newest["topics"]] == ["repatriation", "border"]
    assert newest["entities"] == [{"slug": "unhcr", "name": "Unhcr", "kind": "organisation", "count": 1}]
    assert newest["url"] == "https://archive.example.org/articles/2024/newest-story/"
    assert newest["page_path"] == "articles/2024/newest-story.md"
    assert newest["seed"] == "seeds/newest-story.txt"
    assert newest["article_type"] == "news report"
    assert newest["reading_minutes"] == 1
    assert document["articles"][1]["publication"] is None


def test_json_is_deterministic_and_keeps_unicode():
    archive = _archive() + [placed("“Mass Exodus” — 탈북자", date=None)]
    text = articles_json(archive, SITE)
    assert text == articles_json(list(reversed(archive)), SITE)
    assert "“Mass Exodus” — 탈북자" in text


def test_csv_has_a_header_and_one_flattened_row_per_article():
    rows = list(csv.DictReader(io.StringIO(articles_csv(_archive(), SITE))))
    assert list(rows[0].keys()) == list(CSV_COLUMNS)
    assert len(rows) == 2
    assert rows[0]["authors"] == "Kim Myong-song; Lee Ha"
    assert rows[0]["topic_slugs"] == "repatriation; border"
    assert rows[0]["publication"] == "The Chosun Ilbo"
    assert rows[1]["publication"] == "Source unknown"
    assert rows[1]["authors"] == ""
    assert rows[0]["url"] == "https://archive.example.org/articles/2024/newest-story/"


def test_csv_defuses_formula_cells_and_quotes_separators():
    hostile = placed("=HYPERLINK(\"http://evil\",\"x\")", authors=["+cmd|' /C calc'!A0", "@SUM(1)"],
                     paragraphs=("-2+3, a summary, with \"quotes\"\nand a newline.",))
    rows = list(csv.reader(io.StringIO(articles_csv([hostile]))))
    row = dict(zip(rows[0], rows[1]))
    assert row["title"] == "'=HYPERLINK(\"http://evil\",\"x\")"
    assert row["authors"] == "'+cmd|' /C calc'!A0; @SUM(1)"
    assert row["summary"].startswith("'-2+3, a summary")
    assert all(not cell.startswith(("=", "+", "-", "@")) for cell in rows[1])
