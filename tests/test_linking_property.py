"""Property: entity names grouped by their first character are found exactly as the plain alternation found them."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.linking import EntityMatcher, _surface_pattern

# Names sharing first letters, names that begin others, acronyms, and names beginning with escaped characters.
NAMES = [
    "China", "Chinese", "Chongjin", "Cheong Wa Dae", "North Korea", "North Korean Army", "North", "NIS", "NK",
    "Kim", "Kim Jong-un", "Kim Jong", "UN", "U.N.", "U.N", "UNHCR", "UN High Commissioner for Refugees",
    ".NET", "(Seoul)", "-Pyongyang", "Lee", "L.A.", "노동신문", "Ōsaka",
]
# Text pieces: the names in other cases and spacings, and what can come around them.
PIECES = [
    "China", "CHINA", "china", "Chinese", "Chongjin", "Cheong", "Wa", "Dae", "North", "NORTH", "Korea", "korean",
    "Army", "NIS", "nis", "NK", "Kim", "KIM", "Jong", "-un", "UN", "U.N.", "U.N", "UNHCR", "High", "Commissioner",
    "for", "Refugees", ".NET", "(Seoul)", "-Pyongyang", "Lee", "L.A.", "노동신문", "Ōsaka", "ōsaka",
    "Kim Jong-un", "KIM jong", "North Korean Army", "North  korea", "Cheong Wa Dae", "UN High Commissioner for Refugees",
    "-", "'", "’s", ".", "_", "x",
]


# The pattern as it was: one alternation of every surface pattern, longest name first
def reference_pattern(names: list[str]) -> re.Pattern[str]:
    forms = sorted(names, key=lambda form: (-len(form), form))
    return re.compile(rf"(?<![\w-])(?:{'|'.join(_surface_pattern(form) for form in forms)})(?![\w-])")


# Texts of pieces, mostly a space apart
texts = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from([" ", " ", " ", "", "\n", ", "])), max_size=20).map(
    lambda pieces: "".join(piece + separator for piece, separator in pieces)
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(NAMES), min_size=1, max_size=14, unique=True), texts)
def test_names_are_found_where_the_plain_alternation_found_them(names: list[str], text: str) -> None:
    matcher = EntityMatcher({name: f"entities/{index}.md" for index, name in enumerate(names)})
    assert [match.span() for match in matcher._pattern.finditer(text)] == [
        match.span() for match in reference_pattern(names).finditer(text)
    ]
