"""Escaping: untrusted seed text -> Markdown that renders as the same literal text.

Seed text never becomes HTML, Markdown syntax, pymdownx syntax or template
code.  Every character that Markdown or an enabled extension could read as
syntax is written with a backslash escape (the site enables
`pymdownx.escapeall`, so any escaped character renders as itself), and `&`,
`<`, `>` become character references.
"""
from __future__ import annotations

import functools
import html
import re

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Characters that start inline syntax anywhere in a line (emphasis, code, links,
# attribute lists, tables, critic/mark/caret/tilde, keys, footnotes, abbreviations).
_INLINE_SYNTAX = re.compile(r"([\\`*_\[\]{}|~^=+#!:$])")

# Characters that start block syntax at the beginning of a line (lists, rules,
# admonitions, details, pymdownx blocks); quotes and tags are entities by then.
_LINE_START_SYNTAX = "-?/%"

# Any run of whitespace, line breaks included.
_WHITESPACE = re.compile(r"\s+")

# A number followed by "." or ")" at the start of a line would become a list item.
_ORDERED_LIST_START = re.compile(r"^(\d+)([.)])")


# -----------------------------------------------------------------------------
# Escaping
# -----------------------------------------------------------------------------


# Markdown for untrusted text that renders exactly as the text; `line_start` when it begins a line
# (remembered: listing pages escape the same headlines and names thousands of times)
@functools.lru_cache(maxsize=1 << 16)
def escape_markdown(text: str, *, line_start: bool = True) -> str:
    return markdown_of_html_text(escape_html_text(text, line_start=line_start), line_start=line_start)


# HTML text that shows exactly what `escape_markdown`'s Markdown renders as (article pages' content)
def escape_html_text(text: str, *, line_start: bool = True) -> str:
    return html.escape(one_line(text, line_start=line_start), quote=False)


# `escape_markdown`'s Markdown, from the text as `escape_html_text` gave it (for callers that need both)
def markdown_of_html_text(text: str, *, line_start: bool = True) -> str:
    text = _INLINE_SYNTAX.sub(r"\\\1", text)
    if line_start:
        text = _ORDERED_LIST_START.sub(r"\1\\\2", text)
        if text[:1] and text[:1] in _LINE_START_SYNTAX:
            text = "\\" + text
    return text


# The text on one line: newlines and indentation carry no meaning here; a line's leading spaces dropped
def one_line(text: str, *, line_start: bool = True) -> str:
    # Every whitespace character but the space is unprintable, so printable text without two spaces in a
    # row is already on one line (the common case, checked without the regex)
    if not (text.isprintable() and "  " not in text):
        text = _WHITESPACE.sub(" ", text)
    return text.lstrip() if line_start else text


# Text for an HTML attribute value or a template slot that prints it raw
def escape_html(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=True)
