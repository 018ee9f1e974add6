"""Cite this article: Chicago and BibTeX from the article's metadata, safe for Markdown and BibTeX."""
from __future__ import annotations

import datetime as dt
import re

import markdown

from newsarchive.citation import bibtex_citation, bibtex_escape, chicago_citation, citation_block_html, citation_key
from samples import CHOSUN, article

URL = "https://archive.example.org/articles/2016/china-produces-fake-n-korean-defectors/"
EXTENSIONS = ["admonition", "pymdownx.details", "pymdownx.superfences", "pymdownx.escapeall", "md_in_html", "attr_list"]


def _chosun():
    return article("China Produces Fake N.Korean Defectors", authors=["Kim Myong-song"], publication=CHOSUN,
                   date=dt.date(2016, 8, 5))


def test_chicago_entry_for_a_complete_article():
    assert chicago_citation(_chosun(), URL) == (
        f"Kim Myong-song. “China Produces Fake N.Korean Defectors.” The Chosun Ilbo, August 5, 2016. {URL}."
    )


def test_chicago_without_author_date_source_or_url():
    bare = article("China and its North Korean Refugee Problem", date=None)
    assert chicago_citation(bare) == "“China and its North Korean Refugee Problem.” n.d."


def test_chicago_keeps_a_question_mark_and_turns_inner_quotes_single():
    piece = article("“Mass Exodus” of North Koreans: a Reality or Myth?", authors=["Konstantin Asmolov"])
    assert "“‘Mass Exodus’ of North Koreans: a Reality or Myth?” August 5, 2016." in chicago_citation(piece)


def test_chicago_lists_several_authors():
    assert chicago_citation(article("T", authors=["A B", "C D"])).startswith("A B and C D. ")
    assert chicago_citation(article("T", authors=["A B", "C D", "E F"])).startswith("A B, C D, and E F. ")


def test_bibtex_entry_fields_and_key():
    entry = bibtex_citation(_chosun(), URL)
    assert entry.startswith("@article{kimmyongsong2016china,\n")
    assert "  title = {{China Produces Fake N.Korean Defectors}},\n" in entry
    assert "  author = {{Kim Myong-song}},\n" in entry
    assert "  journal = {The Chosun Ilbo},\n" in entry
    assert "  date = {2016-08-05},\n  year = {2016},\n  month = aug,\n" in entry
    assert f"  url = {{{URL}}},\n" in entry
    assert entry.endswith("  note = {Archived copy}\n}")


def test_bibtex_escapes_special_characters_and_keeps_braces_balanced():
    hostile = article("50% of {brokers} & $money_#1 ~ ^ \\end", authors=["A & B"], publication=None, date=None)
    entry = bibtex_citation(hostile)
    assert r"50\% of \{brokers\} \& \$money\_\#1 \~{} \^{} \textbackslash{}end" in entry
    assert "journal" not in entry and "year" not in entry and "url" not in entry
    assert citation_key(hostile) == "ab" + "nd" + "50"
    unescaped = re.sub(r"\\[{}]", "", entry)
    assert unescaped.count("{") == unescaped.count("}")


def test_bibtex_key_without_author_uses_the_publication_or_anon():
    assert citation_key(article("The Border", publication=CHOSUN)) == "chosunilbo2016border"
    assert citation_key(article("The Border", date=None)) == "anonndborder"
    assert bibtex_escape("a\n  b") == "a b"


def test_citation_block_renders_as_a_collapsible_block_with_both_formats():
    block = citation_block_html(_chosun(), URL)
    html = markdown.markdown(block, extensions=EXTENSIONS)
    assert html == block.strip()  # an HTML block: Python-Markdown passes it through
    assert html.startswith('<details class="quote">\n<summary>Cite this article</summary>')
    assert "<em>The Chosun Ilbo</em>, August 5, 2016." in html
    assert f'<a href="{URL}">{URL}</a>.' in html
    code = html[html.index("<pre"):html.index("</pre>")]
    assert "@article{kimmyongsong2016china," in re.sub(r"<[^>]+>", "", code)


def test_citation_block_escapes_hostile_metadata():
    hostile = article("<script>alert(1)</script> *bold* ```", authors=["- [x](javascript:y)"], publication=None)
    html = markdown.markdown(citation_block_html(hostile, URL), extensions=EXTENSIONS)
    assert "<script>" not in html and "<em>bold</em>" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *bold*" in html
    assert "- [x](javascript:y)." in html
    assert "</code></pre>" in html and html.count("<pre>") == 1
