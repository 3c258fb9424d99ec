"""The extractor: one pass of each finder over the clean text, then in-document relations.

Order matters only for overlaps: policy titles are found first, so quotes and figures
inside a title belong to the title; places and agencies are found before programs, so a
quoted place or body is not taken for a program.

Relations come from the sentence that states them:

* ``issuedBy``: the bodies named in a title before 关于 (《民政部 财政部关于…》), else the
  bodies right before the 《 (落实省委、省政府《…》), else the bodies that are the subject
  of the issuing verb in the same clause (省民政厅等5部门制定出台《…》: each named body);
* ``hasTarget``: a program and the figures after it in the same sentence, when the
  sentence names one program only.

``locatedIn`` is carried by ``Mention.place_code``: the place whose part of the text holds
the mention (see ``places.Scope``), or a place named before it in its sentence (programs:
in its clause) when that place lies in the same province (乐安县“1134”经验模式,
长沙市推行…，建成…5200张); 全市/全省/全国 in a figure's clause name the division of that
level. Agencies carry the place they belong to (中国 for central bodies).
"""

from __future__ import annotations

import gc
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from mzgraph import gazetteer as gz
from mzgraph.extract import lexicon
from mzgraph.extract.agencies import AgencyHit, find_agencies, level_division, scan_agencies
from mzgraph.extract.dates import document_date, find_dates, signature_date
from mzgraph.extract.places import (
    CHINA_CODE,
    default_place,
    find_places,
    find_scope,
    lead_end,
    opening_end,
    scan,
    title_place,
)
from mzgraph.extract.policies import ISSUE_VERB, find_about_titles, find_policies, issued_dates, lineage
from mzgraph.extract.programs import find_programs
from mzgraph.extract.quantities import find_quantities
from mzgraph.extract.text import Clauses, Mask, paragraph_spans, sentence_spans
from mzgraph.model import (
    EntityType,
    Extraction,
    Mention,
    RelationCandidate,
    RelationType,
    SourceDocument,
)

_WHOLE = re.compile(r"全(国|省|市|县|区|州|盟|旗)")
# 我省, 本市 …: one pattern for each opening character, so that ``re`` finds it by its
# literal first character (a fast skip; a pattern opening with an alternation or a class
# tests a set at every character: 3.3 ms on the joined text, against 0.2 for each of these)
_SELF = [re.compile(rf"{c}(省|市|县|区|州|盟|旗)(?![级内外委])") for c in "我本"]
# a sentence about one person or household (一家人每月领取低保金2130元)
_PERSONAL = re.compile(r"[他她](?!们)|一家|全家|家人|老两口|老伴|大爷|大妈|大娘|奶奶|爷爷|阿姨|女士|先生|老人家")
# What may stand between joint issuers, or between issuers and the title they own.
_JOINER = re.compile(r"^[、，,和与及\s]*$|^(?:等\d*个?部门|联合\d*个?部门|(?:将|拟|已|还|也|又)?(?:会同|联合|共同))$")
# Verbs before an issuing verb that make the subject an advocate, not the issuer.
_ADVOCATE = re.compile(r"(?:推动|推进|促进|促成|配合|争取|呼吁|建议)$")
_BETWEEN_TITLE = re.compile(
    r"^\s*(?:等\d*个?部门|等\d*个?单位|联合\d*个?部门)?(?:联合|共同|会同)?(?:制定|出台|印发|发布|下发|颁布|制定出台|"
    r"制定印发|出台了|印发了|制定了|发布了)*的?$"
)


def _national_in_lead(text: str, stop: int) -> bool:
    lead = text[:stop]
    return "全国" in lead or any(a in lead for a in lexicon.national_agencies())


def extract(document: SourceDocument) -> Extraction:
    """Mentions of the five entity types and the relations their sentences state.

    The cyclic garbage collector is paused meanwhile: extraction allocates hundreds of
    thousands of short-lived objects (matches, hits, tuples) that reference counting frees,
    and the collector's passes over them cost about an eighth of the time. It is restored
    as it was, whatever happens.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _extract(document)
    finally:
        if paused:
            gc.enable()


def _extract(document: SourceDocument) -> Extraction:
    text = document.text
    n = len(text)
    out = Extraction(document=document)
    sentences = sentence_spans(text)
    sentence_starts = [s for s, _ in sentences]
    clauses = Clauses(text, sentences)

    def sentence_of(s: int, e: int) -> tuple[int, int]:
        """The sentence holding offset ``s`` (else ``(s, e)``)."""
        i = bisect_right(sentence_starts, s) - 1
        if i >= 0 and s < sentences[i][1]:
            return sentences[i]
        return s, e

    beyond = (n + 1, n + 1)

    def sentences_of(hits) -> list[tuple[int, int]]:
        """``sentence_of`` of each hit, for hits in order of start (as the finders give them):
        one walk along the sentences instead of a bisection each (a hit the walk has passed
        is looked up as before)."""
        found: list[tuple[int, int]] = []
        append = found.append
        following = iter(sentences)
        sentence = next(following, beyond)  # the first sentence not ending before the hit
        for hit in hits:
            s = hit.start
            while sentence[1] <= s:
                sentence = next(following, beyond)
            append(sentence if sentence[0] <= s else sentence_of(s, hit.end))
        return found

    # places and scope: a first pass without context finds the document's place, a second
    # pass with it admits the short names that place makes unambiguous
    raw = scan(text)

    paragraphs = paragraph_spans(text)
    lead_stop = lead_end(text, paragraphs)
    title = document.metadata.title
    if not title and paragraphs and paragraphs[0][1] - paragraphs[0][0] <= 80:
        title = text[paragraphs[0][0] : paragraphs[0][1]]
    title = title or ""
    national_title = _national_in_lead(title, len(title))
    # the place the title names needs only the full names of a first pass; the other ways
    # (the place the lead names most …) need all of it
    default = title_place(title, find_places(text, raw=raw, short_names=False)) if title else None
    if default is None:
        first = find_places(text, raw=raw)
        default = default_place(text, first, _national_in_lead(text, lead_stop), title, national_title, paragraphs)
    g = gz.load()
    context = []
    if default and default != CHINA_CODE:
        d = g.get(default)
        if d is not None:
            context = [g.province_of(d).code, d.code]
    places = find_places(text, context, raw)
    scope = find_scope(text, places, _national_in_lead(text, lead_stop), title, national_title, paragraphs)

    today = document_date(document, (0, lead_stop))
    dates = find_dates(text, today)
    repairs = [(r.offset, r.original, r.repaired) for r in document.metadata.repairs]
    policies = find_policies(text, repairs)
    agency_scan = scan_agencies(text, places)
    agencies = find_agencies(text, places, scope, agency_scan)
    # 民政部 财政部关于…的通知 (a title line or a reference without 《》): the bodies end
    # where 关于 starts, possibly through white space
    issuer_ends = set()
    for a in agencies:
        k = a.end
        while k < len(text) and text[k] in " \u3000\xa0":
            k += 1
        issuer_ends.add(k)
    spans = [(p.start - 1, p.end + 1) for p in policies]
    policies = sorted(policies + find_about_titles(text, issuer_ends, spans), key=lambda p: p.start)
    # a paragraph opening with a place or a body is about that place; bodies named there by
    # a level word alone (河北省民政厅会同省财政厅…) are read again against it
    refined = scope.with_paragraph_subjects(text, places, agencies, paragraphs)
    if refined.sections != scope.sections:
        agencies = find_agencies(text, places, refined, agency_scan)
    scope = refined
    titles = Mask(len(text), [(p.start - 1, p.end + 1) if p.bracketed else (p.start, p.end) for p in policies])
    # a quoted name that is a place or a body is not a program
    named = Mask(len(text), [(x.start, x.end) for x in [*agencies, *places]])
    programs = [p for p in find_programs(text, titles, {p.end for p in places}) if not named.covers(p.start, p.end)]
    blocked = Mask(
        len(text),
        [(p.start - 1, p.end + 1) if p.bracketed else (p.start, p.end) for p in policies]
        + [(p.start, p.end) for p in programs],
    )
    quantities = find_quantities(text, blocked, sentences, dates)
    # places inside a body's or a title's name are not where a figure is
    in_names = Mask(len(text), [(x.start, x.end) for x in [*agencies, *policies]])
    place_starts = [p.start for p in places]
    free_place = [not in_names.covers(p.start, p.end) for p in places]  # outside names and titles

    index_of: dict[tuple[EntityType, int, int], int] = {}

    def add(m: Mention) -> int:
        key = (m.type, m.start, m.end)
        if key not in index_of:
            index_of[key] = len(out.mentions)
            out.mentions.append(m)
        return index_of[key]

    for (start, end, division, _), (s0, s1) in zip(places, sentences_of(places), strict=True):
        add(Mention(EntityType.PLACE, text[start:end], start, end, division.name, s0, s1, division_code=division.code))
    agency_idx: list[tuple[AgencyHit, int]] = []  # sorted by start, as ``agencies`` is
    # one body, one name in a document: 江西省人民政府 and 江西省政府 are the same body
    first_name: dict[str, str] = {}
    for k, a in enumerate(agencies):
        name = first_name.setdefault(_agency_key(a.name), a.name)
        if name != a.name:
            agencies[k] = a._replace(name=name)
    for a, (s0, s1) in zip(agencies, sentences_of(agencies), strict=True):
        i = add(
            Mention(EntityType.AGENCY, text[a.start : a.end], a.start, a.end, a.name, s0, s1, place_code=a.place_code)
        )
        agency_idx.append((a, i))
    place_by_end = {p.end: p for p in places}
    agency_starts = [a.start for a, _ in agency_idx]
    anchors = _anchors(text, places, agencies, free_place, scope)
    anchor_starts = [a[0] for a in anchors]

    anchor_at = {a[0]: k for k, a in enumerate(anchors)}
    stops = clauses.stops
    # clause start → (its first visible character, the anchor the words it opens with end
    # at, if any): memoised, the clauses of a sentence are read for each of its figures
    opening: dict[int, tuple[int, int | None]] = {}

    def opens_with(c: int) -> tuple[int, int | None]:
        got = opening.get(c)
        if got is None:
            v = c
            while v < n and text[v].isspace():
                v += 1
            got = opening[c] = (v, anchor_at.get(opening_end(text, v)))
        return got

    def subject(s0: int, start: int, last: int | None = None) -> str | None:
        """The place the nearest clause before ``start`` opens with: 今年以来，太原市小店区民政局…,
        我省…已扩大到沈阳、大连等6市，参保职工达到820万人 (我省, not 大连); the 8 nearest
        clauses, then the sentence's start if fewer.

        ``last``, from place_of: nothing named in the clause of ``start`` ends before it, and
        ``last`` is where the last place or body named before that clause starts (-1: none).
        What a clause opens with starts at or after the clause, so neither that clause nor
        one after ``last`` can give the answer: their openings are not read."""
        j = bisect_left(stops, start) - 1
        seen = 0
        if last is not None:  # (the own clause is counted among the 8 all the same)
            if last < s0 or j < 0 or stops[j] < s0:
                return None  # nothing named before in the sentence, or no other clause to read
            j -= 1
            seen = 1
        else:
            last = start
        while seen < 8:
            if j >= 0 and stops[j] >= s0:
                c = stops[j] + 1
                j -= 1
                seen += 1
            else:
                c = s0
                seen = 8
            if c > last:
                continue
            got = opening.get(c)
            v, k = got if got is not None else opens_with(c)
            if v >= start:  # white space up to the figure: the clause opens at it
                k = anchor_at.get(opening_end(text, start))
            if k is None or anchors[k][1] > start:
                continue
            code = anchors[k][2]
            # 浙江省杭州市上城区: the narrowest of a chain of places
            while k + 1 < len(anchors) and anchors[k + 1][0] == anchors[k][1] and anchors[k + 1][1] <= start:
                inner = g.get(anchors[k + 1][2])
                if inner is None or not g.is_within(inner, code):
                    break
                k += 1
                code = anchors[k][2]
            return code
        return None

    def place_of(start: int, lo: int, s0: int) -> str | None:
        """Where a figure or program is: a place or local body named before it in its clause,
        else the place a clause before it in its sentence opens with, else a place named
        before it in its sentence when that lies in the scope's province, else the scope."""
        code = None  # the place of the last place or local body named in [lo, start)
        k = bisect_left(anchor_starts, start) - 1
        while k >= 0:
            a_start, a_end, a_code = anchors[k]
            if a_start < lo:
                break
            if a_end <= start:
                code = a_code
                break
            k -= 1
        if code is not None and _SEVERAL.match(text, a_end):
            # 为疏附县、伽师县等地3.5万名…: a figure of several places listed is their subject's
            owner = subject(s0, start)
            d = g.get(code)
            if owner is not None and d is not None and owner != code and g.is_within(d, owner):
                return owner
        if code is not None:
            return code
        return subject(s0, start, anchor_starts[k] if k >= 0 else -1) or local_place(start, s0, scope.at(start))

    in_province: dict[tuple[str, str], bool] = {}  # (place, scope) → the place lies in the scope's province

    def local_place(start: int, lo: int, code: str | None) -> str | None:
        """A place named right before ``start`` in its clause, when it lies in the scope."""
        best = None
        for k in range(bisect_left(place_starts, start) - 1, -1, -1):
            p = places[k]
            if p.start < lo:
                break
            if p.end <= start and free_place[k]:
                best = p
                break
        if best is None:
            return code
        # a place of the scope's province (its own part, or a sibling city named as subject)
        if code in (None, CHINA_CODE):
            return best.division.code
        inside = in_province.get((best.division.code, code))
        if inside is None:
            d = best.division
            inside = in_province[d.code, code] = g.is_within(d, g.province_of(g.get(code) or d).code)
        return best.division.code if inside else code

    title_line = paragraphs[0] if paragraphs and _is_title_line(text, *paragraphs[0]) else None
    own = next((k for k, p in enumerate(policies) if title_line and _names_instrument(text, title_line, p)), None)
    signed = signature_date(text, paragraphs) if own is not None else None
    policy_sentences = sentences_of(policies)
    issued = issued_dates(text, policies, policy_sentences, dates, title_line, signed or today)
    policy_index: list[int] = []
    for k, p in enumerate(policies):
        s0, s1 = policy_sentences[k]
        pi = add(
            Mention(
                EntityType.POLICY,
                text[p.start : p.end],
                p.start,
                p.end,
                p.name,
                s0,
                s1,
                year=p.year,
                issued=issued.get(k),
            )
        )
        policy_index.append(pi)
        issuers = _issuers(text, p, agency_idx, agency_starts, s0, s1, clauses)
        out.mentions[pi].issuers_joint = len(issuers) > 1
        for ai in issuers:
            out.relations.append(RelationCandidate(pi, RelationType.ISSUED_BY, ai, s0, s1))
    for k, basis in lineage(text, policies, policy_sentences, own):
        derived, source = out.mentions[policy_index[k]], out.mentions[policy_index[basis]]
        if derived.name != source.name:  # the sentence naming the basis says the link
            out.relations.append(
                RelationCandidate(
                    policy_index[k],
                    RelationType.BASED_ON,
                    policy_index[basis],
                    source.sentence_start,
                    source.sentence_end,
                )
            )
    programs_in: dict[int, list[tuple[int, int]]] = {}  # sentence start → (start, mention index)
    for (start, end, name), (s0, s1) in zip(programs, sentences_of(programs), strict=True):
        before = place_by_end.get(start)
        code = before.division.code if before is not None else place_of(start, clauses.start(start, s0), s0)
        i = add(Mention(EntityType.PROGRAM, text[start:end], start, end, name, s0, s1, place_code=code))
        programs_in.setdefault(s0, []).append((start, i))
    seen_figures: set[tuple] = set()
    personal_at: dict[tuple[int, int], bool] = {}  # sentence → about one person or household

    def personal_sentence(s0: int, s1: int) -> bool:
        got = personal_at.get((s0, s1))
        if got is None:
            got = personal_at[s0, s1] = bool(_PERSONAL.search(text, s0, s1))
        return got

    for figure in quantities:
        start, end = figure.start, figure.end
        s0, s1 = figure.sentence or (start, end)  # (as sentences_of gives)
        lo = clauses.start(start, s0)
        # 长沙市推行…，建成…5200张: the place the sentence is about; then 全市, 全省 … in the
        # figure's clause name the division of that level around it
        code = place_of(start, lo, s0)
        whole = _WHOLE.findall(text, lo, start) if text.find("全", lo, start) >= 0 else None
        if whole and whole[-1] == "国":
            code = CHINA_CODE
        elif whole:
            d = level_division(whole[-1], code) or level_division(whole[-1], scope.at(start))
            code = d.code if d is not None else code
        # 一家人每月领取低保金2130元, 她攒下了420个小时: one household's money or time, not the
        # place's figure, nor a program's
        personal = figure.unit in ("元", "小时") and personal_sentence(s0, s1)
        if personal:
            code = None
        # a figure repeated with the same indicator and place (a heading and its paragraph)
        # is one figure; the same value counting something else is another
        fact = (figure.value, figure.unit, figure.indicator, code)
        if fact in seen_figures:
            continue
        seen_figures.add(fact)
        quantity = figure.quantity(text)
        ti = add(
            Mention(
                EntityType.TARGET,
                quantity.surface,
                start,
                end,
                quantity.surface,
                s0,
                s1,
                quantity=quantity,
                place_code=code,
            )
        )
        in_sentence = {}
        if s0 in programs_in:
            in_sentence = {out.mentions[i].name: i for st, i in programs_in[s0] if st < start}
        if len(in_sentence) == 1 and not personal:
            out.relations.append(
                RelationCandidate(next(iter(in_sentence.values())), RelationType.HAS_TARGET, ti, s0, s1)
            )
    return out


# 等地, 等县, 等3个县: the place before it is one of several the sentence names
_SEVERAL = re.compile(r"等(?:\d{1,3}|[两二三四五六七八九十]{1,3})?个?(?:地|县|市|区|旗|州|省|区县|县市|县区)")


def _names_instrument(text: str, line: tuple[int, int], policy) -> bool:
    """The title line is the instrument (民政部关于…的通知) or publishes it (关于印发《…》的通知)."""
    s, e = line
    if not (s <= policy.start and policy.end <= e):
        return False
    return not policy.bracketed or "印发" in text[s : policy.start]


def _anchors(text: str, places, agencies, free_place: list[bool], scope) -> list[tuple[int, int, str]]:
    """``(start, end, division code)`` of what can say where a sentence is, in text order:
    places outside names and titles, local bodies (central ones in a national text only),
    and 我省/本市 (the scope's division of that level)."""
    out = [(p.start, p.end, p.division.code) for p, free in zip(places, free_place, strict=True) if free]
    for a in agencies:
        if a.place_code and (a.place_code != CHINA_CODE or scope.at(a.start) in (CHINA_CODE, None)):
            out.append((a.start, a.end, a.place_code))
    for pattern in _SELF:  # (the two never overlap: each is two characters, the second a level)
        for m in pattern.finditer(text):
            d = level_division(m.group(1), scope.at(m.start()))
            if d is not None:
                out.append((m.start(), m.end(), d.code))
    return sorted(out)


def _is_title_line(text: str, start: int, end: int) -> bool:
    """The first line is the document's title: short, no full stop."""
    return end - start <= 80 and "。" not in text[start:end]


@lru_cache(maxsize=4096)
def _agency_key(name: str) -> str:
    name = name.removeprefix("中共").replace("人民政府", "政府").replace("委员会", "委")
    return name.removesuffix("办公室") + "办" if name.endswith("办公室") else name


def _issuers(
    text: str, policy, agency_idx: list[tuple[AgencyHit, int]], starts: list[int], s0: int, s1: int, clauses: Clauses
) -> list[int]:
    """Mention indices of the bodies that issue ``policy``, from its own sentence."""
    agency_idx = agency_idx[bisect_left(starts, s0) : bisect_left(starts, s1)]
    # 1. bodies named in the title before 关于
    if policy.bracketed:
        cut = text.find("关于", policy.start, policy.end)
        in_title = [
            i for a, i in agency_idx if policy.start <= a.start and a.end <= (cut if cut >= 0 else policy.start)
        ]
        if in_title:
            return in_title
    open_at = policy.start - 1 if policy.bracketed else policy.start
    # 2. a chain of bodies right before the title (possibly through an issuing verb)
    before = [(a, i) for a, i in agency_idx if s0 <= a.start and a.end <= open_at]
    chain: list[int] = []
    pos = open_at
    for a, i in reversed(before):
        gap = text[a.end : pos]
        if not chain:
            if not _BETWEEN_TITLE.match(gap):
                break
        elif not _JOINER.match(gap):
            break
        chain.append(i)
        pos = a.start
    if chain:
        return sorted(chain)
    # 3. the subject of an issuing verb in the title's clause
    lo = clauses.start(open_at, s0)
    verb = None
    for v in ISSUE_VERB.finditer(text, lo, open_at):
        verb = v
        break
    if verb is None or _ADVOCATE.search(text, max(lo, verb.start() - 4), verb.start()):
        return []  # 推动出台《社会救助法》: the subject presses for the law, another body issues it
    subjects = [i for a, i in agency_idx if lo <= a.start and a.end <= verb.start()]
    if subjects:
        return subjects
    if text.startswith("的", verb.end()):
        return []  # …，2021年印发的《…》同时废止: a relative clause names no issuer
    # 4. 省民政厅深入贯彻…，会同有关部门印发《…》: the body an earlier clause of the sentence opens with
    by_start = {a.start: i for a, i in agency_idx}
    by_index = {i: a for a, i in agency_idx}
    for c in clauses.starts(lo - 1, s0):
        while c < lo and text[c].isspace():
            c += 1
        i = by_start.get(opening_end(text, c))
        if i is not None:
            # 县民政局会同县财政局实施…，2024年6月印发《…》: the joined bodies too
            chain, end = [i], by_index[i].end
            for a, j in agency_idx:
                if a.start >= end and a.end <= lo and _JOINER.match(text[end : a.start]):
                    chain.append(j)
                    end = a.end
                elif a.start >= end:
                    break
            return chain
    return []
