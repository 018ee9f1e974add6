"""MkDocs hook: adapts MkDocs events to the archive pipeline (hooks/newsarchive).

The handlers only adapt: find the seeds, hand them to the pipeline, add the
pages it renders to MkDocs' files, fill the hand-written pages' placeholders
and report problems as warnings (so `mkdocs build --strict` fails on them).
"""
from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path

from jinja2 import Environment, pass_context
from jinja2.runtime import Context, Macro
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import normalize_url

from newsarchive.fulltext import FulltextError, index_site
from newsarchive.publications import RegistryError
from newsarchive.rendering import PageContent, expand_islands, expand_wrappers, put_islands_back, set_islands_aside
from newsarchive.site import ArchiveSite, StoredContent, build_site
from newsarchive.vocabulary import VocabularyError

log = logging.getLogger("mkdocs.plugins.newsarchive")

# The archive built for the current run of MkDocs (rebuilt on every build and live reload).
_site: ArchiveSite | None = None

# The MkDocs command running ("build", "serve", "gh-deploy"); serve skips the full-text index.
_command = "build"

# Set to 1 to skip the full-text index in a build too (the benchmark times that step on its own).
SKIP_FULLTEXT_VARIABLE = "NEWSARCHIVE_SKIP_FULLTEXT"

# Set to 1 to have Python-Markdown convert every page, article pages too (their content made by the
# pipeline must be byte for byte what this gives: the tests build both ways and compare).
PYTHON_MARKDOWN_VARIABLE = "NEWSARCHIVE_PYTHON_MARKDOWN"

# Set to 1 to have the theme render every fragment on every page (the hook renders its tabs, navigation,
# search box and settings once per place in the site for pages outside the navigation; the tests build
# both ways and compare).
UNCACHED_THEME_VARIABLE = "NEWSARCHIVE_UNCACHED_THEME"

# Theme fragments rendered in this build, by what they depend on (see _theme_fragment).
_fragments: dict[tuple, str] = {}

# The page whose place in the site was worked out last, and that place (a page's four fragments ask in turn).
_last_place: tuple[object, tuple | None] = (None, None)

# Pages whose content the search plugin sees only in part: their whole content, until it is given back.
_whole_contents: dict[str, str] = {}

# The HTML blocks (`html_island`) set aside while the search plugin reads a page, by source path.
_islands_aside: dict[str, list[str]] = {}

# -----------------------------------------------------------------------------
# Pages
# -----------------------------------------------------------------------------


class ArchivePage(Page):
    """A generated page whose front matter and content the pipeline made (`rendering.PageContent`):
    MkDocs neither reads its Markdown file again nor converts it (the file stays, as the page's
    source; the tests build the site both ways and compare byte for byte).  MkDocs reads every page
    before it builds any: the content is read in only when the page is built (`load_content`, from the
    hook's on_page_context) and let go once it is written, so that one article's HTML is in memory at a
    time, not 10,000."""

    # A page of MkDocs for `file` (the page is the file's from now on), with what the pipeline made of it
    # (in memory, or stored in a file until the page is built: `site.StoredContent`)
    def __init__(self, file: File, config: MkDocsConfig, content: PageContent | StoredContent) -> None:
        super().__init__(None, file, config)
        self.made = content

    # The page's front matter as made; no Markdown is left to convert
    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown, self.meta = "", json.loads(self.made.front_matter)

    # The page's headings as made, and no content until the page is built (links to its anchors are
    # not checked without Python-Markdown)
    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = ""
        self.toc = get_toc(list(self.made.toc_tokens))
        self.present_anchor_ids = None

    # The page's content, read in for building the page
    def load_content(self) -> PageContent:
        content = self.made.load()
        self.content = content.html
        return content

    # Let go of the page's content and front matter once the page is written: nothing reads them again
    # (the search plugin took its entry before)
    def release(self) -> None:
        self.content, self.meta = "", {"title": self.meta.get("title")}


# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Remember which command runs, so that `mkdocs serve` can skip the full-text index
def on_startup(*, command: str, dirty: bool) -> None:
    global _command
    _command = command


# The archive's pages link each other by directory-style URLs ("articles/2016/slug/")
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.use_directory_urls:
        raise PluginError("the archive needs `use_directory_urls: true` in mkdocs.yml (its listings link pages as folders)")
    return config


# Build the archive from the seeds and add its pages to the site
@event_priority(100)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    global _site
    started = time.perf_counter()
    try:
        # Under `mkdocs serve` the pipeline keeps its results in memory and redoes only what a change touches.
        _site = build_site(_project_root(config), site_url=config.site_url or "", site_name=config.site_name,
                           remember=_command == "serve")
    except (RegistryError, VocabularyError) as error:  # editorial data an editor must fix first
        raise PluginError(str(error)) from error
    for message in _site.problems:
        log.warning(message)
    for message in _site.notes:
        log.info(message)
    log.info(f"archive: {_site.article_count} articles, {len(_site.files)} generated files, {time.perf_counter() - started:.2f} s")
    _whole_contents.clear()
    _islands_aside.clear()
    made_content = os.environ.get(PYTHON_MARKDOWN_VARIABLE) != "1"
    for generated in _site.files:
        if files.get_file_from_path(generated.src_uri):
            log.warning(f"docs/{generated.src_uri} is hand-written but the archive generates it; the generated one is used")
            files.remove(files.get_file_from_path(generated.src_uri))
        file = File.generated(config, generated.src_uri, abs_src_path=str(generated.abs_path), inclusion=InclusionLevel.NOT_IN_NAV)
        if made_content and generated.content is not None:
            ArchivePage(file, config, generated.content)
        files.append(file)
    return files


# Fill a hand-written page's archive placeholders (latest articles, source list, ...)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if isinstance(page, ArchivePage):
        return markdown
    return _site.fill_placeholders(markdown, page.file.src_uri) if _site else markdown


# The converted Markdown with the marker comments around its sections turned into the elements they
# stand for (an ArchivePage's content is made so by the pipeline)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if isinstance(page, ArchivePage):
        return html
    return expand_wrappers(html)


# Before the search plugin indexes a page: show it only the part it indexes, when the pipeline said
# which (parsing an article's whole text only to leave it out of the header search is a fifth of a build),
# and no listing's article lists (out of the header search too)
@event_priority(100)
def _before_search(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    searched = page.load_content().searched_html if isinstance(page, ArchivePage) else None
    if searched is not None:
        _whole_contents[page.file.src_uri] = page.content
        page.content = searched
    elif page.content:
        page.content, islands = set_islands_aside(page.content)
        if islands:
            _islands_aside[page.file.src_uri] = islands
    return context


# After the search plugin: give the page its whole content back for the theme, with its HTML blocks kept
# in comments (`html_island`: listings' article lists) put back and opened
@event_priority(-100)
def _after_search(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    whole = _whole_contents.pop(page.file.src_uri, None)
    if whole is not None:
        page.content = whole
    islands = _islands_aside.pop(page.file.src_uri, None)
    if islands:
        page.content = put_islands_back(page.content, islands)
    if page.content:
        page.content = expand_islands(page.content)
    return context


on_page_context = CombinedEvent(_before_search, _after_search)


# After an article page is written: its content and front matter are no longer needed (see ArchivePage)
@event_priority(-100)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if isinstance(page, ArchivePage):
        page.release()
    return output


# Give templates the latest articles (the 404 page lists them) and the theme-fragment cache
def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["archive_latest"] = _site.latest_links() if _site else []
    global _last_place
    env.globals["archive_fragment"] = _theme_fragment
    _fragments.clear()
    _last_place = (None, None)
    return env


# Index the written site for full-text search, once per build (not under `mkdocs serve`)
def on_post_build(*, config: MkDocsConfig) -> None:
    if _command == "serve":
        return
    if os.environ.get(SKIP_FULLTEXT_VARIABLE) == "1":
        log.info(f"full-text search: not indexed ({SKIP_FULLTEXT_VARIABLE}=1)")
        return
    try:
        result = index_site(Path(config.site_dir))
    except FulltextError as error:
        raise PluginError(str(error)) from error
    log.info(f"full-text search: {result.page_count} articles indexed in {result.seconds:.1f} s")


# Rebuild when a seed or an editorial data file changes under `mkdocs serve`
def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:
    root = _project_root(config)
    for folder in ("seeds", "hooks/newsarchive/data"):
        if (root / folder).is_dir():
            server.watch(str(root / folder))
    return server


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# A fragment of the theme (`{% call archive_fragment("nav") %}...{% endcall %}` in main.html), rendered
# once for all the pages that would render it alike
@pass_context
def _theme_fragment(context: Context, name: str, caller: Macro) -> str:
    key = _fragment_key(context, name)
    if key is None:
        return caller()
    fragment = _fragments.get(key)
    if fragment is None:
        fragment = _fragments[key] = caller()
    return fragment


# What a fragment of the theme depends on: its name and the page's place (see _place); None when the
# page has no place to share and the variable asks for no cache
def _fragment_key(context: Context, name: str) -> tuple | None:
    global _last_place
    if os.environ.get(UNCACHED_THEME_VARIABLE) == "1":
        return None
    page = context.get("page")
    if _last_place[0] is not page:
        _last_place = (page, _place(page, context.get("nav"), context.get("base_url")))
    place = _last_place[1]
    return None if place is None else (name, *place)


# Where a page outside the navigation sits, as far as the theme's fragments can tell: the links to the
# navigation's pages as seen from the page and which of them are active, the way to the site root and
# the page's top folder (links to the theme's assets, "../../assets/...", follow from these two);
# None for a page in the navigation (its entry there shows its table of contents)
def _place(page: Page | None, nav, base_url: str | None) -> tuple | None:
    if page is None or nav is None or any(item is page for item in nav.pages):
        return None
    links = tuple((normalize_url(item.url, page=page, base=base_url), item.active) for item in nav.pages)
    return (base_url, page.url.split("/", 1)[0], links)


# The project folder: the one holding mkdocs.yml
def _project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent
