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
from .addressing import UNDATED
from .listings import articles_by_year, relative_link
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


# The report's pages, {source path: Markdown}: an index with the build's problems and one page per
# year of articles (so no page grows with the whole archive)
def report_pages(corpus: Corpus) -> dict[str, str]:
    by_year = articles_by_year(corpus.articles)
    index = _header("Editor report", "What the build decided for every article, for editors.")
    index += _problems(corpus)
    index.append("## Articles by year\n")
    index.extend(f"- [{_year_label(year)}]({relative_link(_year_report_path(year), REPORT_PAGE)}) ({len(placed)})" for year, placed in by_year.items())
    pages = {REPORT_PAGE: "\n".join(index) + "\n"}
    for year, placed in by_year.items():
        path = _year_report_path(year)
        lines = _header(f"Editor report: {_year_label(year)}", "What the build decided for each article of one year.")
        lines.append(f"[All years]({relative_link(REPORT_PAGE, path)})\n")
        for item in placed:
            lines.extend(_article_section(item, corpus.reviews.get(item.article.seed_path), False, path))
        pages[path] = "\n".join(lines) + "\n"
    return pages


# The whole report as one document, private people included: for the command line, never the site
def full_report(corpus: Corpus) -> str:
    lines = _intro("Editor report") + _problems(corpus)
    for placed in corpus.articles:
        lines.extend(_article_section(placed, corpus.reviews.get(placed.article.seed_path), True, REPORT_PAGE))
    return "\n".join(lines) + "\n"


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# One article's part of the report
def _article_section(placed: PlacedArticle, review: ArticleReview | None, include_private: bool, from_page: str) -> list[str]:
    article = placed.article
    link = relative_link(placed.page_path, from_page)
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


# Front matter and heading of a report page (out of search, not for search engines)
def _header(title: str, description: str) -> list[str]:
    front_matter = ["---", f'title: "{title}"', f'description: "{description}"', "search:", "  exclude: true", "robots: noindex", "---\n"]
    return front_matter + _intro(title)


# The heading and the opening paragraph of the report
def _intro(title: str) -> list[str]:
    return [
        f"# {title}\n",
        "For editors: how the build read each seed. Correct an article with a sidecar override file "
        "(`seeds/NAME.yml`, see the README); add terms or entities to `hooks/newsarchive/data/`.\n",
    ]


# The build's problems and notes, as a section
def _problems(corpus: Corpus) -> list[str]:
    problems = corpus.problems + corpus.notes
    lines = ["## Build problems\n", *(f"- {escape_markdown(problem, line_start=False)}" for problem in problems)]
    lines.append("" if problems else "None.\n")
    return lines


# Source path of one year's report page
def _year_report_path(year: str) -> str:
    return f"editor/{year}.md"


# How a year folder is shown
def _year_label(year: str) -> str:
    return "Undated" if year == UNDATED else year


# A line cut to a readable length
def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_LENGTH else text[:EXCERPT_LENGTH].rstrip() + "…"
