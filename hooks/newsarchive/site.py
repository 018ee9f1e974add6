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
from operator import itemgetter
from pathlib import Path

from . import browsing, catalogue, editor_report, feeds, listings, sources, timeline
from .browsing import Subject
from .caching import SeedCache, pipeline_version
from .citation import citation_block_html
from .corpus import Corpus, PlacedArticle, Placements, SeedFolder, build_corpus
from .deduplication import DuplicateFinder, body_statistics
from .grouping import REGROUP_SHARE, Grouping
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

# A generated file's text: one string, or pieces to write one after the other (a 25 MB data file is cheaper
# to write in pieces than to join first).
Text = str | tuple[str, ...]

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
class StoredContent:
    """A page's content made by the pipeline, kept in a file beside the page's Markdown until MkDocs
    builds the page (a build's 10,000 articles' HTML would otherwise all be in memory at once)."""

    path: Path  # the HTML, as UTF-8
    toc_tokens: tuple[dict, ...]
    searched_length: int | None
    front_matter: str

    # The content, read back from its file
    def load(self) -> PageContent:
        return PageContent(self.path.read_bytes().decode("utf-8"), self.toc_tokens, self.searched_length, self.front_matter)


@dataclass(frozen=True)
class GeneratedFile:
    """A file the archive adds to the site: its path in the site and the file holding it."""

    src_uri: str
    abs_path: Path
    # The page's content made without Python-Markdown, when it can be: in memory under `mkdocs serve`
    # (rebuilds reuse it), in a file in a one-off build
    content: PageContent | StoredContent | None = None


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
    seed gives the very same Article object on every build, and articles are never changed in place;
    so are the groups of articles (see grouping), which are replaced, never changed, when they change.
    The objects an entry was made from are kept with it, so their identities stay unique.  A value made
    while another is being made belongs to it: when the outer one is reused, so are the values within."""

    def __init__(self, *, keep: bool = True) -> None:
        self.keep = keep  # False: a one-off build, nothing to remember (values are made and not stored)
        # name -> (signature, inputs kept alive, value, names of the values asked for while making it, and within those)
        self._entries: dict[str, tuple[tuple, object, object, tuple[str, ...]]] = {}
        self._files: dict[str, tuple[Text, GeneratedFile]] = {}  # path in the site -> (text last written, its file)
        self._folders: dict[str, tuple] = {}  # folder of written files -> its stat signature after the last build
        self._moved_folders: set[str] = set()  # folders changed by someone else since the last build
        self._written_folders: set[str] = set()  # folders this build wrote in
        self._asked: set[str] = set()
        self._making: list[list[str]] = []  # for each value being made (innermost last), the names asked for within it
        self._context: tuple = ()
        self.made = 0  # values made (not reused) by the current build, for tests and the benchmark
        self.seed_folder = SeedFolder() if keep else None  # the seed folder as the last build found it (see corpus)
        self.placements = Placements() if keep else None  # the last build's placed articles (see corpus)
        self.groups = ArticleGroups()  # the corpus's groups of articles, updated for what changed
        self.related = RelatedArticles()  # the related articles, updated for what changed (see relating)
        self.duplicates = DuplicateFinder()  # the duplicate finder's index, updated for what changed

    # Start a build: nothing asked for yet.  `context` is what every text may depend on besides its
    # articles (project, vocabulary, site URL and name): when it changed, nothing remembered is used.
    # `pages`: the folder generated files are written in.
    def start(self, context: tuple, pages: Path) -> None:
        if context != self._context:
            self._entries.clear()
            self._files.clear()
            self._folders.clear()
        self._asked, self._context, self.made = set(), context, 0
        self._moved_folders = {folder for folder, known in self._folders.items()
                               if _stat_signature(os.path.join(pages, folder)) != known}
        self._written_folders = set()

    # The value called `name` (a text, or texts by path): the remembered one while `signature` is
    # unchanged, else `make()`
    def value(self, name: str, signature: tuple, inputs: object, make: Callable[[], T]) -> T:
        entry = self._entries.get(name)
        if entry is not None and entry[0] == signature:
            within = entry[3]
        else:
            self._making.append([])
            try:
                value = make()
            finally:
                within = tuple(self._making.pop())
            self.made += not within  # values made of other remembered values are counted in those
            entry = (signature, inputs, value, within)
            if self.keep:
                self._entries[name] = entry
        self._asked.add(name)
        self._asked.update(within)
        if self._making:
            self._making[-1] += (name, *within)
        return entry[2]  # type: ignore[return-value]

    # The generated file of a text (or of pieces of text, one after the other): written unless this
    # process last wrote this same text to it and it is still there (a removed file changes its folder's
    # modification time, so one look at each folder per build tells whether the files this process wrote
    # in it are all still there).  A file of this process's is written without reading it first.
    def file(self, pages: Path, src_uri: str, text: Text, content: PageContent | None = None) -> GeneratedFile:
        folder = src_uri.rpartition("/")[0]
        known = self._files.get(src_uri)
        as_left = known is not None and (
            folder not in self._moved_folders or os.path.isfile(os.path.join(pages, src_uri)))
        if as_left and known[0] == text:
            return known[1]
        path = pages / src_uri
        if as_left:
            _write(path, text)
        else:
            _write_if_changed(path, text)
        if content is not None and not self.keep:
            content = _stored(path.with_suffix(".html"), content)
        generated = known[1] if known is not None and known[1].content is content else GeneratedFile(src_uri, path, content)
        if self.keep:
            self._files[src_uri] = (text, generated)
            self._written_folders.add(folder)
        return generated

    # End a build: forget the entries it did not ask for (pages that no longer exist), and note how the
    # folders it wrote in look now
    def finish(self, pages: Path) -> None:
        for name in set(self._entries) - self._asked:
            del self._entries[name]
        for folder in self._written_folders | self._moved_folders:
            self._folders[folder] = _stat_signature(os.path.join(pages, folder))


class ArticleGroups:
    """The corpus's articles by topic, entity, person, source and year, each group newest first (see
    grouping), kept between builds and updated for the articles that came and went."""

    # No groups yet: the first update fills them
    def __init__(self) -> None:
        by_year = listings.year_of
        self.by_topic: Grouping[PlacedArticle] = Grouping(browsing.topic_entries, part_of=by_year,
                                                          tally_of=browsing.topic_tally)
        self.mentions: Grouping[tuple[PlacedArticle, int]] = Grouping(browsing.mention_entries, placed_of=itemgetter(0),
                                                                      part_of=by_year)
        self.by_person: Grouping[PlacedArticle] = Grouping(browsing.person_entries)  # person slug -> articles naming them
        self.by_source: Grouping[PlacedArticle] = Grouping(sources.source_entries, part_of=by_year)
        self.by_year: Grouping[PlacedArticle] = Grouping(listings.year_entries)

    # Every group updated for a corpus (newest first) from which the `left` articles of the last one went
    # and to which the `arrived` ones came (grouped afresh when that is a large part of it)
    def update(self, articles: list[PlacedArticle], left: list[PlacedArticle], arrived: list[PlacedArticle]) -> None:
        regroup = len(left) + len(arrived) > REGROUP_SHARE * len(articles)
        for grouping in (self.by_topic, self.mentions, self.by_person, self.by_source, self.by_year):
            if regroup:
                grouping.fill(articles)
            else:
                grouping.change(left, arrived)


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
                          seed_folder=memory.seed_folder, duplicate_finder=memory.duplicates,
                          placements=memory.placements)
    if memory.placements is not None:
        memory.groups.update(corpus.articles, memory.placements.left, memory.placements.arrived)
    else:
        memory.groups.update(corpus.articles, [], corpus.articles)
    site = ArchiveSite(
        problems=list(corpus.problems),
        notes=[f"{path}: not a seed file, ignored" for path in corpus.ignored] + corpus.notes,
        latest=corpus.articles[: listings.LATEST_COUNT],
        article_count=len(corpus.articles),
        topic_counts=_topic_counts(memory.groups.by_topic.groups),
    )
    pages = root / PAGE_CACHE
    memory.start((root.resolve(), subjects.version, version, site_url, site_name), pages)
    for src_uri, text in _file_texts(corpus, memory.groups, subjects, matcher, site_url, site_name, memory):
        if isinstance(text, RenderedArticle):
            site.files.append(memory.file(pages, src_uri, text.markdown, text.content))
        else:
            site.files.append(memory.file(pages, src_uri, text))
    memory.finish(pages)
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


# (path in the site, text) of every generated file (an article page's text with its content, see
# rendering); texts whose inputs did not change since the last build in this process come from `memory`
def _file_texts(
    corpus: Corpus, groups: ArticleGroups, vocabulary: Vocabulary, matcher: EntityMatcher,
    site_url: str, site_name: str, memory: GeneratedMemory,
) -> Iterator[tuple[str, Text | RenderedArticle]]:
    articles = corpus.articles

    # The texts of one producer over some articles, remembered while those articles are the same
    def remembered(name: str, placed: list[PlacedArticle], make: Callable[[], T], *extra) -> T:
        return memory.value(name, (articles_signature(placed), *extra), placed, make)

    # The texts of one producer over a group of articles (or the corpus), remembered while it is the same list
    def of_group(name: str, group: list, make: Callable[[], T], *extra) -> T:
        return memory.value(name, (_group_signature(group), *extra), group, make)

    relations = memory.related.update_kept(articles)
    if not memory.keep:  # a one-off build: what only relating and deduplication needed can go now
        memory.related, memory.duplicates = RelatedArticles(), DuplicateFinder()
        for placed in articles:
            for key in ("relating.term_counts", "deduplication.body_statistics"):
                placed.article.derived.pop(key, None)
    yield from _article_pages(articles, groups.by_person.groups, vocabulary, matcher, relations, site_url, memory)
    by_year = listings.in_year_order(groups.by_year.groups)
    yield listings.ARCHIVE_INDEX, memory.value(listings.ARCHIVE_INDEX, (len(articles), *_group_sizes(by_year)), None,
                                               lambda: listings.archive_index_page(articles, by_year))
    for year, placed in by_year.items():
        path = listings.year_page_path(year)
        yield path, of_group(path, placed, lambda: timeline.year_page_by_month(year, placed))
    yield timeline.TIMELINE_PAGE, of_group(timeline.TIMELINE_PAGE, articles,
                                           lambda: timeline.timeline_page(articles, by_year=by_year, remembered=of_group))
    yield from _subject_pages(groups, vocabulary, of_group, memory)
    publications = sources.sources_from_groups(groups.by_source.groups)
    yield sources.SOURCES_INDEX, memory.value(
        sources.SOURCES_INDEX, tuple((source.slug, source.name, len(source.articles)) for source in publications), None,
        lambda: _sources_index_page(publications))
    for source in publications:
        yield from of_group(f"group:{source.page_path}", source.articles, lambda: sources.source_page(
            source, of_group, by_year=groups.by_source.parts[source.slug])).items()
    yield from _feeds(articles, publications, groups.by_topic.groups, site_name or "News archive", site_url,
                      remembered, of_group)
    yield from _open_data(articles, by_year, site_url, of_group)
    yield from _editor_pages(corpus, by_year, of_group, memory)


# Every article page: tags, linked entity mentions, entities, related reading, "same people", citation.
# A page is known by its article, its related list and the newest articles naming its people (each a
# new object when it changes: see relating and `_person_candidates`), so unchanged pages cost a few
# look-ups.
def _article_pages(
    articles: list[PlacedArticle], by_person: dict[str, list[PlacedArticle]], vocabulary: Vocabulary,
    matcher: EntityMatcher, relations: dict[str, tuple[Relation, ...]], site_url: str, memory: GeneratedMemory,
) -> Iterator[tuple[str, RenderedArticle]]:
    by_path = {placed.page_path: placed for placed in articles}
    entities = {entity.slug: entity for entity in vocabulary.entities}
    people_index = {slug: _person_candidates(slug, group, memory) for slug, group in by_person.items()}
    header_search_full_text = len(articles) <= HEADER_SEARCH_FULL_TEXT_LIMIT
    for placed in articles:
        path = placed.page_path
        related = relations[path]
        buckets = [people_index[slug] for slug in browsing.person_slugs(placed.article)]

        # The page, made again only when the "same people" list or the related list changed
        def article_page() -> RenderedArticle:
            same_people = _same_people_kept(placed, related, people_index, memory)
            return memory.value(f"page:{path}", (id(placed), id(related), id(same_people), header_search_full_text),
                                (placed, related, same_people), lambda: _article_page(
                                    placed, related, same_people, by_path, entities, matcher, site_url,
                                    header_search_full_text))

        signature = (id(placed), id(related), header_search_full_text, *map(id, buckets))
        yield path, memory.value(path, signature, (placed, related, buckets), article_page)


# One article's page
def _article_page(placed: PlacedArticle, related: tuple[Relation, ...], same_people: list[tuple[PlacedArticle, tuple[str, ...]]],
                  by_path: dict[str, PlacedArticle], entities: dict, matcher: EntityMatcher, site_url: str,
                  header_search_full_text: bool) -> RenderedArticle:
    article, path = placed.article, placed.page_path
    url = site_url.rstrip("/") + "/" + placed.url if site_url else ""
    return render_article_page(
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
    )


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


# The article's "same people" list, as the list remembered from the last build while it shows the same
# articles under the same names (so that its page is not made again for an equal list)
def _same_people_kept(placed: PlacedArticle, related: tuple[Relation, ...], people_index: dict[str, tuple[PlacedArticle, ...]],
                      memory: GeneratedMemory) -> list[tuple[PlacedArticle, tuple[str, ...]]]:
    same_people = _same_people(placed, people_index, {relation.page_path for relation in related})
    shown = tuple((id(other), names) for other, names in same_people)
    return memory.value(f"same-people:{placed.page_path}", shown, same_people, lambda: same_people)


# The newest articles naming a person, as the tuple remembered from the last build while they are the same
# articles (looked at only when the person's group of articles changed)
def _person_candidates(slug: str, group: list[PlacedArticle], memory: GeneratedMemory) -> tuple[PlacedArticle, ...]:
    newest = group[:SAME_PEOPLE_CANDIDATES]
    return memory.value(f"person-group:{slug}", (id(group),), group, lambda: memory.value(
        f"person-candidates:{slug}", articles_signature(newest), None, lambda: tuple(newest)))


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


# Topic and entity pages with their indexes; a subject's pages are made again only when its group of
# articles changed, and then its year pages only for the years that changed
def _subject_pages(groups: ArticleGroups, vocabulary: Vocabulary, of_group: Callable,
                   memory: GeneratedMemory) -> Iterator[tuple[str, str]]:
    topics = [
        Subject(t.slug, t.label, t.description, "topic", t.iptc, tuple(alias for _, names in t.aliases for alias in names))
        for t in vocabulary.topics
    ]
    names = {topic.slug: topic.name for topic in topics}
    by_topic = groups.by_topic.groups
    yield browsing.TOPICS_INDEX, memory.value(
        browsing.TOPICS_INDEX, tuple(len(by_topic.get(topic.slug, ())) for topic in topics), None,
        lambda: browsing.topics_index_page(topics, by_topic, vocabulary.iptc_release))
    for topic in topics:
        tagged = by_topic.get(topic.slug, [])
        feed = relative_link(feeds.topic_feed_path(topic.slug), browsing.topic_page_path(topic.slug))
        extra = f"[Atom feed of this topic]({feed})\n" if tagged else ""  # a topic's feed exists once it has articles
        yield from of_group(f"group:{browsing.topic_page_path(topic.slug)}", tagged, lambda: browsing.topic_pages(
            topic, tagged, names, extra=extra, remembered=of_group, by_year=groups.by_topic.parts.get(topic.slug),
            tally=groups.by_topic.tallies.get(topic.slug))).items()
    mentions = groups.mentions.groups
    for kind in browsing.ENTITY_SECTIONS:
        subjects = [
            Subject(e.slug, e.name, e.description, e.kind, aliases=e.aliases)
            for e in vocabulary.entities
            if e.kind == kind and not e.is_private_person
        ]
        index = browsing.entity_index_path(kind)
        yield index, memory.value(index, tuple(len(mentions.get(subject.slug, ())) for subject in subjects), None,
                                  lambda: browsing.entity_index_page(kind, subjects, mentions))
        for subject in subjects:
            if mentions.get(subject.slug):
                yield from of_group(f"group:{browsing.entity_page_path(kind, subject.slug)}", mentions[subject.slug],
                                    lambda: browsing.entity_pages(subject, mentions[subject.slug], of_group,
                                                                  by_year=groups.mentions.parts[subject.slug])).items()


# The archive's feed (remembered while its newest articles are the same) and each source's and topic's
# (looked at only when the source's or topic's group changed)
def _feeds(articles: list[PlacedArticle], publications: list[sources.Source], by_topic: dict[str, list[PlacedArticle]],
           title: str, site_url: str, remembered: Callable, of_group: Callable) -> Iterator[tuple[str, str]]:
    yield feeds.ARCHIVE_FEED, remembered(feeds.ARCHIVE_FEED, articles[: feeds.FEED_LIMIT],
                                         lambda: feeds.archive_feed(articles, title, site_url))

    # A subject's feed, made again only when the newest of its changed group are other articles
    def subject_feed(path: str, entries: list[PlacedArticle], make: Callable[[], str]) -> str:
        return of_group(f"group:{path}", entries, lambda: remembered(path, entries[: feeds.FEED_LIMIT], make))

    yield from feeds.subject_feeds(publications, by_topic, title, site_url, remembered=subject_feed).items()


# The open data files, joined from one part per year (only a changed year's part is made again)
def _open_data(articles: list[PlacedArticle], by_year: dict[str, list[PlacedArticle]], site_url: str,
               of_group: Callable) -> Iterator[tuple[str, Text]]:
    yield catalogue.ARTICLES_JSON, of_group(catalogue.ARTICLES_JSON, articles, lambda: catalogue.json_document(
        len(articles), [of_group(f"{catalogue.ARTICLES_JSON}#{year}", placed, lambda: catalogue.json_records(
            placed, site_url)) for year, placed in by_year.items()]))
    yield catalogue.ARTICLES_CSV, of_group(catalogue.ARTICLES_CSV, articles, lambda: catalogue.csv_document([
        of_group(f"{catalogue.ARTICLES_CSV}#{year}", placed, lambda: catalogue.csv_records(placed, site_url))
        for year, placed in by_year.items()]))


# The editor report: its index (the build's problems, the years) and one file per year of articles
def _editor_pages(corpus: Corpus, by_year: dict[str, list[PlacedArticle]], of_group: Callable,
                  memory: GeneratedMemory) -> Iterator[tuple[str, str]]:
    signature = (tuple(corpus.problems), tuple(corpus.notes), *_group_sizes(by_year))
    yield editor_report.REPORT_PAGE, memory.value(editor_report.REPORT_PAGE, signature, None,
                                                  lambda: editor_report.report_index(corpus, by_year))
    for year, placed in by_year.items():
        path = editor_report.year_report_path(year)
        yield path, of_group(path, placed, lambda: editor_report.year_report_html(year, placed, corpus))


# The sources index page: every publication with its article count
def _sources_index_page(publications: list[sources.Source]) -> str:
    return (
        "---\ntitle: Sources\ndescription: The publications whose articles the archive holds.\n---\n\n"
        "# Sources\n\nThe publications whose articles the archive holds, with the number of articles from each. "
        "An article whose publication cannot be read from its text with confidence is listed under "
        '"Source unknown" rather than guessed. Each source page links its own Atom feed.\n\n'
        + sources.sources_list(publications)
    )


# What identifies a group of articles in a signature: the list itself (see grouping), or nothing when empty
def _group_signature(group: list) -> int | None:
    return id(group) if group else None


# (key, size) of each group, in order
def _group_sizes(groups: dict[str, list]) -> tuple[tuple[str, int], ...]:
    return tuple((key, len(group)) for key, group in groups.items())


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


# What tells a folder's version without listing it: inode and modification time (ns); () if absent
def _stat_signature(path: str) -> tuple:
    try:
        status = os.stat(path)
    except OSError:
        return ()
    return (status.st_ino, status.st_mtime_ns)


# Write a file only when its text differs from what is there
def _write_if_changed(path: Path, text: Text) -> None:
    if not path.is_file() or not _holds(path, (text,) if isinstance(text, str) else text):
        _write(path, text)


# A page's content written to a file (when it holds something else), to be read back when MkDocs needs it
def _stored(path: Path, content: PageContent) -> StoredContent:
    _write_if_changed(path, content.html)
    return StoredContent(path, content.toc_tokens, content.searched_length, content.front_matter)


# Whether a file holds exactly the pieces of a text, as UTF-8 (compared piece by piece: the text is never
# joined, nor encoded whole)
def _holds(path: Path, pieces: tuple[str, ...]) -> bool:
    data = memoryview(path.read_bytes())
    position = 0
    for piece in pieces:
        encoded = piece.encode("utf-8")
        if data[position: position + len(encoded)] != encoded:
            return False
        position += len(encoded)
    return position == len(data)


# Write a text (or its pieces, one after the other) to a file, as UTF-8
def _write(path: Path, text: Text) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as file:
        file.writelines((text,) if isinstance(text, str) else text)
