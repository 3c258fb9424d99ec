"""The scanning helpers find what ``re.finditer`` (or a plain longest-match loop) finds.

They exist for speed (``re`` skips at C speed to a character class, but tries a pattern that
opens with an alternation at every character), so they must not change a single match.
"""

import random
import re
from pathlib import Path

from mzgraph.extract import agencies, dates, places, programs, quantities
from mzgraph.extract.text import Mask, WordScanner, longest_first, scan_at, scan_from, starts_of
from mzgraph.model import EntityType

from .helpers import names, run

HELDOUT = Path(__file__).parent / "heldout"


def _texts() -> list[str]:
    corpus = "\n".join(p.read_text(encoding="utf-8") for p in sorted(HELDOUT.glob("*.txt")))
    rng = random.Random(5)
    marks = "，。、“”《》\n 0123456789１２〇一二十百千万亿余多元人个年月日号今同当近前全试点行动计划改革推进深化"
    mutated = "".join(c if rng.random() > 0.05 else rng.choice(marks) for c in corpus)
    return [corpus, mutated, re.sub(r"[。！？；\n]", "，", corpus)]


def _spans(matches) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in matches]


# a figure as first written: its number an alternation, which ``re`` tries at every character;
# _QUANTITY opens its number with a character class instead (the first character decides)
_PLAIN_QUANTITY = re.compile(
    rf"(?P<num>{quantities._NUM}|{quantities._CN})(?P<about0>" + quantities._QUANTITY.pattern.split("(?P<about0>", 1)[1]
)


def test_guarded_patterns_find_what_finditer_finds():
    for text in _texts():
        assert _spans(dates.date_matches(text)) == _spans(dates._DATE.finditer(text))
        assert _spans(quantities._QUANTITY.finditer(text)) == _spans(_PLAIN_QUANTITY.finditer(text))
        campaign = programs._CAMPAIGN
        assert _spans(scan_from(campaign, programs._CAMPAIGN_START, text)) == _spans(campaign.finditer(text))
        assert _spans(programs._pilot_tails(text)) == _spans(programs._PILOT_TAIL.finditer(text))
        assert _spans(programs._reforms(text)) == _spans(programs._REFORM.finditer(text))


def test_figures_open_at_every_decimal_digit():
    # the opening class of _QUANTITY names its digits by ranges (\d costs a lookup per character)
    every = "".join(map(chr, range(0x110000)))
    digits = re.findall(r"\d", every)
    opening = re.compile(f"[0-9{quantities._DIGITS_ELSEWHERE}]")
    assert len(digits) > 600 and all(opening.fullmatch(d) for d in digits)
    assert not opening.search("，。、；：“”《》（）—…·％　年月日人个元" + "".join(map(chr, range(0x4E00, 0xA000))))


def test_place_lists_are_tried_from_near_their_last_mark_only():
    # every 、 starts a candidate two and three characters before it; _list_starts keeps those
    # a list's last 、 can be reached from, and must lose no list
    lists = ["在昭觉、布拖、美姑等县", "元阳、红河、绿春3县", "沈阳、大连等6市", "甲乙、丙丁、" * 9 + "戊己县"]
    listed = "，".join(lists)
    for text in [*_texts(), listed * 3]:
        every = sorted({j for m in re.finditer("、", text) for j in (m.start() - 3, m.start() - 2) if j >= 0})
        expected = _spans(scan_at(places._LISTED, every, text))
        assert _spans(scan_at(places._LISTED, places._list_starts(text), text)) == expected
    assert len(expected) >= 12


def test_local_bodies_are_tried_where_their_words_start():
    local_fast = agencies._regexes()[2]
    bodies = "江西省民政厅会同省财政厅、市委、县人民政府、自治区民政厅、自治州残联、区卫生健康委和乡村振兴局。"
    for text in [*_texts(), bodies, "委" + bodies, "区" + bodies]:
        expected = _spans(local_fast.finditer(text))
        assert _spans(scan_at(local_fast, sorted(agencies._lexicon_scan(text)[1]), text)) == expected
    assert len(expected) >= 8


def test_starts_of_matches_where_the_pattern_does():
    pattern = re.compile(r"(?:省|市)?(?:民政|财政)(?:厅|局)")
    guard = starts_of(pattern, "省市民财")
    text = "江西省民政厅会同省财政厅、市民政局和民政部门，财政局。"
    assert [m.start() for m in guard.finditer(text)] == [2, 3, 8, 9, 13, 14, 23]
    assert [m.group() for m in scan_from(pattern, guard, text)] == ["省民政厅", "省财政厅", "市民政局", "财政局"]


def test_scan_at_is_finditer_from_a_superset_of_starts():
    pattern = re.compile(r"\d+(?:万|亿)?人")
    for text in _texts():
        digits = [m.start() for m in re.finditer(r"\d", text)]
        assert _spans(scan_at(pattern, digits, text)) == _spans(pattern.finditer(text))


def test_word_scanner_is_a_longest_match_scan():
    rng = random.Random(11)
    alphabet = "江西省新余市渝水区乐安县民政厅局"
    words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(2, 5))) for _ in range(60)}
    text = "".join(rng.choice(alphabet + "，的") for _ in range(3000))

    def naive() -> list[tuple[int, int, str]]:
        out, i = [], 0
        while i < len(text):
            found = max((w for w in words if text.startswith(w, i)), key=len, default=None)
            if found:
                out.append((i, i + len(found), found))
                i += len(found)
            else:
                i += 1
        return out

    assert list(WordScanner(words).finditer(text)) == naive()
    # every occurrence, overlapping ones too, and the longest-match scan read from them
    every = WordScanner(words, every=True)
    found = every.matches(text)
    assert sorted((s, e, every.words[k]) for k, s, e in found) == sorted(
        (i, i + len(w), w) for w in words for i in range(len(text)) if text.startswith(w, i)
    )
    assert [(s, e, every.words[k]) for k, s, e in longest_first(found)] == naive()
    # offsets count characters, whatever their size in UTF-8 (é, 😀) and through lone
    # surrogates, which UTF-8 cannot hold; a word of one character counts too
    words = {"江西", "江西省", "县"}
    text = "é😀江西省\ud800江西\udc80县😀"
    assert list(WordScanner(words).finditer(text)) == [(2, 5, "江西省"), (6, 8, "江西"), (9, 10, "县")]


def test_bodies_named_by_their_enforcement_work():
    ex = run("渝水区城管执法局和区执法大队、区交通执法支队开展行动。", title="新余市民政局工作总结")
    assert names(ex, EntityType.AGENCY) == ["渝水区城管执法局", "渝水区交通执法支队"]


def test_no_noun_is_read_after_a_figure_that_ends_its_clause():
    # find_quantities does not run _NOUN_AFTER after these characters: it finds no noun there
    for c in quantities._NO_NOUN_AFTER:
        assert quantities._NOUN_AFTER.match(c + "城市低保对象").group("noun") == "", repr(c)
    # what can open the words after a figure (/人, 以上, 左右, “…”, 的) is not among them
    assert not set("/以左“的") & quantities._NO_NOUN_AFTER
    for after in ("/人城市低保对象", "以上城市低保对象", "左右城市低保对象", "“低保”城市低保对象", "的城市低保对象"):
        assert quantities._NOUN_AFTER.match(after).group("noun") == "城市低保对象", after


def test_mask_holds_its_spans_short_long_and_empty():
    spans = [(3, 5), (10, 10), (20, 220), (7, 6)]  # a long span, an empty one, one backwards
    mask = Mask(300, spans)
    mask.add(250, 252)
    taken = {i for s, e in [*spans, (250, 252)] for i in range(s, e)}
    assert [i for i in range(301) if mask.overlaps(i, i + 1)] == sorted(taken)
    assert mask.covers(20, 220) and mask.covers(3, 5) and not mask.covers(3, 6) and not mask.covers(10, 10)
    assert mask.overlaps(0, 4) and not mask.overlaps(5, 20) and not mask.overlaps(252, 300)
    # a second mask of the same spans: nothing the masks share was changed by the first
    assert Mask(300, spans)._b == mask._b[:250] + bytearray(2) + mask._b[252:]
