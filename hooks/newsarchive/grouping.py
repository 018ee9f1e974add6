"""Grouping: the corpus's articles by subject, kept up to date from one build to the next.

Listing pages show groups of articles (a topic's, an entity's, a source's, a
year's), each newest first.  A one-off build groups the whole corpus once.
Under `mkdocs serve` the groups of the last build are kept and updated for the
articles that came and went, so a rebuild after one edit touches only the
groups of that article.  A group that changes is a new list, never changed in
place: its identity says whether its pages must be made again.
"""
from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from .corpus import PlacedArticle, newest_first_key

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# An item of a group: an article, or an article with something about it (a mention count).
T = TypeVar("T")

# `entries_of(placed)`: the (group key, item) pairs one article adds, in order.
Entries = Callable[[PlacedArticle], Iterable[tuple[str, T]]]

# Above this share of the corpus arriving or leaving at once, groups are made afresh rather than updated.
REGROUP_SHARE = 0.1


# -----------------------------------------------------------------------------
# Grouping
# -----------------------------------------------------------------------------


# The items `entries_of` gives for each article, grouped by key, each group in the articles' order
def grouped(articles: Iterable[PlacedArticle], entries_of: Entries) -> dict[str, list[T]]:
    groups: dict[str, list[T]] = {}
    for placed in articles:
        for key, item in entries_of(placed):
            groups.setdefault(key, []).append(item)
    return groups


class Grouping(Generic[T]):
    """Items grouped by key, each group in corpus order (newest first); `groups` maps a key to its
    non-empty group.  `fill` groups a whole corpus; `change` updates the groups for the articles that
    left and arrived, replacing each group it changes with a new list.

    With `part_of`, each group is also kept in parts (`parts[key]`: part -> its items, in group order;
    the parts must be runs of the corpus order, as years are), a part that changes being a new list
    too; with `tally_of`, `tallies[key]` counts the values `tally_of` gives for the group's articles."""

    # Empty; `entries_of` says what each article adds, `placed_of` which article an item is
    def __init__(self, entries_of: Entries, placed_of: Callable[[T], PlacedArticle] = lambda item: item, *,
                 part_of: Callable[[PlacedArticle], str] | None = None,
                 tally_of: Callable[[PlacedArticle], Iterable[str]] | None = None) -> None:
        self.entries_of = entries_of
        self.placed_of = placed_of
        self.part_of = part_of
        self.tally_of = tally_of
        self.groups: dict[str, list[T]] = {}
        self.parts: dict[str, dict[str, list[T]]] = {}
        self.tallies: dict[str, Counter[str]] = {}

    # Every group made afresh from a corpus, in its order (a group or part with the same items as before
    # stays the very same list)
    def fill(self, articles: Iterable[PlacedArticle]) -> None:
        groups = grouped(articles, self.entries_of)
        before, parts_before = self.groups, self.parts
        self.groups = {key: self._kept(before.get(key), group) for key, group in groups.items()}
        if self.part_of:
            self.parts = {key: {part: self._kept(parts_before.get(key, {}).get(part), items)
                                for part, items in self._parts(group).items()} for key, group in groups.items()}
        self.tallies = {key: self._tally(group) for key, group in groups.items()} if self.tally_of else {}

    # The groups without the items of the articles that left and with those of the articles that arrived;
    # returns the keys of the groups that changed
    def change(self, left: list[PlacedArticle], arrived: list[PlacedArticle]) -> set[str]:
        leaving: dict[str, list[PlacedArticle]] = {}
        for placed in left:
            for key, _ in self.entries_of(placed):
                leaving.setdefault(key, []).append(placed)
        arriving = grouped(arrived, self.entries_of)
        changed = leaving.keys() | arriving.keys()
        for key in changed:
            gone, new = leaving.get(key, []), arriving.get(key, [])
            group = self._changed(self.groups.get(key, []), gone, new)
            if not group:
                for kept in (self.groups, self.parts, self.tallies):
                    kept.pop(key, None)
                continue
            self.groups[key] = group
            if self.part_of:
                self.parts[key] = self._changed_parts(self.parts.get(key, {}), gone, new)
            if self.tally_of:
                self.tallies[key] = self._changed_tally(self.tallies.get(key, Counter()), gone, new)
        return changed

    # A new list: a group without the items of the `gone` articles and with the `new` items in their places
    def _changed(self, group: list[T], gone: list[PlacedArticle], new: list[T]) -> list[T]:
        group = list(group)
        for placed in gone:
            self._remove(group, placed)
        for item in new:
            insort(group, item, key=self._order)
        return group

    # A group's parts after a change: the parts with a gone or new item made again, the others kept
    def _changed_parts(self, parts: dict[str, list[T]], gone: list[PlacedArticle],
                       new: list[T]) -> dict[str, list[T]]:
        parts = dict(parts)
        part_of = self.part_of
        for part in {part_of(placed) for placed in gone} | {part_of(self.placed_of(item)) for item in new}:
            changed = self._changed(parts.get(part, []), [placed for placed in gone if part_of(placed) == part],
                                    [item for item in new if part_of(self.placed_of(item)) == part])
            if changed:
                parts[part] = changed
            else:
                del parts[part]
        return dict(sorted(parts.items(), key=lambda entry: self._order(entry[1][0])))

    # A group's tally after a change (a new Counter, without values counted zero times)
    def _changed_tally(self, tally: Counter[str], gone: list[PlacedArticle], new: list[T]) -> Counter[str]:
        tally = Counter(tally)
        for placed in gone:
            tally.subtract(self.tally_of(placed))
        tally.update(value for item in new for value in self.tally_of(self.placed_of(item)))
        return +tally

    # A group's items by part, in group order
    def _parts(self, group: list[T]) -> dict[str, list[T]]:
        parts: dict[str, list[T]] = {}
        for item in group:
            parts.setdefault(self.part_of(self.placed_of(item)), []).append(item)
        return parts

    # How often each value occurs over a group's items
    def _tally(self, group: list[T]) -> Counter[str]:
        return Counter(value for item in group for value in self.tally_of(self.placed_of(item)))

    # The list kept from before when it has the same items as the new one (the same articles, each with
    # an equal item), else the new one
    def _kept(self, before: list[T] | None, group: list[T]) -> list[T]:
        placed_of = self.placed_of
        if before is not None and len(before) == len(group) and all(
                placed_of(old) is placed_of(new) and (old is new or old == new) for old, new in zip(before, group)):
            return before
        return group

    # Sort key of an item: its article's place in the corpus order
    def _order(self, item: T) -> tuple:
        return newest_first_key(self.placed_of(item))

    # Take an article's items out of a group (they sit together, where its sort key puts them)
    def _remove(self, group: list[T], placed: PlacedArticle) -> None:
        start = bisect_left(group, newest_first_key(placed), key=self._order)
        end = start
        while end < len(group) and self.placed_of(group[end]) is placed:
            end += 1
        del group[start:end]
