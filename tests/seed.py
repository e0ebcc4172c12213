"""The seed document's figures (data/micc-2007-2008.txt), typed once as a reader reads them.

Every test that expects one of the seed's figures reads it here, so that it is written
once, next to the line of the document that states it; `tests/test_seed.py` checks each
entry against the text of that line, so the table cannot drift from the document.
Amounts are in thousands of dollars, as the tables write them (`110 585,5` is
`Decimal("110585.5")`, and `str()` of it is the decimal string GraphQL answers).
The node ids of these figures are in `tests/samples.py`; `tests/stated.py` reads figures
with regular expressions instead, for documents nobody typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Budget:
    """A row of a credits or elements table: its four measures, and in the credits table
    the year before's credits."""

    line: int
    label: str
    expenditure: Decimal
    amortization: Decimal
    investment: Decimal
    credits: Decimal
    credits_before: Decimal | None = None

    def figures(self) -> list[Decimal]:
        """The row's figures in the order of its cells."""
        cells = [self.expenditure, self.amortization, self.investment, self.credits]
        return cells + ([self.credits_before] if self.credits_before is not None else [])


@dataclass(frozen=True, slots=True)
class Compared:
    """A row comparing the year with the year before: the variation and the percentage
    when the row states them (the supercategories table states no variation)."""

    line: int
    label: str
    now: Decimal
    before: Decimal
    variation: Decimal | None = None
    percent: Decimal | None = None

    def figures(self) -> list[Decimal]:
        optional = [self.variation, self.percent]
        return [self.now, self.before, *(x for x in optional if x is not None)]


@dataclass(frozen=True, slots=True)
class Element:
    program: int
    number: int
    name: str
    budget: Budget
    """Its row of the program's elements table."""
    compared: Compared
    """Its row of the program's comparison table."""

    @property
    def key(self) -> str:
        """`1.2`: what its id ends with."""
        return f"{self.program}.{self.number}"


@dataclass(frozen=True, slots=True)
class Program:
    number: int
    name: str
    credits: Budget
    """Its row of section 2's credits table."""
    total: Budget
    """Its elements table's total row."""
    compared: Compared
    """Its comparison table's total row."""
    share: Decimal
    share_line: int
    """The definition that states its share of the portfolio's expenditure."""
    elements: tuple[Element, ...]


@dataclass(frozen=True, slots=True)
class Prose:
    """An amount the highlights state in a sentence: as written, and its value."""

    line: int
    raw: str
    value: Decimal


def _d(cells: str) -> tuple[Decimal, ...]:
    """`"110585.5 2551.7"` → the two Decimals."""
    return tuple(Decimal(cell) for cell in cells.split())


def _element(
    program: int, number: int, name: str, lines: str, budget: str, compared: str
) -> Element:
    """`lines`: its elements row and comparison row; `budget`: expenditure, amortization,
    investment, credits; `compared`: the year before, the variation and the percentage."""
    elements_line, comparison_line = (int(x) for x in lines.split())
    row = Budget(elements_line, f"{number}. {name}", *_d(budget))
    label = f"Élément {number} : {name}"
    return Element(
        program, number, name, row, Compared(comparison_line, label, row.expenditure, *_d(compared))
    )


PROGRAM_1 = Program(
    1,
    "Immigration, Intégration et Communautés culturelles",
    Budget(
        39,
        "1. Immigration, intégration et communautés culturelles",
        *_d("110585.5 2551.7 6712.0 114745.8 108324.4"),
    ),
    Budget(69, "Total Programme 1", *_d("110585.5 2551.7 6712.0 114745.8")),
    # States 5,1 %, but 5 421,4 / 105 164,1 = 5.155 % rounds half-up to 5,2.
    Compared(80, "Total programme 1", *_d("110585.5 105164.1 5421.4 5.1")),
    Decimal("99.3"),
    105,
    (
        _element(1, 1, "Immigration", "65 76", "3794.8 0.0 0.0 3794.8", "3794.8 0.0 0.0"),
        _element(1, 2, "Francisation", "66 77", "51100.0 0.0 0.0 51100.0", "45800.0 5300.0 11.6"),
        _element(
            1,
            3,
            "Intégration, Régionalisation et Relations interculturelles",
            "67 78",
            "35244.7 0.0 0.0 35244.7",
            "35244.7 0.0 0.0",
        ),
        _element(
            1,
            4,
            "Direction, Information et Services de soutien centralisés",
            "68 79",
            "20446.0 2551.7 6712.0 24606.3",
            "20324.6 121.4 0.6",
        ),
    ),
)

PROGRAM_2 = Program(
    2,
    "Organisme relevant du ministre",
    Budget(40, "2. Organisme relevant du ministre", *_d("727.8 8.0 3.0 722.8 721.2")),
    Budget(89, "Total – Programme 2", *_d("727.8 8.0 3.0 722.8")),
    Compared(97, "Total – Programme 2", *_d("727.8 726.2 1.6 0.2")),
    Decimal("0.7"),
    111,
    (
        _element(
            2,
            1,
            "Conseil des relations interculturelles",
            "88 96",
            "727.8 8.0 3.0 722.8",
            "726.2 1.6 0.2",
        ),
    ),
)

PROGRAMS = (PROGRAM_1, PROGRAM_2)
ELEMENTS = tuple(e for p in PROGRAMS for e in p.elements)

# Section 2, `CRÉDITS 2007-2008`: its total row (no label) and the two rows below it.
CREDITS_TOTAL = Budget(41, "", *_d("111313.3 2559.7 6715.0 115468.6 109045.6"))
PERMANENT_CREDITS = Compared(43, "Crédits permanents", *_d("9.6 9.6"))
CREDITS_TO_VOTE = Compared(44, "Crédits à voter", *_d("115459.0 109036.0"))


def _category(line: int, label: str, now: str, before: str, percent: str) -> Compared:
    return Compared(line, label, Decimal(now), Decimal(before), None, Decimal(percent))


# `VENTILATION PAR SUPERCATÉGORIES DU PORTEFEUILLE`
SUPERCATEGORIES = (
    _category(50, "Rémunération", "58029.7", "56229.7", "3.2"),
    _category(51, "Fonctionnement", "23367.1", "19744.1", "18.3"),
    _category(52, "Transfert", "29916.5", "29916.5", "0.0"),
)
EXPENDITURE_TOTAL = _category(53, "Total", "111313.3", "105890.3", "5.1")
HEADCOUNT = _category(54, "Effectif total", "969", "984", "-1.5")  # written (1,5)
INVESTMENT_CATEGORIES = (
    _category(56, "Immobilisations", "6531.0", "5531.0", "18.1"),
    _category(57, "Prêts, placements et avances", "184.0", "184.0", "0.0"),
)
INVESTMENT_TOTAL = _category(58, "Total", "6715.0", "5715.0", "17.5")

# `1. FAITS SAILLANTS`: the amounts its sentences state, in dollars (or %).
HIGHLIGHTS = (
    Prose(7, "111 300 000 \\$", Decimal("111300000")),
    Prose(7, "110 600 000 \\$", Decimal("110600000")),
    Prose(7, "700 000 \\$", Decimal("700000")),
    Prose(9, "5 400 000 \\$", Decimal("5400000")),
    Prose(9, "5,1 %", Decimal("5.1")),
    Prose(15, "1 000 000 \\$", Decimal("1000000")),
    Prose(15, "6 700 000 \\$", Decimal("6700000")),
)

ROWS: tuple[Budget | Compared, ...] = (
    *(row for p in PROGRAMS for row in (p.credits, p.total, p.compared)),
    *(row for e in ELEMENTS for row in (e.budget, e.compared)),
    CREDITS_TOTAL,
    PERMANENT_CREDITS,
    CREDITS_TO_VOTE,
    *SUPERCATEGORIES,
    EXPENDITURE_TOTAL,
    HEADCOUNT,
    *INVESTMENT_CATEGORIES,
    INVESTMENT_TOTAL,
)
"""Every table row above, for the test that checks them against the document."""
