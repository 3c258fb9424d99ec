"""Terminal text: how many columns a string takes, for the aligned tables of several commands."""

from __future__ import annotations

import unicodedata


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
