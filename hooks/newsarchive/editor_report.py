"""The editor report: what the pipeline decided for every article, for people who check it.

An index page of the site, excluded from search and not in the navigation
(`editor/index.md`: the build's problems and one link per year), and one
plain HTML file per year (`editor/2016.html`) that MkDocs copies as it is.
Per article: the topics with their scores and evidence terms (filed or not),
capitalised phrases that match no vocabulary entry (as suggestions for the
vocabulary), and the cleaner's record of every line it removed or changed with
the rule that did it.  Private people named in the text appear only in the
command-line report (`python -m newsarchive report`), never on the site.

The year files are written here rather than as Markdown pages because they
grow with the archive (about 3 KB per article): through Python-Markdown and
the theme they cost ~3 ms per article, a third of the whole build at 10,000
articles, for pages only editors read.  All text in them is HTML-escaped.
"""
from __future__ import annotations

from .corpus import Corpus, PlacedArticle
from .escaping import escape_html, escape_markdown
from .listings import articles_by_year, relative_link, year_label
from .structure.article import derived_value
from .tagging import ArticleReview

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Source path of the report page.
REPORT_PAGE = "editor/index.md"


# Path of one year's report file
def year_report_path(year: str) -> str:
    return f"editor/{year}.html"


# Longest excerpt of a removed line shown in the report, in characters.
EXCERPT_LENGTH = 100

# The look of the year files (they are not themed pages): readable, light and dark.
_YEAR_REPORT_STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; background: #fff; }
a { color: #3344aa; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid #c8c8d0; padding: .2rem .5rem; text-align: left; vertical-align: top; }
code { font-size: .9em; }
.md-skip { position: absolute; left: -999rem; } .md-skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .3rem; }
@media (prefers-color-scheme: dark) {
  body { color: #e6e6ea; background: #1e2129; } a { color: #9fb0ff; } th, td { border-color: #4a4f5c; }
}
"""


# -----------------------------------------------------------------------------
# Report
# -----------------------------------------------------------------------------


# The report's pages, {source path: Markdown}: an index with the build's problems and one page per
# year of articles (so no page grows with the whole archive)
def report_pages(corpus: Corpus) -> dict[str, str]:
    by_year = articles_by_year(corpus.articles)
    pages = {REPORT_PAGE: report_index(corpus, by_year)}
    for year, placed in by_year.items():
        pages[year_report_path(year)] = year_report_html(year, placed, corpus)
    return pages


# The report's index page: the build's problems and one link per year (`by_year`: the corpus's articles
# grouped by `listings.articles_by_year`)
def report_index(corpus: Corpus, by_year: dict[str, list[PlacedArticle]]) -> str:
    index = _header("Editor report", "What the build decided for every article, for editors.")
    index += _problems(corpus)
    index.append("## Articles by year\n")
    index.extend(f"- [{year_label(year)}]({relative_link(year_report_path(year), REPORT_PAGE)}) ({len(placed)})" for year, placed in by_year.items())
    return "\n".join(index) + "\n"


# One year's report as a standalone HTML file: every article of the year with its review
def year_report_html(year: str, placed: list[PlacedArticle], corpus: Corpus) -> str:
    title = f"Editor report: {year_label(year)}"
    parts = [
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="robots" content="noindex">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{escape_html(title)}</title>\n'
        f'<style>{_YEAR_REPORT_STYLE}</style>\n</head>\n<body>\n<a class="md-skip" href="#report">Skip to content</a>\n'
        f'<main id="report">\n<h1>{escape_html(title)}</h1>\n'
        "<p>For editors: how the build read each seed. Correct an article with a sidecar override file "
        "(<code>seeds/NAME.yml</code>, see the README); add terms or entities to <code>hooks/newsarchive/data/</code>.</p>\n"
        '<p><a href="./">All years</a></p>\n'
    ]
    for item in placed:  # each article's part made once per article and page (a seed's review comes with its article)
        parts.append(derived_value(item.article, f"editor_report.html:{item.page_path}", lambda: _article_html(
            item, corpus.reviews.get(item.article.seed_path), year_report_path(year))))
    parts.append("</main>\n</body>\n</html>\n")
    return "".join(parts)


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


# One article's part of a year file (private people are never shown on the site)
def _article_html(placed: PlacedArticle, review: ArticleReview | None, from_file: str) -> str:
    article = placed.article
    parts = [
        f"<section>\n<h2>{escape_html(article.title)}</h2>\n"
        f'<p><a href="{escape_html(relative_link(placed.url, from_file))}">Article page</a> · seed '
        f"<code>{escape_html(article.seed_path)}</code> · type: {escape_html(article.article_type or 'unknown')}</p>\n"
        '<table>\n<thead><tr><th scope="col">topic</th><th scope="col">score</th><th scope="col">filed</th>'
        '<th scope="col">evidence</th></tr></thead>\n<tbody>\n'
    ]
    for score in review.topic_scores if review else ():
        evidence = ", ".join(f"{escape_html(term)} ×{count}" for term, count in score.evidence)
        parts.append(f"<tr><td>{escape_html(score.label)}</td><td>{score.score:.2f}</td>"
                     f"<td>{'yes' if score.filed else 'no'}</td><td>{evidence}</td></tr>\n")
    parts.append("</tbody>\n</table>\n")
    if review and review.suggestions:
        phrases = ", ".join(f"{escape_html(phrase)} ×{count}" for phrase, count in review.suggestions)
        parts.append(f"<p><strong>Not in the vocabulary:</strong> {phrases}</p>\n")
    if article.edits:
        parts.append(f"<details>\n<summary>Cleaner’s record: {len(article.edits)} lines removed or changed</summary>\n<ul>\n")
        parts.extend(f"<li>line {edit.line}, {escape_html(edit.action)} by <code>{escape_html(edit.rule)}</code>: "
                     f"{escape_html(_excerpt(edit.before))}</li>\n" for edit in article.edits)
        parts.append("</ul>\n</details>\n")
    parts.append("</section>\n")
    return "".join(parts)


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


# A line cut to a readable length
def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_LENGTH else text[:EXCERPT_LENGTH].rstrip() + "…"
