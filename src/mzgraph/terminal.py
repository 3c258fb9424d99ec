"""Terminal text: what a string from the data may show on a terminal, and how many columns
it takes. Every renderer that prints data to a terminal (query tables and Markdown, stats,
error lines) goes through :func:`escape_controls`, and aligns with :func:`display_width`.
"""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls (ESC starts CSI/OSC sequences that move the cursor, retitle the window
# or write the clipboard; C1 has one-byte CSI/OSC), DEL, and the characters that reorder or
# break lines on display: bidi embeddings, overrides and isolates, line/paragraph separators.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(ch: str) -> str:
    code = ord(ch)
    return _NAMED.get(ch) or (f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")


def escape_controls(text: str, *, keep: str = "") -> str:
    """``text`` with every control, escape and reordering character written as an escape
    (``\\x1b``, ``\\n``, ``\\u202e``): data shown on a terminal can colour, move, retitle or
    reorder nothing. Characters in ``keep`` (a tab in a Markdown cell) stay as they are.

    >>> escape_controls("江西\\x1b]0;pwned\\x07省\\u202e")
    '江西\\\\x1b]0;pwned\\\\x07省\\\\u202e'
    """
    return _UNSAFE.sub(lambda m: m.group() if m.group() in keep else _escape(m.group()), text)


def table_cell(text: str) -> str:
    """One terminal table cell: line breaks shown as ``⏎``, tabs as a space (both would break
    the alignment), every other control escaped."""
    text = text.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎").replace("\t", " ")
    return escape_controls(text)


def display_width(text: str) -> int:
    """Terminal columns ``text`` occupies: wide and fullwidth characters count 2, combining marks 0.

    A Chinese label such as ``江西省民政厅`` takes twelve columns, not six; padding by ``len()``
    would break every column after it.
    """
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width
