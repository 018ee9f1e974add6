#!/usr/bin/env python3
"""Measure the cleaner on the development set.

Builds the site in a scratch copy of the project whose seeds are the dev set's
corpus files (never copied into the repository), then scores the built site
with the dev set's own scorer and prints its summary:

    .venv/bin/python tools/devset.py [--devset /work/shared/devset] [--keep] [--full]

Our own blocks inside the article element (byline, captions, editorial notes)
are not article text, so they are excluded from scoring by CSS class.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The project root (this file lives in tools/).
PROJECT_ROOT = Path(__file__).resolve().parents[1]

# Where the shared dev set lives unless told otherwise.
DEFAULT_DEVSET = Path("/work/shared/devset")

# What the scratch copy needs from the project.
PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks")

# CSS classes of the blocks we add around or inside the article body that are not its text.
OWN_BLOCK_CLASSES = ("article-byline", "article-caption", "article-credit", "admonition", "article-footnotes",
                     "footnote", "article-author-note")


# -----------------------------------------------------------------------------
# Script
# -----------------------------------------------------------------------------


# Build the dev set site in a scratch directory and print the scorer's summary
def main(argv: list[str] | None = None) -> int:
    options = _parse_arguments(argv)
    scratch = Path(tempfile.mkdtemp(prefix="newsarchive-devset-"))
    try:
        _make_scratch_project(scratch, options.devset / "corpus")
        site = scratch / "site"
        _build_site(scratch, site)
        return _score(site, options)
    finally:
        if options.keep:
            print(f"scratch project kept in {scratch}", file=sys.stderr)
        else:
            shutil.rmtree(scratch, ignore_errors=True)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# The command line options
def _parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET, help="the dev set directory")
    parser.add_argument("--keep", action="store_true", help="keep the scratch project and its site")
    parser.add_argument("--full", action="store_true", help="print the scorer's per-document table too")
    parser.add_argument("--json", type=Path, help="also write the scorer's per-document rows here")
    return parser.parse_args(argv)


# A copy of the project whose seeds/ holds the dev set corpus instead of ours
def _make_scratch_project(scratch: Path, corpus: Path) -> None:
    for part in PROJECT_PARTS:
        source = PROJECT_ROOT / part
        if source.is_dir():
            shutil.copytree(source, scratch / part, ignore=shutil.ignore_patterns("__pycache__", ".cache"))
        else:
            shutil.copy2(source, scratch / part)
    seeds = scratch / "seeds"
    seeds.mkdir()
    for dump in sorted(corpus.glob("*.txt")):
        shutil.copy2(dump, seeds / dump.name)


# Run `mkdocs build` in the scratch project (with this project's virtual environment)
def _build_site(scratch: Path, site: Path) -> None:
    mkdocs = Path(sys.executable).with_name("mkdocs")
    command = [str(mkdocs), "build", "--quiet", "-d", str(site)]
    result = subprocess.run(command, cwd=scratch, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed in {scratch}:\n{result.stderr[-4000:]}")


# Run the dev set's scorer on the built site and print its output
def _score(site: Path, options: argparse.Namespace) -> int:
    command = [sys.executable, str(options.devset / "score.py"), str(site)]
    for css_class in OWN_BLOCK_CLASSES:
        command += ["--exclude-class", css_class]
    if not options.full:
        command.append("--quiet")
    if options.json:
        command += ["--json", str(options.json)]
    print("exclude:", " ".join(f"--exclude-class {css_class}" for css_class in OWN_BLOCK_CLASSES))
    return subprocess.run(command).returncode


if __name__ == "__main__":
    sys.exit(main())
