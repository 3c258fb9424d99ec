"""Aligned plain-text tables for the terminal: the one table renderer of ``stats``,
``query --format table`` and the analytics.

Columns are aligned by display width (a Chinese label such as ``江西省民政厅`` takes twelve
terminal columns, not six), and every cell goes through :func:`mzgraph.terminal.table_cell`,
so a label holding escape sequences or line breaks can neither drive the terminal nor break
the alignment.
"""

from __future__ import annotations

from collections.abc import Sequence

from mzgraph.terminal import display_width, table_cell


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * (width - display_width(text))
    return fill + text if right else text + fill


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value else "0"
    return table_cell(str(value))


def render_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    indent: str = "",
    numeric: Sequence[bool] | None = None,
    rule: bool = False,
) -> str:
    """``headers`` and ``rows`` as aligned columns; numbers are right-aligned, text left-aligned.

    ``numeric`` says which columns are numbers when the values are not Python numbers (query
    results are strings); ``rule`` puts a line of dashes under the header.

    >>> print(render_table(["地区", "n"], [["新余市", 3], ["江西省", 12]]))
    地区     n
    新余市   3
    江西省  12
    """
    cells = [[_cell(v) for v in row] for row in rows]
    if numeric is None:
        numeric = [
            bool(rows) and all(isinstance(row[i], int | float) or row[i] is None for row in rows)
            for i in range(len(headers))
        ]
    head = [table_cell(h) for h in headers]
    widths = [display_width(h) for h in head]
    for row in cells:
        for i, text in enumerate(row):
            widths[i] = max(widths[i], display_width(text))
    lines = [(indent + "  ".join(_pad(h, widths[i], numeric[i]) for i, h in enumerate(head))).rstrip()]
    if rule:
        lines.append(indent + "  ".join("-" * w for w in widths))
    for row in cells:
        lines.append((indent + "  ".join(_pad(text, widths[i], numeric[i]) for i, text in enumerate(row))).rstrip())
    return "\n".join(lines)
