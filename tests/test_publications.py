"""The publications registry: loading, checking and finding names in text."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsarchive.publications import PublicationRegistry, RegistryError, load_publications


@pytest.fixture(scope="module")
def registry() -> PublicationRegistry:
    return load_publications()


def test_registry_has_the_outlets_of_the_field(registry: PublicationRegistry) -> None:
    names = {publication.name for publication in registry.publications}
    assert {"The Chosun Ilbo", "The Asahi Shimbun", "New Eastern Outlook", "The Straits Times",
            "The Korea Times", "Daily NK", "NK News", "Reuters", "BBC News"} <= names
    assert len(names) >= 20


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Copyright © Chosunilbo &", "The Chosun Ilbo"),
        ("An interview with the Chosun Ilbo", "The Chosun Ilbo"),
        ("More AJW", "The Asahi Shimbun"),
        ("(Asahi Shimbun file photo)", "The Asahi Shimbun"),
        ("exclusively for the online magazine “New Eastern Outlook.", "New Eastern Outlook"),
        ("told The Korea Times recently", "The Korea Times"),
    ],
)
def test_find_in_by_name_or_alias(registry: PublicationRegistry, text: str, name: str) -> None:
    found = registry.find_in(text)
    assert found is not None and found.name == name


def test_find_in_matches_whole_words_only(registry: PublicationRegistry) -> None:
    assert registry.find_in("The AJWX index and reutersville") is None
    assert registry.find_in("nothing here") is None


def test_find_all_in_keeps_order(registry: PublicationRegistry) -> None:
    found = registry.find_all_in("As Reuters and later The Straits Times reported")
    assert [publication.slug for publication in found][:2] == ["reuters", "straits-times"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- slug: x\n", "key 'name'"),
        ("- name: X\n", "key 'slug'"),
        ("- {slug: x, name: X, aliases: oops}\n", "key 'aliases'"),
        ("- {slug: x, name: X, colour: red}\n", "unknown key 'colour'"),
        ("- {slug: Bad Slug, name: X}\n", "key 'slug'"),
        ("- {slug: x, name: X}\n- {slug: x, name: Y}\n", "used twice"),
        ("slug: x\n", "list of publications"),
        ("- [unclosed\n", "cannot read"),
    ],
)
def test_malformed_registry_names_file_and_key(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "publications.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RegistryError) as error:
        PublicationRegistry.load(path)
    assert str(path) in str(error.value) and message in str(error.value)
