"""The records a document is read into: frozen, slotted, each with its provenance."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Unit(StrEnum):
    """The unit a figure is stated in, as the document states it."""

    THOUSANDS_OF_DOLLARS = "000 $"
    DOLLARS = "$"
    PERCENT = "%"
    PERSONS = "persons"


class Measure(StrEnum):
    """What a figure measures."""

    EXPENDITURE = "expenditure"
    AMORTIZATION = "amortization"
    INVESTMENT = "investment"
    CREDITS = "credits"
    HEADCOUNT = "headcount"
    VARIATION = "variation"
    PERCENT_CHANGE = "percent_change"
    SHARE = "share"
    # The `Crédits permanents` and `Crédits à voter` rows hold credits; the
    # graph keys them apart from the portfolio's total credits.
    PERMANENT_CREDITS = "permanent_credits"
    CREDITS_TO_VOTE = "credits_to_vote"
    # A prose value that does not parse: what it measures cannot be read either.
    UNKNOWN = "unknown"


class GroupKind(StrEnum):
    """What kind of organisational group a section-4 heading opens."""

    EXECUTIVE = "executive"
    SECTOR = "sector"
    SECRETARIAT = "secretariat"
    GENERAL_DIRECTORATE = "general_directorate"
    OTHER = "other"


class Verb(StrEnum):
    """The relation a sentence of the document states."""

    GROUPS = "regroupe"
    INCLUDES = "comprend"
    REPORTS_TO = "relève de"
    SUPERVISED_BY = "sous la supervision de"
    HAS_PARTS = "comporte"
    MANAGES = "gère"
    ADVISES = "a pour mission de conseiller"


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a record comes from: file, first and last line (1-based), exact text."""

    source: str
    line_start: int
    line_end: int
    text: str


@dataclass(frozen=True, slots=True)
class Text:
    """A piece of prose or a name as written, with where it was written."""

    text: str
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class Figure:
    """One number stated by the document.

    `year` is the fiscal year the figure describes, or None for a change between
    the two years (variation, percent change). `cell` is the 1-based cell of the
    table row (the label is cell 1), or 0 for a figure stated in prose.
    """

    measure: Measure
    year: str | None
    value: Decimal
    unit: Unit
    raw: str
    cell: int
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class NotComputable:
    """A percentage cell the document marks as not computable (`n.d.`, `s.o.`, `—`, empty).

    It holds no figure: `raw` is the marker as written (`""` for an empty cell),
    `measure` the column's (a change, so no year), `cell` its 1-based cell.
    """

    measure: Measure
    raw: str
    cell: int
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class Row:
    """A table row: its label (split into number and name when it has them), its figures,
    and the percentage cells it marks as not computable."""

    label: str
    number: int | None
    name: str | None
    figures: tuple[Figure, ...]
    provenance: Provenance
    not_computable: tuple[NotComputable, ...] = ()

    def figure(self, measure: Measure, year: str | None = None) -> Figure | None:
        for figure in self.figures:
            if figure.measure is measure and figure.year == year:
                return figure
        return None


@dataclass(frozen=True, slots=True)
class PortfolioCredits:
    """Section 2's first table: credits per program, the total, permanents, to vote."""

    programs: tuple[Row, ...]
    total: Row
    permanent: Row
    to_vote: Row
    header: Provenance


@dataclass(frozen=True, slots=True)
class Supercategories:
    """Expenditure by supercategory, the headcount and the investment categories."""

    categories: tuple[Row, ...]
    total: Row
    headcount: Row
    investments: tuple[Row, ...]
    investment_total: Row
    header: Provenance


@dataclass(frozen=True, slots=True)
class StatedValue:
    """An amount or percentage stated in prose, with the phrase it belongs to."""

    value: Decimal
    unit: Unit
    raw: str
    phrase: str
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class UnreadValue:
    """An amount-like token of prose that does not parse (`11o 600 000 $`): kept, not read."""

    raw: str
    unit: Unit
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A highlight paragraph, the values it states and the amount-like tokens it does not."""

    text: str
    values: tuple[StatedValue, ...]
    program: int | None
    provenance: Provenance
    unread: tuple[UnreadValue, ...] = ()


@dataclass(frozen=True, slots=True)
class Program:
    """Everything the document states about one program."""

    number: int
    names: tuple[Text, ...]
    credits: Row
    elements: tuple[Row, ...]
    elements_total: Row
    comparison: tuple[Row, ...]
    comparison_total: Row
    definition: tuple[Text, ...]
    share: Figure
    highlights: tuple[Paragraph, ...]

    @property
    def name(self) -> str:
        """The name as the definitions section writes it (its proper case)."""
        return self.names[-1].text


@dataclass(frozen=True, slots=True)
class Item:
    """A `- ` bullet paragraph, with its ` - ` sub-items."""

    text: str
    sub_items: tuple[Item, ...]
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class OrgUnit:
    """A titled unit of section 4 and its bullet paragraphs."""

    name: str
    paragraphs: tuple[Item, ...]
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class OrgGroup:
    """An uppercase heading of section 4 and what it opens."""

    name: str
    kind: GroupKind
    intro: tuple[Text, ...]
    units: tuple[OrgUnit, ...]
    objectives: tuple[Item, ...]
    modes: tuple[Item, ...]
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class RelationStatement:
    """A sentence stating a relation: `subject verb objects`."""

    subject: str
    verb: Verb
    objects: tuple[str, ...]
    sentence: str
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class Document:
    """Everything one "Fiches explicatives" document states."""

    source: str
    portfolio: str
    portfolio_names: tuple[Text, ...]
    year: str
    previous_year: str
    highlights: tuple[Paragraph, ...]
    credits: PortfolioCredits
    supercategories: Supercategories
    programs: tuple[Program, ...]
    groups: tuple[OrgGroup, ...]
    relations: tuple[RelationStatement, ...]
    provenance: Provenance

    def table_rows(self) -> Iterator[Row]:
        """Every table row of the document, in table order."""
        credits, supers = self.credits, self.supercategories
        yield from credits.programs
        yield from (credits.total, credits.permanent, credits.to_vote)
        yield from supers.categories
        yield from (supers.total, supers.headcount)
        yield from supers.investments
        yield supers.investment_total
        for program in self.programs:
            yield from program.elements
            yield program.elements_total
            yield from program.comparison
            yield program.comparison_total

    def figures(self) -> Iterator[Figure]:
        """Every figure of every table."""
        for row in self.table_rows():
            yield from row.figures

    def not_computable(self) -> Iterator[NotComputable]:
        """Every percentage cell of every table that is marked as not computable."""
        for row in self.table_rows():
            yield from row.not_computable
