"""The editor report: what the pipeline decided for every article, for people who check it.

A page of the site that is excluded from search and not in the navigation
(`editor/index.md`).  Per article: the topics with their scores and evidence
terms (filed or not), capitalised phrases that match no vocabulary entry (as
suggestions for the vocabulary), private people named in the text (only in
the command-line report, `python -m newsarchive report`: never on the site), and the cleaner's record of every line it
removed or changed with the rule that did it.  Problems of the whole build come
first.
"""
from __future__ import annotations

from .corpus import Corpus, PlacedArticle
from .escaping import escape_markdown
from .listings import relative_link
from .tagging import ArticleReview

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Source path of the report page.
REPORT_PAGE = "editor/index.md"

# Longest excerpt of a removed line shown in the report, in characters.
EXCERPT_LENGTH = 100


# -----------------------------------------------------------------------------
# Report
# -----------------------------------------------------------------------------


# The whole report page; private people are listed only when `include_private` (never on the site)
def report_page(corpus: Corpus, *, include_private: bool = False) -> str:
    lines = [
        "---",
        "title: Editor report",
        "description: What the build decided for every article, for editors.",
        "search:",
        "  exclude: true",
        "robots: noindex",
        "---\n",
        "# Editor report\n",
        "For editors: how the build read each seed. Correct an article with a sidecar override file "
        "(`seeds/NAME.yml`, see the README); add terms or entities to `hooks/newsarchive/data/`.\n",
        "## Build problems\n",
    ]
    problems = corpus.problems + corpus.notes
    lines.extend(f"- {escape_markdown(problem, line_start=False)}" for problem in problems)
    if not problems:
        lines.append("None.")
    lines.append("")
    for placed in corpus.articles:
        lines.extend(_article_section(placed, corpus.reviews.get(placed.article.seed_path), include_private))
    return "\n".join(lines) + "\n"


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# One article's part of the report
def _article_section(placed: PlacedArticle, review: ArticleReview | None, include_private: bool) -> list[str]:
    article = placed.article
    link = relative_link(placed.page_path, REPORT_PAGE)
    lines = [
        f"## {escape_markdown(article.title, line_start=False)}\n",
        f"[Article page]({link}) · seed `{article.seed_path}` · type: {article.article_type or 'unknown'}\n",
        "| topic | score | filed | evidence |",
        "| --- | --- | --- | --- |",
    ]
    for score in review.topic_scores if review else ():
        evidence = ", ".join(f"{escape_markdown(term, line_start=False)} ×{count}" for term, count in score.evidence)
        lines.append(f"| {escape_markdown(score.label, line_start=False)} | {score.score:.2f} | {'yes' if score.filed else 'no'} | {evidence} |")
    lines.append("")
    suggestions = review.suggestions if review else ()
    if suggestions:
        phrases = ", ".join(f"{escape_markdown(phrase, line_start=False)} ×{count}" for phrase, count in suggestions)
        lines.append(f"**Not in the vocabulary:** {phrases}\n")
    private = review.private_people if review and include_private else ()
    if private:
        names = ", ".join(f"{escape_markdown(person.name, line_start=False)} ×{person.count}" for person in private)
        lines.append(f"**Private people named (no page, not published):** {names}\n")
    if article.edits:
        lines.append(f'??? info "Cleaner’s record: {len(article.edits)} lines removed or changed"\n')
        for edit in article.edits:
            before = escape_markdown(_excerpt(edit.before), line_start=False)
            lines.append(f"    - line {edit.line}, {edit.action} by `{edit.rule}`: {before}")
        lines.append("")
    return lines


# A line cut to a readable length
def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_LENGTH else text[:EXCERPT_LENGTH].rstrip() + "…"
