"""Building a throw-away copy of the project, for tests that check the built HTML."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# What a project copy needs besides its seeds.
PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks")


@dataclass(frozen=True)
class BuiltSite:
    """A site built from a project copy, with what MkDocs printed."""

    project: Path
    site: Path
    returncode: int
    log: str

    # The text of one built page, by its path under the site ("index.html", "articles/2016/x/index.html")
    def page(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")

    # Paths of every article page in the site (pages with an article body)
    def article_pages(self) -> list[Path]:
        return sorted(p for p in self.site.rglob("*.html") if 'itemprop="articleBody"' in p.read_text(encoding="utf-8"))


# Copy the project (without its seeds) into `destination`, add `seeds`, and build it
def build_project(destination: Path, seeds: dict[str, bytes] | None = None, *, strict: bool = False,
                  real_seeds: bool = False, extra_args: tuple[str, ...] = (),
                  environment: dict[str, str] | None = None) -> BuiltSite:
    project = destination / "project"
    project.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
        else:
            shutil.copy2(source, project / part)
    seed_dir = project / "seeds"
    seed_dir.mkdir(exist_ok=True)
    if real_seeds:
        for seed in (ROOT / "seeds").iterdir():
            shutil.copy2(seed, seed_dir / seed.name)
    for name, data in (seeds or {}).items():
        (seed_dir / name).write_bytes(data)
    site = destination / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "-d", str(site)] + (["--strict"] if strict else [])
    variables = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1700000000"))
    variables.update(environment or {})
    result = subprocess.run(command + list(extra_args), cwd=project, capture_output=True, text=True, env=variables)
    return BuiltSite(project, site, result.returncode, result.stdout + result.stderr)
