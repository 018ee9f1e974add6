"""The benchmark's synthetic seeds (bench/generate_seeds.py): deterministic, and real articles to the pipeline."""
from __future__ import annotations

import os
import subprocess
import sys

from newsarchive.pipeline import article_from_file
from newsarchive.publications import load_publications
from sitebuild import ROOT

SMOKE_SIZE = 20


# Run the generator as the benchmark does; the files it wrote, by name
def _generate(out_dir) -> dict[str, bytes]:
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate_seeds.py"), str(SMOKE_SIZE), str(out_dir)],
                   check=True, capture_output=True)
    return {path.name: path.read_bytes() for path in sorted(out_dir.iterdir())}


def test_generated_seeds_are_deterministic_and_parse_into_articles(tmp_path):
    first = _generate(tmp_path / "first")
    second = _generate(tmp_path / "second")
    assert len(first) == SMOKE_SIZE
    assert first == second

    publications = load_publications()
    articles = [article_from_file(tmp_path / "first" / name, publications) for name in first]
    for article in articles:
        words = sum(len(block.text.split()) for block in article.body)
        assert article.title and article.date is not None, article.seed_path
        assert 500 <= words <= 1700, (article.seed_path, words)
        assert "Share |" not in " ".join(block.text for block in article.body)
    # Varied like the real dumps: several layouts, bylines and publications.
    assert len({article.publication.name for article in articles if article.publication}) >= 3
    assert sum(1 for article in articles if article.authors) >= SMOKE_SIZE // 2
    assert len({article.title for article in articles}) == SMOKE_SIZE


def test_the_baseline_project_builds_with_plain_mkdocs(tmp_path):
    # The baseline keeps the theme overrides but not the hook: they must render without it
    sys.path.insert(0, str(ROOT / "bench"))
    import run as bench

    project = bench._project_copy(ROOT, tmp_path / "archive")
    _generate(project / "seeds")
    plain = bench._articles_only_project(project, tmp_path / "plain")
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")], cwd=plain,
                           capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert built.returncode == 0, built.stderr[-2000:]
    article = next((tmp_path / "site" / "articles").rglob("index.html")).read_text(encoding="utf-8")
    assert 'class="md-search"' in article and 'class="md-tabs"' in article
