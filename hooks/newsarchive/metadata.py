"""Metadata: CleanedText -> Article.

Reads the headline, byline (authors and role), date, dateline, photo credits,
footnotes, closing author note and source publication from a cleaned seed, and
turns its body lines into blocks.  Lines that become metadata are recorded as
`Edit`s with the action "moved".  The publication is only named when the text
gives confident evidence of it (a copyright line, a site link, an author note,
a photo credit), never from a mere mention inside the article.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dateutil import parser as date_parser

from . import settings
from .furniture import EMAIL_ADDRESS, WRITTEN_EMAIL_ADDRESS, caption_credit
from .publications import PublicationRegistry
from .structure.article import (
    Article,
    Block,
    BlockKind,
    CleanedText,
    Edit,
    Footnote,
    FootnoteRef,
    Line,
    Publication,
)

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)

# Dates as pages print them: "August 05, 2016", "18 Nov 2019", "2019-11-20", "09.09.2016".
_DATE_WITH_MONTH_NAME = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
    rf"(?:\b|(?=\d{{1,2}}:\d\d))",  # the year may be glued to a time ("Nov 20 20194:29 AM")
    re.I,
)
_ISO_DATE = re.compile(r"\b(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?!\d)")  # also "2023.10.10", "2023/10/10"
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})([./])(\d{1,2})\2(\d{4})\b")
_DATE_PATTERNS = (_DATE_WITH_MONTH_NAME, _ISO_DATE, _NUMERIC_DATE)

# Words that mark a date as the publication date, or as a later one.
_PUBLISHED_SIGN = re.compile(r"\b(published|posted|first published|date)\b", re.I)
_UPDATED_SIGN = re.compile(r"\b(updated|modified|last edited)\b", re.I)

# A byline: "By Kim Myong-song", "Author: Konstantin Asmolov", "Written by ...".
_BYLINE = re.compile(
    r"^(?:by|written by|words by|reporting by|posted by)(?:\s*:?\s+|(?=[A-Z]))(?P<names>\S.*)$"
    r"|(?:^|\s)(?:author|authors|reporter|reporters)\s*:\s*(?P<labelled>\S.*)$",
    re.I,
)

# Job titles that are a role, not part of a name.
_ROLE_WORDS = re.compile(
    r"\b(correspondent|reporter|editor|writer|columnist|contributor|journalist|bureau|chief|staff|analyst|"
    r"fellow|professor|producer|intern|presenter|photographer|critic|commentator|editor-at-large)s?\b",
    re.I,
)

# Photo and illustration credits: "Photography by John Flawed", "Photo: Reuters".
_CREDIT = re.compile(
    r"^(?:(?:lead |main |top |featured )?(?:photography|photographs?|photos?|images?|illustrations?|pictures?|"
    r"graphics?|artwork)(?: credit)?\s*(?:by|:|courtesy of)|(?:image|photo|video) courtesy of|video by)\s+\S.*$",
    re.I,
)

# What separates the names of a byline: "A, B and C", "A & B".
_NAME_SEPARATORS = re.compile(r",\s*|\s+and\s+|\s*&\s*")

# A person's name: capitalised words, initials, particles and hyphenated given names.
_NAME_WORD = re.compile(r"^(?:[A-Z][a-zA-Z'’-]*\.?|(?:[A-Z]\.){1,3}|de|da|van|von|der|del|bin|al-\w+|le|la)$")

# An author line signed with an e-mail address: "AFP/The Local - [email protected]", "Jane Doe | jd@example.com".
_SIGNED_BYLINE = re.compile(
    rf"^(?P<name>[A-Z][^@|–—]{{1,60}}?)\s+[-–—|]\s+(?:{EMAIL_ADDRESS})\s*$"
)

# An e-mail address written out, taken off a byline's names.
_WRITTEN_EMAIL_ADDRESS = re.compile(WRITTEN_EMAIL_ADDRESS)

# The end of a byline that says when: "On 11/13/19 at 4:00 PM EST", "Updated 5 hours ago".
_DATED_ENDING = re.compile(r"\s(?:on|at|updated|published|posted)\b\W*\d.*$", re.I)

# A closing credit line: "Reported by ...", "(Reporting by ...; Editing by ...)", "Translated by ...".
_REPORTING_CREDIT = re.compile(
    r"^\(?\s*(?:(?:additional )?reporting|reported|written(?: in english)?|translated|edited|editing|compiled)\s+by\s+(?-i:[A-Z])",
    re.I,
)

# The reporters a credit names first: "Reported by Jieun Kim for RFA's Korean Service" -> "Jieun Kim"
# ("Additional reporting by" names helpers, not authors).
_REPORTERS = re.compile(
    r"(?<!additional )\b(?:reporting|reported|written)\s+by\s+(?P<names>[^;.()]+?)(?=\s+(?:for|in|at|from|with)\s|\s*[;.()]|\s*$)",
    re.I,
)

# How many lines after the body may hold its closing credit.
_CREDIT_AFTER_LINES = 2

# A line about the page itself, never its standfirst ("This article is more than 2 years old.").
_ABOUT_THE_PAGE = re.compile(r"\bthis (article|story|post|page|report)\b|^(updated|corrected|clarified)\b", re.I)

# How a standfirst ends: a sentence's end, a closing quotation mark after one.
_STANDFIRST_END = re.compile(r"[.!?…][\"”’']?$")

# A dateline opening the first paragraph: "SHENYANG, China--", "SEOUL –", "NEW YORK (Reuters) -".
_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z.'’ -]{{1,40}}?)(?:,\s*(?:{_MONTH}\s+\d{{1,2}}|(?P<region>[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*){{0,3}})))?"
    r"\s*(?:\([^)]{1,40}\))?\s*(?:--|[–—-])\s*"  # "SEOUL, Oct. 10 (Yonhap) --" too
)

# A numbered note at the end of the article: "1. Stephen Haggard, ..." (marker taken off by cleaning).
_NOTE_MARKER = re.compile(r"^(\d{1,3})[.)]$")

# A footnote marker glued to the end of a sentence: "conventions.1", "criminals.3 In".
_FOOTNOTE_MARKER = re.compile(r"(?<=[a-z.,;:!?”\"’)])(\d{1,2})(?=\s|$)")

# Furniture that names the page's own site (after the copyright line, the author note, credits and captions).
_EVIDENCE_RULES = ("navigation", "promo", "share-widget")

# Furniture rules that may have taken a headline, byline or date line with them.
_HEADER_FURNITURE_RULES = ("headline-list", "link-list", "counter", "shouted-headline", "teaser-run")

# First words that make a capitalised phrase a title, not a person's name.
_NOT_NAME_STARTS = frozenset({"A", "An", "The", "Our", "More", "Most", "All", "Latest", "Top", "New"})

# Words of section names and breadcrumbs ("Home Music Music News", "City Talk"), never of a person's name.
_SECTION_WORDS = frozenset(
    """news home music sport sports talk world politics business opinion opinions local video videos live latest tech
    technology science health entertainment culture travel lifestyle magazine podcast podcasts weather markets
    money style food arts books tv film movies menu search""".split()
)

# Words that make a credited name an organisation's, never a person's ("European Space Agency", "HNN Staff").
_ORGANISATION_WORDS = frozenset(
    """agency press news service network bureau institute university association organisation organization
    ministry committee foundation council staff desk newsroom wire radio television broadcasting corporation
    media daily times journal magazine centre center office department group""".split()
)

# A line that states a date and nothing else worth keeping ("Posted on April 3, 2012").
_DATE_ONLY_WORDS = 8


@dataclass
class _Header:
    """What was read from the lines around the headline, and which lines it used."""

    title: str = ""
    title_line: int = 0  # the headline's line number
    standfirst: str = ""
    authors: list[str] = field(default_factory=list)
    author_role: str = ""
    date: dt.date | None = None
    credits: list[str] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # line numbers turned into metadata


# -----------------------------------------------------------------------------
# Stage
# -----------------------------------------------------------------------------


# The article: metadata read from the cleaned text, body lines turned into blocks
def extract_article(cleaned: CleanedText, publications: PublicationRegistry) -> Article:
    edits = list(cleaned.edits)
    header = _Header()
    zone = _header_zone(cleaned)
    _read_credits(zone + cleaned.after, header)
    _read_byline(zone + cleaned.after, publications, header)
    if not header.authors:
        _read_name_beside_date(zone, _list_item_texts(cleaned), header)
    _read_date(zone, cleaned.after, header)
    _read_title(cleaned, zone, header)
    _read_standfirst(cleaned, header)
    body_lines = [line for line in cleaned.body if line.number not in header.used]
    body_lines, footnotes = _split_footnotes(body_lines)
    body_lines, author_note = _split_author_note(body_lines, header.authors)
    body_lines, credit = _split_reporting_credit(body_lines, cleaned.after, publications, header)
    author_note = " ".join(note for note in (author_note, credit) if note)
    blocks = [_block(line, footnotes) for line in body_lines]
    _record_moves(cleaned, header, footnotes, author_note, edits)
    warnings = list(cleaned.warnings)
    if not header.title:
        warnings.append("no headline found")
    return Article(
        seed_path=cleaned.seed_path,
        title=header.title or _fallback_title(cleaned),
        standfirst=header.standfirst,
        body=blocks,
        date=header.date,
        authors=header.authors,
        author_role=header.author_role,
        publication=_find_publication(cleaned, author_note, header, blocks, publications),
        dateline=_dateline(blocks),
        credits=header.credits,
        footnotes=footnotes,
        author_note=author_note,
        edits=edits,
        warnings=warnings,
    )


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


# The lines around the headline: above the body's second paragraph, furniture lists included
def _header_zone(cleaned: CleanedText) -> list[Line]:
    paragraphs = [line for line in cleaned.body if line.kind is BlockKind.PARAGRAPH]
    limit = paragraphs[min(1, len(paragraphs) - 1)].number if paragraphs else float("inf")
    rules = {edit.line: edit.rule for edit in cleaned.edits if edit.action == "removed"}
    hidden = [line for line in cleaned.furniture if rules.get(line.number) in _HEADER_FURNITURE_RULES]
    lines = sorted(cleaned.before + hidden + cleaned.body, key=lambda line: line.number)
    return [line for line in lines if line.number < limit][-settings.HEADER_SEARCH_LINES :]


# Photo credits from the lines around the body ("Photography by John Flawed")
def _read_credits(lines: list[Line], header: _Header) -> None:
    for line in lines:
        if _CREDIT.match(line.text) and len(line.text.split()) <= settings.TITLE_MAX_WORDS:
            header.credits.append(line.text)
            header.used.add(line.number)


# Authors and their role from a byline near the headline (or at the end)
def _read_byline(lines: list[Line], publications: PublicationRegistry, header: _Header) -> None:
    for index, line in enumerate(lines):
        if line.number in header.used or not _is_short_or_dated_byline(line.text):
            continue
        match = _BYLINE.search(line.text)
        authors, role = _parse_names(match.group("names") or match.group("labelled"), publications) if match else ([], "")
        if not authors:
            continue
        header.authors, header.author_role = authors, role
        header.used.add(line.number)
        following = lines[index + 1] if index + 1 < len(lines) else None
        if following and not role and _is_role_line(following.text):
            header.author_role = following.text.strip()
            header.used.add(following.number)
        return
    _read_signed_byline(lines, header)


# An author from a line signed with an e-mail address (news agencies and staff sign this way)
def _read_signed_byline(lines: list[Line], header: _Header) -> bool:
    for line in lines:
        match = _SIGNED_BYLINE.match(line.text.strip())
        if match and line.number not in header.used and len(match.group("name").split()) <= settings.NAME_MAX_WORDS:
            header.authors = [match.group("name").strip()]
            header.used.add(line.number)
            return True
    return False


# Names and role from the text after "By": "KOICHIRO ISHIDA/ Correspondent", "A and B", or the
# organisation a byline names alone ("By Reuters", "By AFP")
def _parse_names(text: str, publications: PublicationRegistry) -> tuple[list[str], str]:
    text = _strip_trailing_date(_without_addresses(text))
    parts = re.split(r"\s*(?:/|\||•|·|\s[–—-]\s)\s*", text, maxsplit=1)
    names_text, role = parts[0], (parts[1].strip() if len(parts) > 1 else "")
    role = role if _ROLE_WORDS.search(role) else ""
    names, role_parts = [], [role] if role else []
    for piece in _NAME_SEPARATORS.split(names_text):
        piece = _leading_name(piece.strip(" ."))
        if not piece:
            continue
        if names and not _ROLE_WORDS.search(piece) and _looks_like_organisation(piece):
            names.append(piece)  # a station or agency credited beside the reporters ("7 News WSVN")
            continue
        if _ROLE_WORDS.search(piece) or not _looks_like_name(piece):
            if not names and not role_parts and (_looks_like_organisation(piece) or publications.named_by(piece)):
                names.append(piece)  # the agency or outlet the byline credits
                continue
            if not names:
                return [], ""
            role_parts.append(piece)
            continue
        names.append(_normal_case(piece))
    return names, ", ".join(part for part in role_parts if part)


# The text without e-mail addresses and social media handles ("Jane Doe @janedoe" -> "Jane Doe")
def _without_addresses(text: str) -> str:
    return re.sub(r"\s*@\w+", "", _WRITTEN_EMAIL_ADDRESS.sub("", text)).strip()


# The text with a date or time at its end taken off ("Jane Doe August 5, 2016", "Jane Doe On 11/13/19")
def _strip_trailing_date(text: str) -> str:
    for pattern in (*_DATE_PATTERNS, _DATED_ENDING):
        match = pattern.search(text)
        if match:
            text = text[: match.start()]
    return re.sub(r"[\s,|•·]+(updated|published|posted|on)?\s*$", "", text, flags=re.I).strip()


# The name at the start of a piece of text ("J.R. Stone KGO logo" -> "J.R. Stone KGO")
def _leading_name(text: str) -> str:
    words = text.split()
    taken = []
    for word in words[: settings.NAME_MAX_WORDS]:
        mixed_case_name = len(taken) >= settings.NAME_MIN_WORDS and not " ".join(taken).isupper()
        if not _NAME_WORD.match(word) or (mixed_case_name and _is_acronym(word)):
            break
        taken.append(word)
    return " ".join(taken) if len(taken) >= settings.NAME_MIN_WORDS else text


# Whether a byline piece names an organisation: a few capitalised words, one of them an acronym ("7 News WSVN")
def _looks_like_organisation(text: str) -> bool:
    words = text.split()
    capitalised = all(word[:1].isupper() or word[:1].isdigit() for word in words)
    return len(words) <= settings.NAME_MAX_WORDS and capitalised and any(_is_acronym(word) for word in words)


# Whether an author's name is an organisation's ("Reuters", "AFP/The Local", "European Space Agency",
# "7 News WSVN", the article's own publication), for the JSON-LD author type
def is_organisation_name(name: str, publication_name: str = "") -> bool:
    words = name.replace("/", " ").split()
    shouted = name.isupper() and len(words) > 1  # "KOICHIRO ISHIDA": every word looks like an acronym
    return (
        name.casefold() == publication_name.casefold()
        or len(words) == 1  # bylines name a person in two words or more; one word is an agency ("By Yonhap")
        or (not shouted and _looks_like_organisation(" ".join(words)))
        or any(word.lower().strip(".,'’") in _ORGANISATION_WORDS for word in words)
    )


# Whether a word is an acronym such as a station or agency name ("KGO", "AFP"), not part of a person's name
# (initials are not: "J.R.")
def _is_acronym(word: str) -> bool:
    letters = re.sub(r"\W", "", word)
    return len(letters) >= 2 and letters.isupper() and not _INITIALS.fullmatch(word)


# A person's initials: "J.R.", "C.", "J. R."
_INITIALS = re.compile(r"(?:[A-Z]\.\s?)+")


# Whether a piece of text is a person's name (two to four capitalised words)
def _looks_like_name(text: str) -> bool:
    words = text.split()
    if not settings.NAME_MIN_WORDS <= len(words) <= settings.NAME_MAX_WORDS:
        return False
    if words[0] in _NOT_NAME_STARTS or any(word.lower() in _SECTION_WORDS for word in words):
        return False
    return all(_NAME_WORD.match(word) for word in words) and not _DATE_WITH_MONTH_NAME.search(text)


# Whether a short line is a job title ("South Korea Correspondent")
def _is_role_line(text: str) -> bool:
    return len(text.split()) <= 6 and bool(_ROLE_WORDS.search(text)) and not _find_date_in(text)


# A name in normal case ("KOICHIRO ISHIDA" -> "Koichiro Ishida"); mixed case is kept
def _normal_case(name: str) -> str:
    if name.isupper() or name.islower():
        return " ".join("-".join(part.capitalize() for part in word.split("-")) for word in name.split())
    return name


# Authors from a lone line of names right beside the date line, above the body ("Debbie White" /
# "18 Nov 2019", "Kevin Johnson and Kevin McCoy USA TODAY"); the nearest such line wins.  Only the
# header: after the body, names beside dates are the related-stories list.  A line whose text is
# also a list item elsewhere on the page is a menu entry ("Hometown Hockey"), not a byline.
def _read_name_beside_date(lines: list[Line], list_items: dict[str, set[int]], header: _Header) -> None:
    dates = [
        index for index, line in enumerate(lines)
        if _find_date_in(line.text) and len(line.text.split()) <= _DATE_ONLY_WORDS
    ]
    candidates = []
    for index, line in enumerate(lines):
        elsewhere = list_items.get(line.text.strip(), set()) - {line.number}
        if line.number in header.used or elsewhere or _BYLINE.search(line.text):
            continue
        distance = min((abs(index - date) for date in dates), default=settings.NAME_DATE_REACH + 1)
        names = _lone_names(line.text) if distance <= settings.NAME_DATE_REACH else []
        if names:
            candidates.append((distance, index, names))
    if candidates:
        _, index, names = min(candidates)
        header.authors = names
        header.used.add(lines[index].number)


# The names a line holds when it holds nothing but names, an organisation credited with them aside
# ("Kevin Johnson and Kevin McCoy USA TODAY"); none for anything else
def _lone_names(text: str) -> list[str]:
    if _ROLE_WORDS.search(text) or _find_date_in(text):
        return []
    names = []
    for piece in _NAME_SEPARATORS.split(_without_addresses(text).strip(" .")):
        name = _leading_name(piece)
        credited = piece[len(name) :].strip()
        if not _looks_like_name(name) or (credited and not _looks_like_organisation(credited)):
            return []
        names.append(_normal_case(name))
    return names


# The page's list items (menus, tag lists, related links) by text, with their line numbers
def _list_item_texts(cleaned: CleanedText) -> dict[str, set[int]]:
    items: dict[str, set[int]] = {}
    for part in (cleaned.before, cleaned.furniture, cleaned.body, cleaned.after):
        for line in part:
            if line.marker:
                items.setdefault(line.text.strip(), set()).add(line.number)
    return items


# The publication date: a dated line near the headline, else one after the body
# (in the header: a "Published" date first, an "Updated" one last; after the body only when the header has none)
def _read_date(before: list[Line], after: list[Line], header: _Header) -> None:
    ranked = []
    for lines in (list(reversed(before)), after):
        short = [line for line in lines if _is_short_or_dated_byline(line.text)]
        ranked += sorted(short, key=lambda line: (_says_updated(line.text), not _PUBLISHED_SIGN.search(line.text)))
    for line in ranked:
        date = _find_date_in(line.text)
        if date:
            header.date = date
            if len(line.text.split()) <= _DATE_ONLY_WORDS:
                header.used.add(line.number)
            return


# Whether a line is short enough to be a date line, or a byline giving the date early on ("By HNN
# Staff | November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM")
def _is_short_or_dated_byline(text: str) -> bool:
    reach = settings.TITLE_MAX_WORDS // 2
    if len(text.split()) <= reach:
        return True
    return bool(_BYLINE.match(text)) and _find_date_in(" ".join(text.split()[:reach])) is not None


# Whether a dated line gives the date of an update: "Updated" before its first date ("By HNN Staff |
# November 18, 2019 - Updated November 18" is the publication date)
def _says_updated(text: str) -> bool:
    sign = _UPDATED_SIGN.search(text)
    date = next((match for pattern in _DATE_PATTERNS if (match := pattern.search(text))), None)
    return bool(sign) and (date is None or sign.start() < date.start())


# The first plausible date written in a piece of text, or None
def _find_date_in(text: str) -> dt.date | None:
    for match in _DATE_WITH_MONTH_NAME.finditer(text):
        date = _parse_date(match.group(0), dayfirst=False)
        if date:
            return date
    for match in _ISO_DATE.finditer(text):
        date = _parse_date(match.group(0), dayfirst=False)
        if date:
            return date
    for match in _NUMERIC_DATE.finditer(text):
        first, separator, second = int(match.group(1)), match.group(2), int(match.group(3))
        dayfirst = separator == "." or first > 12
        date = _parse_date(match.group(0), dayfirst=dayfirst) if max(first, second) <= 31 else None
        if date:
            return date
    return None


# A date parsed with dateutil, or None when it is not a plausible publication date
def _parse_date(text: str, *, dayfirst: bool) -> dt.date | None:
    try:
        parsed = date_parser.parse(text.replace(".", " ") if not dayfirst else text, dayfirst=dayfirst)
    except (ValueError, OverflowError):
        return None
    if not settings.EARLIEST_YEAR <= parsed.year <= settings.LATEST_YEAR:
        return None
    return parsed.date()


# The headline: the most headline-like unused line above the body
def _read_title(cleaned: CleanedText, zone: list[Line], header: _Header) -> None:
    window = zone[-settings.TITLE_SEARCH_LINES :]
    all_lines = cleaned.before + cleaned.furniture + cleaned.after
    best_score, best = 0.0, None
    for index, line in enumerate(window):
        if line.number in header.used:
            continue
        distance = len(window) - 1 - index
        score = _headline_score(line, all_lines) - distance * settings.TITLE_DISTANCE_PENALTY
        score += _byline_nearby_bonus(window, index, header) + _standfirst_bonus(window, index, header)
        if score > best_score:
            best_score, best = score, line
    if best is not None:
        header.title, header.title_line = best.text.strip(), best.number
        header.used.add(best.number)


# The standfirst: a sentence or two right under the headline, above the byline and the body, that the
# page kept apart from the article's text ("Rights groups say about 60 were sent back from Jilin
# province."); below the byline such a line is more often the lead picture's caption
def _read_standfirst(cleaned: CleanedText, header: _Header) -> None:
    body_start = cleaned.body[0].number if cleaned.body else 0
    for line in cleaned.before:
        if line.number <= header.title_line:
            continue
        if line.number in header.used or line.number > body_start or not _is_standfirst(line.text):
            return
        header.standfirst = line.text.strip()
        header.used.add(line.number)
        return


# Whether a line under the headline reads as its standfirst: running text, one or two sentences long
def _is_standfirst(text: str) -> bool:
    words = len(text.split())
    return (
        settings.PROSE_MIN_WORDS <= words <= settings.STANDFIRST_MAX_WORDS
        and bool(_STANDFIRST_END.search(text))
        and not caption_credit(text)
        and not _find_date_in(text)
        and not _BYLINE.search(text)
        and not _ABOUT_THE_PAGE.search(text)
    )


# How much a line looks like this page's headline (0 when it cannot be one)
def _headline_score(line: Line, all_lines: list[Line]) -> float:
    text = line.text.strip()
    words = text.split()
    if not settings.TITLE_MIN_WORDS <= len(words) <= settings.TITLE_MAX_WORDS:
        return 0.0
    if _find_date_in(text) or _BYLINE.search(text) or _is_role_line(text) or caption_credit(text):
        return 0.0
    if _PUBLISHED_SIGN.match(text) or _UPDATED_SIGN.match(text) or "@" in text or "[email" in text:
        return 0.0
    if re.search(r"[.:,;)]$", text) and not text.endswith("..."):
        return 0.0
    score = 10.0 + min(len(words), settings.TITLE_WORDS_COUNTED) * 0.5
    if len(words) > settings.TITLE_LONG_WORDS:
        score -= 4
    if text.isupper():
        score -= 6
    if line.marker:
        score -= 5
    repeats = sum(1 for other in all_lines if other.text.strip() != text and _is_title_variant(other.text, text))
    return score + settings.TITLE_REPEAT_BONUS * min(repeats, 1)


# Bonus for a headline candidate with the byline or date just below it (or, less, just above)
def _byline_nearby_bonus(window: list[Line], index: int, header: _Header) -> float:
    below = window[index + 1 : index + 1 + settings.TITLE_BYLINE_REACH]
    above = window[max(0, index - settings.TITLE_BYLINE_REACH) : index]
    if any(_is_byline_or_date(line, header) for line in below):
        return settings.TITLE_BYLINE_BELOW_BONUS
    if any(_is_byline_or_date(line, header) for line in above):
        return settings.TITLE_BYLINE_ABOVE_BONUS
    return 0.0


# Bonus for a headline candidate followed by a standfirst (the headline comes first)
def _standfirst_bonus(window: list[Line], index: int, header: _Header) -> float:
    following = window[index + 1] if index + 1 < len(window) else None
    if following is None or following.number in header.used or following.marker:
        return 0.0
    if caption_credit(following.text):
        return 0.0  # a photo caption, not a standfirst
    if len(window[index].text.split()) < settings.PROSE_MIN_WORDS:
        return 0.0
    words = len(following.text.split())
    return settings.TITLE_STANDFIRST_BONUS if settings.PROSE_MIN_WORDS <= words <= 2 * settings.TITLE_MAX_WORDS else 0.0


# Whether a header line is the byline or the date line
def _is_byline_or_date(line: Line, header: _Header) -> bool:
    if line.number in header.used and not _CREDIT.match(line.text):
        return True
    return bool(_find_date_in(line.text)) and len(line.text.split()) <= settings.TITLE_MAX_WORDS // 2


# Whether `other` is the headline with a site name added ("Headline | Site", "Headline - Site")
def _is_title_variant(other: str, title: str) -> bool:
    if other.strip() == title:
        return True
    site_name = re.match(r"\s*[|–—:-]\s*(?P<name>\S.*)$", other[len(title) :]) if other.startswith(title) else None
    return bool(site_name) and len(site_name.group("name").split()) <= settings.TITLE_SITE_NAME_MAX_WORDS


# A headline when none was found: the seed's file name
def _fallback_title(cleaned: CleanedText) -> str:
    return cleaned.seed_path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


# The body without its closing numbered notes, and those notes
def _split_footnotes(lines: list[Line]) -> tuple[list[Line], list[Footnote]]:
    notes: list[Footnote] = []
    cut = len(lines)
    for index in range(len(lines) - 1, -1, -1):
        match = _NOTE_MARKER.match(lines[index].marker)
        if not match:
            break
        notes.insert(0, Footnote(int(match.group(1)), lines[index].text.strip()))
        cut = index
    numbers = [note.number for note in notes]
    if not notes or numbers != list(range(1, len(notes) + 1)):
        return lines, []
    body_text = " ".join(line.text for line in lines[:cut])
    if not _FOOTNOTE_MARKER.search(body_text):
        return lines, []
    return lines[:cut], notes


# The body without a closing note about the author, and that note
def _split_author_note(lines: list[Line], authors: list[str]) -> tuple[list[Line], str]:
    if not lines or lines[-1].kind is not BlockKind.PARAGRAPH:
        return lines, ""
    last = lines[-1].text.strip()
    about_author = any(last.startswith(name) for name in authors) or re.match(r"^about the author\b", last, re.I)
    if about_author and not _is_prose_about_events(last):
        return lines[:-1], last
    return lines, ""


# The body without a closing credit of who reported, wrote, translated or edited the story ("Reported
# by Jieun Kim for RFA's Korean Service. Translated by Leejin Jun.", "(Reporting by Josh Smith; Editing
# by Lincoln Feast)"), and that credit; its reporters are the authors when no byline named any.  The
# credit is the body's last paragraph or one of the first lines after it.
def _split_reporting_credit(
    lines: list[Line], after: list[Line], publications: PublicationRegistry, header: _Header
) -> tuple[list[Line], str]:
    candidates = ([lines[-1]] if lines and lines[-1].kind is BlockKind.PARAGRAPH else []) + after[:_CREDIT_AFTER_LINES]
    for line in candidates:
        text = line.text.strip()
        if not _REPORTING_CREDIT.match(text) or len(text.split()) > settings.TITLE_MAX_WORDS:
            continue
        reporters = _REPORTERS.search(text)
        if reporters and not header.authors:
            header.authors = _parse_names(reporters.group("names"), publications)[0]
        header.used.add(line.number)
        return [kept for kept in lines if kept is not line], text
    return lines, ""


# Whether a closing paragraph tells the story rather than describing its author
def _is_prose_about_events(text: str) -> bool:
    return bool(re.search(r"\b(said|told|says|reported)\b", text))


# One body block from a cleaned line, footnote markers taken out of its text
def _block(line: Line, footnotes: list[Footnote]) -> Block:
    text, refs = line.text.strip(), []
    if line.marker and line.kind is BlockKind.PARAGRAPH:
        text = f"{line.marker} {text}"
    if footnotes and line.kind is BlockKind.PARAGRAPH:
        text, refs = _take_footnote_markers(text, len(footnotes))
    return Block(line.kind, text, tuple(refs), (line.number, line.last))


# The text without footnote markers glued to sentence ends, and where they were
def _take_footnote_markers(text: str, highest: int) -> tuple[str, list[FootnoteRef]]:
    refs: list[FootnoteRef] = []
    pieces, start = [], 0
    for match in _FOOTNOTE_MARKER.finditer(text):
        number = int(match.group(1))
        if not 1 <= number <= highest:
            continue
        pieces.append(text[start : match.start()])
        refs.append(FootnoteRef(sum(len(piece) for piece in pieces), number))
        start = match.end()
    pieces.append(text[start:])
    return "".join(pieces), refs


# Edits recording the lines that became metadata
def _record_moves(
    cleaned: CleanedText, header: _Header, footnotes: list[Footnote], author_note: str, edits: list[Edit]
) -> None:
    for line in cleaned.before + cleaned.body + cleaned.after:
        if line.number in header.used:
            edits.append(Edit(line.number, "metadata", "moved", line.text))
    for line in cleaned.body:
        if footnotes and _NOTE_MARKER.match(line.marker):
            edits.append(Edit(line.number, "footnote", "moved", line.text))
        if author_note and line.text.strip() and line.text.strip() in author_note and line.number not in header.used:
            edits.append(Edit(line.number, "author-note", "moved", line.text))


# The place the first paragraph is datelined from ("SHENYANG, China--" -> "Shenyang, China")
def _dateline(blocks: list[Block]) -> str:
    first = next((block for block in blocks if block.kind is BlockKind.PARAGRAPH), None)
    match = _DATELINE.match(first.text) if first else None
    if not match or not match.group("place").strip().replace(" ", "").replace(".", "").isupper():
        return ""
    place = " ".join(word.capitalize() for word in match.group("place").split())
    if len(place) < 3:
        return ""
    return f"{place}, {match.group('region')}" if match.group("region") else place


# The source publication, from text that names the page's own site (never the article's mentions)
def _find_publication(
    cleaned: CleanedText,
    author_note: str,
    header: _Header,
    blocks: list[Block],
    publications: PublicationRegistry,
) -> Publication | None:
    furniture = {edit.line: edit.rule for edit in cleaned.edits if edit.action == "removed"}
    site_lines = [
        line.text for rule in _EVIDENCE_RULES for line in cleaned.furniture if furniture.get(line.number) == rule
    ]
    evidence = [line.text for line in cleaned.furniture if furniture.get(line.number) in ("copyright", "contact")]
    evidence.append(author_note)
    evidence.extend(header.credits)
    evidence.extend(block.text for block in blocks if block.kind is BlockKind.CAPTION)
    # Only the lines right after the article: further down, other stories carry their own agencies' credits.
    body_end = cleaned.body[-1].last if cleaned.body else 0
    evidence.extend(line.text for line in cleaned.after if line.number <= body_end + settings.PUBLICATION_AFTER_LINES)
    evidence.extend(site_lines)
    for text in evidence:
        found = publications.find_in(text)
        if found:
            return found
    return None
