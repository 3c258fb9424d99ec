"""Text helpers shared by the extractors: sentences, clauses, paragraphs, fast alternations.

Everything works on offsets into the one clean text, so every span an extractor reports
can be sliced back out of ``document.text`` unchanged.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from ahocorasick_rs import AhoCorasick, Implementation, MatchKind

# A sentence ends at 。！？ (and their ASCII forms), at ； and at a line break; a
# closing quote or bracket right after the stop stays with the sentence.
_SENTENCE = re.compile(r"[^。！？!?；;\n]+(?:[。！？!?；;]+[”’」』）)]*)?")
# Longest sentence: a text without sentence ends (one line of figures, a table flattened
# by a scraper) is cut at the last clause stop (else any character) before this many
# characters, so that what is done per sentence costs a bounded amount per figure or name.
MAX_SENTENCE = 400
_SOFT_STOP = re.compile(r"[，,：:、\s]")
# Quoted or bracketed text holds no clause end; a quote left open this long is taken as
# a stray mark (the longest title is 120 characters).
_MAX_QUOTED = 122
_CLAUSE_TOKEN = re.compile(r"[，,：:《》“”]")
CJK = re.compile(r"[\u3400-\u9fff]")


def is_cjk(ch: str) -> bool:
    return bool(ch) and "\u3400" <= ch <= "\u9fff"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-blank sentence, leading white space excluded."""
    spans = []
    append = spans.append
    for m in _SENTENCE.finditer(text):
        s, e = m.span()
        if e - s <= MAX_SENTENCE and not text[s].isspace() and not text[e - 1].isspace():
            append((s, e))  # the usual sentence: nothing to trim or cut
            continue
        s, e = _trim(text, s, e)
        while e - s > MAX_SENTENCE:
            cut = s + MAX_SENTENCE
            stops = [m.end() for m in _SOFT_STOP.finditer(text, cut - MAX_SENTENCE // 4, cut)]
            cut = stops[-1] if stops else cut
            piece = _trim(text, s, cut)
            if piece[0] < piece[1]:
                spans.append(piece)
            s, e = _trim(text, cut, e)
        if s < e:
            spans.append((s, e))
    return spans


_PARAGRAPH = re.compile(r"\S(?:[^\n]*\S)?")  # a line from its first to its last visible character


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-blank line, white space trimmed."""
    return [m.span() for m in _PARAGRAPH.finditer(text)]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """``(s, e)`` narrowed past white space at both ends."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


class Clauses:
    """The clauses of every sentence, found in one pass: commas and colons end a clause,
    except inside quotes and titles (a title may hold commas).

    :meth:`bounds` then costs a binary search, whatever the length of the sentence.
    """

    def __init__(self, text: str, sentences: list[tuple[int, int]]):
        stops: list[int] = []
        append = stops.append
        depth, opened, pending = 0, 0, []
        k, n, lo, hi = -1, len(sentences), 0, -1
        for m in _CLAUSE_TOKEN.finditer(text):  # one pass; the state starts again each sentence
            i = m.start()
            if i >= hi:
                stops.extend(pending)
                depth, pending = 0, []
                while k < n and hi <= i:
                    k += 1
                    lo, hi = sentences[k] if k < n else (len(text) + 1, len(text) + 1)
                if k == n:
                    break
            if i < lo:
                continue
            ch = text[i]  # (not m.group(): a method call costs more than the subscript)
            if depth and i - opened > _MAX_QUOTED:  # a quote never closed: its stops count
                stops.extend(pending)
                depth, pending = 0, []
            if ch in "《“":
                if not depth:
                    opened = i
                depth += 1
            elif ch in "》”":
                depth = max(0, depth - 1)
                if not depth:
                    pending = []
            elif depth:
                pending.append(i)
            else:
                append(i)
        stops.extend(pending)
        stops.sort()
        self.stops = stops  # offsets of the commas and colons that end a clause, sorted

    def starts(self, pos: int, lo: int, limit: int = 8) -> list[int]:
        """Starts of the clauses of ``[lo, pos]``, nearest first, at most ``limit``."""
        stops = self.stops
        i = bisect_left(stops, pos)
        out = []
        while i > 0 and stops[i - 1] >= lo and len(out) < limit:
            out.append(stops[i - 1] + 1)
            i -= 1
        if len(out) < limit:
            out.append(lo)
        return out

    def start(self, start: int, lo: int) -> int:
        """Where the clause around offset ``start`` begins, within its sentence from ``lo``."""
        stops = self.stops
        i = bisect_left(stops, start)
        return stops[i - 1] + 1 if i and stops[i - 1] >= lo else lo

    def bounds(self, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
        """The clause around ``[start, end)`` within its sentence ``[lo, hi)``."""
        stops = self.stops
        i = bisect_left(stops, start)
        left = stops[i - 1] + 1 if i and stops[i - 1] >= lo else lo
        j = bisect_left(stops, end)
        right = stops[j] if j < len(stops) and stops[j] < hi else hi
        return left, right


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation for ``words`` shaped as a trie, so matching is one pass.

    The longest word wins at each position, like a longest-match dictionary scan.
    """
    trie: dict = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        if len(branches) == 1 and not end:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if end else body

    return build(trie)


class WordScanner:
    """Longest-match dictionary scan, left to right, without overlaps (or, with ``every``,
    every occurrence of every word, overlapping ones too: see :meth:`matches` and
    :func:`longest_first`).

    An Aho-Corasick automaton (``ahocorasick_rs``, compiled) reads the text once whatever
    the number of words: ``re`` tries a big alternation's branches one by one, and the
    Python loop over candidate starts this replaces took 42 ms on half a million characters
    where the automaton takes 16 (the 6,651 place names). Offsets count characters.

    ``dfa`` builds a deterministic automaton: it reads a text about twice as fast as the
    default (contiguous NFA) and takes about twice as long to build, which pays for a short
    word list (the central bodies: 2 ms to build, 6 ms instead of 11 on half a million
    characters) but not for the place names (31 ms instead of 18 at the first call of every
    process, for 9 ms instead of 14 on that text).
    """

    def __init__(self, words: Iterable[str], dfa: bool = False, every: bool = False):
        self.words = sorted({w for w in words if w})  # a match's first item indexes this
        self._every = every
        kind = MatchKind.Standard if every else MatchKind.LeftmostLongest
        self._automaton = AhoCorasick(self.words, matchkind=kind, implementation=Implementation.DFA if dfa else None)

    def matches(self, text: str) -> list[tuple[int, int, int]]:
        """``(k, start, end)`` of every match in ``text``, ``words[k]`` the word matched."""
        try:
            return self._automaton.find_matches_as_indexes(text, overlapping=self._every)
        except UnicodeEncodeError:
            # lone surrogates (UTF-8 cannot hold them) are in no word: one character in
            # their place keeps every offset
            return self._automaton.find_matches_as_indexes(_SURROGATE.sub("\ufffd", text), overlapping=self._every)

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """``(start, end, word)`` for every match in ``text``."""
        words = self.words
        for k, start, end in self.matches(text):
            yield start, end, words[k]


def longest_first(found: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Of ``(k, start, end)`` matches that may overlap (every occurrence of some words),
    those a longest-match scan from the left keeps, in order: the longest of those that
    start first, then the same after its end."""
    out = []
    pos = 0
    for start, neg_end, k in sorted([(start, -end, k) for k, start, end in found]):
        if start >= pos:
            pos = -neg_end
            out.append((k, start, pos))
    return out


_SURROGATE = re.compile("[\ud800-\udfff]")


# What a span of a mask is set to, made once for the usual lengths: a bytearray, as a
# bytearray's slice takes one as it is where it copies anything else into a new one first
# (30,000 spans set in 3.6 ms instead of 11.6, compiled); never changed.
_ONES = tuple(bytearray(b"\x01" * n) for n in range(128))


class Mask:
    """Which characters of a text are taken; overlap tests run at C speed."""

    def __init__(self, length: int, spans: Iterable[tuple[int, int]] = ()):
        b = self._b = bytearray(length + 1)
        ones = _ONES
        for start, end in spans:  # (add, for many spans at once)
            n = end - start
            b[start:end] = ones[n] if 0 <= n < 128 else b"\x01" * n

    def add(self, start: int, end: int) -> None:
        n = end - start
        self._b[start:end] = _ONES[n] if 0 <= n < 128 else b"\x01" * n

    def overlaps(self, start: int, end: int) -> bool:
        return 1 in self._b[start:end]

    def covers(self, start: int, end: int) -> bool:
        return end > start and 0 not in self._b[start:end]


def scan_at(pattern: re.Pattern, starts: Iterable[int], text: str):
    """``pattern.finditer(text)`` (its non-empty matches), trying only the offsets ``starts``
    gives in increasing order: every offset where a match can start must be among them.

    ``re`` tries a pattern that opens with a repeat, an optional group or an alternation at
    every character, and a Python loop over many candidates is slower still; a cheap pattern
    of one character class (which ``re`` skips to at C speed) finds the few offsets to try.
    """
    pos = 0
    match = pattern.match
    for c in starts:
        if c < pos:
            continue
        m = match(text, c)
        if m is not None and m.end() > c:
            yield m
            pos = m.end()


def starts_of(pattern: re.Pattern, first: str, condition: str = "") -> re.Pattern:
    """A pattern of one character that matches exactly where ``pattern`` does, for
    :func:`scan_from`: ``first`` is a character class (without brackets) holding every
    character a match can open with, ``condition`` an optional cheap pattern that every
    match satisfies, tried before ``pattern`` itself.

    It opens with a character class, so ``re`` skips at C speed to the next place worth
    trying; the rest is a lookbehind over that character holding lookaheads, so the whole
    test runs in C and Python sees only the matches.
    """
    condition = f"(?={condition})" if condition else ""
    return re.compile(f"[{first}](?<={condition}(?={pattern.pattern}).)", pattern.flags)


def scan_from(pattern: re.Pattern, starts: re.Pattern, text: str):
    """``pattern.finditer(text)``, trying only the positions where ``starts`` matches.

    ``re`` cannot skip ahead over a pattern that opens with an optional group or an
    alternation; a one-character class can, so this is many times faster.
    """
    pos = 0
    while True:
        c = starts.search(text, pos)
        if c is None:
            return
        m = pattern.match(text, c.start())
        if m is None or m.end() == m.start():
            pos = c.start() + 1
            continue
        yield m
        pos = m.end()
