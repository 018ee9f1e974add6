"""Full-text search (hooks/newsarchive/fulltext.py): Pagefind over a site built from the real seeds."""
from __future__ import annotations

import gzip
import json
import shutil
import subprocess

import pytest

from newsarchive.fulltext import BUNDLE_DIR, index_site
from sitebuild import ROOT, build_project

# A word of one real article's text (seeds/002: "SHENYANG, China--North Korean agents ...").
ARTICLE_WORD = "Shenyang"


@pytest.fixture(scope="module")
def indexed_site(tmp_path_factory):
    """The real seeds built strictly, then indexed by Pagefind."""
    built = build_project(tmp_path_factory.mktemp("fulltext"), real_seeds=True, strict=True)
    assert built.returncode == 0, built.log
    return built, index_site(built.site)


def test_index_holds_every_article_page_and_finds_their_words(indexed_site):
    built, result = indexed_site
    articles = built.article_pages()
    assert result.bundle_dir == built.site / BUNDLE_DIR
    assert (result.bundle_dir / "pagefind-ui.js").is_file() and (result.bundle_dir / "pagefind.js").is_file()
    # Only article pages are indexed: not the home page, the listings or the search page itself.
    assert result.page_count == len(articles) > 0
    fragments = [gzip.decompress(path.read_bytes()) for path in (result.bundle_dir / "fragment").iterdir()]
    assert any(ARTICLE_WORD.encode() in fragment for fragment in fragments)

    node = shutil.which("node")
    if node is None:
        pytest.skip("Node is not installed: the index files were checked, the search itself was not run")
    answer = subprocess.run([node, str(ROOT / "bench" / "pagefind_query.mjs"), str(built.site), ARTICLE_WORD.lower()],
                            capture_output=True, text=True, timeout=120)
    assert answer.returncode == 0, answer.stderr
    found = json.loads(answer.stdout)
    urls = [result["url"] for result in found["results"]]
    assert found["count"] >= 1
    assert all(url.startswith("/articles/") for url in urls), urls
    assert any("<mark>" in result["excerpt"] and ARTICLE_WORD.lower() in result["excerpt"].lower()
               for result in found["results"])


def test_search_page_loads_pagefind_from_the_site_itself(indexed_site):
    built, _ = indexed_site
    page = built.page("search/index.html")
    # Relative URLs, so the site works under a sub-path; the files exist once the index is built.
    assert 'data-bundle="../pagefind/"' in page
    assert 'href="../pagefind/pagefind-ui.css"' in page
    assert (built.site / "search" / "../pagefind/pagefind-ui.css").resolve().is_file()
    assert (built.site / "assets" / "javascripts" / "fulltext-search.js").is_file()
