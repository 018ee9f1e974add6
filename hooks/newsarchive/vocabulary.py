"""The controlled vocabulary: topics, article types and known entities.

Editors own data/vocabulary.yml (topics, article types) and data/entities.yml
(people, places, organisations).  This module loads both and checks every
entry before any article is tagged: a typo, an unknown key, a duplicate slug,
a retired IPTC code or a match term that does not compile is reported with the
file, the line and the key at fault.  Values are read from YAML's node tree
(`yaml.compose`) rather than from plain Python objects, so that every value
still knows the line it came from.

It also defines how a match term from these files becomes a regular
expression (`term_pattern`), so that the tagger and the checks here agree on
what a term means.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The data files shipped with the project.
DEFAULT_DATA_DIR = Path(__file__).parent / "data"
VOCABULARY_FILE = "vocabulary.yml"
ENTITIES_FILE = "entities.yml"

# Keys each kind of entry must have, and keys it may have.
_TOPIC_REQUIRED = ("slug", "label", "description", "terms")
_TOPIC_OPTIONAL = ("aliases", "iptc", "entities")
_ARTICLE_TYPE_REQUIRED = ("slug", "label", "cues")
_ARTICLE_TYPE_OPTIONAL = ("description", "iptc_genre")
_ENTITY_REQUIRED = ("slug", "name", "kind", "description")
_ENTITY_OPTIONAL = ("aliases", "public_figure")
_VOCABULARY_SECTIONS = ("iptc_release", "retired_iptc_codes", "not_suggested", "topics", "article_types")
_ENTITY_SECTIONS = {"people": "person", "places": "place", "organisations": "organisation"}

# Languages a topic may carry search aliases in.
ALIAS_LANGUAGES = ("ko", "ja", "zh")

# What a slug, an IPTC Media Topic code, an IPTC genre code and a release date look like.
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_MEDTOP_CODE = re.compile(r"^medtop:\d{8}$")
_GENRE_CODE = re.compile(r"^genre:[A-Za-z]+$")
_RELEASE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# An acronym inside a term ("UN", "MSS", "NGOs", "COVID-19"): such terms match case-sensitively.
_ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z][A-Z0-9&]*[A-Z]s?(?![A-Za-z])")
# Scripts written without spaces between words: terms in them match without word boundaries.
_UNSPACED_SCRIPT = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# What separates the words of a term (in text, TEXT_SEPARATOR below; after an
# abbreviation's dot the space may be left out: "N. Korean", "N.Korean").
_TERM_SEPARATOR = re.compile(r"[\s\-\u2010\u2011\u2013]+")
# Apostrophes as written in a term or text (in text, either kind matches: TEXT_APOSTROPHE below).
_APOSTROPHE = re.compile("['\u2019]")
# What, in text, a term's separators, apostrophes and trailing * match.
TEXT_SEPARATOR = r"[\s\-\u2010\u2011\u2013]+"
TEXT_SEPARATOR_AFTER_DOT = r"[\s\-\u2010\u2011\u2013]*"
TEXT_APOSTROPHE = "['\u2019]"
TEXT_WILDCARD = r"\w*"
# The prefix of a term that is a regular expression.
REGEX_PREFIX = "re:"


class VocabularyError(ValueError):
    """A vocabulary or entities file that cannot be used, with the file, line and key at fault."""


@dataclass(frozen=True)
class Topic:
    """A subject articles are filed under."""

    slug: str
    label: str
    description: str
    terms: tuple[str, ...]  # English match terms (see term_pattern)
    aliases: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (language, terms): ("ko", ("탈북민",))
    iptc: str = ""  # "medtop:14000000", or "" when none fits for sure
    entities: tuple[str, ...] = ()  # slugs of entities whose every mention is evidence for the topic

    @property
    def match_terms(self) -> tuple[str, ...]:
        """Every term that is evidence for the topic: English terms, then aliases."""
        return self.terms + tuple(alias for _, names in self.aliases for alias in names)


@dataclass(frozen=True)
class ArticleType:
    """A genre an article is written in, with the phrases typical of it."""

    slug: str
    label: str  # what Article.article_type holds: "news report", "analysis", ...
    cues: tuple[str, ...]
    description: str = ""
    iptc_genre: str = ""  # "genre:Analysis"


@dataclass(frozen=True)
class Entity:
    """A known person, place or organisation."""

    slug: str
    name: str
    kind: str  # "person", "place", "organisation"
    description: str
    aliases: tuple[str, ...] = ()
    public_figure: bool = False  # people only: True for those who get pages

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name and every alias: each one is a mention."""
        return (self.name, *self.aliases)

    @property
    def is_private_person(self) -> bool:
        """A person who is not a public figure: never shown to readers."""
        return self.kind == "person" and not self.public_figure


@dataclass(frozen=True, eq=False)
class Vocabulary:
    """Both data files, checked.  Compared by identity, so taggers can cache per vocabulary."""

    topics: tuple[Topic, ...]
    article_types: tuple[ArticleType, ...]
    entities: tuple[Entity, ...]
    iptc_release: str = ""
    retired_iptc_codes: frozenset[str] = frozenset()
    not_suggested: frozenset[str] = frozenset()  # capitalised phrases the editor report ignores
    version: str = ""  # hash of the files' bytes, for build caches
    sources: tuple[str, ...] = field(default=())  # the files read

    # The topic with this slug, or None
    def topic(self, slug: str) -> Topic | None:
        return next((topic for topic in self.topics if topic.slug == slug), None)

    # The entity with this slug, or None
    def entity(self, slug: str) -> Entity | None:
        return next((entity for entity in self.entities if entity.slug == slug), None)

    # The article type with this slug or label, or None
    def article_type(self, slug_or_label: str) -> ArticleType | None:
        wanted = slug_or_label.strip().lower()
        return next((kind for kind in self.article_types if wanted in (kind.slug, kind.label.lower())), None)

    @property
    def topic_slugs(self) -> tuple[str, ...]:
        """Every topic slug, in file order."""
        return tuple(topic.slug for topic in self.topics)


# Both data files from `data_dir` (the project's own by default), every entry checked
def load_vocabulary(data_dir: Path | None = None) -> Vocabulary:
    directory = Path(data_dir) if data_dir is not None else DEFAULT_DATA_DIR
    vocabulary_path, entities_path = directory / VOCABULARY_FILE, directory / ENTITIES_FILE
    vocabulary_bytes, entities_bytes = _read_bytes(vocabulary_path), _read_bytes(entities_path)
    source = (str(vocabulary_path), vocabulary_bytes, str(entities_path), entities_bytes)
    if _last_loaded is not None and _last_loaded[0] == source:
        return _last_loaded[1]  # unchanged files: the same (immutable) vocabulary, its compiled matchers reused
    vocabulary = _parse_vocabulary(vocabulary_path, vocabulary_bytes, entities_path, entities_bytes)
    _remember_loaded(source, vocabulary)
    return vocabulary


# The last vocabulary loaded in this process and the files' names and bytes it came from
# (`mkdocs serve` loads it again on every rebuild).
_last_loaded: tuple[tuple, Vocabulary] | None = None


# Keep the vocabulary just loaded for the next load of the same files
def _remember_loaded(source: tuple, vocabulary: Vocabulary) -> None:
    global _last_loaded
    _last_loaded = (source, vocabulary)


# The vocabulary in the two files' bytes, checked; raises VocabularyError naming the file and line
def _parse_vocabulary(vocabulary_path: Path, vocabulary_bytes: bytes, entities_path: Path, entities_bytes: bytes) -> Vocabulary:
    vocabulary_root = _compose(vocabulary_bytes, vocabulary_path)
    entities_root = _compose(entities_bytes, entities_path)
    sections = _sections(vocabulary_root, vocabulary_path, _VOCABULARY_SECTIONS, required=("topics", "article_types"))
    retired = frozenset(_code_list(sections.get("retired_iptc_codes"), vocabulary_path, "retired_iptc_codes"))
    topics = [_topic(node, vocabulary_path, retired) for node in _entries(sections["topics"], vocabulary_path, "topics")]
    kinds = [_article_type(node, vocabulary_path) for node in _entries(sections["article_types"], vocabulary_path, "article_types")]
    entities = _entities(entities_root, entities_path)
    _check_unique(sections["topics"], [topic.slug for topic in topics], vocabulary_path, "topic")
    _check_unique(sections["article_types"], [kind.slug for kind in kinds], vocabulary_path, "article type")
    _check_unique_entities(entities, entities_path)
    _check_topic_entities(sections["topics"], topics, {entity.slug for entity, _ in entities}, vocabulary_path)
    return Vocabulary(
        topics=tuple(topics),
        article_types=tuple(kinds),
        entities=tuple(entity for entity, _ in entities),
        iptc_release=_release(sections.get("iptc_release"), vocabulary_path),
        retired_iptc_codes=retired,
        not_suggested=frozenset(_text_list(sections.get("not_suggested"), vocabulary_path, "not_suggested")),
        version=_version(vocabulary_bytes, entities_bytes),
        sources=(str(vocabulary_path), str(entities_path)),
    )


# The regular expression for one match term, and whether it matches case-sensitively
def term_pattern(term: str) -> tuple[str, bool]:
    if term.startswith(REGEX_PREFIX):
        return rf"(?<!\w)(?:{term[len(REGEX_PREFIX):]})(?!\w)", False
    body = _literal_pattern(term)
    if _UNSPACED_SCRIPT.search(term):
        return f"(?:{body})", term_is_case_sensitive(term)
    return rf"(?<!\w)(?:{body})(?!\w)", term_is_case_sensitive(term)


# Whether a term is a regular expression (a "re:" term) rather than plain words
def term_is_regex(term: str) -> bool:
    return term.startswith(REGEX_PREFIX)


# Whether a term must start and end at word boundaries (not so in scripts written without spaces)
def term_has_word_boundaries(term: str) -> bool:
    return not _UNSPACED_SCRIPT.search(term)


# Whether a term matches case-sensitively: it has an acronym in it ("UN", "MSS", "NGOs")
def term_is_case_sensitive(term: str) -> bool:
    return not term.startswith(REGEX_PREFIX) and bool(_ACRONYM.search(term))


# A literal term's words (split at spaces and hyphens) and whether it ends in the * wildcard
def term_words(term: str) -> tuple[list[str], bool]:
    return _TERM_SEPARATOR.split(term.rstrip("*").strip()), term.endswith("*")


# The form in which a literal term and the text it matched compare equal
def match_key(text: str, case_sensitive: bool) -> str:
    key = _APOSTROPHE.sub("'", _TERM_SEPARATOR.sub(" ", text.strip()))
    key = key.replace(". ", ".")
    return key if case_sensitive else key.lower()


# -----------------------------------------------------------------------------
# Helper functions: reading
# -----------------------------------------------------------------------------


# The bytes of a data file; VocabularyError when it cannot be read
def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise VocabularyError(f"{path}: cannot read the file: {error.strerror or error}") from error


# The YAML node tree of a file; VocabularyError with the line of a syntax error
def _compose(raw: bytes, path: Path) -> yaml.Node:
    try:
        root = yaml.compose(raw.decode("utf-8"), Loader=yaml.SafeLoader)
    except UnicodeDecodeError as error:
        raise VocabularyError(f"{path}: not UTF-8 text: {error}") from error
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        raise VocabularyError(f"{path}:{line}: not valid YAML: {error.problem or error}") from error
    if root is None:
        raise VocabularyError(f"{path}:1: the file is empty")
    return root


# A stable hash of both files' bytes, for build caches
def _version(*contents: bytes) -> str:
    digest = hashlib.sha256()
    for content in contents:
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()[:16]


# -----------------------------------------------------------------------------
# Helper functions: entries
# -----------------------------------------------------------------------------


# One checked topic
def _topic(node: yaml.Node, path: Path, retired: frozenset[str]) -> Topic:
    keys = _keys(node, path, "topic", _TOPIC_REQUIRED, _TOPIC_OPTIONAL)
    slug = _slug(keys["slug"], path)
    where = f"topic '{slug}'"
    iptc = _text(keys["iptc"], path, f"{where}: iptc") if "iptc" in keys else ""
    if iptc and not _MEDTOP_CODE.match(iptc):
        raise _error(path, keys["iptc"], f"{where}: key 'iptc' must look like 'medtop:NNNNNNNN', not '{iptc}'")
    if iptc in retired:
        raise _error(path, keys["iptc"], f"{where}: key 'iptc': {iptc} is a retired IPTC code; use its replacement")
    terms = _term_list(keys["terms"], path, f"{where}: terms")
    aliases = _aliases(keys["aliases"], path, where) if "aliases" in keys else ()
    entities = _text_list(keys["entities"], path, f"{where}: entities") if "entities" in keys else ()
    return Topic(
        slug=slug,
        label=_text(keys["label"], path, f"{where}: label"),
        description=" ".join(_text(keys["description"], path, f"{where}: description").split()),
        terms=terms,
        aliases=aliases,
        iptc=iptc,
        entities=entities,
    )


# One checked article type
def _article_type(node: yaml.Node, path: Path) -> ArticleType:
    keys = _keys(node, path, "article type", _ARTICLE_TYPE_REQUIRED, _ARTICLE_TYPE_OPTIONAL)
    slug = _slug(keys["slug"], path)
    where = f"article type '{slug}'"
    genre = _text(keys["iptc_genre"], path, f"{where}: iptc_genre") if "iptc_genre" in keys else ""
    if genre and not _GENRE_CODE.match(genre):
        raise _error(path, keys["iptc_genre"], f"{where}: key 'iptc_genre' must look like 'genre:Name', not '{genre}'")
    return ArticleType(
        slug=slug,
        label=_text(keys["label"], path, f"{where}: label"),
        cues=_term_list(keys["cues"], path, f"{where}: cues"),
        description=_text(keys["description"], path, f"{where}: description") if "description" in keys else "",
        iptc_genre=genre,
    )


# Every checked entity of the entities file, each with the node it came from
def _entities(root: yaml.Node, path: Path) -> list[tuple[Entity, yaml.Node]]:
    sections = _sections(root, path, tuple(_ENTITY_SECTIONS), required=())
    entities = []
    for section, kind in _ENTITY_SECTIONS.items():
        if section in sections:
            entities += [(_entity(node, path, kind), node) for node in _entries(sections[section], path, section)]
    return entities


# One checked entity, which must be of the kind its section holds
def _entity(node: yaml.Node, path: Path, expected_kind: str) -> Entity:
    keys = _keys(node, path, "entity", _ENTITY_REQUIRED, _ENTITY_OPTIONAL)
    slug = _slug(keys["slug"], path)
    where = f"entity '{slug}'"
    kind = _text(keys["kind"], path, f"{where}: kind")
    if kind != expected_kind:
        raise _error(path, keys["kind"], f"{where}: key 'kind' is '{kind}' but the entry is listed under the {expected_kind} section")
    if kind == "person" and "public_figure" not in keys:
        raise _error(path, node, f"{where}: key 'public_figure' is required for people (true or false)")
    if kind != "person" and "public_figure" in keys:
        raise _error(path, keys["public_figure"], f"{where}: key 'public_figure' is for people only")
    public_figure = _bool(keys["public_figure"], path, f"{where}: public_figure") if "public_figure" in keys else False
    aliases = _term_list(keys["aliases"], path, f"{where}: aliases", allow_empty=True) if "aliases" in keys else ()
    name = _text(keys["name"], path, f"{where}: name")
    _check_compiles(name, path, keys["name"], f"{where}: name")
    return Entity(
        slug=slug,
        name=name,
        kind=kind,
        description=_text(keys["description"], path, f"{where}: description"),
        aliases=aliases,
        public_figure=public_figure,
    )


# A topic's aliases by language, each a list of terms
def _aliases(node: yaml.Node, path: Path, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(node, yaml.MappingNode):
        raise _error(path, node, f"{where}: key 'aliases' must map languages ({', '.join(ALIAS_LANGUAGES)}) to lists of terms")
    aliases = []
    for key_node, value_node in _pairs(node, path, f"{where}: aliases"):
        if key_node.value not in ALIAS_LANGUAGES:
            raise _error(path, key_node, f"{where}: aliases: unknown language '{key_node.value}' (expected one of {', '.join(ALIAS_LANGUAGES)})")
        aliases.append((key_node.value, _term_list(value_node, path, f"{where}: aliases: {key_node.value}")))
    return tuple(aliases)


# -----------------------------------------------------------------------------
# Helper functions: nodes
# -----------------------------------------------------------------------------


# A VocabularyError naming the file, the node's line and what is wrong
def _error(path: Path, node: yaml.Node, message: str) -> VocabularyError:
    return VocabularyError(f"{path}:{node.start_mark.line + 1}: {message}")


# The top-level sections of a file, checked against the sections it may have
def _sections(root: yaml.Node, path: Path, allowed: tuple[str, ...], required: tuple[str, ...]) -> dict[str, yaml.Node]:
    if not isinstance(root, yaml.MappingNode):
        raise _error(path, root, f"expected a mapping with the sections {', '.join(allowed)}")
    sections = {}
    for key_node, value_node in _pairs(root, path, "top level"):
        if key_node.value not in allowed:
            raise _error(path, key_node, f"unknown section '{key_node.value}' (expected one of {', '.join(allowed)})")
        sections[key_node.value] = value_node
    for name in required:
        if name not in sections:
            raise _error(path, root, f"section '{name}' is missing")
    return sections


# The entries of a list section
def _entries(node: yaml.Node, path: Path, section: str) -> list[yaml.Node]:
    if not isinstance(node, yaml.SequenceNode):
        raise _error(path, node, f"section '{section}' must be a list of entries")
    return list(node.value)


# The (key, value) node pairs of a mapping; duplicate keys are refused
def _pairs(node: yaml.MappingNode, path: Path, where: str) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    seen: set[str] = set()
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise _error(path, key_node, f"{where}: keys must be plain words")
        if key_node.value in seen:
            raise _error(path, key_node, f"{where}: key '{key_node.value}' appears twice")
        seen.add(key_node.value)
    return list(node.value)


# An entry's keys, with required keys present and unknown keys refused
def _keys(node: yaml.Node, path: Path, what: str, required: tuple[str, ...], optional: tuple[str, ...]) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        raise _error(path, node, f"expected a {what} entry: a mapping with keys {', '.join(required)}")
    keys = {key_node.value: value_node for key_node, value_node in _pairs(node, path, what)}
    name = keys["slug"].value if isinstance(keys.get("slug"), yaml.ScalarNode) else "?"
    for key_node, _ in node.value:
        if key_node.value not in required + optional:
            allowed = ", ".join(required + optional)
            raise _error(path, key_node, f"{what} '{name}': unknown key '{key_node.value}' (allowed: {allowed})")
    for key in required:
        if key not in keys:
            raise _error(path, node, f"{what} '{name}': key '{key}' is missing")
    return keys


# A non-empty text value, as written (so "No" or "2016" stay the words the editor typed)
def _text(node: yaml.Node, path: Path, where: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or node.tag == "tag:yaml.org,2002:null" or not node.value.strip():
        raise _error(path, node, f"{where}: expected a text")
    return node.value.strip()


# A true/false value
def _bool(node: yaml.Node, path: Path, where: str) -> bool:
    if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:bool":
        raise _error(path, node, f"{where}: expected true or false")
    return node.value.lower() in ("true", "yes", "on")


# A list of texts (an absent section is an empty list)
def _text_list(node: yaml.Node | None, path: Path, where: str, allow_empty: bool = True) -> tuple[str, ...]:
    if node is None:
        return ()
    if not isinstance(node, yaml.SequenceNode):
        raise _error(path, node, f"{where}: expected a list")
    if not node.value and not allow_empty:
        raise _error(path, node, f"{where}: the list is empty")
    return tuple(_text(item, path, where) for item in node.value)


# A list of match terms, each one compiled to make sure it can be matched
def _term_list(node: yaml.Node, path: Path, where: str, allow_empty: bool = False) -> tuple[str, ...]:
    terms = _text_list(node, path, where, allow_empty=allow_empty)
    for item, term in zip(node.value, terms):
        _check_compiles(term, path, item, where)
    return terms


# A list of IPTC codes
def _code_list(node: yaml.Node | None, path: Path, where: str) -> tuple[str, ...]:
    codes = _text_list(node, path, where)
    for item, code in zip(node.value if node is not None else (), codes):
        if not _MEDTOP_CODE.match(code):
            raise _error(path, item, f"{where}: '{code}' does not look like 'medtop:NNNNNNNN'")
    return codes


# The pinned IPTC release date
def _release(node: yaml.Node | None, path: Path) -> str:
    if node is None:
        return ""
    release = _text(node, path, "iptc_release")
    if not _RELEASE_DATE.match(release):
        raise _error(path, node, f"iptc_release: expected a date like \"2024-10-09\", not '{release}'")
    return release


# A checked slug
def _slug(node: yaml.Node, path: Path) -> str:
    slug = _text(node, path, "slug")
    if not _SLUG.match(slug):
        raise _error(path, node, f"key 'slug': '{slug}' must be lowercase words joined by hyphens")
    return slug


# Refuses a term that does not compile (a bad "re:" term, most likely)
def _check_compiles(term: str, path: Path, node: yaml.Node, where: str) -> None:
    try:
        compiled = re.compile(term_pattern(term)[0])
    except re.error as error:
        raise _error(path, node, f"{where}: term '{term}' is not a valid pattern: {error}") from error
    if compiled.groups:
        raise _error(path, node, f"{where}: term '{term}' has a capturing group; write (?:...) instead")
    if compiled.search(""):
        raise _error(path, node, f"{where}: term '{term}' matches empty text")


# Refuses a slug used twice in one list
def _check_unique(section: yaml.Node, slugs: list[str], path: Path, what: str) -> None:
    seen: set[str] = set()
    for node, slug in zip(section.value, slugs):
        if slug in seen:
            raise _error(path, node, f"duplicate {what} slug '{slug}'")
        seen.add(slug)


# Refuses a topic listing an entity the entities file does not have
def _check_topic_entities(section: yaml.Node, topics: list[Topic], entity_slugs: set[str], path: Path) -> None:
    for node, topic in zip(section.value, topics):
        for slug in topic.entities:
            if slug not in entity_slugs:
                raise _error(path, node, f"topic '{topic.slug}': key 'entities': no entity '{slug}' in {ENTITIES_FILE}")


# Refuses an entity slug used twice anywhere in the entities file
def _check_unique_entities(entities: list[tuple[Entity, yaml.Node]], path: Path) -> None:
    seen: set[str] = set()
    for entity, node in entities:
        if entity.slug in seen:
            raise _error(path, node, f"duplicate entity slug '{entity.slug}'")
        seen.add(entity.slug)


# -----------------------------------------------------------------------------
# Helper functions: terms
# -----------------------------------------------------------------------------


# The pattern body of a literal term: flexible separators and apostrophes, optional trailing wildcard
def _literal_pattern(term: str) -> str:
    words, wildcard = term_words(term)
    body = _word_pattern(words[0])
    for previous, word in zip(words, words[1:]):
        separator = TEXT_SEPARATOR_AFTER_DOT if previous.endswith(".") else TEXT_SEPARATOR
        body += separator + _word_pattern(word)
    return body + (TEXT_WILDCARD if wildcard else "")


# One word of a term, escaped, with any apostrophe matching either kind
def _word_pattern(word: str) -> str:
    return _APOSTROPHE.sub(lambda _: TEXT_APOSTROPHE, re.escape(word))
