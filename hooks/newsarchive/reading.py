"""Reading: seed bytes -> SeedText.

Decodes a seed file whatever its encoding (a detector, not guesswork), repairs
mojibake, normalises line endings and removes control characters.  Bad input
raises `SeedError` naming the file and what is wrong; nothing here knows about
MkDocs.
"""
from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from pathlib import Path

import charset_normalizer
import ftfy

from .structure.article import SeedText

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# File endings read as text dumps; everything else in seeds/ is ignored explicitly.
SEED_SUFFIXES = (".txt",)

# Largest seed we accept (bytes); a real article dump is well under 1 MB.
MAX_SEED_BYTES = 5 * 1024 * 1024

# Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters that carry no text (keeps \n and \t).
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff\ufffe\uffff]")

# What ftfy may change: mis-decoded characters only; quotes, entities, widths stay as written.
_MOJIBAKE_REPAIR = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    normalization="NFC",
    explain=False,
)

# Multi-byte encodings the detector may not pick without a byte-order mark (checked separately).
_WIDE_ENCODINGS = ["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le"]

# Share of bytes that may be NUL or other non-text bytes before a file counts as binary.
_BINARY_BYTE_SHARE = 0.10


class SeedError(Exception):
    """A seed that cannot become an article; the message names the file and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


# -----------------------------------------------------------------------------
# Reading
# -----------------------------------------------------------------------------


# Whether a file in seeds/ is a seed at all (dot files, READMEs and other formats are not)
def is_seed_file(path: Path) -> bool:
    return path.suffix.lower() in SEED_SUFFIXES and not path.name.startswith((".", "_"))


# Read one seed file from disk; `display_path` is the name used in messages
def read_seed(path: Path, display_path: str | None = None) -> SeedText:
    shown = display_path or path.as_posix()
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SeedError(shown, f"cannot be read ({error.strerror or error})") from error
    return decode_seed(raw, shown)


# Decode seed bytes into normalised text, or raise SeedError saying why not
def decode_seed(raw: bytes, path: str) -> SeedText:
    if len(raw) > MAX_SEED_BYTES:
        raise SeedError(path, f"is {len(raw):,} bytes, over the {MAX_SEED_BYTES:,}-byte limit for one article")
    if not raw.strip():
        raise SeedError(path, "is empty")
    text, encoding = _decode(raw, path)
    repairs: list[str] = []
    fixed = ftfy.fix_text(text, config=_MOJIBAKE_REPAIR)
    if _visible(fixed) != _visible(text):
        repairs.append("repaired mis-decoded characters (mojibake)")
    text = _normalise_lines(fixed)
    if not text.strip():
        raise SeedError(path, "has no readable text")
    return SeedText(path=path, text=text, encoding=encoding, sha256=hashlib.sha256(raw).hexdigest(), repairs=tuple(repairs))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# Decode bytes with a byte-order mark, then strict UTF-8, then the detector's best guess
def _decode(raw: bytes, path: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise SeedError(path, f"starts with a {encoding} byte-order mark but is not valid {encoding}") from error
    utf16 = _utf16_without_bom(raw)
    if utf16:
        return raw.decode(utf16), utf16
    if _looks_binary(raw):
        raise SeedError(path, "is a binary file, not text")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(raw, cp_exclusion=_WIDE_ENCODINGS).best()
    if best is None:
        raise SeedError(path, "is not text in any encoding the reader recognises")
    encoding = _prefer_windows_1252(best.encoding)
    return raw.decode(encoding, errors="replace"), encoding


# Name of a UTF-16 encoding when the bytes look like BOM-less UTF-16 text (every other byte NUL)
def _utf16_without_bom(raw: bytes) -> str | None:
    sample = raw[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    for encoding, nuls, others in (("utf-16-le", odd_nuls, even_nuls), ("utf-16-be", even_nuls, odd_nuls)):
        if nuls > 0.4 and others < 0.05:
            try:
                raw.decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding
    return None


# Whether raw bytes are binary data rather than text in a single-byte or UTF-8 encoding
def _looks_binary(raw: bytes) -> bool:
    sample = raw[:65536]
    non_text = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return non_text / len(sample) > _BINARY_BYTE_SHARE


# Latin-1 and Windows-1252 differ only in 0x80-0x9F, where web text means 1252's quotes and dashes
def _prefer_windows_1252(encoding: str) -> str:
    return "cp1252" if encoding.replace("_", "-").lower() in {"latin-1", "latin1", "iso-8859-1", "ascii"} else encoding


# Unify line endings, drop control characters and trailing blanks on each line
def _normalise_lines(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL_CHARACTERS.sub("", text)
    text = unicodedata.normalize("NFC", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n") + "\n"


# Text without whitespace differences, to tell whether a repair changed any character
def _visible(text: str) -> str:
    return re.sub(r"\s+", "", text)
