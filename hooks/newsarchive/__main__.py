"""Command line: check seeds without building the site.

    PYTHONPATH=hooks python -m newsarchive clean seeds/FILE.txt [--edits]
    PYTHONPATH=hooks python -m newsarchive check [SEED_DIR]
    PYTHONPATH=hooks python -m newsarchive report [SEED_DIR]

`clean` prints the cleaned Markdown of one seed (and, with --edits, every line
the cleaner removed or changed and the rule that did it); `check` runs the
whole folder and prints the problems a build would warn about; `report` prints
the editor report (topics with evidence, vocabulary suggestions, the private
people named in each article, which the site never shows, and the cleaner's
record).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .corpus import build_corpus
from .editor_report import full_report
from .pipeline import article_from_file
from .publications import load_publications
from .reading import SeedError
from .rendering import render_article
from .structure.article import Article
from .vocabulary import load_vocabulary


# Entry point; returns the process exit status
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsarchive", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    clean = commands.add_parser("clean", help="print the cleaned Markdown of one seed")
    clean.add_argument("seed", type=Path)
    clean.add_argument("--edits", action="store_true", help="also print the cleaner's record of edits")
    check = commands.add_parser("check", help="report problems in every seed of a folder")
    check.add_argument("seed_dir", type=Path, nargs="?", default=Path("seeds"))
    report = commands.add_parser("report", help="print the editor report, private people included")
    report.add_argument("seed_dir", type=Path, nargs="?", default=Path("seeds"))
    arguments = parser.parse_args(argv)
    if arguments.command == "clean":
        return _clean(arguments.seed, show_edits=arguments.edits)
    if arguments.command == "report":
        return _report(arguments.seed_dir)
    return _check(arguments.seed_dir)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# Print one seed's Markdown (and edits); 1 when the seed cannot become an article
def _clean(seed: Path, *, show_edits: bool) -> int:
    try:
        article = article_from_file(seed, load_publications(), seed.as_posix())
    except SeedError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(render_article(article))
    if show_edits:
        print(_edit_report(article))
    for warning in article.warnings:
        print(f"warning: {seed.as_posix()}: {warning}", file=sys.stderr)
    return 0


# Print each problem the build would warn about; 1 when there is any
def _check(seed_dir: Path) -> int:
    corpus = build_corpus(seed_dir, load_publications(), load_vocabulary(), display_root=seed_dir.parent)
    for path in corpus.ignored:
        print(f"ignored: {path} (not a seed file)")
    for problem in corpus.problems:
        print(f"warning: {problem}")
    print(f"{len(corpus.articles)} articles, {len(corpus.problems)} problems")
    return 1 if corpus.problems else 0


# Print the editor report for a folder of seeds, private people included
def _report(seed_dir: Path) -> int:
    vocabulary = load_vocabulary()
    corpus = build_corpus(seed_dir, load_publications(), vocabulary, display_root=seed_dir.parent)
    print(full_report(corpus))
    return 0


# The cleaner's record for one article, a line per edit
def _edit_report(article: Article) -> str:
    lines = [f"<!-- cleaner's record for {article.seed_path}: {len(article.edits)} edits"]
    for edit in article.edits:
        change = f" -> {edit.after!r}" if edit.after else ""
        lines.append(f"line {edit.line:>4}  {edit.action:<8} {edit.rule:<24} {edit.before!r}{change}")
    lines.append("-->")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
