"""Site assembly: backlinks between articles that name the same people, placeholders, generated files."""
from __future__ import annotations

from newsarchive.browsing import person_entries
from newsarchive.grouping import Grouping
from newsarchive.site import SAME_PEOPLE_CANDIDATES, _same_people, _same_people_section
from newsarchive.structure.article import EntityMention

from samples import placed


# The articles the site weighs for each person: the newest that name them
def _articles_by_person(articles):
    by_person = Grouping(person_entries)
    by_person.fill(articles)
    return {slug: tuple(group[:SAME_PEOPLE_CANDIDATES]) for slug, group in by_person.groups.items()}


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
    section = _same_people_section(first, _same_people(first, index, shown=set()))
    assert section.index(">Both</a>") < section.index(">One</a>")
    assert ">None</a>" not in section and ">First</a>" not in section
    assert "Also names: Kim-Jong-Un, Thae-Yong-Ho" in section


def test_articles_already_in_related_reading_are_not_repeated():
    first = _with_people("First", "thae-yong-ho")
    other = _with_people("Other", "thae-yong-ho")
    index = _articles_by_person([first, other])
    assert _same_people_section(first, _same_people(first, index, shown={other.page_path})) == ""


def test_places_and_organisations_do_not_count_as_people():
    first, other = placed("First", entities=("unhcr",)), placed("Other", entities=("unhcr",))
    assert _same_people_section(first, _same_people(first, _articles_by_person([first, other]), shown=set())) == ""


def test_home_page_placeholders_are_filled(real_site):
    home = real_site.page("index.html")
    assert "archive:" not in home
    assert 'href="data/articles.json"' in home and 'href="feed.xml"' in home
    assert 'class="md-tag"' in home  # most-used topics


def test_every_page_links_the_archive_feed_in_its_head(real_site):
    for page in ("index.html", "topics/index.html", "articles/2016/china-produces-fake-n-korean-defectors/index.html"):
        head = real_site.page(page).split("</head>", 1)[0]
        assert 'rel="alternate" type="application/atom+xml"' in head


def test_generated_files_are_in_the_site(real_site):
    for path in ("timeline/index.html", "topics/forced-repatriation/index.html", "sources/index.html",
                 "feed.xml", "data/articles.json", "data/articles.csv", "editor/index.html", "404.html"):
        assert (real_site.site / path).is_file(), path


def test_editor_report_is_out_of_search_and_shows_no_private_people(real_site):
    import json

    index = json.loads((real_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any(doc["location"].startswith("editor/") for doc in index["docs"])
    index = real_site.page("editor/index.html")
    assert "Build problems" in index and 'href="2016.html"' in index
    report = real_site.page("editor/2016.html")
    assert '<th scope="col">topic</th>' in report and '<a href="../articles/2016/' in report
    assert '<a href="./">All years</a>' in report
    assert "Cleaner’s record" in report
    assert "Private people named" not in report
    assert "people/john-flawed" not in report


def test_topics_index_lists_every_topic_with_count_and_iptc_attribution(real_site):
    from newsarchive.vocabulary import load_vocabulary

    vocabulary = load_vocabulary()
    page = real_site.page("topics/index.html")
    assert "Topic codes © IPTC, CC BY 4.0" in page and vocabulary.iptc_release in page
    for topic in vocabulary.topics:
        assert f'href="../topics/{topic.slug}/"' in page or f'href="{topic.slug}/"' in page, topic.slug
    assert "Forced repatriation" in page and "(3 articles)" in page


def test_topic_page_lists_its_articles_newest_first_and_related_topics(real_site):
    page = real_site.page("topics/forced-repatriation/index.html")
    newest = page.index("China unlikely to cave under pressure")
    older = page.index("China and its North Korean Refugee Problem")
    assert newest < older
    assert "Related topics:" in page and "feeds/topics/forced-repatriation.xml" in page


def test_entity_pages_list_mentions_and_private_people_get_none(real_site):
    page = real_site.page("people/thae-yong-ho/index.html")
    assert "Mass Exodus" in page and "mentioned" in page
    assert not (real_site.site / "people" / "john-flawed").exists()
    people = real_site.page("people/index.html")
    assert "Thae Yong-ho" in people and "John Flawed" not in people


def test_article_shows_topics_as_tags_entities_and_type(real_site):
    page = real_site.page("articles/2016/mass-exodus-of-north-koreans-a-reality-or-myth/index.html")
    assert 'class="md-tags article-topics"' in page and 'class="md-tag"' in page
    assert "In this article" in page and "People:" in page
    assert 'class="article-type"' in page
    body = page[page.index('itemprop="articleBody"') : page.index('class="article-entities"')]
    assert body.count('href="../../../people/thae-yong-ho/"') == 1  # first mention only


def test_every_internal_link_and_asset_of_the_built_site_resolves(real_site):
    # Listings and the editor report link pages from raw HTML that MkDocs does not check, so check the built site
    import re
    from urllib.parse import unquote, urlsplit

    site = real_site.site
    broken = set()
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r'(?:href|src)="([^"#?]+)', text):
            if urlsplit(target).scheme or target.startswith(("//", "mailto:", "data:")):
                continue
            base = site if target.startswith("/") else page.parent  # the 404 page links from the site root
            resolved = (base / unquote(target).lstrip("/")).resolve()
            if not (resolved.is_file() or (resolved / "index.html").is_file()):
                broken.add((page.relative_to(site).as_posix(), target))
    assert not broken, sorted(broken)[:20]


def test_listing_pages_keep_their_article_lists_out_of_the_header_search(real_site):
    import json

    index = json.loads((real_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    topic_docs = [doc for doc in index["docs"] if doc["location"].startswith("topics/forced-repatriation/")]
    assert topic_docs and "Forced repatriation" in topic_docs[0]["title"]
    titles = [doc["title"] for doc in index["docs"] if doc["location"].startswith("articles/20")]
    assert titles  # the articles themselves are found by their own pages
    assert not any(title in doc["text"] for doc in topic_docs for title in titles)
    # nor the sections after an article's text (entities, related reading, same people, citation)
    sections = ("#in-this-article", "#related-reading", "#articles-that-mention-the-same-people")
    assert not [doc["location"] for doc in index["docs"] if doc["location"].endswith(sections)]
    assert not any("Cite this article" in doc["text"] or "@article{" in doc["text"] for doc in index["docs"])
