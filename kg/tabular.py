"""Cells for CSV and TSV files that a spreadsheet will open.

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a formula
by Excel, LibreOffice and Google Sheets, so an article title or an alias such as
``=HYPERLINK(...)`` would run when an analyst opens the file. Following OWASP's advice on CSV
injection, such a cell is prefixed with a single quote, which spreadsheets show as text.

>>> spreadsheet_safe("=1+2")
"'=1+2"
>>> spreadsheet_safe("-0.5"), spreadsheet_safe(3), spreadsheet_safe("Antony Blinken")
('-0.5', 3, 'Antony Blinken')
"""

from __future__ import annotations

import re

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Plain numbers (a negative centrality, "-1") are data, not formulas; quoting them would turn
# every negative figure into text.
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def spreadsheet_safe(value):
    """Return ``value`` with a leading quote when a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value
