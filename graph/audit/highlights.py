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
  `le Ministère` (the ministry), collective names of the bodies reporting to the
  minister (`les organismes`, `les conseils et commissions relevant du
  ministre`: their program, or the one body named) and `programme N`;
- the year: a level is for the fiscal year written in its clause
  (`1 770 000 $ en 2008-2009`), else for the document's year; a change runs
  from the year its clause writes (other than the document's: `par rapport à
  2008-2009`), else from the previous year, to the document's year;
- a percentage that is not a change is the subject's share of the portfolio.

A value that is part of the one before it, or restates it (its clause opens
with `dont` or `soit`, or it continues such a list: `une hausse de 5 400 000 $,
dont 1 600 $ aux organismes`; `une baisse de 2 300 000 $, soit 1,4 %`), is read
as that value is (change or level, its direction, its years) unless its own
clause writes a change word or a year.

A value whose words leave its subject, quantity or year undetermined (a name the
graph does not hold, a `Ministère` the document has none or several of, bodies
no one program stands for, no quantity word, several years in its clause), or
that the graph cannot compute (a year it does not hold, a change over a zero
base, a portfolio's share of itself), is an `unchecked` finding whose `note`
says why and quotes its sentence; never a mismatch, never dropped. (An
unchecked level whose words name no quantity is filed under expenditure, the
quantity section 1 states most.)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from graph.aggregates import Amount, amount, change_percent, share_percent, variation
from graph.attributes import Graph, edition_highlights
from graph.audit.findings import Check, Claim, Finding, Identity, finding, unchecked
from graph.audit.prose import Place, places, quantity, sense, written_years
from graph.audit.subjects import Mention, Names, names_of, subject
from loaders.records import Measure, Paragraph, StatedValue, Unit

THOUSAND = 1000
_PARTS = {"dont", "soit"}
"""Words that open a part or a restatement of the value before: it is read as that one."""


@dataclass(frozen=True, slots=True)
class Reading:
    """What one stated value talks about: `years` is `(from, to)` for a change, None when
    its clause writes several; `inherited` when it is read as the value before it."""

    value: StatedValue
    place: Place
    subject: Mention
    quantity: Measure | None
    years: tuple[str, ...] | None
    is_change: bool
    sign: int
    inherited: bool = False

    @property
    def problem(self) -> str:
        """Why its words do not tell what to check, or ''."""
        if self.subject.node is None:
            return f"its subject is not read ({self.subject.problem})"
        if self.quantity is None:
            return "its words name no quantity (dépense, crédit, investissement, budget)"
        if self.years is None:
            return "its clause writes several years"
        return ""

    @property
    def measure(self) -> Measure:
        """What it states: a change, a share, or a level of its quantity."""
        if self.is_change:
            return Measure.PERCENT_CHANGE if self.is_percent else Measure.VARIATION
        if self.is_percent:
            return Measure.SHARE
        return self.quantity or Measure.EXPENDITURE

    @property
    def is_percent(self) -> bool:
        return self.value.unit is Unit.PERCENT


def highlight_findings(
    graph: Graph, portfolio: str, edition: str, previous: str
) -> Iterator[Finding]:
    """Every highlight value of the document of `edition` (which compares with `previous`)."""
    held = edition_highlights(graph, portfolio)
    names = names_of(graph, portfolio, edition)
    for paragraph in held.get(edition, ()):
        for reading in readings(names, paragraph, (previous, edition)):
            yield _judge(graph, portfolio, reading, edition)


def readings(names: Names, paragraph: Paragraph, years: tuple[str, str]) -> Iterator[Reading]:
    """Each value of `paragraph`, read as its words say (or as the value it is part of)."""
    before: Reading | None = None
    for value, place in places(paragraph):
        whole = before if before is not None and before.place.at == place.at else None
        before = _reading(names, paragraph.program, (value, place), years, whole)
        yield before


def _reading(
    names: Names,
    program: int | None,
    stated: tuple[StatedValue, Place],
    years: tuple[str, str],
    whole: Reading | None,
) -> Reading:
    value, place = stated
    inherited = whole is not None and _continues(place, whole)
    if whole is not None and inherited:  # (`inherited` implies it; mypy needs both)
        is_change, sign, span = whole.is_change, whole.sign, whole.years
    else:
        is_change, sign = sense(place)
        span = _years(place, is_change, years)
    share = value.unit is Unit.PERCENT and not is_change
    whose = subject(names, place, program, share)
    return Reading(value, place, whose, quantity(place), span, is_change, sign, inherited)


def _continues(place: Place, whole: Reading) -> bool:
    """Its clause opens with `dont` or `soit`, or goes on with the list the value before it
    is in; and writes no change word or year of its own."""
    if sense(place)[0] or written_years(place):
        return False
    return place.opener in _PARTS or (place.opener == "" and whole.inherited)


def _years(place: Place, is_change: bool, years: tuple[str, str]) -> tuple[str, ...] | None:
    """A level's year, or a change's two years; None when the clause writes several."""
    previous, edition = years
    written = written_years(place)
    if is_change:
        bases = [y for y in written if y != edition]
        return None if len(bases) > 1 else ((bases or [previous])[0], edition)
    return None if len(written) > 1 else ((written or [edition])[0],)


def _judge(graph: Graph, portfolio: str, reading: Reading, edition: str) -> Finding:
    stated = reading.value
    identity = Identity.HIGHLIGHT_PERCENT if reading.is_percent else Identity.HIGHLIGHT_AMOUNT
    node = reading.subject.node or portfolio
    check = Check(identity, node, edition, reading.years or ())
    claim = Claim.of_prose(stated, reading.measure, reading.sign)
    if reading.problem:
        return unchecked(check, claim, _quoted(reading.problem, reading.place))
    computed, why = _computed(graph, portfolio, reading)
    if computed is None:
        return unchecked(check, claim, _quoted(why, reading.place))
    if stated.unit is Unit.DOLLARS:
        computed = _dollars(computed)
    return finding(check, claim, computed, rounded=True)


def _quoted(problem: str, place: Place) -> str:
    return f"{problem}: « {place.sentence.strip()} »"


def _computed(graph: Graph, portfolio: str, reading: Reading) -> tuple[Amount | None, str]:
    """The computed side (a change in dollars or percent, a share, or a level), or why the
    graph cannot give it."""
    assert reading.subject.node is not None and reading.quantity is not None and reading.years
    node, measure, years = reading.subject.node, reading.quantity, reading.years
    if reading.is_change:
        return _change(graph, reading, node, measure)
    level = amount(graph, node, measure, years[0])
    if level is None:
        return None, f"the documents give no {measure.value} for {years[0]}"
    if not reading.is_percent:
        return level, ""
    whole = amount(graph, portfolio, measure, years[0])
    if node == portfolio:
        return None, "a share of the portfolio in itself"
    if whole is None:
        return None, f"the documents give no {measure.value} of the portfolio for {years[0]}"
    found = share_percent(level, whole)
    return found, "" if found else f"the portfolio's {measure.value} is zero"


def _change(
    graph: Graph, reading: Reading, node: str, measure: Measure
) -> tuple[Amount | None, str]:
    """The change in dollars or in percent of the subject's quantity over its two years."""
    assert reading.years is not None
    years = (reading.years[0], reading.years[-1])
    before, after = (amount(graph, node, measure, y) for y in years)
    if before is None or after is None:
        missing = years[0] if before is None else years[1]
        return None, f"the documents give no {measure.value} for {missing}"
    if not reading.is_percent:
        return variation(after, before, years), ""
    found = change_percent(before, after, years)
    return found, "" if found else f"a change from zero in {years[0]}"


def _dollars(computed: Amount) -> Amount:
    """A table amount (000 $) as whole dollars, to compare with a prose amount."""
    if computed.unit is not Unit.THOUSANDS_OF_DOLLARS:
        return computed
    derivation = f"({computed.derivation}) × 1 000 $"
    return Amount(computed.value * THOUSAND, Unit.DOLLARS, derivation, computed.sources)
