"""Hostile seed text and the checks that it stayed text: shared by the escaping, injection and fuzz tests."""
from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import markdown
from mkdocs.utils.meta import get_data

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The Markdown extensions of mkdocs.yml, for rendering pages without a build.
SITE_EXTENSIONS = ["admonition", "attr_list", "md_in_html", "footnotes", "pymdownx.escapeall", "toc"]

# Text an attacker (or an unlucky dump) puts in a seed, each of which must show on the page as typed.
PAYLOADS = {
    "script": '<script>alert("xss")</script>',
    "img-onerror": "<img src=x onerror=alert(1)>",
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "svg-onload": "<svg onload=alert(2)>",
    "javascript-link": "[click me](javascript:alert(3))",
    "markdown-image": "![tracker](https://evil.example/pixel.png)",
    "autolink": "<javascript:alert(4)>",
    "entity-lt": "&lt;b&gt;bold&lt;/b&gt;",
    "entity-amp": "Kim &amp; Lee &copy; &#60;i&#62;",
    "bare-ampersand": "AT&T R&D",
    "heading": "# Not a heading",
    "bullet": "* not a list",
    "numbered": "1986. was a year",
    "blockquote": "> not a quote",
    "backticks": "`code` and ```fence```",
    "table": "| a | b |\n|---|---|",
    "rule": "---",
    "setext": "Title\n===",
    "footnote": "claim[^1] and [^1]: note",
    "attr-list": '{: .evil onclick="alert(5)" }',
    "snippet": '--8<-- "/etc/passwd"',
    "emoji": ":smile: :material-home:",
    "jinja": "{{ config.site_name }} {% include 'x.html' %} {# c #}",
    "front-matter": "---\ntitle: Injected\n---",
    "html-comment": "<!-- archive:latest -->",
    "admonition": '!!! danger "Injected"',
    "details": "??? note",
    "toc-marker": "[TOC]",
    "emphasis": "*em* _em_ **strong** ~~del~~ ==mark== ^^ins^^",
    "backslash": "C:\\Windows\\ and \\*",
    "md-in-html": '<div markdown="1">*x*</div>',
}

# Attributes that take a URL.
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster"}

# Tags our pages never carry from seed text (the theme uses none of them).
_FORBIDDEN_TAGS = {"iframe", "img", "object", "embed", "frame", "frameset", "svg:script", "base"}

# The theme's own "share search" link, the only javascript: URL a page may have.
_THEME_JAVASCRIPT_URL = "javascript:void(0)"


# -----------------------------------------------------------------------------
# Checks
# -----------------------------------------------------------------------------


class _PageScanner(HTMLParser):
    """Collects what an HTML page would execute or load, and its visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self.scripts: list[tuple[dict, str]] = []
        self._in_script: dict | None = None
        self._script_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in _FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler attribute {name}= on <{tag}>")
            if name in _URL_ATTRIBUTES and value and _is_script_url(value):
                self.problems.append(f"{name}={value!r} on <{tag}>")
        if tag == "script":
            self._in_script, self._script_text = attributes, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._in_script, "".join(self._script_text)))
            self._in_script = None

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            self._script_text.append(data)
        else:
            self.text.append(data)


# Problems in an HTML page: elements, handlers, URLs or scripts that seed text must never produce
def html_problems(page: str) -> list[str]:
    scanner = _PageScanner()
    scanner.feed(page)
    scanner.close()
    problems = list(scanner.problems)
    for attributes, code in scanner.scripts:
        if attributes.get("type") == "application/ld+json":
            json.loads(code)  # seed text in JSON-LD is data: one valid JSON document, no "<" to end the script
            if "<" in code:
                problems.append(f"unescaped '<' inside JSON-LD: {code[:80]!r}")
        elif "alert(" in code or "evil.example" in code:
            problems.append(f"seed text inside a <script>: {code[:80]!r}")
        if attributes.get("src") and not re.match(r"^(/|(\.\./)*)(assets|search)/", attributes["src"]):
            problems.append(f"script loaded from {attributes['src']!r}")
    return problems


# The text a reader sees in an HTML fragment, whitespace collapsed
def visible_text(fragment: str) -> str:
    scanner = _PageScanner()
    scanner.feed(fragment)
    scanner.close()
    return " ".join("".join(scanner.text).split())


# The same text with whitespace collapsed, as it shows in a browser
def as_shown(text: str) -> str:
    return " ".join(text.split())


# A generated page split as MkDocs splits it: (Markdown body, front matter)
def split_page(page: str) -> tuple[str, dict]:
    return get_data(page)


# HTML for a Markdown page body (front matter dropped as MkDocs drops it), rendered with the site's extensions
def markdown_to_html(page: str) -> str:
    return markdown.markdown(split_page(page)[0], extensions=SITE_EXTENSIONS)


# Whether a URL would run script when followed (javascript:, vbscript:, data:text/html), case and spaces aside
def _is_script_url(value: str) -> bool:
    squeezed = re.sub(r"[\s\x00-\x1f]+", "", html.unescape(value)).lower()
    if squeezed == _THEME_JAVASCRIPT_URL:
        return False
    return squeezed.startswith(("javascript:", "vbscript:", "data:text/html"))
