"""Caching: each seed's finished article, kept between builds.

Under `mkdocs serve` an edit to one seed rebuilds the site; reading, cleaning
and tagging the other thousands of seeds again would be wasted work.  Each
seed's result (its tagged article, or the problem it has, and its notes) is
stored under a key made of the seed's path and bytes, its override file's bytes, and the
version of the pipeline: the hash of every source and data file of this
package, so any change to the code, the vocabulary or the registry makes every
entry stale.  The cache is a plain folder of files that is safe to delete; an
entry that cannot be read is ignored and rebuilt.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .structure.article import Article
from .tagging import ArticleReview

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The package whose files make up the pipeline's version.
PACKAGE_DIR = Path(__file__).resolve().parent

# Which of its files count: code and editorial data.
VERSIONED_SUFFIXES = (".py", ".yml", ".yaml")

# How many hex digits of the pipeline version name its folder in the cache.
VERSION_FOLDER_LENGTH = 16


@dataclass
class SeedResult:
    """What one seed gave: its article (None when it gives no page) and its messages."""

    article: Article | None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    review: ArticleReview | None = None  # the editor's view of its tagging


# -----------------------------------------------------------------------------
# Cache
# -----------------------------------------------------------------------------


class SeedCache:
    """A folder of seed results, one file per key; `None` folder: no caching.

    With `remember`, results also stay in this process's memory between builds (`mkdocs serve`
    builds again in the same process after each change), and a seed file whose size, modification
    time and inode are those it had when its key was computed keeps that key without being read
    again: a rebuild then reads, hashes and unpickles only the seeds that changed."""

    def __init__(self, folder: Path | None, version: str | None = None, *, remember: bool = False) -> None:
        self.version = version or pipeline_version()
        # One subfolder per pipeline version; older versions' entries can never be read again, so they go.
        self.folder = folder / self.version[:VERSION_FOLDER_LENGTH] if folder is not None else None
        if folder is not None:
            _remove_other_versions(folder, self.version[:VERSION_FOLDER_LENGTH])
        self.remember = remember
        self.hits = 0
        self._used: set[str] = set()

    # The key of a seed file (and its override file, None when there is none), or "" when the seed is too
    # large to be worth reading
    def file_key(self, path: str | Path, shown: str, override: str | Path | None, max_bytes: int) -> str:
        try:
            signature = (self.version, _stat_signature(path), _stat_signature(override) if override is not None else ())
            if self.remember and (known := _keys_by_file.get(shown)) and known[0] == signature:
                return known[1]
            if not signature[1] or signature[1][1] > max_bytes:
                return ""
            key = self.key(shown, Path(path).read_bytes(), Path(override).read_bytes() if signature[2] else b"")
        except OSError:
            return ""
        if self.remember:
            _keys_by_file[shown] = (signature, key)
        return key

    # The key of one seed's result: its path (results name it), its bytes, its override's bytes
    # and the pipeline version
    def key(self, seed_path: str, seed_bytes: bytes, override_bytes: bytes) -> str:
        digest = hashlib.sha256(self.version.encode("ascii"))
        for part in (seed_path.encode("utf-8"), seed_bytes, override_bytes):
            digest.update(len(part).to_bytes(8, "big"))
            digest.update(part)
        return digest.hexdigest()

    # The stored result for a key, or None when there is none (or it cannot be read)
    def get(self, key: str) -> SeedResult | None:
        if self.remember and key in _remembered:
            self._used.add(key)
            self.hits += 1
            return _remembered[key]
        if self.folder is None:
            return None
        try:
            result = pickle.loads((self.folder / key[:2] / key).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None
        if not isinstance(result, SeedResult):
            return None
        self.hits += 1
        self._keep(key, result)
        return result

    # Store a result under its key (written atomically: a half-written entry is never read)
    def put(self, key: str, result: SeedResult) -> None:
        self._keep(key, result)
        if self.folder is None:
            return
        path = self.folder / key[:2] / key
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(path)


    # Forget the remembered results this build did not use (deleted or changed seeds)
    def forget_unused(self) -> None:
        if self.remember:
            for key in set(_remembered) - self._used:
                del _remembered[key]

    # Remember a result in this process when asked to
    def _keep(self, key: str, result: SeedResult) -> None:
        if self.remember:
            _remembered[key] = result
            self._used.add(key)


# Results kept in this process between builds, by key (see SeedCache's `remember`).
_remembered: dict[str, SeedResult] = {}

# Each seed's key as last computed in this process, with the stat signature its files had then.
_keys_by_file: dict[str, tuple[tuple, str]] = {}


# Delete the cache's folders of other pipeline versions (and anything else in it)
def _remove_other_versions(folder: Path, keep: str) -> None:
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        if entry.name != keep:
            shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink(missing_ok=True)


# What identifies a file's version without reading it: size, modification time (ns), inode; () if absent
def _stat_signature(path: str | Path) -> tuple:
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return ()
    return (status.st_ino, status.st_size, status.st_mtime_ns)


# The pipeline's version: a hash of every code and data file of the package
def pipeline_version(package_dir: Path = PACKAGE_DIR) -> str:
    digest = hashlib.sha256()
    for path in sorted(package_dir.rglob("*")):
        if path.suffix in VERSIONED_SUFFIXES and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package_dir).as_posix().encode("utf-8") + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()
