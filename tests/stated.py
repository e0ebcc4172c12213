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
    heading = compared = 0  # the program whose elements (or comparison) table this is
    for number, line in enumerate(text.splitlines(), start=1):
        if match := _HEADING.match(line):
            heading, compared = int(match.group(1)), 0
        elif match := _COMPARED.fullmatch(line):
            compared, heading = int(match.group(1)), 0
        elif line.startswith("Total"):
            heading = compared = 0
        elif heading and (match := _ELEMENT.match(line)):
            key = (heading, int(match.group(1)))
            expenditure[key] = amount(match.group(2))
            lines.setdefault(key, []).append(number)
        elif compared and (match := _COMPARISON.match(line)):
            key = (compared, int(match.group(1)))
            previous[key] = amount(match.group(3))
            lines.setdefault(key, []).append(number)
    return Stated(expenditure, previous, lines, _total(text))


def _total(text: str) -> tuple[Decimal, Decimal]:
    """The first `Total` row with two amounts is the supercategories table's."""
    cells = next(line for line in text.splitlines() if line.startswith("Total\t")).split("\t")
    return amount(cells[1]), amount(cells[2])


def line_number(text: str, wanted: str) -> int:
    """The first line that is `wanted`, or starts with it when it ends with a tab."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line == wanted or (wanted.endswith("\t") and line.startswith(wanted)):
            return number
    raise AssertionError(f"no line {wanted!r}")


def organisation(text: str) -> list[str]:
    """Section 4's lines (mandates, functions and services)."""
    lines = text.splitlines()
    return lines[next(i for i, line in enumerate(lines) if line.startswith("4. MANDATS")) + 1 :]


def group_headings(text: str) -> list[str]:
    """Section 4's uppercase headings: its groups, in order."""
    return [line for line in organisation(text) if line.isupper() and line != "Fiches explicatives"]


def regrouped(text: str, unit: str) -> list[str]:
    """The units `*unit* regroupe A, B [...] et C.` names, articles aside."""
    sentence = next(line for line in organisation(text) if f"{unit}* regroupe " in line)
    listed = re.split(r", | et ", sentence.split(" regroupe ")[1].split(".")[0])
    return [re.sub(r"^(la|le|les|l')\s*", "", name) for name in listed]


def reported_to(text: str, unit: str) -> str:
    """The role that `Les modules [...] unit [...] relèvent de la ROLE.` names."""
    sentence = next(line for line in organisation(text) if "relèvent de" in line)
    assert unit in sentence
    return sentence.split("relèvent de la ")[1].removesuffix(".")


def titled_units(text: str, group: str) -> list[tuple[int, str]]:
    """The unit headings of section 4's `group`, with their lines: the group's lines that
    are neither a bullet, a sentence nor the page header, up to the next group heading."""
    lines = text.splitlines()
    section = next(n for n, line in enumerate(lines) if line.startswith("4. MANDATS"))
    start = lines.index(group, section) + 1
    found: list[tuple[int, str]] = []
    for number, line in enumerate(lines[start:], start + 1):
        if line.isupper():
            break
        if line.strip() and not line.lstrip().startswith("-") and not line.endswith("."):
            found.append((number, line))
    return [(n, line) for n, line in found if line != "Fiches explicatives"]
