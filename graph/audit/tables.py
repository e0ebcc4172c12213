"""Auditing the tables: each figure a table states against what the leaf figures give."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import Enum

from graph.aggregates import (
    Amount,
    amount,
    change_percent,
    credits_of,
    round_percent,
    share_percent,
    variation,
)
from graph.attributes import Graph, stated, uncomputed
from graph.audit.findings import Check, Claim, Finding, Identity, Status, finding, unchecked
from graph.breakdowns import Dimension, breakdown
from graph.facts import Stated, Table
from graph.kinds import Kind, kind_of
from graph.queries import portfolio_of
from loaders.records import Measure, NotComputable, Unit

Editions = dict[str, tuple[str, str]]
"""A document's source path → its fiscal year and the previous one."""
_CHANGES = (Measure.VARIATION, Measure.PERCENT_CHANGE)
_ROW_TERMS = (Measure.EXPENDITURE, Measure.AMORTIZATION, Measure.INVESTMENT)


class Basis(Enum):
    """What a stated figure's computed side is read from."""

    NODE = "the node's own amount"
    PROGRAMS = "the sum of the programs"
    SUPERCATEGORIES = "the sum of the supercategory rows"
    INVESTMENT_CATEGORIES = "the sum of the investment category rows"


_DIMENSIONS = {
    Basis.PROGRAMS: Dimension.PROGRAM,
    Basis.SUPERCATEGORIES: Dimension.SUPERCATEGORY,
    Basis.INVESTMENT_CATEGORIES: Dimension.INVESTMENT_CATEGORY,
}


@dataclass(frozen=True, slots=True)
class Rule:
    """How one table's figures on one kind of node are checked."""

    levels: tuple[tuple[Identity, Basis], ...] = ()
    variation: Identity | None = None
    percent: Identity | None = None
    change_basis: Basis = Basis.NODE


_I, _B = Identity, Basis
_COMPARED = Rule(((_I.COMPARISON_AMOUNT, _B.NODE),), _I.COMPARISON_VARIATION, _I.COMPARISON_PERCENT)
RULES: dict[tuple[Kind, Table, Measure | None], Rule] = {
    (Kind.ELEMENT, Table.ELEMENTS, None): Rule(((_I.ELEMENT_CREDITS, _B.NODE),)),
    (Kind.ELEMENT, Table.COMPARISON, None): _COMPARED,
    (Kind.PROGRAM, Table.CREDITS, None): Rule(((_I.PROGRAM_ROW, _B.NODE),)),
    (Kind.PROGRAM, Table.ELEMENTS, None): Rule(((_I.PROGRAM_TOTAL, _B.NODE),)),
    (Kind.PROGRAM, Table.COMPARISON, None): _COMPARED,
    (Kind.PORTFOLIO, Table.CREDITS, Measure.CREDITS_TO_VOTE): Rule(
        ((_I.CREDITS_TO_VOTE, _B.NODE),)
    ),
    # A later document's previous-year crédits permanents repeat a leaf: nothing to check.
    (Kind.PORTFOLIO, Table.CREDITS, Measure.PERMANENT_CREDITS): Rule(),
    (Kind.PORTFOLIO, Table.CREDITS, None): Rule(((_I.PORTFOLIO_TOTAL, _B.NODE),)),
    (Kind.PORTFOLIO, Table.SUPERCATEGORIES, Measure.EXPENDITURE): Rule(
        ((_I.SUPERCATEGORY_TOTAL, _B.SUPERCATEGORIES), (_I.SUPERCATEGORY_PROGRAMS, _B.PROGRAMS)),
        percent=_I.SUPERCATEGORY_PERCENT,
        change_basis=_B.SUPERCATEGORIES,
    ),
    (Kind.PORTFOLIO, Table.SUPERCATEGORIES, Measure.INVESTMENT): Rule(
        ((_I.INVESTMENT_TOTAL, _B.INVESTMENT_CATEGORIES), (_I.INVESTMENT_PROGRAMS, _B.PROGRAMS)),
        percent=_I.INVESTMENT_PERCENT,
        change_basis=_B.INVESTMENT_CATEGORIES,
    ),
    (Kind.PORTFOLIO, Table.SUPERCATEGORIES, Measure.HEADCOUNT): Rule(percent=_I.HEADCOUNT_PERCENT),
    (Kind.SUPERCATEGORY, Table.SUPERCATEGORIES, None): Rule(percent=_I.SUPERCATEGORY_PERCENT),
    (Kind.INVESTMENT_CATEGORY, Table.SUPERCATEGORIES, None): Rule(percent=_I.INVESTMENT_PERCENT),
}


def rule_for(node: str, table: Table, about: Measure) -> Rule | None:
    kind = kind_of(node)
    return RULES.get((kind, table, about)) or RULES.get((kind, table, None))


def table_findings(graph: Graph, node: str, editions: Editions, edition: str) -> Iterator[Finding]:
    """Every check of the figures the document of `edition` states on `node`."""
    held = [
        item
        for item in stated(graph, node)
        if editions[item.figure.provenance.source][0] == edition
    ]
    for item in held:
        year, previous = editions[item.figure.provenance.source]
        if item.figure.measure is Measure.SHARE:
            yield from _share(graph, node, item, year)
            continue
        rule = rule_for(node, item.table, item.about)
        if rule is None:
            continue
        if item.figure.measure in _CHANGES:
            yield from _change(graph, node, item, rule, (previous, year))
        else:
            yield from _levels(graph, node, item, rule, year)
    yield from row_credits(graph, node, held, editions)
    yield from uncomputed_findings(graph, node, editions, edition)


def level(graph: Graph, node: str, basis: Basis, measure: Measure, year: str) -> Amount | None:
    """The computed amount a stated figure is compared with."""
    if basis is Basis.NODE:
        return amount(graph, node, measure, year)
    found = breakdown(graph, node, year, _DIMENSIONS[basis], measure)
    if found is None:
        return None
    rows = len(found.rows)
    return Amount(
        found.total.value, found.total.unit, f"{basis.value} ({rows})", found.total.sources
    )


def _levels(graph: Graph, node: str, item: Stated, rule: Rule, edition: str) -> Iterator[Finding]:
    figure = item.figure
    assert figure.year is not None
    for identity, basis in rule.levels:
        computed = level(graph, node, basis, figure.measure, figure.year)
        if computed is not None:
            check = Check(identity, node, edition, (figure.year,))
            yield finding(check, Claim.of_figure(figure), computed, rounded=False)


def _change(
    graph: Graph, node: str, item: Stated, rule: Rule, years: tuple[str, str]
) -> Iterator[Finding]:
    is_percent = item.figure.measure is Measure.PERCENT_CHANGE
    identity = rule.percent if is_percent else rule.variation
    before, after = (level(graph, node, rule.change_basis, item.about, y) for y in years)
    if identity is None or before is None or after is None:
        return
    if is_percent and before.value == 0:
        check = Check(identity, node, years[1], years)
        yield _over_zero(check, Claim.of_figure(item.figure), before)
        return
    computed = (
        change_percent(before, after, years) if is_percent else variation(after, before, years)
    )
    if computed is not None:
        check = Check(identity, node, years[1], years)
        yield finding(check, Claim.of_figure(item.figure), computed, rounded=is_percent)


def _share(graph: Graph, node: str, item: Stated, edition: str) -> Iterator[Finding]:
    """Section 3's `Ce programme représente X %`: program / portfolio expenditure."""
    portfolio = portfolio_of(graph, node)
    part, whole = (amount(graph, n, Measure.EXPENDITURE, edition) for n in (node, portfolio))
    computed = share_percent(part, whole) if part and whole else None
    if computed is not None:
        check = Check(Identity.PROGRAM_SHARE, node, edition, (edition,))
        yield finding(check, Claim.of_figure(item.figure), computed, rounded=True)


def row_credits(
    graph: Graph, node: str, held: list[Stated], editions: Editions
) -> Iterator[Finding]:
    """credits = expenditure − amortization + investment, within one stated row."""
    identity = {Kind.PROGRAM: Identity.PROGRAM_CREDITS, Kind.PORTFOLIO: Identity.PORTFOLIO_CREDITS}
    if kind_of(node) not in identity:
        return
    rows: dict[tuple[str, int], dict[Measure, Stated]] = {}
    for item in held:
        where = (item.figure.provenance.source, item.figure.provenance.line_start)
        if item.figure.year == editions[where[0]][0]:
            rows.setdefault(where, {})[item.figure.measure] = item
    for (source, _), row in rows.items():
        computed = _row_sum(row)
        if computed is not None and Measure.CREDITS in row:
            edition = editions[source][0]
            check = Check(identity[kind_of(node)], node, edition, (edition,))
            yield finding(check, Claim.of_figure(row[Measure.CREDITS].figure), computed, False)


def _row_sum(row: dict[Measure, Stated]) -> Amount | None:
    if any(m not in row for m in _ROW_TERMS):
        return None
    spent, amortized, invested = (row[m].figure for m in _ROW_TERMS)
    value = credits_of(spent.value, amortized.value, invested.value)
    line = f"{spent.provenance.source}:{spent.provenance.line_start}"
    derivation = f"expenditure − amortization + investment as stated on {line}"
    return Amount(value, spent.unit, derivation, (spent.provenance,))


def uncomputed_findings(
    graph: Graph, node: str, editions: Editions, edition: str
) -> Iterator[Finding]:
    """Each `n.d.` (or empty) percentage cell: `ok` where the previous year is 0, a
    `mismatch` where it is not (the document could have computed the change)."""
    for item in uncomputed(graph, node):
        rule = rule_for(node, item.table, item.about)
        if item.edition != edition or rule is None or rule.percent is None:
            continue
        years = editions[item.marker.provenance.source][::-1]
        before, after = (level(graph, node, rule.change_basis, item.about, y) for y in years)
        if before is not None and after is not None:
            check = Check(rule.percent, node, edition, years)
            yield _marked(check, item.marker, before, change_percent(before, after, years))


def _marked(
    check: Check, marker: NotComputable, before: Amount, computed: Amount | None
) -> Finding:
    """`n.d.` over a base of 0 is `ok`; over 45 800,0 (a change of 11,6 %) a `mismatch`."""
    written = f'"{marker.raw}"' if marker.raw else "an empty cell"
    note = f"{written} says not computable; the {check.years[0]} base is {before.value}"
    expected = None if computed is None else round_percent(computed.value)
    shown = computed or before
    return Finding(
        identity=check.identity,
        node=check.node,
        measure=marker.measure,
        edition=check.edition,
        years=check.years,
        stated=None,
        expected=expected,
        computed=None if computed is None else computed.value,
        difference=None,
        status=Status.OK if computed is None else Status.MISMATCH,
        unit=Unit.PERCENT,
        stated_raw=marker.raw,
        stated_at=marker.provenance,
        cell=marker.cell,
        derivation=shown.derivation,
        sources=shown.sources,
        note=note if expected is None else f"{note}: the change is {expected} %",
    )


def _over_zero(check: Check, claim: Claim, before: Amount) -> Finding:
    """A percentage stated where the previous year is 0: nothing to check it against."""
    note = f"a percentage is stated where the {check.years[0]} base is 0 (expected n.d.)"
    found = unchecked(check, claim, note)
    return replace(found, derivation=before.derivation, sources=before.sources)
