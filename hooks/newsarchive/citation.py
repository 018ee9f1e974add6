"""Citation: "Cite this article" in Chicago style and BibTeX, from the article's metadata.

Uses the same facts as the page's JSON-LD (headline, authors, publication,
date) plus the archive URL of the page.  Author names are kept as written
(Korean names put the family name first; we cannot tell which names do, so we
never invert them).  Missing facts are left out the way the styles ask: no
author starts with the headline, no date is "n.d.", no publication is omitted.
"""
from __future__ import annotations

import html
import re
import unicodedata

from .escaping import escape_html
from .structure.article import Article

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# English month names and the BibTeX month macros.
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

# What BibTeX says for the copy we hold.
ARCHIVE_NOTE = "Archived copy"

# Characters BibTeX treats as syntax, and how to write them as text.
_BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}
_BIBTEX_SPECIAL = re.compile("|".join(re.escape(character) for character in _BIBTEX_SPECIALS))

# Words skipped when a citation key takes the first word of the headline.
_KEY_SKIP_WORDS = frozenset({"a", "an", "the", "and", "of", "on", "in", "to", "for"})

# A URL we can print as a link: http(s), no spaces or angle brackets.
_PRINTABLE_URL = re.compile(r"^https?://[^\s<>\"]+$")

# Double quotes inside a quoted headline become single quotes.
_INNER_QUOTES = str.maketrans({"“": "‘", "”": "’", '"': "'"})


# -----------------------------------------------------------------------------
# Citation
# -----------------------------------------------------------------------------


# Chicago notes-bibliography entry as plain text: Author. “Title.” Publication, Month D, YYYY. URL.
def chicago_citation(article: Article, url: str = "") -> str:
    return _chicago(article, url, escape=lambda text, line_start: text, italic=lambda text: text, link=lambda url: url)


# BibTeX @article entry with a deterministic key and every special character escaped
def bibtex_citation(article: Article, url: str = "") -> str:
    fields = [("title", "{" + bibtex_escape(article.title) + "}")]
    if article.authors:
        fields.append(("author", " and ".join("{" + bibtex_escape(name) + "}" for name in article.authors)))
    if article.publication:
        fields.append(("journal", bibtex_escape(article.publication.name)))
    if article.date:
        fields.append(("date", article.date.isoformat()))
        fields.append(("year", str(article.date.year)))
    lines = [f"@article{{{citation_key(article)},"]
    lines.extend(f"  {name} = {{{value}}}," for name, value in fields)
    if article.date:
        lines.append(f"  month = {_BIBTEX_MONTHS[article.date.month - 1]},")
    if url:
        lines.append(f"  url = {{{_bibtex_url(url)}}},")
    lines.append(f"  note = {{{ARCHIVE_NOTE}}}")
    return "\n".join(lines) + "\n}"


# Deterministic citation key: first author's whole name, year, first headline word ("kimmyongsong2016china")
def citation_key(article: Article) -> str:
    who = _ascii_word(article.authors[0] if article.authors else "") or (article.publication.slug.replace("-", "") if article.publication else "anon")
    when = str(article.date.year) if article.date else "nd"
    words = [_ascii_word(word) for word in article.title.split()]
    what = next((word for word in words if word and word not in _KEY_SKIP_WORDS), "")
    return f"{who}{when}{what}"


# The "Cite this article" block (collapsed, as Material's "quote" details) as an HTML block: the
# Chicago citation and the BibTeX entry, every text escaped
def citation_block_html(article: Article, url: str = "") -> str:
    chicago = _chicago(article, url, escape=lambda text, line_start: escape_html(text),
                       italic=lambda text: f"<em>{text}</em>", link=_html_link)
    bibtex = html.escape(bibtex_citation(article, url), quote=False)
    return (
        '<details class="quote">\n<summary>Cite this article</summary>\n'
        f"<p><strong>Chicago</strong></p>\n<p>{chicago}</p>\n<p><strong>BibTeX</strong></p>\n"
        f'<pre><code class="language-bibtex">{bibtex}</code></pre>\n</details>\n'
    )


# Text with BibTeX's special characters written as literals (whitespace collapsed)
def bibtex_escape(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(lambda match: _BIBTEX_SPECIALS[match.group(0)], " ".join(text.split()))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# A Chicago entry; `escape`, `italic` and `link` write seed text, the publication and the URL for the output
def _chicago(article: Article, url: str, *, escape, italic, link) -> str:
    parts = []
    if article.authors:
        parts.append(_sentence(escape(_name_list(article.authors), True)))
    parts.append(f"“{escape(_quoted_title(article.title), False)}”")
    publication = italic(escape(article.publication.name, False)) if article.publication else ""
    parts.append(_sentence(", ".join(part for part in (publication, _chicago_date(article)) if part)))
    if url:
        parts.append(link(url) + ".")
    return " ".join(parts)


# "A", "A and B", "A, B, and C"
def _name_list(names: list[str]) -> str:
    names = [" ".join(name.split()) for name in names]
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


# Text ending in a full stop, unless it already ends in one (initials: "Kim J.")
def _sentence(text: str) -> str:
    return text if text.endswith(".") else text + "."


# The headline inside Chicago's quotes: inner double quotes made single, final period added
def _quoted_title(title: str) -> str:
    title = " ".join(title.split()).translate(_INNER_QUOTES)
    return title if title.endswith((".", "?", "!")) else title + "."


# "August 5, 2016", or "n.d." when the date is unknown
def _chicago_date(article: Article) -> str:
    date = article.date
    return f"{MONTH_NAMES[date.month - 1]} {date.day}, {date.year}" if date else "n.d."


# A URL as a link when it is safe to print as one, else as escaped text
def _html_link(url: str) -> str:
    return f'<a href="{escape_html(url)}">{escape_html(url)}</a>' if _PRINTABLE_URL.match(url) else escape_html(url)


# A URL for BibTeX: braces and backslashes cannot be escaped in a url field, so they are percent-encoded
def _bibtex_url(url: str) -> str:
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


# Text reduced to lower-case ASCII letters and digits ("Kim Myong-song" -> "kimmyongsong")
def _ascii_word(word: str) -> str:
    ascii_word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]", "", ascii_word.lower())

