"""Bytes → text: byte-order marks, UTF-8, UTF-16 without a mark, GB18030/GBK, others.

The order matters for short Chinese files: a statistical detector can take a few lines of
GB18030 for Big5 or a Cyrillic code page, so the encodings these reports come in are tried
first, strictly, and each result is checked for being plausible Chinese (or plain) text
before charset-normalizer gets a say.

A few undecodable bytes (a damaged download, a stray byte appended by an editor) do not
lose the report: each is replaced by U+FFFD, one character per byte, so the decoded text
still lines up with the offset map, and one warning line says how many were replaced.
"""

from __future__ import annotations

import codecs
import re
import threading
from collections import Counter

from mzgraph.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# File signatures of formats people save by mistake under a text suffix.
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (docx/xlsx?)"),
    (b"%PDF", "a PDF file"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
)


_tally = threading.local()


def _tally_and_replace(exc: UnicodeDecodeError) -> tuple[str, int]:
    bad = exc.end - exc.start
    _tally.count += bad
    return "\ufffd" * bad, exc.end


codecs.register_error("mzgraph-tally", _tally_and_replace)


def _decode_tallied(data: bytes, codec: str) -> tuple[str, int]:
    """``data`` decoded, each undecodable byte replaced by U+FFFD; gives (text, bytes replaced)."""
    _tally.count = 0
    text = data.decode(codec, "mzgraph-tally")
    return text, _tally.count


def _few(bad: int, size: int) -> bool:
    """Few enough bad bytes to call the file damaged rather than in another encoding."""
    return 0 < bad <= max(16, size // 200)


def _replaced(name: str, bad: int, label: str) -> str:
    return f"{name}: {bad} undecodable byte{'s' if bad != 1 else ''} replaced with U+FFFD (read as {label})"


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _controls(text: str) -> int:
    """Control characters that do not occur in text files (tabs and line breaks do)."""
    return len(_CONTROL.findall(text))


def _common_han_share(text: str) -> float:
    """Share of non-ASCII characters that are common (GB2312) Chinese characters or punctuation.

    Real Chinese text is almost all GB2312; bytes decoded with the wrong codec land in the
    rarer parts of GBK or in unrelated blocks.
    """
    counts = Counter(text)
    total = ok = 0
    for ch, n in counts.items():
        if ord(ch) <= 0x7F:
            continue
        total += n
        if ch in "\u00a0\u3000\ufeff" or 0xFF01 <= ord(ch) <= 0xFF5E or 0x2010 <= ord(ch) <= 0x2027:
            ok += n
            continue
        try:
            ch.encode("gb2312")
            ok += n
        except UnicodeEncodeError:
            pass
    return ok / total if total else 1.0


def _plausible(text: str, *, han_share: float = 0.8) -> bool:
    if not text:
        return False
    if _controls(text) > len(text) // 200:
        return False
    return _common_han_share(text) >= han_share


def _utf16_guess(data: bytes) -> str | None:
    """UTF-16 without a mark shows itself by zero bytes on one side of ASCII characters
    (an odd byte at the end, appended by some tool, is left out of the count)."""
    data = data[: len(data) - len(data) % 2]
    if len(data) < 2:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    half = len(data) // 2
    if odd >= max(2, half * 0.02) and even < odd * 0.2:
        return "utf-16-le"
    if even >= max(2, half * 0.02) and odd < even * 0.2:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, name: str, warnings: list[str] | None = None) -> tuple[str, str]:
    """Decode a text file's bytes; return ``(text, encoding)`` or raise a one-line InputError.

    When a few bytes had to be replaced, one line saying so is appended to ``warnings``.
    """
    warnings = warnings if warnings is not None else []
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), label
            except UnicodeDecodeError as exc:
                text, bad = _decode_tallied(data[len(bom) :], codec)
                if not _few(bad, len(data)):
                    raise InputError(
                        f"{name}: undecodable bytes: {label} marked but invalid at byte {exc.start + len(bom)}"
                    ) from None
                warnings.append(_replaced(name, bad, label))
                return text, label

    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{name}: binary file ({what}), not text")

    # an odd length: a stray byte at the end, or at the start (then the rest is aligned from 1)
    for start in (0, 1) if len(data) % 2 else (0,):
        utf16 = _utf16_guess(data[start:])
        if utf16:
            text, bad = _decode_tallied(data[start:], utf16)
            text, bad = "\ufffd" * start + text, bad + start
            if (not bad or _few(bad, len(data))) and _plausible(text.replace("\ufffd", "")):
                if bad:
                    warnings.append(_replaced(name, bad, utf16))
                return text, utf16

    if b"\x00" in data:
        raise InputError(f"{name}: binary file (contains NUL bytes), not text")

    binary_like = False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        loose, bad = _decode_tallied(data, "utf-8")
        multibyte = len(re.findall(r"[^\x00-\x7f]", loose)) - bad
        # Mostly valid UTF-8 with a few bad bytes: a damaged file, not another encoding.
        if multibyte >= 20 and bad * 50 <= multibyte:
            if not _few(bad, len(data)) or _controls(loose) > len(loose) // 200:
                raise InputError(f"{name}: undecodable bytes: invalid UTF-8 at byte {exc.start}") from None
            warnings.append(_replaced(name, bad, "utf-8"))
            return loose, "utf-8"
    else:
        if _controls(text) <= len(text) // 200:
            return text, "utf-8"
        binary_like = True

    text, bad = _decode_tallied(data, "gb18030")
    if (not bad or _few(bad, len(data))) and _plausible(text.replace("\ufffd", "")):
        if bad:
            warnings.append(_replaced(name, bad, "gb18030"))
        return text, "gb18030"

    for codec in ("utf-16-le", "utf-16-be"):  # UTF-16 of pure Chinese has no zero bytes
        if len(data) % 2 == 0:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _plausible(text, han_share=0.9):
                return text, codec

    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding and (1 - best.chaos) > 0.8:
        text = str(best)
        if _controls(text) <= len(text) // 200:
            return text, best.encoding
    if binary_like:
        raise InputError(f"{name}: binary file (control characters), not text")
    raise InputError(f"{name}: undecodable bytes: not UTF-8, UTF-16, GB18030 or another encoding recognised")
