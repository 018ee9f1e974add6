"""Cleaning: SeedText -> CleanedText.

A copied web page becomes logical lines (wrapped lines of a text-mode browser
dump joined again, bullets and indentation taken off), every line gets a score
(running text scores up, menus, labels and widgets score down), and the run of
lines with the largest total is the main content (as in BTE and jusText's
context smoothing).  Furniture inside that run is removed by named rules,
repeated captions are kept once as captions, and a table the dump lost becomes
an editorial note.  Every line removed or changed is recorded as an `Edit`.
"""
from __future__ import annotations

import re
from dataclasses import replace

from . import settings
from .furniture import CAPTION_CREDIT, CREDIT_WORDS, GLUED_DIGIT_RUN, furniture_rule
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
    rules = [furniture_rule(line.text) for line in lines]
    rules = _mark_lost_tables(lines, rules, blank_runs)
    scores = [_line_score(line, rule) for line, rule in zip(lines, rules)]
    start, end = _main_content_region(scores)
    start, end = _extend_over_furniture(lines, rules, start, end)
    start = _first_prose_line(lines, rules, start, end)
    rules = _mark_headline_lists(lines, rules, start, end)
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
        kept = _judge_body_line(index, lines, keys, edits)
        if kept:
            body.append(kept)
    warnings = [] if body else [f"{seed.path}: no article text found"]
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
        full = sum(1 for length in lengths if width - settings.WRAP_SLACK <= length <= width)
        overlong = sum(1 for length in lengths if length > width)
        if overlong > settings.WRAP_MAX_OVERLONG_SHARE * len(lengths):
            return 0
        if (
            width >= settings.WRAP_MIN_WIDTH
            and full >= settings.WRAP_MIN_FULL_LINES
            and full >= settings.WRAP_MIN_FULL_SHARE * len(lengths)
        ):
            return width
    return 0


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
    plain = [re.sub(r"\W", "", word).lower() for word in words]
    return sum(1 for word in plain if word in STOPWORDS) / len(words)


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


# The region grown over furniture lines to prose just beyond it (never lose a sentence)
def _extend_over_furniture(lines: list[Line], rules: list[str], start: int, end: int) -> tuple[int, int]:
    index = end
    while index < len(lines) and rules[index]:
        index += 1
    if start < end and index < len(lines) and index > end and _is_prose(lines[index]):
        return _extend_over_furniture(lines, rules, start, index + 1)
    index = start - 1
    while index >= 0 and rules[index]:
        index -= 1
    if start < end and index >= 0 and index < start - 1 and _is_prose(lines[index]):
        return _extend_over_furniture(lines, rules, index, end)
    return start, end


# The region's start moved past leading headline, byline and date lines
def _first_prose_line(lines: list[Line], rules: list[str], start: int, end: int) -> int:
    for index in range(start, end):
        if rules[index] or _is_prose(lines[index]):
            return index
    return start


# Whether a line reads as a sentence of running text (not a headline, label or date)
def _is_prose(line: Line) -> bool:
    words = line.text.split()
    ends_statement = bool(_SENTENCE_END.search(line.text)) and not line.text.rstrip("”\"’' ").endswith("?")
    stop_share = _stopword_share(words)
    return len(words) >= settings.PROSE_MIN_WORDS and ends_statement and stop_share >= settings.TEXT_MIN_STOPWORD_SHARE


# The rules with "headline-list" set on runs of short non-sentence lines inside the region
def _mark_headline_lists(lines: list[Line], rules: list[str], start: int, end: int) -> list[str]:
    marked, run = list(rules), []
    for index in range(start, end + 1):
        if index < end and rules[index] and rules[index] != "lost-table":
            continue  # furniture already goes; it neither starts nor breaks a run
        if index < end and _is_label(lines[index]):
            run.append(index)
            continue
        if len(run) >= settings.HEADLINE_LIST_MIN_LINES:
            for member in run:
                marked[member] = "headline-list"
        run = []
    return marked


# Whether a line is a short label or headline rather than a sentence or a caption
def _is_label(line: Line) -> bool:
    words = line.text.split()
    if CAPTION_CREDIT.search(line.text) or len(words) > settings.TITLE_MAX_WORDS:
        return False
    return not _SENTENCE_END.search(line.text) or len(words) < settings.SHORT_KEEP_MIN_WORDS


# Our editorial note standing where the dump lost a table
def _lost_table_note(line: Line, edits: list[Edit]) -> Line:
    edits.append(Edit(line.number, "lost-table", "changed", line.text, LOST_TABLE_NOTE))
    return Line(line.number, line.last, LOST_TABLE_NOTE, kind=BlockKind.EDITORIAL_NOTE)


# A line of the main content as kept (with its kind), or None when it goes
def _judge_body_line(index: int, lines: list[Line], keys: list[str], edits: list[Edit]) -> Line | None:
    line, key = lines[index], keys[index]
    if any(_same_caption(key, earlier) for earlier in keys[:index]):
        edits.append(Edit(line.number, "repeated-line", "removed", line.text))
        return None
    repeated_later = any(_same_caption(key, later) for later in keys[index + 1 :])
    ends_sentence = bool(_SENTENCE_END.search(line.text))
    has_credit = bool(CAPTION_CREDIT.search(line.text))
    if len(line.text) >= settings.CAPTION_MIN_CHARS and (has_credit or (repeated_later and not ends_sentence)):
        return replace(line, kind=BlockKind.CAPTION)
    words = line.text.split()
    if line.marker and not line.marker[0].isdigit():
        if len(words) < settings.SHORT_KEEP_MIN_WORDS and not ends_sentence:
            edits.append(Edit(line.number, "link-list", "removed", line.text))
            return None
        return replace(line, kind=BlockKind.LIST_ITEM)
    if len(words) <= settings.SUBHEADING_MAX_WORDS and not ends_sentence and not line.marker:
        return replace(line, kind=BlockKind.SUBHEADING)
    return replace(line, kind=BlockKind.PARAGRAPH)


# Text reduced for comparing repeats: lowercase words only
def _comparable(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


# Whether two lines are the same (one may be a caption carrying an extra photo credit at its end)
def _same_caption(key: str, other: str) -> bool:
    if key == other:
        return bool(key)
    if len(key) < settings.CAPTION_MIN_CHARS or len(other) < settings.CAPTION_MIN_CHARS:
        return False
    shorter, longer = sorted((key, other), key=len)
    extra = longer[len(shorter) :].split() if longer.startswith(shorter) else []
    return bool(extra) and len(extra) <= settings.CAPTION_CREDIT_MAX_WORDS and bool(CREDIT_WORDS & set(extra))
