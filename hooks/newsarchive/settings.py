"""Named thresholds and weights for the cleaning and metadata heuristics.

One place for every number the heuristics use, so that tuning one does not mean
hunting literals through the code.  Measured against the dev set with
`tools/devset.py`.
"""
from __future__ import annotations

# -----------------------------------------------------------------------------
# Wrapped dumps (w3m at 80 columns, lynx at 250)
# -----------------------------------------------------------------------------

# Lines this close to the widest line count as "full" lines of a wrapped dump.
WRAP_SLACK = 14
# A dump is hard-wrapped when at least this many full lines go on in the next line (lynx and w3m
# wrap a paragraph without a blank line; a browser copy puts each paragraph on one line)...
WRAP_MIN_FULL_LINES = 4
# ...and they are at least this share of its long lines (half the width or more).
WRAP_MIN_FULL_SHARE = 0.2
# How many of the longest line lengths are tried as the wrap width (a few over-long lines are ignored).
WRAP_WIDTHS_TRIED = 30
# At most this share of lines may be longer than the wrap width.
WRAP_MAX_OVERLONG_SHARE = 0.03
# Columns of slack when deciding a line was wrapped (the widest line seen may fall short of the width).
WRAP_JOIN_TOLERANCE = 2
# Widths we never treat as a wrap width (a dump with one long line is not wrapped).
WRAP_MIN_WIDTH = 60

# -----------------------------------------------------------------------------
# Line scores (the main-content region is the run of lines with the largest sum)
# -----------------------------------------------------------------------------

# A line reads as running text when it has this many words...
TEXT_MIN_WORDS = 10
# ...and at least this share of them are common function words.
TEXT_MIN_STOPWORD_SHARE = 0.2
# Below this share a long line is a list of names or links, not prose.
LIST_MAX_STOPWORD_SHARE = 0.1
# Score per word of running text, and the most one line can add.
TEXT_WORD_WEIGHT = 1.0
TEXT_MAX_SCORE = 60.0
# Running text that does not end like a sentence counts for this share.
UNFINISHED_TEXT_FACTOR = 0.5
# Penalty for a short line (menu item, headline of another story, label).
SHORT_LINE_PENALTY = -3.0
# Extra penalty for a short line carrying a bullet (navigation lists).
BULLET_LINE_PENALTY = -2.0
# Penalty for a long line that is not prose (tag clouds, link lists).
LIST_LINE_PENALTY = -6.0
# Penalty for a line matched by a furniture rule.
FURNITURE_PENALTY = -8.0

# -----------------------------------------------------------------------------
# Inside the main content
# -----------------------------------------------------------------------------

# A comment thread's heading ends the main content once at least this many lines of prose came before it
# (a "12 comments" link under the headline does not).
COMMENT_THREAD_MIN_PROSE_LINES = 2

# When the best run of lines holds fewer words than this, the main content spans every statement...
SHORT_ARTICLE_MAX_WORDS = 40
# ...of at least this many words (ending like a sentence).
STATEMENT_MIN_WORDS = 3
# The main content starts at the first statement this long (headlines and bylines above it).
PROSE_MIN_WORDS = 6
# This many short non-sentence lines in a row are a list of other stories, not subheadings.
HEADLINE_LIST_MIN_LINES = 2
# At least this many consecutive short lines cut to one pattern (a date or number first) are a data list
# the author wrote (tour dates, results), kept as list items even just below the main content.
DATA_LIST_MIN_LINES = 4
# How many leading punctuation and number marks make a data line's pattern ("9–" in "June 9 – Tampa").
DATA_SHAPE_LENGTH = 2
# Longest data line, in words.
DATA_LINE_MAX_WORDS = 20
# This many lines in a row cut off with an ellipsis are links to other stories.
TRUNCATED_TEASERS_MIN_LINES = 3
# A promo label ("Most Read", "Related") of at most this many words heads a list of other stories.
PROMO_LABEL_MAX_WORDS = 6
# Cards of other stories: at least this many headline-like lines, each followed by at most one blurb...
TEASER_RUN_MIN_HEADLINES = 3
# ...of at most this many words (a longer paragraph is article text).
TEASER_BLURB_MAX_WORDS = 40
# Share of a headline's content words that are capitalised ("Did Pelosi Divert $2.4 Billion ...").
HEADLINE_CAPITALISED_SHARE = 0.75
# Labels of at most this many words (dates, section names, bylines) do not break a run of teaser cards.
MINOR_LABEL_MAX_WORDS = 4
# Longest line (in words) kept as a subheading; longer short lines are paragraphs.
SUBHEADING_MAX_WORDS = 14
# A short line in the region with more words than this is kept as a paragraph.
SHORT_KEEP_MIN_WORDS = 5
# Longest hover card (a linked name's pop-up of other headlines) cut out of a paragraph, in characters.
HOVER_CARD_MAX_CHARS = 800
# A line repeated elsewhere with at least this many characters is a caption.
CAPTION_MIN_CHARS = 40
# The line right above a photo credit line is its caption when it has at most this many words.
CAPTION_MAX_WORDS = 60
# A repeated caption may carry a photo credit of at most this many words at its end.
CAPTION_CREDIT_MAX_WORDS = 8
# A fragment followed by at least this many blank lines is a table the dump lost.
LOST_TABLE_MIN_BLANK_LINES = 8

# -----------------------------------------------------------------------------
# Metadata
# -----------------------------------------------------------------------------

# Headlines have between these many words.
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 30
# Longer headlines score higher, up to this many words.
TITLE_WORDS_COUNTED = 8
# Headlines longer than this (in words) are less likely.
TITLE_LONG_WORDS = 16
# Score lost per line between a headline candidate and the body.
TITLE_DISTANCE_PENALTY = 0.5
# Bonus for a candidate that the page repeats ("Headline | Site" in a breadcrumb or title).
TITLE_REPEAT_BONUS = 4.0
# Bonus for a candidate with the byline or date within this many lines below it (or above).
TITLE_BYLINE_REACH = 4
TITLE_BYLINE_BELOW_BONUS = 6.0
TITLE_BYLINE_ABOVE_BONUS = 3.0
# A line repeating the headline counts as its variant when it adds at most this many words ("Headline | Site").
TITLE_SITE_NAME_MAX_WORDS = 4
# Bonus for a candidate followed by a standfirst (a sentence or second headline).
TITLE_STANDFIRST_BONUS = 3.0
# A standfirst (the sentence or two under the headline, kept apart from the text) has at most this many words.
STANDFIRST_MAX_WORDS = 60
# How many lines above the body the headline is looked for.
TITLE_SEARCH_LINES = 25
# How many header lines around the headline a date or byline is looked for.
HEADER_SEARCH_LINES = 30
# Person names have between these many words.
NAME_MIN_WORDS = 2
NAME_MAX_WORDS = 4
# A lone name line counts as the byline when a date line is at most this many lines away.
NAME_DATE_REACH = 3
# How many seed lines after the article are searched for its publication (further down are other stories).
PUBLICATION_AFTER_LINES = 12
# Years a publication date may fall in.
EARLIEST_YEAR = 1950
LATEST_YEAR = 2100
