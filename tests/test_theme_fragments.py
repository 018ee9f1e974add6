"""The hook renders a theme fragment once for all the pages that would render it alike.

Material renders its tabs, navigation, search box and settings on every page; for pages outside the
navigation they depend only on where the page sits, so `archive_hook._theme_fragment` keeps them by
that.  Whole sites built with and without the cache are compared in test_page_content.py.
"""
from __future__ import annotations

from types import SimpleNamespace

import archive_hook
import pytest

# The navigation: its pages by URL (the home page is "").
NAV = SimpleNamespace(pages=[SimpleNamespace(url=url, active=False) for url in ("", "topics/", "articles/", "about/")])


# The template context of a page at `url`
def _context(url: str, base_url: str) -> dict:
    return {"page": SimpleNamespace(url=url), "nav": NAV, "base_url": base_url}


# A fragment's caller that counts how often the theme rendered it
class _Caller:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        return f"<nav>{self.calls}</nav>"


@pytest.fixture(autouse=True)
def _no_fragments(monkeypatch):
    monkeypatch.setattr(archive_hook, "_fragments", {})
    monkeypatch.setattr(archive_hook, "_last_place", (None, None))
    monkeypatch.delenv(archive_hook.UNCACHED_THEME_VARIABLE, raising=False)


def test_pages_at_the_same_place_share_a_fragment():
    caller = _Caller()
    first = archive_hook._theme_fragment(_context("articles/2016/one/", "../../.."), "nav", caller)
    second = archive_hook._theme_fragment(_context("articles/2016/two/", "../../.."), "nav", caller)
    assert first == second == "<nav>1</nav>" and caller.calls == 1


def test_pages_that_see_the_navigation_differently_do_not():
    caller = _Caller()
    archive_hook._theme_fragment(_context("articles/2016/one/", "../../.."), "nav", caller)
    archive_hook._theme_fragment(_context("topics/china/page/2/", "../../../.."), "nav", caller)
    archive_hook._theme_fragment(_context("places/china/", "../.."), "nav", caller)
    archive_hook._theme_fragment(_context("topics/china/", "../.."), "nav", caller)  # "topics/" is ".." from here
    assert caller.calls == 4


def test_fragments_of_different_names_are_kept_apart():
    nav, tabs = _Caller(), _Caller()
    archive_hook._theme_fragment(_context("articles/2016/one/", "../../.."), "nav", nav)
    archive_hook._theme_fragment(_context("articles/2016/one/", "../../.."), "tabs", tabs)
    assert nav.calls == tabs.calls == 1


def test_a_page_in_the_navigation_renders_its_own():
    caller = _Caller()
    for _ in range(2):
        archive_hook._theme_fragment({"page": NAV.pages[1], "nav": NAV, "base_url": ".."}, "nav", caller)
    assert caller.calls == 2


def test_an_active_entry_changes_the_fragment(monkeypatch):
    caller = _Caller()
    archive_hook._theme_fragment(_context("articles/2016/one/", "../../.."), "nav", caller)
    monkeypatch.setattr(NAV.pages[2], "active", True)
    archive_hook._theme_fragment(_context("articles/2016/two/", "../../.."), "nav", caller)
    assert caller.calls == 2


def test_the_variable_turns_the_cache_off(monkeypatch):
    monkeypatch.setenv(archive_hook.UNCACHED_THEME_VARIABLE, "1")
    caller = _Caller()
    for _ in range(2):
        archive_hook._theme_fragment(_context("articles/2016/one/", "../../.."), "nav", caller)
    assert caller.calls == 2
