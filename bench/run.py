"""The scale benchmark: how the archive's build grows with the number of seeds.

    python bench/run.py                    # N = 100, 1,000, 10,000
    python bench/run.py --sizes 100 1000   # chosen sizes
    python bench/run.py --smoke            # N = 20, a quick check that everything runs

For each N, in a temporary copy of the project (mkdocs.yml, docs/, hooks/, as
tests/sitebuild.py makes them) with N synthetic seeds (bench/generate_seeds.py):

1. `mkdocs build` of the project as a fresh subprocess, twice: cold (no seed
   cache) and warm (the seed cache the first build left); wall time and peak
   RSS (`os.wait4` on that one child).  Both skip the full-text index
   (NEWSARCHIVE_SKIP_FULLTEXT=1): Pagefind is timed on its own in step 5.
2. The pipeline's stages in this process, per seed and in total: read, clean,
   metadata, tag (tagging.tag_article with the project's vocabulary), link
   (linking.find_first_mentions over the body), relate (relating.related_articles,
   corpus-wide), render; plus `build_site` as a whole (what the hook runs), without its cache.
3. The baseline, as the scale issue defines it: the same articles written once
   as plain Markdown (front matter with title and date, the headline, the body
   paragraphs) in a project without the `hooks:` entry, built by plain MkDocs
   with the same theme, plugins and Markdown extensions; and the ratios archive
   build / baseline build.  `--same-pages-baseline` also builds every page the
   archive generates (listings too) as plain Markdown without the hook.
4. A rebuild as `mkdocs serve` does it: one process loads the config, sends
   `on_startup(command="serve")` and builds; one seed is edited, the config is
   loaded again (MkDocs keeps the hook module, and the pipeline package stays
   imported) and the site is built again with `serve_url` set and
   `dirty=False`: the second build's wall time, and the pipeline's share of it.
5. Pagefind over the built site (hooks/newsarchive/fulltext.py), timed as its
   own subprocess; its bundle and what a first search downloads, measured by
   running one search in Node (bench/pagefind_query.mjs) when Node is there.
   Until the renderer emits the Pagefind attributes, the bench adds them to the
   built article pages itself ("simulated markup"), so index sizes are those
   the finished site will have.
6. Sizes: lunr's search/search_index.json (raw and gzipped, all of it is
   downloaded by the first header search), the site, the median article page.

Prints a Markdown table per N and a summary table for the README.  Timings are
noisy when other work runs on the machine; the machine line says what it is.
"""
from __future__ import annotations

import argparse
import gzip
import importlib
import inspect
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate_seeds  # noqa: E402

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

DEFAULT_SIZES = (100, 1000, 10000)
SMOKE_SIZE = 20

# What a project copy needs besides its seeds (as tests/sitebuild.py).
PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks")

# Environment of every MkDocs run: no end-of-life banner, reproducible dates.
BUILD_ENVIRONMENT = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000",
                         NEWSARCHIVE_SKIP_FULLTEXT="1")

# Hand-written pages the articles-only baseline keeps in its navigation.
BASELINE_NAV = [{"Home": "index.md"}, {"Search": "search.md"}, {"About": "about.md"}]

# Searches run for the first-search download figures: a word in nearly every article and a rarer name.
FIRST_SEARCHES = ("defectors", "Hanawon")

# The Pagefind UI files a first search on the search page loads besides the bundle's data files.
PAGEFIND_UI_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind.js", "pagefind-worker.js")

# People the simulated tagger files under the "person" filter (the generator's named people).
SIMULATED_PERSONS = tuple(sorted({name for name, _ in generate_seeds.SPEAKERS} | {
    "Thae Yong-ho", "Ri Il-gyu", "Kim Jong-un", "Xi Jinping", "Ji Seong-ho", "Kang Chol-hwan", "Elizabeth Salmón",
    "Tomás Ojea Quintana", "Kim Sung-eun"}))


@dataclass
class Run:
    """One subprocess: its wall time, peak resident memory and what it printed."""

    seconds: float
    peak_rss_mb: float
    returncode: int
    log: str


@dataclass
class Measurement:
    """Everything measured for one N."""

    n: int
    build: Run | None = None  # cold: no seed cache
    warm_build: Run | None = None  # the seed cache filled by the cold build
    baseline: Run | None = None  # the articles alone as plain Markdown, plain MkDocs
    same_pages_baseline: Run | None = None  # every generated page as plain Markdown, plain MkDocs
    rebuild_seconds: float | None = None
    rebuild_pipeline_seconds: float | None = None  # the hook's share (build_site) of that rebuild
    cold_inprocess_seconds: float | None = None
    stages: dict[str, float | None] = field(default_factory=dict)  # total seconds per stage (None: n/a)
    build_site_seconds: float = 0.0
    articles: int = 0
    warnings: int = 0
    lunr_bytes: int = 0
    lunr_gzip_bytes: int = 0
    lunr_worker_gzip_bytes: int = 0
    lunr_variants: dict[str, tuple[int, int]] = field(default_factory=dict)  # name -> (raw, gzip)
    site_bytes: int = 0
    median_article_bytes: int = 0
    pagefind: Run | None = None
    pagefind_pages: int = 0
    pagefind_bytes: int = 0
    pagefind_files: int = 0
    pagefind_largest_chunk: int = 0
    pagefind_meta_bytes: int = 0
    pagefind_filter_bytes: int = 0
    first_search: dict[str, int] = field(default_factory=dict)  # query -> bytes downloaded
    first_search_files: dict[str, list] = field(default_factory=dict)
    simulated_markup: bool = False
    notes: list[str] = field(default_factory=list)


# -----------------------------------------------------------------------------
# Benchmark
# -----------------------------------------------------------------------------


# Copy the project once (others may be editing the tree) and import the pipeline from that copy
def snapshot_project(destination: Path) -> Path:
    _project_copy(ROOT, destination)
    sys.path.insert(0, str(destination / "hooks"))
    return destination


# Measure one N in a fresh temporary folder, with a project copied from `snapshot`
def measure(n: int, workdir: Path, snapshot: Path, *, lunr_variants: bool, same_pages_baseline: bool) -> Measurement:
    result = Measurement(n=n)
    project = _project_copy(snapshot, workdir / "archive")
    seeds = generate_seeds.generate(n, project / "seeds")
    print(f"[N={n}] {len(seeds)} seeds in {project / 'seeds'}", flush=True)

    result.build = _timed_run([sys.executable, "-m", "mkdocs", "build", "-d", str(workdir / "site")], cwd=project)
    _check(result.build, "mkdocs build (archive)")
    result.warnings = sum(1 for line in result.build.log.splitlines() if line.startswith("WARNING"))
    print(f"[N={n}] archive build {result.build.seconds:.1f} s, {result.build.peak_rss_mb:.0f} MB", flush=True)
    result.warm_build = _timed_run([sys.executable, "-m", "mkdocs", "build", "-d", str(workdir / "site")], cwd=project)
    _check(result.warm_build, "mkdocs build (archive, warm seed cache)")
    print(f"[N={n}] warm archive build {result.warm_build.seconds:.1f} s, {result.warm_build.peak_rss_mb:.0f} MB", flush=True)

    _time_stages(seeds, result)
    print(f"[N={n}] stages timed in-process", flush=True)

    plain = _articles_only_project(project, workdir / "plain")
    result.baseline = _timed_run([sys.executable, "-m", "mkdocs", "build", "-d", str(workdir / "plain-site")], cwd=plain)
    _check(result.baseline, "mkdocs build (plain baseline)")
    print(f"[N={n}] baseline build {result.baseline.seconds:.1f} s, {result.baseline.peak_rss_mb:.0f} MB", flush=True)
    if same_pages_baseline:
        same = _plain_project(project, workdir / "same-pages")
        result.same_pages_baseline = _timed_run([sys.executable, "-m", "mkdocs", "build", "-d", str(workdir / "same-site")],
                                                cwd=same)
        _check(result.same_pages_baseline, "mkdocs build (same pages, plain MkDocs)")
        if lunr_variants:
            _measure_lunr_variants(same, workdir, result)

    result.cold_inprocess_seconds, result.rebuild_seconds, result.rebuild_pipeline_seconds = _serve_rebuild(
        project, seeds[0], workdir / "serve-site")
    print(f"[N={n}] serve-style rebuild {result.rebuild_seconds:.1f} s, pipeline {result.rebuild_pipeline_seconds:.2f} s",
          flush=True)

    site = workdir / "site"
    _measure_site(site, result)
    _measure_pagefind(site, result)
    return result


# -----------------------------------------------------------------------------
# Helper functions: projects and processes
# -----------------------------------------------------------------------------


# A copy of the project at `root` without seeds (seeds/ is created empty)
def _project_copy(root: Path, destination: Path) -> Path:
    destination.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    (destination / "seeds").mkdir()
    return destination


# A small Python process that runs the command and reports the command's peak RSS.  A child's
# ru_maxrss counts the memory of the process it was forked from (until it execs), and this
# benchmark holds thousands of articles, so children are started from this small launcher instead.
_LAUNCHER = (
    "import os, subprocess, sys\n"
    "child = subprocess.Popen(sys.argv[1:])\n"
    "_, status, usage = os.wait4(child.pid, 0)\n"
    "print('PEAK_RSS_KB', usage.ru_maxrss, flush=True)\n"
    "sys.exit(os.waitstatus_to_exitcode(status))\n"
)


# Run a command as a fresh process; wall time and that process's own peak RSS (its children's not counted)
def _timed_run(command: list[str], *, cwd: Path, environment: dict[str, str] | None = None) -> Run:
    with tempfile.TemporaryFile(mode="w+") as output:
        started = time.perf_counter()
        child = subprocess.run([sys.executable, "-c", _LAUNCHER, *command], cwd=cwd, stdout=output,
                               stderr=subprocess.STDOUT, env=environment or BUILD_ENVIRONMENT)
        seconds = time.perf_counter() - started
        output.seek(0)
        log = output.read()
        peaks = re.findall(r"^PEAK_RSS_KB (\d+)$", log, re.M)
        return Run(seconds, int(peaks[-1]) / 1024 if peaks else 0.0, child.returncode, log)


# Stop with the log when a build failed
def _check(run: Run, what: str) -> None:
    if run.returncode != 0:
        raise SystemExit(f"{what} failed (exit {run.returncode}):\n{run.log[-4000:]}")


# The same pages as plain Markdown in a project without the hook: the baseline
def _plain_project(project: Path, destination: Path) -> Path:
    from newsarchive.site import build_site

    site = build_site(project, site_url=_config(project).get("site_url", ""))
    shutil.copytree(project / "docs", destination / "docs")
    for page in getattr(site, "files", None) or getattr(site, "pages", []):
        target = destination / "docs" / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(page.abs_path, target)
    for handwritten in (destination / "docs").rglob("*.md"):
        src_uri = handwritten.relative_to(destination / "docs").as_posix()
        text = handwritten.read_text(encoding="utf-8")
        handwritten.write_text(site.fill_placeholders(text, src_uri), encoding="utf-8")
    config = _config(project)
    config.pop("hooks", None)
    config.pop("watch", None)
    (destination / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return destination


# The baseline of the scale issue: each article once as plain Markdown with front matter, no hook, no listings
def _articles_only_project(project: Path, destination: Path) -> Path:
    from newsarchive.escaping import escape_markdown
    from newsarchive.site import SEED_CACHE
    from newsarchive.caching import SeedCache
    from newsarchive.corpus import build_corpus
    from newsarchive.publications import load_publications
    from newsarchive.vocabulary import load_vocabulary

    corpus = build_corpus(project / "seeds", load_publications(), load_vocabulary(), display_root=project,
                          cache=SeedCache(project / SEED_CACHE))
    shutil.copytree(project / "docs", destination / "docs")
    for placed in corpus.articles:
        article = placed.article
        front = json.dumps({"title": article.title, "date": article.date.isoformat() if article.date else ""},
                           ensure_ascii=False)
        paragraphs = "\n\n".join(escape_markdown(block.text) for block in article.body)
        target = destination / "docs" / placed.page_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"---\n{front}\n---\n\n# {escape_markdown(article.title)}\n\n{paragraphs}\n", encoding="utf-8")
    config = _config(project)
    for key in ("hooks", "watch"):
        config.pop(key, None)
    config["nav"] = [entry for entry in BASELINE_NAV if (destination / "docs" / next(iter(entry.values()))).is_file()]
    (destination / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return destination


# The project's mkdocs.yml as data (it uses no YAML tags)
def _config(project: Path) -> dict:
    return yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))


# A first build then a `mkdocs serve`-style rebuild after one seed changed, in one process: the two
# builds' wall times and the pipeline's (`build_site`, what the hook runs) share of the second
def _serve_rebuild(project: Path, seed: Path, site_dir: Path) -> tuple[float, float, float]:
    probe = f"""
import json, time
from pathlib import Path
from mkdocs.config import load_config
from mkdocs.commands.build import build
import newsarchive.site
pipeline_seconds = []
def timed_build_site(*arguments, _build_site=newsarchive.site.build_site, **keywords):
    started = time.perf_counter()
    try:
        return _build_site(*arguments, **keywords)
    finally:
        pipeline_seconds.append(time.perf_counter() - started)
newsarchive.site.build_site = timed_build_site  # the hook imports it when its module runs, on every config load
serve_url = "http://127.0.0.1:8000/"
def config():
    loaded = load_config(config_file={str(project / 'mkdocs.yml')!r}, site_dir={str(site_dir)!r})
    loaded.site_url = serve_url
    return loaded
first = config()
first.plugins.on_startup(command="serve", dirty=False)  # as `mkdocs serve` does, once (the hook module is kept)
started = time.perf_counter(); build(first, serve_url=serve_url, dirty=False); cold = time.perf_counter() - started
seed = Path({str(seed)!r})
seed.write_text(seed.read_text(encoding="utf-8").rstrip("\\n") + " An editor added this sentence.\\n", encoding="utf-8")
started = time.perf_counter(); build(config(), serve_url=serve_url, dirty=False); warm = time.perf_counter() - started
print("RESULT", json.dumps([cold, warm, pipeline_seconds[-1]]))
"""
    environment = dict(BUILD_ENVIRONMENT, PYTHONPATH=str(project / "hooks"))
    run = _timed_run([sys.executable, "-c", probe], cwd=project, environment=environment)
    _check(run, "serve-style rebuild")
    return tuple(json.loads(run.log.rsplit("RESULT", 1)[1].splitlines()[0]))


# -----------------------------------------------------------------------------
# Helper functions: the pipeline's stages
# -----------------------------------------------------------------------------


# Time every stage over every seed in this process
def _time_stages(seeds: list[Path], result: Measurement) -> None:
    from newsarchive import cleaning, metadata, rendering
    from newsarchive.addressing import assign_page_paths
    from newsarchive.corpus import PlacedArticle
    from newsarchive.publications import load_publications
    from newsarchive.reading import read_seed
    from newsarchive.site import build_site

    publications = load_publications()
    tag, link, relate = _tagger(), _linker(), _optional("newsarchive.relating", "related_articles")
    totals = {stage: 0.0 for stage in ("read", "clean", "metadata", "tag", "link", "relate", "render")}
    articles = []
    for path in seeds:
        seed = _timed(totals, "read", read_seed, path)
        cleaned = _timed(totals, "clean", cleaning.clean, seed)
        article = _timed(totals, "metadata", metadata.extract_article, cleaned, publications)
        if tag:
            article = _timed(totals, "tag", tag, article)
        if link:
            _timed(totals, "link", link, article)
        articles.append(article)
    paths = assign_page_paths(articles)
    placed = [PlacedArticle(article, paths[article.seed_path]) for article in articles]
    if relate:
        _timed(totals, "relate", relate, placed)
    for item in placed:
        _timed(totals, "render", rendering.render_article, item.article, url="https://archive.example.org/" + item.url)
    missing = {"tag": tag is None, "link": link is None, "relate": relate is None}
    result.stages = {stage: None if missing.get(stage) else total for stage, total in totals.items()}
    result.articles = len(articles)
    # The hook's whole work, from scratch (build_site's per-seed cache, where it has one, is not used)
    uncached = {"use_cache": False} if "use_cache" in inspect.signature(build_site).parameters else {}
    started = time.perf_counter()
    build_site(seeds[0].parent.parent, **uncached)
    result.build_site_seconds = time.perf_counter() - started


# Tagging with the project's vocabulary, when tagging.py and vocabulary.py exist
def _tagger() -> Callable | None:
    tag_article = _optional("newsarchive.tagging", "tag_article")
    load_vocabulary = _optional("newsarchive.vocabulary", "load_vocabulary")
    if not (tag_article and load_vocabulary):
        return None
    vocabulary = load_vocabulary()
    return lambda article: tag_article(article, vocabulary)


# Entity linking of one article's body (first mentions of every known public entity), when linking.py exists
def _linker() -> Callable | None:
    entity_matcher = _optional("newsarchive.linking", "EntityMatcher")
    find_first_mentions = _optional("newsarchive.linking", "find_first_mentions")
    load_vocabulary = _optional("newsarchive.vocabulary", "load_vocabulary")
    if not (entity_matcher and find_first_mentions and load_vocabulary):
        return None
    targets = {name: f"entities/{entity.slug}.md" for entity in load_vocabulary().entities
               if not getattr(entity, "is_private_person", False) for name in entity.names}
    matcher = entity_matcher(targets)
    return lambda article: find_first_mentions(article.body, matcher)


# Call a stage function, adding its wall time to totals[stage]
def _timed(totals: dict[str, float], stage: str, function: Callable, *arguments, **keywords):
    started = time.perf_counter()
    value = function(*arguments, **keywords)
    totals[stage] += time.perf_counter() - started
    return value


# A function of a pipeline module when the module (and the function) exists, else None
def _optional(module_name: str, function_name: str) -> Callable | None:
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError:
        return None
    return getattr(module, function_name, None)


# -----------------------------------------------------------------------------
# Helper functions: sizes
# -----------------------------------------------------------------------------


# Site, article page and lunr index sizes
def _measure_site(site: Path, result: Measurement) -> None:
    files = [path for path in site.rglob("*") if path.is_file() and "pagefind" not in path.relative_to(site).parts]
    result.site_bytes = sum(path.stat().st_size for path in files)
    articles = list(site.glob("articles/*/*/index.html"))
    result.median_article_bytes = int(statistics.median(path.stat().st_size for path in articles)) if articles else 0
    index = site / "search" / "search_index.json"
    if index.is_file():
        data = index.read_bytes()
        result.lunr_bytes, result.lunr_gzip_bytes = len(data), len(gzip.compress(data, 6))
    workers = list(site.glob("assets/javascripts/workers/search.*.min.js"))
    result.lunr_worker_gzip_bytes = sum(len(gzip.compress(path.read_bytes(), 6)) for path in workers)


# lunr index size with article bodies left out (data-search-exclude) and with article pages left out
def _measure_lunr_variants(plain: Path, workdir: Path, result: Measurement) -> None:
    variants = {
        "body excluded (data-search-exclude on the body div)": lambda text: text.replace(
            '<div itemprop="articleBody" markdown>', '<div itemprop="articleBody" data-search-exclude markdown>'),
        "article pages excluded (search: exclude: true)": lambda text: text.replace(
            "---\n", "---\nsearch:\n  exclude: true\n", 1),
    }
    for name, change in variants.items():
        variant = workdir / ("plain-" + str(len(result.lunr_variants)))
        shutil.copytree(plain, variant)
        for page in (variant / "docs" / "articles").glob("*/*.md"):
            if page.name != "index.md":
                page.write_text(change(page.read_text(encoding="utf-8")), encoding="utf-8")
        run = _timed_run([sys.executable, "-m", "mkdocs", "build", "-d", str(variant / "site")], cwd=variant)
        _check(run, f"mkdocs build (lunr variant: {name})")
        data = (variant / "site" / "search" / "search_index.json").read_bytes()
        result.lunr_variants[name] = (len(data), len(gzip.compress(data, 6)))
        shutil.rmtree(variant)


# Pagefind: indexing time and memory, bundle size, what a first search downloads
def _measure_pagefind(site: Path, result: Measurement) -> None:
    from newsarchive import fulltext

    try:
        command = fulltext.pagefind_command(site)
    except fulltext.FulltextError as error:
        result.notes.append(f"Pagefind not measured: {error}")
        return
    result.simulated_markup = _simulate_search_markup(site)
    shutil.rmtree(site / fulltext.BUNDLE_DIR, ignore_errors=True)
    result.pagefind = _timed_run(command, cwd=site)
    _check(result.pagefind, "pagefind")
    bundle = site / fulltext.BUNDLE_DIR
    result.pagefind_pages = fulltext.indexed_page_count(bundle)
    files = [path for path in bundle.rglob("*") if path.is_file()]
    result.pagefind_bytes = sum(path.stat().st_size for path in files)
    result.pagefind_files = len(files)
    result.pagefind_largest_chunk = max((path.stat().st_size for path in bundle.glob("index/*")), default=0)
    result.pagefind_meta_bytes = sum(path.stat().st_size for path in bundle.glob("*.pf_meta"))
    result.pagefind_filter_bytes = sum(path.stat().st_size for path in bundle.glob("filter/*"))
    ui_bytes = sum(len(gzip.compress((bundle / name).read_bytes(), 6)) for name in PAGEFIND_UI_FILES)
    node = shutil.which("node")
    if not node:
        result.notes.append("Node is missing: first-search downloads not measured")
        return
    for query in FIRST_SEARCHES:
        answer = subprocess.run([node, str(ROOT / "bench" / "pagefind_query.mjs"), str(site), query],
                                capture_output=True, text=True, timeout=300)
        if answer.returncode != 0:
            result.notes.append(f"search for {query!r} failed in Node: {answer.stderr.strip()[-300:]}")
            continue
        fetched = json.loads(answer.stdout)["files"]
        # The WebAssembly file is served compressed like the scripts; the index files are gzipped already.
        wasm = [(name, size) for name, size in fetched if name.endswith(".pagefind")]
        wasm_gzip = sum(len(gzip.compress((site / name.lstrip("/")).read_bytes(), 6)) for name, _ in wasm)
        result.first_search[query] = ui_bytes + wasm_gzip + sum(size for name, size in fetched if (name, size) not in wasm)
        result.first_search_files[query] = fetched


# Add the Pagefind attributes the renderer will emit, when the built pages do not carry them yet
def _simulate_search_markup(site: Path) -> bool:
    articles = list(site.glob("articles/*/*/index.html"))
    if not articles or any("data-pagefind-body" in path.read_text(encoding="utf-8") for path in articles[:5]):
        return False
    for path in articles:
        html = path.read_text(encoding="utf-8")
        text = re.sub(r"<[^>]+>", " ", html)
        facets = [("person", name) for name in SIMULATED_PERSONS if name in text]
        facets += [("topic", topic.slug) for topic in generate_seeds.TOPICS
                   if sum(text.count(phrase) for phrase in topic.objects) >= 2]
        hidden = "".join(f'<span data-pagefind-filter="{kind}">{value}</span>' for kind, value in facets)
        html = html.replace('<div itemprop="articleBody"', f'<div hidden>{hidden}</div><div itemprop="articleBody" data-pagefind-body', 1)
        html = html.replace('<span class="article-source">',
                            '<span class="article-source" data-pagefind-filter="source" data-pagefind-meta="source">', 1)
        html = re.sub(r'<time datetime="(\d{4})-(\d\d-\d\d)">',
                      r'<time datetime="\1-\2" data-pagefind-filter="year:\1" data-pagefind-meta="date[datetime]" '
                      r'data-pagefind-sort="date[datetime]">', html, count=1)
        path.write_text(html, encoding="utf-8")
    return True


# -----------------------------------------------------------------------------
# Helper functions: the report
# -----------------------------------------------------------------------------


# The machine: cores, CPU model, memory, Python and load
def machine_line() -> str:
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        match = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.M)
        model = match.group(1).strip() if match else model
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        match = re.search(r"^MemTotal:\s*(\d+)", meminfo.read_text(), re.M)
        memory = f", {int(match.group(1)) / 1024 / 1024:.0f} GB RAM" if match else ""
    load = ", load average %.1f" % os.getloadavg()[0] if hasattr(os, "getloadavg") else ""
    return (f"{os.cpu_count()} cores ({model}){memory}, Python {platform.python_version()}{load}; "
            "timings are noisy when other work shares the machine")


# Bytes as KB or MB
def _size(count: int | None) -> str:
    if count is None:
        return "n/a"
    return f"{count / 1024 / 1024:.1f} MB" if count >= 1024 * 1024 else f"{count / 1024:.0f} KB"


# Seconds as "1.2 s" or "0.8 ms" per seed
def _seconds(value: float | None, per: int = 1) -> str:
    if value is None:
        return "n/a"
    value /= max(per, 1)
    return f"{value:.2f} s" if value >= 1 else f"{value * 1000:.1f} ms"


# The detailed report for one N
def report(result: Measurement) -> str:
    n = result.n
    lines = [f"### N = {n:,} seeds ({result.articles:,} articles, {result.warnings} build warnings)", "",
             "| measure | value |", "|---|---|"]
    row = lambda name, value: lines.append(f"| {name} | {value} |")  # noqa: E731
    row("archive build, cold (`mkdocs build`, fresh process, no seed cache, no full-text index)",
        f"{result.build.seconds:.1f} s, peak RSS {result.build.peak_rss_mb:.0f} MB")
    row("archive build, warm (seed cache filled)",
        f"{result.warm_build.seconds:.1f} s, peak RSS {result.warm_build.peak_rss_mb:.0f} MB")
    row("baseline: the articles alone as plain Markdown, plain MkDocs",
        f"{result.baseline.seconds:.1f} s, peak RSS {result.baseline.peak_rss_mb:.0f} MB")
    row("ratio archive / baseline: time cold, warm; peak RSS cold",
        f"{result.build.seconds / result.baseline.seconds:.2f}, {result.warm_build.seconds / result.baseline.seconds:.2f}; "
        f"{result.build.peak_rss_mb / result.baseline.peak_rss_mb:.2f}")
    if result.same_pages_baseline:
        row("every generated page as plain Markdown, plain MkDocs", f"{result.same_pages_baseline.seconds:.1f} s, "
            f"peak RSS {result.same_pages_baseline.peak_rss_mb:.0f} MB")
    row("`build_site` in-process (the hook's work)", f"{_seconds(result.build_site_seconds)}")
    row("serve-style rebuild after one seed changed", f"{result.rebuild_seconds:.1f} s, of which the pipeline "
        f"(`build_site`) {result.rebuild_pipeline_seconds:.2f} s (first build in that process "
        f"{result.cold_inprocess_seconds:.1f} s)")
    for stage, total in result.stages.items():
        row(f"stage `{stage}`: total / per seed", f"{_seconds(total)} / {_seconds(total, result.articles)}"
            if total is not None else "n/a (module not there yet)")
    row("lunr `search/search_index.json`", f"{_size(result.lunr_bytes)} raw, {_size(result.lunr_gzip_bytes)} gzipped")
    row("lunr first search downloads", f"{_size(result.lunr_gzip_bytes + result.lunr_worker_gzip_bytes)} "
        "(whole index + search worker, gzipped)")
    for name, (raw, zipped) in result.lunr_variants.items():
        row(f"lunr index with {name}", f"{_size(raw)} raw, {_size(zipped)} gzipped")
    row("site size (without pagefind/)", _size(result.site_bytes))
    row("median article page", _size(result.median_article_bytes))
    if result.pagefind:
        row("Pagefind indexing (fresh process)" + (" [simulated markup]" if result.simulated_markup else ""),
            f"{result.pagefind.seconds:.1f} s, peak RSS {result.pagefind.peak_rss_mb:.0f} MB, "
            f"{result.pagefind_pages:,} pages")
        row("Pagefind bundle", f"{_size(result.pagefind_bytes)} in {result.pagefind_files:,} files; largest index "
            f"chunk {_size(result.pagefind_largest_chunk)}, meta {_size(result.pagefind_meta_bytes)}, "
            f"filters {_size(result.pagefind_filter_bytes)}")
        for query, total in result.first_search.items():
            row(f"Pagefind first search for “{query}” downloads", f"{_size(total)} (UI, worker, WebAssembly gzipped; "
                f"{len(result.first_search_files[query])} data files)")
    lines += [f"\n{note}" for note in result.notes]
    return "\n".join(lines) + "\n"


# One table over all N, for the README's Performance section
def summary(results: list[Measurement]) -> str:
    lines = [
        f"Machine: {machine_line()}.", "",
        "| seeds | build cold / warm | peak RSS | baseline (articles, plain MkDocs) | ratio cold / warm | RSS ratio | "
        "rebuild (serve) | per seed: read / clean / metadata / tag / link / render | relate (all) | lunr index (gz) | "
        "Pagefind index | first full-text search | site | article page |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        per_seed = " / ".join(_seconds(r.stages.get(stage), r.articles)
                              for stage in ("read", "clean", "metadata", "tag", "link", "render"))
        first = max(r.first_search.values()) if r.first_search else None
        pagefind = f"{r.pagefind.seconds:.1f} s, {r.pagefind.peak_rss_mb:.0f} MB" if r.pagefind else "n/a"
        lines.append(
            f"| {r.n:,} | {r.build.seconds:.1f} s / {r.warm_build.seconds:.1f} s | {r.build.peak_rss_mb:.0f} MB | "
            f"{r.baseline.seconds:.1f} s, {r.baseline.peak_rss_mb:.0f} MB | {r.build.seconds / r.baseline.seconds:.2f} / "
            f"{r.warm_build.seconds / r.baseline.seconds:.2f} | {r.build.peak_rss_mb / r.baseline.peak_rss_mb:.2f} | "
            f"{r.rebuild_seconds:.1f} s (pipeline {r.rebuild_pipeline_seconds:.2f} s) | {per_seed} | "
            f"{_seconds(r.stages.get('relate'))} | {_size(r.lunr_bytes)} ({_size(r.lunr_gzip_bytes)}) | {pagefind} | "
            f"{_size(first)} | {_size(r.site_bytes)} | {_size(r.median_article_bytes)} |")
    return "\n".join(lines) + "\n"


# -----------------------------------------------------------------------------
# Command line
# -----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES), help="numbers of seeds")
    parser.add_argument("--smoke", action="store_true", help=f"only N={SMOKE_SIZE}")
    parser.add_argument("--same-pages-baseline", action="store_true",
                        help="also build every generated page as plain Markdown with plain MkDocs")
    parser.add_argument("--lunr-variants", action="store_true",
                        help="with --same-pages-baseline: also with article bodies / article pages left out of lunr")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary folder)")
    parser.add_argument("--json", type=Path, help="also write the measurements as JSON here")
    arguments = parser.parse_args(argv)
    sizes = [SMOKE_SIZE] if arguments.smoke else arguments.sizes
    print(f"Machine: {machine_line()}", flush=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="newsarchive-bench-") as folder:
        workroot = arguments.keep or Path(folder)
        shutil.rmtree(workroot / "snapshot", ignore_errors=True)
        snapshot = snapshot_project(workroot / "snapshot")
        for n in sizes:
            workdir = workroot / f"n{n}"
            shutil.rmtree(workdir, ignore_errors=True)
            workdir.mkdir(parents=True)
            results.append(measure(n, workdir, snapshot, lunr_variants=arguments.lunr_variants,
                                   same_pages_baseline=arguments.same_pages_baseline))
            if not arguments.keep:
                shutil.rmtree(workdir)
            print("\n" + report(results[-1]), flush=True)
    print("## Summary\n\n" + summary(results))
    if arguments.json:
        arguments.json.write_text(json.dumps([_as_dict(r) for r in results], indent=2, default=str), encoding="utf-8")
    return 0


# A measurement as plain data for JSON
def _as_dict(result: Measurement) -> dict:
    from dataclasses import asdict

    data = asdict(result)
    for run in ("build", "warm_build", "baseline", "same_pages_baseline", "pagefind"):
        if data.get(run):
            data[run].pop("log", None)
    return data


if __name__ == "__main__":
    raise SystemExit(main())
