"""The article data model that flows through the pipeline.

seed bytes -> SeedText (reading) -> CleanedText (cleaning) -> Article (metadata)
-> Markdown (rendering).  Every stage takes one of these and returns the next;
none of them knows about MkDocs.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import TypeVar

T = TypeVar("T")

# -----------------------------------------------------------------------------
# Reading
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SeedText:
    """A seed file decoded to text, with what the reader had to repair."""

    path: str  # as shown to people, e.g. "seeds/000_de70b2de4758b334.txt"
    text: str  # decoded, normalised to "\n" line endings, control characters removed
    encoding: str  # the encoding the bytes were decoded from
    sha256: str  # hash of the raw bytes (cache keys, duplicate detection)
    repairs: tuple[str, ...] = ()  # human-readable notes: "repaired mojibake", ...


# -----------------------------------------------------------------------------
# Cleaning
# -----------------------------------------------------------------------------


class BlockKind(str, Enum):
    """What a block of article text is, as the reader should see it."""

    PARAGRAPH = "paragraph"
    SUBHEADING = "subheading"  # an in-article section heading
    LIST_ITEM = "list_item"  # a bullet the author wrote (not page furniture)
    CAPTION = "caption"  # a photo caption, shown once, as a caption
    EDITORIAL_NOTE = "editorial_note"  # our note, e.g. "a table was not preserved"
    MARKDOWN = "markdown"  # an editor's trusted Markdown (hand-written seeds), raw HTML already escaped


@dataclass(frozen=True, slots=True)
class FootnoteRef:
    """A footnote marker inside a block: `number` sits at character `offset`."""

    offset: int
    number: int


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of article body text, its words exactly as written."""

    kind: BlockKind
    text: str
    footnote_refs: tuple[FootnoteRef, ...] = ()
    source_lines: tuple[int, int] = (0, 0)  # first and last 1-based line in the seed


@dataclass(frozen=True, slots=True)
class Line:
    """One logical line of a seed: wrapped pieces joined, indentation and bullet taken off."""

    number: int  # first 1-based line in the seed
    last: int  # last 1-based line in the seed (differs when wrapped lines were joined)
    text: str  # the words, as written
    marker: str = ""  # the bullet or number it carried: "•", "*", "1.", ...
    kind: BlockKind = BlockKind.PARAGRAPH  # what the cleaner judged it to be


@dataclass
class CleanedText:
    """A seed with its page furniture taken out: the main content and what surrounds it."""

    seed_path: str
    before: list[Line]  # lines above the main content (headline, byline, date live here)
    body: list[Line]  # the main content, in order, furniture removed
    after: list[Line]  # lines below the main content (author note, "Posted on", credits)
    furniture: list[Line] = field(default_factory=list)  # lines removed as furniture
    edits: list[Edit] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Footnote:
    """A numbered note from the end of the article."""

    number: int
    text: str


@dataclass(frozen=True, slots=True)
class Edit:
    """One decision of the cleaner: a line removed or changed, and the rule that did it."""

    line: int  # 1-based line number in the decoded seed text
    rule: str  # name of the rule, e.g. "share-widget", "digit-run"
    action: str  # "removed", "changed", "moved" (to metadata, captions, footnotes)
    before: str
    after: str = ""


# -----------------------------------------------------------------------------
# Metadata and the article
# -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Publication:
    """A publication from the registry (hooks/newsarchive/data/publications.yml)."""

    slug: str
    name: str
    url: str = ""


@dataclass(frozen=True, slots=True)
class TopicMatch:
    """A topic the article is filed under, with the evidence for it."""

    slug: str
    label: str
    score: float
    evidence: tuple[str, ...] = ()  # the match terms found


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A known person, place or organisation the article names."""

    slug: str
    name: str
    kind: str  # "person", "place", "organisation"
    count: int


@dataclass
class Article:
    """A clean article: what the site shows for one seed."""

    seed_path: str  # "seeds/000_de70b2de4758b334.txt"
    title: str
    body: list[Block]
    standfirst: str = ""  # the sentence or two under the headline, apart from the text
    date: dt.date | None = None
    authors: list[str] = field(default_factory=list)
    author_role: str = ""  # "South Korea Correspondent"
    publication: Publication | None = None
    dateline: str = ""  # "Shenyang, China"
    credits: list[str] = field(default_factory=list)  # "Photography by John Flawed"
    footnotes: list[Footnote] = field(default_factory=list)
    author_note: str = ""
    edits: list[Edit] = field(default_factory=list)
    # Filled by tagging (hooks/newsarchive/tagging.py); empty until then.
    article_type: str = ""  # "news report", "analysis", "opinion", "interview"
    topics: list[TopicMatch] = field(default_factory=list)  # most relevant first
    entities: list[EntityMention] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # problems worth an editor's look
    # The original page's address (a saved page's canonical URL, a hand-written seed's `url`), "" if unknown.
    source_url: str = ""
    # Topic slugs an editor filed a hand-written seed under (front matter `topics`); corpus passes them
    # to the tagger as added topics.
    editor_topics: list[str] = field(default_factory=list)
    # Values later stages compute from this article alone (reading time, terms, link spans), kept with
    # it so the seed cache stores them and no build computes them twice; see `derived_value`.  Not an
    # __init__ argument, so `dataclasses.replace` gives a changed article an empty one.
    derived: dict[str, object] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def paragraphs(self) -> list[Block]:
        """The blocks that are the author's running text."""
        return [b for b in self.body if b.kind is BlockKind.PARAGRAPH]

    @property
    def summary(self) -> str:
        """A one-line summary: the standfirst, else the first sentence of the first paragraph."""
        if self.standfirst:
            return self.standfirst
        for block in self.paragraphs:
            return first_sentence(block.text)
        return ""


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# A value computed from the article alone, once: `compute()` on the first call for `key`, kept in
# `article.derived` after that (keys name the stage: "timeline.reading_minutes").  Articles are never
# changed in place; a changed article is a new one (`dataclasses.replace`) without the old values.
def derived_value(article: Article, key: str, compute: Callable[[], T]) -> T:
    try:
        return article.derived[key]  # type: ignore[return-value]
    except KeyError:
        value = article.derived[key] = compute()
        return value


# First sentence of a paragraph, cut at a word boundary when very long
def first_sentence(text: str, limit: int = 240) -> str:
    match = re.search(r"^(.{40,}?[.!?][\"”’)]?)(?=\s+[A-Z“\"‘(])", text)
    sentence = match.group(1) if match else text
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0] + "…"
    return sentence
