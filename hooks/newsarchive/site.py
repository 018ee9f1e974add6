"""The site: the corpus rendered into the files MkDocs adds to the build.

`build_site` runs the whole pipeline over `seeds/`, links the articles to each
other and to their subjects, and writes each generated file (pages, feeds,
open data) into a cache folder, only when its text changed, so that
`mkdocs serve` reloads only what changed and plugins that read source files
find them.  Hand-written pages in `docs/` carry placeholders such as
`<!-- archive:latest -->` that `fill_placeholders` replaces with listings.
"""
from __future__ import annotations

import functools
import gc
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import browsing, catalogue, editor_report, feeds, listings, sources, timeline
from .browsing import Subject
from .caching import SeedCache, pipeline_version
from .citation import citation_block_html
from .corpus import Corpus, PlacedArticle, build_corpus
from .deduplication import DuplicateFinder, body_statistics
from .escaping import escape_html, escape_markdown
from .linking import EntityMatcher, article_first_mentions
from .listings import article_section_html, relative_link
from .addressing import page_url_link
from .publications import PublicationRegistry, load_publications
from .relating import RelatedArticles, Relation, related_reading_html, term_counts
from .rendering import PageContent, RenderedArticle, display_date, render_article_page, wrap_markdown
from .structure.article import Article, T
from .vocabulary import Vocabulary, load_vocabulary

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Where generated files and each seed's finished article are kept, relative to the project
# root (both safe to delete).
PAGE_CACHE = Path(".cache") / "newsarchive" / "pages"
SEED_CACHE = Path(".cache") / "newsarchive" / "seeds"

# A placeholder in a hand-written page: <!-- archive:NAME -->
_PLACEHOLDER = re.compile(r"<!--\s*archive:([a-z-]+)\s*-->")

# How many topics the home page shows.
HOME_TOPIC_COUNT = 12

# Up to this many articles the header search indexes article text too; above it, only titles,
# bylines and tags (the index would grow by ~8 KB per article), and the full-text search page
# (Pagefind, loaded piece by piece) takes over.
HEADER_SEARCH_FULL_TEXT_LIMIT = 500

# How many "same people" articles an article lists, and how many per person are considered.
SAME_PEOPLE_COUNT = 5
SAME_PEOPLE_CANDIDATES = 50


@dataclass(frozen=True)
class GeneratedFile:
    """A file the archive adds to the site: its path in the site and the file holding it."""

    src_uri: str
    abs_path: Path
    content: PageContent | None = None  # the page's content made without Python-Markdown, when it can be


@dataclass
class ArchiveSite:
    """What the hook needs after the archive is built: the files, the messages, and what the
    hand-written pages' placeholders show.  It keeps the newest articles only, not the whole
    corpus, so the build's memory is free for MkDocs while it renders the pages."""

    files: list[GeneratedFile] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line per bad seed or duplicate, naming the file
    notes: list[str] = field(default_factory=list)  # worth an editor's look, not faults
    latest: list[PlacedArticle] = field(default_factory=list)  # newest first
    article_count: int = 0
    topic_counts: list[tuple[str, str, int]] = field(default_factory=list)  # (slug, label, articles), most first

    # Title, date and URL of the newest articles, for templates
    def latest_links(self, count: int = 10) -> list[dict[str, str]]:
        return [
            {"title": placed.article.title, "date": display_date(placed.article.date), "url": placed.url}
            for placed in self.latest[:count]
        ]

    # A hand-written page with its archive placeholders filled in
    def fill_placeholders(self, markdown: str, src_uri: str) -> str:
        return _PLACEHOLDER.sub(lambda match: self._placeholder(match.group(1), src_uri, match.group(0)), markdown)

    # The Markdown a placeholder stands for (unknown names stay as they are)
    def _placeholder(self, name: str, src_uri: str, original: str) -> str:
        if name == "latest":
            return listings.latest_articles(self.latest, src_uri)
        if name == "count":
            return str(self.article_count)
        if name == "top-topics":
            return _top_topics(self.topic_counts[:HOME_TOPIC_COUNT], src_uri)
        if name == "feed":
            return relative_link(feeds.ARCHIVE_FEED, src_uri)
        if name == "data-json":
            return relative_link(catalogue.ARTICLES_JSON, src_uri)
        if name == "data-csv":
            return relative_link(catalogue.ARTICLES_CSV, src_uri)
        return original


class GeneratedMemory:
    """Generated texts kept between builds in one process (`mkdocs serve` builds again in the same
    process after every change), so that a text is made again only when its inputs changed.

    Articles among the inputs are compared by identity: with a remembering seed cache an unchanged
    seed gives the very same Article object on every build, and articles are never changed in place.
    The objects an entry was made from are kept with it, so their identities stay unique."""

    def __init__(self, *, keep: bool = True) -> None:
        self.keep = keep  # False: a one-off build, nothing to remember (values are made and not stored)
        self._entries: dict[str, tuple[tuple, object, object]] = {}  # name -> (signature, inputs kept alive, value)
        self._written: dict[str, str] = {}  # file -> the text last written to it by this process
        self._asked: set[str] = set()
        self._context: tuple = ()
        self.made = 0  # values made (not reused) by the current build, for tests and the benchmark
        self.related = RelatedArticles()  # the related articles, updated for what changed (see relating)
        self.duplicates = DuplicateFinder()  # the duplicate finder's index, updated for what changed

    # Start a build: nothing asked for yet.  `context` is what every text may depend on besides its
    # articles (project, vocabulary, site URL and name): when it changed, nothing remembered is used.
    def start(self, context: tuple) -> None:
        if context != self._context:
            self._entries.clear()
        self._asked, self._context, self.made = set(), context, 0

    # The value called `name` (a text, or texts by path): the remembered one while `signature` is
    # unchanged, else `make()`
    def value(self, name: str, signature: tuple, inputs: object, make: Callable[[], T]) -> T:
        self._asked.add(name)
        entry = self._entries.get(name)
        if entry is not None and entry[0] == signature:
            return entry[2]  # type: ignore[return-value]
        self.made += 1
        value = make()
        if self.keep:
            self._entries[name] = (signature, inputs, value)
        return value

    # Write a file unless this process last wrote this same text to it and it is still there
    def write(self, path: Path, text: str) -> Path:
        key = os.fspath(path)
        if self._written.get(key) != text or not os.path.isfile(key):
            _write_if_changed(path, text)
            if self.keep:
                self._written[key] = text
        return path

    # End a build: forget the entries it did not ask for (pages that no longer exist)
    def finish(self) -> None:
        for name in set(self._entries) - self._asked:
            del self._entries[name]


# What `build_site(remember=True)` keeps between builds in this process.
_memory = GeneratedMemory()


# Identity of a list of placed articles, for a GeneratedMemory signature
def articles_signature(placed: Iterable[PlacedArticle]) -> tuple:
    return tuple((id(item.article), item.page_path) for item in placed)


# -----------------------------------------------------------------------------
# Building
# -----------------------------------------------------------------------------


# Run the pipeline over the project's seeds and write the generated files
def build_site(
    root: Path,
    *,
    site_url: str = "",
    site_name: str = "",
    publications: PublicationRegistry | None = None,
    vocabulary: Vocabulary | None = None,
    use_cache: bool = True,
    remember: bool = False,
) -> ArchiveSite:
    """`remember`: keep results in this process for the next build (`mkdocs serve`), which then
    redoes only what depends on the changed seeds (see GeneratedMemory and relating)."""
    # Python's cycle collector would walk the whole corpus again and again while the pipeline
    # allocates (seconds at 10,000 articles); the pipeline makes no reference cycles worth collecting
    # mid-build, and the collector runs again as soon as it is done.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build_site(root, site_url, site_name, publications, vocabulary, use_cache, remember)
    finally:
        if collecting:
            gc.enable()


# `build_site`'s work
def _build_site(root: Path, site_url: str, site_name: str, publications: PublicationRegistry | None,
                vocabulary: Vocabulary | None, use_cache: bool, remember: bool) -> ArchiveSite:
    registry = publications or load_publications()
    subjects = vocabulary or load_vocabulary()
    version = pipeline_version()
    cache = SeedCache(root / SEED_CACHE, version=version, remember=remember) if use_cache else None
    matcher = entity_matcher(subjects)
    prepare = functools.partial(prepare_article, matcher=matcher)
    memory = _memory if remember else GeneratedMemory(keep=False)
    corpus = build_corpus(root / "seeds", registry, subjects, display_root=root, cache=cache, prepare=prepare,
                          duplicate_finder=memory.duplicates)
    by_topic = browsing.articles_by_topic(corpus.articles)
    site = ArchiveSite(
        problems=list(corpus.problems),
        notes=[f"{path}: not a seed file, ignored" for path in corpus.ignored] + corpus.notes,
        latest=corpus.articles[: listings.LATEST_COUNT],
        article_count=len(corpus.articles),
        topic_counts=_topic_counts(by_topic),
    )
    pages = root / PAGE_CACHE
    memory.start((root.resolve(), subjects.version, version, site_url, site_name))
    for src_uri, text in _file_texts(corpus, by_topic, subjects, matcher, site_url, site_name, memory):
        if isinstance(text, RenderedArticle):
            site.files.append(GeneratedFile(src_uri, memory.write(pages / src_uri, text.markdown), text.content))
        else:
            site.files.append(GeneratedFile(src_uri, memory.write(pages / src_uri, text)))
    memory.finish()
    return site


# Compute, in the per-seed stage (cached with the article, on all cores when many seeds are new), what
# later stages derive from one article alone: reading time, terms, body statistics, entity mentions
def prepare_article(article: Article, matcher: EntityMatcher) -> None:
    timeline.reading_minutes(article)
    term_counts(article)
    body_statistics(article)
    article_first_mentions(article, matcher)


# The matcher of every public entity's names, linking to its page
def entity_matcher(vocabulary: Vocabulary) -> EntityMatcher:
    return EntityMatcher(
        {
            form: browsing.entity_page_path(entity.kind, entity.slug)
            for entity in vocabulary.entities
            if not entity.is_private_person
            for form in entity.names
        }
    )


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# (path in the site, text) of every generated file (an article page's text with its content, see rendering); texts whose inputs did not change since the last
# build in this process come from `memory`
def _file_texts(
    corpus: Corpus, by_topic: dict[str, list[PlacedArticle]], vocabulary: Vocabulary, matcher: EntityMatcher,
    site_url: str, site_name: str, memory: GeneratedMemory,
) -> Iterator[tuple[str, str | RenderedArticle]]:
    articles = corpus.articles
    everything = articles_signature(articles)

    # The texts of one producer over some articles, remembered while those articles are the same
    def remembered(name: str, placed: list[PlacedArticle], make: Callable[[], T], *extra) -> T:
        return memory.value(name, (articles_signature(placed), *extra), placed, make)

    relations = memory.related.update(articles)
    if not memory.keep:  # a one-off build: what only relating and deduplication needed can go now
        memory.related, memory.duplicates = RelatedArticles(), DuplicateFinder()
        for placed in articles:
            for key in ("relating.term_counts", "deduplication.body_statistics"):
                placed.article.derived.pop(key, None)
    yield from _article_pages(articles, vocabulary, matcher, relations, site_url, memory)
    yield listings.ARCHIVE_INDEX, remembered(listings.ARCHIVE_INDEX, articles, lambda: listings.archive_index_page(articles))
    for year, placed in listings.articles_by_year(articles).items():
        path = listings.year_page_path(year)
        yield path, remembered(path, placed, lambda: timeline.year_page_by_month(year, placed))
    yield timeline.TIMELINE_PAGE, remembered(timeline.TIMELINE_PAGE, articles, lambda: timeline.timeline_page(articles))
    yield from _subject_pages(articles, by_topic, vocabulary, remembered)
    yield sources.SOURCES_INDEX, remembered(sources.SOURCES_INDEX, articles, lambda: _sources_index_page(articles))
    yield from sources.source_pages(articles, remembered).items()
    yield from feeds.site_feeds(articles, site_name or "News archive", site_url,
                                remembered=lambda path, newest, make: remembered(path, newest, make)).items()
    yield catalogue.ARTICLES_JSON, remembered(catalogue.ARTICLES_JSON, articles,
                                              lambda: catalogue.articles_json(articles, site_url), site_url)
    yield catalogue.ARTICLES_CSV, remembered(catalogue.ARTICLES_CSV, articles,
                                             lambda: catalogue.articles_csv(articles, site_url), site_url)
    reviews = tuple(id(corpus.reviews.get(placed.article.seed_path)) for placed in articles)
    yield from memory.value("editor", (everything, reviews), (articles, dict(corpus.reviews)),
                            lambda: editor_report.report_pages(corpus)).items()


# Every article page: tags, linked entity mentions, entities, related reading, citation
def _article_pages(
    articles: list[PlacedArticle], vocabulary: Vocabulary, matcher: EntityMatcher, relations: dict[str, list[Relation]],
    site_url: str, memory: GeneratedMemory,
) -> Iterator[tuple[str, RenderedArticle]]:
    by_path = {placed.page_path: placed for placed in articles}
    entities = {entity.slug: entity for entity in vocabulary.entities}
    # Each person's candidates, as the tuple remembered from the last build while they are the same articles
    people_index = {
        slug: memory.value(f"person-candidates:{slug}", articles_signature(bucket), None, lambda: tuple(bucket))
        for slug, bucket in _articles_by_person(articles).items()
    }
    header_search_full_text = len(articles) <= HEADER_SEARCH_FULL_TEXT_LIMIT
    for placed in articles:
        article, path = placed.article, placed.page_path
        url = site_url.rstrip("/") + "/" + placed.url if site_url else ""
        related = relations.get(path, [])
        shown = {relation.page_path for relation in related}
        buckets = tuple(people_index.get(m.slug, ()) for m in article.entities if m.kind == "person")
        same_people = memory.value(f"same-people:{path}", (id(article), path, frozenset(shown), tuple(map(id, buckets))),
                                   buckets, lambda: _same_people(placed, people_index, shown))
        # What the page shows of other articles: their paths, and titles and tags (by identity)
        others = tuple((relation, id(by_path[relation.page_path].article)) for relation in related
                       if relation.page_path in by_path)
        others += tuple((other.page_path, id(other.article), names) for other, names in same_people)
        signature = (id(article), path, url, header_search_full_text, others)
        yield path, memory.value(path, signature, (placed, related, same_people), lambda: render_article_page(
            article,
            url=url,
            page_path=path,
            links=_entity_links(article, matcher),
            reading_minutes=timeline.reading_minutes(article),
            header_search_full_text=header_search_full_text,
            topic_links=[(topic.label, page_url_link(browsing.topic_page_path(topic.slug), path)) for topic in article.topics],
            sections=[
                _entity_section(placed, entities),
                related_reading_html(related, by_path, path),
                _same_people_section(placed, same_people),
                citation_block_html(article, url),
            ],
        ))


# The first mention of each entity the article is tagged with, by body block
def _entity_links(article: Article, matcher: EntityMatcher) -> dict[int, list]:
    mentioned = {browsing.entity_page_path(mention.kind, mention.slug) for mention in article.entities}
    return {
        index: kept
        for index, spans in article_first_mentions(article, matcher).items()
        if (kept := [span for span in spans if span.target in mentioned])
    }


# The "In this article" section: the entities the article names, grouped by kind (an HTML block)
def _entity_section(placed: PlacedArticle, entities: dict) -> str:
    path = placed.page_path
    groups = []
    for kind, (_, title) in browsing.ENTITY_SECTIONS.items():
        mentions = sorted((m for m in placed.article.entities if m.kind == kind), key=lambda m: (-m.count, m.name))
        if mentions:
            links = ", ".join(
                f'<a href="{escape_html(page_url_link(browsing.entity_page_path(kind, m.slug), path))}">{escape_html(m.name)}</a>'
                for m in mentions
            )
            groups.append(f"<strong>{title}:</strong> {links}")
    if not groups:
        return ""
    return ('<div class="article-entities">\n<h2 id="in-this-article" data-search-exclude>In this article</h2>\n<p>'
            + "<br>\n".join(groups) + "</p>\n</div>\n")


# The newest articles naming each person (bounded, so the work per article does not grow with the archive)
def _articles_by_person(articles: list[PlacedArticle]) -> dict[str, list[PlacedArticle]]:
    index: dict[str, list[PlacedArticle]] = {}
    for placed in articles:
        for mention in placed.article.entities:
            if mention.kind == "person":
                bucket = index.setdefault(mention.slug, [])
                if len(bucket) < SAME_PEOPLE_CANDIDATES:
                    bucket.append(placed)
    return index


# The other articles naming the article's people, most shared first, each with the names it shares
# (those already shown as related reading left out)
def _same_people(placed: PlacedArticle, people_index: dict[str, list[PlacedArticle]],
                 shown: set[str]) -> list[tuple[PlacedArticle, tuple[str, ...]]]:
    people = {m.slug: m.name for m in placed.article.entities if m.kind == "person"}
    shared: dict[str, list[str]] = {}
    others: dict[str, PlacedArticle] = {}
    for slug, name in people.items():
        for other in people_index.get(slug, []):
            if other.page_path != placed.page_path and other.page_path not in shown:
                shared.setdefault(other.page_path, []).append(name)
                others[other.page_path] = other
    ranked = sorted(shared, key=lambda path: (-len(shared[path]), path))[:SAME_PEOPLE_COUNT]
    return [(others[path], tuple(sorted(shared[path]))) for path in ranked]


# "Articles that mention the same people" section, an HTML block ("" when there are none)
def _same_people_section(placed: PlacedArticle, same_people: list[tuple[PlacedArticle, tuple[str, ...]]]) -> str:
    items = [(other, f"Also names: {escape_html(', '.join(names))}") for other, names in same_people]
    return article_section_html("Articles that mention the same people", items, placed.page_path)


# Topic and entity pages with their indexes
def _subject_pages(articles: list[PlacedArticle], by_topic: dict[str, list[PlacedArticle]], vocabulary: Vocabulary,
                   remembered: Callable) -> Iterator[tuple[str, str]]:
    topics = [
        Subject(t.slug, t.label, t.description, "topic", t.iptc, tuple(alias for _, names in t.aliases for alias in names))
        for t in vocabulary.topics
    ]
    names = {topic.slug: topic.name for topic in topics}
    yield browsing.TOPICS_INDEX, remembered(browsing.TOPICS_INDEX, articles,
                                            lambda: browsing.topics_index_page(topics, by_topic, vocabulary.iptc_release))
    for topic in topics:
        tagged = by_topic.get(topic.slug, [])
        feed = relative_link(feeds.topic_feed_path(topic.slug), browsing.topic_page_path(topic.slug))
        extra = f"[Atom feed of this topic]({feed})\n" if tagged else ""  # a topic's feed exists once it has articles
        yield from browsing.topic_pages(topic, tagged, names, extra=extra, remembered=remembered).items()
    mentions = browsing.mentions_by_entity(articles)
    for kind in browsing.ENTITY_SECTIONS:
        subjects = [
            Subject(e.slug, e.name, e.description, e.kind, aliases=e.aliases)
            for e in vocabulary.entities
            if e.kind == kind and not e.is_private_person
        ]
        yield browsing.entity_index_path(kind), remembered(browsing.entity_index_path(kind), articles,
                                                           lambda: browsing.entity_index_page(kind, subjects, mentions))
        for subject in subjects:
            if mentions.get(subject.slug):
                yield from browsing.entity_pages(subject, mentions[subject.slug], remembered).items()


# The sources index page: every publication with its article count
def _sources_index_page(articles: list[PlacedArticle]) -> str:
    return (
        "---\ntitle: Sources\ndescription: The publications whose articles the archive holds.\n---\n\n"
        "# Sources\n\nThe publications whose articles the archive holds, with the number of articles from each. "
        "An article whose publication cannot be read from its text with confidence is listed under "
        '"Source unknown" rather than guessed. Each source page links its own Atom feed.\n\n'
        + sources.sources_index(articles)
    )


# Every topic in use with its number of articles, most first
def _topic_counts(by_topic: dict[str, list[PlacedArticle]]) -> list[tuple[str, str, int]]:
    labels = browsing.topic_labels(by_topic)
    return sorted(((slug, labels[slug], len(tagged)) for slug, tagged in by_topic.items()), key=lambda item: (-item[2], item[0]))


# The most-used topics as linked tag chips, for the home page
def _top_topics(topic_counts: list[tuple[str, str, int]], from_page: str) -> str:
    return " ".join(
        f"[{escape_markdown(label, line_start=False)} ({count})]"
        f"({relative_link(browsing.topic_page_path(slug), from_page)}){{ .md-tag }}"
        for slug, label, count in topic_counts
    ) + "\n"


# Write a file only when its text differs from what is there; returns its path
def _write_if_changed(path: Path, text: str) -> Path:
    data = text.encode("utf-8")
    if not path.is_file() or path.read_bytes() != data:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return path
