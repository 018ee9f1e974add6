"""The seed cache: unchanged seeds are not redone, any change to a seed, its override or the code is."""
from __future__ import annotations

from pathlib import Path

from newsarchive.caching import SeedCache, SeedResult, pipeline_version
from newsarchive.corpus import build_corpus
from newsarchive.publications import load_publications
from newsarchive.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parents[1]


def _seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for seed in sorted((ROOT / "seeds").glob("*.txt"))[:2]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    return folder


def test_second_build_takes_every_article_from_the_cache_and_gives_the_same_corpus(tmp_path):
    seeds, publications, vocabulary = _seeds(tmp_path), load_publications(), load_vocabulary()
    first = build_corpus(seeds, publications, vocabulary, cache=SeedCache(tmp_path / "cache"))
    cache = SeedCache(tmp_path / "cache")
    second = build_corpus(seeds, publications, vocabulary, cache=cache)
    assert cache.hits == 2
    assert [p.article for p in second.articles] == [p.article for p in first.articles]
    assert second.problems == first.problems


def test_editing_a_seed_or_adding_an_override_misses_the_cache(tmp_path):
    seeds, publications, vocabulary = _seeds(tmp_path), load_publications(), load_vocabulary()
    build_corpus(seeds, publications, vocabulary, cache=SeedCache(tmp_path / "cache"))
    first_seed = sorted(seeds.glob("*.txt"))[0]
    first_seed.write_bytes(first_seed.read_bytes() + b"\nOne more real sentence of the article was added here.\n")
    first_seed.with_suffix(".yml").write_text("dateline: Dandong\n", encoding="utf-8")
    cache = SeedCache(tmp_path / "cache")
    corpus = build_corpus(seeds, publications, vocabulary, cache=cache)
    assert cache.hits == 1
    assert any(p.article.dateline == "Dandong" for p in corpus.articles)


def test_key_depends_on_the_pipeline_version(tmp_path):
    assert SeedCache(tmp_path, "a").key("s.txt", b"seed", b"") != SeedCache(tmp_path, "b").key("s.txt", b"seed", b"")
    assert SeedCache(tmp_path, "a").key("s.txt", b"seed", b"") != SeedCache(tmp_path, "a").key("s.txt", b"seed", b"x")


def test_a_copy_of_a_seed_under_another_name_is_its_own_entry(tmp_path):
    seeds, publications, vocabulary = _seeds(tmp_path), load_publications(), load_vocabulary()
    build_corpus(seeds, publications, vocabulary, cache=SeedCache(tmp_path / "cache"))
    original = sorted(seeds.glob("*.txt"))[0]
    (seeds / "zz_copy.txt").write_bytes(original.read_bytes())
    corpus = build_corpus(seeds, publications, vocabulary, cache=SeedCache(tmp_path / "cache"))
    assert any(f"zz_copy.txt: duplicate of {original.as_posix()}" in problem for problem in corpus.problems), corpus.problems
    assert len(pipeline_version()) == 64


def test_a_broken_entry_is_ignored(tmp_path):
    cache = SeedCache(tmp_path, "v")
    key = cache.key("s.txt", b"seed", b"")
    cache.put(key, SeedResult(article=None, problems=["x"]))
    (cache.folder / key[:2] / key).write_bytes(b"not a pickle")
    assert cache.get(key) is None


def test_values_derived_from_an_article_are_cached_with_it_and_a_changed_article_starts_without_them(tmp_path):
    import dataclasses

    from newsarchive.site import entity_matcher, prepare_article
    from newsarchive.timeline import reading_minutes

    seeds, publications, vocabulary = _seeds(tmp_path), load_publications(), load_vocabulary()
    prepare = lambda article: prepare_article(article, entity_matcher(vocabulary))  # noqa: E731
    build_corpus(seeds, publications, vocabulary, cache=SeedCache(tmp_path / "cache"), prepare=prepare)
    article = build_corpus(seeds, publications, vocabulary, cache=SeedCache(tmp_path / "cache")).articles[0].article
    assert {"timeline.reading_minutes", "relating.term_counts", "deduplication.body_statistics"} <= set(article.derived)
    assert any(key.startswith("linking.first_mentions.") for key in article.derived)
    shorter = dataclasses.replace(article, body=article.body[:1])
    assert shorter.derived == {}
    assert reading_minutes(shorter) <= reading_minutes(article)


def test_a_site_built_from_a_warm_cache_is_the_site_built_cold(tmp_path):
    from newsarchive.site import build_site

    project = tmp_path / "project"
    project.mkdir()
    _seeds(project)
    cold = build_site(project, site_url="https://example.org/")
    cold_texts = {file.src_uri: file.abs_path.read_bytes() for file in cold.files}
    warm = build_site(project, site_url="https://example.org/")
    assert {file.src_uri: file.abs_path.read_bytes() for file in warm.files} == cold_texts
    fresh = build_site(project, site_url="https://example.org/", use_cache=False)
    assert {file.src_uri: file.abs_path.read_bytes() for file in fresh.files} == cold_texts


def _site_texts(site) -> dict[str, str]:
    return {file.src_uri: file.abs_path.read_text(encoding="utf-8") for file in site.files}


# An article page without its related-reading list (a serve rebuild keeps other articles' term weights; see relating)
def _without_related_reading(text: str) -> str:
    import re

    return re.sub(r"## Related reading\n\n(?:- .*\n(?:  .*\n)*)*", "", text)


def test_a_remembering_rebuild_redoes_only_what_the_changed_seed_touches_and_matches_a_fresh_build(tmp_path):
    from newsarchive import site as site_module
    from newsarchive.site import build_site

    project = tmp_path / "project"
    project.mkdir()
    seeds = project / "seeds"
    seeds.mkdir()
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        (seeds / seed.name).write_bytes(seed.read_bytes())
    first = build_site(project, site_url="https://example.org/", remember=True)
    assert site_module._memory.made > len(first.files) / 2
    again = build_site(project, site_url="https://example.org/", remember=True)
    assert site_module._memory.made == 0
    assert _site_texts(again) == _site_texts(first)

    edited = sorted(seeds.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nAn editor added this closing sentence to the article.\n",
                      encoding="utf-8")
    rebuilt = build_site(project, site_url="https://example.org/", remember=True)
    assert 0 < site_module._memory.made < len(rebuilt.files) / 2
    fresh = build_site(project, site_url="https://example.org/", use_cache=False)
    rebuilt_texts, fresh_texts = _site_texts(rebuilt), _site_texts(fresh)
    assert rebuilt_texts.keys() == fresh_texts.keys()
    for path, text in fresh_texts.items():
        assert _without_related_reading(rebuilt_texts[path]) == _without_related_reading(text), path
    assert any("An editor added this closing sentence" in text for text in rebuilt_texts.values())

    edited.unlink()
    shrunk = build_site(project, site_url="https://example.org/", remember=True)
    assert len(shrunk.files) < len(rebuilt.files)
    assert not any("An editor added this closing sentence" in text for text in _site_texts(shrunk).values())


def test_a_new_pipeline_version_removes_the_entries_of_older_ones(tmp_path):
    old = SeedCache(tmp_path / "cache", version="a" * 64)
    old.put(old.key("seeds/x.txt", b"text", b""), SeedResult(article=None, problems=["p"]))
    assert any((tmp_path / "cache").rglob("*"))
    new = SeedCache(tmp_path / "cache", version="b" * 64)
    assert [entry.name for entry in (tmp_path / "cache").iterdir()] == ["b" * 16] or not any((tmp_path / "cache").iterdir())
    assert new.get(old.key("seeds/x.txt", b"text", b"")) is None
    assert not (tmp_path / "cache" / ("a" * 16)).exists()


# A one-off build of a copy of the project's seeds (its own folders: the remembering build's files stay as they are)
def _one_off_texts(project: Path, copy: Path) -> tuple[list[str], dict[str, str], list[str]]:
    import shutil

    from newsarchive.site import build_site

    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(project / "seeds", copy / "seeds")
    site = build_site(copy, site_url="https://example.org/", use_cache=False)
    return [file.src_uri for file in site.files], _site_texts(site), site.problems


def test_after_every_kind_of_edit_a_remembering_build_gives_the_files_of_a_one_off_build(tmp_path):
    from newsarchive.site import PAGE_CACHE, build_site

    project = tmp_path / "project"
    seeds = project / "seeds"
    seeds.mkdir(parents=True)
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        (seeds / seed.name).write_bytes(seed.read_bytes())
    first, second, third = sorted(seeds.glob("*.txt"))[:3]

    # Each edit, as an editor (or git) makes it while `mkdocs serve` runs
    def append_a_sentence():
        first.write_text(first.read_text(encoding="utf-8") + "\nAn editor added this closing sentence.\n", encoding="utf-8")

    def change_a_headline():
        lines = third.read_text(encoding="utf-8").split("\n")
        third.write_text("\n".join(["A wholly new headline about the border", *lines[1:]]), encoding="utf-8")

    def move_an_article_to_a_new_year():
        third.write_text(third.read_text(encoding="utf-8").replace("August 15, 2014", "August 15, 2019"), encoding="utf-8")

    def add_an_override():
        first.with_suffix(".yml").write_text("dateline: Dandong\n", encoding="utf-8")

    def add_a_duplicate():
        (seeds / "zz_copy.txt").write_bytes(second.read_bytes())

    def delete_a_seed():
        second.unlink()

    def delete_a_generated_file():
        (project / PAGE_CACHE / "timeline.md").unlink()

    build_site(project, site_url="https://example.org/", remember=True)
    for edit in (append_a_sentence, change_a_headline, move_an_article_to_a_new_year, add_an_override, add_a_duplicate,
                 delete_a_seed, delete_a_generated_file):
        edit()
        served = build_site(project, site_url="https://example.org/", remember=True)
        order, texts, problems = _one_off_texts(project, tmp_path / "one-off")
        assert [file.src_uri for file in served.files] == order, edit.__name__
        assert served.problems == problems, edit.__name__
        for path, text in _site_texts(served).items():
            assert text == texts[path], (edit.__name__, path)
