"""Linking: the first mention of each known entity in an article's body becomes a link.

Entities come as a plain mapping `{surface form: target page path}` (a name
and each of its aliases mapping to the same target), so this module does not
depend on the vocabulary's classes.  Matching is on whole words; acronyms
(`UNHCR`, `NIS`) match only in capitals, other names match in any inner case
but must begin as the name does (so "china" the tableware never links).

The result is a set of character spans per block, which the renderer turns
into Markdown and HTML with `block_inline` together with the block's footnote
references.  Only running text is linked (paragraphs and list items, never
subheadings, captions, the headline or footnotes); a span never straddles a
footnote marker, never overlaps another span, and the link text is exactly the
matched text.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from .addressing import page_url_link, relative_link
from .escaping import escape_html_text, markdown_of_html_text
from .structure.article import Article, Block, BlockKind, derived_value

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Blocks whose text may carry entity links.
LINKABLE_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM})

# A surface form is an acronym when it has no lower-case letters and at least two capitals.
_ACRONYM = re.compile(r"^(?=(?:\W*[A-Z]){2})[^a-z]+$")


@dataclass(frozen=True, slots=True)
class Span:
    """Characters `start`..`end` of a block's text, to be linked to page `target`."""

    start: int
    end: int
    target: str  # page path from the site root, e.g. "entities/unhcr.md"


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of a block's text, linked to `target` or plain (`target` empty)."""

    text: str
    target: str = ""


class EntityMatcher:
    """Finds known entity names in text: whole words, longest name first at each position."""

    def __init__(self, surface_targets: Mapping[str, str]) -> None:
        forms = sorted((form for form in surface_targets if form.strip()), key=lambda form: (-len(form), form))
        self._targets = {_normalised(form): surface_targets[form] for form in forms}
        # Names what this matcher finds, for values derived with it (see `article_first_mentions`).
        self.key = hashlib.sha256(json.dumps([[form, surface_targets[form]] for form in forms]).encode()).hexdigest()[:16]
        alternatives = _by_first_character(_surface_pattern(form) for form in forms)
        self._pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])") if forms else None

    def spans(self, text: str) -> list[Span]:
        """Every non-overlapping mention in `text`, in order."""
        if self._pattern is None:
            return []
        return [
            Span(match.start(), match.end(), target)
            for match in self._pattern.finditer(text)
            if (target := self._target_of(match.group(0)))
        ]

    def _target_of(self, matched: str) -> str:
        """The target of matched text (its case and spacing may differ from the surface form)."""
        return self._targets.get(_normalised(matched), "")


# -----------------------------------------------------------------------------
# Linking
# -----------------------------------------------------------------------------


# Spans to link, by block index: the first mention of each target in the linkable blocks
def find_first_mentions(
    blocks: Sequence[Block], matchers: Mapping[str, str] | EntityMatcher, *, exclude_targets: frozenset[str] = frozenset()
) -> dict[int, list[Span]]:
    matcher = matchers if isinstance(matchers, EntityMatcher) else EntityMatcher(matchers)
    linked: set[str] = set(exclude_targets)
    found: dict[int, list[Span]] = {}
    for index, block in enumerate(blocks):
        if block.kind not in LINKABLE_KINDS:
            continue
        markers = [ref.offset for ref in block.footnote_refs]
        for span in matcher.spans(block.text):
            if span.target in linked or _straddles(span, markers):
                continue
            linked.add(span.target)
            found.setdefault(index, []).append(span)
    return found


# `find_first_mentions` over an article's body, computed once per article and matcher
def article_first_mentions(article: Article, matcher: EntityMatcher) -> dict[int, list[Span]]:
    return derived_value(article, f"linking.first_mentions.{matcher.key}", lambda: find_first_mentions(article.body, matcher))


# A block's text cut into plain and linked segments; joined, the segments are the text exactly
def split_segments(text: str, spans: Sequence[Span]) -> list[Segment]:
    segments, position = [], 0
    for span in sorted(spans, key=lambda span: span.start):
        if span.start < position:
            continue  # overlapping spans are a caller's mistake; the first one wins
        if span.start > position:
            segments.append(Segment(text[position : span.start]))
        segments.append(Segment(text[span.start : span.end], span.target))
        position = span.end
    if position < len(text):
        segments.append(Segment(text[position:]))
    return segments


# The block's inline Markdown (escaped text, entity links relative to `from_page`, footnote references),
# and its HTML exactly as Python-Markdown and MkDocs render that Markdown: entity links as directory-style
# URLs, footnote references as the footnotes extension writes them, showing `footnote_labels[number]`
# (the number itself when it has no label: the renderer then uses only the Markdown)
def block_inline(block: Block, spans: Sequence[Span], from_page: str,
                 footnote_labels: Mapping[int, int]) -> tuple[str, str]:
    markdown: list[str] = []
    html: list[str] = []
    for number, segments, line_start in _inline_pieces(block, spans):
        if number is not None:
            markdown.append(f"[^{number}]")
            label = footnote_labels.get(number, number)
            html.append(f'<sup id="fnref:{number}"><a class="footnote-ref" href="#fn:{number}">{label}</a></sup>')
            continue
        for index, segment in enumerate(segments):
            begins = line_start and index == 0 and not segment.target
            text = escape_html_text(segment.text, line_start=begins)
            if segment.target:
                markdown.append(f"[{markdown_of_html_text(text, line_start=False)}]({relative_link(segment.target, from_page)})")
                html.append(f'<a href="{page_url_link(segment.target, from_page)}">{text}</a>')
            else:
                markdown.append(markdown_of_html_text(text, line_start=begins))
                html.append(text)
    return "".join(markdown).rstrip(), "".join(html).rstrip()


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# The block's text in order, as (footnote number, None, False) for each footnote reference and
# (None, segments, begins the line) for each run of text between them
def _inline_pieces(block: Block, spans: Sequence[Span]) -> Iterator[tuple[int | None, list[Segment], bool]]:
    cuts = sorted({0, len(block.text), *(ref.offset for ref in block.footnote_refs)})
    references: dict[int, list[int]] = {}
    for ref in sorted(block.footnote_refs, key=lambda ref: (ref.offset, ref.number)):
        references.setdefault(ref.offset, []).append(ref.number)
    for start, end in zip(cuts, cuts[1:] + [len(block.text)]):
        for number in references.pop(start, []):
            yield number, [], False
        if start < end:
            inside = [_shifted(span, start) for span in spans if start <= span.start and span.end <= end]
            yield None, split_segments(block.text[start:end], inside), start == 0
    for remaining in references.values():
        for number in remaining:
            yield number, [], False


# Regex for one surface form (word boundaries go around all of them): any spacing; acronyms exact, names from their first letter
def _surface_pattern(form: str) -> str:
    words = r"\s+".join(re.escape(word) for word in form.split())
    if not _ACRONYM.match(form):
        head, rest = words[:1], words[1:]
        if head == "\\":  # the form starts with an escaped character: keep it whole
            head, rest = words[:2], words[2:]
        words = f"{head}(?i:{rest})" if rest else head
    return words


# Surface patterns as one alternation tried in the same order, those beginning with the same character
# sharing one branch ("C(?:hina|hongjin)"): at each place only that branch is entered, not every name
def _by_first_character(patterns: Iterable[str]) -> str:
    rests: dict[str, list[str]] = {}
    for pattern in patterns:
        head = pattern[:2] if pattern.startswith("\\") else pattern[:1]
        rests.setdefault(head, []).append(pattern[len(head):])
    return "|".join(head + (f"(?:{'|'.join(rest)})" if len(rest) > 1 else rest[0]) for head, rest in rests.items())


# A surface form or matched text reduced to what identifies it (case and spacing ignored)
def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


# Whether a footnote marker sits strictly inside the span (it would break the link)
def _straddles(span: Span, markers: list[int]) -> bool:
    return any(span.start < marker < span.end for marker in markers)


# A span moved to a piece of text that starts at `offset`
def _shifted(span: Span, offset: int) -> Span:
    return Span(span.start - offset, span.end - offset, span.target)
