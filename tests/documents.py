"""Minimal valid "Fiches explicatives" documents, written as text for the parsing tests.

`build(Layout(...))` writes a document whose figures follow a simple, consistent
model (every identity of FORMAT.md holds); each `Layout` field is one of the
variations FORMAT.md allows. The result remembers the value written into every
numeric cell, by (line, cell), so a test can compare what the loader read with
what was written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Literal

from loaders import Document, parse_document
from loaders.lines import split_lines
from loaders.records import Measure, Row, Unit

ROOT = Path(__file__).resolve().parent.parent
MICC = ROOT / "data" / "micc-2007-2008.txt"
SYNTHETIC = ROOT / "tests" / "corpus" / "synthetic-tourisme-2008-2009.txt"

YEAR = "2008-2009"
PREVIOUS = "2007-2008"
SOURCE = "inline.txt"
PAGE_HEADER = "Fiches explicatives"
PROGRAM_NAMES = ("Accueil et Promotion", "Patrimoine", "Organisme relevant du ministre")
ONE_TENTH = Decimal("0.1")
UNIT = "(000 \\$)"
PERMANENT = Decimal("9.6")
HEADCOUNT = (969, 984)
HEADCOUNT_CHANGE = Decimal("-1.5")
MEASURES = ("expenditure", "amortization", "investment", "credits")
ORIGINAL = ("expenditure", "amortization", "investment", "previous")

# How table headers are written: as in the published document (mixed), on one row
# each (units and years inside the column names), or with (000 $) on a row of its own.
Headers = Literal["as published", "one row", "units row"]


@dataclass(frozen=True, slots=True)
class Layout:
    """How a built document is written; the defaults are the real document's layout."""

    elements: tuple[int, ...] = (2, 1)  # how many elements each program has
    group: str = " "  # thousands grouping character
    negative: str = "({})"  # how a negative magnitude is written
    total: str = "Total Programme {n}"  # the elements table's total row
    comparison_total: str = "Total programme {n}"  # the comparison table's total row
    amortization: str = "Amortissement"  # the amortization column's name
    headers: Headers = "as published"
    page_header_in_table: bool = False  # a page header between two rows of a table
    page_header_in_list: bool = False  # a page header inside a bulleted list
    # A marker (`n.d.`, `—`, "" for an empty cell) for the changes that cannot be computed:
    # program 1's last element is new (previous year 0,0), and so is the loans line.
    not_computable: str | None = None


@dataclass(frozen=True, slots=True)
class Element:
    """One element's figures, in thousands of dollars."""

    program: int
    number: int
    expenditure: Decimal
    amortization: Decimal
    investment: Decimal
    previous: Decimal

    @property
    def credits(self) -> Decimal:
        return self.expenditure - self.amortization + self.investment

    @property
    def variation(self) -> Decimal:
        return self.expenditure - self.previous


@dataclass(frozen=True, slots=True)
class Built:
    """A built document: its text and the value written in each (line, cell)."""

    text: str
    values: dict[tuple[int, int], Decimal]

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")[:-1]

    def line_of(self, start: str) -> int:
        """The 1-based number of the first line that starts with `start`."""
        return next(n for n, x in enumerate(self.lines, start=1) if x.startswith(start))


def element(program: int, number: int) -> Element:
    expenditure = Decimal(10_000 * program + 1_000 * number) + Decimal("234.5")
    change = Decimal(1_500) if number % 2 else Decimal(-1_200)
    return Element(
        program,
        number,
        expenditure,
        Decimal(number) + Decimal("0.3"),
        Decimal(1_000 + 2 * number),
        expenditure + change,
    )


def percent(part: Decimal, whole: Decimal) -> Decimal:
    """`part / whole × 100`, rounded half-up to one decimal, as the documents round."""
    return (part / whole * 100).quantize(ONE_TENTH, rounding=ROUND_HALF_UP)


def program_name(number: int) -> str:
    return PROGRAM_NAMES[number - 1] if number <= len(PROGRAM_NAMES) else f"Mission {number}"


def elements_of(layout: Layout) -> dict[int, list[Element]]:
    programs = {
        p: [element(p, e) for e in range(1, count + 1)]
        for p, count in enumerate(layout.elements, start=1)
    }
    if layout.not_computable is not None:
        programs[1][-1] = replace(programs[1][-1], previous=Decimal(0))
    return programs


def parse_text(text: str, source: str = SOURCE) -> Document:
    """Parse a document held in memory, as `read_document` would once decoded."""
    return parse_document(source, split_lines(source, text))


def with_line(text: str, number: int, new: str) -> str:
    """`text` with its line `number` (1-based) replaced by `new` (maybe several lines)."""
    lines = text.split("\n")
    lines[number - 1] = new
    return "\n".join(lines)


def described(row: Row) -> list[tuple[int, Measure, str | None, Unit, Decimal]]:
    """A row's figures as (cell, measure, year, unit, value), for comparing with literals."""
    return [(f.cell, f.measure, f.year, f.unit, f.value) for f in row.figures]


def build(layout: Layout = Layout()) -> Built:
    writer = _Writer(layout)
    programs = elements_of(layout)
    _highlights(writer, programs)
    _credits(writer, programs)
    _supercategories(writer, programs)
    for number, rows in programs.items():
        _program_tables(writer, number, rows)
    _definitions(writer, programs)
    _organization(writer)
    return Built("\n".join(writer.lines) + "\n", writer.values)


@dataclass
class _Writer:
    layout: Layout
    lines: list[str] = field(default_factory=list)
    values: dict[tuple[int, int], Decimal] = field(default_factory=dict)

    def paragraphs(self, *texts: str) -> None:
        for text in texts:
            self.lines += [text, ""]

    def row(self, label: str, *cells: Decimal | int | str) -> None:
        number = len(self.lines) + 1
        out = [label]
        for index, cell in enumerate(cells, start=2):
            if isinstance(cell, str):
                out.append(cell)
                continue
            out.append(self.number(Decimal(cell)) if isinstance(cell, Decimal) else str(cell))
            self.values[(number, index)] = Decimal(cell)
        self.lines.append("\t".join(out))

    def number(self, value: Decimal) -> str:
        magnitude = f"{abs(value):,.1f}".replace(",", self.layout.group).replace(".", ",")
        return self.layout.negative.format(magnitude) if value < 0 else magnitude


def _sum(rows: Iterable[Element], attribute: str) -> Decimal:
    return sum((getattr(e, attribute) for e in rows), Decimal(0))


def _all(programs: dict[int, list[Element]]) -> list[Element]:
    return [e for rows in programs.values() for e in rows]


def _french(value: Decimal) -> str:
    return str(value).replace(".", ",")


def _highlights(writer: _Writer, programs: dict[int, list[Element]]) -> None:
    total = _sum(_all(programs), "expenditure") * 1000
    rounded = f"{int(total.quantize(Decimal('1E5'), rounding=ROUND_HALF_UP)):,}"
    change = percent(_sum(_all(programs), "variation"), _sum(_all(programs), "previous"))
    direction = "augmentation" if change >= 0 else "diminution"
    writer.paragraphs(
        PAGE_HEADER,
        "1. FAITS SAILLANTS",
        f"Le budget de dépenses {YEAR} du portefeuille « Essai » est de "
        f"**{rounded.replace(',', ' ')} \\$**.",
        f"Il s'agit d'une {direction} de {_french(abs(change))} % par rapport à {PREVIOUS}.",
    )
    for number in programs:
        writer.paragraphs(
            f"Programme {number} : {program_name(number)}",
            "Toutes les activités de ce programme sont regroupées ici.",
        )


def _credits(writer: _Writer, programs: dict[int, list[Element]]) -> None:
    writer.paragraphs(PAGE_HEADER, f"2. CRÉDITS {YEAR}", "PORTEFEUILLE « ESSAI »")
    writer.paragraphs(f"CRÉDITS {YEAR}")
    names = [*_measure_names(writer.layout), "Crédits"]
    if writer.layout.headers == "one row":
        years = [YEAR] * 4 + [PREVIOUS]
        writer.row("Programmes", *[f"{n} {y} {UNIT}" for n, y in zip(names, years, strict=True)])
    else:
        writer.row("Programmes", YEAR, "", "", PREVIOUS, "")
        _names_and_units(writer, names)
    for number, rows in programs.items():
        sums = [_sum(rows, a) for a in MEASURES]
        writer.row(f"{number}. {program_name(number)}", *sums, sums[3] - 500)
    sums = [_sum(_all(programs), a) for a in MEASURES]
    before = sums[3] - 500 * len(programs)
    writer.row("", *sums, before)
    writer.row("Moins :", "", "", "", "", "")
    writer.row("Crédits permanents", "", "", "", PERMANENT, PERMANENT)
    writer.row("Crédits à voter", "", "", "", sums[3] - PERMANENT, before - PERMANENT)
    writer.lines.append("")


def _measure_names(layout: Layout) -> list[str]:
    amortization = f"Moins : {layout.amortization}"
    return ["Budget de dépenses", amortization, "Plus : Investissements", "Crédits"]


def _names_and_units(writer: _Writer, names: list[str]) -> None:
    """Column names with their unit, or (with `units row`) the units on a row of their own."""
    if writer.layout.headers == "units row":
        writer.row("", *names)
        writer.row("", *[UNIT] * len(names))
    else:
        writer.row("", *[f"{name} {UNIT}" for name in names])


def _supercategories(writer: _Writer, programs: dict[int, list[Element]]) -> None:
    everything = _all(programs)
    total, previous = _sum(everything, "expenditure"), _sum(everything, "previous")
    invested = _sum(everything, "investment")
    writer.paragraphs("VENTILATION PAR SUPERCATÉGORIES DU PORTEFEUILLE")
    if writer.layout.headers == "one row":
        writer.row(f"Budget de dépenses {UNIT}", YEAR, PREVIOUS, "%")
    else:
        writer.row("Budget de dépenses", YEAR, PREVIOUS, "%")
        writer.row("", UNIT, UNIT, "")
    _compared(writer, "Rémunération", total - 3_000, previous - 3_100)
    _compared(writer, "Fonctionnement", Decimal(2_000), Decimal(2_100))
    _compared(writer, "Transfert", Decimal(1_000), Decimal(1_000))
    _compared(writer, "Total", total, previous)
    writer.row("Effectif total", HEADCOUNT[0], HEADCOUNT[1], HEADCOUNT_CHANGE)
    writer.row("Budget d'investissements", "", "", "")
    loans = Decimal(0 if writer.layout.not_computable is not None else 100)
    _compared(writer, "Immobilisations", invested - loans, invested - 1_000 - loans)
    if writer.layout.not_computable is not None:
        writer.row("Prêts, placements et avances", loans, loans, writer.layout.not_computable)
    else:
        _compared(writer, "Prêts, placements et avances", loans, loans)
    _compared(writer, "Total", invested, invested - 1_000)
    writer.lines.append("")


def _compared(writer: _Writer, label: str, *cells: Decimal) -> None:
    """A row of figures for the year and the previous year (maybe the variation), then %."""
    writer.row(label, *cells, percent(cells[0] - cells[1], cells[1]))


def _program_tables(writer: _Writer, number: int, rows: list[Element]) -> None:
    layout = writer.layout
    writer.paragraphs(PAGE_HEADER, f"PROGRAMME {number} : {program_name(number).upper()}")
    if layout.headers == "units row":
        writer.row("Élément", *_measure_names(layout))
        writer.row("", *[UNIT] * 4)
    else:
        writer.row("Élément", *[f"{name} {UNIT}" for name in _measure_names(layout)])
    for index, row in enumerate(rows):
        if layout.page_header_in_table and index == 1:
            writer.lines += ["", PAGE_HEADER, ""]
        cells = (row.expenditure, row.amortization, row.investment, row.credits)
        writer.row(f"{row.number}. Activité {row.number}", *cells)
    writer.row(layout.total.format(n=number), *[_sum(rows, a) for a in MEASURES])
    writer.lines.append("")
    _comparison(writer, number, rows)


def _comparison(writer: _Writer, number: int, rows: list[Element]) -> None:
    writer.paragraphs(f"COMPARATIF DES BUDGETS DE DÉPENSES {YEAR} ET {PREVIOUS}")
    if writer.layout.headers == "one row":
        years = [f"{x} {UNIT}" for x in (YEAR, PREVIOUS, "Variation")]
        writer.row("Programme/Élément", *years, "%")
    else:
        writer.row("Programme/Élément", YEAR, PREVIOUS, "Variation", "")
        writer.row("", UNIT, UNIT, UNIT, "%")
    writer.row(f"PROGRAMME {number}", "", "", "", "")
    for row in rows:
        label = f"Élément {row.number} : Activité {row.number}"
        change = _change(row) if row.previous else writer.layout.not_computable or ""
        writer.row(label, row.expenditure, row.previous, row.variation, change)
    total = Element(number, 0, *(_sum(rows, a) for a in ORIGINAL))
    cells = (total.expenditure, total.previous, total.variation, _change(total))
    writer.row(writer.layout.comparison_total.format(n=number), *cells)
    writer.lines.append("")


def _change(row: Element) -> Decimal:
    return percent(row.variation, row.previous)


def _definitions(writer: _Writer, programs: dict[int, list[Element]]) -> None:
    total = _sum(_all(programs), "expenditure")
    writer.paragraphs(PAGE_HEADER, "3. DÉFINITIONS DES PROGRAMMES")
    for number, rows in programs.items():
        share = percent(_sum(rows, "expenditure"), total)
        writer.paragraphs(
            f"Programme {number} **{program_name(number)}**",
            "Ce programme vise à soutenir les activités du portefeuille.",
            f"(Ce programme représente {_french(share)} % du budget de dépenses "
            "du portefeuille « Essai »).",
        )


def _organization(writer: _Writer) -> None:
    writer.paragraphs(
        PAGE_HEADER,
        "4. MANDATS, FONCTIONS ET PRINCIPAUX SERVICES DES SECTEURS ET DES DIRECTIONS",
        "HAUTE DIRECTION",
        "Sous la supervision de la sous-ministre, diverses directions offrent des services.",
        "Direction générale de l'administration",
    )
    writer.lines += [
        "- La *Direction générale de l'administration* regroupe la Direction des ressources "
        "humaines et la Direction des ressources financières.",
        "",
        "Direction des ressources humaines",
        "",
        "- La *Direction des ressources humaines* assure la dotation des emplois.",
        "- Elle comprend le Service de la paie.",
        "",
        "Direction des ressources financières",
        "",
        "- La *Direction des ressources financières* coordonne le cycle budgétaire.",
        "",
        "SECTEUR DE L'ESSAI",
        "",
        "Objectifs généraux",
        "",
        "- Soutenir les essais :",
        " - en finançant des projets;",
    ]
    if writer.layout.page_header_in_list:
        writer.lines += ["", PAGE_HEADER, ""]
    writer.lines += [
        " - en accompagnant les régions.",
        "- Assurer un accueil de qualité.",
        "",
        "Modes d'intervention",
        "",
        "- La promotion des essais.",
        "- L'aide financière aux essais.",
    ]
