"""Full-text search: the built site's article pages indexed with Pagefind.

MkDocs' own search (lunr, in the header) loads one JSON index of the whole
site in the browser, which at 10,000 articles is tens of megabytes.  Pagefind
instead writes a chunked index next to the site (`site/pagefind/`): a search
downloads only the chunks for the words typed and the fragments of the
results shown.  `index_site` runs the Pagefind binary (from the `pagefind-bin`
package, offline) once over a site MkDocs has finished writing.

What Pagefind picks up is marked in the article pages (see rendering):

- `data-pagefind-body` on the `itemprop="articleBody"` element and on the
  standfirst: only article pages are indexed, and only their text (no
  navigation, header or footer); the page's first h1 becomes the result title.
- `data-pagefind-filter="source"`, `"topic"`, `"person"` on elements whose text
  is the value, `data-pagefind-filter="year:2016"` inline; counts per value
  come with every search.
- `data-pagefind-meta="source"` and `data-pagefind-meta="date[datetime]"` (plus
  `data-pagefind-sort="date[datetime]"`) for what a result shows.

Nothing here knows about MkDocs; the hook calls `index_site(site_dir)` after
the build (not under `mkdocs serve`).
"""
from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import cbor2

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The folder under the site where the search bundle goes (the search page loads it relatively).
BUNDLE_DIR = "pagefind"

# Which built pages are searched: article pages only (articles/<year>/<slug>/index.html).
# Listings (articles/index.html, articles/<year>/index.html) only repeat titles.
ARTICLE_GLOB = "articles/*/*/index.html"

# The archive is English; one language means one index (and no second WebAssembly file per search).
LANGUAGE = "en"

# What every Pagefind data file starts with, after gzip.
_PAGEFIND_SIGNATURE = b"pagefind_dcd"

# How long the indexer may run before it counts as hung (seconds); 10,000 pages take about 35 s.
TIMEOUT_SECONDS = 900


@dataclass(frozen=True)
class FulltextResult:
    """What one indexing run produced: where, how many pages, how long, what Pagefind said."""

    bundle_dir: Path  # site/pagefind
    page_count: int  # pages in the index (from pagefind-entry.json)
    seconds: float
    log: str


class FulltextError(Exception):
    """The indexer is missing or failed; the message says what to do."""


# -----------------------------------------------------------------------------
# Indexing
# -----------------------------------------------------------------------------


# Index the built site's article pages into site_dir/pagefind (replacing an older bundle)
def index_site(site_dir: Path, *, glob: str = ARTICLE_GLOB) -> FulltextResult:
    site_dir = Path(site_dir)
    if not site_dir.is_dir():
        raise FulltextError(f"{site_dir}: no built site to index (run the MkDocs build first)")
    bundle = site_dir / BUNDLE_DIR
    shutil.rmtree(bundle, ignore_errors=True)
    started = time.perf_counter()
    try:
        completed = subprocess.run(
            pagefind_command(site_dir, glob=glob), capture_output=True, text=True, timeout=TIMEOUT_SECONDS
        )
    except subprocess.TimeoutExpired as error:
        raise FulltextError(f"Pagefind did not finish indexing {site_dir} within {TIMEOUT_SECONDS} s") from error
    seconds = time.perf_counter() - started
    log = completed.stdout + completed.stderr
    if completed.returncode != 0:
        raise FulltextError(f"Pagefind failed on {site_dir} (exit {completed.returncode}):\n{log.strip()}")
    make_bundle_deterministic(bundle)
    return FulltextResult(bundle_dir=bundle, page_count=indexed_page_count(bundle), seconds=seconds, log=log)


# The command line that indexes `site_dir` (also used by bench/run.py to time the indexer alone)
def pagefind_command(site_dir: Path, *, glob: str = ARTICLE_GLOB) -> list[str]:
    return [
        str(pagefind_executable()),
        "--site", str(site_dir),
        "--output-subdir", BUNDLE_DIR,
        "--glob", glob,
        "--force-language", LANGUAGE,
        "--quiet",
    ]


# The Pagefind binary shipped by the pagefind-bin package
def pagefind_executable() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError as error:
        raise FulltextError("the pagefind-bin package is not installed: pip install -r requirements.txt") from error
    return get_executable()


# -----------------------------------------------------------------------------
# Reproducibility
# -----------------------------------------------------------------------------


# Rewrite the bundle's filter and meta files in a stable order (Pagefind writes their entries in
# hash-map order, which changes from run to run), renaming them by their new content's hash
def make_bundle_deterministic(bundle_dir: Path) -> None:
    renamed: dict[str, str] = {}
    for path in sorted((bundle_dir / "filter").glob("*.pf_filter")):
        name, values = _read_pagefind_file(path)
        renamed[path.stem] = _write_pagefind_file(path, [name, sorted(values, key=_cbor_sort_key)], digits=7)
    entry_path = bundle_dir / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry.get("languages", {}).values():
        meta_path = bundle_dir / f"pagefind.{language['hash']}.pf_meta"
        if meta_path.is_file():
            meta = _stable_meta(_read_pagefind_file(meta_path), renamed)
            language["hash"] = _write_pagefind_file(meta_path, meta, digits=10, prefix="pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


# The decoded contents of a Pagefind data file (gzip, then a signature, then CBOR)
def _read_pagefind_file(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(_PAGEFIND_SIGNATURE):
        raise FulltextError(f"{path}: not a Pagefind data file this version understands")
    return cbor2.loads(data[len(_PAGEFIND_SIGNATURE) :])


# Write contents as a Pagefind data file named by their hash, replacing `path`; returns the new stem
def _write_pagefind_file(path: Path, contents, *, digits: int, prefix: str = "") -> str:
    data = _PAGEFIND_SIGNATURE + cbor2.dumps(contents)
    language = path.name.removeprefix(prefix).split("_", 1)[0]
    stem = f"{language}_{hashlib.sha256(data).hexdigest()[:digits]}"
    path.unlink()
    (path.parent / f"{prefix}{stem}{path.suffix}").write_bytes(gzip.compress(data, mtime=0))
    return stem


# The meta file's contents with filter references renamed and listed by filter name
def _stable_meta(meta, renamed: dict[str, str]):
    if isinstance(meta, list):
        items = [_stable_meta(item, renamed) for item in meta]
        if items and all(_is_filter_reference(item, renamed) for item in items):
            return sorted(items, key=lambda item: item[0])
        return items
    return renamed.get(meta, meta) if isinstance(meta, str) else meta


# Whether a meta entry is a [filter name, filter file] pair (after renaming)
def _is_filter_reference(item, renamed: dict[str, str]) -> bool:
    return isinstance(item, list) and len(item) == 2 and isinstance(item[0], str) and item[1] in renamed.values()


# A total order over decoded CBOR values (filter values are [text, [page numbers]])
def _cbor_sort_key(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=repr)


# How many pages an existing bundle holds (0 when there is none)
def indexed_page_count(bundle_dir: Path) -> int:
    entry = Path(bundle_dir) / "pagefind-entry.json"
    if not entry.is_file():
        return 0
    languages = json.loads(entry.read_text(encoding="utf-8")).get("languages", {})
    return sum(language.get("page_count", 0) for language in languages.values())
