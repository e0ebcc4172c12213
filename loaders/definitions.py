"""Section 3, DÉFINITIONS DES PROGRAMMES: name, definition and share of each program."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from loaders.errors import StructureError
from loaders.lines import Line
from loaders.numbers import parse_number
from loaders.records import Figure, Measure, Text, Unit

_HEADING = re.compile(r"Programme\s+(?P<number>\d+)\s*[:–-]?\s*(?P<name>[^.]+)")
_SHARE = re.compile(r"\(?\s*Ce programme représente\s+(?P<share>[^%]+?)\s*%", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Definition:
    number: int
    name: Text
    paragraphs: tuple[Text, ...]
    share: Figure


def parse_definitions(heading: Line, lines: Sequence[Line], year: str) -> dict[int, Definition]:
    found: dict[int, Definition] = {}
    blocks = _blocks(heading, lines)
    for head, body in blocks:
        match = _HEADING.fullmatch(head.clean)
        assert match is not None  # _blocks only opens a block on a heading
        number = int(match.group("number"))
        if number in found:
            raise head.error(StructureError, f"program {number} is defined twice")
        found[number] = _definition(
            number, Text(match.group("name"), head.provenance), head, body, year
        )
    return found


def _blocks(heading: Line, lines: Sequence[Line]) -> list[tuple[Line, list[Line]]]:
    blocks: list[tuple[Line, list[Line]]] = []
    for line in lines:
        if _HEADING.fullmatch(line.clean):
            blocks.append((line, []))
        elif not blocks:
            raise line.error(StructureError, "expected a program heading (Programme N **Name**)")
        else:
            blocks[-1][1].append(line)
    if not blocks:
        raise heading.error(StructureError, "section 3 defines no program")
    return blocks


def _definition(number: int, name: Text, head: Line, body: Sequence[Line], year: str) -> Definition:
    shares = [line for line in body if _SHARE.match(line.clean)]
    if len(shares) != 1:
        where = shares[1] if shares else (body[-1] if body else head)
        raise where.error(
            StructureError,
            f"program {number} needs exactly one (Ce programme représente X % ...) sentence",
        )
    share = _share(shares[0], year)
    paragraphs = tuple(Text(x.clean, x.provenance) for x in body if x is not shares[0])
    if not paragraphs:
        raise head.error(StructureError, f"program {number} has no definition paragraph")
    return Definition(number, name, paragraphs, share)


def _share(line: Line, year: str) -> Figure:
    match = _SHARE.match(line.clean)
    assert match is not None
    raw = match.group("share")
    value = parse_number(raw)
    if value is None:
        raise line.error(StructureError, f'"{raw}" is not a percentage (expected e.g. 99,3)')
    return Figure(Measure.SHARE, year, value, Unit.PERCENT, raw, 0, line.provenance)
