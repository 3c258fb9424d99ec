"""Aligned plain-text tables for the terminal, counting East Asian wide characters as two columns.

A Chinese label such as ``江西省民政厅`` takes twelve terminal columns, not six; padding by
``len()`` would break every column after it.
"""

from __future__ import annotations

from collections.abc import Sequence

from mzgraph.terminal import display_width


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * (width - display_width(text))
    return fill + text if right else text + fill


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value else "0"
    return str(value).replace("\n", " ")


def render_table(headers: Sequence[str], rows: Sequence[Sequence[object]], *, indent: str = "") -> str:
    """``headers`` and ``rows`` as aligned columns; numbers are right-aligned, text left-aligned.

    >>> print(render_table(["地区", "n"], [["新余市", 3], ["江西省", 12]]))
    地区     n
    新余市   3
    江西省  12
    """
    cells = [[_cell(v) for v in row] for row in rows]
    numeric = [
        bool(rows) and all(isinstance(row[i], int | float) or row[i] is None for row in rows)
        for i in range(len(headers))
    ]
    widths = [display_width(h) for h in headers]
    for row in cells:
        for i, text in enumerate(row):
            widths[i] = max(widths[i], display_width(text))
    lines = []
    for row in [list(headers), *cells]:
        parts = [_pad(text, widths[i], numeric[i]) for i, text in enumerate(row)]
        lines.append((indent + "  ".join(parts)).rstrip())
    return "\n".join(lines)
