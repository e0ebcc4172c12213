"""Auditing section 1: each rounded amount or percentage of the highlights.

What a value talks about is read from its words, by general rules:
- the quantity: the last of `investissement`, `crédit`, `dépense` written in its
  sentence before it (expenditure when none is);
- a change or a level: a change word (`augmentation`, `hausse`, `bonification`,
  `diminution`, `variation`...) in the clause before the value (from the last
  comma, semicolon, colon or parenthesis, or the previous value, or the
  sentence start), or `de plus` / `de moins` right after it; a decrease word
  (`diminution`, `baisse`, `réduction`, `recul`, `de moins`) makes the stated
  magnitude negative;
- whose: the organization (ministry or body) or `programme N` named right after
  the value, else right before it; else the paragraph's program, else the
  whole portfolio;
- a percentage that is not a change is the subject's share of the portfolio.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from graph.aggregates import Amount, amount
from graph.audit_findings import Check, Claim, Finding, Identity, finding
from graph.audit_tables import change_percent, share_percent, variation
from graph.kinds import Rel
from graph.names import fold, name_key
from graph.nodes import Graph
from graph.queries import children, programs
from loaders.prose import sentences
from loaders.records import Measure, Paragraph, StatedValue, Unit

_CHANGE = re.compile(r"\b(augment|hauss|bonifi|accroi|croiss|variation|diminu|baiss|redu|recul)")
_DECREASE = re.compile(r"\b(diminu|baiss|redu|recul)")
_CLAUSE = re.compile(r"[,;:()]")
_AFTER = re.compile(r"^\W*de (plus|moins)\b")
_QUANTITIES = {"investissement": Measure.INVESTMENT, "credit": Measure.CREDITS}
_QUANTITY = re.compile(r"\b(investissement|credit|depense)")
_PROGRAM = re.compile(r"\bprogramme (\d+)\b")
THOUSAND = 1000


@dataclass(frozen=True, slots=True)
class Reading:
    """What one stated value talks about."""

    value: StatedValue
    subject: str
    quantity: Measure
    is_change: bool
    sign: int


def highlight_findings(
    graph: Graph, portfolio: str, edition: str, previous: str
) -> Iterator[Finding]:
    """Every highlight value of the document of `edition` (which compares with `previous`)."""
    held: dict[str, tuple[Paragraph, ...]] = graph.nodes[portfolio].get("highlights", {})
    for paragraph in held.get(edition, ()):
        for reading in readings(graph, portfolio, edition, paragraph):
            yield from _judge(graph, portfolio, reading, (previous, edition))


def readings(graph: Graph, portfolio: str, edition: str, paragraph: Paragraph) -> Iterator[Reading]:
    """Each value of `paragraph`, with the quantity, subject and sense its words give it."""
    cursor = 0
    for value in paragraph.values:
        at = paragraph.text.find(value.raw, cursor)
        cursor = at + len(value.raw)
        found = sentences(paragraph.text[:at])
        lead = fold(found[-1] if found else "")
        before, _, after = value.phrase.partition(value.raw)
        near, tail = fold(before), fold(after)
        is_change, sign = _sense(_CLAUSE.split(near)[-1], tail)
        subject = _subject(graph, portfolio, edition, paragraph, (tail, near))
        yield Reading(value, subject, _quantity(lead), is_change, sign)


def _sense(clause: str, tail: str) -> tuple[bool, int]:
    """A change or a level, from the clause before the value (or `de plus` after it);
    a decrease is negative."""
    after = _AFTER.search(tail)
    decrease = _DECREASE.search(clause) or (after and after.group(1) == "moins")
    return bool(_CHANGE.search(clause) or after), -1 if decrease else 1


def _quantity(lead: str) -> Measure:
    words = _QUANTITY.findall(lead)
    return _QUANTITIES.get(words[-1], Measure.EXPENDITURE) if words else Measure.EXPENDITURE


def _subject(
    graph: Graph, portfolio: str, edition: str, paragraph: Paragraph, texts: tuple[str, str]
) -> str:
    """The organization or program named after the value, else before it, else the default."""
    organizations = children(graph, portfolio, Rel.HAS_ORGANIZATION)
    keys = {o: f" {name_key(graph.nodes[o]['name'])} " for o in organizations}
    numbered = {graph.nodes[p]["number"]: p for p in programs(graph, portfolio, edition)}
    for text in texts:
        key = f" {name_key(text)} "
        named = sorted((o for o in organizations if keys[o] in key), key=lambda o: -len(keys[o]))
        if named:
            return named[0]
        mention = _PROGRAM.search(text)
        if mention and int(mention.group(1)) in numbered:
            return str(numbered[int(mention.group(1))])
    return str(numbered.get(paragraph.program, portfolio))


def _judge(
    graph: Graph, portfolio: str, reading: Reading, years: tuple[str, str]
) -> Iterator[Finding]:
    before, after = (_level(graph, reading.subject, reading.quantity, y) for y in years)
    computed, measure, span = _computed(graph, portfolio, reading, before, after, years)
    if computed is None:
        return
    stated = reading.value
    if stated.unit is Unit.DOLLARS:
        computed = _dollars(computed)
    identity = (
        Identity.HIGHLIGHT_PERCENT if stated.unit is Unit.PERCENT else Identity.HIGHLIGHT_AMOUNT
    )
    check = Check(identity, reading.subject, years[1], span)
    yield finding(check, Claim.of_prose(stated, measure, reading.sign), computed, rounded=True)


def _computed(
    graph: Graph,
    portfolio: str,
    reading: Reading,
    before: Amount | None,
    after: Amount | None,
    years: tuple[str, str],
) -> tuple[Amount | None, Measure, tuple[str, ...]]:
    """The computed side: a change (amount or %), a share, or a level."""
    percent = reading.value.unit is Unit.PERCENT
    if reading.is_change:
        if before is None or after is None:
            return None, Measure.VARIATION, years
        if percent:
            return change_percent(before, after, years), Measure.PERCENT_CHANGE, years
        return variation(after, before, years), Measure.VARIATION, years
    if not percent:
        return after, reading.quantity, years[1:]
    whole = _level(graph, portfolio, reading.quantity, years[1])
    if reading.subject == portfolio or after is None or whole is None:
        return None, Measure.SHARE, years[1:]
    return share_percent(after, whole), Measure.SHARE, years[1:]


def _level(graph: Graph, node: str, quantity: Measure, year: str) -> Amount | None:
    return amount(graph, node, quantity, year)


def _dollars(computed: Amount) -> Amount:
    """A table amount (000 $) as whole dollars, to compare with a prose amount."""
    if computed.unit is not Unit.THOUSANDS_OF_DOLLARS:
        return computed
    derivation = f"({computed.derivation}) × 1 000 $"
    return Amount(computed.value * THOUSAND, Unit.DOLLARS, derivation, computed.sources)
