"""Ways to damage a document's text, for the property tests (tests/test_properties.py).

Generic damage (delete, duplicate, swap, corrupt, insert a character, cut short)
works on any line. The targeted kinds find their place from the text alone, so
that they apply after other damage too:

- `repeat_row`: copy a data row of a section-2 table to a place among that
  table's data rows (before or after itself, first, last...);
- `typo`: type a letter for one digit of an amount or percentage of section 1;
- `cut_section_4`: cut the text right after a line of section 4 that announces
  more (a group heading, a list heading, a unit title, an item ending with `:`),
  maybe leaving blank lines and a page header after it.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable

from loaders.numbers import parse_number

Mutation = tuple[str, int, int, str]
KINDS = ["delete", "duplicate", "swap", "corrupt", "insert", "cut"]
TARGETED = ["repeat_row", "typo", "cut_section_4"]
PAGE_HEADER = "Fiches explicatives"
# A digit of a prose amount or percentage: digits, spaces and a comma up to `\$` or `%`.
_PROSE_NUMBER = re.compile(r"(?<![\w,\-–])\d[\d \u00a0\u202f,]*?(?=[ \u00a0\u202f]*(?:\\\$|%))")
_LOOK_ALIKES = "oOlI"


def mutate(text: str, mutations: list[Mutation]) -> str:
    lines = text.split("\n")
    for kind, at, other, character in mutations:
        if kind in TARGETED:
            lines = TARGETED_KINDS[kind](lines, at, other)
        elif kind == "cut":
            joined = "\n".join(lines)
            lines = joined[: at % (len(joined) + 1)].split("\n")
        else:
            lines = _generic(lines, kind, at, other, character)
        lines = lines or [""]
    return "\n".join(lines)


def _generic(lines: list[str], kind: str, at: int, other: int, character: str) -> list[str]:
    index, second = at % len(lines), other % len(lines)
    if kind == "delete":
        del lines[index]
    elif kind == "duplicate":
        lines.insert(index, lines[index])
    elif kind == "swap":
        lines[index], lines[second] = lines[second], lines[index]
    else:
        lines[index] = _edit(lines[index], kind, other, character)
    return lines


def _edit(line: str, kind: str, at: int, character: str) -> str:
    """Replace (corrupt) or insert one character of a line."""
    position = at % (len(line) + 1)
    end = position + 1 if kind == "corrupt" else position
    return line[:position] + character + line[end:]


def table_blocks(lines: list[str]) -> list[list[int]]:
    """The 0-based indices of each table's data rows (consecutive tabbed lines, page
    headers and blank lines between them allowed; header rows left out)."""
    blocks: list[list[int]] = []
    current: list[int] = []
    for index, line in enumerate(lines):
        if "\t" in line:
            if _is_data_row(line):
                current.append(index)
        elif line.strip() not in ("", PAGE_HEADER) and current:
            blocks.append(current)
            current = []
    return [*blocks, current] if current else blocks


def _is_data_row(line: str) -> bool:
    cells = [cell.strip().strip("*") for cell in line.split("\t")]
    label_only = cells[0].startswith(("Moins", "Budget d'investissements", "PROGRAMME"))
    return label_only or any(parse_number(cell) is not None for cell in cells[1:])


def repeat_row(lines: list[str], at: int, other: int) -> list[str]:
    """Copy one data row in front of another row of its table, or after the last."""
    blocks = table_blocks(lines)
    if not blocks:
        return lines
    block = blocks[at % len(blocks)]
    source = block[(at // len(blocks)) % len(block)]
    places = [*block, block[-1] + 1]
    return [
        *lines[: places[other % len(places)]],
        lines[source],
        *lines[places[other % len(places)] :],
    ]


def prose_digits(lines: list[str]) -> list[tuple[int, int, int]]:
    """(line index, offset, length of its run of digits) of each digit of a value of
    section 1 (before `2. CRÉDITS`)."""
    found: list[tuple[int, int, int]] = []
    for index, line in enumerate(lines):
        if line.startswith("2. CR"):
            break
        for match in _PROSE_NUMBER.finditer(line):
            for run in re.finditer(r"\d+", match.group()):
                start = match.start() + run.start()
                found += [(index, start + i, len(run.group())) for i in range(len(run.group()))]
    return found


def typo(lines: list[str], at: int, other: int) -> list[str]:
    """A letter for one digit: any letter in a run of digits, a look-alike for a lone
    digit (a single letter alone is no amount to anyone: `x %` is a word)."""
    digits = prose_digits(lines)
    if not digits:
        return lines
    index, offset, run = digits[at % len(digits)]
    letters = string.ascii_letters if run > 1 else _LOOK_ALIKES
    line = lines[index]
    changed = [*lines]
    changed[index] = line[:offset] + letters[other % len(letters)] + line[offset + 1 :]
    return changed


def announcing_lines(lines: list[str]) -> list[int]:
    """The 0-based indices of section 4's lines that announce more lines below them."""
    start = next((i for i, x in enumerate(lines) if x.startswith("4. MANDATS")), len(lines))
    found: list[int] = []
    for index in range(start + 1, len(lines)):
        text = lines[index].strip()
        bullet = text.startswith("-")
        if text and text != PAGE_HEADER and (text.endswith(":") if bullet else text[-1] != "."):
            found.append(index)
    return found


def cut_section_4(lines: list[str], at: int, other: int) -> list[str]:
    """The text up to a line that announces more, then maybe a blank line and a page
    header (they carry nothing)."""
    announcing = announcing_lines(lines)
    if not announcing:
        return lines
    kept = lines[: announcing[at % len(announcing)] + 1]
    return kept + ["", PAGE_HEADER, ""][: other % 4]


TARGETED_KINDS: dict[str, Callable[[list[str], int, int], list[str]]] = {
    "repeat_row": repeat_row,
    "typo": typo,
    "cut_section_4": cut_section_4,
}
