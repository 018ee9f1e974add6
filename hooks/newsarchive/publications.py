"""The editorial registry of known publications (data/publications.yml).

Editors own the YAML file; this module loads it, checks every entry (a broken
entry is reported with the file and the key that is wrong) and finds a
publication named in a piece of text, by its name or one of its aliases, as
whole words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .structure.article import Publication

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The registry shipped with the project.
DEFAULT_REGISTRY_FILE = Path(__file__).parent / "data" / "publications.yml"

# Keys an entry must have, and keys it may have.
_REQUIRED_KEYS = ("slug", "name")
_OPTIONAL_KEYS = ("url", "aliases")

# What a slug looks like.
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class RegistryError(ValueError):
    """A publications file that cannot be used, with the file and key at fault."""


@dataclass(frozen=True)
class _Entry:
    """One publication and the patterns that find it in text."""

    publication: Publication
    patterns: tuple[re.Pattern[str], ...]


class PublicationRegistry:
    """Known publications, found in text by name or alias."""

    def __init__(self, entries: list[_Entry]) -> None:
        self._entries = entries

    @classmethod
    def load(cls, path: Path = DEFAULT_REGISTRY_FILE) -> PublicationRegistry:
        """The registry read from a YAML file, every entry checked."""
        try:
            return cls.parse(Path(path).read_bytes(), path)
        except OSError as error:
            raise RegistryError(f"{path}: cannot read the publications registry: {error}") from error

    @classmethod
    def parse(cls, data: bytes, path: Path) -> PublicationRegistry:
        """The registry in a YAML file's bytes (`path` names it in messages), every entry checked."""
        try:
            document = yaml.safe_load(data.decode("utf-8"))
        except (UnicodeDecodeError, yaml.YAMLError) as error:
            raise RegistryError(f"{path}: cannot read the publications registry: {error}") from error
        if not isinstance(document, list):
            raise RegistryError(f"{path}: expected a list of publications at the top level")
        entries = [_parse_entry(raw, index, path) for index, raw in enumerate(document)]
        _check_unique_slugs(entries, path)
        return cls(entries)

    @property
    def publications(self) -> list[Publication]:
        """Every publication in the registry, in file order."""
        return [entry.publication for entry in self._entries]

    def find_in(self, text: str) -> Publication | None:
        """The publication named earliest in `text`, or None when none is."""
        found = self.find_all_in(text)
        return found[0] if found else None

    def named_by(self, text: str) -> Publication | None:
        """The publication whose name or alias is the whole of `text` ("Reuters"), or None."""
        text = text.strip()
        return next((entry.publication for entry in self._entries if any(pattern.fullmatch(text) for pattern in entry.patterns)), None)

    def find_all_in(self, text: str) -> list[Publication]:
        """Every publication named in `text`, in the order they first appear."""
        positions = []
        for entry in self._entries:
            starts = [match.start() for pattern in entry.patterns for match in [pattern.search(text)] if match]
            if starts:
                positions.append((min(starts), entry.publication))
        return [publication for _, publication in sorted(positions, key=lambda found: found[0])]


# The registry read from a YAML file (the project's own by default); the registry of the last load
# while the file's bytes are the same (`mkdocs serve` loads it again on every rebuild)
def load_publications(path: Path = DEFAULT_REGISTRY_FILE) -> PublicationRegistry:
    global _last_loaded
    try:
        source = (str(path), Path(path).read_bytes())
    except OSError:
        return PublicationRegistry.load(path)  # raises the RegistryError naming the file
    if _last_loaded is None or _last_loaded[0] != source:
        _last_loaded = (source, PublicationRegistry.parse(source[1], path))
    return _last_loaded[1]


# The last registry loaded in this process, with the file's name and bytes it came from.
_last_loaded: tuple[tuple[str, bytes], PublicationRegistry] | None = None


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# One checked registry entry; raises RegistryError naming the file, entry and key
def _parse_entry(raw: object, index: int, path: Path) -> _Entry:
    where = f"{path}: entry {index + 1}"
    if not isinstance(raw, dict):
        raise RegistryError(f"{where}: expected a mapping with keys {', '.join(_REQUIRED_KEYS)}")
    for key in _REQUIRED_KEYS:
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise RegistryError(f"{where}: key '{key}' is missing or not a text")
    where = f"{path}: publication '{raw['slug']}'"
    unknown = sorted(set(raw) - set(_REQUIRED_KEYS) - set(_OPTIONAL_KEYS))
    if unknown:
        raise RegistryError(f"{where}: unknown key '{unknown[0]}'")
    if not _SLUG.match(raw["slug"]):
        raise RegistryError(f"{where}: key 'slug' must be lowercase words joined by hyphens")
    url = raw.get("url") or ""
    if not isinstance(url, str):
        raise RegistryError(f"{where}: key 'url' must be a text")
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(alias, str) and alias.strip() for alias in aliases):
        raise RegistryError(f"{where}: key 'aliases' must be a list of names")
    publication = Publication(slug=raw["slug"], name=raw["name"].strip(), url=url.strip())
    names = [publication.name, *(alias.strip() for alias in aliases)]
    return _Entry(publication, tuple(_whole_words(name) for name in names))


# A pattern finding a name as whole words, case-insensitively, any spacing
def _whole_words(name: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(word) for word in name.split())
    return re.compile(rf"(?<![\w.-]){words}(?![\w-]|\.\w)", re.IGNORECASE)


# Raises RegistryError when two entries share a slug
def _check_unique_slugs(entries: list[_Entry], path: Path) -> None:
    seen: set[str] = set()
    for entry in entries:
        if entry.publication.slug in seen:
            raise RegistryError(f"{path}: publication '{entry.publication.slug}': key 'slug' is used twice")
        seen.add(entry.publication.slug)
