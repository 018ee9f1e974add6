"""Broken seed files: the build finishes, every good seed is on the site, each bad one gets exactly one warning."""
from __future__ import annotations

import re
import struct
import subprocess
import sys
import zlib

import pytest

from sitebuild import ROOT, BuiltSite, build_project

GOOD_SEED = "000_de70b2de4758b334.txt"
GOOD_PAGE = "articles/2016/china-produces-fake-n-korean-defectors/index.html"

PROSE = ("North Korean defectors who reach China face arrest and forced return if the police find them, "
         "activists in Seoul said on Tuesday. ")

# Bad seeds by file name, with words their one warning line must contain (None: any clear problem).
BAD_SEEDS = {
    "empty.txt": (b"", "is empty"),
    "blank.txt": (b"  \n\n\t \r\n   \n", "only whitespace"),
    "image.txt": (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + bytes(13) + zlib.compress(bytes(range(256)) * 64),
                  "PNG image"),
    "huge.txt": (b"North Korean defectors " * (20 * 1024 * 1024 // 23 + 1), "limit"),
    "no_title.txt": (("\n\n".join([PROSE * 3] * 5) + "\n").encode(), "headline"),
    "furniture.txt": (b"Home\nNews\nWorld\nShare this\nTweet\nFacebook\nSubscribe\nCopyright 2016 The Chosun Ilbo\n"
                      b"All rights reserved\nPrevious Next\nBack to Top\n", "no article text"),
}

# A seed that is one long paragraph, lines hard-wrapped, no blank line and no headline line.
ONE_PARAGRAPH_TEXT = " ".join(
    f"Brokers in Yanji said on day {day} that the price of a crossing had risen again, and that the police were "
    f"checking buses on the road to Shenyang every few lines of the route." for day in range(1, 13)
)
ONE_PARAGRAPH = ("\n".join(re.findall(r".{1,72}(?:\s|$)", ONE_PARAGRAPH_TEXT)) + "\n").encode()

# Files that are not seeds and must be passed over without a warning.
NOT_SEEDS = {".DS_Store": b"\x00\x00\x00\x01Bud1" + bytes(64), "README": b"About these seeds\n",
             "README.md": b"# About these seeds\n", "notes.yml": b"owner: editors\n"}


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# The WARNING lines of a build log
def _warnings(log: str) -> list[str]:
    return [line for line in log.splitlines() if line.startswith("WARNING")]


# Every seed the builds use, bad and good
def _seeds() -> dict[str, bytes]:
    seeds = {name: data for name, (data, _) in BAD_SEEDS.items()}
    seeds.update(NOT_SEEDS)
    seeds["one_paragraph.txt"] = ONE_PARAGRAPH
    seeds[GOOD_SEED] = (ROOT / "seeds" / GOOD_SEED).read_bytes()
    return seeds


# -----------------------------------------------------------------------------
# Fixtures
# -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bad_site(tmp_path_factory) -> BuiltSite:
    """The site built (not strictly) from one good seed, the bad seeds and the non-seed files."""
    return build_project(tmp_path_factory.mktemp("bad-seeds"), _seeds())


# -----------------------------------------------------------------------------
# Tests
# -----------------------------------------------------------------------------


def test_the_build_finishes_and_the_good_seed_is_complete(bad_site):
    assert bad_site.returncode == 0, bad_site.log
    page = bad_site.page(GOOD_PAGE)
    assert "China Produces Fake N.Korean Defectors" in page
    assert "China is rolling out fake North Korean defectors" in page
    assert (bad_site.site / "search" / "search_index.json").is_file() and (bad_site.site / "sitemap.xml").is_file()


@pytest.mark.parametrize("name", list(BAD_SEEDS))
def test_each_bad_seed_gets_exactly_one_clear_warning_naming_it(name, bad_site):
    lines = [line for line in _warnings(bad_site.log) if f"seeds/{name}" in line]
    assert len(lines) == 1, lines
    assert BAD_SEEDS[name][1] in lines[0]


def test_a_warning_names_its_file_once(bad_site):
    for line in _warnings(bad_site.log):
        path = re.search(r"seeds/\S+?\.txt", line).group(0)
        assert line.count(path) == 1, line


def test_a_one_paragraph_seed_gives_a_page_or_one_warning(bad_site):
    lines = [line for line in _warnings(bad_site.log) if "seeds/one_paragraph.txt" in line]
    assert len(lines) <= 1, lines
    built = any("every few lines" in path.read_text(encoding="utf-8") or "activists in Seoul said on Tuesday" in
                path.read_text(encoding="utf-8") for path in bad_site.article_pages())
    assert built or len(lines) == 1


def test_no_warning_but_the_bad_seeds(bad_site):
    named = {name for name in [*BAD_SEEDS, "one_paragraph.txt"]}
    assert [line for line in _warnings(bad_site.log) if not any(f"seeds/{name}" in line for name in named)] == []


@pytest.mark.parametrize("name", list(NOT_SEEDS))
def test_files_that_are_not_seeds_are_passed_over_explicitly(name, bad_site):
    assert not [line for line in _warnings(bad_site.log) if f"seeds/{name}" in line]
    assert re.search(rf"^INFO .*seeds/{re.escape(name)}: not a seed file", bad_site.log, re.M)


def test_a_strict_build_fails_on_bad_seeds(tmp_path):
    seeds = {name: data for name, data in _seeds().items() if name != "huge.txt"}
    built = build_project(tmp_path, seeds, strict=True)
    assert built.returncode != 0
    assert "seeds/image.txt: is a PNG image" in built.log and "strict mode" in built.log



def test_a_broken_vocabulary_stops_the_build_with_the_file_and_line(tmp_path):
    copy = build_project(tmp_path / "copy", {})  # a copy of the project whose vocabulary an editor breaks
    vocabulary = copy.project / "hooks" / "newsarchive" / "data" / "vocabulary.yml"
    vocabulary.write_text(vocabulary.read_text(encoding="utf-8") + "\n  - slug: [not, a, slug\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")],
                            cwd=copy.project, capture_output=True, text=True)
    assert result.returncode != 0
    assert re.search(r"vocabulary\.yml:\d+: not valid YAML", result.stderr), result.stderr[-500:]
    assert "Traceback" not in result.stderr
