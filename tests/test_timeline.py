"""Timeline: the archive by year and month, newest first, with topics and reading time."""
from __future__ import annotations

import datetime as dt

import markdown

from newsarchive.structure.article import Block, BlockKind, Footnote
from newsarchive.timeline import newest_first, reading_minutes, timeline_page, year_page_by_month
from samples import article, placed


def _archive():
    return [
        placed("August story", date=dt.date(2016, 8, 5), topics=("repatriation", "brokers", "border", "camps")),
        placed("Newest story", date=dt.date(2024, 1, 1)),
        placed("September story", date=dt.date(2016, 9, 9)),
        placed("Undated [story]", date=None),
        placed("Other August story", date=dt.date(2016, 8, 20)),
    ]


def _html(text: str) -> str:
    return markdown.markdown(text.split("---\n", 2)[2], extensions=["pymdownx.escapeall", "toc"])


def test_reading_minutes_counts_running_text_at_230_words_a_minute():
    assert reading_minutes(article("T", paragraphs=())) == 1
    assert reading_minutes(article("T", paragraphs=("word " * 460,))) == 2
    body = [Block(BlockKind.PARAGRAPH, "word " * 690), Block(BlockKind.CAPTION, "caption " * 1000)]
    assert reading_minutes(article("T", body=body)) == 3
    assert reading_minutes(article("T", body=body, footnotes=[Footnote(1, "note " * 460)])) == 5


def test_newest_first_puts_undated_last():
    titles = [item.article.title for item in newest_first(_archive())]
    assert titles == ["Newest story", "September story", "Other August story", "August story", "Undated [story]"]


def test_timeline_groups_by_year_and_month_newest_first_linking_year_pages():
    text = timeline_page(_archive())
    html = _html(text)
    years = [html.index(f'href="{path}"') for path in ("articles/2024/index.md", "articles/2016/index.md", "articles/undated/index.md")]
    assert years == sorted(years)
    months = [html.index(f">{month}</h3>") for month in ("January", "September", "August")]
    assert months == sorted(months)
    assert html.index("Other August story") < html.index(">August story<")
    assert "20 Aug · " in text and "5 Aug · " in text


def test_timeline_shows_up_to_three_topics_and_the_reading_time_and_escapes_titles():
    text = timeline_page(_archive())
    assert "Repatriation, Brokers, Border · 1 min read" in text
    assert "Camps" not in text
    assert "[Undated \\[story\\]](articles/undated/undated-story.md)" in text
    assert "Undated [story]</a>" in _html(text)


def test_year_page_by_month_links_back_and_lists_each_month():
    in_2016 = [item for item in _archive() if item.article.date and item.article.date.year == 2016]
    text = year_page_by_month("2016", in_2016)
    html = _html(text)
    assert "title: Articles from 2016" in text
    assert 'href="../index.md"' in html and 'href="../../timeline.md"' in html
    assert html.index(">September</h2>") < html.index(">August</h2>")
    assert 'href="september-story/"' in html


def test_a_large_archive_timeline_lists_months_with_counts_not_every_article(monkeypatch):
    import datetime as dt

    import newsarchive.timeline as timeline_module
    from samples import placed

    monkeypatch.setattr(timeline_module, "TIMELINE_ARTICLE_LIMIT", 3)
    articles = [placed(f"Article {n}", date=dt.date(2016, 1 + n % 3, 1 + n)) for n in range(6)]
    page = timeline_module.timeline_page(articles)
    assert "Article 0" not in page
    assert "- [January](articles/2016/index.md#january) (2 articles)" in page
