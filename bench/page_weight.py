"""Page weight: what a reader's first visit to each kind of page downloads.

    python bench/page_weight.py                  # build the project from its real seeds, then measure
    python bench/page_weight.py --seeds 1000     # ... from 1,000 synthetic seeds (bench/generate_seeds.py)
    python bench/page_weight.py --site site/     # measure a site that is already built
    python bench/page_weight.py --no-lighthouse  # skip Lighthouse

A benchmark, not a test: it prints numbers and fails only when it cannot build.

1. Per page type (home, article, listing pages): the page's HTML bytes, and the
   bytes a first visit with an empty cache downloads: the HTML, every stylesheet,
   script, icon and font it references (fonts through the stylesheets' url()),
   and what Material's scripts fetch at once: the search worker, the search index
   (search/search_index.json, fetched on every first visit, not on first search)
   and sitemap.xml (navigation.instant).  Raw bytes and gzipped (GitHub Pages
   compresses text); articles as median and largest.
2. When Chromium and Playwright are here, the same first visits measured in the
   browser (bytes of every response), as a check on 1.
3. The lunr search index: size, gzipped, and per article; Pagefind's bundle if
   the build wrote one.
4. Lighthouse 12 (bench/package.json; `npm ci --prefix bench` installs it) on
   the home page and the median article, in headless Debian Chromium, with
   Lighthouse's desktop preset (the profile our targets are set for): performance,
   accessibility, best practices and SEO; or why it could not run.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import html.parser
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(BENCH))

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Debian's Chromium and the flags that keep it quiet on a closed network.
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

# Lighthouse's command-line entry point inside bench/node_modules.
LIGHTHOUSE_CLI = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE_TIMEOUT_S = 240

# What a downloaded file counts as, by its extension.
FONT_EXTENSIONS = (".woff2", ".woff", ".ttf", ".otf", ".eot")
KIND_BY_EXTENSION = {".css": "css", ".js": "js", ".json": "search", ".xml": "other"}

# Columns of the first-visit table, in order.
KINDS = ("html", "css", "js", "fonts", "search", "other")

# An article page carries this attribute around its text.
ARTICLE_MARKER = 'itemprop="articleBody"'

# Pages that list others: fixed ones, then the first page of each listing folder.
LISTING_PAGES = ("articles/index.html", "sources/index.html", "topics/index.html", "people/index.html",
                 "places/index.html", "organisations/index.html", "timeline/index.html")
LISTING_FOLDERS = ("articles", "topics", "people", "places", "organisations", "sources")


@dataclass
class Download:
    """Everything one first visit of a page fetches, by kind: {kind: {url path: bytes}}."""

    files: dict[str, dict[str, bytes]] = field(default_factory=lambda: {kind: {} for kind in KINDS})

    def add(self, kind: str, path: str, content: bytes) -> None:
        self.files[kind][path] = content

    def size(self, kind: str) -> int:
        return sum(len(content) for content in self.files[kind].values())

    def total(self) -> int:
        return sum(self.size(kind) for kind in KINDS)

    def total_gzipped(self) -> int:
        return sum(_gzipped(content) for kind in KINDS for content in self.files[kind].values())


# -----------------------------------------------------------------------------
# Main
# -----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    arguments = _parse_arguments(argv)
    with _site_to_measure(arguments) as site:
        pages = _pages_by_type(site)
        print(f"# Page weight of {site}\n")
        print(_first_visit_table(site, pages))
        print(_browser_table(site, pages))
        print(_search_index_table(site))
        if arguments.lighthouse:
            print(_lighthouse_table(site, pages))
    return 0


# Command-line options
def _parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="measure this built site instead of building one")
    parser.add_argument("--seeds", type=int, metavar="N", help="build from N synthetic seeds instead of the real ones")
    parser.add_argument("--no-lighthouse", dest="lighthouse", action="store_false", help="skip Lighthouse")
    return parser.parse_args(argv)


# The built site: the one given, or the project built into a temporary folder
@contextmanager
def _site_to_measure(arguments: argparse.Namespace) -> Iterator[Path]:
    if arguments.site:
        yield arguments.site.resolve()
        return
    from sitebuild import build_project

    with tempfile.TemporaryDirectory(prefix="page-weight-") as temporary:
        seeds = _synthetic_seeds(arguments.seeds, Path(temporary) / "generated") if arguments.seeds else None
        built = build_project(Path(temporary), seeds, real_seeds=seeds is None)
        if built.returncode != 0:
            print(built.log[-4000:], file=sys.stderr)
            raise SystemExit(f"page_weight: the site did not build (exit {built.returncode}); see the log above")
        yield built.site


# {file name: bytes} of N synthetic seeds
def _synthetic_seeds(count: int, folder: Path) -> dict[str, bytes]:
    import generate_seeds

    return {path.name: path.read_bytes() for path in generate_seeds.generate(count, folder)}


# -----------------------------------------------------------------------------
# Page types
# -----------------------------------------------------------------------------


# {page type: site path of an HTML file}: home, median and largest article, listing pages
def _pages_by_type(site: Path) -> dict[str, str]:
    pages = {"home": "index.html"}
    articles = sorted((path for path in site.rglob("index.html") if ARTICLE_MARKER in path.read_text(encoding="utf-8")),
                      key=lambda path: (path.stat().st_size, path.as_posix()))
    if articles:
        pages["article (median)"] = articles[len(articles) // 2].relative_to(site).as_posix()
        pages["article (largest)"] = articles[-1].relative_to(site).as_posix()
    for listing in LISTING_PAGES:
        if (site / listing).is_file():
            pages[f"listing: {listing.removesuffix('/index.html').removesuffix('index.html')}/"] = listing
    article_set = set(articles)
    for folder in LISTING_FOLDERS:
        inner = sorted(path for path in (site / folder).glob("*/index.html") if path not in article_set) if (site / folder).is_dir() else []
        if inner:
            pages[f"listing: {folder}/<one>/"] = inner[0].relative_to(site).as_posix()
    return pages


# -----------------------------------------------------------------------------
# First visit, from the files
# -----------------------------------------------------------------------------


# Markdown table: per page type, the HTML and what a first visit downloads
def _first_visit_table(site: Path, pages: dict[str, str]) -> str:
    lines = ["## First visit, empty cache (from the built files)\n",
             "| page type | page | HTML | CSS | JS | fonts | search index | other | total | total gzipped |",
             "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for page_type, path in pages.items():
        download = _first_visit(site, path)
        sizes = " | ".join(_kb(download.size(kind)) for kind in KINDS)
        lines.append(f"| {page_type} | `{path}` | {sizes} | {_kb(download.total())} | {_kb(download.total_gzipped())} |")
    lines.append("\n'search index' is search/search_index.json, which Material fetches on every first visit; "
                 "'other' is icons and sitemap.xml (navigation.instant). The search worker script counts as JS.\n")
    return "\n".join(lines)


# What the first visit of one page downloads, read from the site's files
def _first_visit(site: Path, path: str) -> Download:
    download = Download()
    html_bytes = (site / path).read_bytes()
    download.add("html", "/" + path, html_bytes)
    references = _References()
    references.feed(html_bytes.decode("utf-8"))
    page_url = "/" + path
    for kind, href in references.found:
        _add_file(site, download, kind, urljoin(page_url, href))
    config = references.config
    base = urljoin(page_url, config.get("base", "."))
    if config.get("search"):
        _add_file(site, download, "js", urljoin(page_url, config["search"]))
        _add_file(site, download, "search", urljoin(base + "/", "search/search_index.json"))
    if "navigation.instant" in config.get("features", []):
        _add_file(site, download, "other", urljoin(base + "/", "sitemap.xml"))
    return download


# Add one referenced file (and, for a stylesheet, the fonts and imports it references)
def _add_file(site: Path, download: Download, kind: str, url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        download.add("other", url, b"")  # another host: counted by name only, and shown by the browser check
        return
    file = site / parts.path.lstrip("/")
    if file.is_dir():
        file = file / "index.html"
    if not file.is_file() or parts.path in download.files[kind]:
        return
    content = file.read_bytes()
    download.add(kind, parts.path, content)
    if kind == "css":
        for reference in re.findall(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""", content.decode("utf-8", "replace")):
            target = reference[0] or reference[1]
            if target.startswith("data:"):
                continue
            target_kind = "fonts" if target.split("?")[0].lower().endswith(FONT_EXTENSIONS) else ("css" if reference[1] else "other")
            _add_file(site, download, target_kind, urljoin(url, target))


class _References(html.parser.HTMLParser):
    """What a page's HTML makes the browser fetch: stylesheets, scripts, icons; and Material's __config."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self.config: dict = {}
        self._in_config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        relation = attributes.get("rel", "").lower().split()
        if tag == "link" and "stylesheet" in relation and attributes.get("href"):
            self.found.append(("css", attributes["href"]))
        elif tag == "link" and ("icon" in relation or "preload" in relation) and attributes.get("href"):
            self.found.append((self._preload_kind(attributes), attributes["href"]))
        elif tag == "script" and attributes.get("src"):
            self.found.append(("js", attributes["src"]))
        elif tag == "script" and attributes.get("id") == "__config":
            self._in_config = True

    def handle_endtag(self, tag: str) -> None:
        self._in_config = False if tag == "script" else self._in_config

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.config = json.loads(data)

    @staticmethod
    def _preload_kind(attributes: dict[str, str]) -> str:
        return {"font": "fonts", "style": "css", "script": "js"}.get(attributes.get("as", ""), "other")


# -----------------------------------------------------------------------------
# First visit, in the browser
# -----------------------------------------------------------------------------


# Markdown table: the same first visits measured in Chromium, or why not
def _browser_table(site: Path, pages: dict[str, str]) -> str:
    heading = "## First visit, empty cache (measured in headless Chromium)\n"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return heading + "\nnot measured: Playwright is not installed (pip install -r requirements-browser.txt)\n"
    if not Path(CHROMIUM).exists():
        return heading + f"\nnot measured: no Chromium at {CHROMIUM} (tools/install-browser.sh installs it)\n"
    lines = [heading, "| page type | requests | bytes | other hosts |", "|---|--:|--:|---|"]
    with _served(site) as base_url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for page_type, path in pages.items():
            count, size, offsite = _measure_in_browser(browser, base_url + path.removesuffix("index.html"))
            lines.append(f"| {page_type} | {count} | {_kb(size)} | {', '.join(offsite) or 'none'} |")
        browser.close()
    return "\n".join(lines) + "\n"


# (requests, bytes received, hosts other than 127.0.0.1) of one first visit
def _measure_in_browser(browser, url: str) -> tuple[int, int, list[str]]:
    context = browser.new_context()
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    size = sum(len(response.body()) for response in responses if response.ok and response.status != 204)
    offsite = sorted({urlsplit(response.url).hostname or "" for response in responses} - {"127.0.0.1"})
    context.close()
    return len(responses), size, offsite


# Serve a site folder on 127.0.0.1 (a free port) for the duration of a block; yields its base URL
@contextmanager
def _served(site: Path) -> Iterator[str]:
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


# -----------------------------------------------------------------------------
# Search index
# -----------------------------------------------------------------------------


# Markdown table: the lunr index and its cost per article; Pagefind's bundle when there is one
def _search_index_table(site: Path) -> str:
    index_file = site / "search" / "search_index.json"
    if not index_file.is_file():
        return "## Search index\n\nno search/search_index.json in the site\n"
    raw = index_file.read_bytes()
    documents = json.loads(raw)["docs"]
    article_roots = sorted({path.parent.relative_to(site).as_posix() + "/" for path in site.rglob("index.html")
                            if ARTICLE_MARKER in path.read_text(encoding="utf-8")})
    per_article = [sum(len(json.dumps(doc, ensure_ascii=False).encode("utf-8")) for doc in documents
                       if doc["location"].split("#")[0] == root) for root in article_roots]
    lines = ["## Search index\n", "| what | value |", "|---|--:|",
             f"| search_index.json | {_kb(len(raw))} |",
             f"| gzipped | {_kb(_gzipped(raw))} |",
             f"| entries (pages and sections) | {len(documents)} |",
             f"| articles | {len(article_roots)} |"]
    if article_roots:
        lines += [f"| per article, whole index / articles | {_kb(len(raw) / len(article_roots))} |",
                  f"| per article, gzipped | {_kb(_gzipped(raw) / len(article_roots))} |",
                  f"| one article's own entries, median | {_kb(statistics.median(per_article))} |",
                  f"| one article's own entries, largest | {_kb(max(per_article))} |"]
    pagefind = site / "pagefind"
    if pagefind.is_dir():
        files = [path for path in pagefind.rglob("*") if path.is_file()]
        lines.append(f"| Pagefind bundle (site/pagefind/, {len(files)} files; fetched in pieces on search) | "
                     f"{_kb(sum(path.stat().st_size for path in files))} |")
    return "\n".join(lines) + "\n"


# -----------------------------------------------------------------------------
# Lighthouse
# -----------------------------------------------------------------------------


# Markdown table: Lighthouse's four scores for the home page and the median article, or why not
def _lighthouse_table(site: Path, pages: dict[str, str]) -> str:
    heading = "## Lighthouse (desktop preset, headless Debian Chromium)\n"
    reason = _lighthouse_missing()
    if reason:
        return heading + f"\nnot run: {reason}\n"
    targets = {name: pages[name] for name in ("home", "article (median)") if name in pages}
    lines = [heading, "| page | " + " | ".join(LIGHTHOUSE_CATEGORIES) + " | notes |", "|---|" + "--:|" * len(LIGHTHOUSE_CATEGORIES) + "---|"]
    with _served(site) as base_url:
        for name, path in targets.items():
            scores, notes = _lighthouse(base_url + path.removesuffix("index.html"))
            cells = " | ".join(scores.get(category, "–") for category in LIGHTHOUSE_CATEGORIES)
            lines.append(f"| {name} | {cells} | {notes} |")
    return "\n".join(lines) + "\n"


# Why Lighthouse cannot run here, or "" when it can
def _lighthouse_missing() -> str:
    node = shutil.which("node")
    if node is None:
        return "Node.js is not installed (apt-get install nodejs npm)"
    if not LIGHTHOUSE_CLI.is_file():
        return "Lighthouse is not installed: npm ci --prefix bench (bench/package.json pins lighthouse 12.8.2)"
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM} (tools/install-browser.sh installs it)"
    return ""


# ({category: score out of 100}, notes) of one Lighthouse run on a URL
def _lighthouse(url: str) -> tuple[dict[str, str], str]:
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as temporary:
        report = Path(temporary) / "report.json"
        command = ["node", str(LIGHTHOUSE_CLI), url, "--quiet", "--preset=desktop", "--output=json", f"--output-path={report}",
                   f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}", f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}"]
        environment = dict(os.environ, CHROME_PATH=CHROMIUM)
        try:
            result = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=LIGHTHOUSE_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            return {}, f"timed out after {LIGHTHOUSE_TIMEOUT_S} s"
        if result.returncode != 0 or not report.is_file():
            return {}, f"failed (exit {result.returncode}): {(result.stderr or result.stdout).strip()[-300:]}"
        data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: _score(category.get("score")) for name, category in data["categories"].items()}
    notes = "; ".join(filter(None, [data.get("runtimeError", {}).get("message", ""),
                                    *(_short_warning(warning) for warning in data.get("runWarnings", []))]))
    return scores, notes or "–"


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# A score of 0..1 as "0..100", or "n/a"
def _score(score: float | None) -> str:
    return "n/a" if score is None else str(round(score * 100))


# A Lighthouse run warning, without its links
def _short_warning(warning: str) -> str:
    return re.sub(r"\s*\[([^\]]+)\]\([^)]+\)", r" \1", warning).split(". ")[0].strip()


# Size of bytes once gzipped (level 9, as a static host would serve them at best)
def _gzipped(content: bytes | float) -> int | float:
    if isinstance(content, (int, float)):
        return content
    return len(gzip.compress(content, compresslevel=9, mtime=0))


# Bytes as kilobytes with one decimal: 26.2 KB
def _kb(size: float) -> str:
    return f"{size / 1000:.1f} KB"


if __name__ == "__main__":
    raise SystemExit(main())
