"""Synthetic seeds for the scale benchmark: N raw text dumps shaped like the real ones.

    python bench/generate_seeds.py N OUT_DIR

Each seed imitates one of the dump layouts found in `seeds/` (a Chosun-style
page with bullets and a copyright line, a New Eastern Outlook page between
casino spam, an Asahi page with a repeated photo caption, a blog post with
"Share |" and footnotes, a Straits Times page between "top of page" and
"bottom of page", and a Korea Herald page with a "Published :" line): a
headline, a byline ("By NAME" or "DATE Author: NAME"), a date in one of
several formats, furniture before and after, and 600-1,500 words of English
built from a fixed vocabulary.  Every article is about two or three topics of
the field (repatriation, brokers, diplomatic defections, sanctions, ...) and
names the people, places and organisations that go with them, so tagging and
related-article work has something real to do.

Output is deterministic: seed `i` of a run of N is drawn from
`random.Random(f"newsarchive-bench/{N}/{i}")`, so the same N always gives the
same bytes (file names carry the index and a hash of the text, like the real
seeds).
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# -----------------------------------------------------------------------------
# Data: the field's vocabulary
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Topic:
    """A subject the archive files articles under, with the words that signal it."""

    slug: str
    subjects: tuple[str, ...]  # noun phrases that can open a sentence
    objects: tuple[str, ...]  # noun phrases that can end one
    entities: tuple[str, ...]  # named people, places and organisations that go with it
    headline_verbs: tuple[str, ...]


TOPICS = (
    Topic(
        "repatriation",
        ("Chinese police", "Border guards in Jilin", "The Ministry of Public Security", "Authorities in Liaoning province",
         "Officials in Dandong", "The Chinese government"),
        ("the forced repatriation of North Korean defectors", "dozens of detained North Korean refugees",
         "women held at a detention centre near the Tumen River", "the repatriation of escapees caught near Yanji",
         "the return of defectors to the Ministry of State Security", "refugees facing labour camps after repatriation"),
        ("Shenyang", "Dandong", "Yanji", "Tumen River", "Jilin", "Liaoning", "Ministry of State Security", "Beijing"),
        ("repatriates", "deports", "sends back", "detains"),
    ),
    Topic(
        "brokers",
        ("A broker in Yanbian", "Smuggling networks along the Yalu River", "Brokers working from Shenyang",
         "A Christian missionary group", "Traffickers in rural Heilongjiang"),
        ("the fees brokers charge to guide defectors through Laos", "the underground railroad to Thailand",
         "safe houses used by brokers near the border", "women sold to farmers by human traffickers",
         "the price of an escape route through Mongolia", "brokers who bribe border guards"),
        ("Yanbian", "Yalu River", "Laos", "Thailand", "Mongolia", "Heilongjiang", "Durihana", "Kim Sung-eun"),
        ("exposes", "tracks", "describes", "questions"),
    ),
    Topic(
        "diplomats",
        ("Thae Yong-ho", "A North Korean diplomat in London", "The deputy ambassador", "A trade official in Vladivostok",
         "Ri Il-gyu", "A former diplomat posted in Kuwait"),
        ("the defection of senior diplomats to Seoul", "asylum requests from officials posted in Europe",
         "the elite defectors who reached the Ministry of Unification", "the pressure on envoys to earn foreign currency",
         "the family members left behind in Pyongyang"),
        ("Thae Yong-ho", "Ri Il-gyu", "London", "Vladivostok", "Ministry of Unification", "Pyongyang", "Kim Jong-un"),
        ("reveals", "recounts", "explains", "warns about"),
    ),
    Topic(
        "sanctions",
        ("The UN Security Council", "The sanctions committee", "Washington", "A panel of experts",
         "Seafood factories in Hunchun", "Chinese customs officials"),
        ("sanctions on North Korean overseas workers", "the workers sent to restaurants and factories in China",
         "foreign currency earned for the regime by labourers abroad", "loopholes in the sanctions regime",
         "ship-to-ship transfers off the Chinese coast"),
        ("UN Security Council", "Hunchun", "Dalian", "Kim Jong-un", "Xi Jinping", "Washington"),
        ("tightens", "targets", "investigates", "enforces"),
    ),
    Topic(
        "asylum",
        ("The UN High Commissioner for Refugees", "UNHCR", "The UN special rapporteur", "European immigration officials",
         "Human Rights Watch", "Amnesty International"),
        ("refugee status for North Koreans in China", "the principle of non-refoulement",
         "asylum claims lodged in Britain and Canada", "the 1951 Refugee Convention and its protocol",
         "the commission of inquiry on human rights in North Korea"),
        ("UNHCR", "UN High Commissioner for Refugees", "Elizabeth Salmón", "Tomás Ojea Quintana", "Human Rights Watch",
         "Amnesty International", "Geneva"),
        ("urges", "criticises", "appeals to", "reports on"),
    ),
    Topic(
        "resettlement",
        ("New arrivals at Hanawon", "Young defectors in Seoul", "The Ministry of Unification", "A settlement counsellor",
         "Ji Seong-ho", "Kang Chol-hwan"),
        ("the resettlement of defectors in South Korea", "the twelve-week course at Hanawon",
         "the jobs and schools open to escapees", "the loneliness of families split across the border",
         "the support payments for new arrivals"),
        ("Hanawon", "Seoul", "Ministry of Unification", "Ji Seong-ho", "Kang Chol-hwan", "Anseong"),
        ("welcomes", "supports", "studies", "follows"),
    ),
    Topic(
        "border",
        ("Soldiers on the Chinese side", "New fences along the Tumen River", "Surveillance cameras in Changbai",
         "Border security officials", "The Covid-19 border closure"),
        ("the fences and cameras on the border with China", "shoot-to-kill orders during the pandemic",
         "the smuggling trade across the frozen river", "the number of crossings since 2020",
         "the patrols that made escapes rare"),
        ("Tumen River", "Yalu River", "Changbai", "Hyesan", "Sinuiju", "Dandong"),
        ("fortifies", "seals", "reopens", "patrols"),
    ),
)

# People quoted in any article, with the roles they are given.
SPEAKERS = (
    ("Kim Seok-hyang", "a professor at Ewha Womans University"),
    ("Sokeel Park", "a director at Liberty in North Korea"),
    ("Lina Yoon", "a researcher at Human Rights Watch"),
    ("Andrei Lankov", "a historian at Kookmin University"),
    ("Ahn Chan-il", "a defector who runs a research institute in Seoul"),
    ("Park Ji-hyun", "a defector and campaigner"),
    ("Tim Peters", "the founder of Helping Hands Korea"),
    ("Go Myong-hyun", "a fellow at the Asan Institute for Policy Studies"),
)

# Ordinary words of a news report: verbs, connectives and time phrases.
VERBS = ("raised concerns about", "drew attention to", "has long denied", "quietly tolerated", "was blamed for",
         "pointed to", "has refused to discuss", "continued to debate", "was linked to", "stepped up its response to",
         "documented", "played down", "questioned", "highlighted")
CONNECTIVES = ("However,", "Meanwhile,", "In recent months,", "According to activists,", "At the same time,",
               "For years,", "Since the spring,", "Critics say that", "Observers noted that", "In practice,",
               "Even so,", "By some estimates,")
TIME_PHRASES = ("last week", "earlier this year", "over the past decade", "in the months that followed",
                "during the winter", "since the border reopened", "in late September", "before the summit")
GENERIC_SENTENCES = (
    "The government did not respond to requests for comment.",
    "Few of those involved were willing to speak on the record.",
    "The figures could not be independently verified.",
    "Many of the women had lived in China for more than a decade.",
    "Some had children who were born in China and have no papers.",
    "The journey can take months and costs thousands of dollars.",
    "Most of those who escape are women from the northern provinces.",
    "Families in the North often learn of an arrest only weeks later.",
    "Rights groups say the numbers are far higher than officials admit.",
    "The issue has strained relations between Seoul and Beijing.",
)
NUMBERS = ("60", "200", "about 500", "more than 1,000", "nearly 2,000", "some 30,000", "600", "dozens of")

PUBLICATION_LAYOUTS = ("chosun", "neo", "asahi", "blog", "straits", "herald")
AUTHOR_FIRST = ("Kim", "Lee", "Park", "Choi", "Jung", "Wendy", "Konstantin", "Koichiro", "Sarah", "James", "Anna",
                "Daniel", "Yoon", "Han", "Mei", "Robert")
AUTHOR_LAST = ("Myong-song", "Teo", "Asmolov", "Ishida", "Kang", "Ryall", "Cho", "Harris", "Chen", "Suh", "Nakamura",
               "Williams", "Jae-won", "Min-ji", "Song", "Fischer")
# First words of subjects that are not names (lower-cased after a connective).
_COMMON_OPENERS = frozenset("The A Border Soldiers Officials Authorities Brokers Smuggling Traffickers Seafood "
                            "Surveillance New Young European".split())
SPAM = ("casino siteleri yeni bahis siteleri deneme bonusu veren siteler", "cheap replica watches best price online",
        "canlı bahis siteleri güvenilir bonus")


# -----------------------------------------------------------------------------
# Generating
# -----------------------------------------------------------------------------


# Write N seeds into `out_dir` (created if needed); returns their paths in order
def generate(n: int, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(n):
        text = seed_text(n, index)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        path = out_dir / f"{index:05d}_{digest}.txt"
        path.write_text(text, encoding="utf-8", newline="\n")
        paths.append(path)
    return paths


# The text of seed `index` of a run of `n`
def seed_text(n: int, index: int) -> str:
    rng = random.Random(f"newsarchive-bench/{n}/{index}")
    topics = rng.sample(TOPICS, rng.choice((2, 2, 3)))
    date = dt.date(1998, 1, 1) + dt.timedelta(days=rng.randrange(27 * 365))
    author = f"{rng.choice(AUTHOR_FIRST)} {rng.choice(AUTHOR_LAST)}"
    headline = _headline(rng, topics, index)
    paragraphs = _paragraphs(rng, topics, rng.randint(600, 1500))
    layout = _LAYOUTS[PUBLICATION_LAYOUTS[index % len(PUBLICATION_LAYOUTS)]]
    return layout(rng, headline, author, date, paragraphs)


# -----------------------------------------------------------------------------
# Helper functions: the article text
# -----------------------------------------------------------------------------


# A headline from the main topic: subject, verb, object (and an index-free twist so most headlines differ)
def _headline(rng: random.Random, topics: list[Topic], index: int) -> str:
    main = topics[0]
    subject = rng.choice(main.subjects)
    thing = rng.choice(main.objects)
    place = rng.choice(topics[-1].entities)
    text = f"{subject} {rng.choice(main.headline_verbs)} {thing}"
    if rng.random() < 0.5:
        text += f" in {place}" if place[0].isupper() and " " not in place else f", says {rng.choice(SPEAKERS)[0]}"
    return text[0].upper() + text[1:]


# Paragraphs of 2-6 sentences until about `words` words
def _paragraphs(rng: random.Random, topics: list[Topic], words: int) -> list[str]:
    paragraphs: list[str] = []
    total = 0
    while total < words:
        sentences = [_sentence(rng, topics) for _ in range(rng.randint(2, 6))]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        total += len(paragraph.split())
    return paragraphs


# One sentence: a statement about a topic, a quotation, or a stock line of news prose
def _sentence(rng: random.Random, topics: list[Topic]) -> str:
    topic = rng.choice(topics)
    roll = rng.random()
    if roll < 0.15:
        name, role = rng.choice(SPEAKERS)
        return (f"“{rng.choice(topic.subjects)} {rng.choice(VERBS)} {rng.choice(topic.objects)},” said {name}, "
                f"{role}.")
    if roll < 0.25:
        return rng.choice(GENERIC_SENTENCES)
    if roll < 0.35:
        return (f"{rng.choice(CONNECTIVES)} {rng.choice(NUMBERS)} North Koreans were caught near "
                f"{rng.choice(topic.entities)} {rng.choice(TIME_PHRASES)}.")
    opener = rng.choice(CONNECTIVES) + " " if roll < 0.6 else ""
    subject = rng.choice(topic.subjects)
    if opener and subject.split()[0] in _COMMON_OPENERS:
        subject = subject[0].lower() + subject[1:]
    sentence = f"{opener}{subject} {rng.choice(VERBS)} {rng.choice(topic.objects)} {rng.choice(TIME_PHRASES)}"
    if rng.random() < 0.4:
        sentence += f", a move that involved {rng.choice(topic.entities)}"
    return sentence[0].upper() + sentence[1:] + "."


# A date written one of the ways the dumps write dates
def _date_text(rng: random.Random, date: dt.date) -> str:
    style = rng.randrange(5)
    if style == 0:
        return f"{date:%B} {date.day:02d}, {date.year} {rng.randrange(24):02d}:{rng.randrange(60):02d}"
    if style == 1:
        return f"{date:%B} {date.day}, {date.year}"
    if style == 2:
        return f"{date.day} {date:%B %Y}"
    if style == 3:
        return f"{date:%d.%m.%Y}"
    return f"{date.isoformat()}"


# -----------------------------------------------------------------------------
# Helper functions: the page layouts (furniture around the article)
# -----------------------------------------------------------------------------


# Chosun Ilbo style: bullet byline, indented text, copyright and navigation after
def _chosun(rng, headline, author, date, paragraphs) -> str:
    lines = [headline, "", f"  • By {author}", "", f"    {_date_text(rng, date)}", ""]
    for paragraph in paragraphs:
        lines += [f"    {paragraph}", ""]
    lines += ["    • Copyright © Chosunilbo & Chosun.com", "    Previous Next", "    All Headlines Back to Top"]
    return "\n".join(lines) + "\n"


# New Eastern Outlook style: spam, "DD.MM.YYYY Author: NAME", headline, author note, digest prompt, spam
def _neo(rng, headline, author, date, paragraphs) -> str:
    spam = rng.choice(SPAM)
    lines = [spam, f"{date:%d.%m.%Y} Author: {author}", "", headline, ""]
    for paragraph in paragraphs:
        lines += [paragraph, ""]
    lines += [f"{author}, Ph.D, research fellow at the Center for Korean Studies, exclusively for the online "
              "magazine “New Eastern Outlook.”", "", "Please select digest to download:", spam]
    return "\n".join(lines) + "\n"


# Asahi Shimbun style: date, "By NAME/ Correspondent", dateline, repeated photo caption, "More AJW"
def _asahi(rng, headline, author, date, paragraphs) -> str:
    place = rng.choice(("SHENYANG, China", "SEOUL", "BEIJING", "DANDONG, China", "TOKYO"))
    caption = (f"The {rng.choice(('Yalu', 'Tumen'))} river, which North Korean defectors cross when fleeing, "
               "is shown. (Asahi Shimbun file photo)")
    byline = f"By {author.upper()}/ Correspondent"
    lines = [headline, "", f"{date:%B} {date.day:02d}, {date.year}", "", byline, ""]
    lines += [f"{place}--{paragraphs[0]}", ""]
    for paragraph in paragraphs[1:]:
        lines += [paragraph, ""]
    lines += [byline, "  • 1", "submit to reddit", caption, "", caption, "", "Toggle", f"  • {caption}", "", "More AJW"]
    return "\n".join(lines) + "\n"


# Blog style: photo credit, "Share |" widgets, numbered footnotes, "Posted on DATE"
def _blog(rng, headline, author, date, paragraphs) -> str:
    lines = [headline, "", f"Photography by {author}", "", paragraphs[0], "Share |", ""]
    for paragraph in paragraphs[1:]:
        lines += [paragraph, ""]
    lines += ["Share |", ""]
    for number in range(1, rng.randint(2, 4)):
        lines += [f"  {number}. {rng.choice(SPEAKERS)[0]}, “{rng.choice(TOPICS).objects[0]},” report, "
                  f"{date.year - 1}, p. {rng.randint(3, 90)}. ", ""]
    lines += [f"Posted on {date:%B} {date.day}, {date.year}"]
    return "\n".join(lines) + "\n"


# Straits Times style: "top of page", byline and role, date, dateline, "bottom of page"
def _straits(rng, headline, author, date, paragraphs) -> str:
    lines = ["top of page", "", headline, "", f"By {author}", "", rng.choice(("South Korea Correspondent",
             "China Correspondent", "Senior Writer")), "", _date_text(rng, date), ""]
    lines += [f"{rng.choice(('SEOUL', 'BEIJING', 'SHENYANG'))} – {paragraphs[0]} {rng.choice(SPEAKERS)[0]} told "
              "The Straits Times.  ", ""]
    for paragraph in paragraphs[1:]:
        lines += [paragraph, ""]
    lines += ["", "bottom of page"]
    return "\n".join(lines) + "\n"


# Korea Herald style: "Published :" line, byline with e-mail, copyright and sharing widgets
def _herald(rng, headline, author, date, paragraphs) -> str:
    lines = [headline, "",
             f"Published : {date.isoformat()} {rng.randrange(24):02d}:{rng.randrange(60):02d}", "", f"By {author}", ""]
    for paragraph in paragraphs:
        lines += [paragraph, ""]
    lines += [f"{author.split()[0].lower()}@heraldcorp.com", "", "Share | Facebook | Twitter | Email", "",
              "Copyright © The Korea Herald. All rights reserved.", "Most Popular", "  • Related Articles"]
    return "\n".join(lines) + "\n"


_LAYOUTS: dict[str, Callable[..., str]] = {
    "chosun": _chosun, "neo": _neo, "asahi": _asahi, "blog": _blog, "straits": _straits, "herald": _herald,
}


# -----------------------------------------------------------------------------
# Command line
# -----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="how many seeds")
    parser.add_argument("out_dir", type=Path, help="folder to write them into")
    arguments = parser.parse_args(argv)
    paths = generate(arguments.n, arguments.out_dir)
    print(f"wrote {len(paths)} seeds to {arguments.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
