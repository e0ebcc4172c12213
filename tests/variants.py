"""Members of the family derived from the real document's text, for the audit's tests.

Each function rewrites data/micc-2007-2008.txt in memory the way another sheet
of the family could be written, keeping every identity of FORMAT.md true unless
it says otherwise:
- `with_bodies`: the bodies' program (program 2) split among several bodies;
- `next_edition`: the following year's sheet of the same portfolio, whose
  comparison columns restate the real document's own year;
- `with_cycle`: section 4 with two sentences that make two units part of each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from bench.generate import shift_years
from loaders.numbers import french_number, parse_number
from tests import seed
from tests.documents import percent

COUNCIL_ROWS = (
    "1. Conseil des relations interculturelles\t727,8\t8,0\t3,0\t722,8",
    "Élément 1 : Conseil des relations interculturelles\t727,8\t726,2\t1,6\t0,2",
)
COUNCIL = (seed.PROGRAM_2.compared.now, seed.PROGRAM_2.compared.before)
"""The council's expenditure, 2007-2008 and 2006-2007."""
Body = tuple[str, Decimal, Decimal]
"""A body's name, its expenditure and its previous year's, in thousands of dollars."""


def written(value: Decimal) -> str:
    """As the tables write it: one decimal, negatives in parentheses."""
    text = french_number(abs(value), 1)
    return f"({text})" if value < 0 else text


def with_bodies(text: str, bodies: Sequence[Body]) -> str:
    """Program 2 made of `bodies` (their figures must sum to the council's), named
    `Organismes relevant du ministre`; the first keeps the council's amortization and
    investment, so every total of the document stays as it is."""
    assert sum(b[1] for b in bodies) == COUNCIL[0] and sum(b[2] for b in bodies) == COUNCIL[1]
    elements, compared = [], []
    for number, (name, spent, before) in enumerate(bodies, start=1):
        amortized, invested = (Decimal("8.0"), Decimal("3.0")) if number == 1 else (0, 0)
        cells = (spent, Decimal(amortized), Decimal(invested), spent - amortized + invested)
        elements.append("\t".join([f"{number}. {name}", *map(written, cells)]))
        change = (spent, before, spent - before, percent(spent - before, before))
        compared.append("\t".join([f"Élément {number} : {name}", *map(written, change)]))
    for row, rows in zip(COUNCIL_ROWS, (elements, compared), strict=True):
        assert text.count(row) == 1
        text = text.replace(row, "\n".join(rows))
    for singular in ("Organisme relevant du ministre", "Organisme relevant de la ministre"):
        text = text.replace(singular, singular.replace("Organisme", "Organismes"))
    return text.replace("ORGANISME RELEVANT", "ORGANISMES RELEVANT")


def next_edition(text: str, restated: dict[str, Decimal] | None = None) -> str:
    """The 2008-2009 sheet: the same figures a year later, so its comparison columns
    (2007-2008) state the real document's own year, except the comparison rows named in
    `restated` (label → the previous year it now states). A restated element's variation,
    percentage and program total follow it, as a publisher restating it would write them.
    Section 1 keeps the level and names no change (the document's changes are all zero)."""
    later, comparing = [], False
    for line in shift_years(text, 1).split("\n"):
        if line.startswith(("COMPARATIF", "3. ")) or _program_heading(line):
            comparing = line.startswith("COMPARATIF")
        later.append(_flat(line, comparing))
    result = "\n".join(later)
    for label, before in (restated or {}).items():
        result = _restate(result, label, before)
    return _highlights(result)


def _program_heading(line: str) -> bool:
    return line.startswith("PROGRAMME ") and " : " in line


def _flat(line: str, comparing: bool) -> str:
    """A table row whose previous-year column equals its year: no change."""
    cells = line.split("\t")
    numbers = [parse_number(c) for c in cells[1:]]
    if len(cells) == 6 and all(n is not None for n in numbers):  # credits table rows
        return "\t".join([*cells[:5], cells[4]])
    if len(cells) == 6 and cells[1:4] == ["", "", ""] and numbers[3] is not None:
        return "\t".join([*cells[:5], cells[4]])  # crédits permanents, à voter
    if len(cells) == 4 and all(n is not None for n in numbers):  # supercategory rows
        return "\t".join([cells[0], cells[1], cells[1], "0,0"])
    if len(cells) == 5 and all(n is not None for n in numbers) and comparing:
        return "\t".join([cells[0], cells[1], cells[1], "0,0", "0,0"])
    return line


def _restate(text: str, label: str, before: Decimal) -> str:
    """Row `label` of a comparison table states `before` as its previous year."""
    lines = text.split("\n")
    index = next(i for i, x in enumerate(lines) if x.startswith(f"{label}\t"))
    cells = lines[index].split("\t")
    old = parse_number(cells[2])
    assert old is not None
    lines[index] = _compared_row(cells, before)
    total = next(i for i in range(index, len(lines)) if lines[i].startswith("Total"))
    cells = lines[total].split("\t")
    previous = parse_number(cells[2])
    assert previous is not None
    lines[total] = _compared_row(cells, previous - old + before)
    return "\n".join(lines)


def _compared_row(cells: list[str], before: Decimal) -> str:
    year = parse_number(cells[1])
    assert year is not None
    change = (year, before, year - before, percent(year - before, before))
    return "\t".join([cells[0], *map(written, change)])


def _highlights(text: str) -> str:
    """Section 1 without the sentences that state a change (there is none)."""
    lines = text.split("\n")
    kept = [x for x in lines if "augment" not in x and "Comparativement" not in x]
    return "\n".join(kept)


CYCLE_AFTER = "Direction de la recherche et de l'analyse prospective\n\n- La *Direction"
CYCLE_SENTENCE = "- Elle regroupe le Secrétariat du ministère."
GROUP_INTRO = (
    "Sous la supervision de la sous-ministre, diverses directions offrent des services centralisés."
)
GROUP_SENTENCE = "La haute direction regroupe le Secrétariat du ministère."


def with_cycle(text: str) -> str:
    """The Secrétariat du ministère `regroupe` the Direction de la recherche (as the real
    document says), which now `regroupe` the Secrétariat; the executive group's prose
    names the Secrétariat as its own, so the group reaches the two."""
    lines = text.split("\n")
    start = next(i for i, x in enumerate(lines) if x == CYCLE_AFTER.split("\n")[0])
    bullet = next(i for i in range(start, len(lines)) if lines[i].startswith("- "))
    lines.insert(bullet + 1, CYCLE_SENTENCE)
    intro = lines.index(GROUP_INTRO)
    lines[intro] = f"{GROUP_INTRO} {GROUP_SENTENCE}"
    return "\n".join(lines)
