"""Site assembly: backlinks between articles that name the same people, placeholders, generated files."""
from __future__ import annotations

from newsarchive.site import _articles_by_person, _same_people_section
from newsarchive.structure.article import EntityMention

from samples import placed


def _with_people(title: str, *people: str):
    item = placed(title)
    item.article.entities = [EntityMention(slug, slug.title(), "person", 1) for slug in people]
    return item


def test_articles_naming_the_same_people_are_listed_most_shared_first():
    first = _with_people("First", "thae-yong-ho", "kim-jong-un")
    both = _with_people("Both", "thae-yong-ho", "kim-jong-un")
    one = _with_people("One", "thae-yong-ho")
    none = _with_people("None", "xi-jinping")
    index = _articles_by_person([first, both, one, none])
    section = _same_people_section(first, index, shown=set())
    assert section.index("[Both]") < section.index("[One]")
    assert "[None]" not in section and "[First]" not in section
    assert "Also names: Kim-Jong-Un, Thae-Yong-Ho" in section


def test_articles_already_in_related_reading_are_not_repeated():
    first = _with_people("First", "thae-yong-ho")
    other = _with_people("Other", "thae-yong-ho")
    index = _articles_by_person([first, other])
    assert _same_people_section(first, index, shown={other.page_path}) == ""


def test_places_and_organisations_do_not_count_as_people():
    first, other = placed("First", entities=("unhcr",)), placed("Other", entities=("unhcr",))
    assert _same_people_section(first, _articles_by_person([first, other]), shown=set()) == ""


def test_home_page_placeholders_are_filled(real_site):
    home = real_site.page("index.html")
    assert "archive:" not in home
    assert 'href="data/articles.json"' in home and 'href="feeds/all.xml"' in home
    assert 'class="md-tag"' in home  # most-used topics


def test_every_page_links_the_archive_feed_in_its_head(real_site):
    for page in ("index.html", "topics/index.html", "articles/2016/china-produces-fake-n-korean-defectors/index.html"):
        head = real_site.page(page).split("</head>", 1)[0]
        assert 'rel="alternate" type="application/atom+xml"' in head


def test_generated_files_are_in_the_site(real_site):
    for path in ("timeline/index.html", "topics/forced-repatriation/index.html", "sources/index.html",
                 "feeds/all.xml", "data/articles.json", "data/articles.csv", "editor/index.html", "404.html"):
        assert (real_site.site / path).is_file(), path


def test_editor_report_is_out_of_search_and_shows_no_private_people(real_site):
    import json

    index = json.loads((real_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any(doc["location"].startswith("editor/") for doc in index["docs"])
    report = real_site.page("editor/index.html")
    assert "Topics" in report or "topic" in report
    assert "Private people named" not in report
    assert "people/john-flawed" not in report
