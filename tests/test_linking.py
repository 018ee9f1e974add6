"""In-text entity links: the first mention of each entity in the running text, text unchanged."""
from __future__ import annotations

import markdown

from newsarchive.linking import EntityMatcher, Segment, Span, block_inline, find_first_mentions, split_segments
from newsarchive.structure.article import Block, BlockKind, FootnoteRef

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "footnotes", "pymdownx.escapeall"]

ENTITIES = {
    "UNHCR": "entities/unhcr.md",
    "UN High Commissioner for Refugees": "entities/unhcr.md",
    "North Korea": "entities/north-korea.md",
    "Korea": "entities/korea.md",
    "China": "entities/china.md",
    "NIS": "entities/nis.md",
}


def _paragraph(text: str, *refs: FootnoteRef) -> Block:
    return Block(BlockKind.PARAGRAPH, text, tuple(refs))


def _linked(spans_by_block, blocks):
    return {index: [blocks[index].text[span.start:span.end] for span in spans] for index, spans in spans_by_block.items()}


def test_only_the_first_mention_of_each_entity_is_linked():
    blocks = [_paragraph("China and North Korea share a border. China says so."), _paragraph("China again; UNHCR too.")]
    found = find_first_mentions(blocks, ENTITIES)
    assert _linked(found, blocks) == {0: ["China", "North Korea"], 1: ["UNHCR"]}
    assert found[0][1] == Span(10, 21, "entities/north-korea.md")


def test_aliases_count_as_the_same_entity():
    blocks = [_paragraph("The UN High Commissioner for Refugees spoke."), _paragraph("The UNHCR said nothing.")]
    assert _linked(find_first_mentions(blocks, ENTITIES), blocks) == {0: ["UN High Commissioner for Refugees"]}


def test_longest_name_wins_and_names_match_whole_words_only():
    blocks = [_paragraph("North Korean defectors reached South Korea via Chinatown and China's border.")]
    found = find_first_mentions(blocks, ENTITIES)
    assert _linked(found, blocks) == {0: ["Korea", "China"]}
    assert found[0][0].target == "entities/korea.md"


def test_acronyms_match_only_in_capitals_and_names_only_capitalised():
    blocks = [_paragraph("The nis and unhcr and fine china were mentioned; then the NIS and China.")]
    assert _linked(find_first_mentions(blocks, ENTITIES), blocks) == {0: ["NIS", "China"]}


def test_names_match_any_inner_case_and_spacing_keeping_the_text():
    blocks = [_paragraph("Officials of NORTH KOREA and North\u00a0 korea met.")]
    found = find_first_mentions(blocks, {"North Korea": "entities/north-korea.md"})
    assert _linked(found, blocks) == {0: ["NORTH KOREA"]}


def test_subheadings_captions_and_notes_are_never_linked():
    blocks = [
        Block(BlockKind.SUBHEADING, "China's policy"),
        Block(BlockKind.CAPTION, "A China border post"),
        Block(BlockKind.EDITORIAL_NOTE, "China table lost"),
        Block(BlockKind.LIST_ITEM, "China repatriates"),
    ]
    assert _linked(find_first_mentions(blocks, ENTITIES), blocks) == {3: ["China"]}


def test_a_mention_broken_by_a_footnote_marker_is_skipped_for_the_next_one():
    blocks = [_paragraph("North Korea says. North Korea again.", FootnoteRef(5, 1))]
    found = find_first_mentions(blocks, ENTITIES)
    assert found == {0: [Span(18, 29, "entities/north-korea.md")]}


def test_excluded_targets_and_an_empty_vocabulary_link_nothing():
    blocks = [_paragraph("China and UNHCR.")]
    assert _linked(find_first_mentions(blocks, ENTITIES, exclude_targets=frozenset({"entities/china.md"})), blocks) == {
        0: ["UNHCR"]
    }
    assert find_first_mentions(blocks, {}) == {}
    assert find_first_mentions(blocks, EntityMatcher(ENTITIES)) == find_first_mentions(blocks, ENTITIES)


def test_segments_join_back_to_the_exact_text():
    text = "China and North Korea share a border."
    spans = find_first_mentions([_paragraph(text)], ENTITIES)[0]
    segments = split_segments(text, spans)
    assert "".join(segment.text for segment in segments) == text
    assert segments[0] == Segment("China", "entities/china.md") and segments[1] == Segment(" and ")


# The block's inline Markdown, as the renderer writes it into the page
def block_markdown(block, spans, from_page):
    return block_inline(block, spans, from_page, {})[0]


def test_block_markdown_links_relatively_and_keeps_footnote_references():
    block = _paragraph("China [sic] and *North Korea* share a border.1 More.", FootnoteRef(45, 1))
    spans = find_first_mentions([block], ENTITIES)[0]
    text = block_markdown(block, spans, "articles/2016/story.md")
    assert "[China](../../entities/china.md)" in text
    assert "[North Korea](../../entities/north-korea.md)" in text
    assert "border.[^1]" in text
    html = markdown.markdown(text + "\n\n[^1]: A note.", extensions=EXTENSIONS)
    assert '<a href="../../entities/china.md">China</a> [sic] and *<a href="../../entities/north-korea.md">North Korea</a>*' in html
    assert 'href="#fn:1"' in html


def test_block_markdown_without_spans_matches_plain_escaping():
    block = _paragraph("1. Not a list [x](y) <b>", FootnoteRef(2, 2))
    text = block_markdown(block, [], "articles/2016/story.md")
    html = markdown.markdown(text + "\n\n[^2]: Note.", extensions=EXTENSIONS)
    assert html.startswith("<p>1.<sup")
    assert "Not a list [x](y) &lt;b&gt;" in html


def test_hostile_entity_text_stays_text_inside_the_link():
    block = _paragraph("The *Ministry_of_[State]* spoke.")
    spans = find_first_mentions([block], {"*Ministry_of_[State]*": "entities/mss.md"})[0]
    html = markdown.markdown(block_markdown(block, spans, "articles/2016/story.md"), extensions=EXTENSIONS)
    assert '<a href="../../entities/mss.md">*Ministry_of_[State]*</a>' in html
