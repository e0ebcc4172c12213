"""Auditing section 1: each rounded amount or percentage of the highlights.

What a value talks about is read from the words of its sentence by general
rules (`graph.audit.prose` cuts the value's *clause*: from the last comma,
semicolon, colon, parenthesis or clause-opening word such as `dont`, `soit`,
`comparativement`, `passant` before it to the first one after it, never past a
neighbouring value; `graph.audit.subjects` reads the names):

- change or level: a change word (`augmentation`, `hausse`, `bonification`,
  `diminution`, `variation`...) in the clause before the value, or `de plus` /
  `de moins` right after it, makes it a change; a decrease word (`diminution`,
  `baisse`, `réduction`, `recul`, `de moins`) makes the stated magnitude negative;
- the quantity: the last of `investissement`, `crédit`, `dépense` written in its
  sentence before it, else the first written after it in its clause, else
  expenditure when the sentence speaks of a `budget`, an `enveloppe` or a `somme`;
- the subject: the first name written after the value in its clause
  (`dont 700 000 $ au Conseil ...`, `1 800 000 $ pour le Ministère`), else the
  last one written before it in its sentence (`le budget ... du portefeuille « X »
  est de ...`, and what `comparativement à ...` compares it with): a name in a
  later clause (`..., dont la totalité est allouée au ministère ...`) is another
  value's subject. A sentence that names none speaks of the paragraph's program,
  else of the whole portfolio. Names are organizations, `portefeuille`,
  `le Ministère` (the ministry), `les organismes` (the program of the bodies
  reporting to the minister) and `programme N`;
- the year: a level is for the fiscal year written in its clause
  (`1 770 000 $ en 2008-2009`), else for the document's year; a change runs
  from the year its clause writes (other than the document's: `par rapport à
  2008-2009`), else from the previous year, to the document's year;
- a percentage that is not a change is the subject's share of the portfolio.

A value is not checked (no finding, never a mismatch) when its words leave
its subject, quantity or year undetermined: a name the graph does not hold, a
`Ministère` or `organismes` the document has none or several of, no quantity
word, several years in its clause; nor when the graph cannot compute it (a year
it does not hold, a change over a zero base, a portfolio's share of itself).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from graph.aggregates import Amount, amount
from graph.attributes import Graph
from graph.audit.findings import Check, Claim, Finding, Identity, finding
from graph.audit.prose import Place, places, quantity, sense, written_years
from graph.audit.subjects import Names, names_of, subject
from graph.audit.tables import change_percent, share_percent, variation
from loaders.records import Measure, Paragraph, StatedValue, Unit

THOUSAND = 1000


@dataclass(frozen=True, slots=True)
class Reading:
    """What one stated value talks about: `years` is `(from, to)` for a change."""

    value: StatedValue
    subject: str
    quantity: Measure
    years: tuple[str, ...]
    is_change: bool
    sign: int


def highlight_findings(
    graph: Graph, portfolio: str, edition: str, previous: str
) -> Iterator[Finding]:
    """Every highlight value of the document of `edition` (which compares with `previous`)."""
    held: dict[str, tuple[Paragraph, ...]] = graph.nodes[portfolio].get("highlights", {})
    names = names_of(graph, portfolio, edition)
    for paragraph in held.get(edition, ()):
        for reading in readings(names, paragraph, (previous, edition)):
            yield from _judge(graph, portfolio, reading, edition)


def readings(names: Names, paragraph: Paragraph, years: tuple[str, str]) -> Iterator[Reading]:
    """Each value of `paragraph` its words say enough about, read as they say."""
    for value, place in places(paragraph):
        is_change, sign = sense(place)
        share = value.unit is Unit.PERCENT and not is_change
        whose = subject(names, place, paragraph.program, share)
        measure = quantity(place)
        span = _years(place, is_change, years)
        if whose is not None and measure is not None and span is not None:
            yield Reading(value, whose, measure, span, is_change, sign)


def _years(place: Place, is_change: bool, years: tuple[str, str]) -> tuple[str, ...] | None:
    """A level's year, or a change's two years; None when the clause writes several."""
    previous, edition = years
    written = written_years(place)
    if is_change:
        bases = [y for y in written if y != edition]
        return None if len(bases) > 1 else ((bases or [previous])[0], edition)
    return None if len(written) > 1 else ((written or [edition])[0],)


def _judge(graph: Graph, portfolio: str, reading: Reading, edition: str) -> Iterator[Finding]:
    computed, measure = _computed(graph, portfolio, reading)
    if computed is None:
        return
    stated = reading.value
    if stated.unit is Unit.DOLLARS:
        computed = _dollars(computed)
    identity = (
        Identity.HIGHLIGHT_PERCENT if stated.unit is Unit.PERCENT else Identity.HIGHLIGHT_AMOUNT
    )
    check = Check(identity, reading.subject, edition, reading.years)
    yield finding(check, Claim.of_prose(stated, measure, reading.sign), computed, rounded=True)


def _computed(graph: Graph, portfolio: str, reading: Reading) -> tuple[Amount | None, Measure]:
    """The computed side: a change (amount or %), a share, or a level."""
    if reading.is_change:
        return _change(graph, reading)
    level = amount(graph, reading.subject, reading.quantity, reading.years[0])
    if reading.value.unit is not Unit.PERCENT:
        return level, reading.quantity
    whole = amount(graph, portfolio, reading.quantity, reading.years[0])
    if reading.subject == portfolio or level is None or whole is None:
        return None, Measure.SHARE
    return share_percent(level, whole), Measure.SHARE


def _change(graph: Graph, reading: Reading) -> tuple[Amount | None, Measure]:
    """The change in dollars or in percent of the subject's quantity over its two years."""
    years = (reading.years[0], reading.years[-1])
    before, after = (amount(graph, reading.subject, reading.quantity, y) for y in years)
    if before is None or after is None:
        return None, Measure.VARIATION
    if reading.value.unit is Unit.PERCENT:
        return change_percent(before, after, years), Measure.PERCENT_CHANGE
    return variation(after, before, years), Measure.VARIATION


def _dollars(computed: Amount) -> Amount:
    """A table amount (000 $) as whole dollars, to compare with a prose amount."""
    if computed.unit is not Unit.THOUSANDS_OF_DOLLARS:
        return computed
    derivation = f"({computed.derivation}) × 1 000 $"
    return Amount(computed.value * THOUSAND, Unit.DOLLARS, derivation, computed.sources)
