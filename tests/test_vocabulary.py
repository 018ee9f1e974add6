"""The vocabulary and entities files: loading, checking, and what a broken file tells the editor."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from newsarchive.vocabulary import (
    DEFAULT_DATA_DIR,
    ENTITIES_FILE,
    VOCABULARY_FILE,
    Vocabulary,
    VocabularyError,
    load_vocabulary,
    term_pattern,
)

# Topics the brief asks the archive to file articles under.
REQUIRED_TOPICS = {
    "forced-repatriation", "refugee-status-law", "asylum-resettlement", "china-escapee-policy",
    "china-north-korea-relations", "border-crossing", "elite-defections", "defector-statistics",
    "human-rights", "detention-camps", "punishment-of-returnees", "united-nations",
    "south-korean-policy", "ngos-activists", "brokers-smuggling", "fake-defectors", "sanctions",
    "economy-famine", "women-defectors", "surveillance-abduction", "overseas-workers", "corruption",
    "regime-stability", "russia-role", "covid-border-closure", "ethnic-koreans-china",
}


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return load_vocabulary()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the project's data files that a test may break."""
    for name in (VOCABULARY_FILE, ENTITIES_FILE):
        shutil.copy(DEFAULT_DATA_DIR / name, tmp_path / name)
    return tmp_path


# Replaces `old` (which must occur exactly once) in a data file; returns the 1-based line it was on
def edit(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


# The error message load_vocabulary gives for a data directory
def load_error(data_dir: Path) -> str:
    with pytest.raises(VocabularyError) as caught:
        load_vocabulary(data_dir)
    return str(caught.value)


# -----------------------------------------------------------------------------
# The shipped files
# -----------------------------------------------------------------------------


def test_shipped_files_load_with_every_required_topic(vocabulary: Vocabulary) -> None:
    assert REQUIRED_TOPICS <= set(vocabulary.topic_slugs)
    assert {kind.label for kind in vocabulary.article_types} == {"news report", "analysis", "opinion", "interview"}
    assert all(topic.description and topic.terms for topic in vocabulary.topics)


def test_iptc_release_is_pinned_and_no_retired_code_is_used(vocabulary: Vocabulary) -> None:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", vocabulary.iptc_release)
    used = {topic.iptc for topic in vocabulary.topics if topic.iptc}
    assert all(re.fullmatch(r"medtop:\d{8}", code) for code in used)
    assert not used & vocabulary.retired_iptc_codes


def test_article_types_carry_iptc_genre_codes(vocabulary: Vocabulary) -> None:
    genres = {kind.label: kind.iptc_genre for kind in vocabulary.article_types}
    assert genres["analysis"] == "genre:Analysis"
    assert genres["opinion"] == "genre:Opinion"
    assert genres["interview"] == "genre:Interview"


def test_readers_search_terms_in_korean_japanese_and_chinese(vocabulary: Vocabulary) -> None:
    repatriation = dict(vocabulary.topic("forced-repatriation").aliases)
    assert "강제송환" in repatriation["ko"]
    resettlement = dict(vocabulary.topic("asylum-resettlement").aliases)
    assert {"탈북민", "새터민"} <= set(resettlement["ko"]) and "脱北者" in resettlement["ja"]


def test_every_term_alias_and_cue_compiles_without_groups(vocabulary: Vocabulary) -> None:
    terms = [term for topic in vocabulary.topics for term in topic.match_terms]
    terms += [name for entity in vocabulary.entities for name in entity.names]
    terms += [cue for kind in vocabulary.article_types for cue in kind.cues]
    for term in terms:
        compiled = re.compile(term_pattern(term)[0])
        assert compiled.groups == 0, term
        assert not compiled.search(""), term


def test_acronyms_are_case_sensitive_and_words_are_not() -> None:
    assert term_pattern("UN")[1] and term_pattern("MSS")[1] and term_pattern("NGOs")[1]
    assert not term_pattern("repatriation")[1] and not term_pattern("U.N.")[1]


def test_entities_have_kinds_and_privacy_flags(vocabulary: Vocabulary) -> None:
    people = [entity for entity in vocabulary.entities if entity.kind == "person"]
    assert {"thae-yong-ho", "kim-jong-un", "andrei-lankov", "kang-chol-hwan"} <= {person.slug for person in people}
    assert vocabulary.entity("john-flawed").is_private_person
    assert not vocabulary.entity("thae-yong-ho").is_private_person
    assert "UNHCR" in vocabulary.entity("unhcr").aliases
    assert "MSS" in vocabulary.entity("ministry-of-state-security").aliases


def test_version_is_stable_and_changes_with_the_bytes(data_dir: Path) -> None:
    first, again = load_vocabulary(data_dir).version, load_vocabulary(data_dir).version
    assert first == again and len(first) >= 12
    edit(data_dir / VOCABULARY_FILE, "label: Sanctions", "label: Sanctions on North Korea")
    assert load_vocabulary(data_dir).version != first


# -----------------------------------------------------------------------------
# Broken files: the message names the file, the line and the key
# -----------------------------------------------------------------------------


def test_malformed_yaml_is_reported_with_file_and_line(data_dir: Path) -> None:
    line = edit(data_dir / VOCABULARY_FILE, "  - slug: sanctions\n", "  - slug: sanctions\n    label: [unclosed\n")
    message = load_error(data_dir)
    assert VOCABULARY_FILE in message
    assert re.search(rf"{VOCABULARY_FILE}:{line + 1}\b|{VOCABULARY_FILE}:{line + 2}\b", message), message


def test_unknown_key_is_rejected_with_its_line(data_dir: Path) -> None:
    line = edit(data_dir / VOCABULARY_FILE, "    label: Sanctions\n", "    lable: Sanctions\n")
    message = load_error(data_dir)
    assert f"{VOCABULARY_FILE}:{line}:" in message
    assert "unknown key 'lable'" in message and "sanctions" in message


def test_missing_key_is_rejected(data_dir: Path) -> None:
    edit(data_dir / VOCABULARY_FILE, "    label: Sanctions\n", "")
    message = load_error(data_dir)
    assert "key 'label' is missing" in message and "sanctions" in message


def test_duplicate_topic_slug_is_rejected(data_dir: Path) -> None:
    line = edit(data_dir / VOCABULARY_FILE, "  - slug: corruption\n", "  - slug: sanctions\n")
    message = load_error(data_dir)
    assert f"{VOCABULARY_FILE}:{line}:" in message and "duplicate topic slug 'sanctions'" in message


def test_duplicate_entity_slug_across_sections_is_rejected(data_dir: Path) -> None:
    line = edit(data_dir / ENTITIES_FILE, "  - slug: bbc\n", "  - slug: beijing\n")
    message = load_error(data_dir)
    assert f"{ENTITIES_FILE}:{line}:" in message and "duplicate entity slug 'beijing'" in message


def test_duplicate_key_in_one_entry_is_rejected(data_dir: Path) -> None:
    edit(data_dir / VOCABULARY_FILE, "    label: Sanctions\n", "    label: Sanctions\n    label: Embargoes\n")
    assert "key 'label' appears twice" in load_error(data_dir)


def test_retired_iptc_code_is_rejected(data_dir: Path) -> None:
    vocabulary_file = data_dir / VOCABULARY_FILE
    used = load_vocabulary(data_dir).topic("sanctions").iptc
    edit(vocabulary_file, "retired_iptc_codes: []", f'retired_iptc_codes: ["{used}"]')
    message = load_error(data_dir)
    assert VOCABULARY_FILE in message and "retired" in message and used in message


def test_malformed_iptc_code_is_rejected(data_dir: Path) -> None:
    line = edit(data_dir / VOCABULARY_FILE, '      zh: [制裁]\n    iptc: "medtop:11000000"', '      zh: [制裁]\n    iptc: "medtop:123"')
    message = load_error(data_dir)
    assert f"{VOCABULARY_FILE}:{line + 1}:" in message and "medtop:NNNNNNNN" in message


def test_bad_regular_expression_term_is_rejected_with_its_line(data_dir: Path) -> None:
    line = edit(data_dir / VOCABULARY_FILE, "    terms: [sanction*,", "    terms: ['re:(unclosed', sanction*,")
    message = load_error(data_dir)
    assert f"{VOCABULARY_FILE}:{line}:" in message and "re:(unclosed" in message


def test_regular_expression_with_capturing_group_is_rejected(data_dir: Path) -> None:
    edit(data_dir / VOCABULARY_FILE, "    terms: [sanction*,", "    terms: ['re:(a|b)c', sanction*,")
    assert "capturing group" in load_error(data_dir)


def test_person_without_public_figure_flag_is_rejected(data_dir: Path) -> None:
    line = edit(data_dir / ENTITIES_FILE, "    description: Photographer credited on an article.\n    public_figure: false\n",
                "    description: Photographer credited on an article.\n")
    message = load_error(data_dir)
    assert ENTITIES_FILE in message and "public_figure" in message and "john-flawed" in message


def test_public_figure_flag_on_a_place_is_rejected(data_dir: Path) -> None:
    edit(data_dir / ENTITIES_FILE, "    description: District of Beijing with a large ethnic Korean population.\n",
         "    description: District of Beijing with a large ethnic Korean population.\n    public_figure: true\n")
    assert "for people only" in load_error(data_dir)


def test_entity_under_the_wrong_section_is_rejected(data_dir: Path) -> None:
    line = edit(data_dir / ENTITIES_FILE, "    name: Wangjing\n    kind: place\n", "    name: Wangjing\n    kind: person\n")
    message = load_error(data_dir)
    assert f"{ENTITIES_FILE}:{line + 1}:" in message and "kind" in message


def test_unknown_alias_language_is_rejected(data_dir: Path) -> None:
    edit(data_dir / VOCABULARY_FILE, "      ko: [대북제재, 제재]", "      kr: [대북제재, 제재]")
    assert "unknown language 'kr'" in load_error(data_dir)


def test_unknown_section_is_rejected(data_dir: Path) -> None:
    edit(data_dir / VOCABULARY_FILE, "article_types:\n", "article_typse:\n")
    assert "unknown section 'article_typse'" in load_error(data_dir)


def test_missing_file_is_reported(tmp_path: Path) -> None:
    assert VOCABULARY_FILE in load_error(tmp_path)


def test_topic_listing_an_unknown_entity_is_rejected(data_dir: Path) -> None:
    edit(data_dir / VOCABULARY_FILE, "    entities: [united-nations, unhcr,", "    entities: [united-nations, unchr,")
    message = load_error(data_dir)
    assert VOCABULARY_FILE in message and "no entity 'unchr'" in message
