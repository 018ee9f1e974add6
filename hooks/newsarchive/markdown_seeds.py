"""Hand-written seeds: an `.md` file with YAML front matter -> Article.

For articles an editor transcribes or summarises.  The front matter is
checked key by key (an unknown key, a missing title or a malformed date is a
`SeedError` naming the file and the key):

    ---
    title: Families of repatriated defectors plead with Beijing
    date: 2024-03-12                # YYYY-MM-DD
    authors: [Park Min-ji]          # or one name
    source: The Korea Herald        # publication name (found in the registry when it is there)
    url: https://www.koreaherald.com/view.php?ud=20240312000611
    topics: [forced-repatriation]   # optional: vocabulary topic slugs the tagger must file it under
    allow_html: false               # optional: let raw HTML in the body through
    ---

The body is the editor's Markdown.  Plain paragraphs, `#` headings and simple
bullet lists become the same blocks a text dump gives (so they are tagged,
linked and escaped like any other article); a block that uses Markdown
(emphasis, links, quotes, code, tables, footnotes, ordered or nested lists)
becomes a `MARKDOWN` block that the renderer emits as written, after this
module has escaped raw HTML (`<` outside code), attribute lists (`{`) and
link targets other than http(s), mailto and relative ones.  `allow_html:
true` lets raw HTML and attribute lists through; link targets are always
checked.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from urllib.parse import urlsplit

import yaml

from .overrides import yaml_date
from .publications import PublicationRegistry
from .reading import SeedError
from .structure.article import Article, Block, BlockKind, Publication, SeedText

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# File endings read as hand-written Markdown seeds.
MARKDOWN_SUFFIXES = (".md",)

# Front-matter keys: required, and optional.
REQUIRED_KEYS = ("title",)
OPTIONAL_KEYS = ("date", "authors", "source", "url", "topics", "allow_html")

# The front matter: a "---" line, YAML, a "---" (or "...") line, at the very start of the file.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL | re.MULTILINE)

# A fence opening or closing a fenced code block.
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")

# An ATX heading ("## Text ##").
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")

# A bullet list item line ("- text", "* text", "+ text").
_BULLET = re.compile(r"^[-*+][ \t]+(\S.*)$")

# Characters with a meaning in Markdown or an enabled extension anywhere in a line; text without
# them renders the same escaped or not, so it can be an ordinary (escaped, tagged, linked) block.
_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]{}<>&|~^=]")

# What starts block syntax at the beginning of a line (lists, quotes, headings, admonitions, tables,
# definition lists, indented code) or is a setext underline.
_LINE_START_SYNTAX = re.compile(r"^(?:[ \t]|[-+*>#|:!?/%]|\d+[.)]|=+[ \t]*$)")

# Raw HTML openers outside code, and the autolinks that are not HTML (<https://...>, <mailto:...>).
_ANGLE = re.compile(r"<")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^<>\s]*>", re.IGNORECASE)

# An inline code span: a run of backticks, anything, the same run.
_CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)", re.DOTALL)

# Link destinations: inline "](dest" and reference definitions "[id]: dest".
_INLINE_LINK_TARGET = re.compile(r"(\]\(\s*<?)((?:[^\s()<>]|\([^\s()<>]*\))*)")
_REFERENCE_TARGET = re.compile(r"^([ \t]{0,3}\[[^\]]+\]:[ \t]*<?)(\S*?)(>?)(?=[ \t]|$)", re.MULTILINE)

# YAML without implicit timestamps: a date stays text, so a bad one is reported with its key, not as broken YAML.
class _FrontMatterLoader(yaml.SafeLoader):
    """PyYAML's safe loader, reading dates as text."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# Link schemes allowed in an editor's Markdown (a link with no scheme is relative, and fine).
_SAFE_SCHEMES = ("http", "https", "mailto")

# A link target with a scheme ("javascript:", "data:"), once entities and invisible characters are gone.
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)


# -----------------------------------------------------------------------------
# Reading
# -----------------------------------------------------------------------------


# Whether a seed path is a hand-written Markdown seed (by its ending)
def is_markdown_seed(path: str) -> bool:
    return path.lower().endswith(MARKDOWN_SUFFIXES)


# One hand-written seed's text to its article, before tagging; SeedError names the file and the key at fault
def article_from_markdown(seed: SeedText, publications: PublicationRegistry) -> Article:
    front_matter, body = split_front_matter(seed)
    allow_html = _flag(front_matter, "allow_html", seed.path)
    blocks = markdown_blocks(body, allow_html=allow_html, first_line=seed.text.count("\n", 0, len(seed.text) - len(body)) + 1)
    if not blocks:
        raise SeedError(seed.path, "has front matter but no article text below it")
    source = _text_value(front_matter, "source", seed.path)
    url = _url_value(front_matter, seed.path)
    return Article(
        seed_path=seed.path,
        title=_text_value(front_matter, "title", seed.path),
        body=blocks,
        date=_date_value(front_matter, seed.path),
        authors=_names_value(front_matter, "authors", seed.path),
        publication=_publication(source, url, publications),
        source_url=url,
        editor_topics=_names_value(front_matter, "topics", seed.path),
    )


# The checked front matter and the Markdown body; SeedError for a missing, broken or unknown key
def split_front_matter(seed: SeedText) -> tuple[dict, str]:
    match = _FRONT_MATTER.match(seed.text)
    if not match:
        raise SeedError(seed.path, "has no front matter: start the file with a '---' line, the keys (title, date, ...), and a '---' line")
    try:
        front_matter = yaml.load(match.group(1), Loader=_FrontMatterLoader) or {}
    except yaml.YAMLError as error:
        raise SeedError(seed.path, f"front matter is not valid YAML ({' '.join(str(error).split())})") from error
    if not isinstance(front_matter, dict):
        raise SeedError(seed.path, "front matter must be keys and values (title: ..., date: ...)")
    unknown = sorted(str(key) for key in front_matter if key not in REQUIRED_KEYS + OPTIONAL_KEYS)
    if unknown:
        allowed = ", ".join(REQUIRED_KEYS + OPTIONAL_KEYS)
        raise SeedError(seed.path, f"front matter key '{unknown[0]}' is unknown (allowed: {allowed})")
    for key in REQUIRED_KEYS:
        if not isinstance(front_matter.get(key), str) or not front_matter[key].strip():
            raise SeedError(seed.path, f"front matter key '{key}' is missing or empty")
    return front_matter, seed.text[match.end() :]


# The body's blocks: plain paragraphs, headings and bullets as ordinary blocks, other Markdown as MARKDOWN blocks
# (`first_line`: the body's first line number in the seed, for the blocks' source lines)
def markdown_blocks(body: str, *, allow_html: bool = False, first_line: int = 1) -> list[Block]:
    blocks: list[Block] = []
    for chunk, chunk_line in _chunks(body):
        blocks.extend(_chunk_blocks(chunk, chunk_line + first_line - 1, allow_html))
    return blocks


# Markdown with raw HTML and attribute lists escaped outside code (unless allowed) and unsafe link targets made inert
def sanitise_markdown(markdown: str, *, allow_html: bool = False) -> str:
    pieces, inside_fence = [], ""
    for line in markdown.split("\n"):
        fence = _FENCE.match(line)
        if inside_fence:
            pieces.append(line)
            if fence and fence.group(1)[0] == inside_fence[0] and len(fence.group(1)) >= len(inside_fence):
                inside_fence = ""
        elif fence:
            inside_fence = fence.group(1)
            pieces.append(line)
        else:
            pieces.append(line if allow_html else _escape_outside_code_spans(line))
    return _safe_link_targets("\n".join(pieces))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# The body cut into Markdown chunks at blank lines (fenced code kept whole, indented continuations joined
# to the chunk before), each with its first 1-based line number in the body
def _chunks(body: str) -> list[tuple[str, int]]:
    chunks: list[tuple[list[str], int]] = []
    current: list[str] = []
    start, inside_fence, blank_before = 0, "", True
    for number, line in enumerate(body.split("\n"), start=1):
        fence = _FENCE.match(line)
        if inside_fence:
            current.append(line)
            if fence and fence.group(1)[0] == inside_fence[0] and len(fence.group(1)) >= len(inside_fence):
                inside_fence = ""
            continue
        if not line.strip():
            if current:
                chunks.append((current, start))
                current = []
            blank_before = True
            continue
        if not current:
            if blank_before and line[:1] in (" ", "\t") and chunks:
                previous, previous_start = chunks.pop()  # an indented continuation: it belongs to the chunk before
                current, start = previous + [""], previous_start
            else:
                start = number
        current.append(line)
        blank_before = False
        if fence:
            inside_fence = fence.group(1)
    if current:
        chunks.append((current, start))
    return [("\n".join(lines), first) for lines, first in chunks]


# The blocks of one chunk
def _chunk_blocks(chunk: str, first_line: int, allow_html: bool) -> list[Block]:
    lines = chunk.split("\n")
    where = (first_line, first_line + len(lines) - 1)
    heading = _HEADING.match(chunk) if len(lines) == 1 else None
    if heading and _is_plain(heading.group(2)):
        return [Block(BlockKind.SUBHEADING, heading.group(2).strip(), source_lines=where)]
    if heading:  # a heading with inline Markdown: kept as Markdown, never an h1 (the headline is the page's only h1)
        chunk = "#" * max(2, len(heading.group(1))) + " " + heading.group(2)
    bullets = [_BULLET.match(line) for line in lines]
    if all(bullets) and all(_is_plain(bullet.group(1)) for bullet in bullets):
        return [Block(BlockKind.LIST_ITEM, bullet.group(1).strip(), source_lines=(number, number))
                for number, bullet in enumerate(bullets, start=first_line)]
    if not heading and all(_is_plain(line) and not _LINE_START_SYNTAX.match(line) for line in lines):
        return [Block(BlockKind.PARAGRAPH, " ".join(line.strip() for line in lines), source_lines=where)]
    return [Block(BlockKind.MARKDOWN, sanitise_markdown(chunk, allow_html=allow_html), source_lines=where)]


# Whether text has no Markdown syntax inside a line (so escaping it changes nothing a reader sees)
def _is_plain(text: str) -> bool:
    return not _INLINE_SYNTAX.search(text)


# One line with "<" (but autolinks) and "{" escaped outside inline code spans
def _escape_outside_code_spans(line: str) -> str:
    pieces, position = [], 0
    for span in _CODE_SPAN.finditer(line):
        pieces.append(_escape_raw_html(line[position : span.start()]))
        pieces.append(span.group(0))
        position = span.end()
    pieces.append(_escape_raw_html(line[position:]))
    return "".join(pieces)


# Text with raw HTML and attribute lists made literal: "<" -> "&lt;" (autolinks kept), "{" -> "\{"
def _escape_raw_html(text: str) -> str:
    kept = {match.start(): match.group(0) for match in _AUTOLINK.finditer(text)}
    pieces, position = [], 0
    for start in sorted(kept):
        pieces.append(_ANGLE.sub("&lt;", text[position:start]).replace("{", "\\{"))
        pieces.append(kept[start])
        position = start + len(kept[start])
    pieces.append(_ANGLE.sub("&lt;", text[position:]).replace("{", "\\{"))
    return "".join(pieces)


# Markdown whose link targets with a scheme other than http(s)/mailto are replaced by "#"
def _safe_link_targets(markdown: str) -> str:
    markdown = _INLINE_LINK_TARGET.sub(lambda match: match.group(1) + _safe_target(match.group(2)), markdown)
    return _REFERENCE_TARGET.sub(lambda match: match.group(1) + _safe_target(match.group(2)) + match.group(3), markdown)


# A link target, or "#" when it would run code or load data ("javascript:", "data:", "vbscript:", ...)
def _safe_target(target: str) -> str:
    visible = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(target))
    scheme = _SCHEME.match(visible)
    return target if not scheme or scheme.group(1).lower() in _SAFE_SCHEMES else "#"


# A required or optional one-line text value ("" when absent)
def _text_value(front_matter: dict, key: str, path: str) -> str:
    value = front_matter.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise SeedError(path, f"front matter key '{key}' must be a text, not {_shape(value)}")
    return " ".join(value.split())


# A list of names or slugs, written as a list or as one text ([] when absent)
def _names_value(front_matter: dict, key: str, path: str) -> list[str]:
    value = front_matter.get(key)
    if value is None:
        return []
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(item, str) and item.strip() for item in values):
        raise SeedError(path, f"front matter key '{key}' must be a list of texts (or one text)")
    return [" ".join(item.split()) for item in values]


# The publication date: a YAML date or a "YYYY-MM-DD" text; None when absent
def _date_value(front_matter: dict, path: str) -> dt.date | None:
    value = front_matter.get("date")
    try:
        return yaml_date(value)
    except ValueError:
        raise SeedError(path, f"front matter key 'date': {str(value)!r} is not a date; write it as YYYY-MM-DD") from None


# The original's address: an http(s) URL, or "" when absent
def _url_value(front_matter: dict, path: str) -> str:
    url = _text_value(front_matter, "url", path)
    if url and (urlsplit(url).scheme.lower() not in ("http", "https") or not urlsplit(url).netloc):
        raise SeedError(path, f"front matter key 'url': {url!r} is not an http(s) address")
    return url


# A yes/no value (false when absent)
def _flag(front_matter: dict, key: str, path: str) -> bool:
    value = front_matter.get(key, False)
    if not isinstance(value, bool):
        raise SeedError(path, f"front matter key '{key}' must be true or false")
    return value


# The registry's publication named by `source`, else the one at the URL's host, else one by that name, else None
def _publication(source: str, url: str, publications: PublicationRegistry) -> Publication | None:
    found = publications.find_in(source) if source else None
    if found:
        return found
    host = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    for publication in publications.publications:
        if host and (urlsplit(publication.url).hostname or "").removeprefix("www.") == host:
            return publication
    if not source:
        return None
    slug = re.sub(r"[^a-z0-9]+", "-", source.lower()).strip("-") or "publication"
    return Publication(slug=slug, name=source, url=f"https://{urlsplit(url).netloc}/" if url else "")


# What kind of YAML value something is, for messages
def _shape(value: object) -> str:
    return {list: "a list", dict: "a mapping", bool: "true/false"}.get(type(value), type(value).__name__)
