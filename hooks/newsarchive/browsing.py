"""Browsing: topic and entity pages, and the indexes that lead to them.

Readers arrive with a question ("what happens to people China sends back?").
These pages answer by subject: the Topics index (every topic with its
description and article count), a page per topic (its articles newest first
and the topics that co-occur with it most), and People, Places and
Organisations indexes with a page per entity that at least one article
mentions.  Every function returns Markdown with links relative to the page it
is written on; seed-derived text is escaped.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .corpus import PlacedArticle
from .grouping import grouped
from .structure.article import Article, derived_value
from .escaping import escape_html, escape_markdown
from .addressing import page_url_link
from .listings import Remember, article_list, make_now, html_list, relative_link, subject_listing, yaml_quoted

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Source path of the Topics index and of one topic's page.
TOPICS_INDEX = "topics/index.md"

# Entity kinds, the folder of their pages and the title of their index.
ENTITY_SECTIONS = {
    "person": ("people", "People"),
    "place": ("places", "Places"),
    "organisation": ("organisations", "Organisations"),
}

# How many co-occurring topics a topic page shows.
RELATED_TOPIC_COUNT = 5

# Attribution the IPTC licence asks for, shown on the Topics index.
IPTC_ATTRIBUTION = (
    "Topic codes are [IPTC Media Topics](https://iptc.org/standards/media-topics/) "
    "codes, release {release}. Topic codes © IPTC, CC BY 4.0."
)


# Source path of one topic's page
def topic_page_path(slug: str) -> str:
    return f"topics/{slug}.md"


# Source path of one entity's page
def entity_page_path(kind: str, slug: str) -> str:
    return f"{ENTITY_SECTIONS[kind][0]}/{slug}.md"


# Source path of the index of one kind of entity
def entity_index_path(kind: str) -> str:
    return f"{ENTITY_SECTIONS[kind][0]}/index.md"


@dataclass(frozen=True)
class Subject:
    """A topic or entity as these pages need it (from the vocabulary)."""

    slug: str
    name: str
    description: str
    kind: str = "topic"  # "topic", "person", "place", "organisation"
    code: str = ""  # IPTC Media Topic code, for topics that have one
    aliases: tuple[str, ...] = ()  # other names readers search with (Korean, Japanese, Chinese, ...)


# -----------------------------------------------------------------------------
# Topics
# -----------------------------------------------------------------------------


# Articles filed under each topic slug, newest first (the corpus order)
def articles_by_topic(articles: Iterable[PlacedArticle]) -> dict[str, list[PlacedArticle]]:
    return grouped(articles, topic_entries)


# The (topic slug, article) pairs of an article, for grouping.Grouping
def topic_entries(placed: PlacedArticle) -> list[tuple[str, PlacedArticle]]:
    return [(topic.slug, placed) for topic in placed.article.topics]


# The label of each topic in a grouping by slug (as its articles carry it)
def topic_labels(by_topic: dict[str, list[PlacedArticle]]) -> dict[str, str]:
    return {slug: next(t.label for t in tagged[0].article.topics if t.slug == slug) for slug, tagged in by_topic.items()}


# The Topics index: every topic with its description and article count
def topics_index_page(topics: list[Subject], grouped: dict[str, list[PlacedArticle]], iptc_release: str) -> str:
    lines = _front_matter("Topics", "Every topic of the archive, with its description and article count.")
    lines.append("# Topics\n")
    lines.append("Articles are filed under topics from the archive's controlled vocabulary. Each topic page lists its articles, newest first.\n")
    if iptc_release:
        lines.append(IPTC_ATTRIBUTION.format(release=escape_markdown(iptc_release)) + "\n")
    for topic in sorted(topics, key=lambda topic: topic.name.lower()):
        count = len(grouped.get(topic.slug, []))
        link = relative_link(topic_page_path(topic.slug), TOPICS_INDEX)
        articles = f"{count} article{'' if count == 1 else 's'}"
        lines.append(f"## [{escape_markdown(topic.name)}]({link})\n\n{escape_markdown(topic.description)} <small>({articles})</small>\n")
    return "\n".join(lines)


# One topic's page (description, co-occurring topics, its newest articles) and its year pages
# (`by_year`: the articles grouped by year, and `tally`: how often each topic is filed over them,
# when the caller has them)
def topic_pages(topic: Subject, articles: list[PlacedArticle], names: dict[str, str], extra: str = "",
                remembered: Remember | None = None, *, by_year: dict[str, list[PlacedArticle]] | None = None,
                tally: Counter[str] | None = None) -> dict[str, str]:
    path = topic_page_path(topic.slug)
    listing, year_pages = subject_listing(topic.name, path, articles, lambda placed: placed, article_list, remembered,
                                          by_year)
    page = (remembered or make_now)(path, articles, lambda: _topic_page(topic, articles, names, extra, listing, tally))
    return {path: page, **year_pages}


# The text of one topic's own page, around its listing
def _topic_page(topic: Subject, articles: list[PlacedArticle], names: dict[str, str], extra: str, listing: str,
                tally: Counter[str] | None) -> str:
    path = topic_page_path(topic.slug)
    lines = _front_matter(topic.name, topic.description)
    lines.append(f"# {escape_markdown(topic.name)}\n")
    lines.append(escape_markdown(topic.description) + "\n")
    if topic.aliases:
        lines.append("**Also searched as:** " + ", ".join(escape_markdown(alias, line_start=False) for alias in topic.aliases) + "\n")
    if topic.code:
        lines.append(f"<small>IPTC Media Topic: `{escape_html(topic.code)}`</small>\n")
    if extra:
        lines.append(extra)
    related = co_occurring_topics(topic.slug, articles, tally)
    if related:
        links = ", ".join(
            f"[{escape_markdown(names[slug])}]({relative_link(topic_page_path(slug), path)})" for slug in related if slug in names
        )
        lines.append(f"**Related topics:** {links}\n")
    lines.append(f"## Articles ({len(articles)})\n")
    lines.append(listing)
    return "\n".join(lines)


# The topics that appear most often beside one topic (`tally`: how often each topic is filed over the
# articles, `topic_tally`, when the caller has it)
def co_occurring_topics(slug: str, articles: Iterable[PlacedArticle], tally: Counter[str] | None = None) -> list[str]:
    counts = (tally if tally is not None else Counter(other for placed in articles for other in topic_tally(placed))).items()
    others = sorted(((other, count) for other, count in counts if other != slug), key=lambda item: (-item[1], item[0]))
    return [other for other, _ in others[:RELATED_TOPIC_COUNT]]


# The topic slugs an article is filed under, for counting over a group (see grouping.Grouping)
def topic_tally(placed: PlacedArticle) -> list[str]:
    return [topic.slug for topic in placed.article.topics]


# -----------------------------------------------------------------------------
# Entities
# -----------------------------------------------------------------------------


# (article, mention count) for each entity slug, articles newest first
def mentions_by_entity(articles: Iterable[PlacedArticle]) -> dict[str, list[tuple[PlacedArticle, int]]]:
    return grouped(articles, mention_entries)


# The (entity slug, (article, mention count)) pairs of an article, for grouping.Grouping
def mention_entries(placed: PlacedArticle) -> list[tuple[str, tuple[PlacedArticle, int]]]:
    return [(mention.slug, (placed, mention.count)) for mention in placed.article.entities]


# The (person slug, article) pairs of an article, one per person it names, for grouping.Grouping
def person_entries(placed: PlacedArticle) -> list[tuple[str, PlacedArticle]]:
    return [(slug, placed) for slug in person_slugs(placed.article)]


# The slugs of the people an article names, in its order (made once per article)
def person_slugs(article: Article) -> list[str]:
    return derived_value(article, "browsing.person_slugs",
                         lambda: [mention.slug for mention in article.entities if mention.kind == "person"])


# The index of one kind of entity: each with its description and article count
def entity_index_page(kind: str, entities: list[Subject], grouped: dict[str, list]) -> str:
    path = entity_index_path(kind)
    title = ENTITY_SECTIONS[kind][1]
    lines = _front_matter(title, f"{title} named in the archive's articles.")
    lines.append(f"# {title}\n")
    shown = [entity for entity in entities if grouped.get(entity.slug)]
    if not shown:
        lines.append("*None yet.*\n")
    for entity in sorted(shown, key=lambda entity: entity.name.lower()):
        link = relative_link(entity_page_path(kind, entity.slug), path)
        count = len(grouped[entity.slug])
        lines.append(f"- [{escape_markdown(entity.name)}]({link}) ({count}): {escape_markdown(entity.description)}")
    return "\n".join(lines) + "\n"


# One entity's page (description, the articles that mention it, with mention counts) and its year pages
# (`by_year`: the mentions grouped by year, when the caller has them)
def entity_pages(entity: Subject, mentions: list[tuple[PlacedArticle, int]], remembered: Remember | None = None, *,
                 by_year: dict[str, list[tuple[PlacedArticle, int]]] | None = None) -> dict[str, str]:
    path = entity_page_path(entity.kind, entity.slug)
    listing, year_pages = subject_listing(entity.name, path, mentions, lambda mention: mention[0], _mention_list,
                                          remembered, by_year)
    page = (remembered or make_now)(path, mentions, lambda: _entity_page(entity, mentions, listing))
    return {path: page, **year_pages}


# The text of one entity's own page, around its listing
def _entity_page(entity: Subject, mentions: list[tuple[PlacedArticle, int]], listing: str) -> str:
    lines = _front_matter(entity.name, entity.description)
    lines.append(f"# {escape_markdown(entity.name)}\n")
    lines.append(escape_markdown(entity.description) + "\n")
    if entity.aliases:
        lines.append("**Also named:** " + ", ".join(escape_markdown(alias, line_start=False) for alias in entity.aliases) + "\n")
    lines.append(f"## Articles that mention {escape_markdown(entity.name)} ({len(mentions)})\n")
    lines.append(listing)
    return "\n".join(lines) + "\n"


# List of articles with how often each mentions the entity (an HTML block, as listings' lists)
def _mention_list(mentions: list[tuple[PlacedArticle, int]], from_page: str) -> str:
    items = []
    for placed, count in mentions:
        article = placed.article
        date = article.date.isoformat() if article.date else "undated"
        times = "once" if count == 1 else f"{count} times"
        link = escape_html(page_url_link(placed.page_path, from_page))
        items.append(f'<li><a href="{link}">{escape_html(article.title)}</a> <small>{date} · mentioned {times}</small></li>')
    return html_list(items)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# Front matter lines of a generated page (title and description escaped for the theme)
def _front_matter(title: str, description: str) -> list[str]:
    return ["---", f'title: "{yaml_quoted(escape_html(title))}"', f'description: "{yaml_quoted(escape_html(description))}"', "---\n"]
