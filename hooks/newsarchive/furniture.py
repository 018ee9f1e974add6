"""Page furniture: the lines of a copied web page that are not the article.

Each rule has a name (recorded in the `Edit` it causes) and a pattern over one
logical line, with bullets and indentation already taken off.  Rules describe
kinds of furniture (navigation, share widgets, promos, form fields), never one
site's exact sentence.  Rules that go by vocabulary ("cookies", "newsletter",
"subscription") only fire on a line that addresses the reader or is a bare
label, never on a sentence that reports what someone said.
"""
from __future__ import annotations

import re

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# Words of the "share this" widgets and social networks.
_SOCIAL = (
    r"facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|tumblr|flipboard|email|e-mail|"
    r"print|messenger|telegram|copy link|copy|link|sms|mail|comment|comments|google\+?|share"
)

# The rule of a comment thread's heading ("20 thoughts on “Headline”", "Leave a Reply"): readers'
# comments follow it, never the article.
COMMENT_THREAD_RULE = "comment-thread"

# An e-mail address written out, and one as a page shows it: written out or hidden by Cloudflare
# ("[email protected]").
WRITTEN_EMAIL_ADDRESS = r"[\w.+-]+@[\w-]+\.[\w.]+"
EMAIL_ADDRESS = rf"{WRITTEN_EMAIL_ADDRESS}|\[email\s*protected\]"

# Whole-line furniture: rule name -> pattern that must match the whole line.
_WHOLE_LINE_RULES: tuple[tuple[str, str], ...] = (
    ("navigation", r"(top|bottom) of (the )?page|back to top|top|skip to (main )?content|"
     r"jump (directly )?to (the )?(main )?content|skip (to )?navigation|(main )?menu|"
     r"(open|close|toggle)( (menu|navigation|search))?|search|home|previous( \| | )next|"
     r"previous|next|prev|(all )?headlines?( back to top)?|all headlines back to top|"
     r"more( \S+){1,2}|see (all|more)|show (more|less)|load more|view (all|more).*|"
     r"go to.{0,30}|sections?|(site |post |posts |article )?navigation|×|close|back|expand|collapse|"
     r"(?-i:PREVIOUS|NEXT) (?-i:(?=.*[a-z]))\S.*|(previous|next) (article|story|post|page)(\s*[:|»›>]\s*.{0,120}|\s[-–—]\s.{0,120})?|"
     r"follow( (us|the author|the topics|this (author|topic)|all)\b.{0,40})?|you are (here|at)"),
    ("share-widget", rf"(share|tweet|pin|post|send|email)( (this|it|on|via|to|article|story|page))*"
     rf"( ?(\||:|on) ?({_SOCIAL})?)?|submit to reddit|({_SOCIAL})( ({_SOCIAL}))*|share this( article| story)?.*|"
     r"(\d+ )?(shares?|comments?|likes?)|follow (us|@?\w+)( on .*)?"),
    ("counter", r"[•·*+o#\-–—|]*\s*\d{0,4}\s*[•·*+o#\-–—|]*|word ?count\s*:?\s*[\d,]+( words)?"),
    ("copyright", r"(copyright|©|ⓒ|\(c\)).*|.*\ball rights reserved\b.*"),
    ("end-mark", r"\((end|ends|more)\)|-30-|#{3}"),  # wire copy's end: "(END)", "-30-", "###"
    ("contact", EMAIL_ADDRESS),  # a reporter's address alone on its line
    ("language-version", r"((read|view|see)( this| the)?( article| story)? in|also (available )?in) "
     r"(korean|english|chinese|japanese|russian|french|spanish|german)|"
     r"(korean|english|chinese|japanese|russian|french|spanish|german) (version|edition)\b.{0,20}"),
    ("download-prompt", r".{0,40}\b(select|choose)\b.{0,40}\bto download\b.{0,20}|download (the )?(pdf|app).*"),
    ("advertisement", r"(advertisement|advertising|ad|sponsored( content)?|promoted( content)?|"
     r"story continues below( advertisement)?|continue reading below|scroll to (continue|read).*|"
     r"article continues (below|after).*|paid (post|content).*)"),
    ("promo", r"(read more|read next|related|see also|also read|recommended( for you)?|more from .{0,40}|"
     r"most (read|popular|viewed|shared)( .{0,40})?|trending( now| stories)?|top stories|"
     r"more (stories|news|on this( story)?)|you (may|might) (also )?like.*|latest( news)?|"
     r"watch|listen|editor'?s picks?|don'?t miss.*|what to read next|"
     r"(related|recommended|popular|latest|more) (articles|stories|coverage|content|videos)).{0,3}"),
    ("promo", r"(read more|read|related|see also|also read|watch|listen|more|recommended|read next|"
     r"must read|don't miss|trending|click here|learn more|sign up|subscribe)\s*:.*"),
    ("account", r"(sign|log) ?(in|out|up)|register|my account|create (an |a free )?account|"
     r"(already|not) (a )?(subscriber|member|registered).*|forgot (your )?password.*|"
     r"password|username|e-?mail( address)?|remember me|subscribe( now| today)?|"
     r"manage (your )?(account|subscription).*"),
    ("form-field", r"(\[[ xX]?\]\s*)+.*|.*_{4,}.*|\(BUTTON\).*|.*\[(submit|search|go|send)\].*"),
    ("image-placeholder", r"\[[^\]]{0,80}\](\s*\[[^\]]{0,80}\])*|IFRAME:.*|\(?image\)?|photo|video|"
     r"(photo|image|video|gallery)\s*\d+\s*(of|/)\s*\d+|\d+\s*/\s*\d+|enlarge this image|"
     r"(play|pause|mute|unmute|fullscreen)( video)?|\d{1,2}:\d{2}( / \d{1,2}:\d{2})?|now playing|"
     r".{3,150} \(\d{1,2}:\d{2}\)"),  # a video's title with its running time: "What Did ... Sound Like? (4:22)"
    (COMMENT_THREAD_RULE, r"(\d+|one) (thoughts?|responses?|replies|reply|comments?) (on|to) \S.{0,200}|"
     r"leave a reply( cancel reply)?"),
    ("comments", r"(\d+ )?(comments?|replies|reply|reactions?)|(add|post|leave|view|show|load|hide) "
     r"(a |your |all |the )?(comments?|reply|replies).*|join the (conversation|discussion).*|"
     r"comments? (are|have been) (closed|disabled).*|report( abuse| comment)?|flag|upvote|downvote"),
    ("browser-notice", r".*\b(browser version|update your browser|(enable|turn on|disable[ds]?) javascript|"
     r"javascript (is )?(disabled|required|enabled)|best viewed (in|with)|unsupported browser)\b.*"),
    ("tags-line", r"(tags|topics|filed under|categories|category|more on|related topics)\s*:.*|tagged:?\s(?!.*[.!?][\"”’)]*$).*"),  # a tag list, never a sentence
)

# Link-farm spam: one of these phrases, or two different words of the weaker list, make a line spam
# (one word alone does not: "casino" or "betting" may well be in the news).
_SPAM_PHRASES = re.compile(
    r"\b(bahis siteleri|deneme bonusu|slot gacor|judi (online|slot|bola)|online casinos?|casino online|"
    r"betting sites|escort (service|agency)|payday loans?|replica watches|essay writing service|buy (cheap )?"
    r"(viagra|cialis|followers|likes))\b",
    re.I,
)
_SPAM_WORDS = re.compile(
    r"\b(casinos?|bahis|siteleri|bonusu|betting|slots?|poker|jackpot|togel|viagra|cialis|porn|escorts?|loans?|"
    r"gacor|bet365|roulette)\b",
    re.I,
)

# Furniture recognised by one telling phrase anywhere in a short line.
_PHRASE_RULES: tuple[tuple[str, str], ...] = (
    ("promo", r"\b(click here|tap here|get the .{0,30} app|download (our|the) app|"
     r"this (article|story) (was|is) (originally )?(published|produced|brought)|"
     r"(get|receive) (our|the) .{0,30}(newsletter|alerts?|emails?)|"
     r"support (our|independent) journalism|become a (member|subscriber)|"
     r"(listen to|watch) (this|the) (article|story|podcast)|©)"),
    ("share-widget", r"\bsharing options\b|^share (on|via|this)\b"),
    ("reading-time", r"^\d+\s*(min(ute)?s?|hours?)( read| to read| ago)$|^(updated|published)?\s*\d+ (minutes?|hours?|days?) ago$"),
    ("promo", r"\bread more\W{0,3}$|\bcontinue reading\W{0,3}$|\bif you (enjoyed|liked|value|appreciate) (this|our)\b|"
     r"\b(needs?|want) your (help|support)\b|\bstay (current|informed|up to date|in the know) with\b|"
     r"\byou (may|might) (also )?(like|enjoy|be interested in)\b|\balso of interest\b|"
     r"^(the )?latest (news|updates|stories|coverage) (on|about|from)\b[^.!?]*$"),
    ("feedback", r"\bwe want to hear (from you|what you think)\b|^to reach the (reporter|editor|author|writer)s?\b.{0,60}\b(contact|e-?mail)\b|\bdirect (any |your )?(comments|questions)\b|\bletters? to the editor\b|"
     r"\bsubmit (a )?(correction|tip)\b|\brequest (a )?reprints?\b|\breprints? (&|and) (licensing|permissions)\b|"
     r"\b(view|our|read) editorial (guidelines|standards)\b|"
     r"^why you can trust\b|\b(community|submission|commenting|comment) (guidelines|policy|standards|rules)\b"),
    ("image-placeholder", r"^(preview )?thumbnail (image )?(for|of)\b"),
    ("browser-notice", r"\bverification (period )?has expired\b|\bplease (reload|refresh) (the|this) page\b"),
    ("copyright", r"\bsubject to copyright\b|\bmay not be (reproduced|republished|redistributed)\b|"
     r"\bwithout (the )?(prior )?written permission\b"),
)

# Furniture recognised by its vocabulary, but only in a line that talks to the reader ("you", "our", an
# imperative) or is a bare label: a reported sentence that mentions cookies or a newsletter is article text.
_ADDRESSED_RULES: tuple[tuple[str, str], ...] = (
    ("newsletter", r"\b(sign(ed)? (me )?up|subscribe[ds]?|newsletters?|inbox|unsubscribe|news ?alerts?|"
     r"delivered (right )?(to you|to your|weekday|daily|every)|(breaking )?news e-?mails)\b"),
    ("cookie-notice", r"\b(cookies?|privacy (policy|settings|notice|statement)|terms (of (use|service)|and conditions)|"
     r"do not sell|recaptcha)\b"),
    ("subscription-pitch", r"^(get|gain|join|become|try|unlock|upgrade|support)\b.{0,200}\b("
     r"subscriptions?|subscribers?|"
     r"members(hip)?|premium|paywalls?|ad-free|free trial|access)\b"),
    ("newsletter", r"^get (breaking|the latest|our|the best|exclusive|unlimited|instant)\b.{0,80}"
     r"\b(news|stories|analysis|updates)\b"),
    ("donation-appeal", r"^support (?-i:[A-Z])[\w.'’-]*( [\w.'’-]+)? (and|so|to|today|now|by)\b|"
     r"\bmake a (one-time |monthly |recurring )?(donation|contribution|gift)\b|\bdonate (now|today)\b|"
     r"\breaders like you\b|\bat no cost to you\b|\bfar from free\b"),
)

# Short lines (at most this many words) are judged by the phrase rules.
PHRASE_RULE_MAX_WORDS = 25

# Lines that address the reader: second person, "we/our" of the site, "I agree", an imperative first word.
_ADDRESSES_READER = re.compile(
    r"\b(you|your|yours|we|our|us|me|i agree|i accept|i consent|this (site|website|page))\b|"
    r"^(sign|subscribe|get|join|become|try|unlock|upgrade|support|read|learn|click|tap|manage|accept|enter)\b",
    re.I,
)

# Lines that report what someone said: a vocabulary rule never fires on them.
_REPORTED_SPEECH = re.compile(r"\b(said|says|told|according to|reported|announced|wrote)\b", re.I)

# The first sentence of a line: long lines are judged by the phrase rules on it alone.
_FIRST_SENTENCE = re.compile(r"^.+?[.!?](?=\s|$)")

# Bare labels (at most this many words) are judged by the vocabulary rules without addressing the reader.
LABEL_MAX_WORDS = 4

# Lines written in capitals with at least this many words are promoted headlines of other stories.
SHOUTED_MIN_WORDS = 5

# Digits glued to the start of a word: "34234234123123Summer".
GLUED_DIGIT_RUN = re.compile(r"^(\d{6,})(?=[A-Z“\"‘][a-z])")

# Photo credits that end a caption: "(Asahi Shimbun file photo)", "(Manu Fernandez/AP)", "Credit: EPA".
CAPTION_CREDIT = re.compile(
    r"(\((\w[\w .'-]*\s)?(file )?(photo|image|picture|video)s?( by [^)]*)?\)|"
    r"\([^()]{0,60}(/|\b(credit|source|photo|image|courtesy|getty|reuters|afp|ap|epa|istock)\b)[^()]{0,60}\)|"
    r"[A-Z][\w.'-]+ [A-Z][\w.'-]+ ?/ ?[A-Z][\w&.' -]{1,30}|"
    r"(photo|image|picture)s?( credit)?\s*:\s*\S.*|credit\s*:\s*\S.*|\b(getty images|ap photo|reuters/\S+|afp)\S*)$",
    re.I,
)

# What every photo credit above holds, found much faster than the credit (which tries two capitalised
# words at every letter): a closing bracket at the end, a slash, a colon or an agency's name.
_CREDIT_HINT = re.compile(r"\)$|/|:|getty images|ap photo|afp", re.I)

# Words of a photo credit, lowercase ("Credit: Getty - Contributor").
CREDIT_WORDS = frozenset("credit credits photo photograph image picture getty images ap afp epa reuters file courtesy source shutterstock istock".split())

# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

_WHOLE = tuple((name, re.compile(rf"(?:{pattern})\s*[.:!|>»›]*", re.I)) for name, pattern in _WHOLE_LINE_RULES)
_PHRASES = tuple((name, re.compile(pattern, re.I)) for name, pattern in _PHRASE_RULES)
_ADDRESSED = tuple((name, re.compile(pattern, re.I)) for name, pattern in _ADDRESSED_RULES)


# The photo credit ending a line (as CAPTION_CREDIT.search finds it), or None
def caption_credit(text: str) -> re.Match[str] | None:
    return CAPTION_CREDIT.search(text) if _CREDIT_HINT.search(text) else None


# The name of the furniture rule a line matches, or "" when it may be article text
def furniture_rule(text: str) -> str:
    line = text.strip()
    for name, pattern in _WHOLE:
        if pattern.fullmatch(line):
            return name
    words = line.split()
    phrase_text = line if len(words) <= PHRASE_RULE_MAX_WORDS else _opening_sentence(line)
    for name, pattern in _PHRASES:
        if phrase_text and pattern.search(phrase_text):
            return name
    if _SPAM_PHRASES.search(line) or len({word.lower() for word in _SPAM_WORDS.findall(line)}) >= 2:
        return "spam"
    if _is_shouted(line, words):
        return "shouted-headline"
    addressed = len(words) <= LABEL_MAX_WORDS or (
        _ADDRESSES_READER.search(line) and not _REPORTED_SPEECH.search(line)
    )
    if addressed:
        for name, pattern in _ADDRESSED:
            if pattern.search(line):
                return name
    return ""


# The first sentence of a long line when it is short enough for the phrase rules and reports no one's words
def _opening_sentence(line: str) -> str:
    match = _FIRST_SENTENCE.match(line)
    if not match or len(match.group().split()) > PHRASE_RULE_MAX_WORDS or _REPORTED_SPEECH.search(match.group()):
        return ""
    return match.group()


# Whether a line is written in capitals like a promoted headline ("SEAN SPICER ELIMINATED FROM ...")
def _is_shouted(line: str, words: list[str]) -> bool:
    if len(words) < SHOUTED_MIN_WORDS:
        return False
    letters = (char for char in line if char.isalpha())
    first = next(letters, None)
    return first is not None and first.isupper() and all(char.isupper() for char in letters)
