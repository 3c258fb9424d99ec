"""Text that remembers where every character came from.

Cleaning deletes page chrome and injected tokens and, rarely, inserts a repaired word. A
:class:`MappedText` carries, for each character of the current text, its offset in the
original decoded text, so the final :class:`~mzgraph.model.OffsetMap` is exact by
construction instead of being recomputed from diffs.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable

from mzgraph.model import OffsetMap


class MappedText:
    """A string plus the original offset of each of its characters.

    Inserted characters (repairs, line breaks synthesised from HTML blocks) carry the
    original offset of the place they stand for; ``synthetic`` marks them so the offset map
    starts a fresh anchor after them.
    """

    def __init__(self, text: str, origin: Iterable[int] | None = None, synthetic: Iterable[bool] | None = None):
        self.text = text
        self.origin = array("q", origin if origin is not None else range(len(text)))
        self.synthetic = bytearray(synthetic if synthetic is not None else bytes(len(text)))
        if not (len(self.origin) == len(self.synthetic) == len(text)):
            raise ValueError("text, origin and synthetic flags must have the same length")

    @classmethod
    def from_pieces(cls, pieces: Iterable[tuple[str, int, bool]]) -> MappedText:
        """Join ``(text, original_offset, verbatim)`` pieces.

        A verbatim piece's characters map one to one from ``original_offset``; every
        character of a non-verbatim piece (a decoded entity, a collapsed run of spaces, a
        synthesised line break) maps to ``original_offset``.
        """
        texts: list[str] = []
        origin = array("q")
        synthetic = bytearray()
        for text, start, verbatim in pieces:
            texts.append(text)
            if verbatim:
                origin.extend(range(start, start + len(text)))
                synthetic.extend(bytes(len(text)))
            else:
                origin.extend([start] * len(text))
                synthetic.extend(b"\x01" * len(text))
        return cls("".join(texts), origin, synthetic)

    def __len__(self) -> int:
        return len(self.text)

    def original_offset(self, index: int) -> int:
        """Original offset of the character at ``index`` (or of the end when past it)."""
        if index < len(self.origin):
            return self.origin[index]
        return self.origin[-1] + 1 if self.origin else 0

    def delete(self, spans: Iterable[tuple[int, int]]) -> None:
        """Drop the characters of every ``(start, end)`` span (overlaps allowed)."""
        merged: list[list[int]] = []
        for s, e in sorted((max(0, s), min(e, len(self.text))) for s, e in spans):
            if e <= s:
                continue
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        if not merged:
            return
        keep: list[tuple[int, int]] = []
        cursor = 0
        for s, e in merged:
            if s > cursor:
                keep.append((cursor, s))
            cursor = e
        if cursor < len(self.text):
            keep.append((cursor, len(self.text)))
        self.text = "".join(self.text[s:e] for s, e in keep)
        origin, synthetic = array("q"), bytearray()
        for s, e in keep:
            origin.extend(self.origin[s:e])
            synthetic.extend(self.synthetic[s:e])
        self.origin, self.synthetic = origin, synthetic

    def insert(self, index: int, text: str, original_offset: int) -> None:
        """Insert ``text`` before ``index``; its characters stand for ``original_offset``."""
        self.insert_many([(index, text, original_offset)])

    def insert_many(self, insertions: Iterable[tuple[int, str, int]]) -> None:
        """Several insertions at once; indices refer to the text before any of them."""
        parts, origin, synthetic, cursor = [], array("q"), bytearray(), 0
        for index, text, original_offset in sorted(insertions, key=lambda t: t[0]):
            parts.append(self.text[cursor:index])
            origin.extend(self.origin[cursor:index])
            synthetic.extend(self.synthetic[cursor:index])
            parts.append(text)
            origin.extend([original_offset] * len(text))
            synthetic.extend(b"\x01" * len(text))
            cursor = index
        parts.append(self.text[cursor:])
        origin.extend(self.origin[cursor:])
        synthetic.extend(self.synthetic[cursor:])
        self.text, self.origin, self.synthetic = "".join(parts), origin, synthetic

    def sub_keep(self, pattern: re.Pattern[str], keep_groups: tuple[int, ...] = ()) -> int:
        """Delete every match of ``pattern`` except the characters of ``keep_groups``."""
        spans: list[tuple[int, int]] = []
        for m in pattern.finditer(self.text):
            cursor = m.start()
            for g in keep_groups:
                if m.start(g) < 0:
                    continue
                spans.append((cursor, m.start(g)))
                cursor = m.end(g)
            spans.append((cursor, m.end()))
        spans = [(s, e) for s, e in spans if e > s]
        self.delete(spans)
        return len(spans)

    def offset_map(self) -> OffsetMap:
        """Anchors wherever the text stops running in step with the original."""
        anchors: list[tuple[int, int]] = []
        prev_origin = None
        prev_synthetic = True
        for i, (o, syn) in enumerate(zip(self.origin, self.synthetic, strict=True)):
            if prev_origin is None or syn or prev_synthetic or o != prev_origin + 1:
                if not anchors or anchors[-1][0] != i:
                    anchors.append((i, o))
            prev_origin, prev_synthetic = o, bool(syn)
        if prev_origin is not None and not prev_synthetic:
            pass  # the end maps by running on from the last anchor
        return OffsetMap(anchors or [(0, 0)])
