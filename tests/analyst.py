"""What the analyst tests derive from the documents themselves, and the labels of the
labelled document."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from tests.documents import LABELLED

CULTURE = "Culture et Communications"
CULTURE_YEAR = "2009-2010"
_PROGRAM = re.compile(r"PROGRAMME (\d+)\t")
_ELEMENT = re.compile(r"Élément (\d+) : ([^\t]+)\t")


def labels() -> dict[str, Any]:
    """The labels of the labelled document (what a reader expects it to answer)."""
    found: dict[str, Any] = json.loads(LABELLED.with_suffix(".json").read_text(encoding="utf-8"))
    return found


def french(cell: str) -> Decimal:
    """`(1 000,0)` → -1000.0: a table cell as the test reads it, on its own."""
    negative = cell.startswith("(")
    value = Decimal(re.sub(r"[\s()\u00a0\u202f]", "", cell).replace(",", "."))
    return -value if negative else value


@dataclass(frozen=True, slots=True)
class ComparedRow:
    """An element row of a comparison table: this year and the previous one."""

    program: int
    number: int
    name: str
    year: Decimal
    previous: Decimal

    @property
    def percent(self) -> Decimal:
        return (self.year - self.previous) * 100 / self.previous


def compared_rows(path: Path) -> list[ComparedRow]:
    """Every element row of the document's comparison tables, read from its raw lines."""
    found, program = [], 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if heading := _PROGRAM.match(line):
            program = int(heading.group(1))
        elif row := _ELEMENT.match(line):
            cells = line.split("\t")
            number, name = int(row.group(1)), row.group(2)
            found.append(ComparedRow(program, number, name, french(cells[1]), french(cells[2])))
    return found


def lines_with(path: Path, *words: str) -> list[int]:
    """The lines holding every word (as written, case aside)."""
    text = path.read_text(encoding="utf-8").splitlines()
    return [n for n, line in enumerate(text, 1) if all(w.lower() in line.lower() for w in words)]
