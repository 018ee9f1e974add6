"""Reading: seed bytes in any encoding this archive meets become the same clean text; bad files are refused by name."""
from __future__ import annotations

import codecs
import hashlib
import struct
import time
import zlib
from pathlib import Path

import ftfy
import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252", to make mojibake)
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.reading import _MOJIBAKE_REPAIR, MAX_SEED_BYTES, SeedError, decode_seed, is_seed_file, read_seed, repair_mojibake

# -----------------------------------------------------------------------------
# Data: realistic article-length samples
# -----------------------------------------------------------------------------

WESTERN_ARTICLE = """Defectors’ “long march” through China — a report from Yanji

By José Müller and Zoë Brontë

August 5, 2016

YANJI, China — North Korean defectors who cross the Tumen river into China’s Jilin province say the journey now costs “thousands of dollars” – and the brokers’ fees keep rising. Café owners in Yanji, naïve about the risks, sometimes shelter them for a night or two.

“We paid €4,000 each,” said one woman, who asked that her name not be used. Her daughter’s friend was caught near Tumen and sent back; nobody has heard from her since.

Human-rights groups in Seoul say China’s policy of forced repatriation breaks the 1951 Refugee Convention. Beijing calls the defectors “illegal economic migrants” and says it follows its 1986 agreement with Pyongyang.

The U.N. special rapporteur, Tomás Ojea Quintana, urged China last year to stop the returns. “Non-refoulement is not optional,” he said — a point echoed by activists in Brussels, Paris and Genève.
"""

KOREAN_ARTICLE = """중국, 탈북자 강제송환 계속

서울 - 중국 공안이 국경 지역에서 탈북자들을 체포해 북한으로 강제송환하고 있다고 인권단체들이 밝혔다. 탈북자들은 두만강을 건너 중국 지린성으로 들어간 뒤 브로커의 도움을 받아 제3국으로 향한다.

한 탈북 여성은 "브로커 비용이 해마다 오르고 있다"며 "붙잡히면 다시는 돌아올 수 없다"고 말했다. 국제사회는 중국이 난민협약을 지켜야 한다고 촉구하고 있다.
"""

CHINESE_ARTICLE = """中国继续遣返脱北者

首尔电：人权组织表示，中国警方在边境地区逮捕脱北者并将其强制遣返朝鲜。脱北者越过图们江进入中国吉林省后，在中间人的帮助下前往第三国。

一名脱北妇女说：“中间人的费用每年都在上涨，被抓住就再也回不来了。”国际社会敦促中国遵守难民公约。
"""

TRADITIONAL_CHINESE_ARTICLE = """中國繼續遣返脫北者

首爾電：人權組織表示，中國警方在邊境地區逮捕脫北者並將其強制遣返朝鮮。脫北者越過圖們江進入中國吉林省後，在中間人的幫助下前往第三國。

一名脫北婦女說：「中間人的費用每年都在上漲，被抓住就再也回不來了。」國際社會敦促中國遵守難民公約。
"""

JAPANESE_ARTICLE = """中国、脱北者の強制送還を継続

ソウル＝人権団体によると、中国の公安当局は国境地帯で脱北者を拘束し、北朝鮮へ強制送還している。脱北者は図們江を渡って中国吉林省に入り、ブローカーの助けを借りて第三国へ向かう。

ある脱北女性は「ブローカーの費用は毎年上がっている。捕まれば二度と戻れない」と話した。国際社会は中国に難民条約の順守を求めている。
"""

# Western text with only characters Latin-1 has (no curly quotes, dashes or euro sign).
LATIN1_ARTICLE = (
    WESTERN_ARTICLE.replace("’", "'").replace("“", '"').replace("”", '"').replace("—", "-").replace("–", "-")
    .replace("€", "EUR ")
)

# (name, text, bytes) for every encoding the reader must recognise.
ENCODED_SAMPLES = [
    ("utf-8", WESTERN_ARTICLE, WESTERN_ARTICLE.encode("utf-8")),
    ("utf-8 with BOM", WESTERN_ARTICLE, WESTERN_ARTICLE.encode("utf-8-sig")),
    ("utf-16 LE with BOM", WESTERN_ARTICLE, codecs.BOM_UTF16_LE + WESTERN_ARTICLE.encode("utf-16-le")),
    ("utf-16 BE with BOM", WESTERN_ARTICLE, codecs.BOM_UTF16_BE + WESTERN_ARTICLE.encode("utf-16-be")),
    ("utf-16 LE without BOM", WESTERN_ARTICLE, WESTERN_ARTICLE.encode("utf-16-le")),
    ("utf-16 BE without BOM", WESTERN_ARTICLE, WESTERN_ARTICLE.encode("utf-16-be")),
    ("utf-16 Korean with BOM", KOREAN_ARTICLE, KOREAN_ARTICLE.encode("utf-16")),
    ("windows-1252", WESTERN_ARTICLE, WESTERN_ARTICLE.encode("cp1252")),
    ("latin-1", LATIN1_ARTICLE, LATIN1_ARTICLE.encode("latin-1")),
    ("euc-kr", KOREAN_ARTICLE, KOREAN_ARTICLE.encode("euc-kr")),
    ("cp949", KOREAN_ARTICLE, KOREAN_ARTICLE.encode("cp949")),
    ("gb2312", CHINESE_ARTICLE, CHINESE_ARTICLE.encode("gb2312")),
    ("gb18030", CHINESE_ARTICLE, CHINESE_ARTICLE.encode("gb18030")),
    ("big5", TRADITIONAL_CHINESE_ARTICLE, TRADITIONAL_CHINESE_ARTICLE.encode("big5")),
    ("shift_jis", JAPANESE_ARTICLE, JAPANESE_ARTICLE.encode("shift_jis")),
    ("euc-jp", JAPANESE_ARTICLE, JAPANESE_ARTICLE.encode("euc-jp")),
]


# A small but real PNG file (signature, header chunk, compressed pixels)
def _png_bytes() -> bytes:
    header = struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0)
    pixels = zlib.compress(bytes((x * y) % 256 for y in range(64) for x in range(64 * 3)))
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + header + b"\x00\x00\x00\x00" + pixels


# -----------------------------------------------------------------------------
# Encodings
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("name, text, raw", ENCODED_SAMPLES, ids=[sample[0] for sample in ENCODED_SAMPLES])
def test_every_encoding_of_the_archive_decodes_to_the_same_text(name, text, raw):
    seed = decode_seed(raw, "seeds/sample.txt")
    assert seed.text == text.strip("\n") + "\n"


def test_western_text_is_read_as_windows_1252_not_a_central_european_codepage():
    seed = decode_seed(WESTERN_ARTICLE.encode("cp1252"), "seeds/sample.txt")
    assert seed.encoding == "windows-1252"
    assert "naïve" in seed.text and "“thousands of dollars”" in seed.text and "€4,000" in seed.text


def test_a_short_western_sample_is_still_read_as_western():
    assert decode_seed("Café “naïve” — Müller\n".encode("cp1252"), "seeds/s.txt").text == "Café “naïve” — Müller\n"
    assert decode_seed("Café naïve Müller Zoë\n".encode("latin-1"), "seeds/s.txt").text == "Café naïve Müller Zoë\n"


def test_windows_1252_bytes_undefined_in_the_code_page_do_not_fail_the_file():
    raw = WESTERN_ARTICLE.encode("cp1252") + b"\x81\x8d\x8f\x90\x9d end\n"
    assert decode_seed(raw, "seeds/sample.txt").text.endswith(" end\n")


def test_stray_windows_1252_bytes_in_utf8_text_are_read_as_windows_1252():
    raw = WESTERN_ARTICLE.encode("utf-8") + "A last word from the café.\n".encode("cp1252")
    seed = decode_seed(raw, "seeds/sample.txt")
    assert seed.text.endswith("A last word from the café.\n")
    assert "naïve" in seed.text and any("stray" in note for note in seed.repairs)


# -----------------------------------------------------------------------------
# Repairs
# -----------------------------------------------------------------------------


def test_mojibake_is_repaired_and_noted():
    mojibake = WESTERN_ARTICLE.encode("utf-8").decode("sloppy-windows-1252")
    assert "â€™" in mojibake
    seed = decode_seed(mojibake.encode("utf-8"), "seeds/sample.txt")
    assert seed.text == WESTERN_ARTICLE.strip("\n") + "\n"
    assert any("mojibake" in note for note in seed.repairs)


def test_repair_leaves_entities_quotes_ligatures_and_widths_as_written():
    text = "Kim &amp; Lee said \"no\" and 'never' about the ﬁrst ＵＮ report &lt;b&gt; in 2016.\n"
    seed = decode_seed(text.encode("utf-8"), "seeds/sample.txt")
    assert seed.text == text and seed.repairs == ()


def test_control_characters_and_nuls_are_removed():
    dirty = WESTERN_ARTICLE.replace("Café", "Ca\x00fé").replace("Yanji,", "Yan\x07ji,\x1b[31m").replace(" river", "\u202e river")
    seed = decode_seed(dirty.encode("utf-8"), "seeds/sample.txt")
    assert seed.text == WESTERN_ARTICLE.strip("\n") + "\n"
    assert any("control character" in note for note in seed.repairs)


def test_form_feeds_and_unicode_separators_break_lines_instead_of_gluing_words():
    seed = decode_seed("first\x0csecond\u2028third\u2029fourth\x0bfifth\n".encode("utf-8"), "seeds/sample.txt")
    assert seed.text.split() == ["first", "second", "third", "fourth", "fifth"]


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"], ids=["CRLF", "CR", "LF"])
def test_every_line_ending_gives_the_same_lines(newline):
    raw = WESTERN_ARTICLE.replace("\n", newline).encode("cp1252")
    assert decode_seed(raw, "seeds/sample.txt").text == WESTERN_ARTICLE.strip("\n") + "\n"


def test_mixed_line_endings_and_trailing_blanks_are_unified():
    seed = decode_seed(b"one  \r\ntwo\t\rthree\n\n\n", "seeds/sample.txt")
    assert seed.text == "one\ntwo\nthree\n"


def test_the_hash_is_of_the_raw_bytes_and_the_path_is_kept():
    raw = WESTERN_ARTICLE.encode("utf-16")
    seed = decode_seed(raw, "seeds/sample.txt")
    assert seed.sha256 == hashlib.sha256(raw).hexdigest() and seed.path == "seeds/sample.txt"


# -----------------------------------------------------------------------------
# Bad files
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, problem",
    [
        (b"", "is empty"),
        (b"  \r\n\t\n  ", "only whitespace"),
        (codecs.BOM_UTF8 + b"\n \n", "no readable text"),
        (" \n \n".encode("utf-16"), "no readable text"),
        (_png_bytes(), "is a PNG image, not a text dump"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)) * 8, "is a JPEG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "is a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00" + bytes(200), "ZIP archive"),
        (zlib.compress(WESTERN_ARTICLE.encode() * 4), "binary data"),
        (bytes(range(256)) * 16, "binary data"),
    ],
    ids=["empty", "whitespace", "bom-and-blank", "utf16-blank", "png", "jpeg", "pdf", "zip", "compressed", "all-bytes"],
)
def test_a_file_that_is_no_text_is_refused_with_its_name_and_the_problem(raw, problem):
    with pytest.raises(SeedError) as caught:
        decode_seed(raw, "seeds/bad.txt")
    assert str(caught.value).startswith("seeds/bad.txt: ") and problem in str(caught.value)
    assert caught.value.path == "seeds/bad.txt"


def test_a_huge_file_is_refused_by_its_size_before_it_is_read(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as file:
        file.truncate(20 * 1024 * 1024)  # sparse: 20 MB of NULs without writing them
    started = time.perf_counter()
    with pytest.raises(SeedError, match=r"seeds/huge\.txt: is 20,971,520 bytes, over the .*-byte limit"):
        read_seed(huge, "seeds/huge.txt")
    assert time.perf_counter() - started < 0.5


def test_huge_bytes_are_refused_before_decoding():
    started = time.perf_counter()
    with pytest.raises(SeedError, match="limit"):
        decode_seed(b"x" * (MAX_SEED_BYTES + 1), "seeds/huge.txt")
    assert time.perf_counter() - started < 0.5


def test_an_unreadable_file_is_a_seed_error(tmp_path):
    with pytest.raises(SeedError, match="seeds/missing.txt: cannot be read"):
        read_seed(tmp_path / "missing.txt", "seeds/missing.txt")


@pytest.mark.parametrize(
    "name, is_seed",
    [("000_abc.txt", True), ("story.TXT", True), (".DS_Store", False), ("README", False), ("README.md", False),
     ("README.txt", False), ("notes.yml", False), ("000_abc.yml", False), ("._000_abc.txt", False), ("_draft.txt", False)],
)
def test_only_text_dumps_are_seeds(name, is_seed):
    assert is_seed_file(Path("seeds") / name) is is_seed


# Lines of mostly plain text with some characters ftfy acts on: mojibake, controls, accents, CJK, breaks.
_REPAIRABLE_LINES = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=60),
        st.sampled_from(["Ã©", "â€™s", "donâ€™t", "Â ", "\x85", "\x00", "\x1b[31m", "\u00e9", "\ufb01",
                         "\u201cquote\u201d", "탈북자", "\t", "\r", "\u2028", "ÃƒÂ©", "&amp;"]),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(_REPAIRABLE_LINES, max_size=8).map("\n".join))
def test_repairing_line_by_line_is_ftfy_on_the_whole_text(text):
    assert repair_mojibake(text) == ftfy.fix_text(text, config=_MOJIBAKE_REPAIR)


def test_repairing_line_by_line_is_ftfy_on_the_whole_text_of_every_seed_fixture():
    seeds = [path for path in (Path(__file__).parents[1] / "seeds").glob("*.txt")]
    assert seeds
    for path in seeds:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert repair_mojibake(text) == ftfy.fix_text(text, config=_MOJIBAKE_REPAIR), path.name
