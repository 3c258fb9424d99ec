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
        keep = bytearray(b"\x01" * len(self.text))
        for s, e in spans:
            keep[s:e] = bytes(max(0, min(e, len(keep)) - s))
        if all(keep):
            return
        idx = [i for i, k in enumerate(keep) if k]
        self.text = "".join(self.text[i] for i in idx)
        self.origin = array("q", (self.origin[i] for i in idx))
        self.synthetic = bytearray(self.synthetic[i] for i in idx)

    def insert(self, index: int, text: str, original_offset: int) -> None:
        """Insert ``text`` before ``index``; its characters stand for ``original_offset``."""
        self.text = self.text[:index] + text + self.text[index:]
        self.origin[index:index] = array("q", [original_offset] * len(text))
        self.synthetic[index:index] = b"\x01" * len(text)

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
