"""Reading: seed bytes -> SeedText.

Seed files are untrusted.  The reader checks the size before reading a byte,
recognises binary files (images, archives, documents saved as .txt), decodes
text whatever its encoding (byte-order marks, UTF-8, UTF-16, then a detector
limited to the encodings this archive meets: Windows-1252/Latin-1 for Western
text and the Korean, Chinese and Japanese ones), repairs mojibake, unifies
line endings and removes control characters.  Bad input raises `SeedError`
naming the file and what is wrong; nothing here knows about MkDocs.
"""
from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from collections import Counter
from pathlib import Path

import charset_normalizer
import ftfy
import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-windows-1252" codec)

from .structure.article import SeedText

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# File endings read as seeds: text dumps, saved web pages (html_seeds.py) and hand-written
# Markdown (markdown_seeds.py); everything else in seeds/ is ignored explicitly.
SEED_SUFFIXES = (".txt", ".html", ".htm", ".md")

# The folder a browser saves beside a web page ("Page title_files/"): images, scripts, styles; never seeds.
SAVED_PAGE_FOLDER_SUFFIX = "_files"

# File names that are never seeds even with a seed ending ("README.txt", "readme.txt").
_NOT_SEED_NAMES = re.compile(r"^readme(\.|$)", re.IGNORECASE)

# Largest seed we accept (bytes), checked before reading: real article dumps are 2-50 KB, and
# the cleaner needs seconds per megabyte, so a larger file is a mistake (a book, a log, a binary).
MAX_SEED_BYTES = 1024 * 1024

# Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# File signatures of formats that are not text dumps, and how to name them to an editor.
_BINARY_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word, OpenDocument or EPUB file)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "a program (ELF executable)"),
)

# Encodings the detector may choose from: Western text and the CJK encodings of this archive's sources.
# (Unrestricted, the detector calls short Western text Central European or Cyrillic.)
_CANDIDATE_ENCODINGS = ["cp1252", "cp949", "gb18030", "big5", "cp932", "euc_jp"]

# Detector answers that mean Western single-byte text, all read as Windows-1252.
_WESTERN_ENCODINGS = {"cp1252", "windows-1252", "latin_1", "latin-1", "iso8859_1", "iso-8859-1", "ascii"}

# Windows-1252 that maps its five unassigned bytes as Latin-1 does, so no Western file fails to decode.
_WESTERN_CODEC = "sloppy-windows-1252"

# Bytes that never occur in text in our encodings (C0 controls but tab, line breaks and escape).
_NON_TEXT_BYTES = bytes(set(range(32)) - {9, 10, 11, 12, 13, 27})

# Share of such bytes in a file's first 64 KB above which it is binary data, not text.
_BINARY_BYTE_SHARE = 0.02

# Share of undecodable or unassigned characters above which decoded "text" is really noise.
_NOISE_CHARACTER_SHARE = 0.05

# Western text is at least 90% ASCII; when the detector refuses such a file it is read as Windows-1252.
_ASCII_BYTES = bytes(range(128))
_NON_ASCII_SHARE = 0.10

# At most this share of a UTF-8 file's non-ASCII bytes may be stray Windows-1252 bytes.
_STRAY_BYTE_SHARE = 0.10

# Characters that break a line: vertical tab, form feed, file/group/record separators, NEL, LS, PS.
_LINE_BREAK_CHARACTERS = re.compile(r"[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")

# Characters that carry no text: other C0/C1 controls, zero-width and bidirectional-override
# formatting (they can make text display differently from what it says), BOMs and non-characters.
_CONTROL_CHARACTERS = re.compile(
    r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff]"
)

# What ftfy may change: mis-decoded characters only; quotes, entities, ligatures, widths stay as written.
_MOJIBAKE_REPAIR = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    normalization="NFC",
    explain=False,
)


class SeedError(Exception):
    """A seed that cannot become an article; the message names the file and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


# -----------------------------------------------------------------------------
# Reading
# -----------------------------------------------------------------------------


# Whether a file in seeds/ is a seed at all (dot files, READMEs, other formats and anything inside
# a saved page's "NAME_files/" folder are not)
def is_seed_file(path: Path) -> bool:
    return is_seed_name(path.name, path.parent.name)


# Whether a file is a seed, from its name and its folder's name (no Path needed: seeds/ holds thousands)
def is_seed_name(name: str, folder_name: str) -> bool:
    return (
        name_suffix(name).lower() in SEED_SUFFIXES
        and not name.startswith((".", "_"))
        and not _NOT_SEED_NAMES.match(name)
        and not is_saved_page_folder_name(folder_name)
    )


# Whether a path is the folder of a saved web page's images, scripts and styles ("NAME_files")
def is_saved_page_folder(path: Path) -> bool:
    return is_saved_page_folder_name(path.name)


# Whether a name is that of a saved web page's folder
def is_saved_page_folder_name(name: str) -> bool:
    return name.lower().endswith(SAVED_PAGE_FOLDER_SUFFIX)


# A file name's last ending, as pathlib gives it ("a.b.txt" -> ".txt"; "", for ".txt" or "a.")
def name_suffix(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


# Read one seed file from disk (its size checked first); `display_path` is the name used in messages
def read_seed(path: Path, display_path: str | None = None) -> SeedText:
    shown = display_path or path.as_posix()
    try:
        _check_size(path.stat().st_size, shown)
        raw = path.read_bytes()
    except OSError as error:
        raise SeedError(shown, f"cannot be read ({error.strerror or error})") from error
    return decode_seed(raw, shown)


# Decode seed bytes into normalised text, or raise SeedError saying why not
def decode_seed(raw: bytes, path: str) -> SeedText:
    _check_size(len(raw), path)
    if not raw:
        raise SeedError(path, "is empty (0 bytes)")
    if not raw.strip():
        raise SeedError(path, "holds only whitespace, no text")
    text, encoding, repairs = _decode(raw, path)
    _check_not_noise(text, path)
    text = _unify_line_breaks(text)
    fixed = repair_mojibake(text)
    if _visible(fixed) != _visible(text):
        repairs.append("repaired mis-decoded characters (mojibake)")
    text, removed = _normalise_lines(fixed)
    if removed:
        repairs.append(f"removed {removed} control character{'s' if removed != 1 else ''}")
    if not text.strip():
        raise SeedError(path, "has no readable text (only whitespace or control characters)")
    sha256 = hashlib.sha256(raw).hexdigest()
    return SeedText(path=path, text=text, encoding=encoding, sha256=sha256, repairs=tuple(repairs))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# Raise SeedError for a file too large to be one article (checked before anything is decoded)
def _check_size(size: int, path: str) -> None:
    if size > MAX_SEED_BYTES:
        raise SeedError(path, f"is {size:,} bytes, over the {MAX_SEED_BYTES:,}-byte limit for one article")


# Text, encoding name and repair notes: byte-order mark, UTF-16, UTF-8, then the detector
def _decode(raw: bytes, path: str) -> tuple[str, str, list[str]]:
    bom_encoding = _bom_encoding(raw)
    if bom_encoding:
        return _decode_replacing(raw, bom_encoding)
    utf16 = _utf16_without_bom(raw)
    if utf16:
        return raw.decode(utf16), utf16, []
    binary_kind = _binary_kind(raw)
    if binary_kind:
        raise SeedError(path, f"is {binary_kind}, not a text dump")
    try:
        return raw.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(raw):
        return _utf8_with_western_bytes(raw)
    best = charset_normalizer.from_bytes(raw, cp_isolation=_CANDIDATE_ENCODINGS).best()
    if best is None and _mostly_ascii(raw):
        return raw.decode(_WESTERN_CODEC), "windows-1252", ["read bytes undefined in windows-1252 as latin-1"]
    if best is None:
        raise SeedError(path, "is not text in any encoding the reader recognises")
    if best.encoding.lower() in _WESTERN_ENCODINGS:
        return raw.decode(_WESTERN_CODEC), "windows-1252", []
    return _decode_replacing(raw, best.encoding)


# The encoding a byte-order mark at the start of the bytes announces, if any
def _bom_encoding(raw: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding
    return None


# Decode in a known encoding, replacing (and counting) bytes that do not fit it
def _decode_replacing(raw: bytes, encoding: str) -> tuple[str, str, list[str]]:
    text = raw.decode(encoding, errors="replace")
    replaced = text.count("\ufffd") - raw.decode(encoding, errors="ignore").count("\ufffd")
    notes = [f"replaced {replaced} undecodable byte sequence{'s' if replaced != 1 else ''}"] if replaced else []
    return text, encoding, notes


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


# What kind of binary file the bytes are ("a PNG image", "binary data"), or None for text
def _binary_kind(raw: bytes) -> str | None:
    for signature, kind in _BINARY_SIGNATURES:
        if raw.startswith(signature):
            return kind
    sample = raw[:65536]
    non_text = len(sample) - len(sample.translate(None, _NON_TEXT_BYTES))
    return "binary data" if non_text / len(sample) > _BINARY_BYTE_SHARE else None


# Whether bytes are UTF-8 with a few stray Windows-1252 bytes (a dump pasted together from two sources)
def _mostly_utf8(raw: bytes) -> bool:
    decoded = raw.decode("utf-8", errors="replace")
    stray = decoded.count("\ufffd") - raw.decode("utf-8", errors="ignore").count("\ufffd")
    multibyte_characters = sum(1 for character in decoded if character > "\x7f" and character != "\ufffd")
    return multibyte_characters > 0 and stray <= _STRAY_BYTE_SHARE * (multibyte_characters + stray)


# Whether bytes are mostly ASCII (Western text with a few odd bytes, which the detector may refuse)
def _mostly_ascii(raw: bytes) -> bool:
    return len(raw.translate(None, _ASCII_BYTES)) <= _NON_ASCII_SHARE * len(raw)


# UTF-8 text whose undecodable bytes are read as Windows-1252 characters
def _utf8_with_western_bytes(raw: bytes) -> tuple[str, str, list[str]]:
    pieces, position, stray = [], 0, 0
    while position < len(raw):
        try:
            pieces.append(raw[position:].decode("utf-8"))
            break
        except UnicodeDecodeError as error:
            end = position + error.end
            pieces.append(raw[position : position + error.start].decode("utf-8"))
            pieces.append(raw[position + error.start : end].decode(_WESTERN_CODEC))
            stray += error.end - error.start
            position = end
    return "".join(pieces), "utf-8", [f"read {stray} stray byte{'s' if stray != 1 else ''} as windows-1252"]


# ftfy's mojibake repair, line by line as ftfy.fix_text works, handing it only the lines that are not
# plain ASCII (which it can never change); the same text as ftfy.fix_text on the whole, without the
# eight passes ftfy makes over each plain line
def repair_mojibake(text: str) -> str:
    return "".join(
        line if _PLAIN_LINE.fullmatch(line) else ftfy.fix_text(line, config=_MOJIBAKE_REPAIR)
        for line in _LINE_WITH_BREAK.findall(text)
    )


# A line with its "\n", as ftfy.fix_text cuts text into segments (only "\n" breaks a segment).
_LINE_WITH_BREAK = re.compile(r"[^\n]*\n|[^\n]+")

# A line ftfy leaves as it is: printable ASCII and tabs, with its line break.
_PLAIN_LINE = re.compile(r"[\x20-\x7e\t]*\n?")


# Raise SeedError when decoded text is mostly undecodable or unassigned characters (binary in disguise)
def _check_not_noise(text: str, path: str) -> None:
    sample = text[:65536]
    unusual = Counter(_PLAIN_ASCII.sub("", sample))  # plain ASCII text is never noise; judge the rest once per character
    noise = sum(count for character, count in unusual.items() if _is_noise(character))
    if noise / max(len(sample), 1) > _NOISE_CHARACTER_SHARE:
        raise SeedError(path, "is not text in any encoding the reader recognises (binary data?)")


# Printable ASCII and ordinary whitespace: the bulk of any English seed.
_PLAIN_ASCII = re.compile(r"[\x20-\x7e\t\n\r]+")


# Whether a decoded character is noise: replacement, unassigned, private-use or a control character
def _is_noise(character: str) -> bool:
    if character in "\t\n\r\x0b\x0c":
        return False
    return character == "\ufffd" or unicodedata.category(character) in ("Cc", "Cn", "Co", "Cs")


# Every line ending and line-breaking character as "\n" (before repairs, which would drop some of them)
def _unify_line_breaks(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _LINE_BREAK_CHARACTERS.sub("\n", text)


# Drop control characters and trailing blanks, compose characters (NFC); also the count dropped
def _normalise_lines(text: str) -> tuple[str, int]:
    text = _unify_line_breaks(text)
    text, removed = _CONTROL_CHARACTERS.subn("", text)
    text = unicodedata.normalize("NFC", text)
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n") + "\n", removed


# Text without whitespace differences, to tell whether a repair changed any character
def _visible(text: str) -> str:
    return re.sub(r"\s+", "", text)
