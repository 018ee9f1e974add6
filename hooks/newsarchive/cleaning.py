"""Cleaning: SeedText -> CleanedText.

A copied web page becomes logical lines (wrapped lines of a text-mode browser
dump joined again, bullets and indentation taken off), every line gets a score
(running text scores up, menus, labels and widgets score down), and the run of
lines with the largest total is the main content (as in BTE and jusText's
context smoothing).  Furniture inside that run is removed by named rules (the
line rules of `furniture`, then rules over runs of lines: headline lists,
truncated teasers, lists under a promo label, cards of other stories), lists
the author wrote (data lists, lists introduced with a colon) are kept, repeated
captions are kept once as captions, and a table the dump lost becomes an
editorial note.  Glued junk (digit runs, form fields, hover cards) is cut out of
a line without losing its words.  Every line removed or changed is recorded as
an `Edit`.
"""
from __future__ import annotations

import re
from dataclasses import replace

from . import settings
from .furniture import COMMENT_THREAD_RULE, CREDIT_WORDS, GLUED_DIGIT_RUN, caption_credit, furniture_rule
from .structure.article import BlockKind, CleanedText, Edit, Line, SeedText

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Common English function words: prose is full of them, menus and headlines are not.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having he
    her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor
    not now of off on once only or other our ours out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up very was we were what
    when where which while who whom why will with would you your yours yourself said says say since though
    although however among within without according may might must shall yet still even""".split()
)

# Bullets and numbers that open a line of a dump ("•", lynx "*", "+", "o", "1.").
_MARKER = re.compile(r"^(?P<marker>[•·▪■□☆★►▸‣◦*+]|o(?=\s)|[-–—](?=\s)|\d{1,3}[.)](?=\s))\s*")

# A line that ends like a sentence (closing quotes, brackets and a footnote digit allowed).
_SENTENCE_END = re.compile(r"[.!?…][\"”’'»)\]]*\d{0,2}$|[\"”’]$")

# A text-mode browser's input field ("____________") glued to a line of text.
_FORM_FIELD_RUN = re.compile(r"\s*_{4,}\s*")

# Image placeholders a text browser prints for pictures ("[lazyload-p]", "[gif]", "[Associated]") glued
# to the text that follows them; a bracketed number is a footnote's marker, not a picture.
_GLUED_IMAGE_PLACEHOLDERS = re.compile(r"(?:\[(?!\d+\])[^\[\]\s][^\[\]]{0,80}\])+(?=[A-Z“\"‘'])")

# The lead picture's caption above the first paragraph: at most this many lines (caption, credit), at most
# this many lines apart (blank lines between).
LEAD_CAPTION_MAX_LINES, LEAD_CAPTION_MAX_GAP = 2, 3

# A byline's first word.
_BYLINE_START = re.compile(r"by\b", re.I)

# A line cut off with an ellipsis, as link lists shorten the headlines of other stories.
_TRUNCATED = re.compile(r"(…|\.\.\.)\s*$")

# A linked name printed twice without a space, then its hover card (other headlines) up to "MORE".
_HOVER_CARD = re.compile(
    r"(?P<name>\b[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})(?P=name)(?=[A-Z\W])(?P<card>.{1,%d}?)\s+MORE\b\s*"
    % settings.HOVER_CARD_MAX_CHARS
)

# Characters that are not part of a word, and a letter (for word tests in hot loops).
_NON_WORD = re.compile(r"\W")
_LETTER = re.compile(r"[^\W\d_]")

# What our note says where the dump lost a table.
LOST_TABLE_NOTE = "A table in the source was not preserved in this copy of the article."

# -----------------------------------------------------------------------------
# Stage
# -----------------------------------------------------------------------------


# The seed with its furniture taken out, every removal recorded
def clean(seed: SeedText) -> CleanedText:
    edits: list[Edit] = []
    lines, blank_runs = _logical_lines(seed.text)
    lines = [_repair_glued_digits(line, edits) for line in lines]
    lines = [_repair_glued_form_field(line, edits) for line in lines]
    lines = [_repair_hover_text(line, edits) for line in lines]
    lines = [_repair_glued_image_placeholders(line, edits) for line in lines]
    rules = [furniture_rule(line.text) for line in lines]
    rules = _mark_lost_tables(lines, rules, blank_runs)
    scores = [_line_score(line, rule) for line, rule in zip(lines, rules)]
    start, end = _main_content_region(scores)
    start, end = _widened_for_short_articles(lines, rules, start, end)
    start, end = _extend_over_furniture(lines, rules, start, end)
    end = _end_before_comment_thread(lines, rules, start, end)
    start = _first_prose_line(lines, rules, start, end)
    start = _extend_back_over_prose(lines, rules, start)
    start = _extend_back_over_lead_caption(lines, rules, start)
    author_lists = _data_list_lines(lines, rules) | _introduced_list_lines(lines, rules)
    end = _extend_over_author_list(author_lists, start, end)
    rules = _mark_headline_lists(lines, rules, start, end, author_lists)
    rules = _mark_truncated_teasers(lines, rules, start, end)
    rules = _mark_promoted_lists(lines, rules, start, end)
    rules = _mark_teaser_runs(lines, rules, start, end, author_lists)
    keys = [_comparable(line.text) for line in lines]
    before, body, after, furniture = [], [], [], []
    for index, (line, rule) in enumerate(zip(lines, rules)):
        inside = start <= index < end
        if rule == "lost-table" and inside:
            body.append(_lost_table_note(line, edits))
            continue
        if rule:
            furniture.append(line)
            edits.append(Edit(line.number, rule, "removed", line.text))
            continue
        if not inside:
            (before if index < start else after).append(line)
            edits.append(Edit(line.number, "outside-main-content", "removed", line.text))
            continue
        kept = _judge_body_line(index, lines, keys, edits, index in author_lists)
        if kept:
            body.append(kept)
    warnings = [] if body else ["no article text found"]
    return CleanedText(seed.path, before, body, after, furniture, edits, warnings)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# Logical lines of the dump and, per line, how many blank lines came before it
def _logical_lines(text: str) -> tuple[list[Line], list[int]]:
    raw_lines = [raw.rstrip() for raw in text.split("\n")]
    width = _wrap_width(raw_lines)
    lines: list[Line] = []
    blank_runs: list[int] = []
    blanks, previous_raw = 0, ""
    for number, raw in enumerate(raw_lines, start=1):
        if not raw.strip():
            blanks, previous_raw = blanks + 1, ""
            continue
        match = _MARKER.match(raw.strip())
        marker = match.group("marker") if match else ""
        words = raw.strip()[match.end():] if match else raw.strip()
        if lines and not blanks and not marker and width and _continues(previous_raw, words, width):
            last = lines[-1]
            lines[-1] = replace(last, last=number, text=f"{last.text} {words}")
        else:
            lines.append(Line(number, number, words, marker))
            blank_runs.append(blanks)
        blanks, previous_raw = 0, raw
    blank_runs.append(blanks)  # blank lines after the last line
    return lines, blank_runs


# The column a hard-wrapped dump was wrapped at, or 0 when lines were not wrapped
def _wrap_width(raw_lines: list[str]) -> int:
    lengths = sorted(len(raw) for raw in raw_lines if raw.strip())
    if not lengths:
        return 0
    for width in sorted(set(lengths), reverse=True)[: settings.WRAP_WIDTHS_TRIED]:
        overlong = sum(1 for length in lengths if length > width)
        if overlong > settings.WRAP_MAX_OVERLONG_SHARE * len(lengths):
            return 0
        continued = _full_lines_continued(raw_lines, width)
        long_lines = sum(1 for length in lengths if length >= width / 2)
        if (
            width >= settings.WRAP_MIN_WIDTH
            and continued >= settings.WRAP_MIN_FULL_LINES
            and continued >= settings.WRAP_MIN_FULL_SHARE * long_lines
        ):
            return width
    return 0


# How many lines reach (nearly) `width` and go on in the very next line (the mark of a wrapped paragraph)
def _full_lines_continued(raw_lines: list[str], width: int) -> int:
    return sum(
        1
        for raw, following in zip(raw_lines, raw_lines[1:])
        if width - settings.WRAP_SLACK <= len(raw) <= width and following.strip()
    )


# Whether `words` is the wrapped continuation of the raw line before it
def _continues(previous_raw: str, words: str, width: int) -> bool:
    if not previous_raw or not words or not re.search(r"[^\W\d_]", previous_raw):
        return False
    first_word = words.split()[0]
    return len(previous_raw) + 1 + len(first_word) > width - settings.WRAP_JOIN_TOLERANCE


# The line with a run of junk digits glued to its first word taken off
def _repair_glued_digits(line: Line, edits: list[Edit]) -> Line:
    match = GLUED_DIGIT_RUN.match(line.text)
    if not match:
        return line
    repaired = replace(line, text=line.text[match.end():])
    edits.append(Edit(line.number, "digit-run", "changed", line.text, repaired.text))
    return repaired


# The line with a form field's underscores glued to a sentence taken off (the sentence stays)
def _repair_glued_form_field(line: Line, edits: list[Edit]) -> Line:
    if not _FORM_FIELD_RUN.search(line.text):
        return line
    words = _FORM_FIELD_RUN.sub(" ", line.text).strip()
    if not _is_prose(replace(line, text=words)):
        return line
    repaired = replace(line, text=words)
    edits.append(Edit(line.number, "glued-form-field", "changed", line.text, repaired.text))
    return repaired


# The line with hover-card text glued after a linked name taken off ("Ilhan OmarIlhan OmarHeadline ... MORE")
def _repair_hover_text(line: Line, edits: list[Edit]) -> Line:
    text = _HOVER_CARD.sub(lambda match: match.group("name") + " ", line.text)
    if text == line.text:
        return line
    repaired = replace(line, text=re.sub(r" {2,}", " ", text))
    edits.append(Edit(line.number, "hover-text", "changed", line.text, repaired.text))
    return repaired


# The line with a text browser's image placeholders glued to its start taken off
# ("[lazyload-p][tweets]One possible explanation ..."; the sentence stays)
def _repair_glued_image_placeholders(line: Line, edits: list[Edit]) -> Line:
    match = _GLUED_IMAGE_PLACEHOLDERS.match(line.text)
    if not match:
        return line
    repaired = replace(line, text=line.text[match.end() :])
    if not _is_prose(repaired):
        return line
    edits.append(Edit(line.number, "glued-image-placeholder", "changed", line.text, repaired.text))
    return repaired


# The furniture rules with "lost-table" set on fragments that dozens of blank lines follow
def _mark_lost_tables(lines: list[Line], rules: list[str], blank_runs: list[int]) -> list[str]:
    marked = list(rules)
    for index, line in enumerate(lines):
        blank_after = blank_runs[index + 1]
        is_fragment = not _SENTENCE_END.search(line.text) and len(line.text.split()) <= settings.SHORT_KEEP_MIN_WORDS
        if blank_after >= settings.LOST_TABLE_MIN_BLANK_LINES and is_fragment and index + 1 < len(lines):
            marked[index] = "lost-table"
    return marked


# How much a line looks like article prose (positive) or page furniture (negative)
def _line_score(line: Line, rule: str) -> float:
    if rule == "lost-table":
        return 0.0
    if rule:
        return settings.FURNITURE_PENALTY
    words = line.text.split()
    stop_share = _stopword_share(words)
    ends_sentence = bool(_SENTENCE_END.search(line.text))
    if len(words) >= settings.TEXT_MIN_WORDS:
        if stop_share >= settings.TEXT_MIN_STOPWORD_SHARE:
            score = min(len(words) * settings.TEXT_WORD_WEIGHT, settings.TEXT_MAX_SCORE)
            return score if ends_sentence else score * settings.UNFINISHED_TEXT_FACTOR
        if stop_share < settings.LIST_MAX_STOPWORD_SHARE and not ends_sentence:
            return settings.LIST_LINE_PENALTY
        return len(words) * settings.TEXT_WORD_WEIGHT * settings.UNFINISHED_TEXT_FACTOR
    if ends_sentence and stop_share >= settings.TEXT_MIN_STOPWORD_SHARE and len(words) >= 4:
        return len(words) * settings.UNFINISHED_TEXT_FACTOR
    penalty = settings.SHORT_LINE_PENALTY
    return penalty + settings.BULLET_LINE_PENALTY if line.marker else penalty


# Share of the words that are common function words
def _stopword_share(words: list[str]) -> float:
    if not words:
        return 0.0
    return sum(1 for word in words if _NON_WORD.sub("", word).lower() in STOPWORDS) / len(words)


# The [start, end) run of lines whose scores add up to the most (maximum subarray)
def _main_content_region(scores: list[float]) -> tuple[int, int]:
    best, best_range = 0.0, (0, 0)
    total, start = 0.0, 0
    for index, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, index
        total += score
        if total > best:
            best, best_range = total, (start, index + 1)
    return best_range


# The region widened to span every statement when it holds almost no text (an article of very short
# paragraphs scores too little to stand out, but must not be judged furniture as a whole)
def _widened_for_short_articles(lines: list[Line], rules: list[str], start: int, end: int) -> tuple[int, int]:
    if sum(len(line.text.split()) for line in lines[start:end]) >= settings.SHORT_ARTICLE_MAX_WORDS:
        return start, end
    statements = [
        index
        for index, (line, rule) in enumerate(zip(lines, rules))
        if not rule and _SENTENCE_END.search(line.text) and len(line.text.split()) >= settings.STATEMENT_MIN_WORDS
    ]
    if not statements:
        return start, end
    if start == end:
        return statements[0], statements[-1] + 1
    return min(start, statements[0]), max(end, statements[-1] + 1)


# The region grown over furniture lines to prose just beyond it (never lose a sentence)
def _extend_over_furniture(lines: list[Line], rules: list[str], start: int, end: int) -> tuple[int, int]:
    index = end
    while index < len(lines) and rules[index]:
        index += 1
    if start < end and index < len(lines) and index > end and _is_prose(lines[index]):
        after = index + 1
        while after < len(lines) and not rules[after] and _is_prose(lines[after]):
            after += 1  # and over the prose that goes on after it
        return _extend_over_furniture(lines, rules, start, after)
    index = start - 1
    while index >= 0 and rules[index]:
        index -= 1
    if start < end and index >= 0 and index < start - 1 and _is_prose(lines[index]):
        return _extend_over_furniture(lines, rules, index, end)
    return start, end


# The region's end moved up to a comment thread's heading inside it, once article text came before
# it (readers' comments are prose too, and the region grows over furniture to prose beyond it)
def _end_before_comment_thread(lines: list[Line], rules: list[str], start: int, end: int) -> int:
    if COMMENT_THREAD_RULE not in rules[start:end]:
        return end
    prose_lines = 0
    for index in range(start, end):
        if rules[index] == COMMENT_THREAD_RULE and prose_lines >= settings.COMMENT_THREAD_MIN_PROSE_LINES:
            return index
        prose_lines += not rules[index] and _is_prose(lines[index])
    return end


# The region's start moved past leading headline, byline and date lines
def _first_prose_line(lines: list[Line], rules: list[str], start: int, end: int) -> int:
    for index in range(start, end):
        if rules[index] or _is_prose(lines[index]):
            return index
    return start


# The start moved back over the statements right before the region (a short lead paragraph
# scores too little on its own to join the region, but is article text; a headline, byline,
# date or furniture line stops it)
def _extend_back_over_prose(lines: list[Line], rules: list[str], start: int) -> int:
    while start > 0 and not rules[start - 1] and _is_prose(lines[start - 1]):
        start -= 1
    return start


# The region's start moved back over the lead picture's caption right above the first paragraph (a caption
# with its credit, or a caption and a credit line: "A border guard post near Hyesan. (Daily NK)")
def _extend_back_over_lead_caption(lines: list[Line], rules: list[str], start: int) -> int:
    for _ in range(LEAD_CAPTION_MAX_LINES):
        above = start - 1
        if above < 0 or rules[above] or not _is_lead_caption(lines[above].text):
            break
        if lines[start].number - lines[above].last > LEAD_CAPTION_MAX_GAP:
            break
        start = above
    return start


# Whether a line above the first paragraph is a picture's caption or credit (not a byline such as
# "By KOICHIRO ISHIDA/ Correspondent", which the credit pattern also fits)
def _is_lead_caption(text: str) -> bool:
    return len(text) >= settings.CAPTION_MIN_CHARS and not _BYLINE_START.match(text) and caption_credit(text) is not None


# Whether a line reads as a sentence of running text (not a headline, label or date)
def _is_prose(line: Line) -> bool:
    words = line.text.split()
    ends_statement = bool(_SENTENCE_END.search(line.text)) and not line.text.rstrip("”\"’' ").endswith("?")
    stop_share = _stopword_share(words)
    return len(words) >= settings.PROSE_MIN_WORDS and ends_statement and stop_share >= settings.TEXT_MIN_STOPWORD_SHARE


# Indexes of the lines of data lists: runs of short lines cut to one pattern ("June 9 – Tampa, FL @ Arena")
def _data_list_lines(lines: list[Line], rules: list[str]) -> set[int]:
    members: set[int] = set()
    run: list[int] = []
    for index in range(len(lines) + 1):
        shape = _data_shape(lines[index]) if index < len(lines) and not rules[index] else ""
        if shape and run and shape == _data_shape(lines[run[0]]) and lines[index].number == lines[run[-1]].last + 1:
            run.append(index)
            continue
        if len(run) >= settings.DATA_LIST_MIN_LINES:
            members.update(run)
        run = [index] if shape else []
    return members


# Indexes of the items of lists the article introduces with a colon ("The demands include:" then short items)
def _introduced_list_lines(lines: list[Line], rules: list[str]) -> set[int]:
    members: set[int] = set()
    for index, line in enumerate(lines[:-1]):
        if rules[index] or not line.text.rstrip().endswith(":") or len(line.text.split()) < settings.PROSE_MIN_WORDS:
            continue
        item = index + 1
        while item < len(lines) and not rules[item] and _is_label(lines[item]) and not _is_headline_like(lines[item]):
            members.add(item)
            item += 1
    return members


# The opening punctuation pattern of a short data line ("9–" for "June 9 – Tampa"), or "" for other lines
def _data_shape(line: Line) -> str:
    if len(line.text.split()) > settings.DATA_LINE_MAX_WORDS or _SENTENCE_END.search(line.text):
        return ""
    shape = re.sub(r"[^\W\d_]|\s", "", re.sub(r"\d+", "9", line.text))
    prefix = shape[: settings.DATA_SHAPE_LENGTH]
    return prefix if len(prefix) == settings.DATA_SHAPE_LENGTH and prefix[0] == "9" else ""


# The region's end moved over an author's list that starts right after it (below at most a heading line)
def _extend_over_author_list(author_lists: set[int], start: int, end: int) -> int:
    for first in (end, end + 1):
        if start < end and first in author_lists:
            index = first
            while index in author_lists:
                index += 1
            return index
    return end


# The rules with "headline-list" set on runs of short non-sentence lines inside the region
def _mark_headline_lists(
    lines: list[Line], rules: list[str], start: int, end: int, author_lists: set[int]
) -> list[str]:
    marked, run = list(rules), []
    for index in range(start, end + 1):
        if index < end and rules[index] and rules[index] != "lost-table":
            continue  # furniture already goes; it neither starts nor breaks a run
        if index < end and _is_label(lines[index]) and index not in author_lists:
            run.append(index)
            continue
        if len(run) >= settings.HEADLINE_LIST_MIN_LINES:
            for member in run:
                marked[member] = "headline-list"
        run = []
    return marked


# The rules with "truncated-teasers" set on runs of lines cut off with an ellipsis (links to other stories)
# (each cut-off headline may carry its picture's caption: "Biden goes to Illinois auto plant saved by
# union …" / "FILE - President Joe Biden speaks ... (AP Photo/Matt Rourke, File)")
def _mark_truncated_teasers(lines: list[Line], rules: list[str], start: int, end: int) -> list[str]:
    marked, run, headlines = list(rules), [], 0
    for index in range(start, end + 1):
        if index < end and rules[index]:
            continue
        line = lines[index] if index < end else None
        if line and _TRUNCATED.search(line.text) and len(line.text.split()) <= settings.TITLE_MAX_WORDS:
            run.append(index)
            headlines += 1
            continue
        if line and run and _TRUNCATED.search(lines[run[-1]].text) and caption_credit(line.text):
            run.append(index)  # the teaser's caption, ending with its photo credit
            continue
        if headlines >= settings.TRUNCATED_TEASERS_MIN_LINES:
            for member in run:
                marked[member] = "truncated-teasers"
        run, headlines = [], 0
    return marked


# The rules with "promoted-list" set on the bulleted or numbered list under a promo label ("Most Read", "Related")
def _mark_promoted_lists(lines: list[Line], rules: list[str], start: int, end: int) -> list[str]:
    marked = list(rules)
    for index in range(max(start - 1, 0), end):
        if rules[index] != "promo" or len(lines[index].text.split()) > settings.PROMO_LABEL_MAX_WORDS:
            continue
        item = index + 1
        while item < end and lines[item].marker and (item == index + 1 or _follows_directly(lines, item)):
            marked[item] = marked[item] or "promoted-list"
            item += 1
    return marked


# The rules with "teaser-run" set on cards of other stories: headlines each with at most a one-line blurb
def _mark_teaser_runs(
    lines: list[Line], rules: list[str], start: int, end: int, author_lists: set[int]
) -> list[str]:
    marked = list(rules)
    items = [
        index
        for index in range(start, len(lines))
        if rules[index] in ("", "headline-list") and not _is_minor_label(lines[index])
    ]  # headlines already taken as a headline list still open a card whose blurb goes with them
    # (cards are read on past the region's end, where the rest of a run of them may lie, but only marked inside it)
    run: list[int] = []  # indexes into items of the current run
    for position in range(len(items) + 1):
        item = lines[items[position]] if position < len(items) else None
        if item is not None and _is_headline_like(item) and items[position] not in author_lists:
            gap = position - run[-1] - 1 if run else 0
            blurb_ok = gap == 0 or (gap == 1 and _is_blurb(lines[items[position - 1]]))
            if run and not blurb_ok:
                _mark_teaser_run(marked, lines, items, run, end)
                run = []
            run.append(position)
            continue
        if run and position - run[-1] > 1:
            _mark_teaser_run(marked, lines, items, run, end)
            run = []
    return marked


# Marks a run of teaser cards (when it has enough headlines): headlines, blurbs and labels between, up to `end`
def _mark_teaser_run(marked: list[str], lines: list[Line], items: list[int], run: list[int], end: int) -> None:
    if len(run) < settings.TEASER_RUN_MIN_HEADLINES:
        return
    cards_have_blurbs = any(later - earlier == 2 for earlier, later in zip(run, run[1:]))
    has_last_blurb = cards_have_blurbs and run[-1] + 1 < len(items) and _is_blurb(lines[items[run[-1] + 1]])
    last = run[-1] + 1 if has_last_blurb else run[-1]
    for index in range(items[run[0]], min(items[last] + 1, end)):
        if not marked[index]:
            marked[index] = "teaser-run"


# Whether the line at `index` comes straight after the one before it in the seed (no blank line between)
def _follows_directly(lines: list[Line], index: int) -> bool:
    return lines[index].number == lines[index - 1].last + 1


# Whether a line is headline-like: a few words, most of them capitalised, no full stop at the end
def _is_headline_like(line: Line) -> bool:
    words = line.text.split()
    if not settings.TITLE_MIN_WORDS <= len(words) <= settings.TITLE_MAX_WORDS or line.text.rstrip().endswith("."):
        return False
    content = [
        word for word in words if _NON_WORD.sub("", word).lower() not in STOPWORDS and _LETTER.search(word)
    ]
    capitalised = [word for word in content if re.sub(r"^\W+", "", word)[:1].isupper()]
    return bool(content) and len(capitalised) >= settings.HEADLINE_CAPITALISED_SHARE * len(content)


# Whether a line may be a teaser's blurb: one or two sentences, not a headline
def _is_blurb(line: Line) -> bool:
    return len(line.text.split()) <= settings.TEASER_BLURB_MAX_WORDS and not _is_headline_like(line)


# Whether a line is a minor label between teaser cards (a date, section name or byline of a few words)
def _is_minor_label(line: Line) -> bool:
    return len(line.text.split()) <= settings.MINOR_LABEL_MAX_WORDS and not _SENTENCE_END.search(line.text)


# Whether a line is a short label or headline rather than a sentence or a caption
def _is_label(line: Line) -> bool:
    words = line.text.split()
    if len(words) > settings.TITLE_MAX_WORDS or caption_credit(line.text):
        return False
    if _is_short_statement(line):
        return False
    return not _SENTENCE_END.search(line.text) or len(words) < settings.SHORT_KEEP_MIN_WORDS


# Whether a line is a short statement closed by a full stop ("Two men died."): headlines are not
def _is_short_statement(line: Line) -> bool:
    text = line.text.rstrip("\"”’')] ")
    return text.endswith(".") and not text.endswith("..") and len(line.text.split()) >= settings.STATEMENT_MIN_WORDS


# Our editorial note standing where the dump lost a table
def _lost_table_note(line: Line, edits: list[Edit]) -> Line:
    edits.append(Edit(line.number, "lost-table", "changed", line.text, LOST_TABLE_NOTE))
    return Line(line.number, line.last, LOST_TABLE_NOTE, kind=BlockKind.EDITORIAL_NOTE)


# A line of the main content as kept (with its kind), or None when it goes
def _judge_body_line(
    index: int, lines: list[Line], keys: list[str], edits: list[Edit], in_author_list: bool = False
) -> Line | None:
    line, key = lines[index], keys[index]
    if in_author_list:
        return replace(line, kind=BlockKind.LIST_ITEM)
    if any(_same_caption(key, earlier) for earlier in keys[:index]):
        edits.append(Edit(line.number, "repeated-line", "removed", line.text))
        return None
    if _is_above_credit(index, lines):
        return replace(line, kind=BlockKind.CAPTION)
    repeated_later = any(_same_caption(key, later) for later in keys[index + 1 :])
    ends_sentence = bool(_SENTENCE_END.search(line.text))
    has_credit = bool(caption_credit(line.text))
    if len(line.text) >= settings.CAPTION_MIN_CHARS and (has_credit or (repeated_later and not ends_sentence)):
        return replace(line, kind=BlockKind.CAPTION)
    if has_credit and _is_credit_line(line):
        return replace(line, kind=BlockKind.CAPTION)  # a picture's credit alone ("Image via Getty Images"), no heading
    words = line.text.split()
    if line.marker and not line.marker[0].isdigit():
        if len(words) < settings.SHORT_KEEP_MIN_WORDS and not ends_sentence:
            edits.append(Edit(line.number, "link-list", "removed", line.text))
            return None
        return replace(line, kind=BlockKind.LIST_ITEM)
    if len(words) <= settings.SUBHEADING_MAX_WORDS and not ends_sentence and not line.marker:
        return replace(line, kind=BlockKind.SUBHEADING)
    return replace(line, kind=BlockKind.PARAGRAPH)


# Whether a line is a caption because a photo credit line follows it directly ("Jane Roe | Getty Images")
def _is_above_credit(index: int, lines: list[Line]) -> bool:
    line = lines[index]
    following = lines[index + 1] if index + 1 < len(lines) else None
    return (
        following is not None
        and following.number == line.last + 1
        and _is_credit_line(following)
        and not _is_credit_line(line)
        and len(line.text.split()) <= settings.CAPTION_MAX_WORDS
    )


# Whether a line is a photo credit and nothing else ("Natalie Naccache | Bloomberg | Getty Images")
def _is_credit_line(line: Line) -> bool:
    match = caption_credit(line.text)
    return bool(match) and len(line.text[: match.start()].split()) <= settings.CAPTION_CREDIT_MAX_WORDS


# Text reduced for comparing repeats: lowercase words and sentence ends
def _comparable(text: str) -> str:
    return " ".join(_COMPARED.findall(text.lower()))


# What two lines must share to be the same line: their words and where their sentences end (two
# paragraphs with the same words, cut into sentences differently, are both the author's).
_COMPARED = re.compile(r"\w+|[.!?]")


# Whether two lines are the same (one may be a caption carrying an extra photo credit at its end)
def _same_caption(key: str, other: str) -> bool:
    if key == other:
        return bool(key)
    if len(key) < settings.CAPTION_MIN_CHARS or len(other) < settings.CAPTION_MIN_CHARS:
        return False
    shorter, longer = sorted((key, other), key=len)
    extra = longer[len(shorter) :].split() if longer.startswith(shorter) else []
    return bool(extra) and len(extra) <= settings.CAPTION_CREDIT_MAX_WORDS and bool(CREDIT_WORDS & set(extra))
