"""Overrides: an editor's corrections for one seed, in a sidecar file beside it.

`seeds/<seed-stem>.yml` sits next to `seeds/<seed-stem>.txt` and corrects
what the pipeline read from the dump, or files the article differently.  Every
key is optional; a key that is not in the schema is an error (a misspelt key
must not be silently ignored), and so is a value of the wrong kind.  Errors
are `OverrideError`s (a kind of `reading.SeedError`), whose message names the
override file and the key:

    # seeds/000_de70b2de4758b334.yml
    title: China Produces Fake North Korean Defectors   # the headline (text)
    date: 2016-08-05          # publication date, YYYY-MM-DD; null: the article is undated
    authors: [Kim Myong-song] # list of names (one name may be given as text); []: no byline
    author_role: Reporter     # the authors' role, e.g. "South Korea Correspondent"; "" clears it
    publication: chosun-ilbo  # slug (or name) from data/publications.yml; null: source unknown
    dateline: Seoul           # place the report was filed from; "" clears it
    standfirst: China is accused of ...  # the sentence or two under the headline; "" clears it
    article_type: analysis    # one of: news report, analysis, opinion, interview
    add_topics: [repatriation]     # topic slugs to file the article under (for the tagger)
    remove_topics: [human-rights]  # topic slugs the tagger must not file it under
    exclude: true             # build no page for this seed at all

Metadata keys are applied by `apply_override`; the topic keys and `exclude`
are exposed as fields for the tagger and the corpus.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from .publications import PublicationRegistry
from .reading import SeedError, name_suffix
from .structure.article import Article, Edit, Publication

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The file ending of an override file (beside a seed with the same stem).
OVERRIDE_SUFFIX = ".yml"

# Largest override file read, in bytes (a real one is a few lines).
MAX_OVERRIDE_BYTES = 64 * 1024

# The kinds of article an editor may set (the tagger's article types).
ARTICLE_TYPES = ("news report", "analysis", "opinion", "interview")

# Every key an override may have, with what its value must be (said in error messages).
SCHEMA = {
    "title": "a non-empty text",
    "date": "a date written YYYY-MM-DD, or null for an undated article",
    "authors": "a list of names (or one name as text)",
    "author_role": "a text",
    "publication": "the slug or name of a publication in data/publications.yml, or null for source unknown",
    "dateline": "a text",
    "standfirst": "a text",
    "article_type": f"one of: {', '.join(ARTICLE_TYPES)}",
    "add_topics": "a list of topic slugs",
    "remove_topics": "a list of topic slugs",
    "exclude": "true or false",
}

# What a topic slug looks like.
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# Article warnings an override settles, by key (a headline given by hand settles "no headline found").
_SETTLED_WARNINGS = {
    "title": re.compile(r"headline|title", re.IGNORECASE),
    "date": re.compile(r"\bdate", re.IGNORECASE),
    "authors": re.compile(r"author|byline", re.IGNORECASE),
    "publication": re.compile(r"publication|source", re.IGNORECASE),
}


class OverrideError(SeedError):
    """An override file that cannot be used; the message names the file and the key at fault."""

    def __init__(self, path: str, problem: str, key: str = "") -> None:
        super().__init__(path, f"key '{key}': {problem}" if key else problem)
        self.key = key


@dataclass(frozen=True)
class SeedOverride:
    """One seed's override file, checked: the keys it sets and their values."""

    path: str  # the override file, as shown to people ("seeds/000_x.yml")
    keys: frozenset[str] = frozenset()  # the keys the file sets (a key set to null counts)
    title: str | None = None
    date: dt.date | None = None
    authors: tuple[str, ...] = ()
    author_role: str = ""
    publication: str | None = None  # as written: a slug or a name; None with the key set means unknown
    dateline: str = ""
    standfirst: str = ""
    article_type: str = ""
    add_topics: tuple[str, ...] = ()  # for the tagger
    remove_topics: tuple[str, ...] = ()  # for the tagger
    exclude: bool = False  # for the corpus: build no page for the seed

    def sets(self, key: str) -> bool:
        """Whether the file sets `key` (to a value or to null)."""
        return key in self.keys


# -----------------------------------------------------------------------------
# Overrides
# -----------------------------------------------------------------------------


# Where a seed's override file is: same folder, same stem, ".yml"
def override_path_for(seed_path: Path) -> Path:
    return seed_path.with_suffix(OVERRIDE_SUFFIX)


# The name of a seed's override file, from the seed's name (as `override_path_for`)
def override_name_for(seed_name: str) -> str:
    return seed_name.removesuffix(name_suffix(seed_name)) + OVERRIDE_SUFFIX


# Whether a file in seeds/ is an override (a ".yml" beside a seed of the same stem), not a stray file
def is_override_file(path: Path) -> bool:
    return is_override_name(path.name, lambda name: (path.parent / name).is_file())


# Whether a name in seeds/ is an override's; `is_file(name)` says whether another name in the folder is a file
def is_override_name(name: str, is_file: Callable[[str], bool]) -> bool:
    return name_suffix(name) == OVERRIDE_SUFFIX and any(
        is_file(name.removesuffix(OVERRIDE_SUFFIX) + suffix) for suffix in (".txt", ".TXT")
    )


# The override in a file, checked; None when there is no such file; raises OverrideError
def load_override(path: Path, display_path: str | None = None) -> SeedOverride | None:
    shown = display_path or path.as_posix()
    if not path.is_file():
        return None
    document = _read_document(path, shown)
    if document is None:
        return SeedOverride(path=shown)
    if not isinstance(document, dict):
        raise OverrideError(shown, f"expected keys and values (a mapping) at the top level, found {_kind(document)}")
    for key in document:
        _check_known_key(key, shown)
    values = {key: _checked_value(key, value, shown) for key, value in document.items()}
    return SeedOverride(path=shown, keys=frozenset(document), **values)


# The article with the override's metadata keys applied, each change recorded as an edit
def apply_override(article: Article, override: SeedOverride, publications: PublicationRegistry) -> Article:
    changes: dict = {}
    if override.sets("title"):
        changes["title"] = override.title
    if override.sets("date"):
        changes["date"] = override.date
    if override.sets("authors"):
        changes["authors"] = list(override.authors)
    if override.sets("author_role"):
        changes["author_role"] = override.author_role
    if override.sets("publication"):
        changes["publication"] = _find_publication(override, publications)
    if override.sets("dateline"):
        changes["dateline"] = override.dateline
    if override.sets("standfirst"):
        changes["standfirst"] = override.standfirst
    if override.sets("article_type"):
        changes["article_type"] = override.article_type
    edits = [*article.edits, *_override_edits(article, changes)]
    warnings = [warning for warning in article.warnings if not _settled(warning, changes)]
    return dataclasses.replace(article, **changes, edits=edits, warnings=warnings)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# A safe loader that refuses a key given twice (PyYAML would keep the last one silently) and
# leaves dates as text, so that an impossible date is reported against its key
class _StrictLoader(yaml.SafeLoader):
    yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


# Build a mapping, raising on a repeated or unusable key
def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    mapping = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(None, None, "a key must be a plain word", key_node.start_mark)
        if key in mapping:
            raise yaml.constructor.ConstructorError(None, None, f"key '{key}' is given twice", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=deep)
    return mapping


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


# The YAML document in an override file; raises OverrideError for unreadable or malformed files
def _read_document(path: Path, shown: str) -> object:
    try:
        if path.stat().st_size > MAX_OVERRIDE_BYTES:
            raise OverrideError(shown, f"is larger than {MAX_OVERRIDE_BYTES:,} bytes; an override is a few lines")
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise OverrideError(shown, f"cannot be read ({error.strerror or error})") from error
    except UnicodeDecodeError as error:
        raise OverrideError(shown, "is not UTF-8 text") from error
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as error:
        raise OverrideError(shown, f"is not valid YAML: {_yaml_problem(error)}") from error
    except RecursionError as error:
        raise OverrideError(shown, "is not valid YAML: nested too deeply") from error


# A YAML error said in one line, with its line and column
def _yaml_problem(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    return f"{problem} (line {mark.line + 1}, column {mark.column + 1})" if mark else problem


# Raise OverrideError for a key that is not in the schema, suggesting the nearest known one
def _check_known_key(key: object, shown: str) -> None:
    if isinstance(key, str) and key in SCHEMA:
        return
    close = difflib.get_close_matches(str(key), list(SCHEMA), n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(SCHEMA)}"
    raise OverrideError(shown, f"unknown key ({hint})", key=str(key))


# A key's value checked and converted for SeedOverride; raises OverrideError naming the key
def _checked_value(key: str, value: object, shown: str) -> object:
    checked = _CHECKS[key](value)
    if checked is _INVALID:
        raise OverrideError(shown, f"must be {SCHEMA[key]}, found {_found(key, value)}", key=key)
    return checked


# What was found instead of a valid value: for a list key, the first item that does not fit
def _found(key: str, value: object) -> str:
    if key in _LIST_KEYS and isinstance(value, list):
        for item in value:
            if _CHECKS[key]([item]) is _INVALID:
                return f"{_kind(item)} in the list"
    return _kind(value)


# Keys whose value is a list.
_LIST_KEYS = ("authors", "add_topics", "remove_topics")


# Marks a value that does not fit its key.
_INVALID = object()


# A non-empty text, whitespace tidied
def _title(value: object) -> object:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else _INVALID


# A date from YAML (a date, or a text written YYYY-MM-DD), or None for undated
def _date(value: object) -> object:
    try:
        return yaml_date(value)
    except ValueError:
        return _INVALID


# An editor's date from YAML: a date, a datetime or a "YYYY-MM-DD" text; None when absent;
# ValueError when it is no date (shared with hand-written Markdown seeds)
def yaml_date(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value.strip())
    raise ValueError(f"{value!r} is not a date")


# A tuple of names: a list of non-empty texts, or one text
def _names(value: object) -> object:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(name, str) and name.strip() for name in value):
        return _INVALID
    return tuple(" ".join(name.split()) for name in value)


# A text, possibly empty (null counts as empty)
def _text(value: object) -> object:
    if value is None:
        return ""
    return " ".join(value.split()) if isinstance(value, str) else _INVALID


# A publication reference as written, or None for source unknown
def _publication(value: object) -> object:
    if value is None:
        return None
    return value.strip() if isinstance(value, str) and value.strip() else _INVALID


# One of the article types
def _article_type(value: object) -> object:
    return value.strip().lower() if isinstance(value, str) and value.strip().lower() in ARTICLE_TYPES else _INVALID


# A tuple of topic slugs
def _topics(value: object) -> object:
    if not isinstance(value, list) or not all(isinstance(slug, str) and _SLUG.match(slug) for slug in value):
        return _INVALID
    return tuple(value)


# True or false (YAML booleans only, not "yes" written as a text)
def _flag(value: object) -> object:
    return value if isinstance(value, bool) else _INVALID


# The check for each key's value.
_CHECKS = {
    "title": _title,
    "date": _date,
    "authors": _names,
    "author_role": _text,
    "publication": _publication,
    "dateline": _text,
    "standfirst": _text,
    "article_type": _article_type,
    "add_topics": _topics,
    "remove_topics": _topics,
    "exclude": _flag,
}


# What kind of YAML value something is, for error messages
def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value!r}" if len(value) <= 60 else "a long text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


# The registry publication the override names by slug or name; raises OverrideError when unknown
def _find_publication(override: SeedOverride, publications: PublicationRegistry) -> Publication | None:
    wanted = override.publication
    if wanted is None:
        return None
    for publication in publications.publications:
        if wanted == publication.slug or wanted.casefold() == publication.name.casefold():
            return publication
    raise OverrideError(
        override.path, f"'{wanted}' is not a publication in data/publications.yml (give its slug)", key="publication"
    )


# One edit per changed field, so the cleaner's record shows what the editor changed
def _override_edits(article: Article, changes: dict) -> list[Edit]:
    edits = []
    for key, value in changes.items():
        before, after = _shown(getattr(article, key)), _shown(value)
        if before != after:
            edits.append(Edit(line=0, rule=f"override:{key}", action="changed", before=before, after=after))
    return edits


# A field's value as text for the edit record
def _shown(value: object) -> str:
    if isinstance(value, Publication):
        return value.name
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


# Whether a warning is about something the override has now set by hand
def _settled(warning: str, changes: dict) -> bool:
    return any(pattern.search(warning) for key, pattern in _SETTLED_WARNINGS.items() if key in changes)
