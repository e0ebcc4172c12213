"""Figures read straight from a document's text by the tests, not by the loader.

The export and browser tests compare what the service shows with these: a few
regular expressions over FORMAT.md's tables, enough for the documents the tests
use, so that an expected value comes from the document and not from the code
under test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

Key = tuple[int, int]
"""(program number, element number)."""

_HEADING = re.compile(r"PROGRAMME (\d+) : ")
_ELEMENT = re.compile(r"(\d+)\. [^\t]+\t([^\t]+)")
_COMPARED = re.compile(r"PROGRAMME (\d+)\t*")
_COMPARISON = re.compile(r"Élément (\d+) : [^\t]+\t([^\t]+)\t([^\t]+)")


def amount(cell: str) -> Decimal:
    """`3 794,8` → 3794.8; `(1,5)`, `-1,5` and `–1,5` are negative."""
    text = re.sub(r"[\s\u00a0\u202f]", "", cell)
    negative = text.startswith(("(", "-", "–"))
    value = Decimal(text.strip("()-–").replace(",", "."))
    return -value if negative else value


@dataclass(frozen=True, slots=True)
class Stated:
    """What a document's tables state, by line number (1-based)."""

    expenditure: dict[Key, Decimal]
    """Each element's expenditure for the document's year (its elements table)."""
    previous: dict[Key, Decimal]
    """Each element's expenditure for the year before (its comparison table)."""
    lines: dict[Key, list[int]]
    """The lines that state each element: its elements row, then its comparison row."""
    total: tuple[Decimal, Decimal]
    """The supercategories table's total: the year's expenditure, then the year before's."""


def read_tables(text: str) -> Stated:
    expenditure: dict[Key, Decimal] = {}
    previous: dict[Key, Decimal] = {}
    lines: dict[Key, list[int]] = {}
    heading = compared = 0
    total: tuple[Decimal, Decimal] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if match := _HEADING.match(line):
            heading, compared = int(match.group(1)), 0
        elif match := _COMPARED.fullmatch(line):
            compared, heading = int(match.group(1)), 0
        elif line.startswith("Total"):
            if total is None and line.startswith("Total\t"):
                cells = line.split("\t")
                total = (amount(cells[1]), amount(cells[2]))
            heading = compared = 0
        elif heading and (match := _ELEMENT.match(line)):
            key = (heading, int(match.group(1)))
            expenditure[key] = amount(match.group(2))
            lines.setdefault(key, []).append(number)
        elif compared and (match := _COMPARISON.match(line)):
            key = (compared, int(match.group(1)))
            previous[key] = amount(match.group(3))
            lines.setdefault(key, []).append(number)
    assert total is not None, "no supercategories total row"
    return Stated(expenditure, previous, lines, total)
