"""Fuzzing the whole per-seed path (read -> clean -> metadata -> render) with random and hostile input.

Whatever the bytes, only `SeedError` may escape; what comes out is UTF-8 Markdown; and rendered with
the site's Markdown extensions it carries no script, frame, image, javascript: link or event handler.
"""
from __future__ import annotations

import codecs
import functools
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsarchive.pipeline import article_from_text
from newsarchive.publications import PublicationRegistry, load_publications
from newsarchive.reading import SeedError, decode_seed
from newsarchive.rendering import render_article
from untrusted import PAYLOADS, html_problems, markdown_to_html

# Moderate example counts: the suite runs on 2 CI cores.
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Lines a dump is made of: prose, headline, byline, date, furniture, and every hostile payload.
PROSE = [
    "North Korean defectors who reach China face arrest and forced return if the police find them, activists said.",
    "The brokers charge the families of the defectors thousands of dollars for the journey through China.",
    "Human rights groups have urged Beijing for years to stop sending the defectors back across the border.",
]
FURNITURE = ["Share on Facebook", "Tweet", "Related Articles", "Copyright © The Chosun Ilbo", "Previous Next", "• 1", "Menu"]
HEADER = ["China Produces Fake N.Korean Defectors", "By Kim Myong-song", "August 05, 2016 08:26", "SEOUL, South Korea --"]
LINES = PROSE + FURNITURE + HEADER + list(PAYLOADS.values())

# How a dump may be encoded.
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1", "cp949", "gb18030"]

# What must never reach the HTML, checked on the raw markup as well as parsed.
_DANGEROUS_MARKUP = re.compile(r"<(script|iframe|img|object|embed)\b|<[a-z][^>]*\son\w+\s*=|href\s*=\s*[\"']?\s*javascript:", re.I)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# The publications registry, read once
@functools.cache
def _publications() -> PublicationRegistry:
    return load_publications()


# Raw bytes through the whole path; returns the Markdown page, or None for a refused seed
def _through_pipeline(raw: bytes) -> str | None:
    try:
        seed = decode_seed(raw, "seeds/fuzz.txt")
        article = article_from_text(seed, _publications())
    except SeedError:
        return None
    page = render_article(article)
    page.encode("utf-8")  # strict: no lone surrogates or other unencodable text
    return page


# Assert that a Markdown page renders to HTML without anything that runs or loads
def _assert_inert(page: str) -> None:
    page_html = markdown_to_html(page)
    assert _DANGEROUS_MARKUP.search(page_html) is None, _DANGEROUS_MARKUP.search(page_html).group(0)
    assert html_problems(page_html) == []


# A dump: random lines from LINES and random text, random line endings and blank lines
@st.composite
def dumps(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=80)), min_size=1, max_size=25))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    separators = draw(st.lists(st.sampled_from([newline, newline * 2, newline + "    "]), min_size=len(pieces), max_size=len(pieces)))
    return "".join(piece + separator for piece, separator in zip(pieces, separators))


# -----------------------------------------------------------------------------
# Tests
# -----------------------------------------------------------------------------


@FUZZ
@given(raw=st.binary(max_size=4000))
@example(raw=b"")
@example(raw=codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone surrogate
@example(raw=b"\xef\xbb\xbf\x00\x00\x00")
def test_random_bytes_give_a_page_or_a_seed_error(raw):
    page = _through_pipeline(raw)
    if page is not None:
        _assert_inert(page)


@FUZZ
@given(text=dumps(), encoding=st.sampled_from(ENCODINGS))
def test_random_dumps_of_hostile_lines_in_any_encoding_render_inertly(text, encoding):
    page = _through_pipeline(text.encode(encoding, errors="replace"))
    if page is not None:
        _assert_inert(page)


@FUZZ
@given(text=dumps(), noise=st.binary(min_size=1, max_size=40), position=st.floats(0, 1))
def test_dumps_with_binary_noise_spliced_in_render_inertly(text, noise, position):
    raw = text.encode("utf-8")
    cut = int(len(raw) * position)
    page = _through_pipeline(raw[:cut] + noise + raw[cut:])
    if page is not None:
        _assert_inert(page)


@settings(max_examples=60, deadline=None)
@given(payload=st.sampled_from(list(PAYLOADS.values())), filler=st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_a_hostile_headline_and_body_always_render_inertly(payload, filler):
    text = "\n\n".join([f"Defectors {payload} {filler}".replace("\n", " "), "By Jane Doe", "August 5, 2016",
                        f"{PROSE[0]} {payload} {filler}", PROSE[1], f"{payload} {PROSE[2]}"])
    page = _through_pipeline(text.encode("utf-8"))
    if page is not None:
        _assert_inert(page)
