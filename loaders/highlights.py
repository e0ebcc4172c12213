"""Section 1, FAITS SAILLANTS: paragraphs, their stated values, per-program blocks."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from loaders.lines import Line
from loaders.prose import stated_values
from loaders.records import Paragraph, Text

_PROGRAM = re.compile(r"Programme\s+(?P<number>\d+)\s*:\s*(?P<name>[^.]+)")


@dataclass(frozen=True, slots=True)
class Highlights:
    paragraphs: tuple[Paragraph, ...]
    program_names: dict[int, Text]


def parse_highlights(lines: Sequence[Line]) -> Highlights:
    """Each line is a paragraph; `Programme N : Name` opens that program's paragraphs."""
    paragraphs: list[Paragraph] = []
    names: dict[int, Text] = {}
    program: int | None = None
    for line in lines:
        text = line.clean
        if match := _PROGRAM.fullmatch(text):
            program = int(match.group("number"))
            names[program] = Text(match.group("name").strip(), line.provenance)
            continue
        values, unread = stated_values(text, line.provenance)
        paragraphs.append(Paragraph(text, values, program, line.provenance, unread))
    return Highlights(tuple(paragraphs), names)
