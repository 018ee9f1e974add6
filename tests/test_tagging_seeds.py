"""Golden tests: the five real seeds are filed under the topics a reader would expect.

Each seed's expected topics are decided from the article's text; the comment
beside each says why.  `REQUIRED` topics must be filed; `ACCEPTABLE` topics
may be (the article does discuss them, if not centrally); any other topic is
unrelated and must not be.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsarchive.structure.article import Article, Block, BlockKind, Footnote
from newsarchive.tagging import MAX_TOPICS, MIN_TOPICS, private_people, tag_article
from newsarchive.vocabulary import Vocabulary, load_vocabulary

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"
# The stand-in article keeps seed lines of at least this many words as paragraphs.
STAND_IN_MIN_WORDS = 6
# ...and takes the first line of at least this many words as the headline.
STAND_IN_TITLE_MIN_WORDS = 4
# ...and keeps numbered notes ("1. Stephen Haggard and Marcus Noland, ...") as footnotes.
STAND_IN_FOOTNOTE = re.compile(r"^\d+\.\s")

# -----------------------------------------------------------------------------
# Expected topics, per seed
# -----------------------------------------------------------------------------

REQUIRED = {
    # "China Produces Fake N.Korean Defectors" (Chosun Ilbo, 2016)
    "000": {
        "fake-defectors",  # the headline and the whole story: academies coach Chinese citizens to pose as defectors
        "asylum-resettlement",  # they apply for asylum in Europe; UNHCR figures of defectors settled in 13 countries
    },
    # "'Mass Exodus' of North Koreans: a Reality or Myth?" (New Eastern Outlook, 2016)
    "001": {
        "elite-defections",  # Thae Yong-ho, Kim Chol Song, "Mr. A": the summer 2016 wave of diplomat defections
        "overseas-workers",  # trade missions in Russia and China, Office 39, restaurant and construction workers
        "defector-statistics",  # Ministry of Unification figures, year-by-year table, US admissions
        "sanctions",  # argued to drive defections and to push diplomats into carrying cash
        "corruption",  # the Bangladesh smuggling scandal, audits, corruption schemes as a motive to defect
    },
    # "Beijing allowing N. Korean officials to capture defectors on Chinese side of border" (Asahi, 2014)
    "002": {
        "surveillance-abduction",  # Ministry of State Security agents search for, detain and abduct defectors in China
        "forced-repatriation",  # defectors are taken back across the border; deported defectors are executed
        "china-escapee-policy",  # Beijing's change from arresting defectors itself to letting North Korean agents do it
        "united-nations",  # the Commission of Inquiry report and the Human Rights Council resolution China opposed
        "border-crossing",  # the border zone, border security insiders, the Yalu river crossing
    },
    # "China and its North Korean Refugee Problem" (2012)
    "003": {
        "forced-repatriation",  # China's repatriation policy is the subject of the essay
        "refugee-status-law",  # Refugee Conventions, prima facie refugee status, "illegal economic immigrants"
        "china-escapee-policy",  # the 1986 protocol, the Chinese Constitution, fines for helpers
        "detention-camps",  # kwan-il-so political prisoners' labour camps, village labour camps
        "punishment-of-returnees",  # sentences and executions by background and motive of the returnee
        "economy-famine",  # the 1990s famine that started the flight; economic motives to leave
    },
    # "China unlikely to cave under pressure to stop sending North Korean defectors back" (Straits Times, 2024)
    "004": {
        "forced-repatriation",  # the 600 deported after the Asian Games; the headline
        "refugee-status-law",  # Refugee Convention, "economic migrants", recognising defectors as refugees
        "covid-border-closure",  # detained during the pandemic; repatriations resumed when the border reopened
        "united-nations",  # UNHCR's call for "humanitarian space" and the Universal Periodic Review
        "china-escapee-policy",  # why Beijing keeps its decades-long policy; the 1986 bilateral border protocol
        "regime-stability",  # observers: a change would spark a mass exodus and collapse of the Kim regime
    },
}

ACCEPTABLE = {
    # ethnic Koreans from north-east China; brokers fabricate documents; UNHCR counts; real defectors deported;
    # "prison camps" in the fabricated stories; a human rights group's spokesman
    "000": {"ethnic-koreans-china", "brokers-smuggling", "defector-statistics", "united-nations",
            "forced-repatriation", "detention-camps", "ngos-activists"},
    # asylum sought in Europe and the US; regime "instability"; punishment for defecting; the economy as motive;
    # repatriation policy and border crossing law; the Ministry of Unification's statements; MSS audits; women
    # are 76% of defectors; cigarette smuggling by a diplomat; US refugee status; missions in Russia
    "001": {"regime-stability", "asylum-resettlement", "punishment-of-returnees", "economy-famine",
            "forced-repatriation", "border-crossing", "south-korean-policy", "surveillance-abduction",
            "refugee-status-law", "russia-role", "women-defectors", "brokers-smuggling"},
    # the criminal-matters treaty and a possible special agreement; executions; detention of defectors;
    # a South Korean government source
    "002": {"china-north-korea-relations", "human-rights", "detention-camps", "punishment-of-returnees",
            "south-korean-policy"},
    # border crossings and controls; relations with both Koreas; exit via third countries; estimates of numbers;
    # torture and repression; bribes to officials; stability of the regime; UNHCR's Beijing office;
    # an underground railroad pastor
    "003": {"border-crossing", "china-north-korea-relations", "asylum-resettlement", "defector-statistics",
            "human-rights", "brokers-smuggling", "regime-stability", "united-nations", "ngos-activists"},
    # the border; "lips and teeth" relations; human rights record; Seoul's inconsistent policy; NGOs lead;
    # the Russia factor; torture and execution of returnees; detention during the pandemic; numbers hiding
    "004": {"border-crossing", "china-north-korea-relations", "human-rights", "south-korean-policy",
            "ngos-activists", "russia-role", "punishment-of-returnees", "detention-camps", "defector-statistics"},
}

# Named public figures each seed's entity list must contain (bylines included).
PEOPLE = {
    "000": {"kim-myong-song"},
    "001": {"thae-yong-ho", "kim-chol-song", "han-son-ik", "kim-jong-un", "kim-jong-il", "jang-sung-taek",
            "konstantin-asmolov"},
    "002": {"koichiro-ishida"},
    "003": {"andrei-lankov", "simon-suh", "stephan-haggard", "marcus-noland", "jacho-hwang"},
    "004": {"kang-chol-hwan", "kim-tae-hoon", "kang-jun-young", "park-won-gon", "han-duck-soo", "xi-jinping",
            "kim-jong-un", "kim-il-sung", "kim-jong-il", "wendy-teo"},
}

# Places and organisations each seed's entity list must contain.
PLACES_AND_ORGANISATIONS = {
    "000": {"wangjing", "beijing", "unhcr", "united-kingdom", "france", "canada", "germany", "belgium", "netherlands"},
    "001": {"london", "vladivostok", "saint-petersburg", "bangladesh", "office-39", "workers-party-of-korea",
            "ministry-of-unification", "ministry-of-state-security", "kcna", "bbc", "reuters"},
    "002": {"shenyang", "liaoning", "yalu-river", "ministry-of-state-security", "un-commission-of-inquiry",
            "un-human-rights-council", "un-security-council"},
    "003": {"chinese-communist-party", "unhcr", "tibet", "xinjiang", "kookmin-university", "amnesty-international",
            "committee-for-human-rights-in-north-korea"},
    "004": {"unhcr", "north-korea-strategy-centre", "lawyers-for-human-rights-and-unification-of-korea",
            "hankuk-university-of-foreign-studies", "ewha-womans-university", "hangzhou", "ministry-of-unification"},
}

# The article type each seed reads as.
ARTICLE_TYPES = {
    "000": "news report",  # sourced report of a new finding ("A source on Tuesday said")
    "001": "analysis",  # "we can move on and carry out an unbiased analysis of facts"
    "002": "news report",  # "The Asahi Shimbun has learned", attributed to sources
    "003": "analysis",  # footnoted essay weighing China's motives
    "004": "news report",  # correspondent's report of observers' views, with fresh quotes
}


# -----------------------------------------------------------------------------
# Fixtures
# -----------------------------------------------------------------------------


# Every seed's Article: from the real pipeline, or (only if it does not import) a rough stand-in
def seed_articles() -> dict[str, Article]:
    paths = sorted(SEEDS_DIR.glob("*.txt"))
    try:
        from newsarchive.pipeline import article_from_file
        from newsarchive.publications import load_publications
    except (ImportError, SyntaxError):
        return {path.name[:3]: _stand_in_article(path) for path in paths}
    publications = load_publications()
    return {path.name[:3]: article_from_file(path, publications, f"seeds/{path.name}") for path in paths}


# A rough Article when the cleaner cannot be imported: the first line of a few words as title, the
# rest as paragraphs (short lines, i.e. bylines, dates and menus, kept only as bylines so the lead is prose)
def _stand_in_article(path: Path) -> Article:
    lines = [line.strip(" •\t") for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    lines = [line for line in lines if line]
    title_at = next(index for index, line in enumerate(lines) if len(line.split()) >= STAND_IN_TITLE_MIN_WORDS)
    rest = lines[title_at + 1:]
    body = [Block(BlockKind.PARAGRAPH, line) for line in rest
            if len(line.split()) >= STAND_IN_MIN_WORDS and not STAND_IN_FOOTNOTE.match(line)]
    bylines = [line for line in lines[: title_at + 4] if len(line.split()) < STAND_IN_MIN_WORDS]
    notes = [Footnote(number, line) for number, line in enumerate((line for line in rest if STAND_IN_FOOTNOTE.match(line)), 1)]
    return Article(seed_path=f"seeds/{path.name}", title=lines[title_at], body=body, authors=bylines, footnotes=notes)


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return load_vocabulary()


@pytest.fixture(scope="module")
def tagged(vocabulary: Vocabulary) -> dict[str, Article]:
    return {seed: tag_article(article, vocabulary) for seed, article in seed_articles().items()}


# -----------------------------------------------------------------------------
# Tests
# -----------------------------------------------------------------------------


def test_there_are_five_seeds(tagged: dict[str, Article]) -> None:
    assert sorted(tagged) == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("seed", sorted(REQUIRED))
def test_seed_is_filed_under_its_topics(tagged: dict[str, Article], seed: str) -> None:
    filed = {topic.slug for topic in tagged[seed].topics}
    assert REQUIRED[seed] <= filed, f"missing: {REQUIRED[seed] - filed}"


@pytest.mark.parametrize("seed", sorted(REQUIRED))
def test_seed_is_not_filed_under_unrelated_topics(tagged: dict[str, Article], seed: str) -> None:
    filed = {topic.slug for topic in tagged[seed].topics}
    assert filed <= REQUIRED[seed] | ACCEPTABLE[seed], f"unrelated: {filed - REQUIRED[seed] - ACCEPTABLE[seed]}"


@pytest.mark.parametrize("seed", sorted(REQUIRED))
def test_seed_has_two_to_eight_topics_best_first(tagged: dict[str, Article], seed: str) -> None:
    topics = tagged[seed].topics
    assert MIN_TOPICS <= len(topics) <= MAX_TOPICS
    assert [topic.score for topic in topics] == sorted((topic.score for topic in topics), reverse=True)
    assert all(topic.evidence for topic in topics)


def test_a_passing_mention_of_sanctions_does_not_file_seed_002(tagged: dict[str, Article]) -> None:
    # "additional sanctions" appears once, in the body, about a UN resolution
    assert "sanctions" not in {topic.slug for topic in tagged["002"].topics}


@pytest.mark.parametrize("seed", sorted(PEOPLE))
def test_seed_entities_name_its_public_figures(tagged: dict[str, Article], seed: str) -> None:
    named = {mention.slug for mention in tagged[seed].entities}
    assert PEOPLE[seed] <= named, f"missing: {PEOPLE[seed] - named}"
    assert PLACES_AND_ORGANISATIONS[seed] <= named, f"missing: {PLACES_AND_ORGANISATIONS[seed] - named}"


def test_thae_yong_ho_is_counted_under_every_name(tagged: dict[str, Article]) -> None:
    # "Thae Yong-ho" (4 times) and "Mr. Yong-ho" (6 times) are one person
    counts = {mention.slug: mention.count for mention in tagged["001"].entities}
    assert counts["thae-yong-ho"] == 10


def test_private_people_stay_out_of_seed_entities(tagged: dict[str, Article], vocabulary: Vocabulary) -> None:
    for article in tagged.values():
        assert all(not (vocabulary.entity(m.slug).is_private_person) for m in article.entities)


def test_photographer_of_seed_003_is_reported_to_editors_only(vocabulary: Vocabulary) -> None:
    article = seed_articles()["003"]
    assert [person.slug for person in private_people(article, vocabulary)] == ["john-flawed"]


@pytest.mark.parametrize("seed", sorted(ARTICLE_TYPES))
def test_seed_article_type(tagged: dict[str, Article], seed: str) -> None:
    assert tagged[seed].article_type == ARTICLE_TYPES[seed]
