"""Overrides: an editor's sidecar file corrects one seed; a broken one is an error naming the file and the key."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from newsarchive.overrides import (
    SCHEMA,
    OverrideError,
    SeedOverride,
    apply_override,
    is_override_file,
    load_override,
    override_path_for,
)
from newsarchive.publications import load_publications
from newsarchive.reading import SeedError
from newsarchive.structure.article import Article, Block, BlockKind
from sitebuild import build_project

SEED = "000_de70b2de4758b334"


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# The override read from YAML text written to a file beside a seed
def _load(tmp_path: Path, text: str) -> SeedOverride | None:
    (tmp_path / "x.txt").write_text("seed\n")
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    return load_override(path, "seeds/x.yml")


# The message of the OverrideError raised for YAML text
def _error(tmp_path: Path, text: str) -> OverrideError:
    with pytest.raises(OverrideError) as caught:
        _load(tmp_path, text)
    return caught.value


# An article as the pipeline might have read it
def _article() -> Article:
    return Article(seed_path="seeds/x.txt", title="x", body=[Block(BlockKind.PARAGRAPH, "Text.")],
                   authors=["Wrong Name"], warnings=["no headline found", "something else"])


# -----------------------------------------------------------------------------
# Loading
# -----------------------------------------------------------------------------


def test_every_key_of_the_schema_is_read(tmp_path):
    override = _load(tmp_path, """
title: "China Produces Fake North Korean Defectors"
date: 2016-08-05
authors: [Kim Myong-song, Lee Min-ji]
author_role: Reporters
publication: chosun-ilbo
dateline: Seoul
standfirst: China is accused of staging defections.
article_type: analysis
add_topics: [repatriation, fake-defectors]
remove_topics: [human-rights]
exclude: false
""")
    assert override == SeedOverride(
        path="seeds/x.yml", keys=frozenset(SCHEMA), title="China Produces Fake North Korean Defectors",
        date=dt.date(2016, 8, 5), authors=("Kim Myong-song", "Lee Min-ji"), author_role="Reporters",
        publication="chosun-ilbo", dateline="Seoul", standfirst="China is accused of staging defections.",
        article_type="analysis", add_topics=("repatriation", "fake-defectors"), remove_topics=("human-rights",), exclude=False,
    )


def test_no_file_is_no_override_and_an_empty_file_changes_nothing(tmp_path):
    assert load_override(tmp_path / "missing.yml") is None
    assert _load(tmp_path, "# nothing yet\n") == SeedOverride(path="seeds/x.yml")


def test_one_author_may_be_given_as_text_and_null_clears(tmp_path):
    override = _load(tmp_path, "authors: Kim Myong-song\ndate: null\npublication: null\n")
    assert override.authors == ("Kim Myong-song",) and override.date is None and override.publication is None
    assert override.sets("date") and override.sets("publication") and not override.sets("title")


@pytest.mark.parametrize(
    "text, key, words",
    [
        ("titel: A headline\n", "titel", "did you mean 'title'"),
        ("topics: [a]\n", "topics", "unknown key"),
        ("title: ''\n", "title", "non-empty text"),
        ("title: 2016\n", "title", "the number 2016"),
        ("date: 2016-13-45\n", "date", "YYYY-MM-DD"),
        ("date: last week\n", "date", "'last week'"),
        ("authors: [Kim, 3]\n", "authors", "the number 3 in the list"),
        ("authors: {name: Kim}\n", "authors", "a mapping"),
        ("article_type: rant\n", "article_type", "one of: news report, analysis, opinion, interview"),
        ("add_topics: [Human Rights]\n", "add_topics", "'Human Rights' in the list"),
        ("remove_topics: human-rights\n", "remove_topics", "list of topic slugs"),
        ("exclude: 'no'\n", "exclude", "true or false"),
    ],
)
def test_a_bad_key_or_value_is_an_error_naming_the_file_and_key(tmp_path, text, key, words):
    error = _error(tmp_path, text)
    assert str(error).startswith(f"seeds/x.yml: key '{key}': ") and words in str(error)
    assert error.key == key and isinstance(error, SeedError)


@pytest.mark.parametrize(
    "text, words",
    [
        ("title: [unclosed\n", "is not valid YAML"),
        ("title: a\ntitle: b\n", "key 'title' is given twice (line 2"),
        ("- title\n", "expected keys and values (a mapping) at the top level, found a list"),
        ("just a sentence\n", "found the text 'just a sentence'"),
        ("\tbad: tab\n", "is not valid YAML"),
    ],
)
def test_a_malformed_file_is_an_error_naming_the_file(tmp_path, text, words):
    error = _error(tmp_path, text)
    assert str(error).startswith("seeds/x.yml: ") and words in str(error)


def test_a_file_that_is_not_utf8_or_too_large_is_an_error(tmp_path):
    assert "not UTF-8" in str(_raw_error(tmp_path, b"title: caf\xe9\n"))
    assert "larger than" in str(_raw_error(tmp_path, b"title: x\n" + b"#" * 70_000))


# The OverrideError for a file of raw bytes
def _raw_error(tmp_path: Path, raw: bytes) -> OverrideError:
    path = tmp_path / "raw.yml"
    path.write_bytes(raw)
    with pytest.raises(OverrideError) as caught:
        load_override(path, "seeds/raw.yml")
    return caught.value


def test_override_files_are_the_yml_beside_a_seed(tmp_path):
    (tmp_path / "a.txt").write_text("seed")
    (tmp_path / "a.yml").write_text("title: x")
    (tmp_path / "notes.yml").write_text("x: 1")
    assert override_path_for(tmp_path / "a.txt") == tmp_path / "a.yml"
    assert is_override_file(tmp_path / "a.yml") and not is_override_file(tmp_path / "notes.yml")


# -----------------------------------------------------------------------------
# Applying
# -----------------------------------------------------------------------------


def test_metadata_keys_replace_what_the_pipeline_read_and_are_recorded(tmp_path):
    override = _load(tmp_path, "title: The right headline\nauthors: [Kim Myong-song]\npublication: The Chosun Ilbo\n"
                               "date: 2016-08-05\ndateline: Seoul\narticle_type: opinion\n")
    article = apply_override(_article(), override, load_publications())
    assert (article.title, article.authors, article.publication.slug, article.date, article.dateline, article.article_type) == (
        "The right headline", ["Kim Myong-song"], "chosun-ilbo", dt.date(2016, 8, 5), "Seoul", "opinion")
    assert {edit.rule for edit in article.edits} >= {"override:title", "override:authors", "override:publication"}
    assert article.warnings == ["something else"]  # the headline is settled by hand


def test_keys_not_set_leave_the_article_alone(tmp_path):
    article = apply_override(_article(), _load(tmp_path, "add_topics: [repatriation]\n"), load_publications())
    assert article.title == "x" and article.authors == ["Wrong Name"] and article.edits == []


def test_an_unknown_publication_is_an_error_naming_the_key(tmp_path):
    with pytest.raises(OverrideError, match=r"seeds/x.yml: key 'publication': 'daily-nowhere' is not a publication"):
        apply_override(_article(), _load(tmp_path, "publication: daily-nowhere\n"), load_publications())


# -----------------------------------------------------------------------------
# In the built site
# -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def override_site(tmp_path_factory):
    """The real seeds with one corrected, one excluded, and one override that is broken."""
    seeds = {
        f"{SEED}.yml": b"title: 'Corrected <b>headline</b> & more'\ndate: 2016-08-06\nauthors: [Kim Myong-song, Jane Doe]\n",
        "003_e0c3d585472a70e7.yml": b"exclude: true\n",
        "004_7ce363808526d304.yml": b"titel: typo\n",
    }
    return build_project(tmp_path_factory.mktemp("overrides"), seeds, real_seeds=True)


def test_an_override_corrects_the_page(override_site):
    assert override_site.returncode == 0, override_site.log
    page = override_site.page("articles/2016/corrected-b-headline-b-more/index.html")
    assert re.search(r"<h1[^>]*>Corrected &lt;b&gt;headline&lt;/b&gt; &amp; more</h1>", page)
    assert '<time datetime="2016-08-06"' in page and "Jane Doe" in page
    jsonld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert jsonld["headline"] == "Corrected <b>headline</b> & more"


def test_an_excluded_seed_has_no_page_and_no_warning(override_site):
    assert not (override_site.site / "articles/2012/china-and-its-north-korean-refugee-problem").exists()
    assert "003_e0c3d585472a70e7" not in "\n".join(line for line in override_site.log.splitlines() if line.startswith("WARNING"))


def test_a_broken_override_is_one_warning_naming_the_file_and_key(override_site):
    warnings = [line for line in override_site.log.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 1, warnings
    assert "seeds/004_7ce363808526d304.yml: key 'titel': unknown key" in warnings[0]


def test_override_files_are_not_reported_as_ignored(override_site):
    assert f"seeds/{SEED}.yml: not a seed file" not in override_site.log


def test_an_editor_sets_or_clears_the_standfirst(tmp_path):
    written = apply_override(_article(), _load(tmp_path, "standfirst: Sixty people were sent back.\n"), load_publications())
    assert written.standfirst == "Sixty people were sent back." and written.summary == "Sixty people were sent back."
    cleared = apply_override(written, _load(tmp_path, 'standfirst: ""\n'), load_publications())
    assert cleared.standfirst == ""
